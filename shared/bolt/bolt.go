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
	bConsents     = []byte("consent_events")         // seller, subject, time, record id → event
	bConsentIDs   = []byte("consent_ids")            // seller, record id → fingerprint, event key
	bConsentTime  = []byte("consent_events_by_time") // seller, time, record id → event key
	bAudit        = []byte("audit")                  // seller, seq → record
	bAuditTime    = []byte("audit_by_time")          // seller, time, seq → ""
	buckets       = [][]byte{bSellers, bCursors, bChats, bInbox, bInboxPending, bExpiry, bSends,
		bModeration, bModPending, bSubjects, bConsents, bConsentIDs, bConsentTime, bAudit, bAuditTime, bIdem, bReportJobs}
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

// one reads one item; a missing one is ErrNotFound, named by what.
func one[T any](ctx context.Context, s *Store, bucket, k []byte, what string) (T, error) {
	var out T
	err := s.view(ctx, func(tx *bbolt.Tx) error {
		v, ok, err := get[T](tx.Bucket(bucket), k)
		if err == nil && !ok {
			err = fmt.Errorf("%s: %w", what, agentiq.ErrNotFound)
		}
		out = v
		return err
	})
	return out, err
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

// --- expiry and inspection -------------------------------------------------------

// Expire deletes items whose retention has passed (inbox texts, send
// records, finished report jobs), as DynamoDB's TTL does, and returns how many went.
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
			case bytes.Equal(bucket, bReportJobs):
				j, ok, err := get[agentiq.ReportJob](tx.Bucket(bReportJobs), ik)
				if err != nil {
					return err
				}
				if ok && j.Expired(s.cfg.Now()) {
					if err := tx.Bucket(bReportJobs).Delete(ik); err != nil {
						return err
					}
					n++
				}
			case bytes.Equal(bucket, bIdem):
				gone, err := s.expireIdempotent(tx, ik)
				if err != nil {
					return err
				}
				if gone {
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
