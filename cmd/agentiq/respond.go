package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/config"
	"github.com/agentiq/agentiq/shared/respond"
)

const respondUsage = `usage: agentiq respond [--seller S] [--out DIR]

Answers the pending buyer messages of a seller (every active seller by
default) on the embedded store, as the ResponderFunction does from the
table's stream: each is decided through the policy and sent, held for a
human or refused, with one decision record in the audit chain. Prints
the decisions by outcome and reason.

WB is WB_API_BASE_URL (the token from the seller's token reference, or
WB_API_TOKEN); the store is AGENTIQ_BOLT_PATH (default DIR/agentiq.db).
`

func runRespond(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("agentiq respond", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, respondUsage) }
	seller := fs.String("seller", "", "")
	out := fs.String("out", "out", "")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "agentiq respond: %v\n", err)
		return 1
	}
	set, err := config.FromEnv(os.Getenv)
	if err != nil {
		return fail(err)
	}
	if os.Getenv("AGENTIQ_BOLT_PATH") == "" {
		set.BoltPath = filepath.Join(*out, "agentiq.db")
	}
	if set.WBBaseURL == "" {
		return fail(errors.New("WB_API_BASE_URL is not set: point it at WB or at `make sandbox`"))
	}
	ctx := context.Background()
	st, closeStore, err := set.OpenStore(ctx)
	if err != nil {
		return fail(err)
	}
	defer closeStore()
	r, err := respond.FromSettings(set, st, set.Tokens(ctx, os.Getenv), set.Logger(stderr, "respond"))
	if err != nil {
		return fail(err)
	}
	reps, err := respondAll(ctx, st, r, *seller)
	printResponses(stdout, reps)
	if err != nil {
		return fail(err)
	}
	return 0
}

// respondAll answers the pending items of one seller, or of every active
// one.
func respondAll(ctx context.Context, st agentiq.SellerStore, r *respond.Responder, seller string) ([]respond.Report, error) {
	ids := []string{seller}
	if seller == "" {
		all, err := st.Sellers(ctx)
		if err != nil {
			return nil, err
		}
		ids = ids[:0]
		for _, s := range all {
			if s.Active {
				ids = append(ids, s.ID)
			}
		}
	}
	var reps []respond.Report
	for _, id := range ids {
		rctx, cancel := context.WithTimeout(ctx, 15*time.Minute)
		rep, err := r.Run(rctx, id)
		cancel()
		reps = append(reps, rep)
		if err != nil {
			return reps, fmt.Errorf("seller %s: %w", id, err)
		}
	}
	return reps, nil
}

// printResponses prints what the responder did, seller by seller.
func printResponses(w io.Writer, reps []respond.Report) {
	for _, rep := range reps {
		fmt.Fprintf(w, "\n%s: %d buyer messages decided", rep.Seller, rep.Items)
		if rep.Busy > 0 {
			fmt.Fprintf(w, ", %d left to the worker answering them", rep.Busy)
		}
		if rep.Failed > 0 {
			fmt.Fprintf(w, ", %d failed this time (retried on the next run)", rep.Failed)
		}
		fmt.Fprintln(w)
		fmt.Fprintf(w, "  by outcome:")
		printCounts(w, rep.ByOutcome)
		fmt.Fprintf(w, "  by decision:")
		printCounts(w, rep.ByDecision)
		fmt.Fprintf(w, "  by reason:")
		printCounts(w, rep.ByReason)
		fmt.Fprintf(w, "  messages sent to WB: %d; waiting for a human: %d\n", rep.ByOutcome[agentiq.OutcomeSent],
			rep.ByOutcome[agentiq.OutcomeHeld]+rep.ByOutcome[agentiq.OutcomeUnknown]+rep.ByOutcome[agentiq.OutcomeFailed]+rep.ByOutcome[agentiq.OutcomeProcessErr])
		for _, e := range rep.Errors {
			fmt.Fprintf(w, "  error: %s\n", e)
		}
	}
}

func printCounts[K ~string](w io.Writer, m map[K]int) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, string(k))
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[K(keys[i])] != m[K(keys[j])] {
			return m[K(keys[i])] > m[K(keys[j])]
		}
		return keys[i] < keys[j]
	})
	if len(keys) == 0 {
		fmt.Fprint(w, " none")
	}
	for _, k := range keys {
		fmt.Fprintf(w, " %s %d", k, m[K(k)])
	}
	fmt.Fprintln(w)
}

// writeResponses keeps the run's responder reports as JSON.
func writeResponses(path string, reps []respond.Report) error {
	b, err := json.MarshalIndent(reps, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o600)
}
