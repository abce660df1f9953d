package config

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/agentiq/agentiq/shared/wb"
)

func getenv(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestFromEnv(t *testing.T) {
	s, err := FromEnv(getenv(nil))
	if err != nil || s.Store != StoreBolt || s.BoltPath != filepath.Join("out", "agentiq.db") || s.WBRate != wb.ChatLimit ||
		s.TextTTL != 30*24*time.Hour || s.LocalSeller != "demo" || s.PollConcurrency != 4 {
		t.Errorf("defaults: %+v, %v", s, err)
	}
	s, err = FromEnv(getenv(map[string]string{"AGENTIQ_STORE": "dynamodb", "AGENTIQ_TABLE": "t",
		"AGENTIQ_PSEUDONYM_KEY": "00112233445566778899aabbccddeeff", "WB_API_RATE": "50/1s", "AGENTIQ_POLL_MARGIN": "2s"}))
	if err != nil || s.Store != StoreDynamo || len(s.PseudonymKey) != 16 || s.WBRate.Requests != 50 || s.PollMargin != 2*time.Second {
		t.Errorf("dynamodb: %+v, %v", s, err)
	}
	// Every bad variable is named in one error.
	_, err = FromEnv(getenv(map[string]string{"AGENTIQ_STORE": "dynamodb", "AGENTIQ_PSEUDONYM_KEY": "short",
		"WB_API_RATE": "fast", "AGENTIQ_POLL_CONCURRENCY": "0", "AGENTIQ_TEXT_TTL": "-1h", "AGENTIQ_LOG_LEVEL": "loud"}))
	for _, name := range []string{"AGENTIQ_TABLE", "AGENTIQ_PSEUDONYM_KEY", "WB_API_RATE", "AGENTIQ_POLL_CONCURRENCY", "AGENTIQ_TEXT_TTL", "AGENTIQ_LOG_LEVEL"} {
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("the error does not name %s: %v", name, err)
		}
	}
	// The bucket's retention in days reaches the jobs; a value that is not
	// whole days is refused at start, not read as "keep forever".
	for _, tt := range []struct {
		in   string
		want time.Duration
		bad  bool
	}{
		{"", 0, false},
		{"400", 400 * 24 * time.Hour, false},
		{"0", 0, true},
		{"-3", 0, true},
		{"1.5", 0, true},
		{"40O", 0, true},
	} {
		s, err := FromEnv(getenv(map[string]string{"AGENTIQ_REPORT_RETENTION_DAYS": tt.in}))
		if (err != nil) != tt.bad || !tt.bad && s.ReportRetention != tt.want {
			t.Errorf("AGENTIQ_REPORT_RETENTION_DAYS=%q: %s, %v", tt.in, s.ReportRetention, err)
		}
	}
	if _, err := FromEnv(getenv(map[string]string{"AGENTIQ_STORE": "postgres"})); err == nil {
		t.Error("an unknown store was accepted")
	}
}

// The embedded store makes its pseudonym key once and keeps it, so that
// pseudonyms stay the same from run to run; and a fresh store gets the
// local seller.
func TestLocalStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "data", "agentiq.db")
	s, err := FromEnv(getenv(map[string]string{"AGENTIQ_BOLT_PATH": db}))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	st, closeFn, err := s.OpenStore(ctx)
	if err != nil {
		t.Fatal(err)
	}
	made, err := s.EnsureLocalSeller(ctx, st, time.Now())
	if err != nil || !made {
		t.Fatalf("local seller: %v, %v", made, err)
	}
	if again, _ := s.EnsureLocalSeller(ctx, st, time.Now()); again {
		t.Error("the local seller was created twice")
	}
	sel, err := st.Seller(ctx, "demo")
	if err != nil || sel.TokenRef != "env:WB_API_TOKEN" || !sel.Active {
		t.Errorf("local seller %+v, %v", sel, err)
	}
	closeFn()
	info, err := os.Stat(db + ".key")
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("key file: %v, %v", info, err)
	}
	key, _ := os.ReadFile(db + ".key")
	if _, closeFn, err = s.OpenStore(ctx); err != nil {
		t.Fatal(err)
	}
	closeFn()
	if again, _ := os.ReadFile(db + ".key"); string(again) != string(key) {
		t.Error("the key changed between runs")
	}
}
