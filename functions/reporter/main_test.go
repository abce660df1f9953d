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
	"time"

	"github.com/agentiq/agentiq/reports"
	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/auditchain"
	"github.com/agentiq/agentiq/shared/config"
	"github.com/agentiq/agentiq/shared/lambdarun"
	"github.com/agentiq/agentiq/shared/lambdarun/runtimetest"
)

// The sample events run through the function as make invoke runs them,
// on a fresh embedded store, and the reports land in the folder.
func TestInvokeSampleEvents(t *testing.T) {
	for event, want := range map[string]int{"on-demand.json": 1, "monthly.json": 4, "report-job.json": 1} {
		t.Run(event, func(t *testing.T) {
			dir := t.TempDir()
			vars := map[string]string{"AGENTIQ_BOLT_PATH": filepath.Join(dir, "agentiq.db")}
			set, err := config.FromEnv(func(k string) string { return vars[k] })
			if err != nil {
				t.Fatal(err)
			}
			if event == "report-job.json" {
				queueJob(t, set) // as the API's POST /reports sample records it
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

// The bootstrap itself, as Lambda runs it: a fake of Lambda's runtime API
// hands it the on-demand request; the report is written and named in the
// answer, and a bad setting fails the invocation with one clear line.
func TestBootstrap(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the function")
	}
	bin := runtimetest.Build(t, ".")
	event, err := os.ReadFile("../../events/ReporterFunction/on-demand.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	res := runtimetest.Invoke(t, bin, event, "AGENTIQ_BOLT_PATH="+filepath.Join(dir, "agentiq.db"))
	var out reports.Result
	if res.Kind != "response" || json.Unmarshal(res.Body, &out) != nil || len(out.Reports) != 1 {
		t.Fatalf("answer %s %s; logs:\n%s", res.Kind, res.Body, res.Logs)
	}
	if fi, err := os.Stat(out.Reports[0].Location); err != nil || fi.Size() == 0 {
		t.Errorf("report %s: %v", out.Reports[0].Location, err)
	}
	runtimetest.ExpectJSONLogs(t, res)
	t.Logf("init %s", res.Init)
	runtimetest.ExpectBadSetting(t, bin, event)
}

// The bootstrap's init under the fake runtime API: process start to its
// first request for an event (ms-init/op), on the embedded store.
func BenchmarkBootstrapInit(b *testing.B) {
	bin := runtimetest.Build(b, ".")
	event, err := os.ReadFile("../../events/ReporterFunction/on-demand.json")
	if err != nil {
		b.Fatal(err)
	}
	runtimetest.BenchmarkInit(b, bin, event, "AGENTIQ_BOLT_PATH="+filepath.Join(b.TempDir(), "agentiq.db"))
}

// queueJob records the job events/ReporterFunction/report-job.json runs:
// the one events/ApiFunction/report-create-officer.json asks for.
func queueJob(t *testing.T, set config.Settings) {
	t.Helper()
	ctx := context.Background()
	st, closeStore, err := set.OpenStore(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer closeStore()
	if _, err := set.EnsureLocalSeller(ctx, st, time.Now()); err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC()
	err = st.PutReportJob(ctx, agentiq.ReportJob{SellerID: "demo", ID: "rep-579b5844a576652515800400", Kind: "consent", Format: "pdf",
		From: "2026-11-01", To: "2026-11-30", Lang: "ru", Status: agentiq.ReportQueued, RequestedBy: "olga", CreatedAt: now, UpdatedAt: now})
	if err != nil {
		t.Fatal(err)
	}
}

// The checkpoint schedule anchors each active seller's chain in a signed
// checkpoint (locally in a file beside the store), which then verifies;
// a chain that is already anchored is not anchored again.
func TestInvokeCheckpoint(t *testing.T) {
	dir := t.TempDir()
	vars := map[string]string{"AGENTIQ_BOLT_PATH": filepath.Join(dir, "agentiq.db")}
	set, err := config.FromEnv(func(k string) string { return vars[k] })
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	st, closeStore, err := set.OpenStore(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := set.EnsureLocalSeller(ctx, st, time.Now()); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		if _, err := st.Append(ctx, "demo", agentiq.AuditEntry{At: time.Now(), Kind: agentiq.AuditDecision, Data: json.RawMessage(`{"n":1}`)}); err != nil {
			t.Fatal(err)
		}
	}
	closeStore()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	build := func(ctx context.Context) (lambdarun.Handler[json.RawMessage, reports.Result], func(), error) {
		return setup(ctx, set, log)
	}
	for run := 0; run < 2; run++ {
		if code := lambdarun.Local(ctx, log, build, "../../events/ReporterFunction/checkpoint.json", "", io.Discard); code != 0 {
			t.Fatalf("run %d: exit %d", run, code)
		}
	}
	cps, err := auditchain.FileLog{Dir: set.CheckpointDir()}.Checkpoints(ctx, "demo")
	if err != nil || len(cps) != 1 || cps[0].Seq != 5 {
		t.Fatalf("checkpoints %+v, %v; want one at record 5", cps, err)
	}
	key, err := set.CheckpointKey(ctx, func(string) string { return "" })
	if err != nil || cps[0].Check(key) != nil {
		t.Errorf("the checkpoint does not verify under the local key: %v", err)
	}
}
