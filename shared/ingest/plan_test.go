package ingest

import (
	"fmt"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/pii"
)

type chats map[string]agentiq.ChatState

func (c chats) Chats(ids []string) (map[string]agentiq.ChatState, error) { return c, nil }

var t0 = time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)

func options(max int) Options {
	p, _ := pii.NewPseudonymizer([]byte("0123456789abcdef0123"))
	return Options{Pseudonyms: p, MaxTxnItems: max}
}

// TestChunks: no transaction exceeds the limit, the cursor is in the last
// one only, and a chat split across transactions is written with versions
// that follow each other.
func TestChunks(t *testing.T) {
	for _, tc := range []struct{ events, chats, max int }{{0, 1, 10}, {1, 1, 10}, {9, 3, 10}, {30, 1, 10}, {30, 30, 10}, {100, 7, 25}, {5, 1, 3}} {
		t.Run(fmt.Sprintf("%d events %d chats max %d", tc.events, tc.chats, tc.max), func(t *testing.T) {
			b := agentiq.IngestBatch{SellerID: "s1", Next: 1, Now: t0}
			for i := 0; i < tc.events; i++ {
				b.Events = append(b.Events, agentiq.Event{ID: fmt.Sprintf("e%03d", i), ChatID: fmt.Sprintf("c%d", i%tc.chats),
					Sender: agentiq.SenderBuyer, At: t0.Add(time.Duration(i) * time.Second), Text: "Где заказ?"})
			}
			p, err := Make(b, chats{}, options(tc.max))
			if err != nil {
				t.Fatal(err)
			}
			inbox := 0
			versions := map[string]int64{}
			for i, c := range p.Chunks {
				if c.Size() > tc.max {
					t.Errorf("chunk %d has %d writes, more than %d", i, c.Size(), tc.max)
				}
				if c.Cursor != (i == len(p.Chunks)-1) {
					t.Errorf("chunk %d of %d: cursor %v", i, len(p.Chunks), c.Cursor)
				}
				inbox += len(c.Inbox)
				for _, w := range c.Chats {
					if w.Expected != versions[w.State.ChatID] {
						t.Errorf("chat %s written expecting version %d after %d", w.State.ChatID, w.Expected, versions[w.State.ChatID])
					}
					versions[w.State.ChatID] = w.Expected + 1
				}
			}
			if inbox != tc.events || p.Result.Inbox != tc.events {
				t.Errorf("%d inbox items planned, result %d, want %d", inbox, p.Result.Inbox, tc.events)
			}
		})
	}
}

func TestPlanSkipsWhatIsStored(t *testing.T) {
	at := t0.Add(time.Minute)
	stored := chats{"c1": {SellerID: "s1", ChatID: "c1", LastEventAt: at, LastEventID: "e2", Version: 4,
		OwnSends: []time.Time{at.Add(time.Second)}}}
	b := agentiq.IngestBatch{SellerID: "s1", From: 1, Next: 2, Now: t0, Events: []agentiq.Event{
		{ID: "e1", ChatID: "c1", Sender: agentiq.SenderBuyer, At: t0},                                                // before the watermark
		{ID: "e2", ChatID: "c1", Sender: agentiq.SenderBuyer, At: at},                                                // the watermark itself
		{ID: "e3", ChatID: "c1", Sender: agentiq.SenderBuyer, At: at},                                                // same time, later id: new
		{ID: "e3", ChatID: "c1", Sender: agentiq.SenderBuyer, At: at},                                                // repeated in the page
		{ID: "e4", ChatID: "c1", Sender: agentiq.SenderSeller, Source: "seller-public-api", At: at.Add(time.Second)}, // own echo
	}}
	p, err := Make(b, stored, options(10))
	if err != nil {
		t.Fatal(err)
	}
	r := p.Result
	if r.Inbox != 1 || r.Applied != 2 || r.Duplicates != 3 || r.Echoes != 1 {
		t.Errorf("result %+v: want 1 new, 2 applied, 3 duplicates, 1 echo", r)
	}
	w := p.Chunks[0].Chats[0]
	if w.Expected != 4 || w.State.LastEventID != "e4" || w.State.SellerMessagesSinceBuyer != 0 || len(w.State.OwnSends) != 0 {
		t.Errorf("chat write %+v", w)
	}
}

func TestValidate(t *testing.T) {
	for name, b := range map[string]agentiq.IngestBatch{
		"no seller":        {Next: 1},
		"cursor backwards": {SellerID: "s", From: 5, Next: 4},
		"bad event":        {SellerID: "s", Next: 1, Events: []agentiq.Event{{ID: "e"}}},
	} {
		if _, err := Make(b, chats{}, options(10)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if _, err := Make(agentiq.IngestBatch{SellerID: "s", Next: 1}, chats{}, Options{}); err == nil {
		t.Error("planned without a pseudonymizer")
	}
}

// TestPlanKeepsUncertainty: a message the classifier was unsure of stays
// marked on its inbox item, so that the responder hands it to a person.
func TestPlanKeepsUncertainty(t *testing.T) {
	b := agentiq.IngestBatch{SellerID: "s1", Next: 1, Now: t0, Events: []agentiq.Event{
		{ID: "e1", ChatID: "c1", Sender: agentiq.SenderBuyer, At: t0, Text: "ну такое", Uncertain: true},
		{ID: "e2", ChatID: "c1", Sender: agentiq.SenderBuyer, At: t0.Add(time.Second), Text: "Где заказ?"},
	}}
	p, err := Make(b, chats{}, options(10))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, c := range p.Chunks {
		for _, it := range c.Inbox {
			got[it.EventID] = it.Uncertain
		}
	}
	if len(got) != 2 || !got["e1"] || got["e2"] {
		t.Errorf("uncertain per inbox item = %v, want e1 true, e2 false", got)
	}
}
