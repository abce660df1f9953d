package reports

import (
	"context"

	"github.com/agentiq/agentiq/shared/auditchain"
)

// ChainVerifier is Service.Chain by the audit chain's verifier: the whole
// chain recomputed, against the latest signed checkpoint in log (under
// key) when there is a log, else against none.
func ChainVerifier(st auditchain.Reader, log auditchain.Log, key []byte) func(ctx context.Context, seller string) (*ChainStatus, error) {
	return ChainVerifierAround(st, log, key, nil)
}

// ChainVerifierAround is ChainVerifier leaving the period's own records to
// the report, which recomputes their hashes and links as it reads them
// (span gives the period's first and last sequence numbers): the chain is
// then read once, not twice. The period's bounds and a checkpoint inside
// it are still checked by the verifier, so every link is checked by one or
// the other.
func ChainVerifierAround(st auditchain.Reader, log auditchain.Log, key []byte, span func(ctx context.Context, seller string) (first, last int64, err error)) func(ctx context.Context, seller string) (*ChainStatus, error) {
	return func(ctx context.Context, seller string) (*ChainStatus, error) {
		var cp *auditchain.Checkpoint
		if log != nil {
			var err error
			if cp, err = log.LatestCheckpoint(ctx, seller); err != nil {
				return nil, err
			}
			if cp != nil {
				if err := cp.Check(key); err != nil {
					return nil, err
				}
			}
		}
		if span == nil {
			if log != nil {
				res, err := auditchain.VerifyLog(ctx, st, log, key, seller, 1)
				if err != nil {
					return nil, err
				}
				return StatusOf(res), nil
			}
			res, err := auditchain.Verify(ctx, st, seller, 1, nil)
			if err != nil {
				return nil, err
			}
			return StatusOf(res), nil
		}
		first, last, err := span(ctx, seller)
		if err != nil {
			return nil, err
		}
		res, err := auditchain.VerifyAround(ctx, st, seller, first, last, cp)
		if err != nil {
			return nil, err
		}
		c := StatusOf(res)
		if c.Verified && last-first > 1 {
			c.Records += last - first - 1 // checked by the report as it reads them
		}
		return c, nil
	}
}

// StatusOf is a verification's result as the reports show it.
func StatusOf(res auditchain.Result) *ChainStatus {
	c := &ChainStatus{Verified: res.OK, Records: res.Checked, FirstBad: res.FirstBad}
	if !res.OK {
		c.Problem = res.Err().Error()
	}
	if cp := res.Checkpoint; cp != nil {
		c.CheckpointSeq, c.CheckpointAt, c.CheckpointHash = cp.Seq, cp.CreatedAt, cp.Hash
	}
	return c
}
