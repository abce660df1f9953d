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

// TestStreamSamples: the sample events decode as the stream's and the
// handler answers each (no items in this store: only the poison record
// fails).
func TestStreamSamples(t *testing.T) {
	w := newWorld(t, boltStore(t), wbsandbox.Config{Seed: smallSeed(2, 1)}, agentiq.Seller{ID: "local"})
	files, err := filepath.Glob("../../events/ResponderFunction/*.json")
	if err != nil || len(files) < 3 {
		t.Fatalf("samples %v, %v", files, err)
	}
	r := w.responder(t, nil)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var ev events.DynamoDBEvent
		if err := json.Unmarshal(data, &ev); err != nil || len(ev.Records) == 0 {
			t.Fatalf("%s: %v", f, err)
		}
		resp, err := r.HandleStream(context.Background(), ev)
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		if filepath.Base(f) == "poison-record.json" {
			want = 1
		}
		if len(resp.BatchItemFailures) != want {
			t.Errorf("%s: %d failures, want %d", f, len(resp.BatchItemFailures), want)
		}
	}
}
