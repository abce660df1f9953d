package intent

import (
	"testing"

	agentiq "github.com/agentiq/agentiq/shared"
)

// TestSixthRoundReview: buyer messages an independent review of the sixth
// round's later changes (0e245ea..235db5f) found
// wrong: false windows, lost windows, lost opt-outs.
func TestSixthRoundReview(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text   string
		has    agentiq.Intent // must be present ("" = none)
		window bool
	}{
		// a lower price wished in a complaint: no request
		{"Мне бы дешевле было купить новый, чем чинить этот", "", false},
		{"Нам бы дешевле обошлось купить в магазине у дома, чем ждать вашу посылку месяц", "", false},
		// "посоветуете … вместо" of an action, "более … версия" of a manual
		{"Что посоветуете делать вместо ожидания? Курьер не едет неделю", "", false},
		{"Есть ли более длинная версия инструкции на русском?", "", false},
		{"Есть более новая версия прошивки для этих часов?", "", false},
		// a sale missed ("не успела") is no sale caught: the request stands
		{"Была скидка, а я не успела купить — сделаете ещё скидку?", agentiq.IntentPromoRequest, true},
		{"На распродаже не успела купить, сделаете скидку?", agentiq.IntentPromoRequest, true},
		// opt-outs lost to "отпишитесь, что будете делать" (the model, p=1.00, blocked)
		{"Отпишитесь что будете делать а от рассылки меня отпишите", agentiq.IntentOptOut, false},
		{"Отпишитесь, что будете делать, мне ваши сообщения надоели", agentiq.IntentOptOut, false},
	}
	for _, tc := range cases {
		r := c.Classify(tc.text)
		if tc.has != "" && !r.Has(tc.has) {
			t.Errorf("%q: want %s, got %v", tc.text, tc.has, r.Intents)
		}
		if (r.Window != "") != tc.window {
			t.Errorf("%q: window %q, want open=%v (intents %v)", tc.text, r.Window, tc.window, r.Intents)
		}
	}
}
