package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
)

// localStore points the CLI at a fresh embedded store with seller s1.
func localStore(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "agentiq.db")
	t.Setenv("AGENTIQ_BOLT_PATH", path)
	t.Setenv("AGENTIQ_STORE", "")
	t.Setenv("AGENTIQ_PSEUDONYM_KEY", "")
	_, st, closeStore, err := openConfiguredStore(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer closeStore()
	if err := st.PutSeller(context.Background(), agentiq.Seller{ID: "s1", Name: "Магазин", Active: true, CreatedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestConsentImportCLI(t *testing.T) {
	path := localStore(t)
	file := filepath.Join(t.TempDir(), "register.jsonl")
	data := `{"record_id":"r-1","subject":"+7 916 555-44-33","action":"given","purpose":"advertising","channel":"sms","at":"2026-01-10T10:00:00+03:00","method":"web_form","evidence_ref":"form-42"}
{"record_id":"r-2","subject":"+7 916 555-44-33","action":"given","purpose":"marketing","channel":"sms","at":"2026-01-10T10:00:00+03:00","method":"web_form","evidence_ref":"form-43"}
{"record_id":"r-3","subject":"anna@example.com","action":"given","purpose":"pd_marketing","channel":"*","at":"2026-01-10T10:00:00+03:00","method":"web_form","evidence_ref":"form-44"}
`
	if err := os.WriteFile(file, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"first import", []string{"consent", "import", "--seller", "s1", file}, 1, "imported 2, already present 0, rejected 1 (of 3 lines)", "line 2 (record r-2): consent purpose \"marketing\""},
		{"the same file again", []string{"consent", "import", file, "--seller", "s1"}, 1, "imported 0, already present 2, rejected 1", "line 2"},
		{"an unknown seller", []string{"consent", "import", "--seller", "s9", file}, 1, "", "seller \"s9\" is not configured"},
		{"no seller", []string{"consent", "import", file}, 2, "", "usage: agentiq consent import"},
		{"no such file", []string{"consent", "import", "--seller", "s1", file + ".missing"}, 1, "", "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := cli(t, "", tt.args...)
			if code != tt.code || !strings.Contains(out, tt.stdout) || !strings.Contains(errOut, tt.stderr) {
				t.Errorf("exit %d, stdout %q, stderr %q; want %d, %q, %q", code, out, errOut, tt.code, tt.stdout, tt.stderr)
			}
			if strings.Contains(out+errOut, "555-44-33") || strings.Contains(out+errOut, "anna@") {
				t.Error("a raw subject id was printed")
			}
		})
	}
	out, _, code := cli(t, `{"record_id":"r-9","subject":"anna@example.com","action":"withdrawn","purpose":"pd_marketing","channel":"*","at":"2026-02-10T10:00:00+03:00","method":"unsubscribe_link"}`+"\n",
		"consent", "import", "--seller", "s1", "-")
	if code != 0 || !strings.Contains(out, "imported 1,") {
		t.Errorf("from standard input: exit %d, %q", code, out)
	}
	if raw, err := os.ReadFile(path); err != nil || strings.Contains(string(raw), "anna@example.com") || strings.Contains(string(raw), "9165554433") {
		t.Errorf("the store holds a raw subject id (or cannot be read: %v)", err)
	}
}

// TestDecideConsentRecords: record ids of consents are accepted and named
// by --explain, and the contract's output is unchanged without it.
func TestDecideConsentRecords(t *testing.T) {
	req := `{"id":"e-1","now":"2026-03-02T12:00:00+03:00","channel":"sms","message":{"text":"Распродажа пледов: −20%. Отписаться: ответьте STOP.","message_type":"marketing","scenario":"promo"},` +
		`"subject":{"consents":[{"record_id":"ad-7","purpose":"advertising","channel":"sms","granted_at":"2026-01-10T10:00:00+03:00","evidence_ref":"f-1"},` +
		`{"record_id":"pd-7","purpose":"pd_marketing","channel":"*","granted_at":"2026-01-10T10:00:00+03:00","evidence_ref":"f-2"}]}}`
	out, _, code := cli(t, req+"\n", "decide")
	if code != 0 || strings.Contains(out, "record") || !strings.Contains(out, `"decision":"allow"`) {
		t.Errorf("decide: %s", out)
	}
	out, _, _ = cli(t, req+"\n", "decide", "--explain")
	if !strings.Contains(out, `"consent_record_ids":["ad-7","pd-7"]`) {
		t.Errorf("decide --explain: %s", out)
	}
}
