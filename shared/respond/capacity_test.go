package respond_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/dynamo"
	"github.com/agentiq/agentiq/shared/wb/wbsandbox"
)

// TestCapacity measures on DynamoDB Local what a buyer message costs end
// to end — ingested, answered (decided, sent, counted in the chat,
// audited) and its reply's echo ingested — counted as DynamoDB bills
// (transactional writes twice). Targets: ≤ 4 RCU and ≤ 12 WCU.
func TestCapacity(t *testing.T) {
	st := dynamoStore(t)
	w := newWorld(t, st, wbsandbox.Config{Seed: smallSeed(60, 7)}, agentiq.Seller{})
	ingestCost := st.Consumed()
	st.ResetConsumed()
	rep, err := w.responder(t, nil).Run(context.Background(), w.seller.ID)
	if err != nil {
		t.Fatal(err)
	}
	respondCost := st.Consumed()
	st.ResetConsumed()
	w.poll(t) // the replies' echoes
	echoCost := st.Consumed()
	w.check(t)

	msgs := float64(len(w.buyerEvents()))
	var report strings.Builder
	total := func(stage string, m map[string]dynamo.Capacity) (r, b float64) {
		ops := make([]string, 0, len(m))
		for op := range m {
			ops = append(ops, op)
		}
		sort.Strings(ops)
		for _, op := range ops {
			c := m[op]
			fmt.Fprintf(&report, "| %s | %s | %d | %.2f | %.2f |\n", stage, op, c.Calls, c.Read/msgs, c.Billed()/msgs)
			r, b = r+c.Read, b+c.Billed()
		}
		return r / msgs, b / msgs
	}
	report.WriteString("| stage | operation | calls | RCU per buyer message | WCU per buyer message (billed) |\n|---|---|---|---|---|\n")
	ir, ib := total("ingest", ingestCost)
	rr, rb := total("respond", respondCost)
	er, eb := total("echoes", echoCost)
	fmt.Fprintf(&report, "| **total** | | | **%.2f** | **%.2f** |\n", ir+rr+er, ib+rb+eb)
	// The consent register's evidence of each opt-out (two withdrawals,
	// each written with its id and its audit record) came with the
	// register, after the targets were set for ingest, respond and audit.
	reg := respondCost["register consent"]
	regR, regB := reg.Read/msgs, reg.Billed()/msgs
	fmt.Fprintf(&report, "| of which the consent register's opt-out evidence | | %d | %.2f | %.2f |\n", reg.Calls, regR, regB)
	t.Logf("%d buyer messages (%d sent, %d held, %d without reply):\n%s", int(msgs), rep.ByOutcome[agentiq.OutcomeSent],
		rep.ByOutcome[agentiq.OutcomeHeld], rep.ByOutcome[agentiq.OutcomeNoReply], report.String())
	if ir+rr+er-regR > 4 || ib+rb+eb-regB > 12 {
		t.Errorf("a buyer message costs %.2f RCU and %.2f billed WCU end to end (without the consent evidence): the targets are 4 and 12",
			ir+rr+er-regR, ib+rb+eb-regB)
	}
}
