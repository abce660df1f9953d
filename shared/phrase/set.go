package phrase

import (
	"errors"
	"fmt"
	"hash/maphash"
	"sort"
	"sync"
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
}

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder {
	return &Builder{
		FuzzyMinLen: 7,
		conceptSrc:  map[string][]string{},
		concepts:    map[string]*node{},
		resolving:   map[string]bool{},
		atomIdx:     map[atom]int32{},
	}
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

// Add compiles a pattern and returns its id in the Set to be built.
func (b *Builder) Add(src string) (int, error) {
	n, err := b.parse(src)
	if err != nil {
		return 0, err
	}
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
		return 0, fmt.Errorf("pattern %q must start with a word, concept or kind, not _ or !x", src)
	}
	b.patterns = append(b.patterns, n)
	b.sources = append(b.sources, src)
	return len(b.patterns) - 1, nil
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
		atoms:    b.atoms,
		patterns: b.patterns,
		sources:  b.sources,
		stemIdx:  map[string][]int32{},
		textIdx:  map[string][]int32{},
		fuzzyIdx: map[string][]int32{},
		byFirst:  make([][]int32, len(b.atoms)),
		seed:     maphash.MakeSeed(),
	}
	for i := range s.vocab {
		s.vocab[i].m = map[string][]int32{}
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
			}
		case akText:
			s.textIdx[a.value] = append(s.textIdx[a.value], id)
		case akPrefix:
			s.prefixes = append(s.prefixes, id)
		case akKind:
			s.kinds = append(s.kinds, id)
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
		for _, a := range ids {
			s.byFirst[a] = append(s.byFirst[a], int32(pid))
		}
	}
	return s, nil
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
	atoms    []atom
	patterns []*node
	sources  []string
	stemIdx  map[string][]int32
	textIdx  map[string][]int32
	fuzzyIdx map[string][]int32
	prefixes []int32
	kinds    []int32
	byFirst  [][]int32 // atom → patterns that can start with it

	seed  maphash.Seed
	vocab [16]vocabShard // token text → atoms, memoised
}

type vocabShard struct {
	mu sync.RWMutex
	m  map[string][]int32
}

// Len returns the number of patterns.
func (s *Set) Len() int { return len(s.patterns) }

// Source returns the text of pattern id.
func (s *Set) Source(id int) string { return s.sources[id] }

// wordAtoms returns the stem, text, prefix and fuzzy atoms a token text
// satisfies. The answer depends on the text only, so it is memoised.
func (s *Set) wordAtoms(t *rutext.Token) []int32 {
	sh := &s.vocab[maphash.String(s.seed, t.Text)%uint64(len(s.vocab))]
	sh.mu.RLock()
	ids, ok := sh.m[t.Text]
	sh.mu.RUnlock()
	if ok {
		return ids
	}
	ids = s.computeWordAtoms(t)
	if len(t.Text) <= 128 {
		sh.mu.Lock()
		if len(sh.m) >= 1<<12 {
			clear(sh.m)
		}
		sh.m[t.Text] = ids
		sh.mu.Unlock()
	}
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
		add(s.stemIdx[t.Stem])
	}
	add(s.textIdx[t.Text])
	for _, id := range s.prefixes {
		p := s.atoms[id].value
		if len(t.Text) >= len(p) && t.Text[:len(p)] == p {
			add([]int32{id})
		}
	}
	if t.Kind == rutext.Word && t.Cyrillic && utf8.RuneCountInString(t.Stem) >= minFuzzyStem-1 {
		fr, _ := utf8.DecodeRuneInString(t.Stem)
		try := func(key string) {
			for _, id := range s.fuzzyIdx[key] {
				v := s.atoms[id].value
				vr, _ := utf8.DecodeRuneInString(v)
				if vr == fr && !containsID(ids, id) && rutext.WithinOneEdit(t.Stem, v) {
					ids = append(ids, id)
				}
			}
		}
		try(t.Stem)
		for _, d := range deletions(t.Stem) {
			try(d)
		}
	}
	return ids
}

func containsID(ids []int32, id int32) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

func (s *Set) kindMatch(a *atom, t *rutext.Token) bool {
	switch a.kind {
	case akAny:
		return t.Kind != rutext.Mark
	case akKind:
		if t.Kind != a.tkind {
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
