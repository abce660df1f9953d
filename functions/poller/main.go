// Command poller is the PollerFunction Lambda: on a schedule it polls WB's
// buyer-chat events for every active seller into the store (shared/poll).
// Locally, `make invoke EVENT=events/PollerFunction/scheduled.json` runs
// it once on the embedded store.
package main

import (
	"context"
	"log/slog"
	"os"

	"github.com/aws/aws-lambda-go/events"

	"github.com/agentiq/agentiq/shared/config"
	"github.com/agentiq/agentiq/shared/lambdarun"
	"github.com/agentiq/agentiq/shared/poll"
)

func main() { lambdarun.Main("poller", setup) }

// setup wires the poller.
func setup(ctx context.Context, set config.Settings, log *slog.Logger) (lambdarun.Handler[events.CloudWatchEvent, poll.Report], func(), error) {
	st, cleanup, err := set.OpenFunctionStore(ctx, log)
	if err != nil {
		return nil, nil, err
	}
	p, err := poll.FromSettings(set, st, set.Tokens(ctx, os.Getenv), log, os.Stderr)
	if err != nil {
		cleanup()
		return nil, nil, err
	}
	return p.Handle, cleanup, nil
}
