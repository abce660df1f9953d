package storetest

import (
	"testing"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/auditchain"
)

// testAuditVerify: the chain verifies, and is checkpointed and checked
// against the checkpoint, through the store's own reads.
func testAuditVerify(t *testing.T, open Factory) {
	s := newStore(t, open, Config{})
	log := auditchain.FileLog{Dir: t.TempDir()}
	key := []byte("storetest-checkpoint-key-0123456789ab")
	w := auditchain.Writer{Store: s, Log: log, Key: key, Now: fixedClock(T0)}
	for i := 1; i <= 12; i++ {
		_, err := s.Append(ctx, "s1", entry(i))
		must(t, err)
		if i == 8 {
			c, err := w.Write(ctx, "s1")
			must(t, err)
			if c == nil || c.Seq != 8 {
				t.Fatalf("checkpoint %+v", c)
			}
		}
	}
	// consent events are part of the same chain
	_, err := s.RegisterConsent(ctx, consentEvent("c-1", "subject", agentiq.PurposeAdvertising, "sms", T0))
	must(t, err)
	tests := []struct {
		from    int64
		checked int64
	}{{1, 13}, {8, 6}, {13, 1}, {14, 0}}
	for _, tt := range tests {
		res, err := auditchain.VerifyLog(ctx, s, log, key, "s1", tt.from)
		must(t, err)
		if !res.OK || res.Checked != tt.checked || res.Head != 13 || !res.CheckpointOK || res.Checkpoint.Seq != 8 {
			t.Errorf("from %d: %+v", tt.from, res)
		}
	}
	res, err := auditchain.Verify(ctx, s, "s2-none", 1, nil)
	must(t, err)
	if !res.OK || res.Head != 0 || res.Checked != 0 {
		t.Errorf("an empty chain: %+v", res)
	}
}
