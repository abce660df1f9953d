package storetest

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
)

// consentEvent is a valid given consent for the suite's subject.
func consentEvent(id, subject, purpose, channel string, at time.Time) agentiq.ConsentEvent {
	return agentiq.ConsentEvent{SellerID: "s1", RecordID: id, SubjectKey: subject, Action: agentiq.ConsentGiven,
		Purpose: purpose, Channel: channel, At: at, Method: "web_form", Source: "https://shop.example/subscribe",
		TextVersion: "v3", TextSHA256: strings.Repeat("ab", 32), EvidenceRef: "form-" + id,
		CollectedBy: "crm", Jurisdiction: "RU"}
}

// consentAudits returns the chain's consent records.
func consentAudits(t *testing.T, s Store) []agentiq.AuditRecord {
	t.Helper()
	all, err := s.AuditSeq(ctx, "s1", 1, 1<<40)
	must(t, err)
	if err := agentiq.VerifyChain(agentiq.AuditRecord{}, all); err != nil {
		t.Fatal(err)
	}
	return slices.DeleteFunc(all, func(r agentiq.AuditRecord) bool { return r.Kind != agentiq.AuditConsent })
}

func testConsents(t *testing.T, open Factory) {
	s := newStore(t, open, Config{})
	key := Pseudonyms().Pseudonym("phone", "+79165554433")
	_, err := s.Subject(ctx, "s1", key)
	wantErr(t, err, agentiq.ErrNotFound)
	must(t, s.RecordOptOut(ctx, "s1", key, T0, "e-77"))
	must(t, s.RecordOptOut(ctx, "s1", key, T0.Add(time.Hour), "e-78")) // the first stands
	for i := 0; i < 3; i++ {
		must(t, s.RecordMarketing(ctx, "s1", key, agentiq.ChannelWhatsApp, T0.Add(time.Duration(i)*time.Hour)))
	}
	must(t, s.RecordMarketing(ctx, "s1", key, agentiq.ChannelWhatsApp, T0.Add(100*24*time.Hour))) // drops the old ones
	sub, err := s.Subject(ctx, "s1", key)
	must(t, err)
	if sub.OptedOutAt == nil || !sub.OptedOutAt.Equal(T0) || sub.OptOutRef != "e-77" {
		t.Errorf("opt-out %v %q", sub.OptedOutAt, sub.OptOutRef)
	}
	if got := sub.MarketingSentAt[agentiq.ChannelWhatsApp]; len(got) != 1 {
		t.Errorf("marketing history %v, want the last send only", got)
	}
	wantErr(t, s.RecordOptOut(ctx, "s1", "", T0, "e-1"), agentiq.ErrInvalid)
}

func testConsentRegister(t *testing.T, open Factory) {
	s := newStore(t, open, Config{})
	key := Pseudonyms().Pseudonym("phone", "+79165554433")
	ad := consentEvent("c-ad-1", key, agentiq.PurposeAdvertising, "whatsapp", T0.Add(-48*time.Hour))
	pd := consentEvent("c-pd-1", key, agentiq.PurposePDMarketing, "*", T0.Add(-72*time.Hour))
	wd := agentiq.ConsentEvent{SellerID: "s1", RecordID: "w-1", SubjectKey: key, Action: agentiq.ConsentWithdrawn,
		Purpose: agentiq.PurposeAdvertising, Channel: "*", At: T0.Add(-time.Hour), Method: "stop_reply", EvidenceRef: "evt-9"}

	for _, e := range []agentiq.ConsentEvent{ad, pd, wd} {
		created, err := s.RegisterConsent(ctx, e)
		must(t, err)
		if !created {
			t.Errorf("%s: not created on first registration", e.RecordID)
		}
	}
	// the same record again is stored once, whenever it is registered
	again := ad
	again.RecordedAt = T0.Add(5 * time.Hour)
	created, err := s.RegisterConsent(ctx, again)
	must(t, err)
	if created {
		t.Error("a registered record id was created again")
	}
	clash := ad
	clash.Channel = "sms"
	_, err = s.RegisterConsent(ctx, clash)
	wantErr(t, err, agentiq.ErrConflict)

	bad := []struct {
		name string
		e    func(e *agentiq.ConsentEvent)
		want error
	}{
		{"unknown purpose", func(e *agentiq.ConsentEvent) { e.Purpose = "spam" }, agentiq.ErrInvalid},
		{"unknown channel", func(e *agentiq.ConsentEvent) { e.Channel = "pigeon" }, agentiq.ErrInvalid},
		{"no record id", func(e *agentiq.ConsentEvent) { e.RecordID = "" }, agentiq.ErrInvalid},
		{"record id with a space", func(e *agentiq.ConsentEvent) { e.RecordID = "a b" }, agentiq.ErrInvalid},
		{"no time", func(e *agentiq.ConsentEvent) { e.At = time.Time{} }, agentiq.ErrInvalid},
		{"given without evidence", func(e *agentiq.ConsentEvent) { e.EvidenceRef = "" }, agentiq.ErrInvalid},
		{"unknown action", func(e *agentiq.ConsentEvent) { e.Action = "revoked" }, agentiq.ErrInvalid},
		{"unknown seller", func(e *agentiq.ConsentEvent) { e.SellerID = "nobody" }, agentiq.ErrUnknownSeller},
	}
	for _, tt := range bad {
		e := consentEvent("c-bad", key, agentiq.PurposeAdvertising, "sms", T0)
		tt.e(&e)
		if _, err := s.RegisterConsent(ctx, e); !errors.Is(err, tt.want) {
			t.Errorf("%s: error %v, want %v", tt.name, err, tt.want)
		}
	}

	events, err := s.ConsentEvents(ctx, "s1", key)
	must(t, err)
	var ids []string
	for _, e := range events {
		ids = append(ids, e.RecordID)
	}
	if want := []string{"c-pd-1", "c-ad-1", "w-1"}; !slices.Equal(ids, want) {
		t.Errorf("events %v, want %v in time order", ids, want)
	}
	if len(events) == 3 && (!events[1].RecordedAt.Equal(T0) || events[1].TextSHA256 != ad.TextSHA256 || events[1].Jurisdiction != "RU") {
		t.Errorf("stored event %+v", events[1])
	}
	if others, err := s.ConsentEvents(ctx, "s1", "someone-else"); err != nil || len(others) != 0 {
		t.Errorf("another subject's events: %v, %v", others, err)
	}

	// one audit record per registered event, with the event's fields
	audits := consentAudits(t, s)
	if len(audits) != 3 {
		t.Fatalf("%d consent audit records, want 3", len(audits))
	}
	var a agentiq.ConsentAudit
	must(t, json.Unmarshal(audits[0].Data, &a))
	if audits[0].Ref != "c-ad-1" || a.RecordID != "c-ad-1" || a.SubjectKey != key || a.Purpose != agentiq.PurposeAdvertising ||
		a.EvidenceRef != "form-c-ad-1" || a.TextVersion != "v3" || a.Fingerprint != ad.Fingerprint() {
		t.Errorf("audit record %s: %+v", audits[0].Data, a)
	}
	if strings.Contains(string(audits[0].Data), "79165554433") {
		t.Error("the raw subject id is in the audit record")
	}

	// the state is derived: advertising withdrawn on every channel, pd_marketing in force
	if got := agentiq.ConsentState(events, agentiq.PurposeAdvertising, agentiq.ChannelWhatsApp, T0.Add(-2*time.Hour)); !slices.Equal(got, []string{"c-ad-1"}) {
		t.Errorf("advertising before the withdrawal: %v", got)
	}
	if got := agentiq.ConsentState(events, agentiq.PurposeAdvertising, agentiq.ChannelWhatsApp, T0); len(got) != 0 {
		t.Errorf("advertising after the withdrawal: %v", got)
	}
	if got := agentiq.ConsentState(events, agentiq.PurposePDMarketing, agentiq.ChannelSMS, T0); !slices.Equal(got, []string{"c-pd-1"}) {
		t.Errorf("pd_marketing: %v", got)
	}
}

func testConsentConcurrency(t *testing.T, open Factory) {
	s := newStore(t, open, Config{})
	key := Pseudonyms().Pseudonym("email", "anna@example.com")
	const n = 8
	var wg sync.WaitGroup
	created := make(chan bool, 2*n)
	for i := 0; i < n; i++ {
		wg.Add(2)
		go func() { // the same record from n importers at once
			defer wg.Done()
			c, err := s.RegisterConsent(ctx, consentEvent("same", key, agentiq.PurposeAdvertising, "email", T0))
			if err != nil {
				t.Error(err)
			}
			created <- c
		}()
		go func() { // and distinct ones
			defer wg.Done()
			if _, err := s.RegisterConsent(ctx, consentEvent(fmt.Sprintf("own-%d", i), key, agentiq.PurposePDMarketing, "email", T0)); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	close(created)
	first := 0
	for c := range created {
		if c {
			first++
		}
	}
	if first != 1 {
		t.Errorf("the same record created %d times", first)
	}
	if audits := consentAudits(t, s); len(audits) != n+1 {
		t.Errorf("%d consent audit records, want %d", len(audits), n+1)
	}
}

func testConsentStream(t *testing.T, open Factory) {
	s := newStore(t, open, Config{}, "s1", "s2")
	p := Pseudonyms()
	// more events than one page of the embedded store, registered out of
	// time order, over several subjects and two sellers
	const n = 530
	for i := n - 1; i >= 0; i-- {
		e := consentEvent(fmt.Sprintf("r-%04d", i), p.Pseudonym("phone", fmt.Sprint(i%7)), agentiq.PurposeAdvertising, "sms", T0.Add(time.Duration(i)*time.Minute))
		if i%100 == 0 {
			other := e
			other.SellerID = "s2"
			_, err := s.RegisterConsent(ctx, other)
			must(t, err)
		}
		_, err := s.RegisterConsent(ctx, e)
		must(t, err)
	}
	tests := []struct {
		name     string
		from, to time.Time
		first    string
		count    int
	}{
		{"everything", T0.Add(-time.Hour), T0.Add(24 * time.Hour), "r-0000", n},
		{"from is inside, to is outside", T0.Add(10 * time.Minute), T0.Add(20 * time.Minute), "r-0010", 10},
		{"an empty range", T0.Add(24 * time.Hour), T0.Add(48 * time.Hour), "", 0},
		{"to before from", T0.Add(time.Hour), T0, "", 0},
	}
	for _, tt := range tests {
		var got []agentiq.ConsentEvent
		err := s.ConsentEventsBetween(ctx, "s1", tt.from, tt.to, func(e agentiq.ConsentEvent) error {
			got = append(got, e)
			return nil
		})
		must(t, err)
		if len(got) != tt.count || tt.count > 0 && got[0].RecordID != tt.first {
			t.Errorf("%s: %d events from %v, want %d from %s", tt.name, len(got), got[:min(len(got), 1)], tt.count, tt.first)
			continue
		}
		for i := 1; i < len(got); i++ {
			if got[i].At.Before(got[i-1].At) || got[i].SellerID != "s1" {
				t.Fatalf("%s: event %d (%s) out of order or of another seller", tt.name, i, got[i].RecordID)
			}
		}
	}
	stop := errors.New("stop")
	seen := 0
	err := s.ConsentEventsBetween(ctx, "s1", T0, T0.Add(24*time.Hour), func(agentiq.ConsentEvent) error {
		seen++
		if seen == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || seen != 3 {
		t.Errorf("a failing callback: %v after %d events", err, seen)
	}
}
