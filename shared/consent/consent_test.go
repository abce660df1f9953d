package consent_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/bolt"
	"github.com/agentiq/agentiq/shared/consent"
	"github.com/agentiq/agentiq/shared/ingest"
	"github.com/agentiq/agentiq/shared/pii"
)

var (
	ctx = context.Background()
	t0  = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
)

func pseudonyms(t *testing.T) *pii.Pseudonymizer {
	p, err := pii.NewPseudonymizer([]byte("consent-test-key-0123456789abcdef"))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// openStore opens an embedded store with seller s1; it returns the path
// of its file too.
func openStore(t *testing.T) (*bolt.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "agentiq.db")
	st, err := bolt.Open(bolt.Config{Path: path, Ingest: ingest.Options{Pseudonyms: pseudonyms(t)}, Now: func() time.Time { return t0 }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.PutSeller(ctx, agentiq.Seller{ID: "s1", Name: "Магазин", Active: true, CreatedAt: t0}); err != nil {
		t.Fatal(err)
	}
	return st, path
}

func TestNormalizeSubject(t *testing.T) {
	tests := []struct{ raw, ns, id string }{
		{"+7 (916) 555-44-33", "phone", "79165554433"},
		{"89165554433", "phone", "79165554433"},
		{"9165554433", "phone", "79165554433"},
		{" Anna.Petrova@Example.RU ", "email", "anna.petrova@example.ru"},
		{"+49 30 1234567", "phone", "49301234567"},
		{"12345", "", ""},
		{"call me", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		ns, id, err := consent.NormalizeSubject(tt.raw)
		if ns != tt.ns || id != tt.id || (err != nil) != (tt.ns == "") {
			t.Errorf("%q: %q %q %v, want %q %q", tt.raw, ns, id, err, tt.ns, tt.id)
		}
	}
}

const sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

// importFile has four good lines (two subjects written two ways each)
// and bad ones, each with the reason it must be rejected for.
var importFile = strings.Join([]string{
	`{"record_id":"r-1","subject":"+7 (916) 555-44-33","action":"given","purpose":"advertising","channel":"sms","at":"2026-01-10T10:00:00+03:00","method":"web_form","source":"https://shop.example/form","text_version":"v3","text_sha256":"` + sha + `","evidence_ref":"form-42","collected_by":"crm"}`,
	`{"record_id":"r-2","subject":"89165554433","action":"given","purpose":"pd_marketing","channel":"*","at":"2026-01-10T10:00:00+03:00","method":"checkout_checkbox","evidence_ref":"order-7"}`,
	``,
	`{"record_id":"r-3","subject":"anna@example.com","action":"given","purpose":"advertising","channel":"email","at":"2026-01-11T10:00:00Z","method":"qr","evidence_ref":"qr-1"}`,
	`{"record_id":"r-4","subject":"ANNA@example.com","action":"withdrawn","purpose":"advertising","channel":"*","at":"2026-02-01T10:00:00Z","method":"unsubscribe_link"}`,
	`{"record_id":"r-5","subject":"+79161112233","action":"given","purpose":"spam","channel":"sms","at":"2026-01-10T10:00:00Z","method":"web_form","evidence_ref":"x"}`,
	`{"record_id":"r-6","subject":"+79161112233","action":"given",`,
	`{"record_id":"r-7","subject_key":"p1_abc","action":"given","purpose":"advertising","channel":"sms","at":"2026-01-10T10:00:00Z","method":"web_form","evidence_ref":"x"}`,
	`{"record_id":"r-8","subject":"not a phone","action":"given","purpose":"advertising","channel":"sms","at":"2026-01-10T10:00:00Z","method":"web_form","evidence_ref":"x"}`,
	`{"record_id":"r-9","subject":"+79161112233","action":"given","purpose":"advertising","channel":"sms","at":"10.01.2026","method":"web_form","evidence_ref":"x"}`,
	`{"record_id":"r-10","subject":"+79161112233","action":"given","purpose":"advertising","channel":"sms","at":"2026-01-10T10:00:00Z","method":"web_form","evidence_ref":"x","text_sha256":"abc"}`,
	`{"record_id":"r-11","subject":"+79161112233","action":"given","purpose":"advertising","channel":"pigeon","at":"2026-01-10T10:00:00Z","method":"web_form","evidence_ref":"x"}`,
	`{"record_id":"r-12","action":"given","purpose":"advertising","channel":"sms","at":"2026-01-10T10:00:00Z","method":"web_form","evidence_ref":"x"}`,
	`{"record_id":"r-1","subject":"+79165554433","action":"given","purpose":"advertising","channel":"viber","at":"2026-01-10T10:00:00+03:00","method":"web_form","evidence_ref":"form-42"}`,
	`{"record_id":"r-13","subject":"+79161112233","comment":"` + strings.Repeat("x", consent.MaxLineBytes) + `"}`,
	`[1,2,3]`,
}, "\n")

func TestImport(t *testing.T) {
	st, path := openStore(t)
	keys := consent.SubjectKeys(pseudonyms(t))
	rep, err := consent.Import(ctx, st, "s1", strings.NewReader(importFile), keys)
	if err != nil {
		t.Fatal(err)
	}
	wantRejected := map[int]string{ // line → a word of the reason
		6: "purpose", 7: "incomplete", 8: "subject_key", 9: "subject", 10: "RFC 3339",
		11: "text_sha256", 12: "channel", 13: "no subject", 14: "different content", 15: "longer than", 16: "object",
	}
	if rep.Imported != 4 || rep.AlreadyPresent != 0 || rep.Rejected != len(wantRejected) || rep.Lines != 15 {
		t.Errorf("report %+v", rep)
	}
	for _, e := range rep.Errors {
		if w, ok := wantRejected[e.Line]; !ok || !strings.Contains(e.Reason, w) {
			t.Errorf("%s: want line %d rejected for %q", e, e.Line, w)
		}
		if strings.Contains(e.String(), "79161112233") || strings.Contains(e.String(), "555-44") {
			t.Errorf("%s: a raw subject id in the report", e)
		}
	}

	// the same file again imports nothing
	again, err := consent.Import(ctx, st, "s1", strings.NewReader(importFile), keys)
	if err != nil {
		t.Fatal(err)
	}
	if again.Imported != 0 || again.AlreadyPresent != 4 || again.Rejected != len(wantRejected) {
		t.Errorf("second import %+v", again)
	}

	// one subject however the phone was written; the state is derived
	phone, _ := keys("+79165554433")
	events, err := st.ConsentEvents(ctx, "s1", phone)
	if err != nil || len(events) != 2 {
		t.Fatalf("events of the phone subject: %v %v", events, err)
	}
	if got := agentiq.ConsentState(events, agentiq.PurposePDMarketing, agentiq.ChannelSMS, t0); !slices.Equal(got, []string{"r-2"}) {
		t.Errorf("pd_marketing in force: %v", got)
	}
	email, _ := keys("anna@example.com")
	events, _ = st.ConsentEvents(ctx, "s1", email)
	if got := agentiq.ConsentState(events, agentiq.PurposeAdvertising, agentiq.ChannelEmail, t0); len(got) != 0 {
		t.Errorf("advertising by e-mail after the unsubscribe: %v", got)
	}
	audit, _ := st.AuditSeq(ctx, "s1", 1, 100)
	if len(audit) != 4 {
		t.Errorf("%d audit records after two imports, want 4", len(audit))
	}

	// no raw subject id at rest
	st.Close()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, pd := range []string{"79165554433", "9165554433", "555-44-33", "anna@example.com", "ANNA@"} {
		if bytes.Contains(raw, []byte(pd)) {
			t.Errorf("%q is stored", pd)
		}
	}
}

func TestImportUnknownSeller(t *testing.T) {
	st, _ := openStore(t)
	line := `{"record_id":"r-1","subject":"+79165554433","action":"given","purpose":"advertising","channel":"sms","at":"2026-01-10T10:00:00Z","method":"web_form","evidence_ref":"x"}`
	_, err := consent.Import(ctx, st, "nobody", strings.NewReader(line), consent.SubjectKeys(pseudonyms(t)))
	if err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("import for an unknown seller: %v", err)
	}
}

func TestWithdrawForOptOut(t *testing.T) {
	st, _ := openStore(t)
	key := pseudonyms(t).Pseudonym("wb-client", "client-1")
	given := []agentiq.ConsentEvent{
		{SellerID: "s1", RecordID: "g-ad", SubjectKey: key, Action: agentiq.ConsentGiven, Purpose: agentiq.PurposeAdvertising, Channel: "*", At: t0.Add(-time.Hour), Method: "app", EvidenceRef: "app-1"},
		{SellerID: "s1", RecordID: "g-pd", SubjectKey: key, Action: agentiq.ConsentGiven, Purpose: agentiq.PurposePDMarketing, Channel: "*", At: t0.Add(-time.Hour), Method: "app", EvidenceRef: "app-1"},
	}
	for _, e := range given {
		if _, err := consent.Register(ctx, st, e); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 2; i++ { // the responder retries the same message
		evs, err := consent.WithdrawForOptOut(ctx, st, "s1", key, agentiq.ChannelWBChat, t0, "evt-77", consent.MethodWBChat)
		if err != nil || len(evs) != 2 {
			t.Fatalf("opt-out: %v %v", evs, err)
		}
	}
	events, _ := st.ConsentEvents(ctx, "s1", key)
	if len(events) != 4 {
		t.Fatalf("%d events, want 2 given and 2 withdrawn", len(events))
	}
	for _, e := range events[2:] {
		if e.Action != agentiq.ConsentWithdrawn || e.Channel != "*" || e.EvidenceRef != "evt-77" || e.Method != consent.MethodWBChat || e.Source != "wb_chat" {
			t.Errorf("withdrawal %+v", e)
		}
	}
	for _, ch := range []agentiq.Channel{agentiq.ChannelSMS, agentiq.ChannelTelegram} {
		for _, p := range []string{agentiq.PurposeAdvertising, agentiq.PurposePDMarketing} {
			if got := agentiq.ConsentState(events, p, ch, t0); len(got) != 0 {
				t.Errorf("%s on %s after the opt-out: %v", p, ch, got)
			}
		}
	}
	sub, err := st.Subject(ctx, "s1", key)
	if err != nil || sub.OptedOutAt == nil || sub.OptOutRef != "evt-77" {
		t.Errorf("subject %+v %v", sub, err)
	}
	audit, _ := st.AuditSeq(ctx, "s1", 1, 100)
	if len(audit) != 4 {
		t.Errorf("%d audit records, want 4", len(audit))
	}
	bad := []struct{ method, event string }{{"email_reply", "evt-1"}, {consent.MethodStopReply, ""}}
	for _, b := range bad {
		if _, err := consent.WithdrawForOptOut(ctx, st, "s1", key, agentiq.ChannelSMS, t0, b.event, b.method); err == nil {
			t.Errorf("opt-out %q/%q accepted", b.method, b.event)
		}
	}
}

func ExampleOptOutRecordID() {
	fmt.Println(len(consent.OptOutRecordID("s1", "p1_x", "evt-1", agentiq.PurposeAdvertising)) <= 128)
	// Output: true
}
