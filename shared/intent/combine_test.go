package intent

import (
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	agentiq "github.com/agentiq/agentiq/shared"
)

// constModel is a weights file without features: the model gives every
// text the same probability per intent, so that each combination rule can
// be tested on its own.
func constModel(p map[agentiq.Intent]float64) []byte {
	var b strings.Builder
	b.WriteString("meta features 1\nclasses")
	var order []agentiq.Intent
	for _, i := range agentiq.Intents {
		if i != agentiq.IntentOther {
			order = append(order, i)
			b.WriteString(" " + string(i))
		}
	}
	b.WriteString("\nbias")
	for _, i := range order {
		q := p[i]
		if q == 0 {
			q = 0.01
		}
		fmt.Fprintf(&b, " %.6f", math.Log(q/(1-q)))
	}
	b.WriteString("\n")
	return []byte(b.String())
}

func withModel(t *testing.T, p map[agentiq.Intent]float64) *Classifier {
	t.Helper()
	data, err := os.ReadFile("intents.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewWithModel(data, constModel(p))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestSafetyAsymmetry: the window needs the lexicon and a model that does
// not contradict it; an opt-out needs either.
func TestSafetyAsymmetry(t *testing.T) {
	const promo = "Есть промокод на следующий заказ?"
	const stop = "Не пишите мне больше"
	const plain = "Ну ладно"
	tests := []struct {
		name       string
		probs      map[agentiq.Intent]float64
		text       string
		window     bool
		optOut     bool
		uncertain  bool
		wantIntent agentiq.Intent
	}{
		{"lexicon and model agree: window", map[agentiq.Intent]float64{agentiq.IntentPromoRequest: 0.9}, promo, true, false, false, agentiq.IntentPromoRequest},
		{"the model contradicts the lexicon: no window", map[agentiq.Intent]float64{agentiq.IntentPromoRequest: 0.05}, promo, false, false, true, agentiq.IntentOther},
		// a discount's word the model doubts is as often a mention as a
		// request: the promo bar is higher than the analogue's
		{"a discount the model doubts: no window", map[agentiq.Intent]float64{agentiq.IntentPromoRequest: 0.2}, promo, false, false, true, agentiq.IntentOther},
		{"haggling the model doubts as much: window, but uncertain", map[agentiq.Intent]float64{agentiq.IntentPromoRequest: 0.2}, "Уступите пару сотен, и беру", true, false, true, agentiq.IntentPromoRequest},
		{"an analogue the model doubts as much: window, but uncertain", map[agentiq.Intent]float64{agentiq.IntentAnalogRequest: 0.2}, "Есть такой же, только синий?", true, false, true, agentiq.IntentAnalogRequest},
		{"the model alone, unsure: no window", map[agentiq.Intent]float64{agentiq.IntentPromoRequest: 0.7}, plain, false, false, true, agentiq.IntentOther},
		{"the model alone, very sure: window, but uncertain", map[agentiq.Intent]float64{agentiq.IntentPromoRequest: 0.9}, plain, true, false, true, agentiq.IntentPromoRequest},
		{"opt-out by the lexicon though the model doubts", map[agentiq.Intent]float64{agentiq.IntentOptOut: 0.01}, stop, false, true, true, agentiq.IntentOptOut},
		{"opt-out by the model alone at a low probability", map[agentiq.Intent]float64{agentiq.IntentOptOut: 0.35}, plain, false, true, true, agentiq.IntentOptOut},
		{"opt-out by the model alone at 0.22", map[agentiq.Intent]float64{agentiq.IntentOptOut: 0.22}, plain, false, true, true, agentiq.IntentOptOut},
		{"the model's opt-out below its bar: none", map[agentiq.Intent]float64{agentiq.IntentOptOut: 0.15}, plain, false, false, false, agentiq.IntentOther},
		{"both sure of the opt-out: certain", map[agentiq.Intent]float64{agentiq.IntentOptOut: 0.95}, stop, false, true, false, agentiq.IntentOptOut},
		{"nothing either way: other, certain", nil, plain, false, false, false, agentiq.IntentOther},
		// a guard only raises the bar, which a sure model clears; the
		// buyer's outright no (a model block) stands at any probability
		{"a lexicon guard: the sure model overrules it", map[agentiq.Intent]float64{agentiq.IntentOptOut: 0.95}, "Рассылки у вас полезные, читаю", false, true, true, agentiq.IntentOptOut},
		{"a model block: no opt-out however sure the model", map[agentiq.Intent]float64{agentiq.IntentOptOut: 0.999}, "Хотела отписаться, но передумала", false, false, true, agentiq.IntentOther},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := withModel(t, tt.probs).Classify(tt.text)
			if (r.Window == agentiq.CustomerRequest) != tt.window || r.Has(agentiq.IntentOptOut) != tt.optOut ||
				r.Uncertain != tt.uncertain || r.Intent != tt.wantIntent {
				t.Errorf("%q: got %s %v window %q uncertain %v (confidence %.2f); want %s window %v opt-out %v uncertain %v",
					tt.text, r.Intent, r.Intents, r.Window, r.Uncertain, r.Confidence, tt.wantIntent, tt.window, tt.optOut, tt.uncertain)
			}
			if r.Confidence < 0 || r.Confidence > 1 {
				t.Errorf("confidence %v outside 0..1", r.Confidence)
			}
		})
	}
}

// TestBeside: a service matter the lexicon finds beside another intent
// stands only when the model does not doubt it; alone, it stands.
func TestBeside(t *testing.T) {
	const passing = "Прошлый вернула, не подошёл. А есть такой же, только синий?"
	const alone = "Прошлый вернула, деньги пока не пришли"
	tests := []struct {
		name  string
		probs map[agentiq.Intent]float64
		text  string
		want  []agentiq.Intent
	}{
		{"a return in passing the model doubts: the analogue only", map[agentiq.Intent]float64{agentiq.IntentAnalogRequest: 0.9, agentiq.IntentReturn: 0.05}, passing, []agentiq.Intent{agentiq.IntentAnalogRequest}},
		{"a return the model believes: both", map[agentiq.Intent]float64{agentiq.IntentAnalogRequest: 0.9, agentiq.IntentReturn: 0.5}, passing, []agentiq.Intent{agentiq.IntentAnalogRequest, agentiq.IntentReturn}},
		{"a return alone the model doubts: it stands", map[agentiq.Intent]float64{agentiq.IntentReturn: 0.05}, alone, []agentiq.Intent{agentiq.IntentReturn}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := withModel(t, tt.probs).Classify(tt.text)
			if !slices.Equal(r.Intents, tt.want) {
				t.Errorf("%q: got %v (evidence %v), want %v", tt.text, r.Intents, r.Evidence, tt.want)
			}
		})
	}
	data, _ := os.ReadFile("intents.yaml")
	bad := strings.Replace(string(data), "return: {alone: 0.6, veto: 0.02, beside: 0.15, firm_veto: 0.001}", "return: {alone: 0.6, veto: 0.02, beside: 1.5, firm_veto: 0.001}", 1)
	if bad == string(data) {
		t.Fatal("intents.yaml has no beside veto for return")
	}
	if _, err := NewWithModel([]byte(bad), constModel(nil)); err == nil || !strings.Contains(err.Error(), "beside") {
		t.Errorf("beside 1.5: error %v, want one naming beside", err)
	}
}

// TestSureRequests: promotions subscribed to in so many words stand
// whatever the model says (it reads them as talk of mailings); a discount
// asked otherwise, even firmly, still needs the model's firm veto.
func TestSureRequests(t *testing.T) {
	doubting := withModel(t, map[agentiq.Intent]float64{agentiq.IntentPromoRequest: 0.001})
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Подпишите меня, пожалуйста, на скидки", true},
		{"Хочу, чтобы вы мне промокоды присылали", true},
		{"Дайте скидку, пожалуйста", false},
		{"Присылайте акции и дальше, мне полезно", false},
	} {
		r := doubting.Classify(tc.text)
		if got := slices.Contains(r.Intents, agentiq.IntentPromoRequest); got != tc.want {
			t.Errorf("%q with the model at 0.001: promo_request %v (%v), want %v", tc.text, got, r.Intents, tc.want)
		}
	}
}

func TestModelErrors(t *testing.T) {
	data, _ := os.ReadFile("intents.yaml")
	for _, tc := range []struct{ name, model, want string }{
		{"stale features", "meta features 0\nclasses opt_out\nbias 0\n", "make train"},
		{"unknown class", "meta features 1\nclasses spam\nbias 0\n", "not an intent"},
		{"short row", "meta features 1\nclasses opt_out return\nbias 0 0\nw w стоп\t1\n", "weights"},
		{"no bias", "meta features 1\nclasses opt_out\n", "bias"},
	} {
		if _, err := NewWithModel(data, []byte(tc.model)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one containing %q", tc.name, err, tc.want)
		}
	}
}

// TestDigestCountsTheModel: retrained weights are a new digest, hence a
// new rules_version.
func TestDigestCountsTheModel(t *testing.T) {
	a := withModel(t, map[agentiq.Intent]float64{agentiq.IntentOptOut: 0.2})
	b := withModel(t, map[agentiq.Intent]float64{agentiq.IntentOptOut: 0.3})
	if a.Digest() == b.Digest() {
		t.Error("two models, one digest")
	}
}
