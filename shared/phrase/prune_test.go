package phrase

import (
	"fmt"
	"strings"
	"testing"

	"github.com/agentiq/agentiq/shared/rutext"
)

// unpruned finds pattern pid's matches by trying it at every token with
// every word counted present: what a scan finds with no pruning at all.
func unpruned(s *Set, d *rutext.Doc, pid int) []Span {
	m := s.prepare(d)
	defer m.Release()
	copy(m.sat, s.mustFull) // every must set (patterns' and alternatives') satisfied
	r := runner{s: s, m: m}
	var out []Span
	for pos := range d.Tokens {
		if end := r.exec(s.progs[pid], pos); end > pos {
			out = append(out, Span{pos, end})
		}
	}
	return out
}

// TestPruningFindsWhatTryingEverywhereFinds: the words a pattern or an
// alternative is found to need (past its first word, inside concepts and
// nested groups) only skip work; every text gives the matches that trying
// every pattern at every token gives.
func TestPruningFindsWhatTryingEverywhereFinds(t *testing.T) {
	b := NewBuilder()
	concepts := map[string][]string{
		"contact": {"ватсап*", "=по =телефону", "=в =чат", "(=на =почту|=на =мейл)", "=канал =в (=телеграм|=тг)"},
		"reward":  {"=за ..3 =отзыв", "=за (=деньги|=баллы)", "бонус*", "(=в =подарок|=подарим) ..2 [=вам|=тебе]"},
		"where":   {"=у =нас =на @place", "@place"},
		"place":   {"=сайте", "=складе", "#num (=магазин|=точка)"},
	}
	for name, pats := range concepts {
		if err := b.Concept(name, pats); err != nil {
			t.Fatal(err)
		}
	}
	patterns := []string{
		"(=в|=на|=по) ..3 @contact",
		"@contact",
		"=пишите ..2 @contact",
		"(=оставьте|=напишите) ..3 =отзыв ..4 @reward",
		"@reward",
		"=есть ..2 @where",
		"!(=не) =здесь ..2 @contact",
		"=заказ (=на =сайте|=через @contact) $",
		"(=мы|=у =нас) ...4 (@place|=в =группе)",
		"=у [=в =группе] =нас",
		"#num (=магазин|=отзыв|=деньги)",
		"@where", // opens with a concept one of whose alternatives opens with a kind
		"@place",
	}
	ids := make([]int, len(patterns))
	for i, p := range patterns {
		id, err := b.Add(p)
		if err != nil {
			t.Fatalf("Add(%q): %v", p, err)
		}
		ids[i] = id
	}
	s, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	// texts of 3 to 12 words, picked by a fixed pseudo-random sequence
	defer func(r, side int) { indexCostRatio, indexSide = r, side }(indexCostRatio, indexSide)
	// every pattern by each token's words; the staged ones indexed from
	// their first words, or from the document's words
	for _, way := range []struct{ ratio, side int }{{0, 0}, {1 << 30, 1}, {1 << 30, 2}} {
		indexCostRatio, indexSide = way.ratio, way.side
		t.Run(fmt.Sprint("ratio ", way.ratio, " side ", way.side), func(t *testing.T) { scanEqualsUnpruned(t, s, patterns, ids) })
	}
}

// pseudoText is text n of a fixed pseudo-random sequence: size words
// picked from words.
func pseudoText(words []string, n, size int) string {
	var sb strings.Builder
	k := uint32(n)
	for range size {
		k = k*1103515245 + 12345
		sb.WriteString(words[int(k>>16)%len(words)])
		sb.WriteByte(' ')
	}
	return sb.String()
}

func scanEqualsUnpruned(t *testing.T, s *Set, patterns []string, ids []int) {
	words := []string{"в", "на", "по", "за", "у", "нас", "не", "здесь", "пишите", "напишите", "оставьте", "отзыв",
		"чат", "телефону", "почту", "канал", "тг", "ватсапе", "деньги", "бонусы", "подарок", "вам", "есть", "сайте",
		"складе", "5", "магазин", "заказ", "через", "мы", "группе", "спасибо", "."}
	found := 0
	for n := 1; n <= 3000; n++ {
		text := pseudoText(words, n, 3+n%10)
		d := rutext.Analyze(text)
		m := s.Scan(d)
		for i, id := range ids {
			got, want := fmt.Sprint(m.Spans(id)), fmt.Sprint(unpruned(s, d, id))
			if got != want {
				t.Errorf("%q in %q: scan %s, every token %s", patterns[i], text, got, want)
			}
			if want != "[]" {
				found++
			}
		}
		m.Release()
	}
	if found < 500 {
		t.Fatalf("only %d matches in all texts: the texts do not exercise the patterns", found)
	}
}

// TestConceptsNeedWordsPastTheirFirst: a concept whose alternatives start
// with words every text holds ("по телефону", "в чат") is needed by a
// pattern only where one of its rarer words is: a text full of "в" and
// "по" does not run it at all.
func TestConceptsNeedWordsPastTheirFirst(t *testing.T) {
	b := NewBuilder()
	if err := b.Concept("contact", []string{"ватсап*", "=по =телефону", "(=в =чат|=в =группу)"}); err != nil {
		t.Fatal(err)
	}
	s, id := compileOne(t, b, "(=в|=на|=по) ..3 @contact")
	scan := func(text string) (bool, int) {
		m := s.Scan(rutext.Analyze(text))
		defer m.Release()
		return len(m.Spans(id)) > 0, m.Steps
	}
	if found, steps := scan(strings.Repeat("по дороге в город на машине ", 5)); found || steps != 0 {
		t.Errorf("found %v after %d steps in a text without any contact word", found, steps)
	}
	for _, text := range []string{"звоните на номер по телефону", "мы на связи в чат", "на ватсап"} {
		if found, _ := scan(text); !found {
			t.Errorf("not found in %q", text)
		}
	}
}

// TestAlternationsDeadAtATokenAreNotTried: a pattern that opens with a
// concept is not tried at a token where every alternative that could start
// there needs a word the text lacks ("в" opens "в чат", and no "чат").
func TestAlternationsDeadAtATokenAreNotTried(t *testing.T) {
	b := NewBuilder()
	if err := b.Concept("contact", []string{"=по =телефону", "=в =чат", "#num =звонок"}); err != nil {
		t.Fatal(err)
	}
	id, err := b.Add("@contact")
	if err != nil {
		t.Fatal(err)
	}
	s, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	scan := func(text string) (string, int) {
		m := s.Scan(rutext.Analyze(text))
		defer m.Release()
		return fmt.Sprint(m.Spans(id)), m.Steps
	}
	spans, steps := scan("позвоните по телефону")
	if spans != "[{1 3}]" {
		t.Fatalf("spans %s, want [{1 3}]", spans)
	}
	// the same match, with "в" and a number (which open alternatives
	// needing "чат" and "звонок") before it: no more steps
	if spans2, steps2 := scan("в 5 в позвоните по телефону"); spans2 != "[{4 6}]" || steps2 != steps {
		t.Errorf("spans %s after %d steps, want [{4 6}] after %d", spans2, steps2, steps)
	}
	if spans, _ := scan("в 5 звонок в чат"); spans != "[{1 3} {3 5}]" {
		t.Errorf("spans %s, want [{1 3} {3 5}]", spans)
	}
}

// TestPrefixAtomsFoundByTheWordsPrefixes: a word's prefix atoms, found by
// looking up each of its prefixes, are those a comparison with every
// prefix atom finds, in the order of their ids (the order an alternation
// tries alternatives in).
func TestPrefixAtomsFoundByTheWordsPrefixes(t *testing.T) {
	b := NewBuilder()
	for _, p := range []string{"заказ*", "за*", "заказыва*", "отзыв*", "о*", "ё*", "ёлк*", "5*", "wb*", "заказ", "отз*"} {
		if _, err := b.Add(p); err != nil {
			t.Fatal(err)
		}
	}
	s, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"заказывала", "заказ", "за", "з", "отзывы", "ёлки", "ёж", "50", "wbшный", "пр"} {
		d := rutext.Analyze(text)
		tok := &d.Tokens[0]
		var want []int32
		for id, a := range s.atoms {
			if a.kind == akPrefix && strings.HasPrefix(tok.Text, a.value) {
				want = append(want, int32(id))
			}
		}
		var got []int32
		for _, id := range s.computeWordAtoms(tok) {
			if s.atoms[id].kind == akPrefix {
				got = append(got, id)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%q: prefix atoms %v, want %v", tok.Text, got, want)
		}
		if text == "заказывала" && len(want) != 3 {
			t.Errorf("%q: %d prefix atoms, want 3 (за*, заказ*, заказыва*)", text, len(want))
		}
	}
}

// TestViableTermsAreEveryViableTerm: the match terms found from the
// document's words (viableTerms: a bit set over the terms its atoms can
// reach) are every term of the rules asked for that can match there —
// what looking at each term in turn finds — in rule order.
func TestViableTermsAreEveryViableTerm(t *testing.T) {
	b := NewBuilder()
	for name, pats := range map[string][]string{
		"contact": {"ватсап*", "=по =телефону", "=в =чат", "(=на =почту|=на =мейл)"},
		"reward":  {"=за ..3 =отзыв", "=за (=деньги|=баллы)", "бонус*", "(=в =подарок|=подарим) ..2 [=вам]"},
		"place":   {"=сайте", "=складе", "#num (=магазин|=точка)"},
	} {
		if err := b.Concept(name, pats); err != nil {
			t.Fatal(err)
		}
	}
	names := []string{"move", "trade", "review", "count", "short", "here"}
	rules := map[string]Rule{
		"move":   {Match: []Term{{Pattern: "(=пишите|=напишите) ..3 @contact"}, {All: []string{"@place", "@contact"}}}},
		"trade":  {Match: []Term{{All: []string{"отзыв", "@reward"}}, {Pattern: "@reward"}}, Unless: []Term{{Pattern: "=не ..2 =даем"}}},
		"review": {Match: []Term{{Pattern: "отзыв"}, {Pattern: "=оценка"}}},
		"count":  {Match: []Term{{Pattern: "#num"}, {Pattern: "@place"}}}, // leads no word needs
		"short":  {Match: []Term{{Pattern: "=спасибо", MaxWords: 4}}},
		"here":   {Match: []Term{{Pattern: "=здесь ..2 @contact"}, {Pattern: "=у =нас"}}},
	}
	l, err := CompileLabels(b, names, rules)
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"пишите", "напишите", "в", "чат", "по", "телефону", "на", "почту", "ватсапе", "за", "отзыв",
		"деньги", "бонусы", "подарок", "вам", "не", "даем", "оценка", "5", "магазин", "сайте", "складе", "спасибо",
		"здесь", "у", "нас", "."}
	viable := 0
	for n := 1; n <= 2000; n++ {
		text := pseudoText(words, n, 1+n%9)
		d := rutext.Analyze(text)
		m := l.Set.prepare(d)
		for from := 0; from <= len(names); from++ {
			for to := from; to <= len(names); to++ {
				var want []termRef
				for ri := from; ri < to; ri++ {
					for ti := range l.rules[ri].match {
						if m.viable(&l.rules[ri].match[ti]) {
							want = append(want, termRef{int32(ri), int32(ti)})
						}
					}
				}
				got := l.viableTerms(m, from, to)
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Fatalf("%q, rules [%d, %d): viable terms %v, each term looked at %v", text, from, to, got, want)
				}
				viable += len(want)
			}
		}
		m.Release()
	}
	if viable < 5000 {
		t.Fatalf("only %d viable terms in all texts: the texts do not exercise the rules", viable)
	}
}
