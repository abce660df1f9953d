package respond_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/policy"
	"github.com/agentiq/agentiq/shared/respond"
	"github.com/agentiq/agentiq/shared/wb"
)

// recorder stands in for WB where a test is about what is decided, not
// about WB (the sandbox tests cover that): it keeps what it was sent.
type recorder struct {
	mu   sync.Mutex
	sent []wb.Message
	err  error // Sender fails with it
}

func (r *recorder) Sender(context.Context, agentiq.Seller) (respond.Sender, error) {
	if r.err != nil {
		return nil, r.err
	}
	return r, nil
}

func (r *recorder) Send(_ context.Context, m wb.Message) (wb.SendResult, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sent = append(r.sent, m)
	return wb.SendResult{AddTime: time.Now().UnixMilli()}, nil
}

// direct is a store holding the given buyer messages (each its own chat
// unless it names one), and a responder sending to rec.
func direct(t *testing.T, rec *recorder, events ...agentiq.Event) (agentiq.Store, *respond.Responder) {
	t.Helper()
	return directFor(t, "s1", rec, events...)
}

// directFor is direct for another seller; the messages are older than
// the responder's lease, as the sweep takes them.
func directFor(t *testing.T, seller string, rec *recorder, events ...agentiq.Event) (agentiq.Store, *respond.Responder) {
	t.Helper()
	ctx := context.Background()
	st := boltStore(t)
	now := time.Now().UTC().Add(-10 * time.Minute)
	if err := st.PutSeller(ctx, agentiq.Seller{ID: seller, Active: true, CreatedAt: now}); err != nil {
		t.Fatal(err)
	}
	for i := range events {
		e := &events[i]
		e.Sender, e.ReplySign, e.NmID = agentiq.SenderBuyer, "sign-"+e.ChatID, 146273510
		e.At = now.Add(-time.Duration(len(events)-i) * time.Minute)
	}
	if _, err := st.Ingest(ctx, agentiq.IngestBatch{SellerID: seller, Next: 1, Events: events}); err != nil {
		t.Fatal(err)
	}
	eng, err := policy.Default()
	if err != nil {
		t.Fatal(err)
	}
	r, err := respond.New(respond.Config{Store: st, Senders: rec, Engine: eng})
	if err != nil {
		t.Fatal(err)
	}
	return st, r
}

func decisionsOf(t *testing.T, st agentiq.Store) map[string]agentiq.DecisionRecord {
	t.Helper()
	return decisionsOfSeller(t, st, "s1")
}

func decisionsOfSeller(t *testing.T, st agentiq.Store, seller string) map[string]agentiq.DecisionRecord {
	t.Helper()
	head, err := st.AuditHead(context.Background(), seller)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := st.AuditSeq(context.Background(), seller, 1, head.Seq)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]agentiq.DecisionRecord{}
	for _, d := range decisions(t, recs) {
		out[d.EventID] = d
	}
	return out
}

// A chat is answered once, for everything the buyer wrote since the
// seller last did: a defect, then a photo caption, gets the defect reply.
func TestAnswersAllUnansweredMessages(t *testing.T) {
	rec := &recorder{}
	st, r := direct(t, rec,
		agentiq.Event{ID: "e1", ChatID: "c1", Text: "Пылесос не включается", Intents: []agentiq.Intent{agentiq.IntentDefect}},
		agentiq.Event{ID: "e2", ChatID: "c1", Text: "вот фото", Intents: []agentiq.Intent{agentiq.IntentOther}})
	if _, err := r.Run(context.Background(), "s1"); err != nil {
		t.Fatal(err)
	}
	ds := decisionsOf(t, st)
	if ds["e1"].Outcome != agentiq.OutcomeNoReply || ds["e1"].Reasons[0] != "superseded" {
		t.Errorf("e1: %+v", ds["e1"])
	}
	if ds["e2"].Outcome != agentiq.OutcomeSent || ds["e2"].TemplateID != "defect-photos" || len(rec.sent) != 1 {
		t.Errorf("e2: %+v; sent %d", ds["e2"], len(rec.sent))
	}
}

// A message the classifier is unsure of goes to a human, whatever its
// intent's mode.
func TestUncertainGoesToHuman(t *testing.T) {
	rec := &recorder{}
	st, r := direct(t, rec,
		agentiq.Event{ID: "e1", ChatID: "c1", Text: "када привизут", Intents: []agentiq.Intent{agentiq.IntentDelivery}, Uncertain: true},
		agentiq.Event{ID: "e2", ChatID: "c2", Text: "Когда привезут заказ?", Intents: []agentiq.Intent{agentiq.IntentDelivery}})
	if _, err := r.Run(context.Background(), "s1"); err != nil {
		t.Fatal(err)
	}
	ds := decisionsOf(t, st)
	if d := ds["e1"]; d.Outcome != agentiq.OutcomeHeld || !slices.Contains(d.Reasons, "uncertain_intent") || !d.Uncertain {
		t.Errorf("uncertain: %+v", d)
	}
	if d := ds["e2"]; d.Outcome != agentiq.OutcomeSent {
		t.Errorf("certain: %+v", d)
	}
	mod, _ := st.PendingModeration(context.Background(), "s1", 0)
	if len(mod) != 1 || mod[0].EventID != "e1" || mod[0].TemplateID != "delivery-status" {
		t.Errorf("moderation queue %+v", mod)
	}
}

// An item that keeps failing is counted, and after the third failure held
// for a human with a failure record and a decision record: not lost.
func TestKeepsFailing(t *testing.T) {
	rec := &recorder{err: errors.New("no WB API token for seller s1")}
	st, r := direct(t, rec, agentiq.Event{ID: "e1", ChatID: "c1", Text: "Где заказ?", Intents: []agentiq.Intent{agentiq.IntentDelivery}})
	ctx := context.Background()
	for run := 1; run <= 3; run++ {
		rep, err := r.Run(ctx, "s1")
		if err != nil {
			t.Fatal(err)
		}
		if want := run < 3; (rep.Failed == 1) != want {
			t.Errorf("run %d: %+v", run, rep)
		}
	}
	pending, _ := st.PendingInbox(ctx, "s1", 0)
	if len(pending) != 0 {
		t.Fatalf("%d items still pending", len(pending))
	}
	head, _ := st.AuditHead(ctx, "s1")
	recs, _ := st.AuditSeq(ctx, "s1", 1, head.Seq)
	kinds := []string{}
	for _, r := range recs {
		kinds = append(kinds, r.Kind)
	}
	if !slices.Equal(kinds, []string{agentiq.AuditFailure, agentiq.AuditDecision}) {
		t.Errorf("records %v", kinds)
	}
	d := decisionsOf(t, st)["e1"]
	if d.Outcome != agentiq.OutcomeProcessErr || d.Error == "" || d.ModerationID == "" {
		t.Errorf("decision %+v", d)
	}
}

// What the buyer wrote since the seller last did decides the reply
// together: an opt-out is acknowledged, never answered with an offer; an
// offer answers only the newest message's own request; a question a
// human answers takes the whole reply to a human.
func TestGatheredIntents(t *testing.T) {
	in := func(xs ...agentiq.Intent) []agentiq.Intent { return xs }
	cases := []struct {
		name      string
		first     []agentiq.Intent
		last      []agentiq.Intent
		outcome   agentiq.Outcome
		template  string
		heldForUs bool
	}{
		{"promo then opt-out", in(agentiq.IntentPromoRequest), in(agentiq.IntentOptOut), agentiq.OutcomeSent, "opt-out-ack", false},
		{"opt-out then promo", in(agentiq.IntentOptOut), in(agentiq.IntentPromoRequest), agentiq.OutcomeSent, "opt-out-ack", false},
		{"promo then delivery", in(agentiq.IntentPromoRequest), in(agentiq.IntentDelivery), agentiq.OutcomeSent, "delivery-status", false},
		{"product question then delivery", in(agentiq.IntentProductInfo), in(agentiq.IntentDelivery), agentiq.OutcomeHeld, "delivery-status", true},
		{"defect then other", in(agentiq.IntentDefect), in(agentiq.IntentOther), agentiq.OutcomeSent, "defect-photos", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := &recorder{}
			st, r := direct(t, rec,
				agentiq.Event{ID: "e1", ChatID: "c1", Text: "первое", Intents: c.first},
				agentiq.Event{ID: "e2", ChatID: "c1", Text: "второе", Intents: c.last})
			if _, err := r.Run(context.Background(), "s1"); err != nil {
				t.Fatal(err)
			}
			d := decisionsOf(t, st)["e2"]
			if d.Outcome != c.outcome || d.TemplateID != c.template {
				t.Errorf("%s with %s, want %s with %s (%v)", d.Outcome, d.TemplateID, c.outcome, c.template, d.Reasons)
			}
			if held := d.ModerationID != ""; held != c.heldForUs {
				t.Errorf("held for a human: %v", held)
			}
		})
	}
}
