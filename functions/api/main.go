// Command api is the ApiFunction Lambda: the operator's, integrator's and
// compliance officer's HTTP API behind API Gateway's JWT authorizer
// (shared/api; README, "The operator and integrator API"). Locally, `make invoke
// EVENT=events/ApiFunction/<case>.json` runs it once on the embedded
// store, and `agentiq api` serves it over HTTP.
package main

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/service/lambda"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/api"
	"github.com/agentiq/agentiq/shared/config"
	"github.com/agentiq/agentiq/shared/lambdainvoke"
	"github.com/agentiq/agentiq/shared/lambdarun"
)

type handler = lambdarun.Handler[events.APIGatewayV2HTTPRequest, events.APIGatewayV2HTTPResponse]

// Where reports are: the reports bucket the download URLs point into
// (cloud), or the reporter's local folder.
const (
	ReportsBucketEnv = "AGENTIQ_REPORTS_BUCKET"
	ReportsDirEnv    = "AGENTIQ_REPORTS_DIR"
)

func main() { lambdarun.Main("api", setup) }

// setup wires the API: the store, the policy, the responder's send path,
// and the reports: requested jobs start the ReporterFunction
// (AGENTIQ_REPORTER_FUNCTION) and are downloaded from the reports bucket
// by presigned URL. Without a reporter function (make invoke) a requested
// job is recorded and stays queued, as if the invocation were on its way:
// `make invoke EVENT=events/ReporterFunction/report-job.json` runs it, and
// the API then serves its file from the reporter's folder (`agentiq api`
// runs reports itself).
func setup(ctx context.Context, set config.Settings, log *slog.Logger) (handler, func(), error) {
	st, cleanup, err := set.OpenFunctionStore(ctx, log)
	if err != nil {
		return nil, nil, err
	}
	// Locally the reporter's folder, whose files the API then serves.
	dir := os.Getenv(ReportsDirEnv)
	if dir == "" {
		dir = filepath.Join(filepath.Dir(set.BoltPath), "reports")
	}
	rep := api.Reporting{Starter: queued{log}, Dir: dir}
	if fn := os.Getenv(lambdainvoke.FunctionEnv); fn != "" {
		rep.Dir = "" // in the cloud the presigned URL is the way
		cfg, err := set.AWS(ctx)
		if err != nil {
			cleanup()
			return nil, nil, err
		}
		rep.Starter = lambdainvoke.Reporter{Client: lambda.NewFromConfig(cfg), Function: fn}
		if bucket := os.Getenv(ReportsBucketEnv); bucket != "" {
			b, err := set.Bucket(ctx, bucket)
			if err != nil {
				cleanup()
				return nil, nil, err
			}
			rep.Downloads = b
		}
	}
	h, err := api.FromSettings(ctx, set, st, set.Tokens(ctx, os.Getenv), rep, os.Getenv, log)
	if err != nil {
		cleanup()
		return nil, nil, err
	}
	return h.Handle, cleanup, nil
}

// queued leaves a job queued for a reporter invoked by hand (locally).
type queued struct{ log *slog.Logger }

func (q queued) StartReport(_ context.Context, j agentiq.ReportJob) error {
	q.log.Warn("no "+lambdainvoke.FunctionEnv+": the report job stays queued until the reporter runs it",
		"job", j.ID, "run", `make invoke EVENT=<a ReporterFunction event with "seller" and "job_id">`)
	return nil
}
