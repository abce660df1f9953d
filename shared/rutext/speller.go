package rutext

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// colloquial are everyday spoken and chat spellings read as the word they
// stand for: no edit distance reaches "щас" from "сейчас".
var colloquial = map[string]string{
	"щас": "сейчас", "щя": "сейчас", "ща": "сейчас", "сча": "сейчас", "чё": "что", "че": "что", "чо": "что",
	"шо": "что", "чтоль": "что", "ваще": "вообще", "воще": "вообще", "вобще": "вообще", "када": "когда",
	"тока": "только", "токо": "только", "типо": "типа", "щяс": "сейчас", "вапще": "вообще", "ниче": "ничего", "ничё": "ничего", "скока": "сколько", "сколько-то": "сколько",
	"седня": "сегодня", "седни": "сегодня", "сёдня": "сегодня", "севодня": "сегодня", "нету": "нет",
	"пж": "пожалуйста", "пжл": "пожалуйста", "пжлст": "пожалуйста", "плиз": "пожалуйста",
	"плз": "пожалуйста", "пасиб": "спасибо", "пасиба": "спасибо", "спасиб": "спасибо",
	"спасибки": "спасибо", "оч": "очень", "ооочень": "очень", "канеш": "конечно", "канешно": "конечно",
	"конеш": "конечно", "щетаю": "считаю", "ищо": "еще", "исчо": "еще", "ещо": "еще", "исчё": "еще",
	"тыща": "тысяча", "тыщ": "тысяч", "инет": "интернет", "норм": "нормально", "нормас": "нормально",
	"прив": "привет", "здрасте": "здравствуйте", "здрасьте": "здравствуйте", "здрастье": "здравствуйте",
	"драсьте": "здравствуйте", "пришол": "пришел", "пришёл": "пришел", "пошол": "пошел", "зделайте": "сделайте",
	"зделать": "сделать", "зделали": "сделали", "сдесь": "здесь", "скинте": "скиньте",
	// gym slang, which the speller would otherwise read as "протек"
	"протик": "протеин", "протика": "протеина", "протиком": "протеином", "протику": "протеину", "протики": "протеины",
}

// realWords are correct words one slip away from a word of the lexicon,
// which a small vocabulary would otherwise "correct".
var realWords = map[string]bool{"платный": true, "платная": true, "платное": true, "платные": true,
	"платно": true, "платную": true, "сервиз": true, "сервиза": true, "возраста": true, "стать": true}

// Speller corrects misspelt words of six letters or more against a
// vocabulary of real word forms, by one edit of the kinds people make and
// rarely turn one real word into another with: a sound spelt by its
// neighbour (а/о, е/и, и/ы, з/с, д/т, ш/щ…), a soft sign or doubled letter
// dropped or added, two letters swapped, a letter missing from a long
// word. Shorter words have too many real neighbours ("стать" is not a
// misspelt "сдать"), and a vocabulary is never complete, so other edits
// ("сорвана"/"порвана") are not made. A word in
// the vocabulary is never changed, and a misspelling with two equally good
// corrections is left alone. It is safe for concurrent use.
type Speller struct {
	once    sync.Once // the index is built on the first word that needs it
	freq    map[string]int
	stems   map[string]bool    // the stems of the vocabulary
	deletes map[string][]int32 // a form with one or two letters dropped → vocabulary words
	words   []string
	longest int // the longest indexed word, in runes

	fixes *WordCache[string] // word → Correct's answer
}

// NewSpeller indexes a vocabulary: word form → how often it occurs.
func NewSpeller(vocab map[string]int) *Speller {
	return &Speller{freq: vocab, fixes: newFixes()}
}

// newFixes bounds a speller's cache of answers as the stems' table.
func newFixes() *WordCache[string] { return NewWordCache[string](1<<17, 128) }

// index builds the stems (unless given) and the deletion index of the
// vocabulary.
func (s *Speller) index() {
	s.deletes = map[string][]int32{}
	given := s.stems != nil
	if !given {
		s.stems = map[string]bool{}
	}
	for w := range s.freq {
		s.words = append(s.words, w)
		if !given {
			s.stems[Stem(w)] = true
		}
	}
	slices.Sort(s.words)
	for i, w := range s.words {
		n := utf8.RuneCountInString(w)
		if n < 5 { // a correction is one slip from a word of six letters or more
			continue
		}
		s.longest = max(s.longest, n)
		s.deletes[w] = append(s.deletes[w], int32(i))
		for _, d := range deletions(w, maxEdits(n+1)) {
			s.deletes[d] = append(s.deletes[d], int32(i))
		}
	}
}

// maxEdits is how many edits a word of n letters may carry.
func maxEdits(n int) int {
	if n >= 6 {
		return 1
	}
	return 0
}

// Known reports whether w is a word of the vocabulary.
func (s *Speller) Known(w string) bool { _, ok := s.freq[w]; return ok }

// Correct returns the vocabulary word w misspells, or w itself. A word
// whose stem the vocabulary knows is another form of a known word, not a
// misspelling, and stays.
func (s *Speller) Correct(w string) string {
	if c, ok := colloquial[w]; ok {
		return c
	}
	if s == nil || s.Known(w) || realWords[w] {
		return w
	}
	if c, ok := s.reflexive(w); ok {
		return c
	}
	if utf8.RuneCountInString(w) < 6 {
		return w
	}
	s.once.Do(s.index)
	if stem := Stem(w); s.stems[stem] || RealStem(stem) {
		return w // another form of a known word, or a correct word of Russian
	}
	r := []rune(w)
	k := maxEdits(len(r))
	if k == 0 || len(r) > s.longest+k {
		return w // (a word longer than every indexed one by more than k is no slip of one)
	}
	// every candidate is one slip away: the most frequent wins, a tie none
	best, bestF, tie := "", -1, false
	seen := map[int32]bool{}
	consider := func(ids []int32) {
		for _, id := range ids {
			if seen[id] {
				continue
			}
			seen[id] = true
			c := s.words[id]
			cr := []rune(c)
			if !likelySlip(r, cr) {
				continue
			}
			switch f := s.freq[c]; {
			case f > bestF:
				best, bestF, tie = c, f, false
			case f == bestF:
				tie = true
			}
		}
	}
	consider(s.deletes[w])
	for _, d := range deletions(w, k) {
		consider(s.deletes[d])
	}
	if best == "" || tie {
		return w
	}
	return best
}

// reflexive reads a verb's "-тся"/"-ться" spelt as it sounds, "-ца"
// ("появица", "кажеца", "улыбаца"), as the verb the vocabulary knows; a
// real word ending in "-ца" ("курица", "птица") is left alone.
func (s *Speller) reflexive(w string) (string, bool) {
	base, ok := strings.CutSuffix(w, "ца")
	if !ok || utf8.RuneCountInString(base) < 3 || RealStem(Stem(w)) {
		return "", false
	}
	for _, end := range [...]string{"тся", "ться"} {
		if c := base + end; s.Known(c) {
			return c, true
		}
	}
	return "", false
}

// deletions returns the forms of w with up to k letters dropped.
func deletions(w string, k int) []string {
	var out []string
	level := []string{w}
	seen := map[string]bool{w: true}
	for e := 0; e < k; e++ {
		var next []string
		for _, x := range level {
			r := []rune(x)
			if len(r) <= 3 {
				continue
			}
			for i := range r {
				d := string(r[:i]) + string(r[i+1:])
				if !seen[d] {
					seen[d] = true
					next = append(next, d)
					out = append(out, d)
				}
			}
		}
		level = next
	}
	return out
}

// sounds are the letters Russian writers confuse because they sound alike
// (unstressed vowels, voiced and voiceless pairs).
var sounds = map[[2]rune]bool{}

func init() {
	for _, p := range []string{"ао", "еи", "ея", "иы", "эе", "ёе", "ёо", "зс", "дт", "бп", "вф", "гк", "жш", "шщ", "щч", "цс", "йи", "юу", "яа"} {
		r := []rune(p)
		sounds[[2]rune{r[0], r[1]}] = true
		sounds[[2]rune{r[1], r[0]}] = true
	}
}

func silent(r rune) bool { return r == 'ь' || r == 'ъ' || r == 'й' }

// likelySlip reports whether q is c with one slip of the kinds Speller
// corrects.
func likelySlip(q, c []rune) bool {
	i := 0
	for i < len(q) && i < len(c) && q[i] == c[i] {
		i++
	}
	switch {
	case len(q) == len(c):
		if i == len(q) {
			return false
		}
		if equalRunes(q[i+1:], c[i+1:]) {
			return sounds[[2]rune{q[i], c[i]}]
		}
		return i+1 < len(q) && q[i] == c[i+1] && q[i+1] == c[i] && equalRunes(q[i+2:], c[i+2:])
	case len(c) == len(q)+1: // a letter missing from q
		if !equalRunes(q[i:], c[i+1:]) {
			return false
		}
		m := c[i]
		doubled := i > 0 && c[i-1] == m || i+1 < len(c) && c[i+1] == m
		return silent(m) || doubled || len(q) >= 7
	case len(q) == len(c)+1: // a letter too many in q
		if !equalRunes(q[i+1:], c[i:]) {
			return false
		}
		x := q[i]
		return silent(x) || i > 0 && q[i-1] == x || i+1 < len(q) && q[i+1] == x
	}
	return false
}

// correctToken is Correct for a token's text, kept per word: a message's
// words were looked up in two or three maps each.
func (s *Speller) correctToken(t *Token) string {
	if s == nil || s.fixes == nil { // (a Speller not made by NewSpeller keeps no answers)
		return s.Correct(t.Text)
	}
	if c, ok := s.fixes.Load(t); ok {
		return c
	}
	c := s.Correct(t.Text)
	s.fixes.Store(t, c)
	return c
}

// Respell replaces each misspelt Cyrillic word of d by the word s
// corrects it to (Correct; a nil s mends only colloquial spellings).
func (d *Doc) Respell(s *Speller) {
	spoken := -1 // whether the text writes "-нить", looked up at its first "нить"
	for i := range d.Tokens {
		t := &d.Tokens[i]
		if t.Kind != Word || !t.Cyrillic {
			continue
		}
		if c := s.correctToken(t); c != t.Text {
			t.setText(c)
		}
		// "чё-нить", "какой-нить": the spoken "-нить" of "-нибудь" (only where
		// the text has it with its hyphen: "потому что нить гнилая" is a thread)
		if t.Text != "нить" || i == 0 || d.Tokens[i-1].Clause != t.Clause || !indefinite(d.Tokens[i-1].Text) {
			continue
		}
		if spoken < 0 {
			spoken = 0
			if strings.Contains(d.Folded, "-нить") {
				spoken = 1
			}
		}
		if spoken == 1 {
			t.setText("нибудь")
		}
	}
}

// indefinite reports the pronouns and adverbs "-нибудь" makes indefinite.
func indefinite(w string) bool {
	switch w {
	case "что", "чего", "чем", "чему", "кто", "кого", "кому", "кем", "какой", "какая", "какое", "какие",
		"какую", "каких", "каким", "какого", "какому", "где", "куда", "когда", "как", "откуда", "сколько":
		return true
	}
	return false
}

// isSplitPrefix reports the prefixes voice typing cuts off as words of
// their own ("под берите", "рас сылку", "от ключите", "со пряжения").
func isSplitPrefix(w string) bool {
	switch w {
	case "под", "по", "от", "рас", "раз", "со", "за", "при", "пере", "вы", "на", "до", "об",
		"в", "с", "из", "дис", "пред", "про", "недо", "пода":
		return true
	}
	return false
}

// JoinSplit mends words that voice typing broke in two: a prefix standing
// alone before a rest that is no word ("рас сылку" is "рассылку"), or "по"
// before a comparative ("по легче" is "полегче"), when the word they make
// is one the vocabulary knows. A rest that the vocabulary or the
// dictionary knows as a word is left alone: "в месте", "по суду", "с
// тарой", "на встречу" stay two words (and so does "по хожее", whose rest
// has a real stem).
func (d *Doc) JoinSplit(s *Speller) {
	if s == nil {
		return
	}
	ts := d.Tokens
	w := 0 // tokens kept so far; ts[:w] is the mended text once a join happened
	joined := false
	for i := 0; i < len(ts); i++ {
		if i+1 < len(ts) && s.joins(&ts[i], &ts[i+1]) {
			ts[i].setText(ts[i].Text + ts[i+1].Text)
			if joined || w != i {
				ts[w] = ts[i]
			}
			w++
			i++
			d.Words--
			joined = true
			continue
		}
		if joined {
			ts[w] = ts[i]
		}
		w++
	}
	d.Tokens = ts[:w]
}

// joins reports whether t and the word after it are one word voice typing
// broke in two.
func (s *Speller) joins(t, n *Token) bool {
	if t.Kind != Word || n.Kind != Word || !t.Cyrillic || !n.Cyrillic || t.Clause != n.Clause || !isSplitPrefix(t.Text) {
		return false
	}
	if !(t.Text == "по" && hasComparativeEnding(n.Text)) && !(isMotionPrefix(t.Text) && motionPast[n.Text]) &&
		(s.Known(n.Text) || !hasShortParticipleEnding(n.Text) && RealStem(Stem(n.Text))) {
		return false
	}
	var buf [64]byte
	j := append(append(buf[:0], t.Text...), n.Text...)
	_, ok := s.freq[string(j)] // no copy: a map index by a converted []byte
	return ok
}

// motionPast are past forms of the verbs of coming and bringing that voice
// typing leaves after a split-off "при" or "до" ("при шёл", "до шла"):
// real words, but no preposition can govern a verb, so the pair is one
// word ("пришёл", "дошла").
var motionPast = map[string]bool{
	"шел": true, "шла": true, "шло": true, "шли": true, // tokens are folded: "шёл" reads "шел"
	"ехал": true, "ехала": true, "ехало": true, "ехали": true,
	"везли": true, "везла": true, "вез": true,
	"слали": true, "слал": true, "слала": true,
}

// hasShortParticipleEnding reports a word shaped as a short passive
// participle ("писано", "казана", "правлены"): the dictionary knows such
// rests by their stems, but no preposition governs a participle, so "не на
// писано" is "не написано" and "от правлено" "отправлено". A rest the
// vocabulary knows as a word of its own stays ("из-за казана"). Six
// letters at least keep сено, цены, стена, замена out; "при нято", "вы
// брано" (shorter rests) are not mended.
func hasShortParticipleEnding(w string) bool { return endsWithAny(w, shortParticipleEndings, 6) }

var shortParticipleEndings = []string{"ано", "ено", "ято", "ана", "ена", "аны", "ены"}

func isMotionPrefix(w string) bool { return w == "при" || w == "до" }

// comparativeEndings end a comparative: "легче", "больше", "дешевле".
var comparativeEndings = []string{"ее", "че", "ше", "же", "ще"}

// hasComparativeEnding: five letters at least, so "ниже", "выше" stay.
func hasComparativeEnding(w string) bool { return endsWithAny(w, comparativeEndings, 5) }

// endsWithAny reports whether a word of at least minLetters letters ends
// with one of endings.
func endsWithAny(w string, endings []string, minLetters int) bool {
	if utf8.RuneCountInString(w) < minLetters {
		return false
	}
	for _, e := range endings {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// MarshalWordList writes a vocabulary as "word count stem" lines, sorted:
// the stems are written so that reading the list needs no stemming.
func MarshalWordList(v map[string]int) []byte {
	words := make([]string, 0, len(v))
	for w := range v {
		words = append(words, w)
	}
	slices.Sort(words)
	var b strings.Builder
	b.WriteString("# spelling vocabulary: word form, weight, stem (generated by make train)\n")
	for _, w := range words {
		b.WriteString(w)
		b.WriteByte(' ')
		b.WriteString(strconv.Itoa(v[w]))
		b.WriteByte(' ')
		b.WriteString(Stem(w))
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// ParseWordList reads what MarshalWordList writes: the words with their
// weights, and the set of their stems.
func ParseWordList(data []byte) (map[string]int, map[string]bool, error) {
	v, stems := map[string]int{}, map[string]bool{}
	for i, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, " ")
		if len(f) != 3 || f[0] == "" {
			return nil, nil, fmt.Errorf("word list line %d: want a word, a count and a stem", i+1)
		}
		c, err := strconv.Atoi(f[1])
		if err != nil {
			return nil, nil, fmt.Errorf("word list line %d: want a word, a count and a stem", i+1)
		}
		v[f[0]] = c
		stems[f[2]] = true
	}
	return v, stems, nil
}

// ParseSpeller builds a speller from a word list MarshalWordList wrote.
func ParseSpeller(data []byte) (*Speller, error) {
	v, stems, err := ParseWordList(data)
	if err != nil {
		return nil, err
	}
	return &Speller{freq: v, stems: stems, fixes: newFixes()}, nil
}
