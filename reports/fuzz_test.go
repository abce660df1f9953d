package reports

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	agentiq "github.com/agentiq/agentiq/shared"
)

// FuzzRecord: whatever an audit record's data holds, the reports read it
// without panicking, and every string they write is safe in a cell and
// drawable in the PDF.
func FuzzRecord(f *testing.F) {
	for _, e := range cleanFixture().entries[:20] {
		f.Add(e.Kind, []byte(e.Data))
	}
	f.Add(agentiq.AuditDecision, []byte(`{"decision":"allow","message_type":"marketing","channel":"telegram","consent_ids":["x"],"excerpt":"=1\u0000😀"}`))
	f.Add(agentiq.AuditOptOut, []byte(`{"at":"bad"}`))
	consents := cleanFixture().consents
	req0 := request(KindConsent, FormatPDF)
	_ = req0.Normalize()
	d := newPDF(&req0, "t", "v") // the font once: wrapping and measuring are what text can break
	f.Fuzz(func(t *testing.T, kind string, data []byte) {
		rec := agentiq.NextRecord(seller, agentiq.AuditRecord{}, agentiq.AuditEntry{At: periodLo.Add(1), Kind: kind, Data: data})
		src := &MemSource{Records: []agentiq.AuditRecord{rec}, Consents: consents}
		req := request(KindConsent, FormatPDF)
		req.DetailRows = 5
		_ = req.Normalize()
		c, err := loadRegister(context.Background(), src, &req, func(agentiq.ConsentEvent) error { return nil })
		if err != nil {
			t.Fatal(err)
		}
		if err := runConsent(context.Background(), src, &req, c, func(*marketingRow) error { return nil },
			func(*exceptionRow) error { return nil }); err != nil {
			t.Fatal(err)
		}
		a := newAuditAgg(req.Zone)
		row := a.add(rec, true)
		_ = a.add(rec, false)
		for _, s := range []string{row.Excerpt, row.Details, row.Reasons, row.Chat} {
			if v := cellText(s); strings.IndexFunc(v, badXML) >= 0 || (v != "" && strings.IndexByte("=+-@\t\r", v[0]) >= 0) {
				t.Fatalf("cellText(%q) = %q", s, v)
			}
			if p := pdfText(s); utf8.ValidString(s) && strings.ContainsFunc(p, func(r rune) bool { return r >= 0x10000 }) {
				t.Fatalf("pdfText(%q) kept %q", s, p)
			}
		}
		for _, s := range []string{row.Excerpt, row.Details, string(data)} {
			_ = d.p.SplitText(pdfText(s), 30)
			_ = d.p.GetStringWidth(pdfText(s))
		}
		if d.p.Err() {
			t.Fatal(d.p.Error())
		}
	})
}

// FuzzDecodeDecision: whenever the direct scan answers, encoding/json
// accepts the same text and gives the same record.
func FuzzDecodeDecision(f *testing.F) {
	for _, e := range cleanFixture().entries {
		f.Add([]byte(e.Data))
	}
	for _, s := range []string{`{}`, `{"reasons":null}`, `{"reasons":[]}`, `{"decision":"allow","decision":null}`,
		`{"Decision":"deny"}`, `{"sent_at":null,"sent_at":"2026-11-01T10:00:00Z"}`, `{"x":[1,{"a":-0.5e+3}],"dry_run":true} `,
		`{"decided_at":"2026-11-01T10:00:00.123+03:00","consent_ids":["a","b"]}`, `{"x":01}`, `{"excerpt":"\u0041\n"}`,
		`{"wait_seconds":1.5e3,"buyer_intents":["defect"],"uncertain":true}`, `{"wait_seconds":-0}`, `{"buyer_intents":null}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var fast, std agentiq.DecisionRecord
		if !scanDecision(data, &fast) {
			return
		}
		if err := json.Unmarshal(data, &std); err != nil {
			t.Fatalf("the scan read %q, encoding/json refuses it: %v", data, err)
		}
		if !reflect.DeepEqual(fast, std) {
			t.Fatalf("%q:\nscan %+v\njson %+v", data, fast, std)
		}
	})
}

// The scan reads the records agentiq writes without falling back.
func TestScanFactsReadsCanonicalRecords(t *testing.T) {
	n := 0
	for _, e := range withViolations(cleanFixture()).entries {
		if e.Kind != agentiq.AuditDecision {
			continue
		}
		var f agentiq.DecisionRecord
		if !scanDecision(e.Data, &f) || f.DecisionID == "" || f.DecidedAt.IsZero() {
			t.Fatalf("scan fell back on %s", e.Data)
		}
		n++
	}
	if n < 200 {
		t.Fatalf("only %d decisions", n)
	}
}
