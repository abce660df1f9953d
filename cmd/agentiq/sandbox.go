package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/agentiq/agentiq/shared/wb"
	"github.com/agentiq/agentiq/shared/wb/wbsandbox"
)

const sandboxUsage = `usage: agentiq wb-sandbox --token TOKEN [flags]

Serves WB's buyer-chat API (GET /ping, /api/v1/seller/chats, /events,
/download/{id}, POST /message) with WB's shapes, limits and errors, checked
against WB's OpenAPI file, playing scripted Russian conversations.

flags:
  --addr HOST:PORT   where to listen (default 127.0.0.1:8081)
  --token TOKEN      an accepted API token, one seller account each (repeatable)
  --rate N/PERIOD    each account's limit (default 10/10s, WB's)
  --page-size N      most events per page (default: the seed file's, 50)
  --faults LIST      faults to inject, e.g. 5xx=0.2,429=0.1,storm=2,malformed=0.05,dup=0.3,latency=200ms@0.1,drop=0.05
  --fault-seed N     seed of the fault draws (default 1)
  --seed FILE        seed file of the conversations (default: the embedded one)
  --anchor TIME      RFC 3339 time of the newest scripted event (default: today 09:00 Moscow time,
                     or yesterday's before that hour, so that restarts on a day replay the same events)
`

// repeated is a flag that may be given several times.
type repeated []string

func (r *repeated) String() string     { return strings.Join(*r, ",") }
func (r *repeated) Set(v string) error { *r = append(*r, v); return nil }

// sandboxAnchor is today's 09:00 in Moscow, or yesterday's before it.
func sandboxAnchor(now time.Time) time.Time {
	msk := time.FixedZone("MSK", 3*3600)
	n := now.In(msk)
	a := time.Date(n.Year(), n.Month(), n.Day(), 9, 0, 0, 0, msk)
	if a.After(now) {
		a = a.AddDate(0, 0, -1)
	}
	return a.UTC()
}

// sandboxFlags reads the sandbox's flags into a configuration.
func sandboxConfig(args []string, stderr io.Writer) (wbsandbox.Config, string, error) {
	fs := flag.NewFlagSet("agentiq wb-sandbox", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, sandboxUsage) }
	var tokens repeated
	addr := fs.String("addr", "127.0.0.1:8081", "")
	fs.Var(&tokens, "token", "")
	rate := fs.String("rate", wb.ChatLimit.String(), "")
	pageSize := fs.Int("page-size", 0, "")
	faults := fs.String("faults", "", "")
	faultSeed := fs.Uint64("fault-seed", 1, "")
	seedFile := fs.String("seed", "", "")
	anchor := fs.String("anchor", "", "")
	if err := fs.Parse(args); err != nil {
		return wbsandbox.Config{}, "", err
	}
	cfg := wbsandbox.Config{Tokens: tokens, PageSize: *pageSize, FaultSeed: *faultSeed, Anchor: sandboxAnchor(time.Now())}
	if len(tokens) == 0 {
		if v := os.Getenv("WB_API_TOKEN"); v != "" {
			cfg.Tokens = []string{v}
		} else {
			return cfg, "", fmt.Errorf("--token is required (or WB_API_TOKEN)")
		}
	}
	var err error
	if cfg.Rate, err = wb.ParseLimit(*rate); err != nil {
		return cfg, "", fmt.Errorf("--rate: %w", err)
	}
	if cfg.Faults, err = wbsandbox.ParseFaults(*faults); err != nil {
		return cfg, "", fmt.Errorf("--faults: %w", err)
	}
	if *seedFile != "" {
		if cfg.Seed, err = os.ReadFile(*seedFile); err != nil {
			return cfg, "", fmt.Errorf("--seed: %w", err)
		}
	}
	if *anchor != "" {
		if cfg.Anchor, err = time.Parse(time.RFC3339, *anchor); err != nil {
			return cfg, "", fmt.Errorf("--anchor: want RFC 3339, as 2026-11-21T09:00:00+03:00")
		}
	}
	return cfg, *addr, nil
}

func runSandbox(args []string, stderr io.Writer) int {
	cfg, addr, err := sandboxConfig(args, stderr)
	if err != nil {
		if err != flag.ErrHelp {
			fmt.Fprintf(stderr, "agentiq wb-sandbox: %v\n", err)
		}
		return 2
	}
	log := slog.New(slog.NewJSONHandler(stderr, nil)).With("component", "wb-sandbox")
	cfg.Logger = log
	sb, err := wbsandbox.New(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "agentiq wb-sandbox: %v\n", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err = sb.ListenAndServe(ctx, addr, func(a net.Addr) {
		sc := sb.Script(cfg.Tokens[0])
		log.Info("WB sandbox listening", "url", "http://"+a.String(), "accounts", len(cfg.Tokens), "rate", cfg.Rate.String(),
			"faults", cfg.Faults.String(), "chats", len(sc.Chats), "events", len(sc.Events), "anchor", cfg.Anchor.Format(time.RFC3339))
	})
	if err != nil {
		fmt.Fprintf(stderr, "agentiq wb-sandbox: %v\n", err)
		return 1
	}
	st := sb.Stats()
	log.Info("WB sandbox stopped", "requests", st.Requests, "violations", st.Violations, "invalid_requests", st.InvalidRequests,
		"invalid_responses", st.InvalidResponses, "sent", st.Sent)
	return 0
}
