package reports

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
)

// genSource makes n chained audit records over November 2026 as they are
// read, so that the benchmarks measure the reports' memory, not the
// data set's: a mix of decisions (most), moderations, opt-outs and failures.
type genSource struct{ n int }

func (g genSource) Audit(ctx context.Context, s string, from, to time.Time, fn func(agentiq.AuditRecord) error) error {
	var prev agentiq.AuditRecord
	step := periodHi.Sub(periodLo) / time.Duration(g.n+1)
	outcomes := []agentiq.Outcome{agentiq.OutcomeSent, agentiq.OutcomeSent, agentiq.OutcomeSent, agentiq.OutcomeHeld,
		agentiq.OutcomeRefused, agentiq.OutcomeDryRun, agentiq.OutcomeNoReply, agentiq.OutcomeUnknown}
	for i := 0; i < g.n; i++ {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		at := periodLo.Add(time.Duration(i+1) * step)
		var kind string
		var data any
		switch {
		case i%50 == 7:
			kind = agentiq.AuditModeration
			data = agentiq.ModerationRecord{ModerationID: fmt.Sprintf("m-%d", i), DecisionID: fmt.Sprintf("d-%d", i),
				ChatID: fmt.Sprintf("chat-%d", i%5000), Action: "approve", Moderator: "anna.k", Status: agentiq.ModerationApproved,
				WaitSeconds: float64(60 + i%3600)}
		case i%1000 == 13:
			kind = agentiq.AuditOptOut
			data = agentiq.OptOutRecord{Channel: agentiq.ChannelWBChat, ChatID: fmt.Sprintf("chat-%d", i%5000), At: at,
				Source: "wb_chat_message", EventID: fmt.Sprintf("ev-%d", i)}
		default:
			kind = agentiq.AuditDecision
			o := outcomes[i%len(outcomes)]
			d := agentiq.DecisionRecord{DecisionID: fmt.Sprintf("d-%08d", i), Channel: agentiq.ChannelWBChat,
				ChatID: fmt.Sprintf("chat-%d", i%5000), EventID: fmt.Sprintf("ev-%d", i), Trigger: agentiq.TriggerAutoReply,
				TemplateID: "delivery-1", Operator: agentiq.OperatorBot, RulesVersion: "rules-2026.11.2", Decision: agentiq.Allow,
				Reasons: []string{}, Scenario: agentiq.ScenarioService, MessageType: agentiq.Service, Priority: agentiq.P0,
				DraftSHA256: "5feceb66ffc86f38d952786c6d696c79c2dbc239dd4e91b46729d73a27fb57e9",
				Excerpt:     "Здравствуйте! Ваш заказ передан в доставку, ожидайте его в пункте выдачи в течение двух дней.",
				Outcome:     o, BuyerMessageAt: ptr(at.Add(-time.Duration(20+i%600) * time.Second)), DecidedAt: at}
			if o == agentiq.OutcomeSent {
				d.SentAt = ptr(at.Add(time.Second))
			}
			if o == agentiq.OutcomeRefused {
				d.Decision, d.Reasons = agentiq.Deny, []string{"external_link"}
			}
			data = d
		}
		b, err := json.Marshal(data)
		if err != nil {
			return err
		}
		prev = agentiq.NextRecord(s, prev, agentiq.AuditEntry{At: at, Kind: kind, Data: b})
		if err := fn(prev); err != nil {
			return err
		}
	}
	return nil
}

func (g genSource) ConsentEvents(context.Context, string, time.Time, time.Time, func(agentiq.ConsentEvent) error) error {
	return nil
}

func benchReport(b *testing.B, n int, kind Kind, format Format) {
	if testing.Short() {
		b.Skip("-short: a report of a million records")
	}
	req := request(kind, format)
	var peak uint64
	heapAt, _ := strconv.ParseInt(os.Getenv("AGENTIQ_BENCH_HEAP_AT"), 10, 64)
	req.Progress = func(n int64) {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		peak = max(peak, m.HeapInuse)
		if heapAt > 0 && n >= heapAt { // a heap profile once, at that record
			heapAt = 0
			if f, err := os.Create(os.Getenv("AGENTIQ_BENCH_HEAP")); err == nil {
				runtime.GC()
				_ = pprof.WriteHeapProfile(f)
				_ = f.Close()
			}
		}
	}
	for b.Loop() {
		w := &countWriter{}
		if err := Write(context.Background(), w, genSource{n}, req); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(w.n)/1e6, "MB-out")
	}
	b.ReportMetric(float64(peak)/1e6, "MB-peak-heap")
	if p := os.Getenv("AGENTIQ_BENCH_OUT"); p != "" { // keep a file to look at
		f, err := os.Create(p)
		if err == nil {
			_ = Write(context.Background(), f, genSource{n}, req)
			_ = f.Close()
		}
	}
}

type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

var _ io.Writer = (*countWriter)(nil)

func BenchmarkAuditXLSX1M(b *testing.B)   { benchReport(b, 1_000_000, KindAudit, FormatXLSX) }
func BenchmarkAuditPDF1M(b *testing.B)    { benchReport(b, 1_000_000, KindAudit, FormatPDF) }
func BenchmarkConsentXLSX1M(b *testing.B) { benchReport(b, 1_000_000, KindConsent, FormatXLSX) }
func BenchmarkAuditXLSX100k(b *testing.B) { benchReport(b, 100_000, KindAudit, FormatXLSX) }

// BenchmarkAuditXLSXN takes its size from $AGENTIQ_BENCH_N, to see that
// memory does not grow with it.
func BenchmarkAuditXLSXN(b *testing.B) {
	n, _ := strconv.Atoi(os.Getenv("AGENTIQ_BENCH_N"))
	if n <= 0 {
		b.Skip("set AGENTIQ_BENCH_N")
	}
	benchReport(b, n, KindAudit, FormatXLSX)
}
