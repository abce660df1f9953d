package rutext

import (
	"testing"
	"unicode/utf8"
)

// FuzzAnalyze checks that any input is analysed without a panic and that the
// result is well formed.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{"", "Есть промокод?", "прoмoкод с к и д к а", "1,5 кг", "🙏🙏", "\xff\xfe", "т . me/x", "«Уют»", "s.t.o.p", "-20%", "на 0з0не", "ОZОN", "за 5* и 100* и 5**", "М.Видео", "пришёл.Спасибо", "ватсаn", "у Вас в Кораблике", "ＦＵＬＬ Кораблик", "ПВЗ Лента"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		folded := Fold(s)
		if !utf8.ValidString(folded) {
			t.Fatalf("Fold(%q) is not valid UTF-8", s)
		}
		if again := Fold(folded); again != folded {
			t.Fatalf("Fold is not idempotent: Fold(%q) = %q, Fold of that = %q", s, folded, again)
		}
		d := Analyze(s)
		var sent, clause int32
		for i, tk := range d.Tokens {
			if tk.Text == "" {
				t.Fatalf("token %d of %q is empty", i, s)
			}
			if tk.Sentence < sent || tk.Clause < clause || tk.Clause < tk.Sentence {
				t.Fatalf("token %d of %q: sentence %d clause %d after %d %d", i, s, tk.Sentence, tk.Clause, sent, clause)
			}
			if tk.Capital && (tk.Kind != Word || i == 0 || d.Tokens[i-1].Sentence != tk.Sentence || politeForms[tk.Text]) {
				t.Fatalf("token %d of %q (%q) is a name's capital where none can be", i, s, tk.Text)
			}
			if tk.Capital != Analyze(s).Tokens[i].Capital {
				t.Fatalf("token %d of %q: Capital differs between two analyses", i, s)
			}
			sent, clause = tk.Sentence, tk.Clause
			_ = tk.Stem()
		}
		if len(d.Tokens) > 0 && (int(sent)+1 != d.Sentences || int(clause)+1 != d.Clauses) {
			t.Fatalf("%q: counts %d/%d do not match the last token %d/%d", s, d.Sentences, d.Clauses, sent, clause)
		}
	})
}

// FuzzReadAsRussian: any text is read without a panic, stays valid UTF-8
// when it was, and a text with a Cyrillic letter is left as it is.
func FuzzReadAsRussian(f *testing.F) {
	for _, s := range []string{"", "skidku sdelaete?", "Stop pls", "где заказ", "hochu vernut' den'gi", "\xff", "e", "s v k", "rjulf ljcnfdrf&", "cgfcb,j", "как ds,hfnm о", "cjj,otyq р"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := ReadAsRussian(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("ReadAsRussian(%q) = %q is not valid UTF-8", s, got)
		}
		// a Russian text with Latin words may have them read as Russian
		// (ReadMixed: "привет baba"); one with no Latin letter stays as it is
		cyrillic, latin := false, false
		for _, r := range s {
			cyrillic = cyrillic || r >= 0x400 && r <= 0x4ff
			latin = latin || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		}
		if cyrillic && !latin && got != s {
			t.Fatalf("ReadAsRussian(%q) changed a Cyrillic text with no Latin letter", s)
		}
	})
}

// FuzzSpeller: any word list is read without a panic, and any word gets a
// correction that is itself or a word of the list.
func FuzzSpeller(f *testing.F) {
	f.Add([]byte("посылка 5 посылк\nпромокод 9 промокод\n"), "пасылка")
	f.Add([]byte("# x\n\n"), "")
	f.Fuzz(func(t *testing.T, list []byte, w string) {
		sp, err := ParseSpeller(list)
		if err != nil {
			return
		}
		if c := sp.Correct(w); c != w && !sp.Known(c) && colloquial[w] != c {
			t.Fatalf("Correct(%q) = %q, neither the word nor a known one", w, c)
		}
	})
}
