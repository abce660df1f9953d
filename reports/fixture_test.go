package reports

import (
	"encoding/json"
	"fmt"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
)

// The fixed dataset: seller s1, November 2026 (Moscow), a few hundred audit
// records of every kind, hostile text in excerpts and reasons, and a
// consent register for five subjects.
const seller = "s1"

var (
	msk      = time.FixedZone("MSK", 3*3600)
	periodLo = time.Date(2026, 11, 1, 0, 0, 0, 0, msk)
	periodHi = time.Date(2026, 12, 1, 0, 0, 0, 0, msk)
	hostile  = []string{`=HYPERLINK("http://x","y")`, "+1", "-2", "@x", "\tтабуляция в начале", "\rвозврат каретки",
		"Здравствуйте! Ёлка доставлена, спасибо 🎄", "Обычный ответ о доставке заказа"}
)

type fixture struct {
	entries  []agentiq.AuditEntry
	consents []agentiq.ConsentEvent
}

func (f *fixture) add(at time.Time, kind, ref string, data any) {
	b, err := json.Marshal(data)
	if err != nil {
		panic(err)
	}
	f.entries = append(f.entries, agentiq.AuditEntry{At: at, Kind: kind, Ref: ref, Data: b})
}

func ptr(t time.Time) *time.Time { return &t }

// source chains the entries (in time order, as the store does) into records.
func (f *fixture) source() *MemSource {
	m := &MemSource{Consents: f.consents}
	var prev agentiq.AuditRecord
	for _, e := range sortedEntries(f.entries) {
		prev = agentiq.NextRecord(seller, prev, e)
		m.Records = append(m.Records, prev)
	}
	return m
}

func sortedEntries(es []agentiq.AuditEntry) []agentiq.AuditEntry {
	out := append([]agentiq.AuditEntry(nil), es...)
	for i := 1; i < len(out); i++ { // insertion sort: stable, small
		for j := i; j > 0 && out[j].At.Before(out[j-1].At); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func consentEvent(id, subject, action, purpose, channel string, at time.Time) agentiq.ConsentEvent {
	return agentiq.ConsentEvent{SellerID: seller, RecordID: id, SubjectKey: subject, Action: action, Purpose: purpose,
		Channel: channel, At: at, Method: "web_form", Source: "landing-2026", TextVersion: "v3",
		TextSHA256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", EvidenceRef: "form-" + id,
		CollectedBy: "crm", Jurisdiction: "RU", RecordedAt: at.Add(time.Minute)}
}

// cleanFixture is the dataset without violations.
func cleanFixture() *fixture {
	f := &fixture{}
	// the register: subjects 1–5 gave both consents in October, for
	// WhatsApp (1–3) or every channel (4, 5); subject 3 withdraws on 20 Nov.
	for i := 1; i <= 5; i++ {
		ch := "whatsapp"
		if i > 3 {
			ch = "*"
		}
		sub := fmt.Sprintf("sub-%d", i)
		at := time.Date(2026, 10, i, 12, 0, 0, 0, msk)
		f.consents = append(f.consents,
			consentEvent(fmt.Sprintf("c-ad-%d", i), sub, agentiq.ConsentGiven, agentiq.PurposeAdvertising, ch, at),
			consentEvent(fmt.Sprintf("c-pd-%d", i), sub, agentiq.ConsentGiven, agentiq.PurposePDMarketing, ch, at))
	}
	f.consents = append(f.consents,
		consentEvent("c-new-6", "sub-6", agentiq.ConsentGiven, agentiq.PurposeAdvertising, "telegram", time.Date(2026, 11, 3, 10, 0, 0, 0, msk)),
		consentEvent("w-ad-3", "sub-3", agentiq.ConsentWithdrawn, agentiq.PurposeAdvertising, "whatsapp", time.Date(2026, 11, 20, 15, 0, 0, 0, msk)))

	versions := []string{"rules-2026.10.1", "rules-2026.11.2"}
	for i := 0; i < 240; i++ {
		day := i % 28
		at := time.Date(2026, 11, 1+day, 9+i%11, (i*7)%60, 0, 0, msk)
		version := versions[0]
		if day >= 14 {
			version = versions[1]
		}
		buyerAt := at.Add(-time.Duration(30+i%50) * time.Second)
		d := agentiq.DecisionRecord{DecisionID: fmt.Sprintf("d-%04d", i), Channel: agentiq.ChannelWBChat,
			ChatID: fmt.Sprintf("chat-%02d", i%40), EventID: fmt.Sprintf("ev-%04d", i), Trigger: agentiq.TriggerAutoReply,
			TemplateID: "delivery-1", Operator: agentiq.OperatorBot, RulesVersion: version, Scenario: agentiq.ScenarioService,
			MessageType: agentiq.Service, Priority: agentiq.P0, DraftSHA256: agentiq.DraftHash(fmt.Sprint(i)),
			Excerpt: hostile[(i/8+i)%len(hostile)], BuyerMessageAt: ptr(buyerAt), BuyerIntents: []agentiq.Intent{agentiq.IntentDelivery},
			DecidedAt: at, Reasons: []string{}}
		switch i % 8 {
		case 0, 1, 2, 3:
			d.Decision, d.Outcome, d.SentAt = agentiq.Allow, agentiq.OutcomeSent, ptr(at.Add(2*time.Second))
		case 4:
			d.Decision, d.Outcome, d.Reasons = agentiq.Review, agentiq.OutcomeHeld, []string{"promo_lexicon"}
			d.Scenario, d.Priority, d.ModerationID = agentiq.ScenarioServiceMixed, agentiq.P2, "m-"+d.DecisionID
		case 5:
			d.Decision, d.Outcome, d.Reasons = agentiq.Deny, agentiq.OutcomeRefused, []string{"external_link", "=1+1"}
		case 6:
			d.Decision, d.Outcome, d.DryRun = agentiq.Allow, agentiq.OutcomeDryRun, true
		case 7:
			if i%16 == 7 {
				d.Decision, d.Outcome = agentiq.Allow, agentiq.OutcomeUnknown
			} else {
				d.Outcome = agentiq.OutcomeNoReply
			}
		}
		f.add(at, agentiq.AuditDecision, d.DecisionID, d)
		if i%8 == 4 { // the moderator settles the held draft
			wait := time.Duration(5+i%90) * time.Minute
			action, status := "approve", agentiq.ModerationApproved
			if i%3 == 0 {
				action, status = "reject", agentiq.ModerationRejected
			}
			m := agentiq.ModerationRecord{ModerationID: d.ModerationID, DecisionID: "op-" + d.DecisionID, ChatID: d.ChatID,
				Action: action, Moderator: []string{"anna.k", "@ops", "Мария"}[i%3], Status: status, WaitSeconds: wait.Seconds()}
			f.add(at.Add(wait), agentiq.AuditModeration, d.ModerationID, m)
		}
	}
	// opt-outs in the WB chat
	for _, c := range []string{"chat-05", "chat-17"} {
		at := time.Date(2026, 11, 10, 11, 0, 0, 0, msk)
		f.add(at, agentiq.AuditOptOut, "oo-"+c, agentiq.OptOutRecord{Channel: agentiq.ChannelWBChat, ChatID: c,
			EventID: "ev-oo-" + c, Evidence: "не пишите мне больше", At: at, Source: "wb_chat_message"})
	}
	f.add(time.Date(2026, 11, 12, 8, 0, 0, 0, msk), agentiq.AuditFailure, "ev-x",
		agentiq.FailureRecord{EventID: "ev-x", ChatID: "chat-09", Attempts: 5, Error: "WB 503"})
	// external marketing, each relying on both consents in force
	for i := 0; i < 30; i++ {
		sub := i%5 + 1
		at := time.Date(2026, 11, 2+i%27, 12, 0, 0, 0, msk)
		if sub == 3 && !at.Before(time.Date(2026, 11, 20, 15, 0, 0, 0, msk)) {
			// after the withdrawal the policy refuses it
			f.add(at, agentiq.AuditDecision, "", marketing(i, sub, at, agentiq.Deny, []string{"consent_withdrawn"}, nil))
			continue
		}
		f.add(at, agentiq.AuditDecision, "", marketing(i, sub, at, agentiq.Allow, nil,
			[]string{fmt.Sprintf("c-ad-%d", sub), fmt.Sprintf("c-pd-%d", sub)}))
	}
	return f
}

func marketing(i, sub int, at time.Time, v agentiq.Verdict, reasons, ids []string) agentiq.DecisionRecord {
	ch := agentiq.ChannelWhatsApp
	if sub > 3 {
		ch = agentiq.ChannelTelegram
	}
	out := agentiq.OutcomeReturned
	if v != agentiq.Allow {
		out = agentiq.OutcomeRefused
	}
	return agentiq.DecisionRecord{DecisionID: fmt.Sprintf("dm-%03d", i), Channel: ch, SubjectKey: fmt.Sprintf("sub-%d", sub),
		Trigger: agentiq.TriggerIntegration, Operator: "crm", RulesVersion: "rules-2026.11.2", Decision: v, Reasons: reasons,
		Scenario: agentiq.ScenarioPromo, MessageType: agentiq.Marketing, Priority: agentiq.P3,
		Excerpt: "Скидка 10% на зимние куртки. Отписаться: STOP", Outcome: out, DecidedAt: at, ConsentIDs: ids}
}

// withViolations adds marketing allowed without valid consent: after subject
// 3's withdrawal (relying on the withdrawn consent), without a PD consent
// (subject 6), and in a WB chat after it opted out.
func withViolations(f *fixture) *fixture {
	at := time.Date(2026, 11, 25, 12, 30, 0, 0, msk)
	f.add(at, agentiq.AuditDecision, "", marketing(901, 3, at, agentiq.Allow, nil, []string{"c-ad-3", "c-pd-3"}))
	d := marketing(902, 6, at.Add(time.Hour), agentiq.Allow, nil, []string{"c-new-6"})
	d.Channel = agentiq.ChannelTelegram
	f.add(at.Add(time.Hour), agentiq.AuditDecision, "", d)
	wb := agentiq.DecisionRecord{DecisionID: "d-wb-after-optout", Channel: agentiq.ChannelWBChat, ChatID: "chat-05",
		Trigger: agentiq.TriggerAutoReply, Operator: agentiq.OperatorBot, RulesVersion: "rules-2026.11.2", Decision: agentiq.Allow,
		Scenario: agentiq.ScenarioPromo, MessageType: agentiq.Marketing, Priority: agentiq.P3, Window: agentiq.CustomerRequest,
		Outcome: agentiq.OutcomeSent, DecidedAt: at.Add(2 * time.Hour), SentAt: ptr(at.Add(2 * time.Hour))}
	f.add(at.Add(2*time.Hour), agentiq.AuditDecision, "", wb)
	return f
}

func request(kind Kind, format Format) Request {
	return Request{Seller: seller, Kind: kind, Format: format, From: periodLo, To: periodHi, Zone: msk,
		Generated: time.Date(2026, 12, 1, 9, 0, 0, 0, msk)}
}

type (
	agentiqRecord = agentiq.AuditRecord
	agentiqEvent  = agentiq.ConsentEvent
)
