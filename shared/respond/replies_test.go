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
	// Each bad catalogue is otherwise whole: only the named fault is there.
	intents := "intents: {defect: {mode: none}, wrong_item: {mode: none}, return: {mode: none}, delivery: {mode: none}, size: {mode: none}, " +
		"product_info: {mode: none}, analog_request: {mode: none}, promo_request: {mode: none}, opt_out: {mode: none}, gratitude: {mode: none}, other: {mode: auto, template: a}}\n"
	good := "version: x\ntemplates: [{id: a, scenario: service, message_type: service, text: 'Здравствуйте! Артикул {article}.'}]\n" + intents
	if _, err := respond.ParseReplies([]byte(good)); err != nil {
		t.Fatalf("a whole catalogue: %v", err)
	}
	for name, data := range map[string]string{
		"unknown field":       good + "extra: 1\n",
		"intent missing":      strings.Replace(good, "size: {mode: none}, ", "", 1),
		"personal data field": strings.Replace(good, "{article}", "{name}", 1),
		"unknown template":    strings.Replace(good, "template: a}", "template: b}", 1),
		"unknown mode":        strings.Replace(good, "other: {mode: auto", "other: {mode: sometimes", 1),
		"bad scenario":        strings.Replace(good, "scenario: service", "scenario: spam", 1),
		"not yaml":            "{{{",
	} {
		if _, err := respond.ParseReplies([]byte(data)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
