package lint

import (
	"testing"

	agentiq "github.com/agentiq/agentiq/shared"
)

// TestSixthRoundReview: drafts the two independent reviews of the sixth
// round's changes found wrong, kept as a family test of what the new patterns must
// not do (read "2р" as roubles, a refund by WB as a reward, a refusal as a
// move off WB, a list of prices as a card). Each case names the flag that
// must be present or absent. Known limit, not here: "скиньте ваш номер,
// курьера предупредим" — a pattern cannot see that "курьера" opens a new
// clause, so doc_number reads it as "номер курьера".
func TestSixthRoundReview(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text string
		flag agentiq.Flag
		want bool
	}{
		// the commit's own claim: "номер заказа и ваш телефон" is a request
		// (the clause-wide unless "(=номер =заказа|…)" is still in pd_request)
		{"Сообщите номер заказа и ваш телефон.", agentiq.FlagPDRequest, true},
		// "её номер" of a waybill/label, not of a card
		{"Найдите на посылке накладную и напишите её номер.", agentiq.FlagPDRequest, false},
		// "2р" = twice, "48р" = size 48: split into a rouble amount
		{"Спасибо за оценку! Фильтр меняйте 2р в год.", agentiq.FlagReviewIncentive, false},
		{"Оставьте, пожалуйста, отзыв, как сел 48р — другим покупателям это поможет.", agentiq.FlagReviewIncentive, false},
		// a refund stated, a review asked without a benefit
		{"Деньги вернут в течение 10 дней после возврата товара. Оставьте, пожалуйста, отзыв.", agentiq.FlagReviewIncentive, false},
		{"Оставьте отзыв, пожалуйста. Мы проверили: WB вам вернут 300р за доставку.", agentiq.FlagReviewIncentive, false},
		{"Цена ниже, потому что это прошлая коллекция. Будем благодарны за отзыв!", agentiq.FlagReviewIncentive, false},
		// the new "reward refused object first" unless vetoes a real incentive
		{"Бонусы не начисляем, но кто поставит 5 звёзд, получит подарок.", agentiq.FlagReviewIncentive, true},
		// new off_platform rules ignore negation / WB's own channels
		{"Курьер от нас не приезжает, доставку выполняет WB.", agentiq.FlagOffPlatform, false},
		{"Оплата при встрече с курьером невозможна, только онлайн в приложении WB.", agentiq.FlagOffPlatform, false},
		{"Возврат можно оформить и без чата — прямо в приложении WB.", agentiq.FlagOffPlatform, false},
		// stay_here blocks the model on invitations
		{"Там дороже, чем на нашем сайте, так что заказывайте лучше у нас напрямую.", agentiq.FlagOffPlatform, true},
		{"Чем на Озоне ждать, проще заказать с нашего сайта, доставка за день.", agentiq.FlagOffPlatform, true},
		{"Тут не лучший канал связи, давайте созвонимся, номер в визитке.", agentiq.FlagOffPlatform, true},
		// "мы ..2 магазин* «" now reads other shops as our own
		{"Мы сотрудничаем с магазинами «Лента» и «Ашан», там тоже есть наш товар.", agentiq.FlagThirdParty, true},
		// prices "3000р" now join a comma-separated run of 16 digits
		{"Цены: 1500, 2000, 2500, 3000р.", agentiq.FlagPaymentDetails, false},
		{"Оплату WB вернёт на карту, с которой вы платили, в течение 10 дней.", agentiq.FlagPaymentDetails, false},
		// "скидки до 500р" is an amount, not a deadline
		{"Скидки до 500р на второй товар.", agentiq.FlagPressure, false},
		// the review of the round's later changes (0e245ea..235db5f); a
		// transfer to a bank with a carrier named stays third_party alone:
		// the public set reads a payment to a card as no move off WB (l-0146)
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
