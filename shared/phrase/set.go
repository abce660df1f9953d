package phrase

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/agentiq/agentiq/shared/rutext"
)

// Builder collects concepts and patterns and compiles them into a Set.
type Builder struct {
	// FuzzyMinLen is the word length from which a plain word pattern also
	// matches words one typo away. Zero means 7.
	FuzzyMinLen int

	conceptSrc map[string][]string
	concepts   map[string]*node
	resolving  map[string]bool
	atoms      []atom
	atomIdx    map[atom]int32
	patterns   []*node
	sources    []string
	ids        map[string]int
}

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder {
	return &Builder{
		FuzzyMinLen: 7,
		conceptSrc:  map[string][]string{},
		concepts:    map[string]*node{},
		resolving:   map[string]bool{},
		atomIdx:     map[atom]int32{},
		ids:         map[string]int{},
	}
}

// NewBuilderWith returns a Builder with the given concepts defined and, if
// fuzzyMinLen is positive, that typo threshold: how the lexicon files start.
func NewBuilderWith(concepts map[string][]string, fuzzyMinLen int) (*Builder, error) {
	b := NewBuilder()
	if fuzzyMinLen > 0 {
		b.FuzzyMinLen = fuzzyMinLen
	}
	for name, pats := range concepts {
		if err := b.Concept(name, pats); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// Concept defines a named concept: a token matches @name when one of the
// patterns does. Concepts may refer to each other in any order.
func (b *Builder) Concept(name string, patterns []string) error {
	if name == "" {
		return errors.New("concept with an empty name")
	}
	if _, dup := b.conceptSrc[name]; dup {
		return fmt.Errorf("concept %q defined twice", name)
	}
	if len(patterns) == 0 {
		return fmt.Errorf("concept %q is empty", name)
	}
	b.conceptSrc[name] = patterns
	return nil
}

func (b *Builder) concept(name string) (*node, error) {
	if n, ok := b.concepts[name]; ok {
		return n, nil
	}
	src, ok := b.conceptSrc[name]
	if !ok {
		return nil, fmt.Errorf("unknown concept @%s", name)
	}
	if b.resolving[name] {
		return nil, fmt.Errorf("concept @%s refers to itself", name)
	}
	b.resolving[name] = true
	defer delete(b.resolving, name)
	var alts []*node
	for _, s := range src {
		n, err := b.parse(s)
		if err != nil {
			return nil, fmt.Errorf("concept @%s: %w", name, err)
		}
		alts = append(alts, n)
	}
	n := &node{op: opAlt, kids: alts}
	if len(alts) == 1 {
		n = alts[0]
	}
	b.concepts[name] = n
	return n, nil
}

func (b *Builder) parse(src string) (*node, error) {
	p := &parser{b: b, toks: lexPattern(src), src: src}
	if len(p.toks) == 0 {
		return nil, fmt.Errorf("pattern %q is empty", src)
	}
	n, err := p.parseAlt()
	if err != nil {
		return nil, err
	}
	if p.pos != len(p.toks) {
		return nil, p.errf("unexpected %q", p.toks[p.pos])
	}
	return n, nil
}

func (b *Builder) intern(a atom) int32 {
	if id, ok := b.atomIdx[a]; ok {
		return id
	}
	id := int32(len(b.atoms))
	b.atoms = append(b.atoms, a)
	b.atomIdx[a] = id
	return id
}

// Add compiles a pattern and returns its id in the Set to be built. The
// same pattern text added twice gets one id, so it is matched once.
func (b *Builder) Add(src string) (int, error) {
	if id, ok := b.ids[src]; ok {
		return id, nil
	}
	n, err := b.parse(src)
	if err != nil {
		return 0, err
	}
	// A leading "!x" looks behind: the match starts after a token that is
	// none of these ("!(=не) =здесь" is "здесь" not after "не"); the rest
	// must start with a word, so the pattern stays indexed by it.
	n = lookHeads(n)
	firsts := map[int32]bool{}
	nullable, anyStart := first(n, firsts)
	if nullable {
		return 0, fmt.Errorf("pattern %q can match no word at all", src)
	}
	for a := range firsts {
		if b.atoms[a].kind == akAny {
			anyStart = true
		}
	}
	if anyStart {
		return 0, fmt.Errorf("pattern %q must start with a word, concept or kind, not _, !x or a gap", src)
	}
	b.patterns = append(b.patterns, n)
	b.sources = append(b.sources, src)
	b.ids[src] = len(b.patterns) - 1
	return len(b.patterns) - 1, nil
}

// lookHeads returns n with each "!x" that leads it, or leads an
// alternative at its head, made a look-behind (opLookNot), so that a
// concept whose patterns look behind can also be one alternative among
// others ("(@joke_end|@given_up)"). Nodes are copied, never changed: a
// concept's are shared with the patterns that use it inside, where "!x"
// stays a token of its own.
func lookHeads(n *node) *node {
	switch n.op {
	case opAlt:
		var kids []*node
		for i, k := range n.kids {
			if l := lookHeads(k); l != k && kids == nil {
				kids = append(append(make([]*node, 0, len(n.kids)), n.kids[:i]...), l)
			} else if kids != nil {
				kids = append(kids, l)
			}
		}
		if kids != nil {
			return &node{op: opAlt, kids: kids}
		}
	case opSeq:
		if len(n.kids) > 1 && n.kids[0].op == opNotAtom {
			return &node{op: opSeq, kids: append([]*node{{op: opLookNot, atoms: n.kids[0].atoms}}, n.kids[1:]...)}
		}
		if len(n.kids) > 0 {
			if l := lookHeads(n.kids[0]); l != n.kids[0] {
				return &node{op: opSeq, kids: append([]*node{l}, n.kids[1:]...)}
			}
		}
	}
	return n
}

// Build returns the compiled Set. Every concept must have been used or it
// is reported, so that a typo in a data file does not silently drop words.
func (b *Builder) Build() (*Set, error) {
	for name := range b.conceptSrc {
		if _, err := b.concept(name); err != nil {
			return nil, err
		}
	}
	s := &Set{
		atoms:     b.atoms,
		patterns:  b.patterns,
		sources:   b.sources,
		stemIdx:   map[string][]int32{},
		textIdx:   map[string][]int32{},
		fuzzyIdx:  map[string][]int32{},
		prefixIdx: map[string][]int32{},
		byFirst:   make([][]int32, len(b.atoms)),
		vocab:     rutext.NewWordCache[[]int32](1<<16, 128),
	}
	for id, a := range b.atoms {
		id := int32(id)
		switch a.kind {
		case akStem:
			s.stemIdx[a.value] = append(s.stemIdx[a.value], id)
			if a.fuzzy && utf8.RuneCountInString(a.value) >= minFuzzyStem {
				for _, v := range deletions(a.value) {
					s.fuzzyIdx[v] = append(s.fuzzyIdx[v], id)
				}
				s.fuzzyIdx[a.value] = append(s.fuzzyIdx[a.value], id)
				s.maxFuzzy = max(s.maxFuzzy, utf8.RuneCountInString(a.value))
			}
		case akText:
			s.textIdx[a.value] = append(s.textIdx[a.value], id)
		case akPrefix:
			s.prefixIdx[a.value] = append(s.prefixIdx[a.value], id)
			s.maxPrefix = max(s.maxPrefix, len(a.value))
		case akKind:
			s.kinds = append(s.kinds, id)
		}
	}
	s.kindsOf = make([][]int32, kindIndex(&rutext.Token{Kind: maxKind, Cyrillic: true, Capital: true, Text: "1.01"})+1)
	for k := rutext.Kind(0); k <= maxKind; k++ {
		for _, cyr := range []bool{false, true} {
			for _, capital := range []bool{false, true} {
				for _, text := range []string{"", "1.01"} {
					t := &rutext.Token{Kind: k, Cyrillic: cyr, Capital: capital, Text: text}
					for _, a := range s.kinds {
						if s.kindMatch(&s.atoms[a], t) {
							s.kindsOf[kindIndex(t)] = append(s.kindsOf[kindIndex(t)], a)
						}
					}
				}
			}
		}
	}
	// Must sets (mustSets): the patterns' groups first, then those of the
	// alternatives of alternations, which indexAlts appends — a big concept
	// tries at a token only the alternatives whose words all occur in the
	// document.
	s.musts = make([][][]int32, len(b.patterns))
	for _, n := range b.patterns {
		s.indexAlts(n)
	}
	c := &compiler{s: s}
	for _, n := range b.patterns {
		s.progs = append(s.progs, c.compile(n))
	}
	s.altStart = newAltIndex(s.alts)
	s.startAlt = make([]int32, len(s.progs))
	for pid, p := range s.progs {
		s.startAlt[pid] = -1
		if p.code[0].op == iAlt && s.alts[p.code[0].arg].canFail() {
			s.startAlt[pid] = p.code[0].arg
		}
	}
	s.mustBy = make([][]mustRef, len(b.atoms))
	for pid, n := range b.patterns {
		s.musts[pid] = s.rareSets(s.mustSets(n))
	}
	s.mustFull = make([]uint64, len(s.musts))
	for pid := range s.musts {
		if len(s.musts[pid]) > 64 {
			s.musts[pid] = s.musts[pid][:64] // more would not fit the mask; fewer checks are still right
		}
		for i, set := range s.musts[pid] {
			s.mustFull[pid] |= 1 << i
			for _, a := range set {
				s.mustBy[a] = append(s.mustBy[a], mustRef{int32(pid), uint8(i)})
			}
		}
	}
	for pid, n := range b.patterns {
		firsts := map[int32]bool{}
		first(n, firsts)
		ids := make([]int32, 0, len(firsts))
		for a := range firsts {
			ids = append(ids, a)
		}
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
		var words, kinds []int32
		for _, a := range ids {
			if k := s.atoms[a].kind; k == akKind || k == akAny {
				kinds = append(kinds, a)
			} else {
				words = append(words, a)
			}
		}
		s.firstWords = append(s.firstWords, words)
		s.firstKinds = append(s.firstKinds, kinds)
		for _, a := range ids {
			s.byFirst[a] = append(s.byFirst[a], int32(pid))
		}
	}
	return s, nil
}

type mustRef struct {
	pattern int32
	set     uint8
}

// mustSets returns, for each mandatory element of n's top-level sequence,
// a set of word atoms one of which every match of the element holds
// (needed). Elements that can match without a word of such a set give no
// set.
func (s *Set) mustSets(n *node) [][]int32 {
	elems := []*node{n}
	if n.op == opSeq {
		elems = n.kids
	}
	var out [][]int32
	for _, e := range elems {
		if set, ok := s.needed(e); ok && len(set) > 0 {
			out = append(out, set)
		}
	}
	return out
}

// needed returns word atoms one of which every match of n holds, at some
// token, and whether there are such. It looks past a node's first word:
// "по телефону" needs "телефону", and a concept needs, from each of its
// alternatives, the rarest word that alternative cannot match without, so
// that a concept holding "по телефону" or "в чат" is not needed by every
// text that holds "по" or "в" (a set with a ubiquitous word prunes
// nothing: rareSets).
func (s *Set) needed(n *node) ([]int32, bool) {
	switch n.op {
	case opAtom:
		if k := s.atoms[n.atom].kind; k == akKind || k == akAny {
			return nil, false
		}
		return []int32{n.atom}, true
	case opAtomSet:
		return n.atoms, true
	case opSeq:
		var best []int32
		found := false
		for _, k := range n.kids {
			set, ok := s.needed(k)
			if ok && (!found || s.rarer(set, best)) {
				best, found = set, true
			}
		}
		return best, found
	case opAlt:
		var union []int32
		seen := map[int32]bool{}
		for _, k := range n.kids {
			set, ok := s.needed(k)
			if !ok {
				return nil, false
			}
			for _, a := range set {
				if !seen[a] {
					seen[a] = true
					union = append(union, a)
				}
			}
		}
		return union, true
	}
	return nil, false // a gap, an anchor, an optional part, a !x
}

// sameAtoms reports whether set holds exactly the atoms of firsts.
func sameAtoms(set []int32, firsts map[int32]bool) bool {
	if len(set) != len(firsts) {
		return false
	}
	for _, a := range set {
		if !firsts[a] {
			return false
		}
	}
	return true
}

// rarer reports whether set a prunes more than set b: one without a
// ubiquitous word before one with, then the smaller.
func (s *Set) rarer(a, b []int32) bool {
	ua, ub := s.anyUbiquitous(a), s.anyUbiquitous(b)
	if ua != ub {
		return ub
	}
	return len(a) < len(b)
}

// rareSets leaves out of a pattern's must sets those a common word
// satisfies, where a rarer one prunes the pattern: such a set prunes almost
// nothing, yet marking it costs a write each time the word occurs (in a
// 500-character draft, a fifth of the preparation).
func (s *Set) rareSets(sets [][]int32) [][]int32 {
	rare := sets[:0:0]
	for _, set := range sets {
		if !s.anyUbiquitous(set) {
			rare = append(rare, set)
		}
	}
	if len(rare) > 0 {
		return rare
	}
	return sets
}

// ubiquitous are words nearly every text holds.
var ubiquitous = map[string]bool{
	"в": true, "во": true, "на": true, "не": true, "у": true, "нас": true, "по": true, "через": true,
	"с": true, "со": true, "к": true, "о": true, "об": true, "от": true, "до": true, "из": true,
	"за": true, "для": true, "и": true, "а": true, "но": true, "или": true, "что": true, "это": true,
	"есть": true, "мы": true, "вы": true, "я": true, "вас": true, "вам": true, "мне": true, "нам": true,
	"как": true, "так": true, "то": true, "же": true, "ли": true, "бы": true, "все": true, "уже": true,
	"еще": true, "«": true, "?": true, "!": true,
}

func (s *Set) anyUbiquitous(set []int32) bool {
	for _, a := range set {
		if at := s.atoms[a]; (at.kind == akText || at.kind == akStem) && ubiquitous[at.value] {
			return true
		}
	}
	return false
}

// indexAlts builds, for every alternation reachable from n, the index of
// its alternatives by first word atom, so that matching a large concept at
// a token tries only the alternatives that can start there.
func (s *Set) indexAlts(n *node) {
	if n.seen {
		return
	}
	n.seen = true
	for _, k := range n.kids {
		s.indexAlts(k)
	}
	if n.op != opAlt {
		return
	}
	// Single word atoms among the alternatives become one bitset test.
	var words []int32
	var rest []*node
	for _, k := range n.kids {
		if k.op == opAtom && s.atoms[k.atom].kind != akKind && s.atoms[k.atom].kind != akAny {
			words = append(words, k.atom)
		} else {
			rest = append(rest, k)
		}
	}
	if len(words) > 1 {
		set := &node{op: opAtomSet, set: make([]uint64, (len(s.atoms)+63)/64), seen: true}
		for _, a := range words {
			set.set[a/64] |= 1 << (a % 64)
			set.atoms = append(set.atoms, a)
		}
		if len(rest) == 0 { // a plain word list: the node becomes the set itself
			*n = *set
			return
		}
		n.kids = append([]*node{set}, rest...)
	}
	n.byAtom = nil
	n.kidMust = make([]int32, len(n.kids))
	for i, k := range n.kids {
		n.kidMust[i] = -1
		firsts := map[int32]bool{}
		nullable, anyStart := first(k, firsts)
		kindStart := false
		for a := range firsts {
			if s.atoms[a].kind == akKind || s.atoms[a].kind == akAny {
				kindStart = true
			}
		}
		always := nullable || anyStart || kindStart
		// The words an alternative needs besides its first ("за ..3 отзыв"
		// needs "отзыв"): one tried through its first word has that one at
		// the token, so only the others are checked against the document.
		sets := s.mustSets(k)
		if !always && len(sets) > 0 && sameAtoms(sets[0], firsts) {
			sets = sets[1:]
		}
		sets = s.rareSets(sets)
		if len(sets) > 0 {
			n.kidMust[i] = int32(len(s.musts))
			s.musts = append(s.musts, sets)
		}
		if always {
			n.always = append(n.always, int32(i))
			continue
		}
		for a := range firsts {
			n.byAtom = append(n.byAtom, atomKid{a, int32(i), n.kidMust[i]})
		}
	}
	sort.Slice(n.byAtom, func(i, j int) bool {
		x, y := n.byAtom[i], n.byAtom[j]
		return x.atom < y.atom || x.atom == y.atom && x.kid < y.kid
	})
}

// minFuzzyStem is the shortest stem compared with one typo: shorter stems
// have too many neighbours ("брак" and "брат").
const minFuzzyStem = 5

// deletions returns s with each rune deleted in turn.
func deletions(s string) []string {
	r := []rune(s)
	out := make([]string, 0, len(r))
	for i := range r {
		out = append(out, string(r[:i])+string(r[i+1:]))
	}
	return out
}

// Set is a compiled, immutable collection of patterns, safe for concurrent
// use.
type Set struct {
	atoms     []atom
	patterns  []*node
	sources   []string
	stemIdx   map[string][]int32
	textIdx   map[string][]int32
	fuzzyIdx  map[string][]int32
	prefixIdx map[string][]int32 // a prefix atom's text → its atoms
	maxPrefix int                // the longest prefix atom's length in bytes
	maxFuzzy  int                // the longest fuzzy stem atom's length in runes
	kinds     []int32
	// kindsOf[kindIndex(t)]: the kind atoms a token of that kind and
	// script satisfies, so that a scan does not test every kind atom at
	// every token
	kindsOf [][]int32
	// pattern → the word atoms and the kind atoms it can start with, sorted
	firstWords, firstKinds [][]int32
	byFirst                [][]int32 // atom → patterns that can start with it
	// musts per group — the patterns, then the alternatives of alternations
	// (kidMust) — sets of word atoms of which one must occur in a document
	// for the group to match there (one set per mandatory element of its
	// top-level sequence).
	musts [][][]int32
	// mustBy: for each atom, the must sets it satisfies; mustFull: the mask
	// of a pattern's must sets, all of which a document must satisfy.
	mustBy   [][]mustRef
	mustFull []uint64
	progs    []*program
	// startAlt: per pattern, the alternation its program opens with, or -1
	// where it opens with none or the alternation can never be dead at a
	// token (canFail; deadWord, deadAlways)
	startAlt []int32

	// tables of the compiled programs
	sets     [][]uint64
	nots     [][]int32
	alts     []altTable
	altStart altIndex

	vocab *rutext.WordCache[[]int32] // token text → atoms
}

// Len returns the number of patterns.
func (s *Set) Len() int { return len(s.patterns) }

// Source returns the text of pattern id.
func (s *Set) Source(id int) string { return s.sources[id] }

// wordAtoms returns the stem, text, prefix and fuzzy atoms a token text
// satisfies. The answer depends on the text only, so it is memoised.
func (s *Set) wordAtoms(t *rutext.Token) []int32 {
	if ids, ok := s.vocab.Load(t); ok {
		return ids
	}
	ids := s.computeWordAtoms(t)
	s.vocab.Store(t, ids)
	return ids
}

func (s *Set) computeWordAtoms(t *rutext.Token) []int32 {
	var ids []int32
	add := func(more []int32) {
		for _, id := range more {
			if !containsID(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	if t.Kind == rutext.Word || t.Kind == rutext.Number {
		add(s.stemIdx[t.Stem()])
	}
	add(s.textIdx[t.Text])
	// the prefix atoms the text starts with, looked up by each of its
	// prefixes (a few thousand atoms compared one by one cost a new word
	// more than the rest of its look-up), added in the order of their ids
	var pre []int32
	for i := range t.Text { // at each rune's start, up to the longest atom
		if i > s.maxPrefix {
			break
		}
		pre = append(pre, s.prefixIdx[t.Text[:i]]...)
	}
	if len(t.Text) <= s.maxPrefix {
		pre = append(pre, s.prefixIdx[t.Text]...)
	}
	slices.Sort(pre)
	add(pre)
	// One typo away from a pattern's word, unless the token is itself a
	// correct word: "отпуск" is not a misspelt "отписка".
	// A stem two runes longer than every fuzzy atom is no typo of one (and
	// its deletions would cost a long word's square).
	if stem := t.Stem(); t.Kind == rutext.Word && t.Cyrillic && inRange(utf8.RuneCountInString(stem), minFuzzyStem-1, s.maxFuzzy+1) && !rutext.RealStem(stem) {
		fr, _ := utf8.DecodeRuneInString(stem)
		try := func(key string) {
			for _, id := range s.fuzzyIdx[key] {
				v := s.atoms[id].value
				vr, _ := utf8.DecodeRuneInString(v)
				if vr == fr && !containsID(ids, id) && rutext.WithinOneEdit(stem, v) {
					ids = append(ids, id)
				}
			}
		}
		try(stem)
		for _, d := range deletions(stem) {
			try(d)
		}
	}
	return ids
}

func inRange(n, lo, hi int) bool { return n >= lo && n <= hi }

func containsID(ids []int32, id int32) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// maxKind is the last token kind of package rutext.
const maxKind = rutext.Symbol

// kindIndex is the index in Set.kindsOf of a token's kind and script: a
// kind atom looks at nothing else.
func kindIndex(t *rutext.Token) int {
	i := int(t.Kind) * 8
	if t.Cyrillic {
		i++
	}
	if t.Capital {
		i += 2
	}
	if t.Kind == rutext.Number && isDate(t.Text) {
		i += 4
	}
	return i
}

// isDate reports whether a number token is written as a day and month,
// with or without a year: "31.03", "1.12.2027". The month's two digits
// keep out a time ("18.00", "9.30") and a decimal ("1.5").
func isDate(text string) bool {
	day, rest, ok := strings.Cut(text, ".")
	if !ok || len(day) < 1 || len(day) > 2 || len(rest) < 2 {
		return false
	}
	month, year := rest[:2], rest[2:]
	if year != "" && (year[0] != '.' || len(year) != 3 && len(year) != 5) {
		return false
	}
	for _, s := range []string{day, month, strings.TrimPrefix(year, ".")} {
		for _, c := range s {
			if c < '0' || c > '9' {
				return false
			}
		}
	}
	d := int(day[0] - '0')
	if len(day) == 2 {
		d = d*10 + int(day[1]-'0')
	}
	m := int(month[0]-'0')*10 + int(month[1]-'0')
	return d >= 1 && d <= 31 && m >= 1 && m <= 12
}

// kindsAt returns the kind atoms token t satisfies.
func (s *Set) kindsAt(t *rutext.Token) []int32 {
	if i := kindIndex(t); i < len(s.kindsOf) {
		return s.kindsOf[i]
	}
	var out []int32 // a kind newer than this table: test them all
	for _, a := range s.kinds {
		if s.kindMatch(&s.atoms[a], t) {
			out = append(out, a)
		}
	}
	return out
}

func (s *Set) kindMatch(a *atom, t *rutext.Token) bool {
	switch a.kind {
	case akAny:
		return t.Kind != rutext.Mark
	case akKind:
		if t.Kind != a.tkind || a.cap && !t.Capital || a.date && !isDate(t.Text) {
			return false
		}
		switch a.cyr {
		case 1:
			return t.Cyrillic
		case -1:
			return !t.Cyrillic
		}
		return true
	}
	return false
}

// Stats describes the compiled set, for tuning.
func (s *Set) Stats() string {
	code := 0
	for _, p := range s.progs {
		code += len(p.code)
	}
	return fmt.Sprintf("patterns=%d atoms=%d sets=%d alts=%d instructions=%d", len(s.patterns), len(s.atoms), len(s.sets), len(s.alts), code)
}
