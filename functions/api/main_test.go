package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-lambda-go/events"

	"github.com/agentiq/agentiq/shared/config"
	"github.com/agentiq/agentiq/shared/lambdarun"
	"github.com/agentiq/agentiq/shared/lambdarun/runtimetest"
)

// Each sample event runs through the wired handler as make invoke runs it,
// on a fresh embedded store: exit 0, an HTTP answer, the one error shape.
func TestInvokeSamples(t *testing.T) {
	vars := map[string]string{"AGENTIQ_BOLT_PATH": filepath.Join(t.TempDir(), "agentiq.db"), "WB_API_BASE_URL": "http://127.0.0.1:1"}
	set, err := config.FromEnv(func(k string) string { return vars[k] })
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../../events/ApiFunction/*.json")
	if len(files) < 9 {
		t.Fatalf("samples: %v", files)
	}
	for _, f := range files {
		var logs, out bytes.Buffer
		log := set.Logger(&logs, "api")
		build := func(ctx context.Context) (handler, func(), error) { return setup(ctx, set, log) }
		if code := lambdarun.Local(context.Background(), log, build, f, "", &out); code != 0 {
			t.Fatalf("%s: exit %d; logs:\n%s", f, code, logs.String())
		}
		var res events.APIGatewayV2HTTPResponse
		if err := json.Unmarshal(out.Bytes(), &res); err != nil || res.StatusCode < 200 || res.StatusCode >= 500 {
			t.Errorf("%s: %v %s", f, err, out.String())
		}
		prefix := strings.SplitN(filepath.Base(f), "-", 2)[0]
		if want := map[string]int{"forbidden": 403, "unauthorized": 401}[prefix]; want != 0 && res.StatusCode != want {
			t.Errorf("%s: %d, want %d", f, res.StatusCode, want)
		}
	}
}

// The bootstrap itself, as Lambda runs it: a fake of Lambda's runtime API
// hands it a sample request; a bad setting fails the invocation with one
// clear line.
func TestBootstrap(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the function")
	}
	bin := runtimetest.Build(t, ".")
	event, err := os.ReadFile("../../events/ApiFunction/moderation-list-operator.json")
	if err != nil {
		t.Fatal(err)
	}
	res := runtimetest.Invoke(t, bin, event, "AGENTIQ_BOLT_PATH="+filepath.Join(t.TempDir(), "agentiq.db"))
	var resp events.APIGatewayV2HTTPResponse
	if res.Kind != "response" || json.Unmarshal(res.Body, &resp) != nil || resp.StatusCode != 200 {
		t.Errorf("answer %s %s; logs:\n%s", res.Kind, res.Body, res.Logs)
	}
	runtimetest.ExpectJSONLogs(t, res)
	t.Logf("init %s", res.Init)
	runtimetest.ExpectBadSetting(t, bin, event)
}

// The bootstrap's init under the fake runtime API: process start to its
// first request for an event (ms-init/op), on the embedded store.
func BenchmarkBootstrapInit(b *testing.B) {
	bin := runtimetest.Build(b, ".")
	event, err := os.ReadFile("../../events/ApiFunction/moderation-list-operator.json")
	if err != nil {
		b.Fatal(err)
	}
	runtimetest.BenchmarkInit(b, bin, event, "AGENTIQ_BOLT_PATH="+filepath.Join(b.TempDir(), "agentiq.db"))
}
