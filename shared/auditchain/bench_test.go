package auditchain_test

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/auditchain"
	"github.com/agentiq/agentiq/shared/bolt/bolttest"
)

// BenchmarkVerify verifies a chain of 100,000 decision records on the
// embedded store; memory per verification stays that of one page.
func BenchmarkVerify(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "agentiq.db")
			st := open(&testing.T{}, path)
			if err := st.PutSeller(ctx, agentiq.Seller{ID: "s1", Name: "x", CreatedAt: t0}); err != nil {
				b.Fatal(err)
			}
			st.Close()
			err := bolttest.AppendChain(path, "s1", n, func(i int) agentiq.AuditEntry {
				data, _ := json.Marshal(agentiq.DecisionRecord{DecisionID: fmt.Sprint("d-", i), Channel: agentiq.ChannelWBChat,
					Trigger: agentiq.TriggerAutoReply, Operator: agentiq.OperatorBot, RulesVersion: "r1", Decision: agentiq.Allow,
					Reasons: []string{}, Outcome: agentiq.OutcomeSent, DecidedAt: t0})
				return agentiq.AuditEntry{At: t0.Add(time.Duration(i) * time.Second), Kind: agentiq.AuditDecision, Ref: fmt.Sprint("d-", i), Data: data}
			})
			if err != nil {
				b.Fatal(err)
			}
			st = open(&testing.T{}, path)
			defer st.Close()
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				res, err := auditchain.Verify(ctx, st, "s1", 1, nil)
				if err != nil || !res.OK || res.Checked != int64(n) {
					b.Fatal(res, err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/record")
		})
	}
}
