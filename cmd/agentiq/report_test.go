package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/bolt"
	"github.com/agentiq/agentiq/shared/bolt/bolttest"
	"github.com/agentiq/agentiq/shared/ingest"
	"github.com/agentiq/agentiq/shared/storetest"
)

// reportStore makes an embedded store with the demo seller and n
// decisions in November 2026, and points AGENTIQ_BOLT_PATH at it.
func reportStore(t testing.TB, n int) string {
	t.Helper()
	dir := t.TempDir()
	fillStore(t, filepath.Join(dir, "agentiq.db"), n)
	return dir
}

// fillStore writes the store at path: the demo seller and n decisions
// spread over November 2026.
func fillStore(t testing.TB, path string, n int) {
	t.Helper()
	ctx := context.Background()
	st, err := bolt.Open(bolt.Config{Path: path, Ingest: ingest.Options{Pseudonyms: storetest.Pseudonyms()}})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.PutSeller(ctx, agentiq.Seller{ID: "demo", Name: "Демо", Active: true, Timezone: "Europe/Moscow", CreatedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 11, 1, 9, 0, 0, 0, time.FixedZone("MSK", 3*3600))
	step := 30 * 24 * time.Hour / time.Duration(n+1)
	for i := 0; i < n; i++ {
		at := start.Add(time.Duration(i) * step)
		d := agentiq.DecisionRecord{DecisionID: fmt.Sprintf("d-%d", i), Channel: agentiq.ChannelWBChat, ChatID: "chat-1",
			Trigger: agentiq.TriggerAutoReply, Operator: agentiq.OperatorBot, RulesVersion: "r-1", Decision: agentiq.Allow,
			Outcome: agentiq.OutcomeSent, Excerpt: "=1+2 Здравствуйте! Ваш заказ передан в доставку, ожидайте его в пункте выдачи.",
			DecidedAt: at, Reasons: []string{}, EventID: fmt.Sprintf("ev-%d", i), TemplateID: "delivery-1", Scenario: agentiq.ScenarioService,
			MessageType: agentiq.Service, Priority: agentiq.P0, BuyerMessageAt: &at, SentAt: &at,
			DraftSHA256: "5feceb66ffc86f38d952786c6d696c79c2dbc239dd4e91b46729d73a27fb57e9"}
		data, _ := json.Marshal(d)
		if _, err := st.Append(ctx, "demo", agentiq.AuditEntry{At: at, Kind: agentiq.AuditDecision, Data: data}); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	// the pseudonym key the CLI's configuration reads beside the store
	if err := os.WriteFile(path+".key", []byte(strings.Repeat("ab", 32)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("AGENTIQ_BOLT_PATH", path)
	t.Setenv("AGENTIQ_STORE", "")
	t.Setenv("AGENTIQ_SELLER", "")
}

func TestReportCommand(t *testing.T) {
	dir := reportStore(t, 48)
	out := filepath.Join(dir, "r.pdf")
	stdout, stderr, code := cli(t, "", "report", "audit", "--from", "2026-11-01", "--to", "2026-11-01", "--out", out)
	if code != 0 || !strings.HasPrefix(stdout, out) {
		t.Fatalf("exit %d: %s %s", code, stdout, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %v", err)
	}
	// to standard output, as XLSX (a zip)
	stdout, _, code = cli(t, "", "report", "consent", "--seller", "demo", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "xlsx", "--out", "-")
	if code != 0 || !strings.HasPrefix(stdout, "PK") {
		t.Errorf("exit %d, output %q", code, clip(stdout, 8))
	}
	for _, args := range [][]string{
		{"report"},
		{"report", "summary", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "pdf"},
		{"report", "audit", "--from", "2026-11-01", "--format", "pdf"},
		{"report", "audit", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "docx"},
		{"report", "audit", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "pdf", "--lang", "de"},
	} {
		if _, stderr, code := cli(t, "", args...); code != 2 || !strings.Contains(stderr, "usage: agentiq report") {
			t.Errorf("%v: exit %d, %s", args, code, stderr)
		}
	}
	for args, want := range map[string]string{
		"report audit --seller nobody --from 2026-11-01 --to 2026-11-30 --format pdf": `unknown seller "nobody"`,
		"report audit --from 2026-11-31 --to 2026-11-30 --format pdf":                 `from "2026-11-31"`,
		"report audit --from 2026-11-30 --to 2026-11-01 --format pdf":                 "ends (2026-11-01) before it starts",
	} {
		if _, stderr, code := cli(t, "", strings.Fields(args)...); code != 1 || !strings.Contains(stderr, want) {
			t.Errorf("%s: exit %d, %s", args, code, stderr)
		}
	}
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// A report checks the whole chain — the period's records as it reads
// them, the rest by the verifier — and shows a change anywhere on its
// first page: inside the period, before it, and a rewrite the checkpoint
// catches.
func TestReportShowsTampering(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed: make report-tools")
	}
	deny := func(r *agentiq.AuditRecord) { r.Data = json.RawMessage(`{"decision":"deny"}`) }
	for _, tc := range []struct {
		name   string
		tamper func(path string) error
		want   string
	}{
		{"intact", func(string) error { return nil }, "Цепочка цела"},
		{"a record of the period altered", func(p string) error { return bolttest.Alter(p, "demo", 30, deny) }, "ЗАПИСИ ПЕРИОДА: запись №30 изменена"},
		{"a record before the period altered", func(p string) error { return bolttest.Alter(p, "demo", 3, deny) }, "ЦЕПОЧКА НАРУШЕНА: первая повреждённая запись №3"},
		{"rewritten from the period on, hashes recomputed", func(p string) error { return bolttest.Rewrite(p, "demo", 30, deny) }, "ЦЕПОЧКА НАРУШЕНА"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := reportStore(t, 48)
			path := filepath.Join(dir, "agentiq.db")
			if _, _, code := cli(t, "", "audit", "checkpoint", "--seller", "demo"); code != 0 {
				t.Fatal("checkpoint failed")
			}
			if err := tc.tamper(path); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "r.pdf")
			// the period: from November 10th, so that records 1–… lie before it
			if _, errOut, code := cli(t, "", "report", "audit", "--from", "2026-11-10", "--to", "2026-11-30", "--out", out); code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			text, err := exec.Command("pdftotext", "-l", "1", out, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(text), tc.want) {
				t.Errorf("page 1 lacks %q:\n%s", tc.want, text)
			}
		})
	}
}
