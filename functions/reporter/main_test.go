package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/agentiq/agentiq/reports"
	"github.com/agentiq/agentiq/shared/config"
	"github.com/agentiq/agentiq/shared/lambdarun"
)

// The sample events run through the function as make invoke runs them,
// on a fresh embedded store, and the reports land in the folder.
func TestInvokeSampleEvents(t *testing.T) {
	for event, want := range map[string]int{"on-demand.json": 1, "monthly.json": 4} {
		t.Run(event, func(t *testing.T) {
			dir := t.TempDir()
			vars := map[string]string{"AGENTIQ_BOLT_PATH": filepath.Join(dir, "agentiq.db")}
			set, err := config.FromEnv(func(k string) string { return vars[k] })
			if err != nil {
				t.Fatal(err)
			}
			log := slog.New(slog.NewTextHandler(io.Discard, nil))
			build := func(ctx context.Context) (lambdarun.Handler[json.RawMessage, reports.Result], func(), error) {
				return setup(ctx, set, log)
			}
			var out bytes.Buffer
			if code := lambdarun.Local(context.Background(), log, build, "../../events/ReporterFunction/"+event, "", &out); code != 0 {
				t.Fatalf("exit %d: %s", code, out.String())
			}
			var res reports.Result
			if err := json.Unmarshal(out.Bytes(), &res); err != nil {
				t.Fatal(err)
			}
			if len(res.Reports) != want {
				t.Fatalf("%d reports, want %d: %s", len(res.Reports), want, out.String())
			}
			for _, r := range res.Reports {
				if fi, err := os.Stat(r.Location); err != nil || fi.Size() == 0 {
					t.Errorf("%s: %v", r.Location, err)
				}
			}
		})
	}
}
