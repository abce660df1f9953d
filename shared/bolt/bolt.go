// Package bolt is the embedded store: agentiq's store contract on a single
// bbolt file, so that the whole pipeline runs locally with no server. It
// has the same semantics as the DynamoDB store — conditions, atomic page
// ingestion, optimistic concurrency, expiry — and passes the same contract
// tests. bbolt serialises writers, so each operation is one transaction.
package bolt

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	bbolt "go.etcd.io/bbolt"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/ingest"
)

// Buckets. Keys start with the seller id and a zero byte, so that every
// seller's data is apart (multi-tenant from the start).
var (
	bSellers      = []byte("sellers")
	bCursors      = []byte("cursors")
	bChats        = []byte("chats")
	bInbox        = []byte("inbox")         // seller, event id → item
	bInboxPending = []byte("inbox_pending") // seller, time, event id → ""
	bExpiry       = []byte("expiry")        // expiry time, bucket, key → ""
	bSends        = []byte("sends")
	bModeration   = []byte("moderation")
	bModPending   = []byte("moderation_pending")
	bSubjects     = []byte("subjects")
	bConsents     = []byte("consents")         // seller, subject, purpose, channel, granted → consent
	bConsentTime  = []byte("consents_by_time") // seller, recorded, consent key → ""
	bAudit        = []byte("audit")            // seller, seq → record
	bAuditTime    = []byte("audit_by_time")    // seller, time, seq → ""
	buckets       = [][]byte{bSellers, bCursors, bChats, bInbox, bInboxPending, bExpiry, bSends,
		bModeration, bModPending, bSubjects, bConsents, bConsentTime, bAudit, bAuditTime}
)

// Config configures the store.
type Config struct {
	Path   string
	Ingest ingest.Options
	// Now is the clock (expiry); nil means time.Now.
	Now func() time.Time
	// BeforeTxn, when set, runs before each ingestion transaction with its
	// index; an error aborts that transaction. It is for fault-injection
	// tests.
	BeforeTxn func(chunk int) error
}

// Store is the embedded store.
type Store struct {
	db  *bbolt.DB
	cfg Config
}

var _ agentiq.Store = (*Store)(nil)

// Open opens (creating if needed) the store at cfg.Path.
func Open(cfg Config) (*Store, error) {
	if cfg.Ingest.Pseudonyms == nil {
		return nil, errors.New("bolt: no pseudonymizer configured")
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	db, err := bbolt.Open(cfg.Path, 0o600, &bbolt.Options{Timeout: 5 * time.Second})
	if err != nil {
		return nil, fmt.Errorf("bolt: open %s: %w", cfg.Path, err)
	}
	err = db.Update(func(tx *bbolt.Tx) error {
		for _, b := range buckets {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("bolt: %w", err)
	}
	s := &Store{db: db, cfg: cfg}
	if _, err := s.Expire(context.Background()); err != nil {
		_ = db.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the store.
func (s *Store) Close() error { return s.db.Close() }

func key(parts ...string) []byte {
	var b []byte
	for i, p := range parts {
		if i > 0 {
			b = append(b, 0)
		}
		b = append(b, p...)
	}
	return b
}

func prefix(parts ...string) []byte { return append(key(parts...), 0) }

// timeKey orders times in keys: nanoseconds since the epoch, big-endian,
// shifted so that times before 1970 still sort.
func timeKey(t time.Time) string {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], uint64(t.UnixNano())^(1<<63))
	return string(b[:])
}

func seqKey(n int64) string {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], uint64(n))
	return string(b[:])
}

func get[T any](b *bbolt.Bucket, k []byte) (T, bool, error) {
	var v T
	raw := b.Get(k)
	if raw == nil {
		return v, false, nil
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		return v, false, fmt.Errorf("bolt: corrupt item %q: %w", k, err)
	}
	return v, true, nil
}

func put(b *bbolt.Bucket, k []byte, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("bolt: encode: %w", err)
	}
	if len(raw) > agentiq.MaxItemBytes {
		return fmt.Errorf("bolt: %w: %d bytes", agentiq.ErrTooLarge, len(raw))
	}
	return b.Put(k, raw)
}

func (s *Store) view(ctx context.Context, fn func(*bbolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.db.View(fn)
}

func (s *Store) update(ctx context.Context, fn func(*bbolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.db.Update(fn)
}

// --- sellers -----------------------------------------------------------------

// PutSeller creates or replaces a seller's configuration.
func (s *Store) PutSeller(ctx context.Context, sel agentiq.Seller) error {
	if err := sel.Validate(); err != nil {
		return err
	}
	return s.update(ctx, func(tx *bbolt.Tx) error {
		return put(tx.Bucket(bSellers), []byte(sel.ID), sel)
	})
}

// Seller returns a seller's configuration.
func (s *Store) Seller(ctx context.Context, id string) (agentiq.Seller, error) {
	var out agentiq.Seller
	err := s.view(ctx, func(tx *bbolt.Tx) error {
		v, ok, err := get[agentiq.Seller](tx.Bucket(bSellers), []byte(id))
		if err == nil && !ok {
			err = fmt.Errorf("seller %q: %w", id, agentiq.ErrUnknownSeller)
		}
		out = v
		return err
	})
	return out, err
}

// Sellers lists every seller.
func (s *Store) Sellers(ctx context.Context) ([]agentiq.Seller, error) {
	var out []agentiq.Seller
	err := s.view(ctx, func(tx *bbolt.Tx) error {
		return tx.Bucket(bSellers).ForEach(func(k, v []byte) error {
			var sel agentiq.Seller
			if err := json.Unmarshal(v, &sel); err != nil {
				return fmt.Errorf("bolt: corrupt seller %q: %w", k, err)
			}
			out = append(out, sel)
			return nil
		})
	})
	return out, err
}

func knownSeller(tx *bbolt.Tx, id string) error {
	if tx.Bucket(bSellers).Get([]byte(id)) == nil {
		return fmt.Errorf("seller %q: %w", id, agentiq.ErrUnknownSeller)
	}
	return nil
}

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

// --- deciding and sending ------------------------------------------------------

// PendingInbox lists pending inbox items, oldest first.
func (s *Store) PendingInbox(ctx context.Context, seller string, limit int) ([]agentiq.InboxItem, error) {
	var out []agentiq.InboxItem
	now := s.cfg.Now()
	err := s.view(ctx, func(tx *bbolt.Tx) error {
		pre := prefix(seller)
		c := tx.Bucket(bInboxPending).Cursor()
		for k, _ := c.Seek(pre); k != nil && bytes.HasPrefix(k, pre); k, _ = c.Next() {
			if limit > 0 && len(out) >= limit {
				break
			}
			eventID := string(k[len(pre)+9:])
			it, ok, err := get[agentiq.InboxItem](tx.Bucket(bInbox), key(seller, eventID))
			if err != nil {
				return err
			}
			if ok && it.ExpiresAt.After(now) {
				out = append(out, it)
			}
		}
		return nil
	})
	return out, err
}

// Chat returns a chat's state; a chat never seen is ErrNotFound.
func (s *Store) Chat(ctx context.Context, seller, chatID string) (agentiq.ChatState, error) {
	var out agentiq.ChatState
	err := s.view(ctx, func(tx *bbolt.Tx) error {
		c, ok, err := get[agentiq.ChatState](tx.Bucket(bChats), key(seller, chatID))
		if err == nil && !ok {
			err = fmt.Errorf("chat %s: %w", chatID, agentiq.ErrNotFound)
		}
		out = c
		return err
	})
	return out, err
}

// UpdateChat writes a chat state if its version is the stored one.
func (s *Store) UpdateChat(ctx context.Context, c agentiq.ChatState) (agentiq.ChatState, error) {
	if c.SellerID == "" || c.ChatID == "" {
		return c, fmt.Errorf("%w: chat without a seller or an id", agentiq.ErrInvalid)
	}
	err := s.update(ctx, func(tx *bbolt.Tx) error {
		if err := knownSeller(tx, c.SellerID); err != nil {
			return err
		}
		cur, ok, err := get[agentiq.ChatState](tx.Bucket(bChats), key(c.SellerID, c.ChatID))
		if err != nil {
			return err
		}
		if (!ok && c.Version != 0) || (ok && cur.Version != c.Version) {
			return fmt.Errorf("chat %s: %w", c.ChatID, agentiq.ErrConflict)
		}
		c.Version++
		c.UpdatedAt = s.cfg.Now()
		return put(tx.Bucket(bChats), key(c.SellerID, c.ChatID), c)
	})
	if err != nil {
		c.Version = 0
		return agentiq.ChatState{}, err
	}
	return c, nil
}

// ResolveInbox takes a decided item out of the inbox.
func (s *Store) ResolveInbox(ctx context.Context, seller, eventID string) error {
	return s.update(ctx, func(tx *bbolt.Tx) error {
		it, ok, err := get[agentiq.InboxItem](tx.Bucket(bInbox), key(seller, eventID))
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("inbox item %s: %w", eventID, agentiq.ErrNotFound)
		}
		return deleteInbox(tx, it)
	})
}

// CreateSend records a decision to send before sending.
func (s *Store) CreateSend(ctx context.Context, r agentiq.SendRecord) error {
	if r.SellerID == "" || r.DecisionID == "" || !r.Channel.Valid() || r.Status != agentiq.SendPending || r.CreatedAt.IsZero() {
		return fmt.Errorf("%w: a new send record needs a seller, a decision id, a channel, a time and status pending", agentiq.ErrInvalid)
	}
	if r.ExpiresAt.IsZero() {
		r.ExpiresAt = r.CreatedAt.Add(agentiq.SendRetention)
	}
	return s.update(ctx, func(tx *bbolt.Tx) error {
		if err := knownSeller(tx, r.SellerID); err != nil {
			return err
		}
		b := tx.Bucket(bSends)
		k := key(r.SellerID, r.DecisionID)
		if b.Get(k) != nil {
			return fmt.Errorf("send %s: %w", r.DecisionID, agentiq.ErrExists)
		}
		if err := put(b, k, r); err != nil {
			return err
		}
		return expireAt(tx, r.ExpiresAt, bSends, k)
	})
}

// FinishSend ends a pending send record.
func (s *Store) FinishSend(ctx context.Context, seller, decisionID string, o agentiq.SendOutcome) (agentiq.SendRecord, error) {
	if err := o.Validate(); err != nil {
		return agentiq.SendRecord{}, err
	}
	var out agentiq.SendRecord
	err := s.update(ctx, func(tx *bbolt.Tx) error {
		b := tx.Bucket(bSends)
		r, ok, err := get[agentiq.SendRecord](b, key(seller, decisionID))
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("send %s: %w", decisionID, agentiq.ErrNotFound)
		}
		if r.Status != agentiq.SendPending {
			return fmt.Errorf("send %s is %s: %w", decisionID, r.Status, agentiq.ErrConflict)
		}
		at := o.At
		r.Status, r.FinishedAt, r.ProviderTime, r.Error = o.Status, &at, o.ProviderTime, o.Error
		out = r
		return put(b, key(seller, decisionID), r)
	})
	return out, err
}

// Send returns a send record.
func (s *Store) Send(ctx context.Context, seller, decisionID string) (agentiq.SendRecord, error) {
	var out agentiq.SendRecord
	err := s.view(ctx, func(tx *bbolt.Tx) error {
		r, ok, err := get[agentiq.SendRecord](tx.Bucket(bSends), key(seller, decisionID))
		if err == nil && !ok {
			err = fmt.Errorf("send %s: %w", decisionID, agentiq.ErrNotFound)
		}
		out = r
		return err
	})
	return out, err
}

// --- moderation --------------------------------------------------------------------

// EnqueueModeration adds a draft for a moderator.
func (s *Store) EnqueueModeration(ctx context.Context, m agentiq.ModerationItem) error {
	if m.SellerID == "" || m.ID == "" || m.CreatedAt.IsZero() || m.Status != agentiq.ModerationPending {
		return fmt.Errorf("%w: a moderation item needs a seller, an id, a time and status pending", agentiq.ErrInvalid)
	}
	return s.update(ctx, func(tx *bbolt.Tx) error {
		if err := knownSeller(tx, m.SellerID); err != nil {
			return err
		}
		k := key(m.SellerID, m.ID)
		if tx.Bucket(bModeration).Get(k) != nil {
			return fmt.Errorf("moderation %s: %w", m.ID, agentiq.ErrExists)
		}
		if err := put(tx.Bucket(bModeration), k, m); err != nil {
			return err
		}
		return tx.Bucket(bModPending).Put(key(m.SellerID, timeKey(m.CreatedAt), m.ID), nil)
	})
}

// PendingModeration lists drafts waiting for a moderator, oldest first.
func (s *Store) PendingModeration(ctx context.Context, seller string, limit int) ([]agentiq.ModerationItem, error) {
	var out []agentiq.ModerationItem
	err := s.view(ctx, func(tx *bbolt.Tx) error {
		pre := prefix(seller)
		c := tx.Bucket(bModPending).Cursor()
		for k, _ := c.Seek(pre); k != nil && bytes.HasPrefix(k, pre); k, _ = c.Next() {
			if limit > 0 && len(out) >= limit {
				break
			}
			m, ok, err := get[agentiq.ModerationItem](tx.Bucket(bModeration), key(seller, string(k[len(pre)+9:])))
			if err != nil {
				return err
			}
			if ok {
				out = append(out, m)
			}
		}
		return nil
	})
	return out, err
}

// ResolveModeration approves or rejects a pending draft.
func (s *Store) ResolveModeration(ctx context.Context, seller, id string, status agentiq.ModerationStatus, moderator string, at time.Time) (agentiq.ModerationItem, error) {
	if status != agentiq.ModerationApproved && status != agentiq.ModerationRejected {
		return agentiq.ModerationItem{}, fmt.Errorf("%w: moderation ends approved or rejected", agentiq.ErrInvalid)
	}
	var out agentiq.ModerationItem
	err := s.update(ctx, func(tx *bbolt.Tx) error {
		m, ok, err := get[agentiq.ModerationItem](tx.Bucket(bModeration), key(seller, id))
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("moderation %s: %w", id, agentiq.ErrNotFound)
		}
		if m.Status != agentiq.ModerationPending {
			return fmt.Errorf("moderation %s is %s: %w", id, m.Status, agentiq.ErrConflict)
		}
		m.Status, m.Moderator, m.ResolvedAt = status, moderator, &at
		if err := put(tx.Bucket(bModeration), key(seller, id), m); err != nil {
			return err
		}
		out = m
		return tx.Bucket(bModPending).Delete(key(seller, timeKey(m.CreatedAt), id))
	})
	return out, err
}

// --- subjects and consents -------------------------------------------------------

func consentKey(c agentiq.Consent) []byte {
	return key(c.SellerID, c.SubjectKey, c.Purpose, c.Channel, timeKey(c.GrantedAt))
}

// Subject returns a subject with its consents.
func (s *Store) Subject(ctx context.Context, seller, subjectKey string) (agentiq.Subject, error) {
	var out agentiq.Subject
	err := s.view(ctx, func(tx *bbolt.Tx) error {
		sub, ok, err := get[agentiq.Subject](tx.Bucket(bSubjects), key(seller, subjectKey))
		if err != nil {
			return err
		}
		pre := prefix(seller, subjectKey)
		c := tx.Bucket(bConsents).Cursor()
		for k, v := c.Seek(pre); k != nil && bytes.HasPrefix(k, pre); k, v = c.Next() {
			var con agentiq.Consent
			if err := json.Unmarshal(v, &con); err != nil {
				return fmt.Errorf("bolt: corrupt consent: %w", err)
			}
			sub.Consents = append(sub.Consents, con)
			ok = true
		}
		if !ok {
			return fmt.Errorf("subject: %w", agentiq.ErrNotFound)
		}
		sub.SellerID, sub.Key = seller, subjectKey
		out = sub
		return nil
	})
	return out, err
}

// RecordConsent stores a consent; the same consent twice is ErrExists.
func (s *Store) RecordConsent(ctx context.Context, c agentiq.Consent) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if c.RecordedAt.IsZero() {
		c.RecordedAt = s.cfg.Now()
	}
	return s.update(ctx, func(tx *bbolt.Tx) error {
		if err := knownSeller(tx, c.SellerID); err != nil {
			return err
		}
		k := consentKey(c)
		if tx.Bucket(bConsents).Get(k) != nil {
			return fmt.Errorf("consent: %w", agentiq.ErrExists)
		}
		if err := put(tx.Bucket(bConsents), k, c); err != nil {
			return err
		}
		return tx.Bucket(bConsentTime).Put(append(key(c.SellerID, timeKey(c.RecordedAt)), append([]byte{0}, k...)...), nil)
	})
}

// WithdrawConsent marks the subject's current consents for purpose and
// channel withdrawn at `at`.
func (s *Store) WithdrawConsent(ctx context.Context, seller, subjectKey, purpose, channel string, at time.Time) error {
	return s.update(ctx, func(tx *bbolt.Tx) error {
		b := tx.Bucket(bConsents)
		pre := prefix(seller, subjectKey, purpose, channel)
		found := false
		var updates []agentiq.Consent
		c := b.Cursor()
		for k, v := c.Seek(pre); k != nil && bytes.HasPrefix(k, pre); k, v = c.Next() {
			var con agentiq.Consent
			if err := json.Unmarshal(v, &con); err != nil {
				return fmt.Errorf("bolt: corrupt consent: %w", err)
			}
			if con.WithdrawnAt == nil && !con.GrantedAt.After(at) {
				w := at
				con.WithdrawnAt = &w
				updates = append(updates, con)
			}
			found = true
		}
		if !found {
			return fmt.Errorf("consent: %w", agentiq.ErrNotFound)
		}
		for _, con := range updates {
			if err := put(b, consentKey(con), con); err != nil {
				return err
			}
		}
		return nil
	})
}

func (s *Store) changeSubject(ctx context.Context, seller, subjectKey string, change func(*agentiq.Subject)) error {
	if subjectKey == "" {
		return fmt.Errorf("%w: empty subject key", agentiq.ErrInvalid)
	}
	return s.update(ctx, func(tx *bbolt.Tx) error {
		if err := knownSeller(tx, seller); err != nil {
			return err
		}
		sub, _, err := get[agentiq.Subject](tx.Bucket(bSubjects), key(seller, subjectKey))
		if err != nil {
			return err
		}
		sub.SellerID, sub.Key, sub.Consents = seller, subjectKey, nil
		change(&sub)
		return put(tx.Bucket(bSubjects), key(seller, subjectKey), sub)
	})
}

// RecordOptOut records a subject's opt-out (the first one stands).
func (s *Store) RecordOptOut(ctx context.Context, seller, subjectKey string, at time.Time, evidence string) error {
	return s.changeSubject(ctx, seller, subjectKey, func(sub *agentiq.Subject) {
		if sub.OptedOutAt == nil {
			sub.OptedOutAt, sub.OptOutRef = &at, evidence
		}
	})
}

// SubjectMarketingWindow is how long a subject keeps marketing send times.
const SubjectMarketingWindow = agentiq.ChatMarketingWindow

// RecordMarketing adds a marketing send to a subject's history.
func (s *Store) RecordMarketing(ctx context.Context, seller, subjectKey string, ch agentiq.Channel, at time.Time) error {
	if !ch.Valid() {
		return fmt.Errorf("%w: channel %q", agentiq.ErrInvalid, ch)
	}
	return s.changeSubject(ctx, seller, subjectKey, func(sub *agentiq.Subject) {
		if sub.MarketingSentAt == nil {
			sub.MarketingSentAt = map[agentiq.Channel][]time.Time{}
		}
		list := append(sub.MarketingSentAt[ch], at)
		sub.MarketingSentAt[ch] = slices.DeleteFunc(list, func(t time.Time) bool { return at.Sub(t) > SubjectMarketingWindow })
	})
}

// ConsentsBetween returns consents recorded in [from, to).
func (s *Store) ConsentsBetween(ctx context.Context, seller string, from, to time.Time) ([]agentiq.Consent, error) {
	var out []agentiq.Consent
	err := s.view(ctx, func(tx *bbolt.Tx) error {
		pre := prefix(seller)
		lo, hi := key(seller, timeKey(from)), key(seller, timeKey(to))
		c := tx.Bucket(bConsentTime).Cursor()
		for k, _ := c.Seek(lo); k != nil && bytes.HasPrefix(k, pre) && bytes.Compare(k, hi) < 0; k, _ = c.Next() {
			con, ok, err := get[agentiq.Consent](tx.Bucket(bConsents), k[len(pre)+9:])
			if err != nil {
				return err
			}
			if ok {
				out = append(out, con)
			}
		}
		return nil
	})
	return out, err
}

// --- audit -------------------------------------------------------------------------

// Append adds an entry to the seller's audit chain. bbolt runs one writer
// at a time, so reading the head and writing the next record in one
// transaction cannot fork the chain.
func (s *Store) Append(ctx context.Context, seller string, e agentiq.AuditEntry) (agentiq.AuditRecord, error) {
	if err := agentiq.ValidateEntry(e); err != nil {
		return agentiq.AuditRecord{}, err
	}
	var rec agentiq.AuditRecord
	err := s.update(ctx, func(tx *bbolt.Tx) error {
		if err := knownSeller(tx, seller); err != nil {
			return err
		}
		head, err := auditHead(tx, seller)
		if err != nil {
			return err
		}
		rec = agentiq.NextRecord(seller, head, e)
		if err := put(tx.Bucket(bAudit), key(seller, seqKey(rec.Seq)), rec); err != nil {
			return err
		}
		return tx.Bucket(bAuditTime).Put(key(seller, timeKey(rec.At), seqKey(rec.Seq)), nil)
	})
	return rec, err
}

func auditHead(tx *bbolt.Tx, seller string) (agentiq.AuditRecord, error) {
	pre := prefix(seller)
	c := tx.Bucket(bAudit).Cursor()
	// the last key with the prefix: seek past it and step back
	var k, v []byte
	if k, _ = c.Seek(append(slices.Clone(pre), 0xff)); k == nil {
		k, v = c.Last()
	} else {
		k, v = c.Prev()
	}
	if k == nil || !bytes.HasPrefix(k, pre) {
		return agentiq.AuditRecord{}, nil
	}
	var r agentiq.AuditRecord
	if err := json.Unmarshal(v, &r); err != nil {
		return r, fmt.Errorf("bolt: corrupt audit record: %w", err)
	}
	return r, nil
}

// AuditHead returns the newest record (the zero record for an empty chain).
func (s *Store) AuditHead(ctx context.Context, seller string) (agentiq.AuditRecord, error) {
	var out agentiq.AuditRecord
	err := s.view(ctx, func(tx *bbolt.Tx) error {
		var err error
		out, err = auditHead(tx, seller)
		return err
	})
	return out, err
}

// AuditSeq returns records with sequence numbers in [from, to].
func (s *Store) AuditSeq(ctx context.Context, seller string, from, to int64) ([]agentiq.AuditRecord, error) {
	var out []agentiq.AuditRecord
	err := s.view(ctx, func(tx *bbolt.Tx) error {
		pre := prefix(seller)
		c := tx.Bucket(bAudit).Cursor()
		for k, v := c.Seek(key(seller, seqKey(from))); k != nil && bytes.HasPrefix(k, pre); k, v = c.Next() {
			var r agentiq.AuditRecord
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("bolt: corrupt audit record: %w", err)
			}
			if r.Seq > to {
				break
			}
			out = append(out, r)
		}
		return nil
	})
	return out, err
}

// AuditBetween returns records written in [from, to), in sequence order.
func (s *Store) AuditBetween(ctx context.Context, seller string, from, to time.Time) ([]agentiq.AuditRecord, error) {
	var out []agentiq.AuditRecord
	err := s.view(ctx, func(tx *bbolt.Tx) error {
		pre := prefix(seller)
		hi := key(seller, timeKey(to))
		c := tx.Bucket(bAuditTime).Cursor()
		for k, _ := c.Seek(key(seller, timeKey(from))); k != nil && bytes.HasPrefix(k, pre) && bytes.Compare(k, hi) < 0; k, _ = c.Next() {
			r, ok, err := get[agentiq.AuditRecord](tx.Bucket(bAudit), key(seller, string(k[len(pre)+9:])))
			if err != nil {
				return err
			}
			if ok {
				out = append(out, r)
			}
		}
		return nil
	})
	slices.SortFunc(out, func(a, b agentiq.AuditRecord) int { return int(a.Seq - b.Seq) })
	return out, err
}

// --- expiry and inspection -------------------------------------------------------

// Expire deletes items whose retention has passed (inbox texts, send
// records), as DynamoDB's TTL does, and returns how many went.
func (s *Store) Expire(ctx context.Context) (int, error) {
	n := 0
	now := timeKey(s.cfg.Now())
	err := s.update(ctx, func(tx *bbolt.Tx) error {
		c := tx.Bucket(bExpiry).Cursor()
		var done [][]byte
		for k, _ := c.First(); k != nil && string(k[:8]) <= now; k, _ = c.Next() {
			done = append(done, slices.Clone(k))
			parts := bytes.SplitN(k[9:], []byte{0}, 2)
			if len(parts) != 2 {
				continue
			}
			bucket, ik := parts[0], parts[1]
			switch {
			case bytes.Equal(bucket, bInbox):
				it, ok, err := get[agentiq.InboxItem](tx.Bucket(bInbox), ik)
				if err != nil {
					return err
				}
				if ok && !it.ExpiresAt.After(s.cfg.Now()) {
					if err := deleteInbox(tx, it); err != nil {
						return err
					}
					n++
				}
			case bytes.Equal(bucket, bSends):
				r, ok, err := get[agentiq.SendRecord](tx.Bucket(bSends), ik)
				if err != nil {
					return err
				}
				if ok && !r.ExpiresAt.After(s.cfg.Now()) {
					if err := tx.Bucket(bSends).Delete(ik); err != nil {
						return err
					}
					n++
				}
			}
		}
		for _, k := range done {
			if err := tx.Bucket(bExpiry).Delete(k); err != nil {
				return err
			}
		}
		return nil
	})
	return n, err
}

// Dump calls fn with every stored value, for inspection and export.
func (s *Store) Dump(ctx context.Context, fn func(where string, value []byte) error) error {
	return s.view(ctx, func(tx *bbolt.Tx) error {
		for _, name := range buckets {
			err := tx.Bucket(name).ForEach(func(k, v []byte) error {
				return fn(string(name)+"/"+string(k), v)
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
}
