// Command reporter is the ReporterFunction Lambda: on the monthly schedule
// it writes the audit and consent-evidence reports of the previous month,
// XLSX and PDF, for every active seller; on a direct invoke with
// {"seller","kind","format","from","to","lang"} it writes that one report
// (reports.Service), and with {"job": …} the report an officer asked for
// through the API. Each report shows the whole audit chain's verification
// first. On its hourly schedule ({"checkpoint": true}) it anchors each
// active seller's chain in a signed checkpoint: in the cloud in the
// checkpoint bucket under Object Lock (AGENTIQ_CHECKPOINT_BUCKET, signed
// with the key AGENTIQ_CHECKPOINT_KEY_SECRET names), locally in a file
// beside the store. Reports go to the reports bucket
// (AGENTIQ_REPORTS_BUCKET), locally to AGENTIQ_REPORTS_DIR (default
// out/reports): `make invoke EVENT=events/ReporterFunction/on-demand.json`.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/agentiq/agentiq/reports"
	agentiq "github.com/agentiq/agentiq/shared"
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
// the chain's checkpoints and verifier, and the reports bucket or a local
// folder as the sink.
func setup(ctx context.Context, set config.Settings, log *slog.Logger) (lambdarun.Handler[json.RawMessage, reports.Result], func(), error) {
	st, cleanup, err := set.OpenFunctionStore(ctx, log)
	if err != nil {
		return nil, nil, err
	}
	fail := func(err error) (lambdarun.Handler[json.RawMessage, reports.Result], func(), error) {
		cleanup()
		return nil, nil, err
	}
	key, err := set.CheckpointKey(ctx, os.Getenv)
	if err != nil {
		return fail(err)
	}
	cpLog, err := set.CheckpointLog(ctx, os.Getenv)
	if err != nil {
		return fail(err)
	}
	svc := &reports.Service{Source: reports.NewStoreSource(st), Sellers: st, Jobs: st, Log: log,
		Chain: reports.ChainVerifier(st, cpLog, key)}
	if bucket := os.Getenv(ReportsBucketEnv); bucket != "" {
		b, err := set.Bucket(ctx, bucket)
		if err != nil {
			return fail(err)
		}
		// a finished job's record expires with its report (the bucket's lifecycle)
		svc.Sink, svc.TmpDir, svc.Retention = b, os.TempDir(), set.ReportRetention
	} else {
		dir := os.Getenv(ReportsDirEnv)
		if dir == "" {
			dir = filepath.Join(filepath.Dir(set.BoltPath), "reports")
		}
		svc.Sink = reports.DirSink{Dir: dir}
	}
	writer := &auditchain.Writer{Store: st, Log: cpLog, Key: key}
	return func(ctx context.Context, event json.RawMessage) (reports.Result, error) {
		var cp struct {
			Checkpoint bool `json:"checkpoint"`
		}
		if json.Unmarshal(event, &cp) == nil && cp.Checkpoint {
			return checkpoint(ctx, st, writer, log)
		}
		return svc.Handle(ctx, event)
	}, cleanup, nil
}

// checkpoint anchors the head of every active seller's chain; a broken
// chain is never anchored, and is reported as an error (the alarm's
// business), the other sellers still checkpointed.
func checkpoint(ctx context.Context, st agentiq.SellerStore, w *auditchain.Writer, log *slog.Logger) (reports.Result, error) {
	all, err := st.Sellers(ctx)
	if err != nil {
		return reports.Result{}, err
	}
	var res reports.Result
	var errs []error
	for _, s := range all {
		if !s.Active {
			continue
		}
		c, err := w.Write(ctx, s.ID)
		switch {
		case err != nil:
			errs = append(errs, fmt.Errorf("seller %s: %w", s.ID, err))
			res.Errors = append(res.Errors, fmt.Sprintf("%s: %v", s.ID, err))
			log.Error("checkpoint failed", "seller", s.ID, "error", err.Error())
		case c != nil:
			log.Info("checkpoint", "seller", s.ID, "seq", c.Seq)
		}
	}
	return res, errors.Join(errs...)
}
