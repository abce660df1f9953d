package rutext

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Kind is what a token is made of.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota + 1 // letters, possibly with digits ("промокод", "love5")
	Number                 // digits, possibly with a decimal point ("1.5", "2200")
	Emoji                  // one emoji, without variation selectors or skin tone
	Mark                   // "?" or "!": kept, because questions and exclamations carry intent
	Symbol                 // "%", "₽", "+", "$", "€", "★", "№", "@", "#", "«" (opening quote), "-" (minus)
)

// Token is one unit of normalised text.
type Token struct {
	// Text is the normalised form: folded case, ё→е, look-alikes folded.
	// Read it freely; change it only inside this package, through setText,
	// which also forgets the word record (lex) the caches answered from.
	Text     string
	Kind     Kind
	Cyrillic bool // the word has at least one Cyrillic letter
	// Capital: the word is written as a name is, with a capital and then
	// small letters ("Кораблик", "ЛавкаДом"), inside a sentence, after a
	// word, number or quote, and is not the polite "Вы"/"Ваш". Words in
	// capitals throughout ("ПВЗ", "СКИДКА") are not.
	Capital  bool
	Sentence int32 // index of the sentence the token belongs to
	Clause   int32 // index of the clause (sentence part between commas, dashes, "но")
	stem     string
	rec      *lex // the record of Text (lex), looked up on first use
}

// Stem returns the Russian Snowball stem of a Cyrillic word, and the text
// of any other token. It is computed on first use: most words are matched
// through a cache that does not need it.
func (t *Token) Stem() string {
	if t.stem == "" {
		if t.Kind == Word && t.Cyrillic {
			t.stem = Stem(t.Text)
		} else {
			t.stem = t.Text
		}
	}
	return t.stem
}

// Doc is an analysed text.
type Doc struct {
	Folded    string // the whole text after Fold
	Tokens    []Token
	Sentences int // number of sentences
	Clauses   int // number of clauses
	Words     int // number of Word and Number tokens
	Digits    int // bytes in Number tokens: at least the digits any run of them holds

	buf *docBuf // the buffers Release recycles
}

// boundary strength between two tokens.
const (
	bNone     = 0
	bClause   = 1
	bSentence = 2
)

// gap describes what stands between a token and the one before it.
type gap struct {
	boundary uint8 // strongest boundary seen since the previous token
	spaced   bool  // only spaces, dots, hyphens, stars or underscores since the previous token
}

// MaxTokens bounds the work done on one text: a chat message is at most a
// few hundred words, so anything past this is not analysed.
const MaxTokens = 20000

// Analyze normalises text and splits it into tokens, sentences and clauses.
// It never fails: any input, including invalid UTF-8, yields a Doc.
func Analyze(text string) *Doc {
	buf := bufPool.Get().(*docBuf)
	caps := buf.caps[:0]
	folded := fold(text, &caps)
	buf.caps = caps
	toks, gaps := scan(folded, caps, buf.toks[:0], buf.gaps[:0])
	buf.toks, buf.gaps = toks, gaps
	toks, gaps = mergeSpacedLetters(toks, gaps)
	toks, gaps = mergeSplitComparatives(toks, gaps)
	d := number(toks, gaps)
	d.Folded = folded
	d.buf = buf
	return d
}

// docBuf holds the token and gap buffers of an analysis, recycled by
// Release: the tokens of a message are most of what checking it allocates,
// and the collector's work on them cost more than reusing them.
type docBuf struct {
	toks []Token
	gaps []gap
	caps []int32
}

var bufPool = sync.Pool{New: func() any { return new(docBuf) }}

// Release hands d's buffers back for reuse by a later Analyze. The caller
// must own d alone and use neither d nor its tokens after; a Doc that is
// never released is simply collected.
func (d *Doc) Release() {
	buf := d.buf
	if buf == nil {
		return
	}
	d.buf, d.Tokens = nil, nil
	if cap(buf.toks) > 4096 { // an outsized message: let it go
		return
	}
	clear(buf.toks[:cap(buf.toks)]) // drop the strings the tokens hold
	bufPool.Put(buf)
}

func isEmoji(r rune) bool {
	switch {
	case r >= 0x1F000 && r <= 0x1FAFF:
		return true
	case r >= 0x2600 && r <= 0x27BF:
		return true
	case r >= 0x2300 && r <= 0x23FF, r == 0x2B50, r == 0x2B55, r == 0x3030, r == 0x303D, r == 0x2764:
		return true
	}
	return false
}

func symbolOf(r rune) (string, bool) {
	switch r {
	case '«', '“', '„':
		return "«", true // an opening quote: names of shops and brands follow
	case '%', '₽', '+', '$', '€', '№', '@', '#', '=':
		return string(r), true
	case '★', '☆', '⭐':
		return "★", true
	}
	return "", false
}

func isWordRune(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r >= 'а' && r <= 'я':
		return true
	case r < 0x80:
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= 0x80 && unicode.IsDigit(r) }

func isLetter(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'а' && r <= 'я':
		return true
	case r < 0x80:
		return false
	}
	return unicode.IsLetter(r)
}

// wordState tracks the word being scanned: where it starts in the folded
// text, and whether it needs per-word folding (look-alikes, letter runs,
// "1,5", apostrophes, look-alike digits), which is the rare case.
type wordState struct {
	start, end int
	cyr, lat   int
	letters    int
	digits     int
	fix        bool // the word is not a plain substring of the folded text
	last       rune
	run        int
}

// scanner splits folded text into tokens and what stands between them.
type scanner struct {
	s         string
	caps      []int32 // offsets of upper-case letters not yet passed
	out       []Token
	gaps      []gap
	w         wordState
	boundary  uint8
	spaced    bool
	afterMark bool // only marks and spaces since the last mark: "?!!" is one ending
}

func (sc *scanner) emit(t Token) {
	if len(sc.out) >= MaxTokens {
		return
	}
	if t.Kind == Mark && sc.afterMark {
		sc.boundary = bNone
	}
	sc.out = append(sc.out, t)
	sc.gaps = append(sc.gaps, gap{boundary: sc.boundary, spaced: sc.spaced})
	sc.boundary = bNone
	sc.spaced = true
	sc.afterMark = t.Kind == Mark
}

func (sc *scanner) raise(b uint8) {
	if b > sc.boundary {
		sc.boundary = b
	}
}

func (sc *scanner) flush() {
	w := &sc.w
	if w.start < 0 {
		return
	}
	t := Token{Kind: Number}
	if w.letters > 0 {
		t.Kind = Word
	}
	t.Cyrillic = w.cyr > 0
	if len(sc.caps) > 0 && int(sc.caps[0]) < w.end { // a capital in or before this word
		t.Capital = sc.capital(w.start, w.end, w.letters)
	}
	text := sc.s[w.start:w.end]
	if w.fix || w.cyr > 0 && (w.lat > 0 || w.digits > 0 && strings.ContainsAny(text, "03")) ||
		w.cyr == 0 && w.digits > 0 && w.digits <= 2 && w.lat >= 3 && w.lat+w.digits == len(text) {
		// (a Latin word with a zero or two: foldWord decides whether they are o's)
		f := foldWord(wordRunes(text))
		t.Text = string(f)
		t.Cyrillic = false
		for _, r := range f {
			if isCyrillic(r) {
				t.Cyrillic = true
				break
			}
		}
	} else {
		t.Text = text
	}
	if t.Cyrillic {
		t.Text = mendReflexive(t.Text)
	}
	if t.Kind == Word && w.digits > 0 {
		if n, ok := gluedUnit(t.Text); ok {
			// "300р", "500руб", "5звезд": a number and its unit typed
			// together are read as the two words they are
			sc.emit(Token{Text: t.Text[:n], Kind: Number})
			sc.spaced = false
			t.Text = t.Text[n:]
			t.Cyrillic = isCyrillic([]rune(t.Text)[0])
		}
	}
	sc.emit(t)
	w.start = -1
}

// capital reports whether the word at s[start:end] with letters letters
// begins with an upper-case letter and has a lower-case one, and moves
// past its capitals.
func (sc *scanner) capital(start, end, letters int) bool {
	c := sc.caps
	for len(c) > 0 && int(c[0]) < start {
		c = c[1:]
	}
	n := 0
	for n < len(c) && int(c[n]) < end {
		n++
	}
	sc.caps = c[n:]
	return n > 0 && int(c[0]) == start && n < letters
}

// glued are the units a number is often typed together with: money,
// counts, grades, measures and spans of time.
var glued = map[string]bool{
	"р": true, "руб": true, "рублей": true, "рубля": true, "рубль": true, "тр": true, "тыс": true,
	"к": true, "rub": true, "k": true,
	"шт": true, "штук": true, "штуки": true,
	"звезд": true, "звезды": true, "звезду": true, "звезда": true, "звездочек": true, "звездочки": true,
	"баллов": true, "балла": true, "балл": true, "бонусов": true, "бонуса": true,
	"см": true, "мм": true, "кг": true, "гр": true, "мл": true, "cm": true, "mm": true, "kg": true, "ml": true,
	"дн": true, "дней": true, "дня": true, "день": true, "ч": true, "час": true, "часа": true, "часов": true,
	"мин": true, "минут": true, "мес": true, "лет": true, "год": true, "года": true,
}

// isGlued reports whether text is a number typed with its unit ("0rub").
func isGlued(text string) bool {
	_, ok := gluedUnit(text)
	return ok
}

// gluedUnit reports whether text is ASCII digits followed by a known unit,
// and where the unit starts.
func gluedUnit(text string) (int, bool) {
	n := 0
	for n < len(text) && text[n] >= '0' && text[n] <= '9' {
		n++
	}
	if n == 0 || n == len(text) {
		return 0, false
	}
	unit := text[n:]
	if unit == "р" && n < 3 {
		return 0, false // "2р в год" (раз), "48р" (размер): roubles only from 100
	}
	return n, glued[unit]
}

// mendReflexive mends the commonest slip of Russian spelling, "-еться" for
// "-ется" after a vowel ("шатаеться", "включаеться"): no Russian word ends
// so, and the slip would otherwise change the word's stem.
func mendReflexive(s string) string {
	const slip, mended = "еться", "ется"
	if len(s) <= len(slip) || !strings.HasSuffix(s, slip) {
		return s
	}
	if r, _ := utf8.DecodeLastRuneInString(s[:len(s)-len(slip)]); !strings.ContainsRune("аеиоуыэюя", r) {
		return s
	}
	return s[:len(s)-len(slip)] + mended
}

// scan splits folded text into tokens and what stands between them.
// caps holds the offsets in s of the letters that were upper-case.
func scan(s string, caps []int32, toks []Token, gaps []gap) ([]Token, []gap) {
	if n := len(s)/10 + 4; cap(toks) < n {
		toks, gaps = make([]Token, 0, n), make([]gap, 0, n)
	}
	sc := &scanner{s: s, caps: caps, out: toks, gaps: gaps, spaced: true}
	sc.w.start = -1
	for i := 0; i < len(s) && len(sc.out) < MaxTokens; {
		r, size := rune(s[i]), 1
		switch {
		case r < 0x80:
		case (r == 0xD0 || r == 0xD1) && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			r, size = (r&0x1F)<<6|rune(s[i+1]&0x3F), 2 // two-byte Cyrillic, inline
		default:
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		at := i
		i += size
		if r >= 'а' && r <= 'я' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 0x80 && isWordRune(r) {
			w := &sc.w
			if w.start < 0 {
				*w = wordState{start: at}
			}
			switch {
			case r >= 'а' && r <= 'я' || r >= 0x400 && r <= 0x4FF:
				w.cyr++
				w.letters++
			case r >= 'a' && r <= 'z':
				w.lat++
				w.letters++
			case r >= '0' && r <= '9' || isDigit(r):
				w.digits++
			default:
				w.letters++
			}
			if r == w.last {
				w.run++
				if w.run >= 2 && w.digits == 0 {
					w.fix = true
				}
			} else {
				w.last, w.run = r, 0
			}
			i = sc.lowerCyrillic(i)
			w.end = i
			continue
		}
		if r == ' ' && sc.w.start < 0 {
			continue // spacing only
		}
		sc.other(r, at, i)
	}
	sc.flush()
	return sc.out, sc.gaps
}

// lowerCyrillic goes on with the word being scanned over the lower-case
// Cyrillic letters (а–я: D0 B0–BF, D1 80–8F) from i, which make most of
// a Russian text, exactly as the general loop of scan would, but with its
// state in registers; it returns where it stopped.
func (sc *scanner) lowerCyrillic(i int) int {
	s, w := sc.s, &sc.w
	cyr, letters, last, run, fix := w.cyr, w.letters, w.last, w.run, w.fix
	for i+1 < len(s) {
		c0, c1 := s[i], s[i+1]
		var r rune
		switch {
		case c0 == 0xD0 && c1 >= 0xB0 && c1 <= 0xBF:
			r = 0x400 | rune(c1&0x3F)
		case c0 == 0xD1 && c1 >= 0x80 && c1 <= 0x8F:
			r = 0x440 | rune(c1&0x3F)
		default:
			w.cyr, w.letters, w.last, w.run, w.fix = cyr, letters, last, run, fix
			return i
		}
		cyr++
		letters++
		if r == last {
			run++
			if run >= 2 && w.digits == 0 {
				fix = true
			}
		} else {
			last, run = r, 0
		}
		i += 2
	}
	w.cyr, w.letters, w.last, w.run, w.fix = cyr, letters, last, run, fix
	return i
}

// other handles a character that is not part of a word: it ends the word,
// and may be a boundary, a mark, a symbol or an emoji.
func (sc *scanner) other(r rune, at, i int) {
	s := sc.s
	next := rune(0)
	if i < len(s) {
		next = rune(s[i])
		switch {
		case next < 0x80:
		case (next == 0xD0 || next == 0xD1) && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			next = (next&0x1F)<<6 | rune(s[i+1]&0x3F) // two-byte Cyrillic, inline
		default:
			next, _ = utf8.DecodeRuneInString(s[i:])
		}
	}
	prev := rune(0)
	// a lone grade before "*" ("5*", "за 5* с фото": stars, not a footnote
	// as in "100*"), a name's initial before "." ("М.Видео"); known before
	// the word ends
	grade, initial := false, false
	if sc.w.start >= 0 {
		prev = sc.w.last
		grade = sc.w.end-sc.w.start == 1 && prev >= '1' && prev <= '5'
		initial = sc.w.letters == 1 && sc.w.digits == 0
	}
	switch {
	case (r == '.' || r == ',') && isDigit(prev) && isDigit(next):
		sc.w.end, sc.w.last = i, '.' // 1,5 and 1.5 are one number
		if r == ',' {
			sc.w.fix = true
		}
		return
	case (r == '\'' || r == '’') && isLetter(prev) && isLetter(next):
		sc.w.fix = true // "don't" stays one word; the apostrophe itself is dropped
		sc.w.end, sc.w.last = i, r
		return
	}
	sc.flush()
	switch {
	case r == '*' && grade && !isDigit(next) && next != '*':
		sc.emit(Token{Text: "★", Kind: Symbol})
		sc.spaced = false
	case r == '=' && (next == ')' || next == '(' || next == ']' || next == '[' || next == 'd' || next == 'p' || next == 'D' || next == 'P' || next == '3' || next == '='):
		// a smiley ("=)", "=D") or a doubled sign, not an equation
	case r == ' ' || r == '\t' || r == '\r' || r == '_' || r == '*':
		// spacing only
	case r == '-':
		switch {
		case prev == 0 && isDigit(next):
			sc.emit(Token{Text: "-", Kind: Symbol}) // "-20%"
		case !isWordRune(next) || !isWordRune(prev) && prev != 0:
			sc.raise(bClause)
		}
	case r == '?' || r == '!':
		sc.emit(Token{Text: s[at:i], Kind: Mark})
		sc.raise(bSentence)
		sc.spaced = false
	case r == '.' && initial && isCyrillic(prev) && isCyrillic(next):
		// an initial: a longer word before a dot with no space is far more
		// often a missing space ("пришёл.Спасибо") than a name
		sc.raise(bClause)
	case r == '.':
		sc.raise(bSentence)
		sc.afterMark = false
	case r == '…' || r == ';' || r == '\n':
		sc.raise(bSentence)
		sc.spaced = false
	case r == '/' && isWordRune(prev) && isWordRune(next):
		sc.spaced = false // "б/у", "р/с": one expression, not two clauses
	case r == ',' || r == ':' || r == '—' || r == '–' || r == '(' || r == ')' ||
		r == '[' || r == ']' || r == '/' || r == '|' || r == '•':
		sc.raise(bClause)
		sc.spaced = false
	case r == '"':
		if prev == 0 && isSpaceBefore(s, at) {
			sc.emit(Token{Text: "«", Kind: Symbol})
		}
		sc.spaced = false
	case isEmoji(r):
		if sym, ok := symbolOf(r); ok {
			sc.emit(Token{Text: sym, Kind: Symbol})
		} else {
			sc.emit(Token{Text: s[at:i], Kind: Emoji})
		}
		sc.spaced = false
	default:
		if sym, ok := symbolOf(r); ok {
			sc.emit(Token{Text: sym, Kind: Symbol})
		}
		sc.spaced = false
	}
}

// oneRune reports whether s is exactly one character.
func oneRune(s string) bool {
	switch len(s) {
	case 1:
		return true
	case 2: // most often a Cyrillic letter: no decoding (a hot path of every scan)
		return s[0] >= 0xC2 && s[0] < 0xE0 && s[1]&0xC0 == 0x80
	case 3, 4:
		_, size := utf8.DecodeRuneInString(s)
		return size == len(s)
	}
	return false
}

// wordRunes returns the characters of a word for per-word folding: a
// decimal comma becomes a point and apostrophes go.
func wordRunes(text string) []rune {
	out := make([]rune, 0, len(text))
	for _, r := range text {
		switch r {
		case ',':
			r = '.'
		case '\'', '’':
			continue
		}
		out = append(out, r)
	}
	return out
}

// mergeSpacedLetters joins words spelled out letter by letter
// ("с к и д к а", "s.t.o.p") into one word. Four letters at least, so that
// ordinary one-letter prepositions ("в", "к", "с") are left alone.
func mergeSpacedLetters(toks []Token, gaps []gap) ([]Token, []gap) {
	single := func(t *Token) bool {
		return t.Kind == Word && oneRune(t.Text)
	}
	run, longest := 0, 0
	for i := range toks {
		switch {
		case !single(&toks[i]):
			run = 0
		case run == 0 || gaps[i].spaced:
			run++
		default:
			run = 1
		}
		longest = max(longest, run)
	}
	if longest < 4 {
		return toks, gaps
	}
	out, outGaps := toks[:0], gaps[:0]
	for i := 0; i < len(toks); {
		j := i
		if single(&toks[i]) {
			j = i + 1
			for j < len(toks) && single(&toks[j]) && gaps[j].spaced {
				j++
			}
		}
		if j-i >= 4 {
			var w []rune
			for _, t := range toks[i:j] {
				w = append(w, []rune(t.Text)...)
			}
			t, g := toks[i], gaps[i]
			w = foldWord(w)
			t.setText(string(w))
			t.Cyrillic = false
			for _, r := range w {
				if isCyrillic(r) {
					t.Cyrillic = true
				}
			}
			out, outGaps = append(out, t), append(outGaps, g)
			i = j
			continue
		}
		out, outGaps = append(out, toks[i]), append(outGaps, gaps[i])
		i++
	}
	return out, outGaps
}

// number assigns sentence and clause indices and folds stray one- or
// two-letter Latin look-alikes next to Cyrillic words.
func number(toks []Token, gaps []gap) *Doc {
	d := &Doc{Tokens: toks}
	sent, clause := int32(0), int32(0)
	for i := range toks {
		t := &toks[i]
		b := gaps[i].boundary
		if t.Kind == Word && (t.Text == "но" || t.Text == "однако" || t.Text == "зато") && b < bClause {
			b = bClause
		}
		if i > 0 {
			switch b {
			case bSentence:
				sent++
				clause++
			case bClause:
				clause++
			}
		}
		t.Sentence, t.Clause = sent, clause
	}
	for i := range d.Tokens {
		t := &d.Tokens[i]
		if t.Kind == Word && !t.Cyrillic && (cyrWordAt(d.Tokens, i-1) || cyrWordAt(d.Tokens, i+1)) &&
			!latWordAt(d.Tokens, i-1) && !latWordAt(d.Tokens, i+1) {
			if s, ok := foldLatinLookAlike(t.Text); ok {
				t.setText(s)
				t.Cyrillic = true
			}
		}
		if t.Capital {
			t.Capital = i > 0 && d.Tokens[i-1].Sentence == t.Sentence && d.Tokens[i-1].Kind != Mark &&
				d.Tokens[i-1].Kind != Emoji && !politeForms[t.Text]
		}
		if t.Kind == Word || t.Kind == Number {
			d.Words++
		}
		if t.Kind == Number {
			d.Digits += len(t.Text)
		}
	}
	if len(d.Tokens) > 0 {
		d.Sentences = int(sent) + 1
		d.Clauses = int(clause) + 1
	}
	return d
}

// politeForms are the forms of "вы" and "ваш" that courtesy capitalises.
var politeForms = map[string]bool{
	"вы": true, "вас": true, "вам": true, "вами": true,
	"ваш": true, "ваша": true, "ваше": true, "ваши": true, "вашего": true, "вашей": true,
	"вашему": true, "вашим": true, "вашими": true, "вашем": true, "вашу": true, "ваших": true,
}

func cyrWordAt(ts []Token, i int) bool {
	return i >= 0 && i < len(ts) && ts[i].Kind == Word && ts[i].Cyrillic && !oneRune(ts[i].Text)
}

func latWordAt(ts []Token, i int) bool {
	return i >= 0 && i < len(ts) && ts[i].Kind == Word && !ts[i].Cyrillic
}

// Texts returns the normalised text of every token, for tests and evidence.
func (d *Doc) Texts() []string {
	out := make([]string, len(d.Tokens))
	for i, t := range d.Tokens {
		out[i] = t.Text
	}
	return out
}

// isSpaceBefore reports whether the rune before byte offset i is a space
// (or i is the start): a straight quote there opens a quotation.
func isSpaceBefore(s string, i int) bool {
	if i <= 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsSpace(r) || r == '(' || r == ':'
}

// splitComparatives are the comparatives buyers write apart from their
// prefix "по" ("по дешевле", "по-больше", "по мягче"), read as the one word
// they are ("подешевле"). Not "уже", "выше", "ниже", whose "по" is a
// preposition as often ("по уже оплаченному", "по ниже указанному").
var splitComparatives = map[string]bool{
	"дешевле": true, "дешевше": true, "дороже": true, "больше": true, "меньше": true,
	"лучше": true, "проще": true, "мягче": true, "жестче": true, "крепче": true,
	"легче": true, "тяжелее": true, "ярче": true, "светлее": true, "темнее": true,
	"длиннее": true, "короче": true, "шире": true, "тише": true, "громче": true,
	"быстрее": true, "быстрей": true, "теплее": true, "толще": true, "тоньше": true,
	"мощнее": true, "плотнее": true, "надежнее": true, "бюджетнее": true,
	"компактнее": true, "прочнее": true, "удобнее": true, "глубже": true,
	"сильнее": true, "дольше": true, "скорее": true, "раньше": true, "позже": true,
	"чаще": true, "реже": true, "свежее": true, "красивее": true, "качественнее": true,
}

// mergeSplitComparatives joins "по" and a comparative written apart from it,
// with only spaces or a hyphen between, into the one word. It runs on every
// text: a message without such a pair is only scanned, and one with it has
// its tokens moved down in place from the first pair on.
func mergeSplitComparatives(toks []Token, gaps []gap) ([]Token, []gap) {
	split := func(i int) bool {
		return i+1 < len(toks) && toks[i].Text == "по" && toks[i].Kind == Word &&
			toks[i+1].Kind == Word && gaps[i+1].spaced && gaps[i+1].boundary == bNone &&
			splitComparatives[toks[i+1].Text]
	}
	first := -1
	for i := range toks {
		if split(i) {
			first = i
			break
		}
	}
	if first < 0 {
		return toks, gaps
	}
	k := first
	for i := first; i < len(toks); i++ {
		if split(i) {
			t := toks[i]
			t.setText("по" + toks[i+1].Text)
			t.Capital = false
			toks[k], gaps[k] = t, gaps[i]
			k++
			i++
			continue
		}
		toks[k], gaps[k] = toks[i], gaps[i]
		k++
	}
	return toks[:k], gaps[:k]
}
