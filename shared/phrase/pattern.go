// Package phrase compiles small word patterns over normalised Russian text
// (see package rutext) and finds them in a document. Patterns compare whole
// tokens by stem, exact form, word prefix or one-letter typo; they never
// compare raw substrings, so "работа" cannot match "бот".
//
// Pattern syntax (items separated by spaces):
//
//	скидка     a word: any token with the same Snowball stem; words of
//	           FuzzyMinLen letters or more also match with one typo
//	скидка~    a word that always tolerates one typo (same first letter)
//	=не        exactly this normalised form, no stemming
//	промик*    a token that starts with these letters
//	@promo     a named concept: any of its patterns
//	#num #word #lat #cyr #emoji   a token of that kind
//	#date      a number written as a day and month, "31.03" or "31.03.2027"
//	           (not a time, "18.00", nor a sum, "1.5")
//	#cap       a Cyrillic word written as a name, capital then small
//	           letters, not first in its sentence ("в Кораблике";
//	           rutext.Token.Capital); Latin words are names by #lat
//	_          any one token
//	!x !@c !(a|b)  one token that is none of these (single-token items only)
//	           (leading the pattern, or an alternative or concept that
//	           leads it: the token before the match is none of these, a
//	           look-behind; the next item must be a word)
//	? ! % ₽ + - ★ № € «  the punctuation or symbol token itself («
//	           stands for any opening quote) ($$ for "$", == for "=")
//	( a | b c )  alternatives      [ a ]  optional
//	..  ..N    skip 0–3 (or N) tokens, staying in the clause ("..0":
//	           none, and no comma or dash between its neighbours)
//	... ...N   skip 0–8 (or N) tokens, staying in the sentence
//	^  $       start or end of the sentence
//	$.         end of a sentence that is not a question: its closing
//	           marks hold no "?" ("всё ок." and "всё ок!", not "всё ок?")
//
// A match never crosses a sentence boundary.
package phrase

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agentiq/agentiq/shared/rutext"
)

type op uint8

const (
	opAtom op = iota + 1
	opNotAtom
	opSeq
	opAlt
	opOpt
	opGap
	opStart   // start of sentence
	opEnd     // end of sentence
	opAtomSet // one token that is any of a set of word atoms (a word list)
	// opLookNot: the token before, in its sentence, is none of atoms; it
	// matches no token (a "!x" leading a pattern, or an alternative at its
	// head: Builder.Add)
	opLookNot
)

type node struct {
	op     op
	atom   int32
	atoms  []int32 // opNotAtom, opLookNot: the token (before) must be none of these
	kids   []*node
	max    int  // opGap: most tokens skipped
	clause bool // opGap: the gap stays in one clause
	stmt   bool // opEnd: the sentence must not end in a question mark

	// opAlt: which alternatives can start with a given word atom, and those
	// that must always be tried (they may match nothing, or start with a
	// token kind). Built once by Builder.Build.
	byAtom []atomKid // sorted by atom
	always []int32
	// kidMust[i]: the must-set group of alternative i (see Set.mustFull),
	// or -1 when it has none worth checking
	kidMust []int32
	seen    bool

	// opAtomSet: bit i set when word atom i is in the set.
	set []uint64
}

// atomKid says alternative kid can start with word atom atom.
// atomKid: an alternative that can start with atom; kid is its index (in
// a node) or its first instruction (in a compiled altTable); must is its
// must-set group, or -1.
type atomKid struct{ atom, kid, must int32 }

type atomKind uint8

const (
	akStem atomKind = iota + 1
	akText
	akPrefix
	akKind // a token kind; value in tkind, cyr/lat filters in text
	akAny
)

type atom struct {
	kind  atomKind
	value string // stem, text or prefix
	fuzzy bool
	tkind rutext.Kind
	cyr   int8 // akKind words: 1 Cyrillic only, -1 non-Cyrillic only
	cap   bool // akKind words: written as a name (rutext.Token.Capital)
	date  bool // akKind numbers: a day and month (isDate)
}

// parser turns pattern text into nodes, interning atoms in the builder.
type parser struct {
	b     *Builder
	toks  []string
	pos   int
	src   string
	depth int
}

func lexPattern(s string) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			flush()
		case r == '(' && cur.String() == "!":
			cur.Reset()
			out = append(out, "!(") // negated group
		case r == '(' || r == ')' || r == '[' || r == ']' || r == '|':
			flush()
			out = append(out, string(r))
		default:
			cur.WriteRune(r)
		}
	}
	flush()
	return out
}

func (p *parser) errf(format string, a ...any) error {
	return fmt.Errorf("pattern %q: %s", p.src, fmt.Sprintf(format, a...))
}

func (p *parser) peek() string {
	if p.pos < len(p.toks) {
		return p.toks[p.pos]
	}
	return ""
}

// parseAlt := seq ('|' seq)*
func (p *parser) parseAlt() (*node, error) {
	var alts []*node
	for {
		s, err := p.parseSeq()
		if err != nil {
			return nil, err
		}
		alts = append(alts, s)
		if p.peek() != "|" {
			break
		}
		p.pos++
	}
	if len(alts) == 1 {
		return alts[0], nil
	}
	return &node{op: opAlt, kids: alts}, nil
}

func (p *parser) parseSeq() (*node, error) {
	var items []*node
	for p.pos < len(p.toks) {
		t := p.toks[p.pos]
		if t == "|" || t == ")" || t == "]" {
			break
		}
		p.pos++
		var n *node
		var err error
		switch t {
		case "!(":
			inner, err := p.parseAlt()
			if err != nil {
				return nil, err
			}
			if p.peek() != ")" {
				return nil, p.errf("missing \")\"")
			}
			p.pos++
			n, err = p.negate(inner)
			if err != nil {
				return nil, err
			}
		case "(", "[":
			p.depth++
			if p.depth > 32 {
				return nil, p.errf("nested too deeply")
			}
			n, err = p.parseAlt()
			if err != nil {
				return nil, err
			}
			closing := ")"
			if t == "[" {
				closing = "]"
			}
			if p.peek() != closing {
				return nil, p.errf("missing %q", closing)
			}
			p.pos++
			p.depth--
			if t == "[" {
				n = &node{op: opOpt, kids: []*node{n}}
			}
		default:
			n, err = p.item(t)
			if err != nil {
				return nil, err
			}
		}
		items = append(items, n)
	}
	if len(items) == 0 {
		return nil, p.errf("empty sequence")
	}
	if len(items) == 1 {
		return items[0], nil
	}
	return &node{op: opSeq, kids: items}, nil
}

func gapItem(t string) (n *node, ok bool, err error) {
	switch {
	case strings.HasPrefix(t, "..."):
		max := 8
		if rest := t[3:]; rest != "" {
			if max, err = strconv.Atoi(rest); err != nil || max < 1 || max > 64 {
				return nil, true, fmt.Errorf("bad gap %q", t)
			}
		}
		return &node{op: opGap, max: max}, true, nil
	case strings.HasPrefix(t, ".."):
		max := 3
		if rest := t[2:]; rest != "" {
			// "..0" skips nothing: the next token must be in the same clause
			if max, err = strconv.Atoi(rest); err != nil || max < 0 || max > 64 {
				return nil, true, fmt.Errorf("bad gap %q", t)
			}
		}
		return &node{op: opGap, max: max, clause: true}, true, nil
	}
	return nil, false, nil
}

func (p *parser) item(t string) (*node, error) {
	if n, ok, err := gapItem(t); ok {
		if err != nil {
			return nil, p.errf("%v", err)
		}
		return n, nil
	}
	switch t {
	case "^":
		return &node{op: opStart}, nil
	case "$":
		return &node{op: opEnd}, nil
	case "$.":
		return &node{op: opEnd, stmt: true}, nil
	case "_":
		return p.atomNode(atom{kind: akAny}), nil
	case "?", "!", "%", "₽", "+", "-", "★", "№", "€", "@", "#", "«":
		return p.atomNode(atom{kind: akText, value: t}), nil
	case "$$": // "$" alone is the end anchor
		return p.atomNode(atom{kind: akText, value: "$"}), nil
	case "==": // "=" alone starts an exact form
		return p.atomNode(atom{kind: akText, value: "="}), nil
	case "#num":
		return p.atomNode(atom{kind: akKind, tkind: rutext.Number}), nil
	case "#date":
		return p.atomNode(atom{kind: akKind, tkind: rutext.Number, date: true}), nil
	case "#word":
		return p.atomNode(atom{kind: akKind, tkind: rutext.Word}), nil
	case "#cyr":
		return p.atomNode(atom{kind: akKind, tkind: rutext.Word, cyr: 1}), nil
	case "#lat":
		return p.atomNode(atom{kind: akKind, tkind: rutext.Word, cyr: -1}), nil
	case "#cap":
		return p.atomNode(atom{kind: akKind, tkind: rutext.Word, cyr: 1, cap: true}), nil
	case "#emoji":
		return p.atomNode(atom{kind: akKind, tkind: rutext.Emoji}), nil
	}
	if strings.HasPrefix(t, "!") && len(t) > 1 {
		inner, err := p.item(t[1:])
		if err != nil {
			return nil, err
		}
		return p.negate(inner)
	}
	if strings.HasPrefix(t, "@") {
		name := t[1:]
		n, err := p.b.concept(name)
		if err != nil {
			return nil, p.errf("%v", err)
		}
		return n, nil
	}
	return p.literal(t)
}

// literal compiles a word item. The word goes through the same
// normalisation as text, so patterns may be written naturally ("ё", capitals).
func (p *parser) literal(t string) (*node, error) {
	mode := akStem
	fuzzy := false
	switch {
	case strings.HasPrefix(t, "=") && strings.HasSuffix(t, "*"):
		return nil, p.errf("%q: = (exact form) and * (prefix) do not combine", t)
	case strings.HasPrefix(t, "="):
		mode, t = akText, t[1:]
	case strings.HasSuffix(t, "*"):
		mode, t = akPrefix, strings.TrimSuffix(t, "*")
	case strings.HasSuffix(t, "~"):
		fuzzy, t = true, strings.TrimSuffix(t, "~")
	}
	if t == "" {
		return nil, p.errf("empty word")
	}
	d := rutext.Analyze(t)
	if len(d.Tokens) == 0 {
		return nil, p.errf("%q has no word in it", t)
	}
	var seq []*node
	for i, tok := range d.Tokens {
		a := atom{kind: mode}
		switch {
		case mode == akPrefix && i < len(d.Tokens)-1:
			// "интернет-магазин*": the words before the last are exact
			a = atom{kind: akText, value: tok.Text}
		case mode == akText || mode == akPrefix:
			a.value = tok.Text
		case tok.Kind == rutext.Word || tok.Kind == rutext.Number:
			a.value = tok.Stem()
			a.fuzzy = tok.Cyrillic && (fuzzy || utf8.RuneCountInString(tok.Text) >= p.b.FuzzyMinLen)
		default:
			a = atom{kind: akText, value: tok.Text}
		}
		seq = append(seq, p.atomNode(a))
	}
	if len(seq) == 1 {
		return seq[0], nil
	}
	return &node{op: opSeq, kids: seq}, nil
}

func (p *parser) atomNode(a atom) *node {
	return &node{op: opAtom, atom: p.b.intern(a)}
}

// negate turns a single-token item, or alternatives of single tokens, into
// "one token that is none of these".
// A concept of several patterns is an alternation of alternations; it is
// negated as the one list of its tokens.
func (p *parser) negate(inner *node) (*node, error) {
	atoms, ok := singleTokens(inner, nil)
	if !ok {
		return nil, p.errf("only single tokens can be negated")
	}
	return &node{op: opNotAtom, atoms: atoms}, nil
}

// singleTokens appends the atoms of n to into when n is one token or
// alternatives (at any depth) of single tokens.
func singleTokens(n *node, into []int32) ([]int32, bool) {
	switch n.op {
	case opAtom:
		return append(into, n.atom), true
	case opAlt:
		for _, k := range n.kids {
			var ok bool
			if into, ok = singleTokens(k, into); !ok {
				return nil, false
			}
		}
		return into, true
	}
	return nil, false
}

// first returns the atoms a match of n can start with, and whether n can
// match no token at all.
func first(n *node, into map[int32]bool) (nullable bool, anyStart bool) {
	switch n.op {
	case opAtom:
		into[n.atom] = true
		return false, false
	case opNotAtom:
		return false, true
	case opAtomSet:
		for _, a := range n.atoms {
			into[a] = true
		}
		return false, false
	case opSeq:
		for _, k := range n.kids {
			nul, any := first(k, into)
			if any {
				return false, true
			}
			if !nul {
				return false, false
			}
		}
		return true, false
	case opAlt:
		nullable := false
		for _, k := range n.kids {
			nul, any := first(k, into)
			if any {
				return false, true
			}
			nullable = nullable || nul
		}
		return nullable, false
	case opOpt:
		_, any := first(n.kids[0], into)
		return true, any
	case opGap:
		// a gap may skip any token: the match would start anywhere, and
		// the pattern, indexed by its first words, would never run there
		return false, true
	default: // anchors match no token
		return true, false
	}
}
