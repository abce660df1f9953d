package dynamo_test

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/dynamo"
	"github.com/agentiq/agentiq/shared/ingest"
	"github.com/agentiq/agentiq/shared/storetest"
)

// TestCapacity measures, with ReturnConsumedCapacity, what handling buyer
// messages costs: ingesting them (pages of 10 events, each chat's buyer
// message and the echo of its reply arriving in later pages) and deciding
// and sending a reply to each (the replier's store calls). It prints the
// cost per operation and per buyer message, and fails if a buyer message
// costs more than the design allows.
func TestCapacity(t *testing.T) {
	ctx := context.Background()
	s, err := dynamo.New(local.Client(), dynamo.Config{
		Table:  "agentiq-capacity",
		Ingest: ingest.Options{Pseudonyms: storetest.Pseudonyms(), MaxTxnItems: txnItems(0)},
		Now:    func() time.Time { return storetest.T0 },
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CreateTable(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.PutSeller(ctx, agentiq.Seller{ID: "s1", Name: "Уют", Active: true, CreatedAt: storetest.T0}); err != nil {
		t.Fatal(err)
	}
	const chats = 40
	texts := []string{"Здравствуйте, когда придёт мой заказ?", "Есть промокод на эту модель?", "Пришёл брак: треснул корпус, что делать?",
		"Какой размер брать на рост 170?", "Спасибо, всё пришло!"}
	// Buyer messages, 10 a page.
	var events []agentiq.Event
	for i := 0; i < chats; i++ {
		at := storetest.T0.Add(time.Duration(i) * time.Second)
		e := agentiq.Event{ID: fmt.Sprintf("b%03d", i), ChatID: fmt.Sprintf("c%03d", i), Sender: agentiq.SenderBuyer, Source: "android",
			At: at, Text: texts[i%len(texts)], Intents: []agentiq.Intent{agentiq.IntentDelivery}}
		if i%2 == 0 {
			e.ReplySign = "1:" + e.ChatID + ":sign"
		}
		events = append(events, e)
	}
	var cursor int64
	ingestPages := func(evs []agentiq.Event) {
		for len(evs) > 0 {
			n := min(10, len(evs))
			b := agentiq.IngestBatch{SellerID: "s1", From: cursor, Next: evs[n-1].At.UnixMilli(), Events: evs[:n]}
			if _, err := s.Ingest(ctx, b); err != nil {
				t.Fatal(err)
			}
			cursor, evs = b.Next, evs[n:]
		}
	}
	s.ResetConsumed()
	ingestPages(events)
	ingestCost := s.Consumed()

	// Decide and send a reply to each: what the replier does with the store.
	s.ResetConsumed()
	pending, err := s.PendingInbox(ctx, "s1", 100)
	if err != nil || len(pending) != chats {
		t.Fatalf("%d pending, %v", len(pending), err)
	}
	for i, it := range pending {
		now := storetest.T0.Add(time.Minute + time.Duration(i)*time.Second)
		id := "d-" + it.EventID
		chat, err := s.Chat(ctx, "s1", it.ChatID)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.CreateSend(ctx, agentiq.SendRecord{SellerID: "s1", DecisionID: id, Channel: agentiq.ChannelWBChat,
			ChatID: it.ChatID, EventID: it.EventID, Status: agentiq.SendPending, CreatedAt: now}); err != nil {
			t.Fatal(err)
		}
		data, _ := json.Marshal(map[string]any{"decision": "allow", "reasons": []string{}, "rules_version": "2026.11.1+1624bafd5723",
			"event": it.EventID, "intents": it.Intents, "draft": "Здравствуйте! Заказ передан в доставку, ожидайте 2–3 дня."})
		// ... the message goes to WB here ...
		if _, err := s.FinishSend(ctx, "s1", id, agentiq.SendOutcome{Status: agentiq.SendSent, At: now, ProviderTime: now.UnixMilli()}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.ResolveInbox(ctx, "s1", it.EventID, agentiq.AuditEntry{At: now, Kind: "decision", Ref: id, Data: data}); err != nil {
			t.Fatal(err)
		}
		chat.RecordSend(now, false)
		if _, err := s.UpdateChat(ctx, chat); err != nil {
			t.Fatal(err)
		}
	}
	decideCost := s.Consumed()

	// The echoes of the replies come back in later pages, at WB's time of
	// each send.
	s.ResetConsumed()
	var echoes []agentiq.Event
	for i := 0; i < chats; i++ {
		echoes = append(echoes, agentiq.Event{ID: fmt.Sprintf("s%03d", i), ChatID: fmt.Sprintf("c%03d", i), Sender: agentiq.SenderSeller,
			Source: "seller-public-api", At: storetest.T0.Add(time.Minute + time.Duration(i)*time.Second + 150*time.Millisecond), Text: "Здравствуйте!"})
	}
	ingestPages(echoes)
	echoCost := s.Consumed()

	var report strings.Builder
	total := func(name string, m map[string]dynamo.Capacity) (r, w, b float64) {
		var ops []string
		for op := range m {
			ops = append(ops, op)
		}
		sort.Strings(ops)
		for _, op := range ops {
			c := m[op]
			fmt.Fprintf(&report, "| %s | %s | %d | %.2f | %.2f | %.2f |\n", name, op, c.Calls, c.Read/chats, c.Write/chats, c.Billed()/chats)
			r, w, b = r+c.Read, w+c.Write, b+c.Billed()
		}
		return r / chats, w / chats, b / chats
	}
	report.WriteString("| stage | operation | calls | RCU per message | WCU per message (reported) | WCU per message (billed) |\n|---|---|---|---|---|---|\n")
	ir, iw, ib := total("ingest buyer messages", ingestCost)
	dr, dw, db := total("decide and send", decideCost)
	er, ew, eb := total("ingest reply echoes", echoCost)
	fmt.Fprintf(&report, "| **total per buyer message** | | | **%.2f** | **%.2f** | **%.2f** |\n", ir+dr+er, iw+dw+ew, ib+db+eb)
	t.Logf("DynamoDB capacity, %d buyer messages:\n%s", chats, report.String())
	// The targets end to end (ingest, respond, audit): 4 RCU, 12 WCU.
	if ir+dr+er > 4 || ib+db+eb > 12 {
		t.Errorf("a buyer message costs %.2f RCU and %.2f billed WCU, more than the targets of 4 and 12", ir+dr+er, ib+db+eb)
	}
}
