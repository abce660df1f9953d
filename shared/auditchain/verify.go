// Package auditchain verifies sellers' hash-linked audit chains and
// anchors them with signed checkpoints kept outside the store, so that
// an altered, missing, reordered or forked record — or a chain rewritten
// from some point on with every later hash recomputed — is found and
// named by its sequence number.
package auditchain

import (
	"context"
	"errors"
	"fmt"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
)

// Reader is the part of the store verification reads.
type Reader interface {
	AuditHead(ctx context.Context, seller string) (agentiq.AuditRecord, error)
	AuditSeq(ctx context.Context, seller string, from, to int64) ([]agentiq.AuditRecord, error)
}

// PageSize is how many records Verify reads at a time: memory stays
// bounded however long the chain.
const PageSize = 1000

// Result is what a verification found.
type Result struct {
	Seller   string    `json:"seller"`
	From     int64     `json:"from"` // the first sequence number checked
	Head     int64     `json:"head"` // the chain's newest sequence number
	HeadHash string    `json:"head_hash"`
	HeadAt   time.Time `json:"head_at"`
	Checked  int64     `json:"checked"` // records checked
	// Checkpoint is the checkpoint the chain was checked against (nil:
	// none), and CheckpointOK whether the chain has its hash.
	Checkpoint   *Checkpoint `json:"checkpoint,omitempty"`
	CheckpointOK bool        `json:"checkpoint_ok"`
	OK           bool        `json:"ok"`
	// The first break, when not OK.
	FirstBad int64  `json:"first_bad,omitempty"`
	Problem  string `json:"problem,omitempty"` // agentiq.Chain*
	Detail   string `json:"detail,omitempty"`
}

// Err returns the break as a *agentiq.ChainError, or nil when OK.
func (r Result) Err() error {
	if r.OK {
		return nil
	}
	return &agentiq.ChainError{Seq: r.FirstBad, Problem: r.Problem, Detail: r.Detail}
}

func (r *Result) fail(e *agentiq.ChainError) {
	r.OK, r.FirstBad, r.Problem, r.Detail = false, e.Seq, e.Problem, e.Detail
}

// Verify recomputes a seller's chain from sequence number from (1 when
// less) to its head, a page at a time, and checks it against checkpoint
// when given (whose signature the caller has checked): the record at the
// checkpoint's sequence number must carry the checkpoint's hash, and the
// chain must reach it. It names the first broken sequence number and
// why. An error is a failure to read, not a broken chain.
func Verify(ctx context.Context, st Reader, seller string, from int64, checkpoint *Checkpoint) (Result, error) {
	return verify(ctx, st, seller, from, checkpoint, 0, 0)
}

// VerifyAround is Verify of a whole chain except the records strictly
// between skipFrom and skipTo, which the caller checks itself as it reads
// them (a report recomputes the hashes and links of its period): both
// bounds are verified here, so every link of the chain is checked by one
// or the other, and a checkpoint that falls in the skipped stretch is
// still compared with its record.
func VerifyAround(ctx context.Context, st Reader, seller string, skipFrom, skipTo int64, checkpoint *Checkpoint) (Result, error) {
	if skipTo-skipFrom < 2 {
		skipFrom, skipTo = 0, 0
	}
	return verify(ctx, st, seller, 1, checkpoint, skipFrom, skipTo)
}

func verify(ctx context.Context, st Reader, seller string, from int64, checkpoint *Checkpoint, skipFrom, skipTo int64) (Result, error) {
	res := Result{Seller: seller, From: max(from, 1), Checkpoint: checkpoint, OK: true}
	head, err := st.AuditHead(ctx, seller)
	if err != nil {
		return res, fmt.Errorf("verify %s: %w", seller, err)
	}
	res.Head, res.HeadHash, res.HeadAt = head.Seq, head.Hash, head.At
	if checkpoint != nil && checkpoint.SellerID != seller {
		return res, fmt.Errorf("verify %s: the checkpoint is of seller %s", seller, checkpoint.SellerID)
	}
	if checkpoint != nil && checkpoint.Seq > head.Seq {
		res.fail(&agentiq.ChainError{Seq: head.Seq + 1, Problem: agentiq.ChainMissing,
			Detail: fmt.Sprintf("the chain ends at record %d but checkpoint %d was made of it: records %d–%d are missing", head.Seq, checkpoint.Seq, head.Seq+1, checkpoint.Seq)})
		return res, nil
	}
	var prev agentiq.AuditRecord
	if res.From > 1 {
		recs, err := st.AuditSeq(ctx, seller, res.From-1, res.From-1)
		if err != nil {
			return res, fmt.Errorf("verify %s: %w", seller, err)
		}
		if len(recs) != 1 || recs[0].Seq != res.From-1 {
			res.fail(&agentiq.ChainError{Seq: res.From - 1, Problem: agentiq.ChainMissing, Detail: fmt.Sprintf("record %d is missing", res.From-1)})
			return res, nil
		}
		prev = recs[0]
	}
	// A checkpoint before where verification starts is checked on its own.
	// checkOnItsOwn compares the checkpoint with its record, read alone:
	// false when it does not match (res says why).
	checkOnItsOwn := func() (bool, error) {
		recs, err := st.AuditSeq(ctx, seller, checkpoint.Seq, checkpoint.Seq)
		if err != nil {
			return false, fmt.Errorf("verify %s: %w", seller, err)
		}
		if e := againstCheckpoint(recs, checkpoint); e != nil {
			res.fail(e)
			return false, nil
		}
		res.CheckpointOK = true
		return true, nil
	}
	if checkpoint != nil && checkpoint.Seq < res.From {
		if ok, err := checkOnItsOwn(); !ok {
			return res, err
		}
	}
	release, _ := st.(interface{ ReleasePages() error })
	for lo, pages := res.From, 0; lo <= head.Seq; pages++ {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		if release != nil && pages%50 == 49 {
			// A store that maps its file lets go of the pages read so far:
			// the resident set stays bounded over a long chain (a hint).
			_ = release.ReleasePages()
		}
		if skipTo > 0 && lo > skipFrom && lo < skipTo {
			// The caller checks (skipFrom, skipTo): go on from skipTo,
			// linked to the record before it; compare a checkpoint that
			// falls in between with its record.
			if checkpoint != nil && checkpoint.Seq > skipFrom && checkpoint.Seq < skipTo {
				if ok, err := checkOnItsOwn(); !ok {
					return res, err
				}
			}
			recs, err := st.AuditSeq(ctx, seller, skipTo-1, skipTo-1)
			if err != nil {
				return res, fmt.Errorf("verify %s: %w", seller, err)
			}
			if len(recs) != 1 || recs[0].Seq != skipTo-1 {
				res.fail(&agentiq.ChainError{Seq: skipTo - 1, Problem: agentiq.ChainMissing, Detail: fmt.Sprintf("record %d is missing", skipTo-1)})
				return res, nil
			}
			prev, lo = recs[0], skipTo
			continue
		}
		hi := min(lo+PageSize-1, head.Seq)
		if skipTo > 0 && lo <= skipFrom {
			hi = min(hi, skipFrom)
		}
		recs, err := st.AuditSeq(ctx, seller, lo, hi)
		if err != nil {
			return res, fmt.Errorf("verify %s: %w", seller, err)
		}
		if len(recs) == 0 {
			res.fail(&agentiq.ChainError{Seq: lo, Problem: agentiq.ChainMissing, Detail: fmt.Sprintf("record %d is missing", lo)})
			return res, nil
		}
		if err := agentiq.VerifyChain(prev, recs); err != nil {
			var ce *agentiq.ChainError
			if !errors.As(err, &ce) {
				return res, err
			}
			// a break after the checkpoint's record still lets it be compared
			if checkpoint != nil && !res.CheckpointOK && checkpoint.Seq < ce.Seq {
				if e := againstCheckpoint(recs, checkpoint); e != nil {
					res.fail(e)
					return res, nil
				}
				res.CheckpointOK = true
			}
			res.Checked += max(0, ce.Seq-lo)
			res.fail(ce)
			return res, nil
		}
		if checkpoint != nil && checkpoint.Seq >= lo && checkpoint.Seq <= recs[len(recs)-1].Seq {
			if e := againstCheckpoint(recs, checkpoint); e != nil {
				res.Checked += checkpoint.Seq - lo
				res.fail(e)
				return res, nil
			}
			res.CheckpointOK = true
		}
		res.Checked += int64(len(recs))
		prev = recs[len(recs)-1]
		lo = prev.Seq + 1
	}
	if prev.Seq != head.Seq && head.Seq >= res.From {
		res.fail(&agentiq.ChainError{Seq: prev.Seq + 1, Problem: agentiq.ChainMissing, Detail: fmt.Sprintf("the chain stops at record %d before its head %d", prev.Seq, head.Seq)})
	}
	return res, nil
}

// againstCheckpoint compares the record at the checkpoint's sequence
// number, found in recs, with the checkpoint.
func againstCheckpoint(recs []agentiq.AuditRecord, c *Checkpoint) *agentiq.ChainError {
	for _, r := range recs {
		if r.Seq != c.Seq {
			continue
		}
		if r.Hash != c.Hash {
			return &agentiq.ChainError{Seq: c.Seq, Problem: agentiq.ChainCheckpoint,
				Detail: fmt.Sprintf("record %d does not have the hash of the checkpoint made %s: the chain was rewritten up to it", c.Seq, c.CreatedAt.UTC().Format(time.RFC3339))}
		}
		return nil
	}
	return &agentiq.ChainError{Seq: c.Seq, Problem: agentiq.ChainMissing, Detail: fmt.Sprintf("record %d, of the checkpoint, is missing", c.Seq)}
}

// VerifyLog verifies a seller's chain against the latest checkpoint in
// log, checking its signature under key first (a forged checkpoint is an
// error). When the chain disagrees with it and the log keeps its history,
// the break is narrowed: the first bad sequence number is the one after
// the last checkpoint the chain still matches.
func VerifyLog(ctx context.Context, st Reader, log Log, key []byte, seller string, from int64) (Result, error) {
	cp, err := log.LatestCheckpoint(ctx, seller)
	if err != nil {
		return Result{Seller: seller}, fmt.Errorf("verify %s: checkpoints: %w", seller, err)
	}
	if cp != nil {
		if err := cp.Check(key); err != nil {
			return Result{Seller: seller, Checkpoint: cp}, err
		}
	}
	res, err := Verify(ctx, st, seller, from, cp)
	if err != nil || res.OK || res.Problem != agentiq.ChainCheckpoint {
		return res, err
	}
	h, ok := log.(History)
	if !ok {
		return res, nil
	}
	all, err := h.Checkpoints(ctx, seller)
	if err != nil {
		return res, fmt.Errorf("verify %s: checkpoints: %w", seller, err)
	}
	good := int64(0)
	for i := len(all) - 1; i >= 0; i-- {
		c := all[i]
		if c.Seq >= cp.Seq || c.Check(key) != nil {
			continue
		}
		recs, err := st.AuditSeq(ctx, seller, c.Seq, c.Seq)
		if err != nil {
			return res, fmt.Errorf("verify %s: %w", seller, err)
		}
		if againstCheckpoint(recs, &c) == nil {
			good = c.Seq
			break
		}
	}
	res.FirstBad = good + 1
	res.Detail += fmt.Sprintf("; the chain matches its checkpoints up to record %d, so it is rewritten from a record in %d–%d", good, good+1, cp.Seq)
	return res, nil
}
