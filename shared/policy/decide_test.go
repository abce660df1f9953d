package policy

import (
	"slices"
	"strings"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
)

var (
	msk = func() *time.Location { l, _ := time.LoadLocation("Europe/Moscow"); return l }()
	// now is 12:00 in Moscow, well inside the allowed hours.
	now = time.Date(2026, 3, 10, 12, 0, 0, 0, msk)
)

func at(t time.Time) *time.Time { return &t }

// wbRequest is a clean service reply in an active WB chat, changed by mods.
func wbRequest(mods ...func(*Request)) *Request {
	r := &Request{ID: "t", Now: now, Channel: agentiq.ChannelWBChat,
		Message: Message{Text: "Ваш заказ передан в доставку, ожидайте уведомления.", MessageType: agentiq.Service, Scenario: agentiq.ScenarioService},
		Chat:    &Chat{LastSender: "buyer", LastBuyerMessageAt: at(now.Add(-time.Hour)), LastBuyerText: "Когда придёт заказ?"},
	}
	for _, m := range mods {
		m(r)
	}
	return r
}

// promoReply turns the request into a promo answer to "Есть промокод?".
func promoReply(r *Request) {
	r.Message = Message{Text: "Для вас промокод VESNA10 на 10%.", MessageType: agentiq.Marketing, Scenario: agentiq.ScenarioPromo, MarketingWindow: agentiq.CustomerRequest}
	r.Chat.LastBuyerText = "Есть промокод?"
}

// compensation turns the request into a promo code settling an open defect case.
func compensation(r *Request) {
	r.Message = Message{Text: "Приносим извинения за брак! Дарим промокод на 500 ₽.", MessageType: agentiq.Marketing, Scenario: agentiq.ScenarioPromo,
		MarketingWindow: agentiq.CompensationCase, CaseID: "c-1", ReasonCode: "compensation"}
	r.Chat.LastBuyerText = "Пришла кружка с трещиной"
	r.Chat.OpenCase = &Case{ID: "c-1", Type: "defect", OpenedAt: now.Add(-48 * time.Hour)}
}

// extRequest is a compliant marketing message on an external channel.
func extRequest(ch agentiq.Channel, mods ...func(*Request)) *Request {
	granted := now.AddDate(0, -3, 0)
	r := &Request{ID: "t", Now: now, Channel: ch,
		Message: Message{Text: "Распродажа пледов: −20% по промокоду PLED20. Отписаться: ответьте STOP.", MessageType: agentiq.Marketing, Scenario: agentiq.ScenarioPromo},
		Subject: &Subject{Timezone: "Europe/Moscow", Consents: []Consent{
			{RecordID: "rec-ad-1", Purpose: PurposeAdvertising, Channel: string(ch), GrantedAt: granted, EvidenceRef: "ad-1"},
			{RecordID: "rec-pd-1", Purpose: PurposePDMarketing, Channel: string(ch), GrantedAt: granted, EvidenceRef: "pd-1"},
		}},
	}
	for _, m := range mods {
		m(r)
	}
	return r
}

func decide(t *testing.T, r *Request) Decision {
	t.Helper()
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	d, err := e.Decide(r)
	if err != nil {
		t.Fatalf("Decide: %v", err)
	}
	return d
}

type decideCase struct {
	name    string
	req     *Request
	verdict agentiq.Verdict
	reasons []string // exactly these
}

func runCases(t *testing.T, cases []decideCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := decide(t, tc.req)
			want := slices.Clone(tc.reasons)
			slices.Sort(want)
			if want == nil {
				want = []string{}
			}
			if d.Decision != tc.verdict || !slices.Equal(d.Reasons, want) {
				t.Errorf("got %s %v, want %s %v (rules %v, flags %v, buyer intents %v)",
					d.Decision, d.Reasons, tc.verdict, want, d.Rules, d.Flags, d.BuyerIntents)
			}
		})
	}
}

func TestWBChatContent(t *testing.T) {
	text := func(s string) func(*Request) { return func(r *Request) { r.Message.Text = s } }
	runCases(t, []decideCase{
		{"clean service reply", wbRequest(), agentiq.Allow, nil},
		{"review incentive", wbRequest(text("Поставьте 5 звёзд и получите промокод.")), agentiq.Deny, []string{"review_incentive"}},
		{"thanks for a review is clean", wbRequest(text("Спасибо за отзыв!")), agentiq.Allow, nil},
		{"external link", wbRequest(text("Инструкция: uyut-shop.ru/help")), agentiq.Deny, []string{"external_link"}},
		{"obfuscated link", wbRequest(text("Инструкция: uyut-shop[.]ru")), agentiq.Deny, []string{"external_link"}},
		{"off platform", wbRequest(text("Напишите нам в WhatsApp, там быстрее.")), agentiq.Deny, []string{"off_platform"}},
		{"third party", wbRequest(text("На Ozon этот товар дороже.")), agentiq.Deny, []string{"third_party"}},
		{"personal data request", wbRequest(text("Пришлите фото паспорта.")), agentiq.Deny, []string{"pd_request"}},
		{"promo words in a service reply", wbRequest(text("Скидки на этот товар не предусмотрены.")), agentiq.Review, []string{"promo_lexicon"}},
		{"pressure in a service reply", wbRequest(text("Успейте забрать заказ — срок хранения истекает.")), agentiq.Review, []string{"pressure"}},
		{"service with a recommendation", wbRequest(func(r *Request) { r.Message.Scenario = agentiq.ScenarioServiceMixed }), agentiq.Review, []string{"moderation_required"}},
	})
}

func TestWBChatUnanswered(t *testing.T) {
	seller := func(n int) func(*Request) {
		return func(r *Request) { r.Chat.SellerMessagesSinceBuyer, r.Chat.LastSender = n, "seller" }
	}
	runCases(t, []decideCase{
		{"2 seller messages since the buyer", wbRequest(seller(2)), agentiq.Allow, nil},
		{"3 seller messages since the buyer", wbRequest(seller(3)), agentiq.Deny, []string{"unanswered_limit"}},
	})
}

func TestWBChatMarketingWindows(t *testing.T) {
	runCases(t, []decideCase{
		{"promo answer to a promo request", wbRequest(promoReply), agentiq.Review, []string{"promo_lexicon"}},
		{"analog answer without promo words", wbRequest(func(r *Request) {
			r.Message = Message{Text: "Похожая модель с металлическим корпусом — артикул 187654321.", MessageType: agentiq.Marketing,
				Scenario: agentiq.ScenarioLoyalty, MarketingWindow: agentiq.CustomerRequest}
			r.Chat.LastBuyerText = "Посоветуйте аналог"
		}), agentiq.Allow, nil},
		{"marketing with no window", wbRequest(promoReply, func(r *Request) { r.Message.MarketingWindow = "" }),
			agentiq.Deny, []string{"marketing_default_deny"}},
		{"scenario promo under message_type service is marketing", wbRequest(promoReply, func(r *Request) {
			r.Message.MarketingWindow, r.Message.MessageType = "", agentiq.Service
		}), agentiq.Deny, []string{"marketing_default_deny"}},
		{"buyer did not ask", wbRequest(promoReply, func(r *Request) { r.Chat.LastBuyerText = "Когда придёт заказ?" }),
			agentiq.Deny, []string{"window_not_requested"}},
		{"a promo word is not a request", wbRequest(promoReply, func(r *Request) {
			r.Chat.LastBuyerText = "Купила по акции, а заказ не доставили"
		}),
			agentiq.Deny, []string{"window_not_requested"}},
		{"stored intents stand in for the text", wbRequest(promoReply, func(r *Request) {
			r.Chat.LastBuyerText = ""
			r.Chat.LastBuyerIntents = []agentiq.Intent{agentiq.IntentDefect, agentiq.IntentPromoRequest}
		}), agentiq.Review, []string{"promo_lexicon"}},
		{"seller spoke last", wbRequest(promoReply, func(r *Request) { r.Chat.LastSender, r.Chat.SellerMessagesSinceBuyer = "seller", 1 }),
			agentiq.Deny, []string{"last_sender_not_buyer"}},
		{"pressure in marketing", wbRequest(promoReply, func(r *Request) {
			r.Message.Text = "Промокод на 10% — успейте до конца недели!"
		}),
			agentiq.Deny, []string{"pressure"}},
		{"buyer's last message opts out", wbRequest(promoReply, func(r *Request) { r.Chat.LastBuyerText = "Отпишите меня от рассылки" }),
			agentiq.Deny, []string{"opted_out", "window_not_requested"}},
	})
}

func TestWBChatTime(t *testing.T) {
	lastBuyer := func(d time.Duration) func(*Request) {
		return func(r *Request) { r.Chat.LastBuyerMessageAt = at(now.Add(-d)) }
	}
	sent := func(ts ...time.Time) func(*Request) {
		return func(r *Request) { r.Chat.MarketingSentAt = ts }
	}
	runCases(t, []decideCase{
		{"buyer wrote exactly 72 h ago: active", wbRequest(promoReply, lastBuyer(72*time.Hour)), agentiq.Review, []string{"promo_lexicon"}},
		{"buyer wrote 72 h and 1 s ago: inactive", wbRequest(promoReply, lastBuyer(72*time.Hour+time.Second)), agentiq.Deny, []string{"chat_inactive"}},
		{"no buyer message time: inactive", wbRequest(promoReply, func(r *Request) { r.Chat.LastBuyerMessageAt = nil }), agentiq.Deny, []string{"chat_inactive"}},
		{"inactivity does not matter to service", wbRequest(lastBuyer(30 * 24 * time.Hour)), agentiq.Allow, nil},
		{"marketing exactly 30 days ago: outside the cap", wbRequest(promoReply, sent(now.AddDate(0, 0, -30))), agentiq.Review, []string{"promo_lexicon"}},
		{"marketing 30 days less a minute ago: capped", wbRequest(promoReply, sent(now.AddDate(0, 0, -30).Add(time.Minute))), agentiq.Deny, []string{"frequency_cap"}},
		{"a future send time does not count", wbRequest(promoReply, sent(now.Add(time.Hour))), agentiq.Review, []string{"promo_lexicon"}},
		{"opted out now", wbRequest(promoReply, func(r *Request) { r.Chat.OptedOutAt = at(now) }), agentiq.Deny, []string{"opted_out"}},
		{"opt-out dated in the future is not yet in force", wbRequest(promoReply, func(r *Request) { r.Chat.OptedOutAt = at(now.Add(time.Second)) }), agentiq.Review, []string{"promo_lexicon"}},
		{"opt-out does not stop service", wbRequest(func(r *Request) { r.Chat.OptedOutAt = at(now.Add(-time.Hour)) }), agentiq.Allow, nil},
	})
}

func TestWBChatCompensation(t *testing.T) {
	runCases(t, []decideCase{
		{"compensation for an open defect case", wbRequest(compensation), agentiq.Review, []string{"promo_lexicon"}},
		{"case closed now", wbRequest(compensation, func(r *Request) { r.Chat.OpenCase.ClosedAt = at(now) }), agentiq.Deny, []string{"no_open_case"}},
		{"case closes later", wbRequest(compensation, func(r *Request) { r.Chat.OpenCase.ClosedAt = at(now.Add(time.Hour)) }), agentiq.Review, []string{"promo_lexicon"}},
		{"another case", wbRequest(compensation, func(r *Request) { r.Message.CaseID = "c-2" }), agentiq.Deny, []string{"no_open_case"}},
		{"empty case id", wbRequest(compensation, func(r *Request) { r.Message.CaseID = "" }), agentiq.Deny, []string{"no_open_case"}},
		{"case type not eligible", wbRequest(compensation, func(r *Request) { r.Chat.OpenCase.Type = "size" }), agentiq.Deny, []string{"no_open_case"}},
		{"late delivery is eligible", wbRequest(compensation, func(r *Request) { r.Chat.OpenCase.Type = "late_delivery" }), agentiq.Review, []string{"promo_lexicon"}},
		{"no reason code", wbRequest(compensation, func(r *Request) { r.Message.ReasonCode = "" }), agentiq.Deny, []string{"missing_reason_code"}},
		{"tied to a review", wbRequest(compensation, func(r *Request) {
			r.Message.Text = "Обновите отзыв — и дарим промокод на 500 ₽."
		}), agentiq.Deny, []string{"review_incentive"}},
	})
}

func TestExternalConsent(t *testing.T) {
	consents := func(cs ...Consent) func(*Request) { return func(r *Request) { r.Subject.Consents = cs } }
	ad := func(ch string, granted time.Time, withdrawn *time.Time) Consent {
		return Consent{Purpose: PurposeAdvertising, Channel: ch, GrantedAt: granted, WithdrawnAt: withdrawn, EvidenceRef: "ad"}
	}
	pd := func(ch string, granted time.Time, withdrawn *time.Time) Consent {
		return Consent{Purpose: PurposePDMarketing, Channel: ch, GrantedAt: granted, WithdrawnAt: withdrawn, EvidenceRef: "pd"}
	}
	old := now.AddDate(0, -1, 0)
	runCases(t, []decideCase{
		{"both consents", extRequest(agentiq.ChannelSMS), agentiq.Allow, nil},
		{"no consents", extRequest(agentiq.ChannelSMS, consents()), agentiq.Deny, []string{"no_ad_consent", "no_pd_marketing_consent"}},
		{"consent for another channel", extRequest(agentiq.ChannelSMS, consents(ad("email", old, nil), pd("email", old, nil))), agentiq.Deny, []string{"no_ad_consent", "no_pd_marketing_consent"}},
		{"consent for every channel", extRequest(agentiq.ChannelSMS, consents(ad("*", old, nil), pd("*", old, nil))), agentiq.Allow, nil},
		{"granted exactly now counts", extRequest(agentiq.ChannelSMS, consents(ad("sms", now, nil), pd("sms", now, nil))), agentiq.Allow, nil},
		{"granted a second later does not", extRequest(agentiq.ChannelSMS, consents(ad("sms", now.Add(time.Second), nil), pd("sms", old, nil))), agentiq.Deny, []string{"no_ad_consent"}},
		{"withdrawn now", extRequest(agentiq.ChannelSMS, consents(ad("sms", old, at(now)), pd("sms", old, nil))), agentiq.Deny, []string{"consent_withdrawn"}},
		{"withdrawn later still counts", extRequest(agentiq.ChannelSMS, consents(ad("sms", old, at(now.Add(time.Hour))), pd("sms", old, nil))), agentiq.Allow, nil},
		{"withdrawn, then granted again", extRequest(agentiq.ChannelSMS, consents(ad("sms", old, at(old.Add(time.Hour))), ad("sms", old.Add(2*time.Hour), nil), pd("sms", old, nil))), agentiq.Allow, nil},
		{"no subject at all", extRequest(agentiq.ChannelSMS, func(r *Request) { r.Subject = nil }), agentiq.Deny, []string{"no_ad_consent", "no_pd_marketing_consent"}},
		{"service needs no consent", extRequest(agentiq.ChannelSMS, consents(), func(r *Request) {
			r.Message = Message{Text: "Ваш заказ передан в доставку.", MessageType: agentiq.Service}
		}), agentiq.Allow, nil},
		{"opted out", extRequest(agentiq.ChannelSMS, func(r *Request) { r.Subject.OptedOutAt = at(now) }), agentiq.Deny, []string{"opted_out"}},
		{"no opt-out instruction", extRequest(agentiq.ChannelSMS, func(r *Request) { r.Message.Text = "Распродажа пледов: −20%." }), agentiq.Deny, []string{"no_opt_out"}},
	})
}

func TestExternalConsentEvidence(t *testing.T) {
	d := decide(t, extRequest(agentiq.ChannelEmail))
	if !slices.Equal(d.Consents, []string{"ad-1", "pd-1"}) {
		t.Errorf("consents relied on = %v, want [ad-1 pd-1]", d.Consents)
	}
	if !slices.Equal(d.ConsentRecordIDs, []string{"rec-ad-1", "rec-pd-1"}) {
		t.Errorf("consent records relied on = %v, want [rec-ad-1 rec-pd-1]", d.ConsentRecordIDs)
	}
	denied := decide(t, extRequest(agentiq.ChannelEmail, func(r *Request) { r.Message.Text = "Распродажа пледов: −20%." }))
	if denied.Decision != agentiq.Deny || len(denied.ConsentRecordIDs) != 0 {
		t.Errorf("a denied decision: %s relying on %v", denied.Decision, denied.ConsentRecordIDs)
	}
}

func TestExternalQuietHours(t *testing.T) {
	atClock := func(h, m int, zone string) func(*Request) {
		return func(r *Request) {
			loc, _ := time.LoadLocation(zone)
			local := time.Date(2026, 3, 10, h, m, 0, 0, loc)
			r.Now = local.In(time.UTC) // the offset `now` is written with does not matter
			r.Subject.Timezone = zone
		}
	}
	runCases(t, []decideCase{
		{"20:59 Moscow", extRequest(agentiq.ChannelSMS, atClock(20, 59, "Europe/Moscow")), agentiq.Allow, nil},
		{"21:00 Moscow", extRequest(agentiq.ChannelSMS, atClock(21, 0, "Europe/Moscow")), agentiq.Deny, []string{"quiet_hours"}},
		{"08:59 Moscow", extRequest(agentiq.ChannelSMS, atClock(8, 59, "Europe/Moscow")), agentiq.Deny, []string{"quiet_hours"}},
		{"09:00 Moscow", extRequest(agentiq.ChannelSMS, atClock(9, 0, "Europe/Moscow")), agentiq.Allow, nil},
		{"21:30 in Vladivostok is 14:30 in Moscow", extRequest(agentiq.ChannelSMS, atClock(21, 30, "Asia/Vladivostok")), agentiq.Deny, []string{"quiet_hours"}},
		{"default zone is Moscow", extRequest(agentiq.ChannelSMS, atClock(22, 0, "Europe/Moscow"), func(r *Request) { r.Subject.Timezone = "" }), agentiq.Deny, []string{"quiet_hours"}},
		{"quiet hours do not stop service", extRequest(agentiq.ChannelSMS, atClock(23, 0, "Europe/Moscow"), func(r *Request) {
			r.Message = Message{Text: "Ваш заказ собран.", MessageType: agentiq.Service}
		}), agentiq.Allow, nil},
	})
	// Daylight saving time: 19:30 UTC is 20:30 in Berlin in winter, 21:30 in summer.
	berlin := func(day int) func(*Request) {
		return func(r *Request) {
			r.Now = time.Date(2026, 3, day, 19, 30, 0, 0, time.UTC)
			r.Subject.Timezone = "Europe/Berlin"
		}
	}
	runCases(t, []decideCase{
		{"Berlin before the clock change", extRequest(agentiq.ChannelSMS, berlin(28)), agentiq.Allow, nil},
		{"Berlin after the clock change", extRequest(agentiq.ChannelSMS, berlin(29)), agentiq.Deny, []string{"quiet_hours"}},
	})
}

func TestExternalFrequency(t *testing.T) {
	sent := func(daysAgo ...float64) func(*Request) {
		return func(r *Request) {
			for _, d := range daysAgo {
				r.Subject.MarketingSentAt = append(r.Subject.MarketingSentAt, now.Add(-time.Duration(d*24*float64(time.Hour))))
			}
		}
	}
	runCases(t, []decideCase{
		{"2 in 7 days", extRequest(agentiq.ChannelSMS, sent(1, 2)), agentiq.Allow, nil},
		{"3 in 7 days", extRequest(agentiq.ChannelSMS, sent(1, 2, 6.9)), agentiq.Deny, []string{"frequency_cap"}},
		{"third exactly 7 days ago does not count", extRequest(agentiq.ChannelSMS, sent(1, 2, 7)), agentiq.Allow, nil},
		{"3 in 30 days but 2 in 7", extRequest(agentiq.ChannelSMS, sent(1, 2, 10)), agentiq.Allow, nil},
		{"4 in 30 days", extRequest(agentiq.ChannelSMS, sent(1, 10, 20, 29)), agentiq.Deny, []string{"frequency_cap"}},
		{"4th exactly 30 days ago does not count", extRequest(agentiq.ChannelSMS, sent(1, 10, 20, 30)), agentiq.Allow, nil},
	})
}

func TestExternalForeignMessengers(t *testing.T) {
	org := func(o string) func(*Request) { return func(r *Request) { r.Sender.OrgType = o } }
	when := func(ts string) func(*Request) {
		return func(r *Request) { r.Now, _ = time.Parse(time.RFC3339, ts) }
	}
	service := func(r *Request) {
		r.Message = Message{Text: "Ваш возврат получен.", MessageType: agentiq.Service}
	}
	runCases(t, []decideCase{
		{"seller may use WhatsApp", extRequest(agentiq.ChannelWhatsApp), agentiq.Allow, nil},
		{"marketplace owner on WhatsApp after the ban", extRequest(agentiq.ChannelWhatsApp, org("marketplace_owner")), agentiq.Deny, []string{"foreign_messenger_banned"}},
		{"the ban covers service messages too", extRequest(agentiq.ChannelViber, org("social_network"), service), agentiq.Deny, []string{"foreign_messenger_banned"}},
		{"a Russian messenger is not banned", extRequest(agentiq.ChannelMax, org("government")), agentiq.Allow, nil},
		{"the day before, Moscow time", extRequest(agentiq.ChannelTelegram, org("financial"), service, when("2025-05-31T23:59:59+03:00")), agentiq.Allow, nil},
		{"midnight Moscow time", extRequest(agentiq.ChannelTelegram, org("financial"), service, when("2025-06-01T00:00:00+03:00")), agentiq.Deny, []string{"foreign_messenger_banned"}},
		{"the same instant written in UTC", extRequest(agentiq.ChannelTelegram, org("financial"), service, when("2025-05-31T21:00:00Z")), agentiq.Deny, []string{"foreign_messenger_banned"}},
	})
}

func TestExternalReviewReasons(t *testing.T) {
	text := func(s string) func(*Request) { return func(r *Request) { r.Message.Text = s } }
	service := func(r *Request) { r.Message.MessageType, r.Message.Scenario = agentiq.Service, agentiq.ScenarioService }
	runCases(t, []decideCase{
		{"pressure in marketing", extRequest(agentiq.ChannelSMS, text("Только сегодня −30% на всё! Отписаться — STOP.")), agentiq.Review, []string{"pressure"}},
		{"promo words in service: a disguised ad", extRequest(agentiq.ChannelSMS, service, text("Ваш заказ собран. Сейчас идёт распродажа пледов.")), agentiq.Review, []string{"promo_lexicon"}},
		{"promo words in marketing are expected", extRequest(agentiq.ChannelSMS), agentiq.Allow, nil},
		{"payment details on a foreign messenger", extRequest(agentiq.ChannelWhatsApp, service, text("Реквизиты: р/с 40702810438000123456, БИК 044525974.")), agentiq.Review, []string{"payment_details"}},
		{"payment details by e-mail", extRequest(agentiq.ChannelEmail, service, text("Реквизиты: р/с 40702810438000123456, БИК 044525974.")), agentiq.Allow, nil},
		{"review incentive", extRequest(agentiq.ChannelSMS, text("Оставьте отзыв — пришлём промокод. Отписаться: STOP.")), agentiq.Deny, []string{"review_incentive"}},
	})
}

func TestDecisionShape(t *testing.T) {
	d := decide(t, wbRequest(promoReply, func(r *Request) { r.Message.MarketingWindow = "" }))
	if d.Priority != agentiq.P3 || d.MessageType != agentiq.Marketing {
		t.Errorf("marketing: priority %s type %s", d.Priority, d.MessageType)
	}
	if !strings.Contains(d.RulesVersion, "+") || len(d.Rules) == 0 || len(d.Flags) == 0 {
		t.Errorf("decision lacks its explanation: %+v", d)
	}
	d = decide(t, wbRequest(func(r *Request) { r.Message.Scenario = agentiq.ScenarioEducation }))
	if d.Priority != agentiq.P1 || d.Reasons == nil {
		t.Errorf("education: priority %s, reasons %v (want P1 and an empty list)", d.Priority, d.Reasons)
	}
	d = decide(t, wbRequest(func(r *Request) { r.Message.Scenario = "" }))
	if d.Priority != agentiq.P0 {
		t.Errorf("service without scenario: priority %s, want P0", d.Priority)
	}
	e, _ := Default()
	if _, err := e.Decide(&Request{ID: "bad"}); err == nil {
		t.Error("an invalid request was decided")
	}
}
