// Command reporter is the ReporterFunction Lambda: on the monthly schedule
// it writes the audit and consent-evidence reports of the previous month,
// XLSX and PDF, for every active seller; on a direct invoke with
// {"seller","kind","format","from","to","lang"} it writes that one report
// (reports.Service). Locally the reports go to AGENTIQ_REPORTS_DIR
// (default out/reports): `make invoke EVENT=events/ReporterFunction/on-demand.json`.
package main

import (
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/agentiq/agentiq/reports"
	"github.com/agentiq/agentiq/shared/config"
	"github.com/agentiq/agentiq/shared/lambdarun"
)

// ReportsDirEnv names the local folder for reports.
const ReportsDirEnv = "AGENTIQ_REPORTS_DIR"

func main() {
	set, err := config.FromEnv(os.Getenv)
	log := set.Logger(os.Stderr, "reporter")
	lambdarun.Start(log, func(ctx context.Context) (lambdarun.Handler[json.RawMessage, reports.Result], func(), error) {
		if err != nil {
			return nil, nil, err
		}
		return setup(ctx, set, os.Getenv(ReportsDirEnv), log)
	})
}

// setup wires the service: the store as the reports' source and sellers,
// a local folder as the sink.
func setup(ctx context.Context, set config.Settings, dir string, log *slog.Logger) (lambdarun.Handler[json.RawMessage, reports.Result], func(), error) {
	st, closeStore, err := set.OpenStore(ctx)
	if err != nil {
		return nil, nil, err
	}
	cleanup := func() { _ = closeStore() }
	if _, err := set.EnsureLocalSeller(ctx, st, time.Now()); err != nil {
		cleanup()
		return nil, nil, err
	}
	if dir == "" {
		dir = filepath.Join("out", "reports")
		if os.Getenv("AWS_LAMBDA_FUNCTION_NAME") != "" { // Lambda's only writable folder, until the S3 sink
			dir = filepath.Join(os.TempDir(), "reports")
		}
	}
	svc := &reports.Service{Source: reports.NewStoreSource(st), Sellers: st, Sink: reports.DirSink{Dir: dir}, Log: log}
	return svc.Handle, cleanup, nil
}
