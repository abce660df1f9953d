package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/agentiq/agentiq/shared/config"
	"github.com/agentiq/agentiq/shared/lambdarun"
	"github.com/agentiq/agentiq/shared/lambdarun/runtimetest"
	"github.com/agentiq/agentiq/shared/respond"
	"github.com/agentiq/agentiq/shared/wb"
	"github.com/agentiq/agentiq/shared/wb/wbsandbox"
	"github.com/agentiq/agentiq/shared/wb/wbsandbox/sandboxtest"
)

// Each sample stream event runs through the handler as make invoke runs
// it, on a fresh embedded store: only the poison record fails.
func TestInvokeSamples(t *testing.T) {
	_, url := sandboxtest.Start(t, wbsandbox.Config{Tokens: []string{"local-token"}, Rate: wb.Limit{Requests: 50, Per: 500 * time.Millisecond}})
	vars := map[string]string{"WB_API_BASE_URL": url, "WB_API_RATE": "50/500ms", "AGENTIQ_BOLT_PATH": filepath.Join(t.TempDir(), "agentiq.db")}
	t.Setenv("WB_API_TOKEN", "local-token")
	set, err := config.FromEnv(func(k string) string { return vars[k] })
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../../events/ResponderFunction/*.json")
	if len(files) < 3 {
		t.Fatalf("samples: %v", files)
	}
	for _, f := range files {
		var logs, out bytes.Buffer
		log := set.Logger(&logs, "responder")
		build := func(ctx context.Context) (lambdarun.Handler[respond.Invocation, events.DynamoDBEventResponse], func(), error) {
			return setup(ctx, set, log)
		}
		if code := lambdarun.Local(context.Background(), log, build, f, "", &out); code != 0 {
			t.Fatalf("%s: exit %d; logs:\n%s", f, code, logs.String())
		}
		var resp events.DynamoDBEventResponse
		if err := json.Unmarshal(out.Bytes(), &resp); err != nil {
			t.Fatalf("%s: %v: %s", f, err, out.String())
		}
		want := 0
		if filepath.Base(f) == "poison-record.json" {
			want = 1
		}
		if len(resp.BatchItemFailures) != want {
			t.Errorf("%s: %s", f, out.String())
		}
	}
}

// The bootstrap itself, as Lambda runs it: a fake of Lambda's runtime API
// hands it the sample stream batches; the poison record alone is reported
// failed, and a bad setting fails the invocation with one clear line.
func TestBootstrap(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the function")
	}
	bin := runtimetest.Build(t, ".")
	_, url := sandboxtest.Start(t, wbsandbox.Config{Tokens: []string{"local-token"}, Rate: wb.Limit{Requests: 50, Per: 500 * time.Millisecond}})
	env := []string{"WB_API_BASE_URL=" + url, "WB_API_TOKEN=local-token", "WB_API_RATE=50/500ms", "AGENTIQ_BOLT_PATH=" + filepath.Join(t.TempDir(), "agentiq.db")}
	for file, failures := range map[string]int{"inbox-batch.json": 0, "poison-record.json": 1} {
		event, err := os.ReadFile("../../events/ResponderFunction/" + file)
		if err != nil {
			t.Fatal(err)
		}
		res := runtimetest.Invoke(t, bin, event, env...)
		var resp events.DynamoDBEventResponse
		if res.Kind != "response" || json.Unmarshal(res.Body, &resp) != nil || len(resp.BatchItemFailures) != failures {
			t.Errorf("%s: answer %s %s; logs:\n%s", file, res.Kind, res.Body, res.Logs)
		}
		runtimetest.ExpectJSONLogs(t, res)
		t.Logf("%s: init %s", file, res.Init)
	}
	event, _ := os.ReadFile("../../events/ResponderFunction/inbox-batch.json")
	runtimetest.ExpectBadSetting(t, bin, event)
}

// The bootstrap's init under the fake runtime API: process start to its
// first request for an event (ms-init/op), on the embedded store.
func BenchmarkBootstrapInit(b *testing.B) {
	bin := runtimetest.Build(b, ".")
	event, err := os.ReadFile("../../events/ResponderFunction/inbox-batch.json")
	if err != nil {
		b.Fatal(err)
	}
	_, url := sandboxtest.Start(b, wbsandbox.Config{Tokens: []string{"local-token"}, Rate: wb.Limit{Requests: 50, Per: 500 * time.Millisecond}})
	runtimetest.BenchmarkInit(b, bin, event, "WB_API_BASE_URL="+url, "WB_API_TOKEN=local-token", "WB_API_RATE=50/500ms",
		"AGENTIQ_BOLT_PATH="+filepath.Join(b.TempDir(), "agentiq.db"))
}
