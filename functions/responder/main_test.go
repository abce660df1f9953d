package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/agentiq/agentiq/shared/config"
	"github.com/agentiq/agentiq/shared/lambdarun"
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
