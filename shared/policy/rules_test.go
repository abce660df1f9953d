package policy

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/agentiq/agentiq/shared/intent"
	"github.com/agentiq/agentiq/shared/lint"
)

func lexicons(t *testing.T) (*intent.Classifier, *lint.Linter) {
	t.Helper()
	c, err := intent.Default()
	if err != nil {
		t.Fatal(err)
	}
	l, err := lint.Default()
	if err != nil {
		t.Fatal(err)
	}
	return c, l
}

func TestRulesErrors(t *testing.T) {
	c, l := lexicons(t)
	good := string(DefaultRules())
	tests := []struct {
		name, from, to, want string
	}{
		{"not YAML", "version:", "version: [", "rules:"},
		{"unknown key", "settings:", "setings:", "field setings not found"},
		{"no version", `version: "2026.11.1"`, `version: ""`, "version is required"},
		{"unknown fact", "when: [flag.review_incentive]", "when: [flag.reviewincentive]", `unknown fact "flag.reviewincentive"`},
		{"bad decision", "decision: deny", "decision: block", "deny or review"},
		{"allow is not a rule decision", "decision: deny", "decision: allow", "deny or review"},
		{"duplicate id", "id: wb.external_link", "id: wb.review_incentive", "duplicate id"},
		{"unknown channel", "channels: [wb_chat]", "channels: [icq]", "unknown channel or group"},
		{"bad reason code", "reason: review_incentive", "reason: Review Incentive", "snake_case"},
		{"bad duration", "chat_inactive_after: 72h", "chat_inactive_after: three days", "chat_inactive_after"},
		{"bad clock", `start: "21:00"`, `start: "9pm"`, "quiet_hours.start"},
		{"bad zone", "default_timezone: Europe/Moscow", "default_timezone: Moscow", "default_timezone"},
		{"bad date", `from: "2025-06-01"`, `from: "01.06.2025"`, "foreign_messenger_ban.from"},
		{"zero cap", "- {days: 7, max: 3}", "- {days: 7, max: 0}", "max ≥ 1"},
		{"unknown request intent", "request_intents: [promo_request, analog_request]", "request_intents: [promo]", "unknown intent"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := strings.Replace(good, tt.from, tt.to, 1)
			if data == good {
				t.Fatalf("test setup: %q not found", tt.from)
			}
			_, err := New([]byte(data), c, l)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestRulesVersion(t *testing.T) {
	c, l := lexicons(t)
	good := string(DefaultRules())
	base, err := New([]byte(good), c, l)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(base.Version(), "2026.11.1+") || len(base.Version()) != len("2026.11.1+")+12 {
		t.Errorf("version %q: want the declared version, '+' and 12 hex digits", base.Version())
	}
	// Comments and layout do not change what decides: same version.
	reformatted := "# a comment\n" + strings.ReplaceAll(good, "  # wb_chat", "# wb_chat")
	same, err := New([]byte(reformatted), c, l)
	if err != nil {
		t.Fatal(err)
	}
	if same.Version() != base.Version() {
		t.Errorf("reformatted rules got version %q, want %q", same.Version(), base.Version())
	}
	// A changed threshold under the same declared version: a new version.
	changed, err := New([]byte(strings.Replace(good, "unanswered_limit: 3", "unanswered_limit: 2", 1)), c, l)
	if err != nil {
		t.Fatal(err)
	}
	if changed.Version() == base.Version() {
		t.Errorf("a different threshold kept version %q", base.Version())
	}
	if !strings.HasPrefix(changed.Version(), "2026.11.1+") {
		t.Errorf("version %q lost the declared version", changed.Version())
	}
}

func TestLoadOverride(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rules.yaml")
	data := strings.Replace(string(DefaultRules()), "unanswered_limit: 3", "unanswered_limit: 1", 1)
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	e, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	r := wbRequest(func(r *Request) { r.Chat.SellerMessagesSinceBuyer = 1 })
	d, err := e.Decide(r)
	if err != nil {
		t.Fatal(err)
	}
	if d.Decision != "deny" || d.Reasons[0] != "unanswered_limit" {
		t.Errorf("with unanswered_limit 1: got %s %v", d.Decision, d.Reasons)
	}
	def, _ := Default()
	if d.RulesVersion == def.Version() {
		t.Error("the override has the default's version")
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing.yaml")); err == nil {
		t.Error("a missing rules file loaded")
	}
}
