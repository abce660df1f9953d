package intent

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	agentiq "github.com/agentiq/agentiq/shared"
)

type labelled struct {
	primary agentiq.Intent
	all     []agentiq.Intent
	text    string
	where   string
}

func readCases(t *testing.T, path string) []labelled {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.SplitN(line, "\t", 3)
		if len(parts) != 3 {
			t.Fatalf("%s:%d: want 3 tab-separated fields", path, n)
		}
		c := labelled{primary: agentiq.Intent(parts[0]), text: parts[2], where: fmt.Sprintf("%s:%d", filepath.Base(path), n)}
		for _, i := range strings.Split(parts[1], ",") {
			c.all = append(c.all, agentiq.Intent(i))
		}
		slices.Sort(c.all)
		if !slices.Contains(c.all, c.primary) {
			t.Fatalf("%s: primary %q is not among %v", c.where, c.primary, c.all)
		}
		out = append(out, c)
	}
	return out
}

// TestLabelledCases runs every labelled message in testdata: the primary
// intent and the set of intents must be exactly as labelled.
func TestLabelledCases(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/*.tsv")
	if len(files) == 0 {
		t.Fatal("no testdata/*.tsv")
	}
	n, exact := 0, 0
	for _, file := range files {
		for _, x := range readCases(t, file) {
			// the lexicon alone must read every labelled message exactly
			t.Run(x.where, func(t *testing.T) {
				r := c.Lexicon(x.text)
				if r.Intent != x.primary || !slices.Equal(r.Intents, x.all) {
					t.Errorf("%q: lexicon got %s %v, want %s %v (evidence %v)", x.text, r.Intent, r.Intents, x.primary, x.all, r.Evidence)
				}
			})
			// the combined opinion may differ from a label in a few
			n++
			if r := c.Classify(x.text); r.Intent == x.primary && slices.Equal(r.Intents, x.all) {
				exact++
			}
		}
	}
	if got := float64(exact) / float64(n); got < 0.98 {
		t.Errorf("lexicon and model together read %d of %d labelled messages exactly (%.3f), want ≥ 0.98", exact, n, got)
	}
}

func TestResultShape(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text     string
		intent   agentiq.Intent
		scenario agentiq.Scenario
		priority agentiq.Priority
		window   agentiq.Window
	}{
		{"Есть промокод?", agentiq.IntentPromoRequest, agentiq.ScenarioPromo, agentiq.P3, agentiq.CustomerRequest},
		{"Посоветуйте аналог", agentiq.IntentAnalogRequest, agentiq.ScenarioLoyalty, agentiq.P3, agentiq.CustomerRequest},
		{"Пришёл брак", agentiq.IntentDefect, agentiq.ScenarioRecovery, agentiq.P0, agentiq.NoWindow},
		{"Брак. Скидку дадите?", agentiq.IntentDefect, agentiq.ScenarioRecovery, agentiq.P0, agentiq.CustomerRequest},
		{"Когда придёт заказ?", agentiq.IntentDelivery, agentiq.ScenarioService, agentiq.P0, agentiq.NoWindow},
		// a broken deadline is a negative event: recovery, not plain service
		{"Доставку опять перенесли, сколько можно?", agentiq.IntentDelivery, agentiq.ScenarioRecovery, agentiq.P0, agentiq.NoWindow},
		{"Какой размер брать?", agentiq.IntentSize, agentiq.ScenarioEducation, agentiq.P1, agentiq.NoWindow},
		{"Спасибо!", agentiq.IntentGratitude, agentiq.ScenarioTrustCX, agentiq.P1, agentiq.NoWindow},
		{"", agentiq.IntentOther, agentiq.ScenarioService, agentiq.P0, agentiq.NoWindow},
		{"\xff\xfe", agentiq.IntentOther, agentiq.ScenarioService, agentiq.P0, agentiq.NoWindow},
	}
	for _, tt := range tests {
		r := c.Classify(tt.text)
		if r.Intent != tt.intent || r.Scenario != tt.scenario || r.Priority != tt.priority || r.Window != tt.window {
			t.Errorf("%q: got %s/%s/%s/%q, want %s/%s/%s/%q", tt.text, r.Intent, r.Scenario, r.Priority, r.Window,
				tt.intent, tt.scenario, tt.priority, tt.window)
		}
	}
}

// alsoPromo is intents.yaml's line of promo_request's also labels, which
// the error cases below rewrite.
const alsoPromo = "promo_request: [promo_reissue, promo_terms, promo_terms_asked, promo_price_drop, promo_compensation, promo_volume, promo_imperative]"

func TestLexiconErrors(t *testing.T) {
	good, err := os.ReadFile("intents.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// opt_out's line of model_blocks, read from the file so that a block
	// added there needs no copy here
	var blocksOptOut string
	if m := regexp.MustCompile(`(?m)^  (opt_out: \[opt_out_cancelled[^\]\n]*\])`).FindStringSubmatch(string(good)); m != nil {
		blocksOptOut = m[1]
	}
	if blocksOptOut == "" {
		t.Fatal("test setup: no model_blocks line for opt_out in intents.yaml")
	}
	tests := []struct {
		name, from, to, want string
	}{
		{"unknown key", "version: 1", "version: 1\nfoo: bar", "field foo not found"},
		{"order misses an intent", "order: [defect,", "order: [", "order must list"},
		{"bad pattern", `    - "брак"`, `    - "(брак"`, "missing"},
		{"unknown scenario", "defect: recovery", "defect: rescue", "no valid scenario"},
		{"a block that is another intent's guard", "size: [size_praised]", "size: [size_praised, not_wrong_model]", "is both model_guards.wrong_item and model_blocks.size"},
		{"a block on no intent", blocksOptOut, "nothing: opt_out_cancelled", "model_blocks"},
		{"a block's empty label", blocksOptOut, "opt_out: [opt_out_cancelled, \"\"]", "model_blocks"},
		{"a firm request on no intent", "promo_request: promo_firm", "nothing: promo_firm", "firm_requests"},
		{"a firm request that is also a block", "promo_request: promo_firm", "promo_request: opt_out_misread", "is both"},
		{"an also label on no intent", alsoPromo, "nothing: [promo_reissue]", "also"},
		{"an also label that is also firm", alsoPromo, "promo_request: [promo_firm]", "is both"},
		{"an intent's own label as also", alsoPromo, "promo_request: [promo_reissue, analog_request]", "own label"},
		{"an also label without a firm bar", alsoPromo, "promo_request: [promo_reissue, promo_terms]\n  size: [promo_terms_asked]", "firm_veto"},
		{"a firm request without its bar", "guarded_alone: 0.9, firm_veto: 0.05}", "guarded_alone: 0.9}", "firm_veto"},
		{"a firm request's bar above the veto", "guarded_alone: 0.9, firm_veto: 0.05}", "guarded_alone: 0.9, firm_veto: 0.5}", "firm_veto"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := strings.Replace(string(good), tt.from, tt.to, 1)
			if data == string(good) {
				t.Fatalf("test setup: %q not found", tt.from)
			}
			_, err := New([]byte(data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}
