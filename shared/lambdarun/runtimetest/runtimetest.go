// Package runtimetest plays AWS Lambda's runtime API for a function's
// bootstrap: it builds the bootstrap, starts it as a process, hands it one
// event through the runtime API protocol (GET …/invocation/next, POST
// …/response or …/error) and returns its answer, its logs and how long its
// init took. Lambda freezes a process between invocations; here the
// second /next request is held until the process is stopped.
package runtimetest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Result is a bootstrap's answer to one invocation.
type Result struct {
	// Kind is "response", "error" (the invocation failed) or "init-error"
	// (the runtime reported that it could not start).
	Kind string
	Body []byte
	Logs string // the process's stderr
	// Init is the time from starting the process to its first request for
	// an event: what Lambda reports as the init duration.
	Init time.Duration
}

// Timeout bounds one invocation.
const Timeout = 90 * time.Second

const api = "/2018-06-01/runtime/"

// Build compiles the main package in dir (as "." from a function's test)
// into a bootstrap for this machine, with the Makefile's flags, and
// returns its path.
func Build(t testing.TB, dir string) string {
	t.Helper()
	bin := t.TempDir() + "/bootstrap"
	// #nosec G204 -- go build of a test's own package
	cmd := exec.Command("go", "build", "-tags", "lambda.norpc", "-trimpath", "-ldflags=-s -w", "-o", bin, ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build %s: %v\n%s", dir, err, out)
	}
	return bin
}

// Invoke starts bin with env (and PATH) under a fake runtime API, serves
// it event as request req-1, and returns its answer once it gives one; it
// then stops the process. A bootstrap that does not answer within Timeout
// fails the test.
func Invoke(t testing.TB, bin string, event []byte, env ...string) Result {
	t.Helper()
	type answer struct {
		kind string
		body []byte
	}
	answers := make(chan answer, 1)
	var (
		mu     sync.Mutex
		served bool
		first  time.Time
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method == http.MethodGet && r.URL.Path == api+"invocation/next":
			mu.Lock()
			again := served
			if !served {
				served, first = true, time.Now()
			}
			mu.Unlock()
			if again { // one invocation: then hold, as Lambda freezes the process
				<-r.Context().Done()
				return
			}
			w.Header().Set("Lambda-Runtime-Aws-Request-Id", "req-1")
			w.Header().Set("Lambda-Runtime-Deadline-Ms", strconv.FormatInt(time.Now().Add(60*time.Second).UnixMilli(), 10))
			w.Header().Set("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:eu-central-1:123456789012:function:agentiq-test")
			w.Header().Set("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0")
			_, _ = w.Write(event)
		case r.Method == http.MethodPost && strings.HasPrefix(r.URL.Path, api+"invocation/req-1/"):
			b, _ := io.ReadAll(r.Body)
			w.WriteHeader(http.StatusAccepted)
			select {
			case answers <- answer{path.Base(r.URL.Path), b}:
			default:
			}
		case r.Method == http.MethodPost && r.URL.Path == api+"init/error":
			b, _ := io.ReadAll(r.Body)
			w.WriteHeader(http.StatusAccepted)
			select {
			case answers <- answer{"init-error", b}:
			default:
			}
		default:
			w.WriteHeader(http.StatusNotFound)
		}
	}))
	defer srv.Close()
	var stderr bytes.Buffer
	cmd := exec.Command(bin)
	cmd.Env = append([]string{"AWS_LAMBDA_RUNTIME_API=" + strings.TrimPrefix(srv.URL, "http://"), "PATH=" + os.Getenv("PATH")}, env...)
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	stop := func() string {
		_ = cmd.Process.Kill()
		<-exited
		return stderr.String()
	}
	var res Result
	select {
	case a := <-answers:
		res = Result{Kind: a.kind, Body: a.body}
	case err := <-exited:
		select { // it may have answered, then exited
		case a := <-answers:
			return Result{Kind: a.kind, Body: a.body, Logs: stderr.String(), Init: first.Sub(start)}
		default:
			t.Fatalf("the bootstrap exited without answering (%v); stderr:\n%s", err, stderr.String())
		}
	case <-time.After(Timeout):
		t.Fatalf("no answer from the bootstrap in %s; stderr:\n%s", Timeout, stop())
	}
	res.Logs = stop()
	mu.Lock()
	res.Init = first.Sub(start)
	mu.Unlock()
	return res
}

// BenchmarkInit runs bin b.N times to its first request for an event and
// reports the mean init duration (ms-init/op); the op itself includes the
// invocation.
func BenchmarkInit(b *testing.B, bin string, event []byte, env ...string) {
	b.Helper()
	var total time.Duration
	for i := 0; i < b.N; i++ {
		res := Invoke(b, bin, event, env...)
		if res.Kind != "response" {
			b.Fatalf("answer %s %s; logs:\n%s", res.Kind, res.Body, res.Logs)
		}
		total += res.Init
	}
	b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "ms-init/op")
}

// ExpectJSONLogs fails the test for any log line of an invocation that is
// not JSON (the functions log JSON lines for CloudWatch).
func ExpectJSONLogs(t testing.TB, res Result) {
	t.Helper()
	for _, line := range strings.Split(strings.TrimSpace(res.Logs), "\n") {
		if line != "" && !json.Valid([]byte(line)) {
			t.Errorf("a log line that is not JSON: %s", line)
		}
	}
}

// ExpectBadSetting invokes the bootstrap with a setting missing (DynamoDB
// without the pseudonym key's secret): the invocation must fail naming it,
// with exactly one error line in the logs.
func ExpectBadSetting(t testing.TB, bin string, event []byte) {
	t.Helper()
	res := Invoke(t, bin, event, "AGENTIQ_STORE=dynamodb", "AGENTIQ_TABLE=t")
	if res.Kind != "error" || !strings.Contains(string(res.Body), "AGENTIQ_PSEUDONYM_KEY_SECRET") || strings.Count(res.Logs, `"level":"ERROR"`) != 1 {
		t.Errorf("with a bad setting: answer %s %s; logs:\n%s", res.Kind, res.Body, res.Logs)
	}
}
