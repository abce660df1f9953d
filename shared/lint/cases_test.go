package lint

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	agentiq "github.com/agentiq/agentiq/shared"
)

// TestLabelledCases runs every labelled draft in testdata: the flags must
// be exactly as labelled.
func TestLabelledCases(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/*.tsv")
	if len(files) == 0 {
		t.Fatal("no testdata/*.tsv")
	}
	for _, file := range files {
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		n := 0
		for sc.Scan() {
			n++
			line := sc.Text()
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			parts := strings.SplitN(line, "\t", 2)
			if len(parts) != 2 {
				t.Fatalf("%s:%d: want flags<TAB>text", file, n)
			}
			want := []agentiq.Flag{}
			if parts[0] != "-" {
				for _, x := range strings.Split(parts[0], ",") {
					want = append(want, agentiq.Flag(x))
				}
			}
			slices.Sort(want)
			text := parts[1]
			t.Run(fmt.Sprintf("%s:%d", filepath.Base(file), n), func(t *testing.T) {
				r := l.Lint(text)
				if !slices.Equal(r.Flags, want) {
					t.Errorf("%q: flags %v, want %v (evidence %v)", text, r.Flags, want, r.Evidence)
				}
			})
		}
		f.Close()
	}
}

func TestURLDetector(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"https://example.ru/help", true},
		{"bit.ly/3xYzAbc", true},
		{"www.uyut-home.ru/help", true},
		{"сайт uyut-shop.ru.", true},
		{"пишите shop@mail.ru", true},
		{"сайт.рф", true},
		{"wb[.]ru", true},
		{"razmer-info[.]ru", true},
		{"site(.)ru", true},
		{"site[dot]com", true},
		{"hxxp://evil.example", true},
		{"hxxps://uyut-shop.ru", true},
		{"t . me/uyut", true},
		{"disk-share . ru/cert42", true},
		{"uyut. ru", true},
		{"uyut .ru", true},
		// spelled out letter by letter, punctuation kept outside
		{"сайт: s h o p 2 4 . r u", true},
		{"Наш сайт: s h o p 2 4 . r u.", true},
		{"(s h o p . r u)", true},
		{"«p o s u d a - 1 . r u», там дешевле", true},
		{"м а г а з и н . р ф", true},
		// ".ru" typed on the Russian keyboard, no TLD xurls knows
		{"posudadom.ру", true},
		{"каталог: кухня-двор.ру.", true},
		{"Размеры от 42 до 48. Ру сетка в карточке", false},
		{"Инструкция на двух языках: англ. ру", false},
		{"Стоимость 990.ру с доставкой", false},
		{"п о с у д а . р у", true},
		{"Профи.ру", true},
		{"т.е. ру", false},
		{"Размер 42 ру", false},
		{"-shop.ру", false},
		{"я.ру", false},
		{"Размеры S M L . X L в наличии", false},
		{"Пункты а . б и в выполнены", false},
		{"a . b", false},
		{"Вес 1.2 кг, т.к. новая партия, и т.д.", false},
		{"Чек.pdf и фото.jpg", false},
		{"архив instrukciya.zip", false},
		{"Спасибо. Всего доброго.", false},
		{"Артикул 187654321", false},
		{"1.5 м × 0.8 м", false},
		{"ул. Ленина", false},
	}
	for _, tt := range tests {
		got := findURL(rutextFold(tt.text), nil) != ""
		if got != tt.want {
			t.Errorf("findURL(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestJoinSpelledLooksOnce: a long run of single characters is read in
// one pass (each word looked at a bounded number of times), and what is
// no domain comes back as it was.
func TestJoinSpelledLooksOnce(t *testing.T) {
	long := strings.Repeat("a ", 20000) + ". x"
	if got := joinSpelled(long); got != long {
		t.Fatalf("a run that spells no domain changed (%d → %d bytes)", len(long), len(got))
	}
	for _, s := range []string{"", " ", " . ", "a  b . r u", ". . . . . r u", "x\t. r u"} {
		if got := joinSpelled(s); got != s {
			t.Errorf("joinSpelled(%q) = %q, want it unchanged", s, got)
		}
	}
	if got, want := joinSpelled("сайт: s h o p . r u, пишите"), "сайт: shop.ru, пишите"; got != want {
		t.Errorf("joinSpelled = %q, want %q", got, want)
	}
}

func TestHandleDetector(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"Telegram @uyut_help", "@uyut_help"},
		{"@shop", "@shop"},
		{"почта shop@mail.ru", ""},
		{"я @ дома", ""},
		{"@ab", ""}, // too short to be an account
	}
	for _, tt := range tests {
		if got := findHandle(rutextFold(tt.text), nil); got != tt.want {
			t.Errorf("findHandle(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestNumberDetectors(t *testing.T) {
	tests := []struct {
		text          string
		card, account bool
	}{
		{"карта 2200 7001 2345 6789", true, false},
		{"карта 2200-7001-2345-6789", true, false},
		{"карта 2200700123456789", true, false},
		{"р/с 40702810900000012345", false, true},
		{"телефон +7 916 555-44-33", false, false},
		{"артикул 187654321, заказ №48213", false, false},
		{"БИК 044525225", false, false},
		{"дата 12.03.2026 12:00", false, false},
		{"2200 7001. 2345 6789", false, false}, // split across sentences
		{"Amex 378282246310005", true, false},
		{"трек Boxberry 0024718390552", false, false}, // starts with 0
		{"отправление 4718390552131", false, false},   // 13 digits, no card
		{"ШПИ 80082245117363", false, false},          // Почта России
	}
	for _, tt := range tests {
		d := rutextAnalyze(tt.text)
		if got := findCardNumber("", d) != ""; got != tt.card {
			t.Errorf("findCardNumber(%q) = %v, want %v", tt.text, got, tt.card)
		}
		if got := findBankAccount("", d) != ""; got != tt.account {
			t.Errorf("findBankAccount(%q) = %v, want %v", tt.text, got, tt.account)
		}
	}
	// evidence never carries the whole number
	if ev := findCardNumber("", rutextAnalyze("2200 7001 2345 6789")); strings.Contains(ev, "2200") || !strings.HasSuffix(ev, "6789") {
		t.Errorf("card evidence %q should be masked but for the last four digits", ev)
	}
}

func TestLexiconErrors(t *testing.T) {
	good, err := os.ReadFile("flags.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, from, to, want string
	}{
		{"unknown detector", "detectors: [url, handle]", "detectors: [url, telepathy]", "unknown detector"},
		{"unknown flag", "flags:\n", "flags:\n  spam:\n    match: [\"спам\"]\n", "unknown flag"},
		{"bad pattern", `"@promo_word"`, `"(@promo_word"`, "missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := strings.Replace(string(good), tt.from, tt.to, 1)
			if data == string(good) {
				t.Fatalf("test setup: %q not found", tt.from)
			}
			if _, err := New([]byte(data)); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}
