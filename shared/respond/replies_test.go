package respond_test

import (
	"slices"
	"strings"
	"testing"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/lint"
	"github.com/agentiq/agentiq/shared/respond"
)

// Every template of the default catalogue is linted: none may raise a
// flag that denies it (or, for marketing, holds it), and every
// placeholder is filled with non-personal data only.
func TestDefaultTemplatesLint(t *testing.T) {
	r, err := respond.DefaultReplies()
	if err != nil {
		t.Fatal(err)
	}
	l, err := lint.Default()
	if err != nil {
		t.Fatal(err)
	}
	deny := []agentiq.Flag{agentiq.FlagReviewIncentive, agentiq.FlagExternalLink, agentiq.FlagOffPlatform, agentiq.FlagThirdParty,
		agentiq.FlagPDRequest, agentiq.FlagPressure, agentiq.FlagPaymentDetails}
	for _, tpl := range r.Templates {
		text := tpl.Fill(map[string]string{"article": "146273510"})
		if strings.ContainsAny(text, "{}") {
			t.Errorf("%s: unfilled placeholder in %q", tpl.ID, text)
		}
		flags := l.Lint(text).Flags
		for _, f := range flags {
			if slices.Contains(deny, f) {
				t.Errorf("template %s raises %s: %q", tpl.ID, f, text)
			}
		}
		if tpl.MessageType == agentiq.Service && slices.Contains(flags, agentiq.FlagPromoLexicon) {
			t.Errorf("service template %s has promo words: it would be held for a human", tpl.ID)
		}
		if n := len([]rune(text)); n > 1000 {
			t.Errorf("template %s is %d characters: WB takes 1000", tpl.ID, n)
		}
	}
	// Every intent is configured, and marketing and "other" go to a human.
	for _, in := range agentiq.Intents {
		ir := r.Intents[in]
		tpl, _ := r.Template(ir.Template)
		if (tpl.MessageType == agentiq.Marketing || in == agentiq.IntentOther) && ir.Mode == agentiq.ReplyAuto {
			t.Errorf("%s is answered automatically by default", in)
		}
	}
}

func TestParseReplies(t *testing.T) {
	for name, data := range map[string]string{
		"unknown field":       "version: x\ntemplates: []\nintents: {}\nextra: 1\n",
		"intent missing":      "version: x\ntemplates: []\nintents: {}\n",
		"personal data field": "version: x\ntemplates: [{id: a, scenario: service, message_type: service, text: 'Здравствуйте, {name}!'}]\nintents: {}\n",
		"not yaml":            "{{{",
	} {
		if _, err := respond.ParseReplies([]byte(data)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
