package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/api"
	"github.com/agentiq/agentiq/shared/respond"
)

// TestModerationFlow: an operator lists the queue, approves a held draft
// (sent once), replays the request (same answer, no second send, no second
// record), and an officer finds both records with the operator's sub.
func TestModerationFlow(t *testing.T) {
	for _, s := range stores {
		t.Run(s.name, func(t *testing.T) { testModerationFlow(t, newEnvOn(t, 2, s.open(t))) })
	}
}

func testModerationFlow(t *testing.T, e *env) {
	item, chat := e.hold(t, 0, nil)
	op := e.tok(t, "s1", "alice@seller", api.RoleOperator)
	officer := e.tok(t, "s1", "olga", api.RoleOfficer)

	var q struct {
		Items []api.QueueItem `json:"items"`
	}
	e.call(t, "GET", "/v1/sellers/s1/moderation", op, "", nil).into(t, &q)
	if len(q.Items) != 1 || q.Items[0].ID != item.ID || q.Items[0].RulesVersion != "v1" || len(q.Items[0].Reasons) != 1 ||
		q.Items[0].Draft != item.Draft || q.Items[0].AgeSeconds < 600 {
		t.Fatalf("queue %+v", q.Items)
	}

	key := e.key()
	path := "/v1/sellers/s1/moderation/" + item.ID + "/approve"
	first := e.call(t, "POST", path, op, key, map[string]any{})
	var res respond.Resolution
	first.into(t, &res)
	if first.status != 200 || res.Outcome != agentiq.OutcomeSent || res.Moderator != "alice@seller" || res.Action != respond.ActionApprove {
		t.Fatalf("approve: %d %s", first.status, first.body)
	}
	if n := e.sent(chat); n != 1 {
		t.Fatalf("WB has %d messages, want 1", n)
	}
	records := e.auditLen(t)
	again := e.call(t, "POST", path, op, key, map[string]any{})
	if again.status != 200 || string(again.body) != string(first.body) || again.header.Get(api.ReplayedHeader) != "true" {
		t.Errorf("replay: %d %s", again.status, again.body)
	}
	// A new key for the same approval: the item is settled, its first
	// answer stands.
	third := e.call(t, "POST", path, op, e.key(), map[string]any{})
	var res3 respond.Resolution
	third.into(t, &res3)
	if third.status != 200 || res3.DecisionID != res.DecisionID || res3.Outcome != res.Outcome {
		t.Errorf("approve again: %d %s", third.status, third.body)
	}
	if reused := e.call(t, "POST", path, op, key, map[string]any{"text": "Другой текст"}); reused.status != 409 || reused.code() != "idempotency_key_reused" {
		t.Errorf("key reused with another body: %d %s", reused.status, reused.body)
	}
	if rej := e.call(t, "POST", "/v1/sellers/s1/moderation/"+item.ID+"/reject", op, e.key(), nil); rej.status != 409 || rej.code() != "already_resolved" {
		t.Errorf("reject after approval: %d %s", rej.status, rej.body)
	}
	if n := e.sent(chat); n != 1 {
		t.Errorf("WB has %d messages after the replays, want 1", n)
	}
	if got := e.auditLen(t); got != records {
		t.Errorf("replays appended %d records", got-records)
	}
	e.call(t, "GET", "/v1/sellers/s1/moderation", op, "", nil).into(t, &q)
	if len(q.Items) != 0 {
		t.Errorf("the approved item is still queued: %+v", q.Items)
	}

	// The officer's view: the moderation record and the decision record.
	var audit struct {
		Records []agentiq.AuditRecord `json:"records"`
	}
	e.call(t, "GET", "/v1/sellers/s1/audit?kind=moderation&ref="+url.QueryEscape(item.ID), officer, "", nil).into(t, &audit)
	if len(audit.Records) != 1 {
		t.Fatalf("%d moderation records", len(audit.Records))
	}
	var mr agentiq.ModerationRecord
	if err := json.Unmarshal(audit.Records[0].Data, &mr); err != nil || mr.Moderator != "alice@seller" || mr.Action != "approve" ||
		mr.Outcome != agentiq.OutcomeSent || mr.WaitSeconds < 600 {
		t.Errorf("moderation record %+v, %v", mr, err)
	}
	var d api.Decision
	e.call(t, "GET", "/v1/sellers/s1/decisions/"+res.DecisionID, officer, "", nil).into(t, &d)
	if d.Decision.Trigger != agentiq.TriggerOperator || d.Decision.Operator != "alice@seller" || d.Decision.Outcome != agentiq.OutcomeSent ||
		d.Decision.Settles != item.ID {
		t.Errorf("decision record %+v", d.Decision)
	}
	var list struct {
		Decisions []api.Decision `json:"decisions"`
	}
	e.call(t, "GET", "/v1/sellers/s1/decisions?chat_id="+url.QueryEscape(chat), officer, "", nil).into(t, &list)
	if len(list.Decisions) != 1 || list.Decisions[0].Decision.DecisionID != res.DecisionID {
		t.Errorf("decisions of the chat: %+v", list.Decisions)
	}
	var v api.Verification
	e.call(t, "GET", "/v1/sellers/s1/audit/verify", officer, "", nil).into(t, &v)
	if !v.Verified || v.Records != e.auditLen(t) {
		t.Errorf("verification %+v", v)
	}
}

// TestApproveChangedState: a draft whose chat changed since it was held
// is denied on approval and never sent; the refusal is in the chain with
// the operator's sub.
func TestApproveChangedState(t *testing.T) {
	cases := []struct {
		name   string
		change func(now time.Time) func(*agentiq.ChatState)
		reason string
	}{
		{"opted out", func(now time.Time) func(*agentiq.ChatState) {
			return func(c *agentiq.ChatState) { at := now.Add(-time.Minute); c.OptedOutAt = &at }
		}, "opted_out"},
		{"cap reached", func(now time.Time) func(*agentiq.ChatState) {
			return func(c *agentiq.ChatState) { c.MarketingSentAt = []time.Time{now.Add(-48 * time.Hour)} }
		}, "frequency_cap"},
		{"window closed", func(now time.Time) func(*agentiq.ChatState) {
			return func(c *agentiq.ChatState) { at := now.Add(-73 * time.Hour); c.LastBuyerMessageAt = &at }
		}, "chat_inactive"},
	}
	e := newEnv(t, len(cases))
	op := e.tok(t, "s1", "bob", api.RoleOperator)
	officer := e.tok(t, "s1", "olga", api.RoleOfficer)
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			item, chat := e.hold(t, i, nil)
			e.setChat(t, chat, c.change(e.now)) // the chat changes while the draft waits
			for _, body := range []any{map[string]any{}, map[string]any{"text": "Промокод на 10% для вас."}} {
				a := e.call(t, "POST", "/v1/sellers/s1/moderation/"+item.ID+"/approve", op, e.key(), body)
				var res respond.Resolution
				a.into(t, &res)
				if a.status != 200 || res.Outcome != agentiq.OutcomeRefused || res.Decision != agentiq.Deny || !contains(res.Reasons, c.reason) ||
					res.Status != agentiq.ModerationRejected {
					t.Errorf("approve: %d %s, want refused for %s", a.status, a.body, c.reason)
				}
			}
			if n := e.sent(chat); n != 0 {
				t.Errorf("WB has %d messages", n)
			}
			var list struct {
				Decisions []api.Decision `json:"decisions"`
			}
			e.call(t, "GET", "/v1/sellers/s1/decisions?decision_id="+respond.ResolutionID("s1", item.ID), officer, "", nil).into(t, &list)
			if len(list.Decisions) != 1 || list.Decisions[0].Decision.Operator != "bob" || list.Decisions[0].Decision.Outcome != agentiq.OutcomeRefused {
				t.Errorf("decisions %+v", list.Decisions)
			}
		})
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// TestTriggers: an integrator's messages, to WB chats and external
// channels.
func TestTriggers(t *testing.T) {
	for _, s := range stores {
		t.Run(s.name, func(t *testing.T) { testTriggers(t, newEnvOn(t, 3, s.open(t))) })
	}
}

func testTriggers(t *testing.T, e *env) {
	ctx := context.Background()
	in := e.tok(t, "s1", "crm-1", api.RoleIntegrator)
	officer := e.tok(t, "s1", "olga", api.RoleOfficer)
	for _, c := range e.chats {
		e.setChat(t, c, func(c *agentiq.ChatState) { c.LastBuyerIntents = []agentiq.Intent{agentiq.IntentDelivery} })
	}
	subj := "subj-ad-ok"
	for _, p := range []string{agentiq.PurposeAdvertising, agentiq.PurposePDMarketing} {
		if _, err := e.store.RegisterConsent(ctx, agentiq.ConsentEvent{SellerID: "s1", RecordID: "rec-" + p, SubjectKey: subj,
			Action: agentiq.ConsentGiven, Purpose: p, Channel: "whatsapp", At: e.now.Add(-30 * 24 * time.Hour), Method: "web_form",
			EvidenceRef: "form-" + p}); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		name     string
		body     map[string]any
		decision agentiq.Verdict
		outcome  agentiq.Outcome
		reason   string
		atWB     int
		consents []string
	}{
		{"wb chat denied: marketing without a window", map[string]any{"channel": "wb_chat", "chat_id": e.chats[0], "scenario": "promo",
			"text": "Скидка 20% на всё до конца недели!"}, agentiq.Deny, agentiq.OutcomeRefused, "marketing_default_deny", 0, nil},
		{"wb chat denied: link", map[string]any{"channel": "wb_chat", "chat_id": e.chats[1], "scenario": "service",
			"text": "Подробности на нашем сайте shop.example.ru"}, agentiq.Deny, agentiq.OutcomeRefused, "external_link", 0, nil},
		{"wb chat sent", map[string]any{"channel": "wb_chat", "chat_id": e.chats[2], "scenario": "service",
			"text": "Здравствуйте! Ваш заказ передан в доставку и скоро будет в пункте выдачи."}, agentiq.Allow, agentiq.OutcomeSent, "", 1, nil},
		{"wb chat held: promo words in a service message", map[string]any{"channel": "wb_chat", "chat_id": e.chats[0], "scenario": "service",
			"text": "Заказ передан в доставку. Кстати, на следующий заказ действует скидка 5%."}, agentiq.Review, agentiq.OutcomeHeld, "promo_lexicon", 0, nil},
		{"external marketing with consents", map[string]any{"channel": "whatsapp", "subject_key": subj, "scenario": "promo",
			"text": "Новая коллекция уже в продаже. Чтобы отказаться от рассылки, ответьте STOP."},
			agentiq.Allow, agentiq.OutcomeReturned, "", 0, []string{"form-advertising", "form-pd_marketing"}},
		{"external marketing without consent", map[string]any{"channel": "whatsapp", "subject_key": "subj-none", "scenario": "promo",
			"text": "Новая коллекция уже в продаже. Чтобы отказаться от рассылки, ответьте STOP."},
			agentiq.Deny, agentiq.OutcomeRefused, "no_ad_consent", 0, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			key := e.key()
			records := e.auditLen(t)
			a := e.call(t, "POST", "/v1/sellers/s1/messages", in, key, c.body)
			var res respond.TriggerResult
			a.into(t, &res)
			if a.status != 200 || res.Decision != c.decision || res.Outcome != c.outcome || (c.reason != "" && !contains(res.Reasons, c.reason)) {
				t.Fatalf("%d %s", a.status, a.body)
			}
			for _, ref := range c.consents {
				if !contains(res.ConsentEvidence, ref) {
					t.Errorf("consent evidence %v lacks %s", res.ConsentEvidence, ref)
				}
			}
			chat, _ := c.body["chat_id"].(string)
			if chat != "" && e.sent(chat) != c.atWB {
				t.Errorf("WB has %d messages in the chat, want %d", e.sent(chat), c.atWB)
			}
			if c.outcome == agentiq.OutcomeHeld {
				m, err := e.store.Moderation(context.Background(), "s1", res.ModerationID)
				if err != nil || m.Status != agentiq.ModerationPending || m.Trigger != agentiq.TriggerIntegration {
					t.Errorf("held trigger's queue item %+v, %v", m, err)
				}
			}
			// The replay: the same answer, nothing sent or recorded again.
			b := e.call(t, "POST", "/v1/sellers/s1/messages", in, key, c.body)
			if b.status != 200 || string(b.body) != string(a.body) {
				t.Errorf("replay: %d %s", b.status, b.body)
			}
			if chat != "" && e.sent(chat) != c.atWB {
				t.Errorf("after the replay WB has %d messages, want %d", e.sent(chat), c.atWB)
			}
			if got := e.auditLen(t); got != records+1 {
				t.Errorf("%d audit records for one trigger and its replay", got-records)
			}
			var d api.Decision
			e.call(t, "GET", "/v1/sellers/s1/decisions/"+res.DecisionID, officer, "", nil).into(t, &d)
			if d.Decision.Trigger != agentiq.TriggerIntegration || d.Decision.Operator != "crm-1" || d.Decision.Outcome != c.outcome {
				t.Errorf("decision record %+v", d.Decision)
			}
			if fmt.Sprint(d.Decision.ConsentIDs) != fmt.Sprint(res.ConsentRecords) {
				t.Errorf("recorded consents %v, answered %v", d.Decision.ConsentIDs, res.ConsentRecords)
			}
			for _, ref := range c.consents {
				if !contains(res.ConsentRecords, "rec-"+strings.TrimPrefix(ref, "form-")) {
					t.Errorf("consent records %v lack the record of %s", res.ConsentRecords, ref)
				}
			}
		})
	}
}

// TestConcurrentApprovals: operators approving the same draft at once,
// each with their own key: one message reaches WB, one decision is
// recorded; the others get the same answer or 409 in_progress.
func TestConcurrentApprovals(t *testing.T) {
	for _, s := range stores {
		t.Run(s.name, func(t *testing.T) { testConcurrentApprovals(t, newEnvOn(t, 1, s.open(t))) })
	}
}

func testConcurrentApprovals(t *testing.T, e *env) {
	item, chat := e.hold(t, 0, nil)
	path := "/v1/sellers/s1/moderation/" + item.ID + "/approve"
	const n = 6
	answers := make(chan answer, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			answers <- e.call(t, "POST", path, e.tok(t, "s1", fmt.Sprintf("op-%d", i), api.RoleOperator), e.key(), map[string]any{})
		}()
	}
	wg.Wait()
	close(answers)
	ok := 0
	for a := range answers {
		switch {
		case a.status == 200:
			ok++
		case a.status == 409 && a.code() == "in_progress":
		default:
			t.Errorf("%d %s", a.status, a.body)
		}
	}
	if ok == 0 {
		t.Error("no approval went through")
	}
	if got := e.sent(chat); got != 1 {
		t.Errorf("WB has %d messages, want 1", got)
	}
	var list struct {
		Decisions []api.Decision `json:"decisions"`
	}
	e.call(t, "GET", "/v1/sellers/s1/decisions?decision_id="+respond.ResolutionID("s1", item.ID), e.tok(t, "s1", "olga", api.RoleOfficer), "", nil).into(t, &list)
	if len(list.Decisions) != 1 {
		t.Errorf("%d decision records, want 1", len(list.Decisions))
	}
}
