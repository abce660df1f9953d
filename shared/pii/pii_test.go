package pii

import (
	"strings"
	"testing"
)

func TestRedact(t *testing.T) {
	tests := []struct {
		name, in string
		names    []string
		want     string
	}{
		{"mobile +7", "Звоните +7 916 555-44-33", nil, "Звоните [телефон]"},
		{"mobile 8", "мой номер 8(916)5554433.", nil, "мой номер [телефон]."},
		{"mobile without code", "9165554433 — это я", nil, "[телефон] — это я"},
		{"city number", "тел. 555-44-33", nil, "тел. [телефон]"},
		{"e-mail", "пишите anna.petrova@mail.ru или ещё", nil, "пишите [e-mail] или ещё"},
		{"cyrillic e-mail", "почта анна@почта.рф", nil, "почта [e-mail]"},
		{"card", "карта 2200 7001 2345 6789", nil, "карта [карта]"},
		{"account", "р/с 40702810900000012345", nil, "р/с [счёт]"},
		{"order numbers stay", "заказ №48213, артикул 187654321", nil, "заказ №48213, артикул 187654321"},
		{"prices stay", "цена 2 500 000 ₽ и 1 500 ₽", nil, "цена 2 500 000 ₽ и 1 500 ₽"},
		{"dates stay", "пришёл 12.03.2026 в 12:30", nil, "пришёл 12.03.2026 в 12:30"},
		{"promo codes stay", "промокод LOVE5 и SORRY500", nil, "промокод LOVE5 и SORRY500"},
		{"known name in any form", "Здравствуйте, это Алёна. Алёну не слышно? алёна тут", []string{"Алёна"}, "Здравствуйте, это [имя]. [имя] не слышно? [имя] тут"},
		{"known full name", "Петрова Анна Сергеевна", []string{"Анна Петрова"}, "[имя] [имя] Сергеевна"},
		{"introduced name", "Меня зовут Ольга Смирнова, верните деньги", nil, "Меня зовут [имя] [имя], верните деньги"},
		{"signature", "С уважением, Иван Петров", nil, "С уважением, [имя] [имя]"},
		{"ordinary words stay", "Надежда на доставку есть", nil, "Надежда на доставку есть"},
		{"invalid UTF-8", "тел \xff 89165554433", nil, "тел \uFFFD [телефон]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Redact(tt.in, tt.names...); got != tt.want {
				t.Errorf("Redact(%q) =\n %q\nwant\n %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPseudonym(t *testing.T) {
	if _, err := NewPseudonymizer([]byte("short")); err == nil {
		t.Error("a 5-byte key was accepted")
	}
	a, _ := NewPseudonymizer([]byte("0123456789abcdef-key-a"))
	b, _ := NewPseudonymizer([]byte("0123456789abcdef-key-b"))
	p := a.Pseudonym("wb-client", "12345678")
	if p != a.Pseudonym("wb-client", "12345678") {
		t.Error("not deterministic")
	}
	if p == b.Pseudonym("wb-client", "12345678") {
		t.Error("another key gave the same pseudonym")
	}
	if p == a.Pseudonym("phone", "12345678") {
		t.Error("namespaces share pseudonyms")
	}
	if strings.Contains(p, "12345678") || !strings.HasPrefix(p, "p1_") {
		t.Errorf("pseudonym %q", p)
	}
	if a.Pseudonym("wb-client", "") != "" {
		t.Error("an empty id got a pseudonym")
	}
}

func FuzzRedact(f *testing.F) {
	f.Add("Звоните +7 916 555-44-33, anna@mail.ru", "Анна")
	f.Add("2200 7001 2345 6789", "")
	f.Fuzz(func(t *testing.T, s, name string) {
		out := Redact(s, name)
		// Redacting again changes nothing: placeholders are stable.
		if again := Redact(out, name); again != out {
			t.Fatalf("Redact is not idempotent on %q: %q then %q", s, out, again)
		}
	})
}
