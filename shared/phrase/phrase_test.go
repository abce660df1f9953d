package phrase

import (
	"fmt"
	"strings"
	"testing"

	"github.com/agentiq/agentiq/shared/rutext"
)

// matches compiles one pattern (with the given concepts) and reports whether
// it is found in text.
func matches(t *testing.T, pattern, text string, concepts map[string][]string) bool {
	t.Helper()
	b := NewBuilder()
	for name, pats := range concepts {
		if err := b.Concept(name, pats); err != nil {
			t.Fatal(err)
		}
	}
	s, id := compileOne(t, b, pattern)
	m := s.Scan(rutext.Analyze(text))
	defer m.Release()
	return len(m.Spans(id)) > 0
}

// compileOne adds pattern to b and builds the set: the set and the
// pattern's id.
func compileOne(t *testing.T, b *Builder, pattern string) (*Set, int) {
	t.Helper()
	id, err := b.Add(pattern)
	if err != nil {
		t.Fatalf("Add(%q): %v", pattern, err)
	}
	s, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return s, id
}

func TestPatterns(t *testing.T) {
	concepts := map[string][]string{
		"promo": {"скидка", "скидочка~", "скидос*", "промокод"},
		"neg":   {"=не", "=нет"},
		// patterns that are alternations themselves
		"negs": {"(=не|=нет)", "(=ни|никак)"},
	}
	tests := []struct {
		name, pattern, text string
		want                bool
	}{
		// words match by stem, never by substring
		{"stem: inflected form", "скидка", "дайте скидку", true},
		{"stem: another form", "скидка", "нет скидок? а скидки?", true},
		{"no substring: работа/бот", "бот", "работа курьера", false},
		{"no substring: акционерное/акция", "акция", "акционерное общество", false},
		{"no substring: посуда/суд", "суд", "посуда пришла", false},
		{"no substring: скидывайте/скидка", "скидка", "скидывайте фото", false},
		{"concept with prefix entry", "@promo", "скидос будет?", true},
		{"concept with diminutive", "@promo", "скидочку сделаете", true},
		{"fuzzy: one typo in a long word", "доставка", "достака сорвана", true},
		{"fuzzy: not two typos", "доставка", "дотсака", false},
		{"fuzzy: short words need exact stems", "брак", "брат", false},
		{"a date: #date", "=до #date", "купон действует до 31.03", true},
		{"a date: with its year", "=до #date", "действует до 1.12.2027 включительно", true},
		{"a date: not a time", "=до #date", "отвечаем до 18.00", false},
		{"a date: not a decimal", "=до #date", "скидка до 1.5 тысяч", false},
		{"a date: no month 13", "=до #date", "до 31.13", false},
		{"a date: still a number", "=до #num", "купон действует до 31.03", true},
		{"a name: #cap", "=у #cap", "такие же есть у Котофея", true},
		{"a name: not a small letter", "=у #cap", "такие же есть у котофея", false},
		{"a name: not the polite Вас", "=у #cap", "а у Вас есть чек?", false},
		{"a name: not Latin", "=у #cap", "такие же есть у Zarina", false},
		{"an equals sign: ==", "отзыв ==", "отзыв = подарок", true},
		{"an equals sign is no word", "отзыв ==", "отзыв и подарок", false},
		{"exact form", "=пишите", "не пишите мне", true},
		{"exact form is not stemmed", "=пишите", "вы не пишете", false},
		{"prefix", "промик*", "промики есть?", true},
		{"prefix must start the word", "бот*", "работа", false},
		{"look-alike letters", "промокод", "прoмoкод есть", true},
		{"sequence is adjacent", "не пишите", "не надо пишите", false},
		{"a clause join: adjacent in one clause", "#num =руб ..0 =вместо", "300 руб вместо 600", true},
		{"a clause join: not across a comma", "#num =руб ..0 =вместо", "оплатила 300 руб, вместо трёх пар две", false},
		{"adjacency alone crosses a comma", "#num =руб =вместо", "оплатила 300 руб, вместо трёх пар две", true},
		{"look-behind: not after the word", "!(=не|=а) =здесь", "давайте не здесь", false},
		{"look-behind: after another word", "!(=не|=а) =здесь", "пишите здесь", true},
		{"look-behind: at the sentence start", "!(=не|=а) =здесь", "Здесь ответим", true},
		{"look-behind: across a sentence", "!(=не|=а) =здесь", "Нет. Здесь ответим", true},
		{"clause gap", "=не .. пишите", "не надо пишите", true},
		{"clause gap stops at a comma", "=не .. пишите", "не надо, пишите", false},
		{"sentence gap crosses a comma", "=не ... пишите", "не надо, пишите", true},
		{"no match across sentences", "=не ... пишите", "не надо. пишите", false},
		{"gap length", "=не ..1 пишите", "не надо мне пишите", false},
		{"clause gap to the end of a sentence", "=за =отзыв .. $", "Спасибо за отзыв. Ключ в комплекте", true},
		{"clause gap to the end of a clause is not its end", "=за =отзыв .. $", "Спасибо за отзыв, ключ в комплекте", false},
		{"clause gap over words to the end of a sentence", "=за =отзыв ..2 $", "Спасибо за отзыв нам приятно. Ключ в комплекте", true},
		{"alternatives", "(скидка|промокод) ?", "промокод?", true},
		{"optional", "есть [ли] промокод", "есть промокод", true},
		{"optional present", "есть [ли] промокод", "есть ли промокод", true},
		{"negated token", "=не !=надо", "не надо", false},
		{"negated token holds", "=не !=надо", "не пишите", true},
		{"negated group", "=не !(=надо|=нужно)", "не нужно", false},
		{"negated concept", "есть !@neg", "есть нет", false},
		{"negated concept of alternations", "есть !@negs", "есть никак", false},
		{"negated concept of alternations holds", "есть !@negs", "есть да", true},
		{"start anchor", "^ =а", "да, а вот", false},
		{"start anchor holds", "^ =а", "А есть скидка?", true},
		{"end anchor", "скидка $", "скидка будет?", false},
		{"end anchor before marks", "будет $", "скидка будет?!", true},
		{"statement end: full stop", "=всё =ок $.", "С возвратом всё ок.", true},
		{"statement end: exclamation", "=всё =ок $.", "С возвратом всё ок!", true},
		{"statement end: no mark, next sentence asks", "=всё =ок $.", "С возвратом всё ок. А доставка когда?", true},
		{"statement end: a question", "=всё =ок $.", "С возвратом всё ок?", false},
		{"statement end: question and exclamation", "=всё =ок $.", "С возвратом всё ок?!", false},
		{"statement end: exclamation, then question", "=всё =ок $.", "С возвратом всё ок!?", false},
		{"statement end: mid-sentence", "=всё =ок $.", "всё ок с возвратом", false},
		{"statement end in an alternative", "=ок (=но|$.)", "всё ок?", false},
		{"question mark token", "@promo ..3 ?", "скидка на куртку будет?", true},
		{"gap longer than allowed", "@promo ..3 ?", "скидка на зимнюю куртку будет?", false},
		{"kinds", "#num %", "скидка 20%", true},
		{"emoji kind", "спасибо #emoji", "спасибо 🙏", true},
		{"symbol: opening quote", "продавец «", "продавец «Уют»", true},
		{"multi-word literal", "пункт выдачи", "в пункте выдачи", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := matches(t, tt.pattern, tt.text, concepts); got != tt.want {
				t.Errorf("pattern %q in %q: got %v, want %v", tt.pattern, tt.text, got, tt.want)
			}
		})
	}
}

func TestPatternErrors(t *testing.T) {
	tests := []struct {
		pattern, want string
	}{
		{"", "empty"},
		{"(скидка", "missing"},
		{"скидка)", "unexpected"},
		{"[скидка", "missing"},
		{"=скидк*", "do not combine"},
		{"@nope", "unknown concept"},
		{"_ скидка", "must start with"},
		{"!=не _ скидка", "must start with"},
		{"!=не", "must start with"},
		// a gap first would let the match start anywhere
		{"^ ..3 скидка", "must start with"},
		{"[=а] ... скидка", "must start with"},
		{"[скидка]", "can match no word"},
		{"..", "must start with"},
		{"скидка ..99", "bad gap"},
		{"!(скидка есть|ну)", "single tokens"},
	}
	for _, tt := range tests {
		b := NewBuilder()
		_, err := b.Add(tt.pattern)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Add(%q) error = %v, want one containing %q", tt.pattern, err, tt.want)
		}
	}
}

func TestConceptErrors(t *testing.T) {
	b := NewBuilder()
	if err := b.Concept("a", []string{"@b"}); err != nil {
		t.Fatal(err)
	}
	if err := b.Concept("b", []string{"@a"}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Build(); err == nil || !strings.Contains(err.Error(), "refers to itself") {
		t.Errorf("cyclic concepts: error = %v", err)
	}
	if err := NewBuilder().Concept("x", nil); err == nil {
		t.Error("empty concept accepted")
	}
	b = NewBuilder()
	_ = b.Concept("x", []string{"да"})
	if err := b.Concept("x", []string{"нет"}); err == nil {
		t.Error("concept defined twice accepted")
	}
}

func TestSamePatternOnce(t *testing.T) {
	b := NewBuilder()
	a, _ := b.Add("скидка ?")
	c, _ := b.Add("скидка ?")
	if a != c {
		t.Errorf("the same pattern got ids %d and %d", a, c)
	}
}

func TestLabels(t *testing.T) {
	rules := map[string]Rule{
		"promo": {
			Match:  []Term{{Pattern: "скидка ..3 ?"}, {All: []string{"промокод", "=есть"}}},
			Unless: []Term{{Pattern: "=не (нужна|нужен)"}, {Pattern: "спасибо за", Scope: "sentence"}},
		},
		"stop": {Match: []Term{{Pattern: "=стоп", MaxWords: 2}}},
		"ask": {
			Match:  []Term{{Pattern: "промокод ..2 =дадите"}},
			Unless: []Term{{Pattern: "=шучу", Scope: "after"}},
		},
		"fault": {
			Match:  []Term{{Pattern: "(сломанный|=не =включается)"}},
			Unless: []Term{{Pattern: "=заменили сломанный", Scope: "span"}},
		},
	}
	tests := []struct {
		text   string
		want   []string
		vetoed string
	}{
		{"скидка будет?", []string{"promo"}, ""},
		{"скидка не нужна?", nil, "promo"},                                 // unless in the same clause
		{"скидка не нужна. а вообще скидка будет?", []string{"promo"}, ""}, // the second sentence is clean
		{"промокод? да, есть", nil, ""},                                    // all: not in one sentence
		{"есть промокод", []string{"promo"}, ""},
		{"спасибо за помощь, скидка будет?", nil, "promo"}, // unless with sentence scope
		{"стоп", []string{"stop"}, ""},
		{"стоп, а где мой заказ", nil, ""}, // max_words
		// unless with span scope: it voids only the match it shares words with
		{"спасибо заменили сломанный пульт", nil, "fault"},
		{"спасибо заменили сломанный пульт теперь приставка не включается", []string{"fault"}, ""},
		// unless with after scope: it voids only a match before it
		{"промокод дадите? шучу", nil, "ask"},
		{"шучу. а промокод дадите?", []string{"ask"}, ""},
		{"промокод дадите? шучу. а всё-таки промокод дадите?", []string{"ask"}, ""}, // the second request stands
	}
	for _, tt := range tests {
		b := NewBuilder()
		l, err := CompileLabels(b, []string{"promo", "stop", "fault", "ask"}, rules)
		if err != nil {
			t.Fatal(err)
		}
		var got, vetoed []string
		for _, h := range l.Match(rutext.Analyze(tt.text)) {
			if h.Vetoed {
				vetoed = append(vetoed, h.Label)
				continue
			}
			got = append(got, h.Label)
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("%q: labels %v, want %v", tt.text, got, tt.want)
		}
		// a label found but voided by its unless terms is reported as such
		if tt.vetoed != "" && (len(vetoed) != 1 || vetoed[0] != tt.vetoed) {
			t.Errorf("%q: vetoed %v, want [%s]", tt.text, vetoed, tt.vetoed)
		}
	}
}

func TestLabelErrors(t *testing.T) {
	for _, tc := range []struct {
		names []string
		rules map[string]Rule
		want  string
	}{
		{[]string{"a"}, map[string]Rule{}, "has no rule"},
		{[]string{"a"}, map[string]Rule{"a": {}}, "no match terms"},
		{[]string{"a"}, map[string]Rule{"a": {Match: []Term{{Pattern: "да"}}}, "b": {Match: []Term{{Pattern: "да"}}}}, "unknown label"},
		{[]string{"a"}, map[string]Rule{"a": {Match: []Term{{Pattern: "да"}}, Unless: []Term{{Pattern: "нет", Scope: "page"}}}}, "unknown scope"},
		{[]string{"a"}, map[string]Rule{"a": {Match: []Term{{All: []string{"да", "ну"}, Scope: "page"}}}}, "unknown scope"},
		// a one-pattern match is its own span: a scope there would be ignored
		{[]string{"a"}, map[string]Rule{"a": {Match: []Term{{Pattern: "да", Scope: "message"}}}}, "takes no scope"},
		{[]string{"a"}, map[string]Rule{"a": {Match: []Term{{Pattern: "да", Scope: "after"}}}}, "takes no scope"},
		{[]string{"a"}, map[string]Rule{"a": {Match: []Term{{All: []string{"да", "ну"}, Scope: "after"}}}}, "not \"after\""},
		{[]string{"a"}, map[string]Rule{"a": {Match: []Term{{}}}}, "needs either"},
		{[]string{"a"}, map[string]Rule{"a": {Match: []Term{{Pattern: "да"}}, Unless: []Term{{All: []string{"не", "нет"}, Scope: "span"}}}}, "not \"span\""},
	} {
		_, err := CompileLabels(NewBuilder(), tc.names, tc.rules)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("CompileLabels(%v) error = %v, want %q", tc.rules, err, tc.want)
		}
	}
}

// TestPathologicalInput checks that a long run of the same word, which makes
// gaps branch at every token, is bounded.
func TestPathologicalInput(t *testing.T) {
	text := strings.Repeat("не ", 5000) + "пишите"
	if !matches(t, "=не ...8 пишите", text, nil) {
		t.Error("no match")
	}
	if matches(t, "=не ...8 =не ...8 =не ...8 =не ...8 скидка", strings.Repeat("не ", 5000), nil) {
		t.Error("false match")
	}
}

// TestAlternativesNeedTheirWords: an alternative of a concept whose
// mandatory words are not all in the document is never tried there, and
// one whose words are is found as before.
func TestAlternativesNeedTheirWords(t *testing.T) {
	b := NewBuilder()
	if err := b.Concept("reward", []string{"=за ..3 =отзыв", "=за =деньги", "=за ..2 =оценку", "=за =звезды", "бонус*"}); err != nil {
		t.Fatal(err)
	}
	s, id := compileOne(t, b, "@reward")
	scan := func(text string) (found bool, steps int) {
		m := s.Scan(rutext.Analyze(text))
		defer m.Release()
		return len(m.Spans(id)) > 0, m.Steps
	}
	if found, _ := scan("спасибо за честный отзыв"); !found {
		t.Error("an alternative whose words are all present was not found")
	}
	// "за" starts four alternatives, none of whose second words is here:
	// each try costs the one step that finds no alternative to run
	text := strings.Repeat("за это и за то ", 5)
	found, steps := scan(text)
	if found {
		t.Fatalf("found @reward in %q", text)
	}
	if tries := 10; steps > tries {
		t.Errorf("%d steps for %d tries: the alternatives were run without their words", steps, tries)
	}
}

// TestScanRest: labels matched later on the same scan give what matching
// them all at once gives, and patterns shared with the first labels are
// not run twice.
func TestScanRest(t *testing.T) {
	b := NewBuilder()
	if err := b.Concept("benefit", []string{"=вернем ..2 деньги", "подарок"}); err != nil {
		t.Fatal(err)
	}
	rules := map[string]Rule{
		"incentive": {Match: []Term{{All: []string{"отзыв", "@benefit"}}}},
		"benefit":   {Match: []Term{{Pattern: "@benefit"}}},
		"review":    {Match: []Term{{Pattern: "отзыв"}}, Unless: []Term{{Pattern: "=без ..2 отзыв"}}},
	}
	l, err := CompileLabels(b, []string{"incentive", "benefit", "review"}, rules)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"За отзыв вернем все деньги", "Подарок без всякого отзыва", "Просто текст"} {
		d := rutext.Analyze(text)
		all := l.Match(d)
		sc, first := l.Begin(d, 1)
		rest := sc.Rest()
		sc.Release()
		got := append(first, rest...)
		if len(got) != len(all) {
			t.Fatalf("%q: in two steps %v, at once %v", text, got, all)
		}
		for i := range got {
			if got[i] != all[i] {
				t.Errorf("%q: in two steps %v, at once %v", text, got, all)
			}
		}
	}
}

// Matching at once or in stages (the leads of match terms, then the rest
// of the terms whose lead was found, then the unless terms of the rules
// that may hold) finds what running every pattern finds. Patterns here are
// shared between a term's lead, another term's tail and an unless list.
func TestStagesFindWhatOnePassFinds(t *testing.T) {
	rules := map[string]Rule{
		"incentive": {
			Match:  []Term{{All: []string{"отзыв", "@benefit"}}, {All: []string{"оценк*", "подарок"}}},
			Unless: []Term{{Pattern: "=не ..2 (=даем|=даём)"}, {Pattern: "=без ..2 отзыв*", Scope: "sentence"}},
		},
		"benefit": {Match: []Term{{Pattern: "@benefit"}}, Unless: []Term{{Pattern: "=вернем =долг"}}},
		"review":  {Match: []Term{{All: []string{"@benefit", "отзыв"}}}},
		"gift":    {Match: []Term{{Pattern: "подарок"}}, Unless: []Term{{Pattern: "оценк*"}}},
	}
	texts := []string{
		"За отзыв вернем все деньги",
		"Подарок без отзыва",
		"Подарок за отзыв не даём",
		"Подарок за оценку",
		"Оценка на пять — подарок в посылке",
		"Вернем долг и деньги за отзыв",
		"Просто текст",
	}
	for _, staged := range []bool{false, true} {
		b := NewBuilder()
		if err := b.Concept("benefit", []string{"=вернем ..2 деньги", "подарок"}); err != nil {
			t.Fatal(err)
		}
		l, err := CompileLabels(b, []string{"incentive", "benefit", "review", "gift"}, rules)
		if err != nil {
			t.Fatal(err)
		}
		if staged {
			l.Staged()
		}
		for _, text := range texts {
			// as written, and repeated past stagedFrom words, which Staged
			// labels match in stages
			for _, text := range []string{text, strings.Repeat(text+". ", stagedFrom)} {
				d := rutext.Analyze(text)
				m := l.Set.Scan(d) // every pattern, one pass
				want := l.Eval(m)
				m.Release()
				if got := l.Match(d); fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("staged %v, %q: %v, running every pattern %v", staged, text, got, want)
				}
				// the first label, then the rest: "benefit" and "review"
				// share patterns "incentive" ran already
				sc, first := l.Begin(d, 1)
				got := append(first, sc.Rest()...)
				sc.Release()
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("staged %v, %q: Begin and Rest %v, running every pattern %v", staged, text, got, want)
				}
			}
		}
	}
}

// Rest after Begin, in stages: a rule's lead that an earlier rule already
// ran and found still lets the rest of its term and its unless terms run.
func TestRestRunsTheTailOfALeadFoundBefore(t *testing.T) {
	for name, rules := range map[string]map[string]Rule{
		"the tail of an all term": {
			"A": {Match: []Term{{Pattern: "=кот"}}},
			"B": {Match: []Term{{All: []string{"=кот", "=пес"}}}},
		},
		"an unless term": {
			"A": {Match: []Term{{Pattern: "=кот"}}},
			"B": {Match: []Term{{Pattern: "=кот"}}, Unless: []Term{{Pattern: "=пес"}}},
		},
	} {
		l, err := CompileLabels(NewBuilder(), []string{"A", "B"}, rules)
		if err != nil {
			t.Fatal(err)
		}
		l.Staged()
		d := rutext.Analyze(strings.Repeat("кот и пес. ", stagedFrom/3+1))
		m := l.Set.Scan(d)
		want := l.Eval(m)
		m.Release()
		sc, first := l.Begin(d, 1)
		got := append(first, sc.Rest()...)
		sc.Release()
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: Begin and Rest %v, running every pattern %v", name, got, want)
		}
	}
}

// TestLookBehindKeepsConcepts: a pattern that is a concept led by "!x"
// becomes a look-behind without changing the concept inside other
// patterns (a review found the strip done in place).
func TestLookBehindKeepsConcepts(t *testing.T) {
	b := NewBuilder()
	if err := b.Concept("here", []string{"!=не =здесь"}); err != nil {
		t.Fatal(err)
	}
	inner, err := b.Add("=пишите @here")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Add("@here"); err != nil {
		t.Fatal(err)
	}
	s, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]bool{"пишите вот здесь": true, "пишите здесь": false} {
		m := s.Scan(rutext.Analyze(text))
		if got := len(m.Spans(inner)) > 0; got != want {
			t.Errorf("%q: matched %v, want %v", text, got, want)
		}
		m.Release()
	}
}

// TestLookBehindInAlternatives: a "!x" leading an alternative, or a
// concept, at a pattern's head looks behind too, so concepts that look
// behind can be joined in one; inside a pattern it stays a token.
func TestLookBehindInAlternatives(t *testing.T) {
	b := NewBuilder()
	if err := b.Concept("joke", []string{"!(=не|=я) =шучу"}); err != nil {
		t.Fatal(err)
	}
	if err := b.Concept("dream", []string{"=мечтать =не =вредно"}); err != nil {
		t.Fatal(err)
	}
	if err := b.Concept("undone", []string{"@joke", "@dream"}); err != nil {
		t.Fatal(err)
	}
	pats := map[string]string{
		"concept": "@undone",
		"group":   "(@joke|=ладно)",
		"nested":  "(=ну|!=а =да) ..2 @dream",
		"inner":   "=ну @undone",
	}
	ids := map[string]int{}
	for name, p := range pats {
		id, err := b.Add(p)
		if err != nil {
			t.Fatalf("%s %q: %v", name, p, err)
		}
		ids[name] = id
	}
	s, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		pat, text string
		want      bool
	}{
		{"concept", "дадите скидку? шучу", true},
		{"concept", "я не шучу", false},
		{"concept", "Хорошо. Шучу", true}, // the start of a sentence: nothing before
		{"concept", "скидку? мечтать не вредно", true},
		{"group", "ну ладно", true},
		{"group", "я шучу", false},
		{"group", "ну шучу", true},
		{"nested", "а да мечтать не вредно", false},
		{"nested", "ой да мечтать не вредно", true},
		{"nested", "ну мечтать не вредно", true},
		{"inner", "ну вот шучу", true}, // inside, "!x" is the token "вот"
		{"inner", "ну шучу", false},
	} {
		m := s.Scan(rutext.Analyze(c.text))
		if got := len(m.Spans(ids[c.pat])) > 0; got != c.want {
			t.Errorf("%s %q on %q: matched %v, want %v", c.pat, pats[c.pat], c.text, got, c.want)
		}
		m.Release()
	}
	if _, err := NewBuilder().Add("(=а|!=не _) =здесь"); err == nil {
		t.Error(`"!=не _" leading an alternative: want the error for a pattern that may start anywhere`)
	}
}

// TestLongWordLooksUpNoTypos: a word far longer than every fuzzy pattern
// word is no typo of one and costs no look-up — its deletions would cost
// the square of its length (a pasted 30,000-letter "word" took the
// classifier 17 s and 6 GB) — while a typo of a pattern word still finds it.
func TestLongWordLooksUpNoTypos(t *testing.T) {
	b := NewBuilder()
	s, id := compileOne(t, b, "доставка")
	for _, tt := range []struct {
		text string
		want bool
	}{{"достака", true}, {"доставкка", true}, {strings.Repeat("достака", 4000), false}} {
		d := rutext.Analyze(tt.text)
		m := s.Scan(d)
		if got := len(m.Spans(id)) > 0; got != tt.want {
			t.Errorf("%.20q…: found %v, want %v", tt.text, got, tt.want)
		}
		m.Release()
		tk := &d.Tokens[0]
		if n := testing.AllocsPerRun(2, func() { s.computeWordAtoms(tk) }); n > 100 {
			t.Errorf("%.20q…: looking up its atoms allocates %.0f times, want a handful", tt.text, n)
		}
	}
}
