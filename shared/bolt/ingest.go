package bolt

import (
	"context"
	"encoding/binary"
	"fmt"
	"time"

	bbolt "go.etcd.io/bbolt"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/ingest"
)

// --- ingestion ----------------------------------------------------------------

// Cursor returns the seller's poll cursor (0 before the first page).
func (s *Store) Cursor(ctx context.Context, seller string) (int64, error) {
	var n int64
	err := s.view(ctx, func(tx *bbolt.Tx) error {
		if err := knownSeller(tx, seller); err != nil {
			return err
		}
		if raw := tx.Bucket(bCursors).Get([]byte(seller)); raw != nil {
			n = int64(binary.BigEndian.Uint64(raw))
		}
		return nil
	})
	return n, err
}

type loader struct {
	tx     *bbolt.Tx
	seller string
	now    time.Time
}

func (l loader) Chats(ids []string) (map[string]agentiq.ChatState, error) {
	out := map[string]agentiq.ChatState{}
	for _, id := range ids {
		c, ok, err := get[agentiq.ChatState](l.tx.Bucket(bChats), key(l.seller, id))
		if err != nil {
			return nil, err
		}
		if ok {
			out[id] = c
		}
	}
	return out, nil
}

// Ingest stores one page of events: each planned transaction is one bbolt
// transaction, the cursor moving in the last.
func (s *Store) Ingest(ctx context.Context, b agentiq.IngestBatch) (agentiq.IngestResult, error) {
	if err := ingest.Validate(b); err != nil {
		return agentiq.IngestResult{}, err
	}
	if b.Now.IsZero() {
		b.Now = s.cfg.Now()
	}
	var plan *ingest.Plan
	err := s.view(ctx, func(tx *bbolt.Tx) error {
		if err := knownSeller(tx, b.SellerID); err != nil {
			return err
		}
		if cur := cursorIn(tx, b.SellerID); cur != b.From {
			return fmt.Errorf("cursor is %d, the page was fetched at %d: %w", cur, b.From, agentiq.ErrConflict)
		}
		var err error
		plan, err = ingest.Make(b, loader{tx: tx, seller: b.SellerID, now: b.Now}, s.cfg.Ingest)
		return err
	})
	if err != nil {
		return agentiq.IngestResult{}, err
	}
	for i, c := range plan.Chunks {
		if s.cfg.BeforeTxn != nil {
			if err := s.cfg.BeforeTxn(i); err != nil {
				return agentiq.IngestResult{}, fmt.Errorf("ingest transaction %d: %w", i, err)
			}
		}
		if err := s.update(ctx, func(tx *bbolt.Tx) error { return s.writeChunk(tx, plan, c) }); err != nil {
			return agentiq.IngestResult{}, fmt.Errorf("ingest transaction %d of %d: %w", i+1, len(plan.Chunks), err)
		}
	}
	return plan.Result, nil
}

func cursorIn(tx *bbolt.Tx, seller string) int64 {
	if raw := tx.Bucket(bCursors).Get([]byte(seller)); raw != nil {
		return int64(binary.BigEndian.Uint64(raw))
	}
	return 0
}

// writeChunk applies one planned transaction, checking every condition
// first: nothing is written if one fails.
func (s *Store) writeChunk(tx *bbolt.Tx, p *ingest.Plan, c ingest.Chunk) error {
	inbox := tx.Bucket(bInbox)
	for _, it := range c.Inbox {
		if inbox.Get(key(p.SellerID, it.EventID)) != nil {
			return fmt.Errorf("event %s: %w", it.EventID, agentiq.ErrConflict)
		}
	}
	for _, w := range c.Chats {
		cur, ok, err := get[agentiq.ChatState](tx.Bucket(bChats), key(p.SellerID, w.State.ChatID))
		if err != nil {
			return err
		}
		if (!ok && w.Expected != 0) || (ok && cur.Version != w.Expected) {
			return fmt.Errorf("chat %s changed: %w", w.State.ChatID, agentiq.ErrConflict)
		}
	}
	if c.Cursor && cursorIn(tx, p.SellerID) != p.From {
		return fmt.Errorf("cursor moved: %w", agentiq.ErrConflict)
	}
	for _, it := range c.Inbox {
		if err := putInbox(tx, it); err != nil {
			return err
		}
	}
	for _, w := range c.Chats {
		st := w.State
		st.Version = w.Expected + 1
		if err := put(tx.Bucket(bChats), key(p.SellerID, st.ChatID), st); err != nil {
			return err
		}
	}
	if c.Cursor {
		var raw [8]byte
		binary.BigEndian.PutUint64(raw[:], uint64(p.Next))
		return tx.Bucket(bCursors).Put([]byte(p.SellerID), raw[:])
	}
	return nil
}

func putInbox(tx *bbolt.Tx, it agentiq.InboxItem) error {
	k := key(it.SellerID, it.EventID)
	if err := put(tx.Bucket(bInbox), k, it); err != nil {
		return err
	}
	if err := tx.Bucket(bInboxPending).Put(key(it.SellerID, timeKey(it.At), it.EventID), nil); err != nil {
		return err
	}
	return expireAt(tx, it.ExpiresAt, bInbox, k)
}

// expireAt schedules the item at bucket/k for deletion at t.
func expireAt(tx *bbolt.Tx, t time.Time, bucket, k []byte) error {
	return tx.Bucket(bExpiry).Put(key(timeKey(t), string(bucket), string(k)), nil)
}

// deleteInbox removes an inbox item and its queue entry.
func deleteInbox(tx *bbolt.Tx, it agentiq.InboxItem) error {
	if err := tx.Bucket(bInboxPending).Delete(key(it.SellerID, timeKey(it.At), it.EventID)); err != nil {
		return err
	}
	return tx.Bucket(bInbox).Delete(key(it.SellerID, it.EventID))
}

// SetReplySigns records reply signatures of chats.
func (s *Store) SetReplySigns(ctx context.Context, seller string, signs map[string]string) error {
	return s.update(ctx, func(tx *bbolt.Tx) error {
		if err := knownSeller(tx, seller); err != nil {
			return err
		}
		for chatID, sign := range signs {
			if chatID == "" || sign == "" {
				return fmt.Errorf("%w: empty chat id or sign", agentiq.ErrInvalid)
			}
			c, ok, err := get[agentiq.ChatState](tx.Bucket(bChats), key(seller, chatID))
			if err != nil {
				return err
			}
			if !ok {
				c = agentiq.ChatState{SellerID: seller, ChatID: chatID}
			}
			c.ReplySign = sign
			c.Version++
			c.UpdatedAt = s.cfg.Now()
			if err := put(tx.Bucket(bChats), key(seller, chatID), c); err != nil {
				return err
			}
		}
		return nil
	})
}
