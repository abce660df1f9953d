package phrase

import (
	"sync"

	"github.com/agentiq/agentiq/shared/rutext"
)

// Span is a match: tokens [Start, End) of the document.
type Span struct{ Start, End int }

// MaxSpans bounds the matches kept per pattern; more add nothing to a
// verdict and would only let a huge input cost more.
const MaxSpans = 256

// Matches holds every match of every pattern of a Set in one document.
type Matches struct {
	Doc   *rutext.Doc
	set   *Set      // the Set prepared for
	atoms [][]int32 // per token: atoms it satisfies (without kind atoms)
	// sentEnd[i]: the index after the last token of token i's sentence
	sentEnd []int32
	// Spans live in one arena: per pattern a linked list in document
	// order, so that a scan makes a few allocations, not one per match.
	recs       []spanRec
	head, tail []int32
	count      []uint16
	Steps      int // matching instructions run, for profiling

	// scratch, kept for reuse
	found, unless  []instance // the places of a match term, an unless term
	negs           []negInstance
	idx, lastTried []int32
	sat            []uint64
	stack          []choice
	need           []bool
	termOK         []termRef // the match terms of the labels matched that can match here
	termBits       []uint64  // viableTerms' scratch: a bit per term of the labels
	staged         []int32   // patterns to run in the next stage
	// atomSeen[a] == epoch: atom a's must sets are already counted for this
	// document (a common word recurs; its sets need counting once)
	atomSeen []uint32
	epoch    uint32
	// the staged patterns by first word, for one run: firstHead[a] starts
	// atom a's list in firstNext when firstMark[a] == runEpoch
	firstMark []uint32
	firstHead []int32
	firstNext []firstRef
	runEpoch  uint32
	scanCost  int // the patterns the document's words can start, a word counted each time it occurs
	// docAtoms: the distinct atoms of the document's words; docCost the
	// patterns they can start, each word counted once
	docAtoms []int32
	docCost  int
}

type spanRec struct {
	Span
	next int32
}

func (m *Matches) add(pid int32, sp Span) {
	m.recs = append(m.recs, spanRec{Span: sp, next: -1})
	i := int32(len(m.recs) - 1)
	if m.count[pid] == 0 {
		m.head[pid] = i
	} else {
		m.recs[m.tail[pid]].next = i
	}
	m.tail[pid] = i
	m.count[pid]++
}

// firstSpan returns the record of pattern id's first match, or -1. (A
// pattern's head is set only once it matched: count says whether it did,
// and clearing counts is cheaper than resetting heads.)
func (m *Matches) firstSpan(id int) int32 {
	if m.count[id] == 0 {
		return -1
	}
	return m.head[id]
}

// Spans returns the matches of pattern id, in document order.
func (m *Matches) Spans(id int) []Span {
	var out []Span
	for i := m.firstSpan(id); i >= 0; i = m.recs[i].next {
		out = append(out, m.recs[i].Span)
	}
	return out
}

// each calls fn for every match of pattern id until fn returns false.
func (m *Matches) each(id int, fn func(Span) bool) {
	for i := m.firstSpan(id); i >= 0; i = m.recs[i].next {
		if !fn(m.recs[i].Span) {
			return
		}
	}
}

// Text returns the normalised words of a span, for evidence.
func (m *Matches) Text(sp Span) string {
	out := make([]byte, 0, 32)
	for i := sp.Start; i < sp.End && i < len(m.Doc.Tokens); i++ {
		if i > sp.Start {
			out = append(out, ' ')
		}
		out = append(out, m.Doc.Tokens[i].Text...)
	}
	return string(out)
}

// matchesPool recycles the buffers of a scan: a classification makes many
// small allocations otherwise, and the garbage collector's work then costs
// more than the matching.
var matchesPool = sync.Pool{New: func() any { return new(Matches) }}

// Scan finds every pattern of s in d. The caller may hand the result back
// with Release once done with it.
func (s *Set) Scan(d *rutext.Doc) *Matches {
	m := s.prepare(d)
	for pid := range m.lastTried {
		m.skip(pid)
		if m.viableMust(pid) {
			m.lastTried[pid] = -1
			m.staged = append(m.staged, int32(pid))
		}
	}
	s.run(m)
	m.staged = m.staged[:0]
	return m
}

// prepare looks up the words of d and works out which patterns have all
// their mandatory words there (viableMust). It marks no pattern to run:
// Scan runs every viable one, Labels.Begin stages those its rules need.
func (s *Set) prepare(d *rutext.Doc) *Matches {
	np := len(s.patterns)
	m := matchesPool.Get().(*Matches)
	m.Doc, m.Steps, m.set = d, 0, s
	m.staged = m.staged[:0]
	m.atoms = resize(m.atoms, len(d.Tokens))
	m.idx = resize(m.idx, 3*np)
	m.head, m.tail, m.lastTried = m.idx[:np:np], m.idx[np:2*np:2*np], m.idx[2*np:]
	m.count = resize(m.count, np)
	clear(m.count)
	m.sat = resize(m.sat, len(s.mustFull)) // patterns, then alternatives
	clear(m.sat)
	m.recs = m.recs[:0]
	for i := range d.Tokens {
		m.atoms[i] = s.wordAtoms(&d.Tokens[i])
	}
	m.sentEnd = resize(m.sentEnd, len(d.Tokens))
	for i := len(d.Tokens) - 1; i >= 0; i-- {
		if i == len(d.Tokens)-1 || d.Tokens[i+1].Sentence != d.Tokens[i].Sentence {
			m.sentEnd[i] = int32(i + 1)
		} else {
			m.sentEnd[i] = m.sentEnd[i+1]
		}
	}
	// Patterns whose mandatory words are absent cannot match: skip them.
	// (the marks of earlier documents, of this Set or another one that
	// used these buffers, are older epochs: no clearing between them)
	if cap(m.atomSeen) < len(s.atoms) {
		m.atomSeen = make([]uint32, len(s.atoms), len(s.atoms)+len(s.atoms)/2)
	}
	m.atomSeen = m.atomSeen[:len(s.atoms)]
	if m.epoch++; m.epoch == 0 { // wrapped: old marks could collide
		clear(m.atomSeen[:cap(m.atomSeen)])
		m.epoch = 1
	}
	// locals: stores through m.sat would otherwise make the compiler reload
	// every field of m and s at each of the few thousand refs a text sets
	sat, seen, epoch, byFirst, mustBy := m.sat, m.atomSeen, m.epoch, s.byFirst, s.mustBy
	cost, docCost, docAtoms := 0, 0, m.docAtoms[:0]
	for _, ids := range m.atoms {
		for _, a := range ids {
			cost += len(byFirst[a])
			if seen[a] == epoch {
				continue
			}
			seen[a] = epoch
			docAtoms = append(docAtoms, a)
			docCost += len(byFirst[a])
			setMust(sat, mustBy[a])
		}
	}
	m.scanCost, m.docCost, m.docAtoms = cost, docCost, docAtoms
	return m
}

// setMust marks the must sets refs satisfy. A function of its own, not
// inlined: in prepare's loops the compiler spilled the loop's registers at
// every ref.
//
//go:noinline
func setMust(sat []uint64, refs []mustRef) {
	for _, ref := range refs {
		sat[ref.pattern] |= 1 << (ref.set & 63)
	}
}

// viableMust reports whether pattern pid's mandatory words are all in the
// prepared document, whether or not it was chosen to run.
func (m *Matches) viableMust(pid int) bool { return m.sat[pid] == m.set.mustFull[pid] }

// skip marks pattern pid as not needed: it is not run.
// lastTried[pid] is the position pid was last tried at plus one; 0: do not
// run (so that clearing skips every pattern); -1: to run, not yet tried.
func (m *Matches) skip(pid int) { m.lastTried[pid] = 0 }

// run runs the staged patterns over the prepared document. Unless the
// staged patterns start with more words than the document's words start
// patterns (runAll), it indexes them by those of their first words the
// document holds and tries each only at the tokens with one: a stage runs
// a few dozen of the hundreds of patterns that start with common words,
// and looking through every pattern a token's words can start, most of
// them not staged, cost more than the matching.
func (s *Set) run(m *Matches) {
	cost := 0
	for _, pid := range m.staged {
		cost += len(s.firstWords[pid])
	}
	if cost > indexCostRatio*m.scanCost {
		s.runAll(m)
		return
	}
	if m.runEpoch++; m.runEpoch == 0 || len(m.firstMark) < len(s.atoms) { // wrapped, or a larger set
		m.firstMark = make([]uint32, len(s.atoms))
		m.firstHead = make([]int32, len(s.atoms))
		m.runEpoch = 1
	}
	m.firstNext = m.firstNext[:0]
	kinds := false
	if indexSide == 2 || indexSide == 0 && cost > m.docCost {
		// fewer patterns start with the document's words than the staged
		// patterns have first words: index from the words' side
		lastTried := m.lastTried
		for _, a := range m.docAtoms {
			for _, pid := range s.byFirst[a] {
				if lastTried[pid] == -1 { // staged for this run
					m.index(a, pid)
				}
			}
		}
		for _, pid := range m.staged {
			for _, a := range s.firstKinds[pid] {
				m.index(a, pid)
				kinds = true
			}
		}
	} else {
		seen, epoch := m.atomSeen, m.epoch
		for _, pid := range m.staged {
			for _, a := range s.firstWords[pid] {
				if seen[a] == epoch { // a word the document holds
					m.index(a, pid)
				}
			}
			for _, a := range s.firstKinds[pid] {
				m.index(a, pid)
				kinds = true
			}
		}
	}
	d := m.Doc
	r := runner{s: s, m: m, stack: m.stack[:0]}
	for i := range d.Tokens {
		for _, a := range m.atoms[i] {
			if m.firstMark[a] == m.runEpoch {
				s.try(&r, i, m.firstHead[a])
			}
		}
		if !kinds {
			continue
		}
		for _, a := range s.kindsAt(&d.Tokens[i]) {
			if m.firstMark[a] == m.runEpoch {
				s.try(&r, i, m.firstHead[a])
			}
		}
	}
	m.stack = r.stack[:0]
	m.Steps += r.Steps // a document may be run in stages
}

// indexSide chooses how run indexes the staged patterns: 0 by the costs,
// 1 from their first words, 2 from the document's words. (For tests.)
var indexSide = 0

// indexCostRatio: indexing a first word costs about half of looking at a
// pattern in a token's list. (A variable so that tests can take each way.)
var indexCostRatio = 2

// runAll runs the staged patterns by looking, at each token, through every
// pattern its words can start: cheaper than indexing them when they start
// with large concepts and the document is short.
func (s *Set) runAll(m *Matches) {
	d := m.Doc
	r := runner{s: s, m: m, stack: m.stack[:0]}
	for i := range d.Tokens {
		for _, a := range m.atoms[i] {
			for _, pid := range s.byFirst[a] {
				if lt := m.lastTried[pid]; lt != int32(i)+1 && lt != 0 && m.count[pid] < MaxSpans {
					if ti := s.startAlt[pid]; ti < 0 || !s.deadWord(m, ti, a) {
						s.runAt(&r, i, pid)
					}
				}
			}
		}
		for _, a := range s.kindsAt(&d.Tokens[i]) {
			for _, pid := range s.byFirst[a] {
				if lt := m.lastTried[pid]; lt != int32(i)+1 && lt != 0 && m.count[pid] < MaxSpans {
					if ti := s.startAlt[pid]; ti < 0 || !s.deadAlways(m, ti) {
						s.runAt(&r, i, pid)
					}
				}
			}
		}
	}
	m.stack = r.stack[:0]
	m.Steps += r.Steps
}

// A pattern that opens with an alternation (a large concept, most often)
// fails at its first instruction at a token where none of the
// alternatives that can start there is viable: each needs a word the
// document lacks. deadAlways and deadWord find such attempts before they
// are made. The pattern is still tried at the token through its other
// atoms, and there the alternation looks at all of them.

// canFail reports whether alternation t can have no viable alternative
// at a token: each one tried at every token, and some other, needs words.
func (t *altTable) canFail() bool {
	for _, mm := range t.alwaysMust {
		if mm < 0 {
			return false
		}
	}
	if len(t.always) > 0 {
		return true
	}
	for _, ak := range t.byAtom {
		if ak.must >= 0 {
			return true
		}
	}
	return false
}

// deadAlways reports whether none of alternation ti's alternatives tried
// at every token (those that open with a kind) is viable in m's document.
func (s *Set) deadAlways(m *Matches, ti int32) bool {
	for _, mm := range s.alts[ti].alwaysMust {
		if m.groupHolds(mm) {
			return false
		}
	}
	return true
}

// groupHolds reports whether must-set group g (-1: none) holds in m's
// document: the alternation's own test (exec), for the scan's checks.
func (m *Matches) groupHolds(g int32) bool { return g < 0 || m.sat[g] == m.set.mustFull[g] }

// deadWord reports whether alternation ti fails at a token through its
// word atom a: no viable alternative starts with a, and none is tried at
// every token.
func (s *Set) deadWord(m *Matches, ti, a int32) bool {
	t := &s.alts[ti]
	if u := uint32(a); t.has[u>>6]&(1<<(u&63)) == 0 {
		return false
	}
	for lo := s.altStart.get(ti, a); lo < len(t.byAtom) && t.byAtom[lo].atom == a; lo++ {
		if m.groupHolds(t.byAtom[lo].must) {
			return false
		}
	}
	return s.deadAlways(m, ti)
}

// index adds pattern pid to the list of the staged patterns that start
// with atom a.
func (m *Matches) index(a, pid int32) {
	if ti := m.set.startAlt[pid]; ti >= 0 {
		if k := m.set.atoms[a].kind; k == akKind || k == akAny {
			if m.set.deadAlways(m, ti) {
				return
			}
		} else if m.set.deadWord(m, ti, a) {
			return
		}
	}
	next := int32(-1)
	if m.firstMark[a] == m.runEpoch {
		next = m.firstHead[a]
	}
	m.firstMark[a] = m.runEpoch
	m.firstHead[a] = int32(len(m.firstNext))
	m.firstNext = append(m.firstNext, firstRef{pid, next})
}

// firstRef is a staged pattern in the list of those that start with one
// atom; next is the list's next entry, or -1.
type firstRef struct{ pattern, next int32 }

// try runs at token pos the patterns of the list from entry e on that are
// to run.
func (s *Set) try(r *runner, pos int, e int32) {
	m := r.m
	for ; e >= 0; e = m.firstNext[e].next {
		pid := m.firstNext[e].pattern
		if lt := m.lastTried[pid]; lt != int32(pos)+1 && lt != 0 && m.count[pid] < MaxSpans {
			s.runAt(r, pos, pid)
		}
	}
}

// runAt runs pattern pid at token pos. lastTried[pid] is pos+1 after: a
// pattern that starts with several of a token's words runs there once;
// 0 means not to run at all.
func (s *Set) runAt(r *runner, pos int, pid int32) {
	r.m.lastTried[pid] = int32(pos) + 1
	if end := r.exec(s.progs[pid], pos); end > pos {
		r.m.add(pid, Span{pos, end})
	}
}

// Release hands m's buffers back for reuse; m must not be used after.
func (m *Matches) Release() {
	m.Doc, m.set = nil, nil
	clear(m.atoms)
	matchesPool.Put(m)
}

func resize[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	return b[:n]
}

type runner struct {
	s     *Set
	m     *Matches
	stack []choice
	Steps int // instructions run, for profiling
}

// after reports whether the token before pos, in its sentence, is one of
// atoms (a pattern's look-behind).
func (r *runner) after(pos int, atoms []int32) bool {
	if pos == 0 {
		return false
	}
	t := r.m.Doc.Tokens
	if t[pos-1].Sentence != t[pos].Sentence {
		return false
	}
	for _, a := range atoms {
		if r.has(pos-1, a) {
			return true
		}
	}
	return false
}

func (r *runner) has(pos int, a int32) bool {
	at := &r.s.atoms[a]
	if at.kind == akKind || at.kind == akAny {
		return r.s.kindMatch(at, &r.m.Doc.Tokens[pos])
	}
	return containsID(r.m.atoms[pos], a)
}
