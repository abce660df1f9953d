package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/agentiq/agentiq/reports"
	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/api"
	"github.com/agentiq/agentiq/shared/config"
	"github.com/agentiq/agentiq/shared/tokens"
	"github.com/agentiq/agentiq/shared/wb"
	"github.com/agentiq/agentiq/shared/wb/wbsandbox"
)

const apiUsage = `usage: agentiq api [--addr HOST:PORT] [--out DIR] [--token-for SELLER:SUB:ROLES]...
       agentiq api token --seller S --sub NAME --roles ROLE[,ROLE] [--ttl 12h] [--out DIR]

Serves the operator's and integrator's API (shared/api/openapi.yaml) over
HTTP on the store of agentiq run (DIR/agentiq.db, or AGENTIQ_BOLT_PATH),
checking each bearer token as API Gateway's JWT authorizer does in the
cloud: signed with the local Ed25519 key (DIR/api-key.json, made at first
start; its public half in DIR/api-key.pub.json), issuer agentiq-local,
audience agentiq-api, not expired. WB is WB_API_BASE_URL if set, else a
WB sandbox in this process playing the same conversations as agentiq run's.

flags:
  --addr HOST:PORT        where to listen (default 127.0.0.1:8082)
  --out DIR               the store's and the key's folder (default out)
  --token-for S:SUB:ROLES print a development token at start (repeatable), e.g. local:alice:operator,officer

agentiq api token prints a token signed with the same key, for curl.
Roles: operator, integrator, officer.
`

func runAPI(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "token" {
		return runAPIToken(args[1:], stdout, stderr)
	}
	fs := flag.NewFlagSet("agentiq api", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, apiUsage) }
	addr := fs.String("addr", "127.0.0.1:8082", "")
	out := fs.String("out", "out", "")
	var tokenFor repeated
	fs.Var(&tokenFor, "token-for", "")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := serveAPI(ctx, apiOptions{addr: *addr, out: *out, tokenFor: tokenFor}, stdout, stderr, nil); err != nil {
		fmt.Fprintf(stderr, "agentiq api: %v\n", err)
		return 1
	}
	return 0
}

type apiOptions struct {
	addr, out string
	tokenFor  []string
	// reportDone, if set, is told each report job as it ends (tests).
	reportDone func(agentiq.ReportJob)
}

// serveAPI serves the API until ctx ends; ready, if set, is told the
// address once it listens.
func serveAPI(ctx context.Context, o apiOptions, stdout, stderr io.Writer, ready func(addr string)) error {
	set, err := config.FromEnv(os.Getenv)
	if err != nil {
		return err
	}
	if os.Getenv("AGENTIQ_BOLT_PATH") == "" {
		set.BoltPath = filepath.Join(o.out, "agentiq.db")
	}
	keys, err := apiKeys(o.out)
	if err != nil {
		return err
	}
	var toks []string
	for _, spec := range o.tokenFor {
		parts := strings.SplitN(spec, ":", 3)
		if len(parts) != 3 {
			return fmt.Errorf("--token-for %q: want SELLER:SUB:ROLES", spec)
		}
		t, err := keys.Mint(api.Token{Seller: parts[0], Subject: parts[1], Roles: splitRoles(parts[2])})
		if err != nil {
			return err
		}
		toks = append(toks, fmt.Sprintf("token for %s (seller %s, roles %s):\n%s", parts[1], parts[0], parts[2], t))
	}
	log := slog.New(slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: set.LogLevel})).With("function", "api")

	// WB: the one configured, or a sandbox in this process with agentiq
	// run's conversations (the same token and anchor: the same chats).
	token := os.Getenv(tokens.DefaultEnv)
	if set.WBBaseURL == "" {
		if token == "" {
			token = "sandbox-token"
		}
		sb, err := wbsandbox.New(wbsandbox.Config{Tokens: []string{token}, Anchor: sandboxAnchor(time.Now()), Logger: log.With("component", "wb-sandbox")})
		if err != nil {
			return err
		}
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return err
		}
		go func() { _ = sb.Serve(ctx, l) }()
		set.WBBaseURL, set.WBRate = "http://"+l.Addr().String(), wb.ChatLimit
	}
	st, closeStore, err := set.OpenStore(ctx)
	if err != nil {
		return err
	}
	defer closeStore()
	if _, err := set.PrepareLocalTable(ctx, st, false); err != nil { // DynamoDB Local: the table of agentiq run, or a new one
		return err
	}
	if _, err := set.EnsureLocalSeller(ctx, st, time.Now()); err != nil {
		return err
	}
	src := &tokens.Source{Getenv: func(k string) (string, bool) {
		if k == tokens.DefaultEnv && token != "" {
			return token, true
		}
		return os.LookupEnv(k)
	}}
	// Reports asked for through the API are written by goroutines of this
	// process into DIR/reports and served back by the API itself.
	// The chain is verified against the local checkpoints, whose key is
	// read (or made) when a report first needs it.
	chain := func(ctx context.Context, seller string) (*reports.ChainStatus, error) {
		cpLog, cpKey, err := checkpointLog(set, "")
		if err != nil {
			return nil, err
		}
		return reports.ChainVerifier(st, cpLog, cpKey)(ctx, seller)
	}
	reportDir := filepath.Join(filepath.Dir(set.BoltPath), "reports")
	bg := &reports.Background{Service: &reports.Service{Source: reports.NewStoreSource(st), Sellers: st, Jobs: st,
		Sink: reports.DirSink{Dir: reportDir}, Chain: chain, Log: log.With("component", "reports")},
		Finished: o.reportDone}
	defer bg.Wait() // before the store closes
	h, err := api.FromSettings(ctx, set, st, src, api.Reporting{Starter: bg, Dir: reportDir}, os.Getenv, log)
	if err != nil {
		return err
	}
	l, err := net.Listen("tcp", o.addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: api.HTTP(h, keys), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "agentiq api: listening on http://%s (store %s, WB %s)\n", l.Addr(), set.BoltPath, set.WBBaseURL)
	fmt.Fprintf(stdout, "tokens: issuer %s, audience %s, signed with %s (public key %s)\n", api.LocalIssuer, api.LocalAudience,
		filepath.Join(o.out, "api-key.json"), filepath.Join(o.out, "api-key.pub.json"))
	for _, t := range toks {
		fmt.Fprintln(stdout, t)
	}
	if ready != nil {
		ready(l.Addr().String())
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(l) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// apiKeys loads (or makes) the local key and writes its public half.
func apiKeys(out string) (*api.Keys, error) {
	keys, err := api.LoadKeys(filepath.Join(out, "api-key.json"))
	if err != nil {
		return nil, err
	}
	pub, err := keys.PublicJWK()
	if err != nil {
		return nil, err
	}
	return keys, os.WriteFile(filepath.Join(out, "api-key.pub.json"), append(pub, '\n'), 0o600)
}

func splitRoles(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' })
}

func runAPIToken(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("agentiq api token", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, apiUsage) }
	seller := fs.String("seller", "demo", "")
	sub := fs.String("sub", "", "")
	roles := fs.String("roles", "", "")
	ttl := fs.Duration("ttl", 12*time.Hour, "")
	out := fs.String("out", "out", "")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *sub == "" || *roles == "" || *ttl <= 0 {
		fmt.Fprint(stderr, "agentiq api token: --sub and --roles are required, --ttl must be positive\n\n"+apiUsage)
		return 2
	}
	keys, err := apiKeys(*out)
	if err != nil {
		fmt.Fprintf(stderr, "agentiq api token: %v\n", err)
		return 1
	}
	t, err := keys.Mint(api.Token{Seller: *seller, Subject: *sub, Roles: splitRoles(*roles), TTL: *ttl})
	if err != nil {
		fmt.Fprintf(stderr, "agentiq api token: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, t)
	return 0
}
