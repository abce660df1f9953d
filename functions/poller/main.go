// Command poller is the PollerFunction Lambda: on a schedule it polls WB's
// buyer-chat events for every active seller into the store (shared/poll).
// Locally, `make invoke EVENT=events/PollerFunction/scheduled.json` runs
// it once on the embedded store.
package main

import (
	"context"
	"log/slog"
	"os"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/agentiq/agentiq/shared/config"
	"github.com/agentiq/agentiq/shared/lambdarun"
	"github.com/agentiq/agentiq/shared/poll"
)

func main() {
	set, err := config.FromEnv(os.Getenv)
	log := set.Logger(os.Stderr, "poller")
	lambdarun.Start(log, func(ctx context.Context) (lambdarun.Handler[events.CloudWatchEvent, poll.Report], func(), error) {
		if err != nil {
			return nil, nil, err
		}
		return setup(ctx, set, log)
	})
}

// setup wires the poller.
func setup(ctx context.Context, set config.Settings, log *slog.Logger) (lambdarun.Handler[events.CloudWatchEvent, poll.Report], func(), error) {
	st, closeStore, err := set.OpenStore(ctx)
	if err != nil {
		return nil, nil, err
	}
	cleanup := func() { _ = closeStore() }
	if made, err := set.EnsureLocalSeller(ctx, st, time.Now()); err != nil {
		cleanup()
		return nil, nil, err
	} else if made {
		log.Info("local seller created", "seller", set.LocalSeller, "token", "from WB_API_TOKEN")
	}
	p, err := set.Poller(st, set.Tokens(ctx, os.Getenv), log, os.Stderr)
	if err != nil {
		cleanup()
		return nil, nil, err
	}
	return p.Handle, cleanup, nil
}
