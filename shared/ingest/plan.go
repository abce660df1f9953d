// Package ingest turns one page of WB chat events into a plan of writes:
// which inbox items to add, which chat states to change, and the new
// cursor, grouped into transactions of bounded size. The plan is the same
// for every store; each store executes it with its own transactions. This
// is also where personal data is minimised: texts are redacted, client ids
// pseudonymised, and names dropped before anything is written.
package ingest

import (
	"fmt"
	"slices"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/pii"
)

// DefaultTextTTL is how long inbox texts are kept.
const DefaultTextTTL = 30 * 24 * time.Hour

// Options are what the planner needs from the store's configuration.
type Options struct {
	Pseudonyms *pii.Pseudonymizer // required: client ids are stored only as pseudonyms
	TextTTL    time.Duration      // 0: DefaultTextTTL
	// MaxTxnItems bounds the writes in one transaction (DynamoDB Local
	// allows 25; DynamoDB itself 100).
	MaxTxnItems int
}

// ChatWrite writes one chat state, expecting the stored version to be
// Expected (0: the chat must not exist yet).
type ChatWrite struct {
	State    agentiq.ChatState
	Expected int64
}

// Chunk is one transaction: inbox items, chat states, and in the last
// chunk the cursor.
type Chunk struct {
	Inbox  []agentiq.InboxItem
	Chats  []ChatWrite
	Cursor bool // the last chunk moves the cursor from batch.From to batch.Next
}

// Size is the number of writes in the chunk.
func (c Chunk) Size() int {
	n := len(c.Inbox) + len(c.Chats)
	if c.Cursor {
		n++
	}
	return n
}

// Plan is the writes for one page.
type Plan struct {
	SellerID string
	From     int64
	Next     int64
	Chunks   []Chunk
	Result   agentiq.IngestResult
}

// Loader reads what the plan depends on. Which buyer messages are new is
// told by each chat's newest applied event: a message at or before it was
// stored with it, in the same transaction.
type Loader interface {
	// Chats returns the stored states of the given chats (absent ones are
	// simply missing from the map).
	Chats(chatIDs []string) (map[string]agentiq.ChatState, error)
}

// Validate checks a batch before anything is read or written.
func Validate(b agentiq.IngestBatch) error {
	if b.SellerID == "" {
		return fmt.Errorf("%w: batch without a seller", agentiq.ErrInvalid)
	}
	if b.Next < b.From || b.Next < 0 {
		return fmt.Errorf("%w: cursor would go back from %d to %d", agentiq.ErrInvalid, b.From, b.Next)
	}
	for _, e := range b.Events {
		if err := e.Validate(); err != nil {
			return err
		}
	}
	return nil
}

// Make plans the ingestion of batch b, reading current state through l.
func Make(b agentiq.IngestBatch, l Loader, o Options) (*Plan, error) {
	if err := Validate(b); err != nil {
		return nil, err
	}
	if o.Pseudonyms == nil {
		return nil, fmt.Errorf("ingest: no pseudonymizer configured")
	}
	ttl := o.TextTTL
	if ttl <= 0 {
		ttl = DefaultTextTTL
	}
	max := o.MaxTxnItems
	if max < 3 {
		max = 25
	}
	now := b.Now
	if now.IsZero() {
		now = time.Now()
	}
	p := &Plan{SellerID: b.SellerID, From: b.From, Next: b.Next}

	// Events in order, each once: WB pages may repeat an event.
	events := slices.Clone(b.Events)
	slices.SortStableFunc(events, func(x, y agentiq.Event) int {
		if c := x.At.Compare(y.At); c != 0 {
			return c
		}
		switch {
		case x.ID < y.ID:
			return -1
		case x.ID > y.ID:
			return 1
		}
		return 0
	})
	seen := map[string]bool{}
	var chatIDs []string
	uniq := events[:0]
	for _, e := range events {
		if seen[e.ID] {
			p.Result.Duplicates++
			continue
		}
		seen[e.ID] = true
		uniq = append(uniq, e)
		if !slices.Contains(chatIDs, e.ChatID) {
			chatIDs = append(chatIDs, e.ChatID)
		}
	}
	stored, err := l.Chats(chatIDs)
	if err != nil {
		return nil, err
	}

	// Per chat, in event order: apply each event; a buyer message not yet
	// stored becomes an inbox item. A chat whose writes would not fit one
	// transaction is split, each part writing the state as of its events.
	type group struct {
		chat  ChatWrite
		inbox []agentiq.InboxItem
	}
	var groups []group
	for _, id := range chatIDs {
		state, ok := stored[id]
		if !ok {
			state = agentiq.ChatState{SellerID: b.SellerID, ChatID: id}
		}
		expected := state.Version
		var items []agentiq.InboxItem
		changed := false
		flush := func() {
			if !changed && len(items) == 0 {
				return
			}
			state.UpdatedAt = now
			state.TrimMarketing(now)
			groups = append(groups, group{chat: ChatWrite{State: state, Expected: expected}, inbox: items})
			expected++
			state.Version = expected
			items, changed = nil, false
		}
		for _, e := range uniq {
			if e.ChatID != id {
				continue
			}
			if e.ClientID != "" && state.ClientKey == "" {
				state.ClientKey = o.Pseudonyms.Pseudonym("wb-client", e.ClientID)
				changed = true
			}
			// The echo of agentiq's own send changes only bookkeeping: it
			// is written with the chat's next change, and costs no write
			// of its own (it is matched again if the page comes again).
			own := state.IsOwnEcho(e)
			applied := state.Apply(e)
			if applied {
				p.Result.Applied++
				if own {
					p.Result.Echoes++
				} else {
					changed = true
				}
			}
			switch {
			case !applied:
				p.Result.Duplicates++
			case e.Sender == agentiq.SenderBuyer:
				items = append(items, agentiq.InboxItem{
					SellerID: b.SellerID, EventID: e.ID, ChatID: e.ChatID, At: e.At,
					Text:    pii.Redact(e.Text, e.ClientName),
					Intents: slices.Clone(e.Intents), Scenario: e.Scenario, Files: e.Files, Uncertain: e.Uncertain,
					ExpiresAt: now.Add(ttl),
				})
				p.Result.Inbox++
			}
			if len(items)+1 >= max-1 {
				flush()
			}
		}
		before := len(groups)
		flush()
		if len(groups) > before || expected != stored[id].Version {
			p.Result.Chats = append(p.Result.Chats, id)
			if state.ReplySign == "" {
				p.Result.NeedReplySign = append(p.Result.NeedReplySign, id)
			}
		}
	}

	// Pack whole groups into transactions; the cursor goes into the last.
	var cur Chunk
	for _, g := range groups {
		size := 1 + len(g.inbox)
		if cur.Size()+size > max-1 && cur.Size() > 0 {
			p.Chunks = append(p.Chunks, cur)
			cur = Chunk{}
		}
		cur.Chats = append(cur.Chats, g.chat)
		cur.Inbox = append(cur.Inbox, g.inbox...)
	}
	cur.Cursor = true
	p.Chunks = append(p.Chunks, cur)
	return p, nil
}
