package lint

import (
	"testing"

	agentiq "github.com/agentiq/agentiq/shared"
)

// TestSixthRoundReviewLater: drafts an independent review of the sixth
// round's later changes (0e245ea..235db5f) found wrong. A transfer to a
// bank with a carrier named stays third_party alone: the public set reads a
// payment to a card as no move off WB (l-0146).
// Each case names the flag that must be present or absent.
func TestSixthRoundReviewLater(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text string
		flag agentiq.Flag
		want bool
	}{
		// clean service replies now off_platform (new own-place, driver,
		// courier and "при встрече" rules)
		{"Заказ отправлен с нашего склада, получить его можно в пункте выдачи через 2 дня.", agentiq.FlagOffPlatform, false},
		{"Наш склад отгрузил заказ вчера, заберите его в пункте выдачи WB.", agentiq.FlagOffPlatform, false},
		{"Извините, наш водитель не успел сдать поставку на склад WB вовремя.", agentiq.FlagOffPlatform, false},
		{"При встрече с курьером WB проверьте упаковку.", agentiq.FlagOffPlatform, false},
		{"Мы переезжаем на новый склад, поэтому на сайте сроки доставки временно увеличены.", agentiq.FlagOffPlatform, false},
		{"Если заказ потеряется, отправим сами повторно через WB, оплатить ничего не нужно.", agentiq.FlagOffPlatform, false},
		{"Покажите QR-код в пункте выдачи, скидка применится автоматически.", agentiq.FlagOffPlatform, false},
		{"Скидки у нас на сайте нет, все акции только на WB.", agentiq.FlagOffPlatform, false},
		// "=яме" as Яндекс Маркет: a pit
		{"Машина застряла в яме, доставка задержится на день.", agentiq.FlagThirdParty, false},
		// real moves now let through by the new unless terms
		{"Но тут удобнее выбрать, а забрать можно у нас в магазине на Садовой, оплата наличными", agentiq.FlagOffPlatform, true},
		{"Напрямую не продаём, но отправим сами, а вы переведёте на карту", agentiq.FlagOffPlatform, true},
		// "это мы и есть" vetoes the whole sentence, another seller included
		{"Это мы и есть, а «Ромашка» продаёт копии нашего товара.", agentiq.FlagThirdParty, true},
		// a bank and a carrier are no venue now: payment past WB unflagged
		// a messenger link "plainly stated", then sent to
		{"Наш телеграм: t.me/shopx. Все вопросы туда.", agentiq.FlagOffPlatform, true},
		{"Наш ватсап wa.me/79161234567 — по вопросам заказа лучше туда", agentiq.FlagOffPlatform, true},
	}
	for _, c := range cases {
		r := l.Lint(c.text)
		if r.Has(c.flag) != c.want {
			t.Errorf("%q: %s = %v, want %v (flags %v, evidence %v)", c.text, c.flag, r.Has(c.flag), c.want, r.Flags, r.Evidence)
		}
	}
}
