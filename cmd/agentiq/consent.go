package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/config"
	"github.com/agentiq/agentiq/shared/consent"
)

const consentUsage = `usage: agentiq consent import --seller S FILE.jsonl

Imports a seller's existing consent register into the store's append-only
register (AGENTIQ_STORE; the embedded store at AGENTIQ_BOLT_PATH, default
out/agentiq.db). Each line is one consent event:

  {"record_id":"form-42","subject":"+7 900 000-00-00","action":"given",
   "purpose":"advertising","channel":"sms","at":"2026-01-10T10:00:00+03:00",
   "method":"web_form","source":"https://shop.example/subscribe",
   "text_version":"v3","text_sha256":"<64 hex>","evidence_ref":"submission-9912",
   "collected_by":"crm","jurisdiction":"RU"}

action is given or withdrawn; purpose advertising or pd_marketing; channel
a channel or *. The subject (a phone number or e-mail address) is replaced
by its keyed pseudonym and never stored or printed. Bad lines are listed
with their line numbers and the good ones imported; a record id already
registered is not imported again, so a file may be imported twice.
FILE may be - for standard input.

Exit status: 0 when every line was imported or already present, 1 when a
line was rejected or the import failed, 2 on bad usage.
`

func runConsent(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "import" {
		fmt.Fprint(stderr, consentUsage)
		return 2
	}
	fs := flag.NewFlagSet("agentiq consent import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, consentUsage) }
	seller := fs.String("seller", "", "")
	files, err := parseInterleaved(fs, args[1:])
	if err != nil {
		return 2
	}
	if *seller == "" || len(files) != 1 {
		fmt.Fprint(stderr, consentUsage)
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "agentiq consent import: %v\n", err)
		return 1
	}
	in := stdin
	if files[0] != "-" {
		f, err := os.Open(files[0]) // #nosec G703 -- the operator's own file
		if err != nil {
			return fail(err)
		}
		defer f.Close()
		in = f
	}
	ctx := context.Background()
	set, st, closeStore, err := openConfiguredStore(ctx)
	if err != nil {
		return fail(err)
	}
	defer closeStore()
	if _, err := st.Seller(ctx, *seller); err != nil {
		if errors.Is(err, agentiq.ErrUnknownSeller) {
			return fail(fmt.Errorf("seller %q is not configured in this store", *seller))
		}
		return fail(err)
	}
	pseudo, err := set.Pseudonymizer(ctx)
	if err != nil {
		return fail(err)
	}
	rep, err := consent.Import(ctx, st, *seller, in, consent.SubjectKeys(pseudo))
	for _, e := range rep.Errors {
		fmt.Fprintf(stderr, "%s: %s\n", files[0], e)
	}
	if n := rep.Rejected - len(rep.Errors); n > 0 {
		fmt.Fprintf(stderr, "%s: … and %d more rejected lines\n", files[0], n)
	}
	fmt.Fprintf(stdout, "imported %d, already present %d, rejected %d (of %d lines)\n",
		rep.Imported, rep.AlreadyPresent, rep.Rejected, rep.Lines)
	if err != nil {
		return fail(err)
	}
	if rep.Rejected > 0 {
		return 1
	}
	return 0
}

// parseInterleaved parses flags that may come before or after the
// positional arguments, and returns those.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// openConfiguredStore opens the store the environment names, as the
// functions do (the embedded one at out/agentiq.db by default).
func openConfiguredStore(ctx context.Context) (config.Settings, config.Store, func() error, error) {
	set, err := config.FromEnv(os.Getenv)
	if err != nil {
		return set, nil, nil, err
	}
	st, closeStore, err := set.OpenStore(ctx)
	return set, st, closeStore, err
}
