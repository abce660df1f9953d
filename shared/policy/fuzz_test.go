package policy

import (
	"slices"
	"testing"

	agentiq "github.com/agentiq/agentiq/shared"
)

// FuzzDecode feeds arbitrary bytes to the request decoder and decides on
// whatever decodes: nothing panics, and a decision is well formed.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(minimal))
	f.Add([]byte(`{"id":1,"now":"2026-03-10T12:00:00Z","channel":"sms","message":{"scenario":"promo","text":"Скидка! STOP"},"subject":{"timezone":"Asia/Tokyo","consents":[{"purpose":"advertising","channel":"*","granted_at":"2026-01-01T00:00:00Z"}]}}`))
	f.Add([]byte(`{"now":"2026-03-10T12:00:00+03:00","channel":"wb_chat","message":{"message_type":"marketing","marketing_window":"compensation_case"},"chat":{"open_case":{"id":"","opened_at":"2026-03-10T12:00:00+03:00"}}}`))
	f.Add([]byte(`{"id":"x","now":"0001-01-01T00:00:00Z"}`))
	f.Add([]byte(`[]`))
	e, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Decode(data)
		if err != nil {
			return
		}
		d, err := e.Decide(r)
		if err != nil {
			t.Fatalf("decoded request refused by Decide: %v", err)
		}
		if d.Decision.Rank() < 0 || !slices.IsSorted(d.Reasons) {
			t.Fatalf("malformed decision %+v", d)
		}
		if (d.Decision == agentiq.Allow) != (len(d.Reasons) == 0) {
			t.Fatalf("decision %s with reasons %v", d.Decision, d.Reasons)
		}
		if d.Priority == "" || d.RulesVersion != e.Version() {
			t.Fatalf("decision without priority or version: %+v", d)
		}
	})
}
