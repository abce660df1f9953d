package rutext

import (
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
	Text     string // normalised form: folded case, ё→е, look-alikes folded
	Stem     string // Russian Snowball stem for Cyrillic words, Text otherwise
	Kind     Kind
	Cyrillic bool  // the word has at least one Cyrillic letter
	Sentence int32 // index of the sentence the token belongs to
	Clause   int32 // index of the clause (sentence part between commas, dashes, "но")
}

// Doc is an analysed text.
type Doc struct {
	Tokens    []Token
	Sentences int // number of sentences
	Clauses   int // number of clauses
	Words     int // number of Word and Number tokens
}

// boundary strength between two tokens.
const (
	bNone     = 0
	bClause   = 1
	bSentence = 2
)

// raw is a token before boundaries are numbered.
type raw struct {
	tok      Token
	boundary uint8 // strongest boundary seen since the previous token
	spaced   bool  // only spaces, dots, hyphens, stars or underscores since the previous token
}

// MaxTokens bounds the work done on one text: a chat message is at most a
// few hundred words, so anything past this is noise and is not analysed.
const MaxTokens = 20000

// Analyze normalises text and splits it into tokens, sentences and clauses.
// It never fails: any input, including invalid UTF-8, yields a Doc.
func Analyze(text string) *Doc {
	folded := Fold(text)
	raws := scan(folded)
	raws = mergeSpacedLetters(raws)
	return number(raws)
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
	case '%', '₽', '+', '$', '€', '№', '@', '#':
		return string(r), true
	case '★', '☆', '⭐':
		return "★", true
	}
	return "", false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// scan splits folded text into raw tokens.
func scan(s string) []raw {
	out := make([]raw, 0, len(s)/6+1)
	var word []rune
	var boundary uint8
	spaced := true
	afterMark := false // only marks and spaces since the last mark: "?!!" is one ending
	emit := func(t Token) {
		if len(out) >= MaxTokens {
			return
		}
		if t.Kind == Mark && afterMark {
			boundary = bNone
		}
		out = append(out, raw{tok: t, boundary: boundary, spaced: spaced})
		boundary = bNone
		spaced = true
		afterMark = t.Kind == Mark
	}
	flush := func() {
		if len(word) == 0 {
			return
		}
		w := foldWord(word)
		t := Token{Text: string(w), Kind: Number}
		for _, r := range w {
			if unicode.IsLetter(r) {
				t.Kind = Word
			}
			if isCyrillic(r) {
				t.Cyrillic = true
			}
		}
		emit(t)
		word = word[:0]
	}
	raise := func(b uint8) {
		if b > boundary {
			boundary = b
		}
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		next, _ := utf8.DecodeRuneInString(s[i+size:])
		prev := rune(0)
		if len(word) > 0 {
			prev = word[len(word)-1]
		}
		i += size
		switch {
		case isWordRune(r):
			word = append(word, r)
			continue
		case (r == '.' || r == ',') && unicode.IsDigit(prev) && unicode.IsDigit(next):
			word = append(word, '.') // 1,5 and 1.5 are one number
			continue
		case (r == '\'' || r == '’') && unicode.IsLetter(prev) && unicode.IsLetter(next):
			continue // "don't" stays one word; the apostrophe itself is dropped
		}
		flush()
		switch {
		case r == ' ' || r == '\t' || r == '\r' || r == '_' || r == '*':
			// spacing only
		case r == '-':
			switch {
			case prev == 0 && unicode.IsDigit(next):
				emit(Token{Text: "-", Stem: "-", Kind: Symbol}) // "-20%"
			case !isWordRune(next) || !isWordRune(prev) && prev != 0:
				raise(bClause)
			}
		case r == '?' || r == '!':
			emit(Token{Text: string(r), Stem: string(r), Kind: Mark})
			raise(bSentence)
			spaced = false
		case r == '.':
			raise(bSentence)
			afterMark = false
		case r == '…' || r == ';' || r == '\n':
			raise(bSentence)
			spaced = false
		case r == '/' && isWordRune(prev) && isWordRune(next):
			spaced = false // "б/у", "р/с": one expression, not two clauses
		case r == ',' || r == ':' || r == '—' || r == '–' || r == '(' || r == ')' ||
			r == '[' || r == ']' || r == '/' || r == '|' || r == '•':
			raise(bClause)
			spaced = false
		case isEmoji(r):
			if sym, ok := symbolOf(r); ok {
				emit(Token{Text: sym, Stem: sym, Kind: Symbol})
			} else {
				emit(Token{Text: string(r), Stem: string(r), Kind: Emoji})
			}
			spaced = false
		case r == '"':
			if prev == 0 && isSpaceBefore(s, i-size) {
				emit(Token{Text: "«", Stem: "«", Kind: Symbol})
			}
			spaced = false
		default:
			if sym, ok := symbolOf(r); ok {
				emit(Token{Text: sym, Stem: sym, Kind: Symbol})
			}
			spaced = false
		}
		if len(out) >= MaxTokens {
			break
		}
	}
	flush()
	return out
}

// mergeSpacedLetters joins words spelled out letter by letter
// ("с к и д к а", "s.t.o.p") into one word. Four letters at least, so that
// ordinary one-letter prepositions ("в", "к", "с") are left alone.
func mergeSpacedLetters(raws []raw) []raw {
	single := func(t Token) bool {
		return t.Kind == Word && utf8.RuneCountInString(t.Text) == 1
	}
	out := raws[:0]
	for i := 0; i < len(raws); {
		j := i
		if single(raws[i].tok) {
			j = i + 1
			for j < len(raws) && single(raws[j].tok) && raws[j].spaced {
				j++
			}
		}
		if j-i >= 4 {
			var w []rune
			for _, r := range raws[i:j] {
				w = append(w, []rune(r.tok.Text)...)
			}
			t := raws[i]
			w = foldWord(w)
			t.tok.Text = string(w)
			t.tok.Cyrillic = false
			for _, r := range w {
				if isCyrillic(r) {
					t.tok.Cyrillic = true
				}
			}
			out = append(out, t)
			i = j
			continue
		}
		out = append(out, raws[i])
		i++
	}
	return out
}

// number assigns sentence and clause indices, folds stray one- or two-letter
// Latin look-alikes next to Cyrillic words, and stems.
func number(raws []raw) *Doc {
	d := &Doc{Tokens: make([]Token, len(raws))}
	sent, clause := int32(0), int32(0)
	for i, r := range raws {
		t := r.tok
		b := r.boundary
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
		d.Tokens[i] = t
	}
	for i := range d.Tokens {
		t := &d.Tokens[i]
		if t.Kind == Word && !t.Cyrillic && (cyrWordAt(d.Tokens, i-1) || cyrWordAt(d.Tokens, i+1)) &&
			!latWordAt(d.Tokens, i-1) && !latWordAt(d.Tokens, i+1) {
			if s, ok := foldLatinLookAlike(t.Text); ok {
				t.Text, t.Cyrillic = s, true
			}
		}
		switch {
		case t.Kind == Word && t.Cyrillic:
			t.Stem = Stem(t.Text)
			d.Words++
		case t.Kind == Word || t.Kind == Number:
			t.Stem = t.Text
			d.Words++
		}
	}
	if len(d.Tokens) > 0 {
		d.Sentences = int(sent) + 1
		d.Clauses = int(clause) + 1
	}
	return d
}

func cyrWordAt(ts []Token, i int) bool {
	return i >= 0 && i < len(ts) && ts[i].Kind == Word && ts[i].Cyrillic && utf8.RuneCountInString(ts[i].Text) > 1
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
