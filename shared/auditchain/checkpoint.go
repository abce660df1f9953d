package auditchain

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Checkpoint anchors a seller's chain outside the store: the sequence
// number and hash of its head at a moment, signed with HMAC-SHA256 under
// a key the store does not hold. A chain rewritten from some record on,
// every later hash recomputed, still verifies link by link — but no
// longer has the checkpoint's hash at the checkpoint's sequence number.
type Checkpoint struct {
	SellerID  string    `json:"seller_id"`
	Seq       int64     `json:"seq"`
	Hash      string    `json:"hash"`       // the hash of record Seq
	RecordAt  time.Time `json:"record_at"`  // the time of record Seq
	CreatedAt time.Time `json:"created_at"` // when the checkpoint was made
	Signature string    `json:"signature"`  // hex HMAC-SHA256 of the fields above
}

// MinKeyBytes is the shortest checkpoint key accepted.
const MinKeyBytes = 32

// ErrSignature is a checkpoint whose signature does not match: it was
// altered or made with another key.
var ErrSignature = errors.New("checkpoint signature does not match")

func (c Checkpoint) mac(key []byte) []byte {
	m := hmac.New(sha256.New, key)
	for _, part := range []string{"agentiq-checkpoint-v1", c.SellerID, strconv.FormatInt(c.Seq, 10), c.Hash,
		c.RecordAt.UTC().Format(time.RFC3339Nano), c.CreatedAt.UTC().Format(time.RFC3339Nano)} {
		m.Write([]byte(strconv.Itoa(len(part))))
		m.Write([]byte{':'})
		m.Write([]byte(part))
	}
	return m.Sum(nil)
}

// Sign returns c signed with key.
func Sign(c Checkpoint, key []byte) Checkpoint {
	c.RecordAt, c.CreatedAt = c.RecordAt.UTC(), c.CreatedAt.UTC()
	c.Signature = hex.EncodeToString(c.mac(key))
	return c
}

// Check verifies c's signature under key.
func (c Checkpoint) Check(key []byte) error {
	sig, err := hex.DecodeString(c.Signature)
	if err != nil || !hmac.Equal(sig, c.mac(key)) {
		return fmt.Errorf("checkpoint %s/%d: %w", c.SellerID, c.Seq, ErrSignature)
	}
	return nil
}

// Log keeps a seller's checkpoints: a file beside the embedded store
// (FileLog), or an S3 bucket with Object Lock (package s3store).
type Log interface {
	PutCheckpoint(ctx context.Context, c Checkpoint) error
	// LatestCheckpoint returns the checkpoint with the highest sequence
	// number, or nil when there is none.
	LatestCheckpoint(ctx context.Context, seller string) (*Checkpoint, error)
}

// History is a Log that can list every checkpoint, oldest first; with it
// a rewritten chain is narrowed to what follows the last checkpoint it
// still matches.
type History interface {
	Log
	Checkpoints(ctx context.Context, seller string) ([]Checkpoint, error)
}

// Writer makes checkpoints of sellers' chains.
type Writer struct {
	Store Reader
	Log   Log
	Key   []byte
	Now   func() time.Time // nil means time.Now
}

// Write verifies the chain from the latest checkpoint on (so that a broken
// chain is never anchored) and records a checkpoint of its head. It
// returns the latest checkpoint unchanged when the head has not moved, and
// no checkpoint (nil) for an empty chain. A broken chain is a
// *agentiq.ChainError.
func (w *Writer) Write(ctx context.Context, seller string) (*Checkpoint, error) {
	return w.write(ctx, seller, 1)
}

// WriteIfDue is Write when at least every records were appended since the
// latest checkpoint; else it returns the latest checkpoint.
func (w *Writer) WriteIfDue(ctx context.Context, seller string, every int64) (*Checkpoint, error) {
	return w.write(ctx, seller, max(every, 1))
}

func (w *Writer) write(ctx context.Context, seller string, every int64) (*Checkpoint, error) {
	if len(w.Key) < MinKeyBytes {
		return nil, fmt.Errorf("checkpoint key: %d bytes, want at least %d", len(w.Key), MinKeyBytes)
	}
	latest, err := w.Log.LatestCheckpoint(ctx, seller)
	if err != nil {
		return nil, fmt.Errorf("checkpoint %s: %w", seller, err)
	}
	if latest != nil {
		if err := latest.Check(w.Key); err != nil {
			return nil, err
		}
	}
	head, err := w.Store.AuditHead(ctx, seller)
	if err != nil {
		return nil, fmt.Errorf("checkpoint %s: %w", seller, err)
	}
	from, since := int64(1), int64(0)
	if latest != nil {
		from, since = latest.Seq, latest.Seq
	}
	if head.Seq-since < every {
		return latest, nil
	}
	res, err := Verify(ctx, w.Store, seller, from, latest)
	if err != nil {
		return nil, err
	}
	if !res.OK {
		return nil, fmt.Errorf("checkpoint %s: not anchoring a broken chain: %w", seller, res.Err())
	}
	now := time.Now
	if w.Now != nil {
		now = w.Now
	}
	c := Sign(Checkpoint{SellerID: seller, Seq: res.Head, Hash: res.HeadHash, RecordAt: res.HeadAt, CreatedAt: now()}, w.Key)
	if err := w.Log.PutCheckpoint(ctx, c); err != nil {
		return nil, fmt.Errorf("checkpoint %s: %w", seller, err)
	}
	return &c, nil
}

// LocalKey reads the checkpoint key kept at path (hex), making one the
// first time (0600). Locally it sits beside the store; in the cloud the
// key comes from Secrets Manager and the checkpoints go to a bucket whose
// Object Lock keeps them from being rewritten.
func LocalKey(path string) ([]byte, error) {
	if b, err := os.ReadFile(path); err == nil {
		k, err := hex.DecodeString(strings.TrimSpace(string(b)))
		if err != nil || len(k) < MinKeyBytes {
			return nil, fmt.Errorf("checkpoint key %s: want at least %d bytes in hex", path, MinKeyBytes)
		}
		return k, nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("checkpoint key: %w", err)
	}
	k := make([]byte, MinKeyBytes)
	if _, err := rand.Read(k); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return nil, fmt.Errorf("checkpoint key: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, os.ErrExist) { // made by another process meanwhile
			return LocalKey(path)
		}
		return nil, fmt.Errorf("checkpoint key: %w", err)
	}
	defer f.Close()
	if _, err := f.WriteString(hex.EncodeToString(k) + "\n"); err != nil {
		return nil, fmt.Errorf("checkpoint key: %w", err)
	}
	return k, f.Close()
}
