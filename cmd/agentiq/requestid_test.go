package main

import (
	"bytes"
	"testing"

	"github.com/agentiq/agentiq/shared/policy"
)

// TestRequestIDIsLineID: the id a decide answer carries is the line's own
// id token, whether or not the quick path could read it.
func TestRequestIDIsLineID(t *testing.T) {
	const rest = `"now":"2026-03-01T12:00:00+03:00","channel":"wb_chat","message":{"text":"Здравствуйте","message_type":"service"}`
	for _, line := range []string{
		`{"id":"d-1",` + rest + `}`,
		`{"id": "d-1" ,` + rest + `}`,
		`{` + rest + `,"id":"в конце"}`,
		`{"id":"d\u002d1",` + rest + `}`,
		`{"id":"a","id":"b",` + rest + `}`,
		`{"ID":"a",` + rest + `}`,
		`{"id":"a","Id":"b",` + rest + `}`,
		`{"chat":{"open_case":{"id":"c-1","type":"defect","opened_at":"2026-02-28T10:00:00+03:00"}},"id":"c-1",` + rest + `}`,
		`{"id":"",` + rest + `}`,
		`{"id":null,` + rest + `}`,
		`{` + rest + `}`,
		"{\"id\":\"bad\xffutf8\"," + rest + `}`,
		`{"id":"d-1",` + rest + `,"note":"id"}`,
	} {
		req, err := policy.Decode([]byte(line))
		if err != nil {
			t.Fatalf("%s: %v", line, err)
		}
		got, want := requestID([]byte(line), req.ID), lineID([]byte(line))
		if !bytes.Equal(got, want) {
			t.Errorf("%s: id %s, want %s", line, got, want)
		}
	}
}
