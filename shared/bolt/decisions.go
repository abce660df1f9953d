package bolt

import (
	"bytes"
	"context"
	"fmt"
	"time"
	"unicode/utf8"

	bbolt "go.etcd.io/bbolt"

	agentiq "github.com/agentiq/agentiq/shared"
)

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
	return one[agentiq.ChatState](ctx, s, bChats, key(seller, chatID), "chat "+chatID)
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

// ResolveInbox takes a decided item out of the inbox and appends its
// audit entries, in one transaction.
func (s *Store) ResolveInbox(ctx context.Context, seller, eventID string, entries ...agentiq.AuditEntry) ([]agentiq.AuditRecord, error) {
	for _, e := range entries {
		if err := agentiq.ValidateEntry(e); err != nil {
			return nil, err
		}
	}
	var out []agentiq.AuditRecord
	err := s.update(ctx, func(tx *bbolt.Tx) error {
		it, ok, err := get[agentiq.InboxItem](tx.Bucket(bInbox), key(seller, eventID))
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("inbox item %s: %w", eventID, agentiq.ErrNotFound)
		}
		if err := deleteInbox(tx, it); err != nil {
			return err
		}
		if len(entries) > 0 {
			out, err = appendIn(tx, seller, entries...)
		}
		return err
	})
	return out, err
}

// InboxItem returns one pending inbox item.
func (s *Store) InboxItem(ctx context.Context, seller, eventID string) (agentiq.InboxItem, error) {
	return one[agentiq.InboxItem](ctx, s, bInbox, key(seller, eventID), "inbox item "+eventID)
}

// FailInbox counts a failed try to decide an item.
func (s *Store) FailInbox(ctx context.Context, seller, eventID, reason string) (agentiq.InboxItem, error) {
	var out agentiq.InboxItem
	err := s.update(ctx, func(tx *bbolt.Tx) error {
		it, ok, err := get[agentiq.InboxItem](tx.Bucket(bInbox), key(seller, eventID))
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("inbox item %s: %w", eventID, agentiq.ErrNotFound)
		}
		it.Attempts++
		it.LastError = cutError(reason)
		out = it
		return put(tx.Bucket(bInbox), key(seller, eventID), it)
	})
	return out, err
}

// cutError bounds a stored error text.
func cutError(s string) string {
	const max = 500
	if len(s) <= max {
		return s
	}
	s = s[:max]
	for len(s) > 0 && !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s
}

// CreateSend records a decision to send before sending.
func (s *Store) CreateSend(ctx context.Context, r agentiq.SendRecord) error {
	if r.SellerID == "" || r.DecisionID == "" || !r.Channel.Valid() || !r.Status.Claimable() || r.CreatedAt.IsZero() {
		return fmt.Errorf("%w: a new send record needs a seller, a decision id, a channel, a time and status pending or none", agentiq.ErrInvalid)
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
	return one[agentiq.SendRecord](ctx, s, bSends, key(seller, decisionID), "send "+decisionID)
}

// --- moderation --------------------------------------------------------------------

// EnqueueModeration adds a draft for a moderator.
func (s *Store) EnqueueModeration(ctx context.Context, m agentiq.ModerationItem) error {
	if m.SellerID == "" || m.ID == "" || m.CreatedAt.IsZero() || m.Status != agentiq.ModerationPending {
		return fmt.Errorf("%w: a moderation item needs a seller, an id, a time and status pending or none", agentiq.ErrInvalid)
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
