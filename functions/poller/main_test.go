package main

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/agentiq/agentiq/shared/config"
	"github.com/agentiq/agentiq/shared/lambdarun"
	"github.com/agentiq/agentiq/shared/lambdarun/runtimetest"
	"github.com/agentiq/agentiq/shared/poll"
	"github.com/agentiq/agentiq/shared/wb"
	"github.com/agentiq/agentiq/shared/wb/wbsandbox"
	"github.com/agentiq/agentiq/shared/wb/wbsandbox/sandboxtest"
)

const scheduled = "../../events/PollerFunction/scheduled.json"

// sandbox serves WB's API for the token at a rate far above WB's, so that
// tests do not wait.
func sandbox(t *testing.T, token string) (*wbsandbox.Server, string) {
	t.Helper()
	return sandboxtest.Start(t, wbsandbox.Config{Tokens: []string{token}, Rate: wb.Limit{Requests: 50, Per: 500 * time.Millisecond}})
}

// env sets what make invoke would pass, on a fresh embedded store.
func env(t *testing.T, url, token string) (config.Settings, string) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "agentiq.db")
	vars := map[string]string{"WB_API_BASE_URL": url, "WB_API_RATE": "50/500ms", "AGENTIQ_BOLT_PATH": db, "AGENTIQ_POLL_MARGIN": "200ms"}
	for k, v := range vars {
		t.Setenv(k, v)
	}
	t.Setenv("WB_API_TOKEN", token)
	t.Setenv("AWS_REGION", "")
	t.Setenv("AWS_DEFAULT_REGION", "")
	set, err := config.FromEnv(func(k string) string { return vars[k] })
	if err != nil {
		t.Fatal(err)
	}
	return set, db
}

func build(set config.Settings, log *slog.Logger) lambdarun.Build[events.CloudWatchEvent, poll.Report] {
	return func(ctx context.Context) (lambdarun.Handler[events.CloudWatchEvent, poll.Report], func(), error) {
		return setup(ctx, set, log)
	}
}

// The handler on the sample scheduled event, as make invoke runs it:
// a fresh checkout gets the local seller, and the run ingests WB's events.
func TestInvokeScheduled(t *testing.T) {
	const token = "local-token"
	sb, url := sandbox(t, token)
	set, _ := env(t, url, token)
	var logs, out bytes.Buffer
	log := set.Logger(&logs, "poller")
	if code := lambdarun.Local(context.Background(), log, build(set, log), scheduled, "60s", &out); code != 0 {
		t.Fatalf("exit %d; logs:\n%s", code, logs.String())
	}
	var rep poll.Report
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	if len(rep.Sellers) != 1 || rep.Sellers[0].Seller != "demo" || !rep.Sellers[0].CaughtUp || rep.Sellers[0].Inbox == 0 {
		t.Errorf("report %s", out.String())
	}
	if n := len(sb.Script(token).Events); rep.Sellers[0].Events != n {
		t.Errorf("%d events ingested, the script has %d", rep.Sellers[0].Events, n)
	}
	for _, want := range []string{`"msg":"local seller created"`, `"msg":"poll done"`, `"function":"poller"`} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("the logs lack %s:\n%s", want, logs.String())
		}
	}
	// The one-seller event names the local seller; run it again on the
	// same store: nothing new.
	out.Reset()
	if code := lambdarun.Local(context.Background(), log, build(set, log), "../../events/PollerFunction/one-seller.json", "", &out); code != 0 {
		t.Fatalf("exit %d; logs:\n%s", code, logs.String())
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil || rep.Sellers[0].Pages != 0 {
		t.Errorf("second run: %s", out.String())
	}
}

// Without a token the run fails with one clear line, and the store keeps
// its cursor.
func TestInvokeWithoutToken(t *testing.T) {
	_, url := sandbox(t, "local-token")
	set, _ := env(t, url, "")
	var logs, out bytes.Buffer
	log := set.Logger(&logs, "poller")
	if code := lambdarun.Local(context.Background(), log, build(set, log), scheduled, "", &out); code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	var errs []string
	for _, l := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		if strings.Contains(l, `"level":"ERROR"`) {
			errs = append(errs, l)
		}
	}
	if len(errs) != 1 || !strings.Contains(errs[0], "no WB API token: set WB_API_TOKEN") {
		t.Errorf("error lines %q", errs)
	}
	st, closeStore, err := set.OpenStore(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer closeStore()
	if c, err := st.Cursor(context.Background(), "demo"); err != nil || c != 0 {
		t.Errorf("cursor %d, %v", c, err)
	}
}

func TestBadEvent(t *testing.T) {
	set, _ := env(t, "http://127.0.0.1:1", "x")
	var logs bytes.Buffer
	log := set.Logger(&logs, "poller")
	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, path := range map[string]string{"missing": filepath.Join(t.TempDir(), "none.json"), "not JSON": bad} {
		if code := lambdarun.Local(context.Background(), log, build(set, log), path, "", &bytes.Buffer{}); code != 1 {
			t.Errorf("%s event: exit %d", name, code)
		}
	}
}

// The bootstrap itself, as Lambda runs it: a fake of Lambda's runtime API
// hands it the scheduled event and takes its answer.
func TestBootstrap(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the function")
	}
	bin := runtimetest.Build(t, ".")
	event, err := os.ReadFile(scheduled)
	if err != nil {
		t.Fatal(err)
	}
	const token = "runtime-token"
	_, url := sandbox(t, token)
	db := filepath.Join(t.TempDir(), "agentiq.db")
	res := runtimetest.Invoke(t, bin, event, "WB_API_BASE_URL="+url, "WB_API_TOKEN="+token, "WB_API_RATE=50/500ms", "AGENTIQ_BOLT_PATH="+db)
	var rep poll.Report
	if res.Kind != "response" || json.Unmarshal(res.Body, &rep) != nil || len(rep.Sellers) != 1 || !rep.Sellers[0].CaughtUp {
		t.Errorf("answer %s %s; logs:\n%s", res.Kind, res.Body, res.Logs)
	}
	t.Logf("init %s", res.Init)
	// A bad setting fails each invocation with one clear line.
	res = runtimetest.Invoke(t, bin, event, "AGENTIQ_STORE=dynamodb")
	if res.Kind != "error" || !strings.Contains(string(res.Body), "AGENTIQ_TABLE is required") || strings.Count(res.Logs, `"level":"ERROR"`) != 1 {
		t.Errorf("answer %s %s; logs:\n%s", res.Kind, res.Body, res.Logs)
	}
}

// The bootstrap's init under the fake runtime API: process start to its
// first request for an event (ms-init/op), on the embedded store.
func BenchmarkBootstrapInit(b *testing.B) {
	bin := runtimetest.Build(b, ".")
	event, err := os.ReadFile(scheduled)
	if err != nil {
		b.Fatal(err)
	}
	const token = "runtime-token"
	_, url := sandboxtest.Start(b, wbsandbox.Config{Tokens: []string{token}, Rate: wb.Limit{Requests: 50, Per: 500 * time.Millisecond}})
	db := filepath.Join(b.TempDir(), "agentiq.db")
	runtimetest.BenchmarkInit(b, bin, event, "WB_API_BASE_URL="+url, "WB_API_TOKEN="+token, "WB_API_RATE=50/500ms", "AGENTIQ_BOLT_PATH="+db)
}
