package bolt

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	bbolt "go.etcd.io/bbolt"

	agentiq "github.com/agentiq/agentiq/shared"
)

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
		recs, err := appendIn(tx, seller, e)
		if err == nil {
			rec = recs[0]
		}
		return err
	})
	return rec, err
}

// appendIn appends entries to the chain inside tx.
func appendIn(tx *bbolt.Tx, seller string, entries ...agentiq.AuditEntry) ([]agentiq.AuditRecord, error) {
	head, err := auditHead(tx, seller)
	if err != nil {
		return nil, err
	}
	// The chain only grows at its end: full pages keep the file (and the
	// memory map a long report reads) half the size of the default fill.
	tx.Bucket(bAudit).FillPercent = appendFill
	tx.Bucket(bAuditTime).FillPercent = appendFill
	out := make([]agentiq.AuditRecord, 0, len(entries))
	for _, e := range entries {
		rec := agentiq.NextRecord(seller, head, e)
		if err := put(tx.Bucket(bAudit), key(seller, seqKey(rec.Seq)), rec); err != nil {
			return nil, err
		}
		if err := tx.Bucket(bAuditTime).Put(key(seller, timeKey(rec.At), seqKey(rec.Seq)), nil); err != nil {
			return nil, err
		}
		out = append(out, rec)
		head = rec
	}
	return out, nil
}

// appendFill is how full bbolt fills pages of append-only buckets.
const appendFill = 0.95

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
