package respond_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/aws/aws-lambda-go/events"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/respond"
	"github.com/agentiq/agentiq/shared/wb/wbsandbox"
)

func str(s string) events.DynamoDBAttributeValue { return events.NewStringAttribute(s) }

func record(name, seq string, keys map[string]events.DynamoDBAttributeValue) events.DynamoDBEventRecord {
	return events.DynamoDBEventRecord{EventName: name, EventID: "ev-" + seq,
		Change: events.DynamoDBStreamRecord{Keys: keys, SequenceNumber: seq}}
}

// TestStream: a batch of inbox inserts is answered, a poison record and
// nothing else is reported failed, records the filter would drop are
// skipped, and a retried batch records nothing twice.
func TestStream(t *testing.T) {
	w := newWorld(t, boltStore(t), wbsandbox.Config{Seed: smallSeed(12, 9)}, agentiq.Seller{})
	ctx := context.Background()
	items, err := w.store.PendingInbox(ctx, w.seller.ID, 0)
	if err != nil || len(items) == 0 {
		t.Fatalf("%d items, %v", len(items), err)
	}
	var ev events.DynamoDBEvent
	for i, it := range items {
		ev.Records = append(ev.Records, record("INSERT", fmt.Sprintf("1%03d", i), map[string]events.DynamoDBAttributeValue{
			"PK": str("S#" + w.seller.ID + "#INBOX"), "SK": str("E#" + it.EventID)}))
	}
	ev.Records = append(ev.Records,
		record("INSERT", "2000", map[string]events.DynamoDBAttributeValue{"PK": str("S#" + w.seller.ID + "#INBOX"), "SK": events.NewNumberAttribute("7")}),
		record("INSERT", "2001", map[string]events.DynamoDBAttributeValue{"PK": str("S#nobody#INBOX"), "SK": str("E#x")}),
		record("MODIFY", "2002", map[string]events.DynamoDBAttributeValue{"PK": str("S#" + w.seller.ID + "#INBOX"), "SK": str("E#" + items[0].EventID)}),
		record("INSERT", "2003", map[string]events.DynamoDBAttributeValue{"PK": str("S#" + w.seller.ID + "#AUDIT"), "SK": str("R#1")}))
	r := w.responder(t, nil)
	resp, rep := r.Stream(ctx, ev)
	var failed []string
	for _, f := range resp.BatchItemFailures {
		failed = append(failed, f.ItemIdentifier)
	}
	if !slices.Equal(failed, []string{"2000", "2001"}) || rep.Answered != len(items) || rep.Skipped != 2 {
		t.Errorf("failures %v, report %+v (%d items)", failed, rep, len(items))
	}
	w.check(t)
	// The stream delivers the batch again: nothing is recorded twice.
	sent := len(w.sb.Sent(w.token))
	_, rep = r.Stream(ctx, ev)
	if rep.Answered != 0 || len(w.sb.Sent(w.token)) != sent {
		t.Errorf("retried batch: %+v, WB got %d more", rep, len(w.sb.Sent(w.token))-sent)
	}
	w.check(t)
}

// TestStreamSamples: the sample events decode as the function's
// invocation; the batch's items (put in the store here) are answered, the
// poison record alone fails, the records the filter drops are skipped,
// and the sweep answers what is left.
func TestStreamSamples(t *testing.T) {
	files, err := filepath.Glob("../../events/ResponderFunction/*.json")
	if err != nil || len(files) < 4 {
		t.Fatalf("samples %v, %v", files, err)
	}
	inv := map[string]respond.Invocation{}
	var ids []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var in respond.Invocation
		if err := json.Unmarshal(data, &in); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		inv[filepath.Base(f)] = in
	}
	for _, rec := range inv["inbox-batch.json"].Records {
		_, id, ok := respond.InboxKey(rec.Change.Keys)
		if !ok {
			t.Fatalf("inbox-batch.json: record %s is not an inbox item", rec.Change.SequenceNumber)
		}
		ids = append(ids, id)
	}
	var evs []agentiq.Event
	for i, id := range append(ids, "left-for-the-sweep") {
		evs = append(evs, agentiq.Event{ID: id, ChatID: fmt.Sprintf("c%d", i), Text: "Когда привезут?", Intents: []agentiq.Intent{agentiq.IntentDelivery}})
	}
	rec := &recorder{}
	st, r := directFor(t, "demo", rec, evs...)
	ctx := context.Background()
	for _, c := range []struct {
		file     string
		failures int
		answered []string
	}{
		{"not-inbox.json", 0, nil},
		{"poison-record.json", 1, nil},
		{"inbox-batch.json", 0, ids},
		{"inbox-batch.json", 0, ids}, // redelivered: nothing twice
		{"sweep.json", 0, append(ids, "left-for-the-sweep")},
	} {
		resp, err := r.Handle(ctx, inv[c.file])
		if err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		if len(resp.BatchItemFailures) != c.failures {
			t.Errorf("%s: %d failures, want %d", c.file, len(resp.BatchItemFailures), c.failures)
		}
		ds := decisionsOfSeller(t, st, "demo")
		if len(ds) != len(c.answered) {
			t.Errorf("after %s: %d decisions, want %d", c.file, len(ds), len(c.answered))
		}
		for _, id := range c.answered {
			if ds[id].Outcome != agentiq.OutcomeSent {
				t.Errorf("after %s: %s is %q", c.file, id, ds[id].Outcome)
			}
		}
	}
	if len(rec.sent) != len(ids)+1 {
		t.Errorf("WB got %d messages, want %d", len(rec.sent), len(ids)+1)
	}
}
