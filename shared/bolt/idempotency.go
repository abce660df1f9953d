package bolt

import (
	"context"
	"fmt"

	bbolt "go.etcd.io/bbolt"

	agentiq "github.com/agentiq/agentiq/shared"
)

// bIdem holds first answers to keyed requests: seller, key → record.
var bIdem = []byte("idempotency")

// PutIdempotent stores the first answer for a key and appends the entries
// to the audit chain in one transaction; ErrExists if the key has a live
// record.
func (s *Store) PutIdempotent(ctx context.Context, r agentiq.IdempotencyRecord, entries ...agentiq.AuditEntry) ([]agentiq.AuditRecord, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	for _, e := range entries {
		if err := agentiq.ValidateEntry(e); err != nil {
			return nil, err
		}
	}
	if r.ExpiresAt.IsZero() {
		r.ExpiresAt = r.CreatedAt.Add(agentiq.IdempotencyRetention)
	}
	var out []agentiq.AuditRecord
	err := s.update(ctx, func(tx *bbolt.Tx) error {
		if err := knownSeller(tx, r.SellerID); err != nil {
			return err
		}
		b := tx.Bucket(bIdem)
		k := key(r.SellerID, r.Key)
		prior, ok, err := get[agentiq.IdempotencyRecord](b, k)
		if err != nil {
			return err
		}
		if ok && prior.ExpiresAt.After(s.cfg.Now()) {
			return fmt.Errorf("idempotency key %q: %w", r.Key, agentiq.ErrExists)
		}
		if err := put(b, k, r); err != nil {
			return err
		}
		if err := expireAt(tx, r.ExpiresAt, bIdem, k); err != nil {
			return err
		}
		if len(entries) > 0 {
			out, err = appendIn(tx, r.SellerID, entries...)
		}
		return err
	})
	return out, err
}

// Idempotent returns the live record of a key.
func (s *Store) Idempotent(ctx context.Context, seller, k string) (agentiq.IdempotencyRecord, error) {
	var out agentiq.IdempotencyRecord
	err := s.view(ctx, func(tx *bbolt.Tx) error {
		r, ok, err := get[agentiq.IdempotencyRecord](tx.Bucket(bIdem), key(seller, k))
		if err != nil {
			return err
		}
		if !ok || !r.ExpiresAt.After(s.cfg.Now()) {
			return fmt.Errorf("idempotency key %q: %w", k, agentiq.ErrNotFound)
		}
		out = r
		return nil
	})
	return out, err
}

// expireIdempotent deletes an expired record (called by Expire).
func (s *Store) expireIdempotent(tx *bbolt.Tx, k []byte) (bool, error) {
	r, ok, err := get[agentiq.IdempotencyRecord](tx.Bucket(bIdem), k)
	if err != nil || !ok || r.ExpiresAt.After(s.cfg.Now()) {
		return false, err
	}
	return true, tx.Bucket(bIdem).Delete(k)
}

// Moderation returns one moderation item, pending or resolved.
func (s *Store) Moderation(ctx context.Context, seller, id string) (agentiq.ModerationItem, error) {
	var out agentiq.ModerationItem
	err := s.view(ctx, func(tx *bbolt.Tx) error {
		m, ok, err := get[agentiq.ModerationItem](tx.Bucket(bModeration), key(seller, id))
		if err == nil && !ok {
			err = fmt.Errorf("moderation %s: %w", id, agentiq.ErrNotFound)
		}
		out = m
		return err
	})
	return out, err
}
