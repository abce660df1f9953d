package intent

import (
	"fmt"
	"slices"
	"strconv"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/intent/linear"
	"github.com/agentiq/agentiq/shared/rutext"
)

// modelConfig is the model section of intents.yaml: how the model's
// opinion joins the lexicon's, per intent.
type modelConfig struct {
	// UncertainBelow: a result whose confidence is below it is uncertain.
	UncertainBelow float64 `yaml:"uncertain_below"`
	// Fallback: when no intent holds under the rules above, the model's
	// likeliest service intent (not one opening the marketing window, not
	// opt_out), even one a lexicon guard vetoed, stands from this
	// probability: "other" is a claim too, and a weak reading of what the
	// buyer wrote serves a person better than none. The result is then
	// uncertain (0: never).
	Fallback float64                    `yaml:"fallback"`
	Default  Combine                    `yaml:"default"`
	Intents  map[agentiq.Intent]Combine `yaml:"intents"`
}

// Combine is how the model's probability p of one intent joins the
// lexicon's verdict on it: the intent holds when the lexicon finds it and
// p ≥ Veto, or when p ≥ Alone (Alone 0: never on the model's word alone).
//
// Recall-first intents (opt_out) have Veto 0 and a low Alone: either
// opinion suffices. Precision-first intents (those opening the
// customer_request window) have a Veto the model must clear and no or a
// high Alone: the lexicon's hit stands only when the model does not
// contradict it.
//
// A firm request (firm_requests and also in intents.yaml: haggling, a
// price for a volume, promotions asked to be sent, a code asked outright or
// anew) is the intent asked in so many words, which a mention seldom is:
// its lexicon hit needs only FirmVeto. A sure request (sure_requests) is
// one the model is known to misread, and needs no veto at all.
//
// A guard of the lexicon (its unless terms: "скидка не нужна", "возврат уже
// оформила", or a model guard label) is a deliberate no: the model alone
// does not overrule it, unless its probability reaches GuardedAlone
// (opt_out, recall first: a guard only raises the bar).
//
// Beside is the veto when another intent holds too: a service matter
// named in passing ("прошлый вернула, а есть такой же, только синий?") is
// often not what the buyer wants now, and the lexicon's hit on it then
// stands only with the model's agreement. The last intent holding is
// never dropped.
type Combine struct {
	Alone        float64 `yaml:"alone"`
	Veto         float64 `yaml:"veto"`
	GuardedAlone float64 `yaml:"guarded_alone"`
	FirmVeto     float64 `yaml:"firm_veto"`
	Beside       float64 `yaml:"beside"`
}

func (m *modelConfig) validate() error {
	if m.UncertainBelow < 0 || m.UncertainBelow > 1 {
		return fmt.Errorf("model.uncertain_below must be within 0..1")
	}
	if m.Fallback < 0 || m.Fallback > 1 {
		return fmt.Errorf("model.fallback must be within 0..1")
	}
	for i, cb := range m.Intents {
		if !validIntent(i) || i == agentiq.IntentOther {
			return fmt.Errorf("model.intents: unknown intent %q", i)
		}
		if cb.Alone < 0 || cb.Alone > 1 || cb.Veto < 0 || cb.Veto > 1 || cb.GuardedAlone < 0 || cb.GuardedAlone > 1 || cb.FirmVeto < 0 || cb.FirmVeto > 1 || cb.Beside < 0 || cb.Beside > 1 {
			return fmt.Errorf("model.intents.%s: alone, veto, guarded_alone, firm_veto and beside must be within 0..1", i)
		}
	}
	return nil
}

func validIntent(i agentiq.Intent) bool {
	for _, x := range agentiq.Intents {
		if x == i {
			return true
		}
	}
	return false
}

// useModel attaches a parsed model and its per-intent combination rules.
func (c *Classifier) useModel(m *linear.Model) error {
	c.model = m
	for _, cl := range m.Classes {
		i := agentiq.Intent(cl)
		if !validIntent(i) {
			return fmt.Errorf("class %q is not an intent", cl)
		}
		cb, ok := c.cfg.Model.Intents[i]
		if !ok {
			cb = c.cfg.Model.Default
		}
		c.classes = append(c.classes, i)
		c.classBit = append(c.classBit, c.bit(i))
		c.combine = append(c.combine, cb)
	}
	for _, i := range c.cfg.Order {
		if k := slices.Index(c.classes, i); k >= 0 && c.combine[k].Beside > 0 {
			c.beside = append(c.beside, k)
		}
	}
	return nil
}

// combineWith joins the lexicon's intents (found) with the model's
// probabilities, and says how sure the result is.
func (c *Classifier) combineWith(d *rutext.Doc, found map[agentiq.Intent]string, sig signals) Result {
	rulesPrimary := c.primaryOf(func(i agentiq.Intent) bool { _, ok := found[i]; return ok })
	var pbuf [16]float64
	probs := c.model.Predict(d, pbuf[:0])
	final := make(map[agentiq.Intent]string, len(found)+1)
	pm := make(map[agentiq.Intent]float64, len(probs))
	for k, i := range c.classes {
		p := probs[k]
		pm[i] = p
		ev, rule := found[i]
		cb := c.combine[k]
		veto := cb.Veto
		b := c.classBit[k]
		if sig.firm&b != 0 {
			veto = cb.FirmVeto
		}
		if sig.sure&b != 0 {
			veto = 0 // asked in words the model misreads (sure_requests)
		}
		switch {
		case rule && p >= veto:
			final[i] = ev
		case cb.Alone > 0 && p >= cb.Alone && !(c.isWin[i] && sig.mention) && sig.blocked&b == 0 && (sig.vetoed&b == 0 || cb.GuardedAlone > 0 && p >= cb.GuardedAlone):
			final[i] = "model p=" + strconv.FormatFloat(p, 'f', 2, 64)
		}
	}
	// A lexicon hit beside another intent needs the model's agreement
	// (Beside), in the configured order, so that one always remains; one
	// in so many words (a firm request) is not in passing.
	for _, k := range c.beside {
		if len(final) < 2 {
			break
		}
		i := c.classes[k]
		if ev, rule := found[i]; rule && final[i] == ev && probs[k] < c.combine[k].Beside && sig.firm&c.classBit[k] == 0 {
			delete(final, i)
		}
	}
	if len(final) > 1 {
		for i := range final {
			if c.isExcl[i] {
				delete(final, i)
			}
		}
	}
	fallback := false
	if len(final) == 0 && c.cfg.Model.Fallback > 0 {
		best, bestP := -1, c.cfg.Model.Fallback
		for k, i := range c.classes {
			// The fallback looks past the lexicon's guards: with nothing else
			// holding, a guard's no is weaker than the model's yes (left out
			// of each blind batch in turn, respecting the guards here cost
			// 0.4 points of primary accuracy). An intent the model may never
			// add alone (alone 0) stays out.
			if !c.isWin[i] && i != agentiq.IntentOptOut && c.combine[k].Alone > 0 && sig.blocked&c.classBit[k] == 0 && probs[k] >= bestP {
				best, bestP = k, probs[k]
			}
		}
		if best >= 0 {
			final[c.classes[best]] = "model fallback p=" + strconv.FormatFloat(bestP, 'f', 2, 64)
			fallback = true
		}
	}
	r := c.result(final, sig.grievance)
	r.Mentioned = sig.mention
	r.Rules = rulesPrimary
	r.Probs = pm
	r.Model = c.primaryOf(func(i agentiq.Intent) bool { return pm[i] >= 0.5 })
	// Confidence: the model's probability of the answer (of no intent, for
	// "other"), averaged with 1 when the lexicon's primary is the answer
	// and 0 when it is not.
	pFinal := pm[r.Intent]
	if r.Intent == agentiq.IntentOther {
		top := 0.0
		for _, p := range probs {
			top = max(top, p)
		}
		pFinal = 1 - top
	}
	agree := 0.0
	if rulesPrimary == r.Intent {
		agree = 1
	}
	r.Confidence = float64(int((agree+pFinal)/2*1000+0.5)) / 1000
	r.Uncertain = r.Confidence < c.cfg.Model.UncertainBelow || r.Model != r.Intent || fallback
	return r
}

// primaryOf is the first intent of the configured order for which has
// holds, or other.
func (c *Classifier) primaryOf(has func(agentiq.Intent) bool) agentiq.Intent {
	for _, i := range c.cfg.Order {
		if i != agentiq.IntentOther && has(i) {
			return i
		}
	}
	return agentiq.IntentOther
}

// Strongest names up to n features of the text that most raised the
// model's probability of intent i: what --explain shows.
func (c *Classifier) Strongest(text string, i agentiq.Intent, n int) []string {
	return c.model.Strongest(c.analyze(text), string(i), n)
}

// Lexicon classifies by the lexicon alone, without the model: the first
// opinion, for --explain and for measuring the two apart.
func (c *Classifier) Lexicon(text string) Result {
	d := c.analyze(text)
	found, sig := c.rules(d)
	r := c.result(found, sig.grievance)
	r.Rules, r.Confidence, r.Mentioned = r.Intent, 1, sig.mention
	return r
}

// Explanation says why a message was classified as it was: what the
// lexicon found, what the model thought, and the model's strongest
// features for the answer.
type Explanation struct {
	Lexicon  agentiq.Intent            `json:"lexicon"`
	Model    agentiq.Intent            `json:"model"`
	Evidence map[agentiq.Intent]string `json:"evidence"`
	Probs    map[agentiq.Intent]string `json:"probabilities"`
	Features []string                  `json:"features,omitempty"`
}

// Explain explains r, the result of classifying text.
func (c *Classifier) Explain(text string, r Result) Explanation {
	x := Explanation{Lexicon: r.Rules, Model: r.Model, Evidence: r.Evidence, Probs: map[agentiq.Intent]string{}}
	for i, p := range r.Probs {
		if p >= 0.05 {
			x.Probs[i] = strconv.FormatFloat(p, 'f', 2, 64)
		}
	}
	if r.Intent != agentiq.IntentOther {
		x.Features = c.Strongest(text, r.Intent, 5)
	}
	return x
}
