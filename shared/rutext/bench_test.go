package rutext

import (
	"strings"
	"testing"
)

// msg200 is a 200-character buyer message.
var msg200 = func() string {
	s := "Здравствуйте! Заказ ждём уже вторую неделю, трек не обновляется. Подскажите, пожалуйста, когда привезут? И есть ли промокод на следующий заказ, раз так долго? Спасибо заранее за ответ 🙏"
	for len([]rune(s)) < 200 {
		s += " Жду."
	}
	return string([]rune(s)[:200])
}()

func BenchmarkAnalyze200(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(msg200)))
	for b.Loop() {
		Analyze(msg200)
	}
}

func BenchmarkFold200(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Fold(msg200)
	}
}

func BenchmarkAnalyzeLong(b *testing.B) {
	long := strings.Repeat(msg200+" ", 50)
	b.ReportAllocs()
	b.SetBytes(int64(len(long)))
	for b.Loop() {
		Analyze(long)
	}
}

func BenchmarkAnalyzeParts(b *testing.B) {
	f := Fold(msg200)
	b.Run("scan", func(b *testing.B) {
		for b.Loop() {
			scan(f, nil, nil, nil)
		}
	})
	toks, gaps := scan(f, nil, nil, nil)
	b.Run("number", func(b *testing.B) {
		for b.Loop() {
			number(toks, gaps)
		}
	})
}
