package auditchain

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
)

// FileLog keeps checkpoints locally: one JSON-lines file per seller in a
// folder beside the store (out/checkpoints/<seller>.jsonl), appended to.
type FileLog struct{ Dir string }

var sellerFileRe = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

func (l FileLog) path(seller string) (string, error) {
	if !sellerFileRe.MatchString(seller) {
		return "", fmt.Errorf("checkpoints: seller id %q cannot name a file", seller)
	}
	return filepath.Join(l.Dir, seller+".jsonl"), nil
}

// PutCheckpoint appends a checkpoint to the seller's file and syncs it.
func (l FileLog) PutCheckpoint(_ context.Context, c Checkpoint) error {
	p, err := l.path(c.SellerID)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(l.Dir, 0o750); err != nil {
		return fmt.Errorf("checkpoints: %w", err)
	}
	line, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("checkpoints: %w", err)
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return fmt.Errorf("checkpoints: %w", err)
	}
	_, err = f.Write(append(line, '\n'))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("checkpoints: %w", err)
	}
	return nil
}

// Checkpoints returns the seller's checkpoints in the order written. A
// line that is not a checkpoint is an error: the file was tampered with.
func (l FileLog) Checkpoints(_ context.Context, seller string) ([]Checkpoint, error) {
	p, err := l.path(seller)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(p)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("checkpoints: %w", err)
	}
	defer f.Close()
	var out []Checkpoint
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var c Checkpoint
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			return nil, fmt.Errorf("checkpoints %s: line %d is not a checkpoint", p, n)
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("checkpoints %s: %w", p, err)
	}
	return out, nil
}

// LatestCheckpoint returns the checkpoint with the highest sequence number.
func (l FileLog) LatestCheckpoint(ctx context.Context, seller string) (*Checkpoint, error) {
	all, err := l.Checkpoints(ctx, seller)
	if err != nil || len(all) == 0 {
		return nil, err
	}
	best := all[0]
	for _, c := range all[1:] {
		if c.Seq >= best.Seq {
			best = c
		}
	}
	return &best, nil
}
