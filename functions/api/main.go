// Command api is the ApiFunction Lambda: the operator's, integrator's and
// compliance officer's HTTP API behind API Gateway's JWT authorizer
// (shared/api, docs/api.md). Locally, `make invoke
// EVENT=events/ApiFunction/<case>.json` runs it once on the embedded
// store, and `agentiq api` serves it over HTTP.
package main

import (
	"context"
	"log/slog"
	"os"

	"github.com/aws/aws-lambda-go/events"

	"github.com/agentiq/agentiq/shared/api"
	"github.com/agentiq/agentiq/shared/config"
	"github.com/agentiq/agentiq/shared/lambdarun"
)

type handler = lambdarun.Handler[events.APIGatewayV2HTTPRequest, events.APIGatewayV2HTTPResponse]

func main() { lambdarun.Main("api", setup) }

// setup wires the API: the store, the policy, the responder's send path.
func setup(ctx context.Context, set config.Settings, log *slog.Logger) (handler, func(), error) {
	st, cleanup, err := set.OpenFunctionStore(ctx, log)
	if err != nil {
		return nil, nil, err
	}
	h, err := api.FromSettings(set, st, set.Tokens(ctx, os.Getenv), log)
	if err != nil {
		cleanup()
		return nil, nil, err
	}
	return h.Handle, cleanup, nil
}
