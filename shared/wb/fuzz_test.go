package wb

import (
	"encoding/json"
	"strings"
	"testing"
)

// WB's event pages decode into events the store accepts, or an error:
// never a panic, never an event that fails validation.
func FuzzEvents(f *testing.F) {
	f.Add([]byte(`{"result":{"next":1698045576000,"totalEvents":1,"events":[{"chatID":"1:a","eventID":"e","eventType":"message","message":{"text":"Здравствуйте","attachments":{"goodCard":{"nmID":1},"images":[{"downloadID":"d"}]}},"source":"rusite","addTimestamp":1698037340000,"sender":"client","clientName":"Алёна"}]},"errors":null}`))
	f.Add([]byte(`{"result":{"events":[{"chatID":"c","eventID":"e","sender":"seller","addTime":"2023-10-23T05:02:20Z"}]}}`))
	f.Add([]byte(`{"result":{"events":[{"chatID":"c","eventID":"e","sender":"wb","addTimestamp":1698037340,"message":{"text":"\xff\xfe"}}]}}`))
	f.Add([]byte(`{"result":{"next":"x"}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		var r EventsResponse
		if json.Unmarshal(body, &r) != nil {
			return
		}
		for _, e := range r.Result.Events {
			d, err := e.Domain()
			if err != nil {
				continue
			}
			if err := d.Validate(); err != nil {
				t.Fatalf("Domain gave an event the store refuses: %v", err)
			}
		}
	})
}

// Any error body decodes into a kind, and the token never shows.
func FuzzErrorBody(f *testing.F) {
	const token = "secret-token-value"
	f.Add(400, []byte(`{"status":400,"title":"Bad Request","detail":"Invalid signature","requestId":"1b21","error":"Invalid signature"}`))
	f.Add(401, []byte(`{"title":"unauthorized","detail":"token secret-token-value is bad"}`))
	f.Add(429, []byte(`{"title":"too many requests"}`))
	f.Add(502, []byte(`<html>502</html>`))
	f.Add(500, []byte(strings.Repeat("x", 190)))
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		e := decodeError("events", status, append(body, []byte(token)...), token)
		if e.Kind == "" {
			t.Fatal("no kind")
		}
		// Not even a part of it, unless the body held that part by itself.
		if strings.Contains(e.Error(), token[:12]) && !strings.Contains(string(body), token[:12]) {
			t.Fatalf("the token shows: %s", e.Error())
		}
	})
}

func FuzzParseLimit(f *testing.F) {
	for _, s := range []string{"10/10s", "3/30s", "1/1h", "0/1s", "x", "5/-1s", "9999999999999/1ns"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, err := ParseLimit(s)
		if err == nil && (!l.Valid() || l.Interval() < 0) {
			t.Fatalf("%q gave the unusable limit %+v", s, l)
		}
	})
}
