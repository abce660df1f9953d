package intent

import (
	"slices"
	"testing"

	agentiq "github.com/agentiq/agentiq/shared"
)

// FuzzClassify checks that any text is classified without a panic and that
// the result is consistent: the primary intent is listed, intents are
// sorted and known, the window follows from them, and priority from scenario.
func FuzzClassify(f *testing.F) {
	for _, s := range []string{"", "Есть промокод?", "Пришёл брак, может хоть скидку дадите?", "STOP", "скидка не нужна", "🙏", "\xff"} {
		f.Add(s)
	}
	c, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := c.Classify(s)
		if !slices.Contains(r.Intents, r.Intent) {
			t.Fatalf("%q: primary %s not in %v", s, r.Intent, r.Intents)
		}
		if !slices.IsSorted(r.Intents) || len(slices.Compact(slices.Clone(r.Intents))) != len(r.Intents) {
			t.Fatalf("%q: intents %v not sorted and unique", s, r.Intents)
		}
		win := false
		for _, i := range r.Intents {
			if !slices.Contains(agentiq.Intents, i) {
				t.Fatalf("%q: unknown intent %q", s, i)
			}
			win = win || i == agentiq.IntentPromoRequest || i == agentiq.IntentAnalogRequest
		}
		if win != (r.Window == agentiq.CustomerRequest) {
			t.Fatalf("%q: window %q with intents %v", s, r.Window, r.Intents)
		}
		if r.Priority != r.Scenario.Priority() || r.Priority == "" {
			t.Fatalf("%q: priority %q for scenario %q", s, r.Priority, r.Scenario)
		}
	})
}
