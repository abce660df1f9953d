// Package lambdarun starts a function's handler: under AWS Lambda through
// the runtime API, or locally, once, on a sample event file — which is
// what `make invoke EVENT=events/<Function>/<case>.json` does.
package lambdarun

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/agentiq/agentiq/shared/config"
	"github.com/aws/aws-lambda-go/lambda"
)

// Variables of local invocation.
const (
	EventEnv   = "AGENTIQ_EVENT"   // the event file to run the handler on
	TimeoutEnv = "AGENTIQ_TIMEOUT" // the local run's deadline (default 60s, the functions' Lambda timeout)
)

// Handler is a Lambda handler.
type Handler[E, R any] func(context.Context, E) (R, error)

// Build wires a handler; cleanup releases what it opened.
type Build[E, R any] func(ctx context.Context) (h Handler[E, R], cleanup func(), err error)

// Start runs the handler that build wires: locally on the event file named
// by AGENTIQ_EVENT, else under Lambda. A failed build is one error log
// line: locally the process exits 1; under Lambda every invocation fails
// with it, and logs it, so that each failed run shows why.
func Start[E, R any](log *slog.Logger, build Build[E, R]) {
	if path := os.Getenv(EventEnv); path != "" {
		os.Exit(Local(context.Background(), log, build, path, os.Getenv(TimeoutEnv), os.Stdout))
	}
	h, _, err := build(context.Background())
	if err != nil {
		lambda.Start(func(context.Context, json.RawMessage) (R, error) {
			var zero R
			log.Error("configuration error", "error", err.Error())
			return zero, err
		})
		return
	}
	lambda.Start(h)
}

// Local runs the handler once on the event in file path, with the deadline
// timeout (a duration; "" is 60s), writes its result as JSON to out, and
// returns the exit code: 0, or 1 when the build or the run failed (the
// handler logs its own failure; a build failure is logged here).
func Local[E, R any](ctx context.Context, log *slog.Logger, build Build[E, R], path, timeout string, out io.Writer) int {
	fail := func(err error) int {
		log.Error("invoke failed", "event", path, "error", err.Error())
		return 1
	}
	d := 60 * time.Second
	if timeout != "" {
		var err error
		if d, err = time.ParseDuration(timeout); err != nil || d <= 0 {
			return fail(fmt.Errorf("%s=%q: want a duration, as 60s", TimeoutEnv, timeout))
		}
	}
	data, err := os.ReadFile(path) // #nosec G703 -- the developer's own event file
	if err != nil {
		return fail(err)
	}
	var ev E
	if err := json.Unmarshal(data, &ev); err != nil {
		return fail(fmt.Errorf("the event is not a %T: %w", ev, err))
	}
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	h, cleanup, err := build(ctx)
	if err != nil {
		log.Error("configuration error", "error", err.Error())
		return 1
	}
	if cleanup != nil {
		defer cleanup()
	}
	res, err := h(ctx, ev)
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if eerr := enc.Encode(res); eerr != nil {
		return fail(eerr)
	}
	if err != nil {
		return 1
	}
	return 0
}

// Setup wires a function's handler from its settings.
type Setup[E, R any] func(ctx context.Context, set config.Settings, log *slog.Logger) (h Handler[E, R], cleanup func(), err error)

// Main is a function's main: settings from the environment, a JSON logger
// naming the function, and the handler setup wires, run by Start. A bad
// setting fails each invocation with one clear line.
func Main[E, R any](function string, setup Setup[E, R]) {
	set, err := config.FromEnv(os.Getenv)
	log := set.Logger(os.Stderr, function)
	Start(log, func(ctx context.Context) (Handler[E, R], func(), error) {
		if err != nil {
			return nil, nil, err
		}
		return setup(ctx, set, log)
	})
}
