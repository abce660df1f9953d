// Package bolttest edits an embedded store's audit chain behind the
// store's back, as someone holding the file could, for tamper tests. The
// store must be closed while it edits.
package bolttest

import (
	"encoding/binary"
	"encoding/json"
	"fmt"

	bbolt "go.etcd.io/bbolt"

	agentiq "github.com/agentiq/agentiq/shared"
)

// The embedded store's layout of the chain (shared/bolt): bucket "audit",
// key seller, 0, big-endian sequence number.
var auditBucket = []byte("audit")

func auditKey(seller string, seq int64) []byte {
	k := append([]byte(seller), 0)
	return binary.BigEndian.AppendUint64(k, uint64(seq))
}

// edit runs fn on the audit bucket of the store file at path.
func edit(path string, fn func(b *bbolt.Bucket) error) error {
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		return err
	}
	defer db.Close()
	return db.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(auditBucket)
		if b == nil {
			return fmt.Errorf("bolttest: no audit bucket in %s", path)
		}
		return fn(b)
	})
}

func read(b *bbolt.Bucket, seller string, seq int64) (agentiq.AuditRecord, error) {
	var r agentiq.AuditRecord
	raw := b.Get(auditKey(seller, seq))
	if raw == nil {
		return r, fmt.Errorf("bolttest: no audit record %d of %s", seq, seller)
	}
	return r, json.Unmarshal(raw, &r)
}

func write(b *bbolt.Bucket, seller string, seq int64, r agentiq.AuditRecord) error {
	raw, err := json.Marshal(r)
	if err != nil {
		return err
	}
	return b.Put(auditKey(seller, seq), raw)
}

// Alter changes record seq's content in place, its hash left as it was.
func Alter(path, seller string, seq int64, change func(*agentiq.AuditRecord)) error {
	return edit(path, func(b *bbolt.Bucket) error {
		r, err := read(b, seller, seq)
		if err != nil {
			return err
		}
		change(&r)
		return write(b, seller, seq, r)
	})
}

// Delete removes record seq.
func Delete(path, seller string, seq int64) error {
	return edit(path, func(b *bbolt.Bucket) error {
		if b.Get(auditKey(seller, seq)) == nil {
			return fmt.Errorf("bolttest: no audit record %d of %s", seq, seller)
		}
		return b.Delete(auditKey(seller, seq))
	})
}

// Swap exchanges the places of records a and b.
func Swap(path, seller string, a, b int64) error {
	return edit(path, func(bk *bbolt.Bucket) error {
		ra, err := read(bk, seller, a)
		if err != nil {
			return err
		}
		rb, err := read(bk, seller, b)
		if err != nil {
			return err
		}
		if err := write(bk, seller, a, rb); err != nil {
			return err
		}
		return write(bk, seller, b, ra)
	})
}

// Rewrite changes record seq's content and recomputes its hash and every
// later record's link and hash, so that the chain verifies link by link.
func Rewrite(path, seller string, seq int64, change func(*agentiq.AuditRecord)) error {
	return edit(path, func(b *bbolt.Bucket) error {
		prev := agentiq.AuditRecord{}
		if seq > 1 {
			var err error
			if prev, err = read(b, seller, seq-1); err != nil {
				return err
			}
		}
		for n := seq; ; n++ {
			r, err := read(b, seller, n)
			if err != nil {
				if n == seq {
					return err
				}
				return nil // past the head
			}
			if n == seq {
				change(&r)
			}
			r.PrevHash = prev.Hash
			r.Hash = agentiq.ChainHash(r.SellerID, r.Seq, r.At, r.Kind, r.Ref, r.Data, r.PrevHash)
			if err := write(b, seller, n, r); err != nil {
				return err
			}
			prev = r
		}
	})
}

// AppendChain appends n records to seller's chain in one transaction (the
// store appends one per transaction, which is slow for building long
// chains in benchmarks); entry(i) is the i-th entry, from 1.
func AppendChain(path, seller string, n int, entry func(i int) agentiq.AuditEntry) error {
	return edit(path, func(b *bbolt.Bucket) error {
		var head agentiq.AuditRecord
		c := b.Cursor()
		pre := append([]byte(seller), 0)
		for k, v := c.Seek(pre); k != nil && len(k) == len(pre)+8 && string(k[:len(pre)]) == string(pre); k, v = c.Next() {
			if err := json.Unmarshal(v, &head); err != nil {
				return err
			}
		}
		b.FillPercent = 0.95 // as the store appends
		for i := 1; i <= n; i++ {
			head = agentiq.NextRecord(seller, head, entry(i))
			if err := write(b, seller, head.Seq, head); err != nil {
				return err
			}
		}
		return nil
	})
}
