package respond_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/respond"
	"github.com/agentiq/agentiq/shared/wb/wbsandbox"
)

const promoDraft = "Для вас есть промокод на следующую покупку: 10% на весь ассортимент."

// heldDraft sets a chat where the buyer has just asked for a discount and
// holds a promo draft for it, as the responder would; change alters the
// chat first (an opt-out, a cap, a closed window).
func heldDraft(t *testing.T, w *world, n int, change func(*agentiq.ChatState)) (agentiq.ModerationItem, string) {
	t.Helper()
	ctx := context.Background()
	chat := w.sb.Script(w.token).Chats[n]
	now := w.clock.Now()
	_, err := agentiq.UpdateChatFunc(ctx, w.store, w.seller.ID, chat.ID, func(c *agentiq.ChatState) error {
		at := now.Add(-time.Hour)
		c.LastSender, c.LastBuyerMessageAt, c.LastBuyerIntents = agentiq.SenderBuyer, &at, []agentiq.Intent{agentiq.IntentPromoRequest}
		c.SellerMessagesSinceBuyer, c.OptedOutAt, c.MarketingSentAt = 0, nil, nil
		if change != nil {
			change(c)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	m := agentiq.ModerationItem{SellerID: w.seller.ID, ID: agentiq.DecisionID(w.seller.ID, "inbox", chat.ID), Kind: agentiq.ModerationDraft,
		ChatID: chat.ID, Draft: promoDraft, Reasons: []string{"promo_lexicon"}, RulesVersion: "v", Scenario: agentiq.ScenarioPromo,
		MessageType: agentiq.Marketing, Window: agentiq.CustomerRequest, TemplateID: "promo-answer", Trigger: agentiq.TriggerAutoReply,
		Status: agentiq.ModerationPending, CreatedAt: now.Add(-10 * time.Minute)}
	if err := w.store.EnqueueModeration(ctx, m); err != nil {
		t.Fatal(err)
	}
	return m, chat.ID
}

func sentTo(w *world, chatID string) []wbsandbox.Sent {
	var out []wbsandbox.Sent
	for _, s := range w.sb.Sent(w.token) {
		if s.ChatID == chatID {
			out = append(out, s)
		}
	}
	return out
}

// byRef are the audit records of a kind and ref.
func byRef(t *testing.T, w *world, kind, ref string) []agentiq.AuditRecord {
	var out []agentiq.AuditRecord
	for _, r := range w.audit(t) {
		if r.Kind == kind && r.Ref == ref {
			out = append(out, r)
		}
	}
	return out
}

var stores = []struct {
	name string
	open func(testing.TB) agentiq.Store
}{
	{"bolt", boltStore},
	{"dynamo", func(t testing.TB) agentiq.Store { return dynamoStore(t) }},
}

func TestApprove(t *testing.T) {
	for _, s := range stores {
		t.Run(s.name, func(t *testing.T) { testApprove(t, s.open(t)) })
	}
}

func TestApproveCrashes(t *testing.T) {
	for _, s := range stores {
		t.Run(s.name, func(t *testing.T) { testApproveCrashes(t, s.open(t)) })
	}
}

func testApprove(t *testing.T, st agentiq.Store) {
	edited := "Промокод для вас: 10% на следующий заказ в нашем магазине на WB."
	cases := []struct {
		name    string
		change  func(*agentiq.ChatState)
		text    *string
		outcome agentiq.Outcome
		reason  string
	}{
		{name: "held draft sent", outcome: agentiq.OutcomeSent},
		{name: "edited draft sent", text: &edited, outcome: agentiq.OutcomeSent},
		{name: "opted out since", outcome: agentiq.OutcomeRefused, reason: "opted_out",
			change: func(c *agentiq.ChatState) { at := time.Now().Add(-time.Minute); c.OptedOutAt = &at }},
		{name: "cap reached since", outcome: agentiq.OutcomeRefused, reason: "frequency_cap",
			change: func(c *agentiq.ChatState) { c.MarketingSentAt = []time.Time{time.Now().Add(-24 * time.Hour)} }},
		{name: "window closed since", outcome: agentiq.OutcomeRefused, reason: "chat_inactive",
			change: func(c *agentiq.ChatState) { at := time.Now().Add(-73 * time.Hour); c.LastBuyerMessageAt = &at }},
	}
	w := newWorld(t, st, wbsandbox.Config{Seed: smallSeed(len(cases), 3)}, agentiq.Seller{})
	r := w.responder(t, nil)
	ctx := context.Background()
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			item, chat := heldDraft(t, w, i, tc.change)
			res, err := r.Approve(ctx, w.seller.ID, item.ID, "alice", tc.text)
			if err != nil {
				t.Fatal(err)
			}
			if res.Outcome != tc.outcome || res.Moderator != "alice" || res.WaitSeconds < 600 {
				t.Errorf("resolution %+v", res)
			}
			if tc.reason != "" && !contains(res.Reasons, tc.reason) {
				t.Errorf("reasons %v lack %s", res.Reasons, tc.reason)
			}
			// A retry answers the same and does nothing again.
			again, err := r.Approve(ctx, w.seller.ID, item.ID, "alice", tc.text)
			if err != nil || again.DecisionID != res.DecisionID || again.Outcome != res.Outcome {
				t.Errorf("replay: %+v, %v", again, err)
			}
			sent := sentTo(w, chat)
			want := 0
			if tc.outcome == agentiq.OutcomeSent {
				want = 1
			}
			if len(sent) != want {
				t.Fatalf("WB has %d messages in the chat, want %d", len(sent), want)
			}
			if want == 1 && tc.text != nil && sent[0].Text != *tc.text {
				t.Errorf("sent %q, want the edited text", sent[0].Text)
			}
			decs, mods := byRef(t, w, agentiq.AuditDecision, res.DecisionID), byRef(t, w, agentiq.AuditModeration, item.ID)
			if len(decs) != 1 || len(mods) != 1 {
				t.Fatalf("%d decision and %d moderation records, want 1 each", len(decs), len(mods))
			}
			var d agentiq.DecisionRecord
			var m agentiq.ModerationRecord
			if json.Unmarshal(decs[0].Data, &d) != nil || json.Unmarshal(mods[0].Data, &m) != nil {
				t.Fatal("unreadable records")
			}
			if d.Trigger != agentiq.TriggerOperator || d.Operator != "alice" || d.Outcome != tc.outcome || d.Settles != item.ID {
				t.Errorf("decision record %+v", d)
			}
			if m.Moderator != "alice" || m.Outcome != tc.outcome || m.WaitSeconds < 600 || (tc.text != nil) != (m.Action == respond.ActionEditApprove) {
				t.Errorf("moderation record %+v", m)
			}
			got, err := w.store.Moderation(ctx, w.seller.ID, item.ID)
			if err != nil || got.Status == agentiq.ModerationPending || got.Moderator != "alice" {
				t.Errorf("item after approval %+v, %v", got, err)
			}
			// Another action on a settled item is refused.
			if _, err := r.Reject(ctx, w.seller.ID, item.ID, "bob"); !errors.Is(err, respond.ErrResolved) {
				t.Errorf("reject after approval: %v", err)
			}
		})
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

// testApproveCrashes stops an approval at each step and retries it as a
// client would: at most one message reaches WB, and the item has one
// decision and one moderation record.
func testApproveCrashes(t *testing.T, st agentiq.Store) {
	steps := []respond.Step{respond.StepDecided, respond.StepSendCreated, respond.StepWBAnswered, respond.StepSendFinished, respond.StepAudited}
	w := newWorld(t, st, wbsandbox.Config{Seed: smallSeed(len(steps), 4)}, agentiq.Seller{})
	ctx := context.Background()
	for i, step := range steps {
		t.Run(string(step), func(t *testing.T) {
			item, chat := heldDraft(t, w, i, nil)
			crashing := w.responder(t, func(c *respond.Config) {
				c.AfterStep = func(_ context.Context, _ string, s respond.Step) error {
					if s == step {
						return errCrash
					}
					return nil
				}
			})
			if _, err := crashing.Approve(ctx, w.seller.ID, item.ID, "alice", nil); !errors.Is(err, errCrash) {
				t.Fatalf("no crash: %v", err)
			}
			r := w.responder(t, nil)
			res, err := r.Approve(ctx, w.seller.ID, item.ID, "alice", nil)
			if errors.Is(err, respond.ErrBusy) { // the dead worker's lease must run out first
				w.clock.Add(3 * time.Minute)
				res, err = r.Approve(ctx, w.seller.ID, item.ID, "alice", nil)
			}
			if err != nil {
				t.Fatal(err)
			}
			n := len(sentTo(w, chat))
			switch res.Outcome {
			case agentiq.OutcomeSent:
				if n != 1 {
					t.Errorf("sent, WB has %d", n)
				}
			case agentiq.OutcomeUnknown:
				if n > 1 || res.FollowUp == "" {
					t.Errorf("unknown: WB has %d, follow-up %q", n, res.FollowUp)
				}
			default:
				t.Errorf("outcome %s", res.Outcome)
			}
			if d, m := byRef(t, w, agentiq.AuditDecision, res.DecisionID), byRef(t, w, agentiq.AuditModeration, item.ID); len(d) != 1 || len(m) != 1 {
				t.Errorf("%d decision and %d moderation records, want 1 each", len(d), len(m))
			}
			if got, _ := w.store.Moderation(ctx, w.seller.ID, item.ID); got.Status != agentiq.ModerationApproved {
				t.Errorf("item %s after the retry", got.Status)
			}
		})
	}
}

func TestRejectAndSettle(t *testing.T) {
	w := newWorld(t, boltStore(t), wbsandbox.Config{Seed: smallSeed(2, 5)}, agentiq.Seller{})
	r := w.responder(t, nil)
	ctx := context.Background()
	item, chat := heldDraft(t, w, 0, nil)
	if _, err := r.Settle(ctx, w.seller.ID, item.ID, "bob", true); !errors.Is(err, respond.ErrWrongKind) {
		t.Errorf("settling a draft: %v", err)
	}
	res, err := r.Reject(ctx, w.seller.ID, item.ID, "bob")
	if err != nil || res.Outcome != agentiq.OutcomeRejected || res.Status != agentiq.ModerationRejected {
		t.Fatalf("reject: %+v, %v", res, err)
	}
	if _, err := r.Approve(ctx, w.seller.ID, item.ID, "alice", nil); !errors.Is(err, respond.ErrResolved) {
		t.Errorf("approve after reject: %v", err)
	}
	if n := len(sentTo(w, chat)); n != 0 {
		t.Errorf("a rejected draft reached WB (%d)", n)
	}
	u := item
	u.ID, u.Kind, u.Status = "u-"+item.ID, agentiq.ModerationUnknownSend, agentiq.ModerationPending
	if err := w.store.EnqueueModeration(ctx, u); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Approve(ctx, w.seller.ID, u.ID, "alice", nil); !errors.Is(err, respond.ErrWrongKind) {
		t.Errorf("approving an unknown send: %v", err)
	}
	for range 2 {
		res, err = r.Settle(ctx, w.seller.ID, u.ID, "bob", false)
		if err != nil || res.Outcome != agentiq.OutcomeLost || res.Action != respond.ActionMarkNotDelivered {
			t.Fatalf("settle: %+v, %v", res, err)
		}
	}
	if _, err := r.Settle(ctx, w.seller.ID, u.ID, "bob", true); !errors.Is(err, respond.ErrResolved) {
		t.Errorf("settling again otherwise: %v", err)
	}
	if m := byRef(t, w, agentiq.AuditModeration, u.ID); len(m) != 1 {
		t.Errorf("%d moderation records of the settled send", len(m))
	}
	if _, err := r.Approve(ctx, w.seller.ID, "nope", "alice", nil); !errors.Is(err, agentiq.ErrNotFound) {
		t.Errorf("unknown item: %v", err)
	}
}
