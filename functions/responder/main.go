// Command responder is the ResponderFunction Lambda: the table's stream,
// filtered to new inbox items, invokes it with batches of records; it
// answers each buyer message through the policy (shared/respond) and
// reports the records that failed, so that only they are retried.
// Locally, `make invoke EVENT=events/ResponderFunction/<case>.json` runs
// it once on the embedded store.
package main

import (
	"context"
	"log/slog"
	"os"

	"github.com/aws/aws-lambda-go/events"

	"github.com/agentiq/agentiq/shared/config"
	"github.com/agentiq/agentiq/shared/lambdarun"
	"github.com/agentiq/agentiq/shared/respond"
)

func main() { lambdarun.Main("responder", setup) }

// setup wires the responder.
func setup(ctx context.Context, set config.Settings, log *slog.Logger) (lambdarun.Handler[respond.Invocation, events.DynamoDBEventResponse], func(), error) {
	st, cleanup, err := set.OpenFunctionStore(ctx, log)
	if err != nil {
		return nil, nil, err
	}
	r, err := respond.FromSettings(set, st, set.Tokens(ctx, os.Getenv), log)
	if err != nil {
		cleanup()
		return nil, nil, err
	}
	return r.Handle, cleanup, nil
}
