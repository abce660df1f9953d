// Command reporter is the ReporterFunction Lambda: on the monthly schedule
// it writes the audit and consent-evidence reports of the previous month,
// XLSX and PDF, for every active seller; on a direct invoke with
// {"seller","kind","format","from","to","lang"} it writes that one report
// (reports.Service); with a "job_id" (the API's asynchronous invoke) it
// runs that recorded job and updates its record. Each report shows the whole audit chain's
// verification first. In the cloud reports go to the reports bucket
// (AGENTIQ_REPORTS_BUCKET); locally to AGENTIQ_REPORTS_DIR (default
// out/reports): `make invoke EVENT=events/ReporterFunction/on-demand.json`.
package main

import (
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/agentiq/agentiq/reports"
	"github.com/agentiq/agentiq/shared/auditchain"
	"github.com/agentiq/agentiq/shared/config"
	"github.com/agentiq/agentiq/shared/lambdarun"
)

// Settings of the reporter beyond config.Settings.
const (
	ReportsDirEnv    = "AGENTIQ_REPORTS_DIR"    // local folder for reports
	ReportsBucketEnv = "AGENTIQ_REPORTS_BUCKET" // the reports bucket (cloud)
)

func main() { lambdarun.Main("reporter", setup) }

// setup wires the service: the store as the reports' source and sellers,
// the chain's verifier, and the reports bucket or a local folder as the
// sink.
func setup(ctx context.Context, set config.Settings, log *slog.Logger) (lambdarun.Handler[json.RawMessage, reports.Result], func(), error) {
	st, cleanup, err := set.OpenFunctionStore(ctx, log)
	if err != nil {
		return nil, nil, err
	}
	svc := &reports.Service{Source: reports.NewStoreSource(st), Sellers: st, Jobs: st, Log: log}
	if bucket := os.Getenv(ReportsBucketEnv); bucket != "" {
		b, err := set.Bucket(ctx, bucket)
		if err != nil {
			cleanup()
			return nil, nil, err
		}
		svc.Sink, svc.TmpDir = b, os.TempDir()
		// The checkpoint key is not yet given to the functions: in the
		// cloud the chain is recomputed whole, without a checkpoint.
		svc.Chain = reports.ChainVerifier(st, nil, nil)
	} else {
		dir := os.Getenv(ReportsDirEnv)
		if dir == "" {
			dir = filepath.Join(filepath.Dir(set.BoltPath), "reports")
		}
		svc.Sink = reports.DirSink{Dir: dir}
		key, err := auditchain.LocalKey(set.BoltPath + ".checkpoint-key")
		if err != nil {
			cleanup()
			return nil, nil, err
		}
		svc.Chain = reports.ChainVerifier(st, auditchain.FileLog{Dir: set.CheckpointDir()}, key)
	}
	return svc.Handle, cleanup, nil
}
