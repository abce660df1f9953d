package rutext

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/kljensen/snowball/russian"
)

// snowballWords returns every distinct word of the project's labelled
// texts (as written and in lower case) and, for every 97th stem of the
// real-word dictionary, the stem with each ending the stemmer knows and
// with pairs of them ("…ившись", "…ующими", "…остью").
func snowballWords(t testing.TB) []string {
	seen := map[string]bool{}
	var out []string
	add := func(w string) {
		if w != "" && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	var files []string
	for _, g := range []string{"../intent/testdata/*/*.jsonl", "../intent/testdata/*.tsv", "../lint/testdata/*/*.jsonl", "../lint/testdata/*.tsv"} {
		m, err := filepath.Glob(g)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 50 {
		t.Fatalf("only %d labelled files found", len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range strings.FieldsFunc(string(b), func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
			add(w)
			add(strings.ToLower(w))
		}
	}
	words := len(out)
	var endings []string
	for _, list := range [][][]rune{suffixesGerund, suffixesReflexive, suffixesAdjective, suffixesParticiple,
		suffixesVerb, suffixesNoun, suffixI, suffixesDeriv, {suffixNN}, suffixesSuperlative} {
		for _, e := range list {
			endings = append(endings, string(e))
		}
	}
	d := realStems()
	for i := 0; i+1 < len(d.start); i += 97 {
		var sb strings.Builder
		for _, c := range d.codes[d.start[i]:d.start[i+1]] {
			sb.WriteRune([]rune(stemAlphabet)[c-1])
		}
		stem := sb.String()
		add(stem)
		for _, e := range endings {
			add(stem + e)
			add(stem + e + "ся")
			add(stem + "а" + e)
		}
	}
	t.Logf("%d words from the labelled texts, %d in all", words, len(out))
	if words < 20000 || len(out) < 200000 {
		t.Fatalf("%d words from the labelled texts, %d in all: too few to hold the stemmers equal", words, len(out))
	}
	return out
}

// TestSnowballStemIsTheLibrarys: the stemmer over runes answers what
// github.com/kljensen/snowball's Russian stemmer answers, word for word.
func TestSnowballStemIsTheLibrarys(t *testing.T) {
	words := snowballWords(t)
	bad := 0
	for _, w := range words {
		if got, want := snowballStem(w), russian.Stem(w, false); got != want {
			if bad++; bad <= 20 {
				t.Errorf("snowballStem(%q) = %q, the library %q", w, got, want)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d words differ", bad, len(words))
	}
	// and the edges the fast path hands to the library
	for _, w := range []string{"", "я", "ёж", "Привет", " кошки ", "кошки\x00", "кош\xffки", "шкафы-купе", "SALE", "okей",
		strings.Repeat("а", 70), strings.Repeat("о", 64), "доставка😀"} {
		if got, want := snowballStem(w), russian.Stem(w, false); got != want {
			t.Errorf("snowballStem(%q) = %q, the library %q", w, got, want)
		}
	}
}

func FuzzSnowballStem(f *testing.F) {
	for _, w := range []string{"доставка", "перезвоните", "бракованными", "отписаться", "ёлочками", "Кошки", "скидочку"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := snowballStem(w), russian.Stem(w, false); got != want {
			t.Errorf("snowballStem(%q) = %q, the library %q", w, got, want)
		}
	})
}

func BenchmarkSnowballStem(b *testing.B) {
	words := []string{"доставка", "привезли", "заказывала", "скидочку", "перезвоните", "пожалуйста",
		"здравствуйте", "размерчик", "бракованный", "отпишитесь"}
	b.Run("runes", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			snowballStem(words[i%len(words)])
		}
	})
	b.Run("library", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			russian.Stem(words[i%len(words)], false)
		}
	})
}
