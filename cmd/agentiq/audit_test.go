package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/bolt/bolttest"
)

// auditChain gives seller s1 of a fresh local store n audit records,
// checkpointed with the CLI after every 10; it returns the store's path.
func auditChain(t *testing.T, n int) string {
	t.Helper()
	path := localStore(t)
	t0 := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	for i := 1; i <= n; i++ {
		_, st, closeStore, err := openConfiguredStore(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		data, _ := json.Marshal(map[string]any{"decision": "allow", "n": i})
		_, err = st.Append(context.Background(), "s1", agentiq.AuditEntry{At: t0.Add(time.Duration(i) * time.Minute), Kind: agentiq.AuditDecision, Ref: fmt.Sprint("d-", i), Data: data})
		closeStore()
		if err != nil {
			t.Fatal(err)
		}
		if i%10 == 0 {
			if out, errOut, code := cli(t, "", "audit", "checkpoint", "--seller", "s1"); code != 0 || !strings.Contains(out, fmt.Sprintf("checkpoint at record %d", i)) {
				t.Fatalf("checkpoint: %d %q %q", code, out, errOut)
			}
		}
	}
	return path
}

func TestAuditVerifyCLI(t *testing.T) {
	deny := func(r *agentiq.AuditRecord) { r.Data = json.RawMessage(`{"decision":"deny"}`) }
	tests := []struct {
		name   string
		tamper func(path string) error
		code   int
		stdout string
		stderr string
	}{
		{"intact", func(string) error { return nil }, 0, "intact: head 25", ""},
		{"a record's content changed", func(p string) error { return bolttest.Alter(p, "s1", 7, deny) }, 1,
			"BROKEN at sequence number 7 (altered)", "first bad sequence number 7 (altered)"},
		{"a record deleted", func(p string) error { return bolttest.Delete(p, "s1", 13) }, 1,
			"BROKEN at sequence number 13 (missing)", "first bad sequence number 13 (missing)"},
		{"two records swapped", func(p string) error { return bolttest.Swap(p, "s1", 4, 5) }, 1,
			"BROKEN at sequence number 4 (reordered)", "first bad sequence number 4 (reordered)"},
		{"rewritten from record 15 with recomputed hashes", func(p string) error { return bolttest.Rewrite(p, "s1", 15, deny) }, 1,
			"checkpoint: record 20", "first bad sequence number 11 (checkpoint)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := auditChain(t, 25)
			if err := tt.tamper(path); err != nil {
				t.Fatal(err)
			}
			out, errOut, code := cli(t, "", "audit", "verify", "--seller", "s1")
			if code != tt.code || !strings.Contains(out, tt.stdout) || !strings.Contains(errOut, tt.stderr) {
				t.Errorf("exit %d\nstdout %s\nstderr %s\nwant %d, %q, %q", code, out, errOut, tt.code, tt.stdout, tt.stderr)
			}
			if !strings.Contains(out, "25 checked") && tt.code == 0 {
				t.Errorf("records checked not printed: %s", out)
			}
		})
	}
}

func TestAuditVerifyUsage(t *testing.T) {
	localStore(t)
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"audit"}, 2, "usage: agentiq audit verify"},
		{[]string{"audit", "verify"}, 2, "usage"},
		{[]string{"audit", "verify", "--seller", "s1", "--from", "0"}, 2, "usage"},
		{[]string{"audit", "verify", "--seller", "nobody"}, 1, "unknown seller"},
	}
	for _, tt := range tests {
		_, errOut, code := cli(t, "", tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, %q", tt.args, code, errOut)
		}
	}
	out, _, code := cli(t, "", "audit", "verify", "--seller", "s1", "--json")
	var res map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &res) != nil || res["ok"] != true {
		t.Errorf("an empty chain as JSON: %d %q", code, out)
	}
}
