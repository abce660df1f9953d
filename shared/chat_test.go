package agentiq

import (
	"encoding/json"
	"slices"
	"testing"
	"time"
)

var t0 = time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)

func ev(id string, sender Sender, source string, at time.Time, intents ...Intent) Event {
	return Event{ID: id, ChatID: "c1", Sender: sender, Source: source, At: at, Intents: intents}
}

func TestChatApply(t *testing.T) {
	c := ChatState{}
	steps := []struct {
		e       Event
		applied bool
		check   func(ChatState) bool
		what    string
	}{
		{ev("e1", SenderBuyer, "rusite", t0, IntentPromoRequest), true,
			func(c ChatState) bool {
				return c.LastSender == SenderBuyer && c.LastBuyerIntents[0] == IntentPromoRequest
			}, "a buyer message is the last"},
		{ev("e2", SenderSeller, "seller-portal", t0.Add(time.Minute)), true,
			func(c ChatState) bool { return c.LastSender == SenderSeller && c.SellerMessagesSinceBuyer == 1 }, "a portal reply counts"},
		{ev("e3", SenderSeller, "seller-public-api", t0.Add(2*time.Minute)), true,
			func(c ChatState) bool { return c.SellerMessagesSinceBuyer == 2 && c.LastEventID == "e3" }, "an API message agentiq did not send counts"},
		{ev("e0", SenderBuyer, "rusite", t0.Add(-time.Minute)), false,
			func(c ChatState) bool { return c.LastEventID == "e3" }, "an older event is not applied again"},
		{ev("e2", SenderSeller, "seller-portal", t0.Add(time.Minute)), false,
			func(c ChatState) bool { return c.SellerMessagesSinceBuyer == 2 }, "the same event twice counts once"},
		{ev("e4", SenderBuyer, "rusite", t0.Add(3*time.Minute), IntentDefect), true,
			func(c ChatState) bool {
				return c.SellerMessagesSinceBuyer == 0 && c.OpenCase != nil && c.OpenCase.Type == "defect" && c.OpenCase.ID == "case-e4"
			}, "a defect opens a case and resets the count"},
		{ev("e5", SenderBuyer, "rusite", t0.Add(4*time.Minute), IntentWrongItem), true,
			func(c ChatState) bool { return c.OpenCase.ID == "case-e4" }, "an open case stays the case"},
		{ev("e6", SenderBuyer, "rusite", t0.Add(5*time.Minute), IntentOptOut), true,
			func(c ChatState) bool {
				return c.OptedOutAt != nil && c.OptedOutAt.Equal(t0.Add(5*time.Minute)) && c.OptOutEventID == "e6"
			}, "an opt-out is recorded with its message"},
		{ev("e7", SenderBuyer, "rusite", t0.Add(6*time.Minute), IntentOptOut), true,
			func(c ChatState) bool { return c.OptOutEventID == "e6" }, "the first opt-out stands"},
		{ev("e7b", SenderBuyer, "rusite", t0.Add(6*time.Minute+time.Second), IntentOther), true,
			func(c ChatState) bool {
				return slices.Equal(c.UnansweredIntents, []Intent{IntentDefect, IntentWrongItem, IntentOptOut}) &&
					slices.Equal(c.LastBuyerIntents, []Intent{IntentOther})
			}, "unanswered intents gather every buyer message since the seller wrote"},
		{ev("e8", SenderWB, "", t0.Add(7*time.Minute)), true,
			func(c ChatState) bool { return c.LastSender == SenderBuyer && c.LastEventID == "e8" }, "a WB system message moves only the watermark"},
	}
	for _, st := range steps {
		if got := c.Apply(st.e); got != st.applied || !st.check(c) {
			t.Errorf("%s: applied %v (want %v), state %+v", st.what, got, st.applied, c)
		}
	}
	late := ev("e9", SenderBuyer, "rusite", t0.Add(10*time.Minute), IntentDelivery)
	late.Scenario = ScenarioRecovery
	c.OpenCase.ClosedAt = &t0
	c.Apply(late)
	if c.OpenCase.Type != "late_delivery" {
		t.Errorf("a broken deadline after a closed case: case %+v", c.OpenCase)
	}
}

func TestRecordSend(t *testing.T) {
	c := ChatState{MarketingSentAt: []time.Time{t0.Add(-100 * 24 * time.Hour), t0.Add(-10 * 24 * time.Hour)}}
	c.RecordSend(t0, true)
	if c.LastSender != SenderSeller || c.SellerMessagesSinceBuyer != 1 || len(c.MarketingSentAt) != 2 {
		t.Errorf("after a marketing send: %+v (the 100-day-old send should be dropped)", c)
	}
	c.RecordSend(t0, false)
	if c.SellerMessagesSinceBuyer != 2 || len(c.MarketingSentAt) != 2 {
		t.Errorf("after a service send: %+v", c)
	}
}

// A send and its echo count once, whichever is recorded first.
func TestSendEcho(t *testing.T) {
	buyer := ev("b1", SenderBuyer, "rusite", t0, IntentSize)
	sentAt := t0.Add(time.Minute)
	echo := ev("s1", SenderSeller, "seller-public-api", sentAt.Add(300*time.Millisecond))

	var first ChatState // the send is recorded, then its echo arrives
	first.Apply(buyer)
	first.RecordSend(sentAt, false)
	if !first.IsOwnEcho(echo) {
		t.Error("the echo of a recorded send is not recognised")
	}
	first.Apply(echo)
	var second ChatState // the echo is ingested before the send is recorded
	second.Apply(buyer)
	second.Apply(echo)
	second.RecordSend(sentAt, false)
	for name, c := range map[string]ChatState{"send first": first, "echo first": second} {
		if c.SellerMessagesSinceBuyer != 1 || c.LastSender != SenderSeller || len(c.OwnSends) != 0 || len(c.APIEchoes) != 0 {
			t.Errorf("%s: %d seller messages, last %s, own %v, echoes %v; want 1, seller, none, none",
				name, c.SellerMessagesSinceBuyer, c.LastSender, c.OwnSends, c.APIEchoes)
		}
	}

	// Another API client's message, far from any send of agentiq, counts.
	other := ev("s2", SenderSeller, "seller-public-api", sentAt.Add(time.Hour))
	first.RecordSend(sentAt.Add(2*time.Hour), false)
	first.Apply(other)
	if first.SellerMessagesSinceBuyer != 3 || len(first.OwnSends) != 1 {
		t.Errorf("a foreign API message: %d seller messages, own sends %v; want 3 and the pending send", first.SellerMessagesSinceBuyer, first.OwnSends)
	}

	// A send recorded after a newer buyer message leaves the buyer last.
	var late ChatState
	late.Apply(ev("b2", SenderBuyer, "rusite", t0.Add(10*time.Minute)))
	late.RecordSend(t0.Add(5*time.Minute), false)
	if late.LastSender != SenderBuyer || late.SellerMessagesSinceBuyer != 0 {
		t.Errorf("a send older than the buyer's last message: last %s, %d seller messages", late.LastSender, late.SellerMessagesSinceBuyer)
	}
}

func TestEventValidate(t *testing.T) {
	good := ev("e1", SenderBuyer, "rusite", t0)
	if err := good.Validate(); err != nil {
		t.Fatal(err)
	}
	for name, e := range map[string]Event{
		"no id":        {ChatID: "c", Sender: SenderBuyer, At: t0},
		"no time":      {ID: "e", ChatID: "c", Sender: SenderBuyer},
		"bad sender":   {ID: "e", ChatID: "c", Sender: "client", At: t0},
		"bad UTF-8":    {ID: "e", ChatID: "c", Sender: SenderBuyer, At: t0, Text: "\xff"},
		"bad UTF-8 id": {ID: "\xfe", ChatID: "c", Sender: SenderBuyer, At: t0},
	} {
		if err := e.Validate(); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestAuditChain(t *testing.T) {
	var prev AuditRecord
	var chain []AuditRecord
	for i := 0; i < 4; i++ {
		at := t0.Add(time.Duration(i) * time.Minute)
		if i == 2 {
			at = t0.Add(-time.Hour) // late: takes the previous record's time
		}
		r := NextRecord("s1", prev, AuditEntry{At: at, Kind: "decision", Data: json.RawMessage(`{"i":1}`)})
		chain = append(chain, r)
		prev = r
	}
	if err := VerifyChain(AuditRecord{}, chain); err != nil {
		t.Fatal(err)
	}
	if !chain[2].At.Equal(chain[1].At) {
		t.Errorf("late record dated %v, want %v", chain[2].At, chain[1].At)
	}
	moved := append([]AuditRecord{}, chain...)
	moved[1].At = moved[1].At.Add(time.Second)
	if VerifyChain(AuditRecord{}, moved) == nil {
		t.Error("a record with a changed time verified")
	}
	other := append([]AuditRecord{}, chain...)
	other[3].SellerID = "s2"
	if VerifyChain(AuditRecord{}, other) == nil {
		t.Error("a record moved to another seller verified")
	}
	if VerifyChain(AuditRecord{}, chain[1:]) == nil {
		t.Error("a chain without its first record verified from the start")
	}
}
