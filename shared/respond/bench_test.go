package respond_test

import (
	"context"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/respond"
	"github.com/agentiq/agentiq/shared/wb"
	"github.com/agentiq/agentiq/shared/wb/wbsandbox"
)

// BenchmarkRespond answers the sandbox's whole script (378 buyer
// messages, every intent answered automatically) on the embedded store,
// sending to the sandbox over HTTP at an unlimited rate: buyer messages
// per second on this machine.
func BenchmarkRespond(b *testing.B) {
	unlimited := wb.Limit{Requests: 1_000_000, Per: time.Second}
	var msgs, sent int
	var took time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		w := newWorld(b, boltStore(b), wbsandbox.Config{Rate: unlimited}, agentiq.Seller{Replies: allAuto(b)})
		r := w.responder(b, func(c *respond.Config) {
			c.Senders = respond.WBSenders{Tokens: w.tokens(), Pool: &wb.Pool{BaseURL: w.url, Limit: unlimited, Retry: retry}}
		})
		b.StartTimer()
		start := time.Now()
		rep, err := r.Run(context.Background(), w.seller.ID)
		took += time.Since(start)
		if err != nil || rep.Failed > 0 {
			b.Fatal(err, rep.Errors)
		}
		msgs += rep.Items
		sent += rep.ByOutcome[agentiq.OutcomeSent]
	}
	b.ReportMetric(float64(msgs)/took.Seconds(), "msgs/s")
	b.ReportMetric(float64(sent)/took.Seconds(), "sends/s")
}
