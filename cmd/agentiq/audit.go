package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/agentiq/agentiq/shared/auditchain"
	"github.com/agentiq/agentiq/shared/config"
)

const auditUsage = `usage: agentiq audit verify --seller S [--from SEQ] [--json]
       agentiq audit checkpoint [--seller S]

verify recomputes the seller's hash-linked audit chain from record SEQ
(default 1) to its head and checks it against the latest signed
checkpoint; it exits 1 naming the first bad sequence number when a record
was altered, removed, reordered, forked or dated backwards, or when the
chain was rewritten from some record on (the checkpoints no longer match).

checkpoint verifies the chain since the latest checkpoint and anchors its
head with a new signed checkpoint (every seller when --seller is not given).

The store is the configured one (the embedded store at AGENTIQ_BOLT_PATH,
default out/agentiq.db); checkpoints are kept beside it in
checkpoints/<seller>.jsonl, signed with the key in <store>.checkpoint-key.

flags:
  --seller S        the seller
  --from SEQ        verify from this sequence number (default 1)
  --checkpoints DIR the checkpoint folder (default: beside the store)
  --json            print the result as JSON
`

func runAudit(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "verify" && args[0] != "checkpoint" {
		fmt.Fprint(stderr, auditUsage)
		return 2
	}
	cmd := args[0]
	fs := flag.NewFlagSet("agentiq audit "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, auditUsage) }
	seller := fs.String("seller", "", "")
	from := fs.Int64("from", 1, "")
	dir := fs.String("checkpoints", "", "")
	asJSON := fs.Bool("json", false, "")
	if err := fs.Parse(args[1:]); err != nil {
		return 2
	}
	if fs.NArg() > 0 || cmd == "verify" && *seller == "" || *from < 1 {
		fmt.Fprint(stderr, auditUsage)
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "agentiq audit %s: %v\n", cmd, err)
		return 1
	}
	ctx := context.Background()
	set, st, closeStore, err := openConfiguredStore(ctx)
	if err != nil {
		return fail(err)
	}
	defer closeStore()
	log, key, err := checkpointLog(set, *dir)
	if err != nil {
		return fail(err)
	}
	if cmd == "checkpoint" {
		sellers := []string{*seller}
		if *seller == "" {
			all, err := st.Sellers(ctx)
			if err != nil {
				return fail(err)
			}
			sellers = sellers[:0]
			for _, s := range all {
				sellers = append(sellers, s.ID)
			}
		}
		w := auditchain.Writer{Store: st, Log: log, Key: key}
		for _, id := range sellers {
			c, err := w.Write(ctx, id)
			if err != nil {
				return fail(err)
			}
			if c == nil {
				fmt.Fprintf(stdout, "seller %s: empty chain, no checkpoint\n", id)
				continue
			}
			fmt.Fprintf(stdout, "seller %s: checkpoint at record %d (%s), %s\n", id, c.Seq, short(c.Hash), c.CreatedAt.Format(time.RFC3339))
		}
		return 0
	}
	if _, err := st.Seller(ctx, *seller); err != nil {
		return fail(err)
	}
	res, err := auditchain.VerifyLog(ctx, st, log, key, *seller, *from)
	if err != nil {
		return fail(err)
	}
	if *asJSON {
		b, _ := json.Marshal(res)
		fmt.Fprintln(stdout, string(b))
	} else {
		printResult(stdout, res, filepath.Join(log.Dir, *seller+".jsonl"))
	}
	if !res.OK {
		fmt.Fprintf(stderr, "agentiq audit verify: seller %s: first bad sequence number %d (%s)\n", *seller, res.FirstBad, res.Problem)
		return 1
	}
	return 0
}

func printResult(w io.Writer, res auditchain.Result, where string) {
	if res.From > res.Head {
		fmt.Fprintf(w, "seller %s: no records from %d (the chain has %d), %d checked\n", res.Seller, res.From, res.Head, res.Checked)
	} else {
		fmt.Fprintf(w, "seller %s: records %d–%d of %d, %d checked\n", res.Seller, res.From, res.Head, res.Head, res.Checked)
	}
	switch c := res.Checkpoint; {
	case c == nil:
		fmt.Fprintf(w, "checkpoint: none in %s (a chain rewritten with recomputed hashes cannot be told apart)\n", where)
	case res.CheckpointOK:
		fmt.Fprintf(w, "checkpoint: record %d (%s), made %s, in %s: matches\n", c.Seq, short(c.Hash), c.CreatedAt.Format(time.RFC3339), where)
	default:
		fmt.Fprintf(w, "checkpoint: record %d (%s), made %s, in %s\n", c.Seq, short(c.Hash), c.CreatedAt.Format(time.RFC3339), where)
	}
	if res.OK {
		fmt.Fprintf(w, "intact: head %d %s\n", res.Head, short(res.HeadHash))
		return
	}
	fmt.Fprintf(w, "BROKEN at sequence number %d (%s): %s\n", res.FirstBad, res.Problem, res.Detail)
}

func short(hash string) string {
	if len(hash) > 16 {
		return hash[:16] + "…"
	}
	return hash
}

// checkpointLog is the local checkpoint folder and key: beside the
// embedded store unless dir says otherwise.
func checkpointLog(set config.Settings, dir string) (auditchain.FileLog, []byte, error) {
	if dir == "" {
		dir = checkpointDir(set)
	}
	key, err := auditchain.LocalKey(set.BoltPath + ".checkpoint-key")
	return auditchain.FileLog{Dir: dir}, key, err
}

// checkpointDir is where the local checkpoints are kept: beside the
// embedded store.
func checkpointDir(set config.Settings) string { return set.CheckpointDir() }
