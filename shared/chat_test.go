package agentiq

import (
	"encoding/json"
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
		{ev("e3", SenderSeller, "seller-public-api", t0.Add(2*time.Minute)), false,
			func(c ChatState) bool { return c.SellerMessagesSinceBuyer == 1 && c.LastEventID == "e2" }, "agentiq's own echo changes nothing"},
		{ev("e0", SenderBuyer, "rusite", t0.Add(-time.Minute)), false,
			func(c ChatState) bool { return c.LastEventID == "e2" }, "an older event is not applied again"},
		{ev("e2", SenderSeller, "seller-portal", t0.Add(time.Minute)), false,
			func(c ChatState) bool { return c.SellerMessagesSinceBuyer == 1 }, "the same event twice counts once"},
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
