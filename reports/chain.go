package reports

import (
	"context"

	"github.com/agentiq/agentiq/shared/auditchain"
)

// ChainVerifier is Service.Chain by the audit chain's verifier: the whole
// chain recomputed, against the latest signed checkpoint in log (under
// key) when there is a log, else against none.
func ChainVerifier(st auditchain.Reader, log auditchain.Log, key []byte) func(ctx context.Context, seller string) (*ChainStatus, error) {
	return func(ctx context.Context, seller string) (*ChainStatus, error) {
		var res auditchain.Result
		var err error
		if log != nil {
			res, err = auditchain.VerifyLog(ctx, st, log, key, seller, 1)
		} else {
			res, err = auditchain.Verify(ctx, st, seller, 1, nil)
		}
		if err != nil {
			return nil, err
		}
		return StatusOf(res), nil
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
