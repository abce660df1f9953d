package intent

import (
	"testing"

	"github.com/agentiq/agentiq/shared/rutext"
)

var rutextAnalyze = rutext.Analyze

// msg200 is a 200-character buyer message with several intents.
const msg200 = "Здравствуйте! Заказ ждём уже вторую неделю, трек не обновляется. Подскажите, пожалуйста, когда привезут? И есть ли промокод на следующий заказ, раз так долго? Спасибо заранее за ответ 🙏 Жду"

func BenchmarkClassify(b *testing.B) {
	c, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		c.Classify(msg200)
	}
}

func BenchmarkClassifyParts(b *testing.B) {
	c, _ := Default()
	d := rutextAnalyze(msg200)
	b.Run("scan", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			c.labels.Set.Scan(d)
		}
	})
	m := c.labels.Set.Scan(d)
	b.Run("eval", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			c.labels.Eval(m)
		}
	})
	b.Logf("tokens %d patterns %d atoms", len(d.Tokens), c.labels.Set.Len())
}
