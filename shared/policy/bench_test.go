package policy

import (
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
)

func benchRequest() *Request {
	text := "Здравствуйте! Спасибо за обращение. Приносим извинения за задержку: ваш заказ уже передан в службу доставки маркетплейса и будет в пункте выдачи в течение двух дней. Если товар не подойдёт, оформите возврат в личном кабинете — деньги вернутся на карту в течение 10 дней. Для вас промокод VESNA10 на 10% на следующий заказ. Если остались вопросы, пишите здесь, в чате, мы ответим в течение часа. Хорошего дня!"
	for len([]rune(text)) < 500 {
		text += " Спасибо!"
	}
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.FixedZone("MSK", 3*3600))
	last := now.Add(-10 * time.Minute)
	return &Request{
		ID: "bench", Now: now, Channel: agentiq.ChannelWBChat,
		Message: Message{Text: text, MessageType: agentiq.Marketing, Scenario: agentiq.ScenarioPromo, MarketingWindow: agentiq.CustomerRequest},
		Chat:    &Chat{LastSender: "buyer", LastBuyerMessageAt: &last, LastBuyerText: "Подскажите, есть промокод на этот чайник?"},
	}
}

// BenchmarkDecide decides on a 500-character marketing draft in the WB chat
// as the pipeline does: the draft is linted, the buyer's last message comes
// as the intents stored at ingest.
func BenchmarkDecide(b *testing.B) {
	r := benchRequest()
	r.Chat.LastBuyerText = ""
	r.Chat.LastBuyerIntents = []agentiq.Intent{agentiq.IntentPromoRequest}
	benchDecide(b, r)
}

// BenchmarkDecideWithBuyerText also classifies the buyer's last message
// from its text, as the CLI does when given only the text.
func BenchmarkDecideWithBuyerText(b *testing.B) { benchDecide(b, benchRequest()) }

func benchDecide(b *testing.B, r *Request) {
	e, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	if n := len([]rune(r.Message.Text)); n < 500 || n > 520 {
		b.Fatalf("draft has %d characters, want about 500", n)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Decide(r); err != nil {
			b.Fatal(err)
		}
	}
}
