package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"sort"
	"text/tabwriter"
	"time"

	"github.com/agentiq/agentiq/reports"
	"github.com/agentiq/agentiq/shared/auditchain"
	"github.com/agentiq/agentiq/shared/config"
	"github.com/agentiq/agentiq/shared/poll"
	"github.com/agentiq/agentiq/shared/respond"
	"github.com/agentiq/agentiq/shared/tokens"
	"github.com/agentiq/agentiq/shared/wb"
	"github.com/agentiq/agentiq/shared/wb/wbsandbox"
)

const runUsage = `usage: agentiq run [--out DIR] [--rate N/PERIOD | --wb-limit] [--keep]

The whole pipeline in one local process, on the embedded store (or on
DynamoDB Local: AGENTIQ_STORE=dynamodb, AGENTIQ_DYNAMODB_ENDPOINT,
AGENTIQ_TABLE — make local-stack sets them up): WB's events
are polled until caught up — from WB_API_BASE_URL if set, else from a WB
sandbox started in-process (WB's limit, the scripted conversations) — and
a summary is printed; logs, metrics and the run's report go to DIR.

flags:
  --out DIR        where the store, logs and reports go (default out)
  --rate N/PERIOD  the in-process sandbox's limit (default 50/1s, relaxed so
                   that the demo finishes in seconds)
  --wb-limit       the in-process sandbox at WB's real limit, 10/10s (the
                   ~100 replies then take a few minutes)
  --keep           keep the store of an earlier run (with the in-process
                   sandbox it starts afresh: its events are replayed each time)
`

func runPipeline(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("agentiq run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, runUsage) }
	out := fs.String("out", "out", "")
	rate := fs.String("rate", "50/1s", "")
	wbLimit := fs.Bool("wb-limit", false, "")
	keep := fs.Bool("keep", false, "")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "agentiq run: %v\n", err)
		return 1
	}
	if *wbLimit {
		*rate = wb.ChatLimit.String()
	}
	limit, err := wb.ParseLimit(*rate)
	if err != nil {
		return fail(fmt.Errorf("--rate: %w", err))
	}
	getenv := os.Getenv
	set, err := config.FromEnv(getenv)
	if err != nil {
		return fail(err)
	}
	if os.Getenv("AGENTIQ_BOLT_PATH") == "" {
		set.BoltPath = filepath.Join(*out, "agentiq.db")
	}
	if set.Store == config.StoreDynamo && set.DynamoEndpoint == "" {
		return fail(errors.New("the local pipeline runs on the embedded store, or on DynamoDB Local with AGENTIQ_DYNAMODB_ENDPOINT set (make local-stack)"))
	}
	if err := os.MkdirAll(*out, 0o750); err != nil {
		return fail(err)
	}
	logFile, err := os.Create(filepath.Join(*out, "pipeline.log"))
	if err != nil {
		return fail(err)
	}
	defer logFile.Close()
	log := set.Logger(logFile, "pipeline")
	ctx := context.Background()

	// WB: the one configured, or a sandbox in this process.
	var sb *wbsandbox.Server
	token := os.Getenv(tokens.DefaultEnv)
	if set.WBBaseURL == "" {
		if token == "" {
			token = "sandbox-token"
		}
		sb, err = wbsandbox.New(wbsandbox.Config{Tokens: []string{token}, Rate: limit, Anchor: sandboxAnchor(time.Now()),
			Logger: log.With("component", "wb-sandbox")})
		if err != nil {
			return fail(err)
		}
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return fail(err)
		}
		sctx, stop := context.WithCancel(ctx)
		defer stop()
		go func() { _ = sb.Serve(sctx, l) }()
		set.WBBaseURL = "http://" + l.Addr().String()
		set.WBRate = limit
		if !*keep {
			// The sandbox replays its events: start clean, checkpoints of
			// the old chain with the store.
			if set.Store == config.StoreBolt {
				if err := os.Remove(set.BoltPath); err != nil && !errors.Is(err, os.ErrNotExist) {
					return fail(err)
				}
			}
			if err := os.RemoveAll(checkpointDir(set)); err != nil {
				return fail(err)
			}
		}
	}
	st, closeStore, err := set.OpenStore(ctx)
	if err != nil {
		return fail(err)
	}
	defer closeStore()
	// DynamoDB Local: the table is made if missing, and emptied first like
	// the embedded store's file when the sandbox replays its events.
	created, err := set.PrepareLocalTable(ctx, st, sb != nil && !*keep)
	if err != nil {
		return fail(err)
	}
	if _, err := set.EnsureLocalSeller(ctx, st, time.Now()); err != nil {
		return fail(err)
	}
	src := &tokens.Source{Getenv: func(k string) (string, bool) {
		if k == tokens.DefaultEnv && token != "" {
			return token, true
		}
		return os.LookupEnv(k)
	}}
	p, err := poll.FromSettings(set, st, src, log, logFile)
	if err != nil {
		return fail(err)
	}
	where := set.BoltPath
	if set.Store == config.StoreDynamo {
		where = fmt.Sprintf("DynamoDB table %s at %s (%s)", set.Table, set.DynamoEndpoint, map[bool]string{true: "created", false: "existing"}[created])
	}
	fmt.Fprintf(stdout, "agentiq run: WB at %s (%s), store %s\n", set.WBBaseURL, map[bool]string{true: "in-process sandbox", false: "WB_API_BASE_URL"}[sb != nil], where)

	// Poll as the schedule would, a run at a time, until caught up.
	start := time.Now()
	var runs []poll.Report
	totals := map[string]*poll.SellerReport{}
	for len(runs) < 50 {
		rctx, cancel := context.WithTimeout(ctx, 60*time.Second) // the Lambda's timeout
		rep, err := p.Run(rctx, poll.Request{})
		cancel()
		runs = append(runs, rep)
		if err != nil {
			return fail(fmt.Errorf("%w (details in %s)", err, logFile.Name()))
		}
		caught := true
		for _, r := range rep.Sellers {
			t := totals[r.Seller]
			if t == nil {
				t = &poll.SellerReport{Seller: r.Seller}
				totals[r.Seller] = t
			}
			t.Pages += r.Pages
			t.Events += r.Events
			t.Inbox += r.Inbox
			t.Applied += r.Applied
			t.Rejected += r.Rejected
			t.Requests += r.Requests
			t.RateLimited += r.RateLimited
			t.Cursor = r.Cursor
			caught = caught && r.CaughtUp
		}
		if caught {
			break
		}
	}
	if err := writeJSON(filepath.Join(*out, "poll-report.json"), runs); err != nil {
		return fail(err)
	}

	tw := tabwriter.NewWriter(stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "\nseller\tpages\tevents\tnew buyer messages\trejected\tWB requests\t429s\tcursor\n")
	var ids []string
	for id := range totals {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		t := totals[id]
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%s\n", id, t.Pages, t.Events, t.Inbox, t.Rejected, t.Requests, t.RateLimited,
			time.UnixMilli(t.Cursor).UTC().Format(time.RFC3339))
	}
	_ = tw.Flush()
	// Answer every buyer message, as the ResponderFunction does from the
	// table's stream.
	r, err := respond.FromSettings(set, st, src, log)
	if err != nil {
		return fail(err)
	}
	answered := time.Now()
	reps, err := respondAll(ctx, st, r, "")
	printResponses(stdout, reps)
	if err != nil {
		return fail(fmt.Errorf("%w (details in %s)", err, logFile.Name()))
	}
	if err := writeResponses(filepath.Join(*out, "respond-report.json"), reps); err != nil {
		return fail(err)
	}
	// Anchor each chain's head in a signed checkpoint, then verify the
	// whole chain against it, as `agentiq audit verify` does.
	cpLog, cpKey, err := checkpointLog(set, "")
	if err != nil {
		return fail(err)
	}
	writer := &auditchain.Writer{Store: st, Log: cpLog, Key: cpKey}
	for _, id := range ids {
		verdict := "verifies"
		if _, err := writer.Write(ctx, id); err != nil {
			verdict = "BROKEN: " + err.Error()
		}
		res, err := auditchain.VerifyLog(ctx, st, cpLog, cpKey, id, 1)
		switch {
		case err != nil:
			verdict = "not verified: " + err.Error()
		case !res.OK:
			verdict = "BROKEN: " + res.Err().Error()
		case res.Checkpoint != nil:
			verdict += fmt.Sprintf(" (against the checkpoint at record %d in %s)", res.Checkpoint.Seq, cpLog.Dir)
		}
		fmt.Fprintf(stdout, "  audit chain: %d records, %s\n", res.Head, verdict)
	}
	fmt.Fprintf(stdout, "answered in %s\n", time.Since(answered).Round(time.Millisecond))

	// The compliance reports of the last 30 days, both kinds in both
	// formats, as the ReporterFunction writes them each month.
	svc := &reports.Service{Source: reports.NewStoreSource(st), Sellers: st, Sink: reports.DirSink{Dir: filepath.Join(*out, "reports")},
		Chain: reports.ChainVerifier(st, cpLog, cpKey), Log: log}
	for _, id := range ids {
		sl, err := st.Seller(ctx, id)
		if err != nil {
			return fail(err)
		}
		zone, err := time.LoadLocation(sl.Timezone)
		if err != nil || sl.Timezone == "" {
			zone = time.UTC
		}
		y, m, d := time.Now().In(zone).Date()
		to := time.Date(y, m, d+1, 0, 0, 0, 0, zone) // today included
		res := svc.Period(ctx, sl, to.AddDate(0, 0, -30), to, reports.LangRU)
		for _, e := range res.Errors {
			fmt.Fprintf(stdout, "  report failed: %s\n", e)
		}
		for _, w := range res.Reports {
			fmt.Fprintf(stdout, "  report: %s\n", w.Location)
		}
		if len(res.Errors) > 0 {
			return fail(fmt.Errorf("%d reports failed", len(res.Errors)))
		}
	}
	if sb != nil {
		s := sb.Stats()
		fmt.Fprintf(stdout, "\nWB sandbox: %d requests, %d over the rate limit, %d invalid requests\n", s.Requests, s.Violations, s.InvalidRequests)
	}
	fmt.Fprintf(stdout, "polled in %s over %d runs; logs and metrics: %s; reports: %s, %s\n", answered.Sub(start).Round(time.Millisecond),
		len(runs), logFile.Name(), filepath.Join(*out, "poll-report.json"), filepath.Join(*out, "respond-report.json"))
	return 0
}

func writeJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o600)
}
