package phrase

import "github.com/agentiq/agentiq/shared/rutext"

// Span is a match: tokens [Start, End) of the document.
type Span struct{ Start, End int }

// MaxSpans bounds the matches kept per pattern; more add nothing to a
// verdict and would only let a huge input cost more.
const MaxSpans = 256

// Matches holds every match of every pattern of a Set in one document.
type Matches struct {
	Doc   *rutext.Doc
	atoms [][]int32 // per token: atoms it satisfies (without kind atoms)
	// Spans live in one arena: per pattern a linked list in document
	// order, so that a scan makes a few allocations, not one per match.
	recs       []spanRec
	head, tail []int32
	count      []uint16
}

type spanRec struct {
	Span
	next int32
}

func (m *Matches) add(pid int32, sp Span) {
	m.recs = append(m.recs, spanRec{Span: sp, next: -1})
	i := int32(len(m.recs) - 1)
	if m.head[pid] < 0 {
		m.head[pid] = i
	} else {
		m.recs[m.tail[pid]].next = i
	}
	m.tail[pid] = i
	m.count[pid]++
}

// Spans returns the matches of pattern id, in document order.
func (m *Matches) Spans(id int) []Span {
	var out []Span
	for i := m.head[id]; i >= 0; i = m.recs[i].next {
		out = append(out, m.recs[i].Span)
	}
	return out
}

// each calls fn for every match of pattern id until fn returns false.
func (m *Matches) each(id int, fn func(Span) bool) {
	for i := m.head[id]; i >= 0; i = m.recs[i].next {
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

// Scan finds every pattern of s in d.
func (s *Set) Scan(d *rutext.Doc) *Matches {
	np := len(s.patterns)
	idx := make([]int32, 3*np)
	m := &Matches{Doc: d, atoms: make([][]int32, len(d.Tokens)),
		head: idx[:np:np], tail: idx[np : 2*np : 2*np], count: make([]uint16, np), recs: make([]spanRec, 0, 32)}
	lastTried := idx[2*np:]
	for i := range m.head {
		m.head[i] = -1
	}
	for i := range d.Tokens {
		m.atoms[i] = s.wordAtoms(&d.Tokens[i])
	}
	// Patterns whose mandatory words are absent cannot match: skip them.
	present := make([]uint64, (len(s.atoms)+63)/64)
	for _, ids := range m.atoms {
		for _, a := range ids {
			present[a/64] |= 1 << (a % 64)
		}
	}
	for pid, musts := range s.musts {
		lastTried[pid] = -1
		for _, set := range musts {
			found := false
			for _, a := range set {
				if present[a/64]&(1<<(a%64)) != 0 {
					found = true
					break
				}
			}
			if !found {
				lastTried[pid] = -2 // never matches here
				break
			}
		}
	}
	r := runner{s: s, m: m}
	try := func(pos int, a int32) {
		for _, pid := range s.byFirst[a] {
			if lt := lastTried[pid]; lt == int32(pos) || lt == -2 || m.count[pid] >= MaxSpans {
				continue
			}
			lastTried[pid] = int32(pos)
			r.sent = d.Tokens[pos].Sentence
			r.steps = 0
			if end := r.run(s.patterns[pid], pos, nil); end > pos {
				m.add(pid, Span{pos, end})
			}
			if debugSteps != nil {
				debugSteps(int(pid), r.steps)
			}
		}
	}
	for i := range d.Tokens {
		for _, a := range m.atoms[i] {
			try(i, a)
		}
		for _, a := range s.kinds {
			if s.kindMatch(&s.atoms[a], &d.Tokens[i]) {
				try(i, a)
			}
		}
	}
	return m
}

// debugSteps, when set by a test, receives the steps of every attempt.
var debugSteps func(pattern, steps int)

type runner struct {
	s     *Set
	m     *Matches
	sent  int32
	steps int
}

// cont is the rest of a sequence still to match after the current node.
type cont struct {
	kids []*node
	i    int
	next *cont
}

// maxSteps bounds backtracking for one match attempt; patterns are short,
// so this is only reached by pathological input.
const maxSteps = 4096

func (r *runner) in(pos int) bool {
	return pos < len(r.m.Doc.Tokens) && r.m.Doc.Tokens[pos].Sentence == r.sent
}

func (r *runner) has(pos int, a int32) bool {
	at := &r.s.atoms[a]
	if at.kind == akKind || at.kind == akAny {
		return r.s.kindMatch(at, &r.m.Doc.Tokens[pos])
	}
	return containsID(r.m.atoms[pos], a)
}

// run matches n at pos followed by k and returns the end of the whole
// match, or -1.
func (r *runner) run(n *node, pos int, k *cont) int {
	r.steps++
	if r.steps > maxSteps {
		return -1
	}
	switch n.op {
	case opAtom:
		if r.in(pos) && r.has(pos, n.atom) {
			return r.next(pos+1, k)
		}
	case opAtomSet:
		if r.in(pos) {
			for _, a := range r.m.atoms[pos] {
				if n.set[a/64]&(1<<(a%64)) != 0 {
					return r.next(pos+1, k)
				}
			}
		}
	case opNotAtom:
		if !r.in(pos) {
			return -1
		}
		for _, a := range n.atoms {
			if r.has(pos, a) {
				return -1
			}
		}
		return r.next(pos+1, k)
	case opSeq:
		return r.seq(n.kids, 0, pos, k)
	case opAlt:
		if r.in(pos) {
			for _, a := range r.m.atoms[pos] {
				// binary search for the first entry of atom a
				lo, hi := 0, len(n.byAtom)
				for lo < hi {
					mid := int(uint(lo+hi) >> 1)
					if n.byAtom[mid].atom < a {
						lo = mid + 1
					} else {
						hi = mid
					}
				}
				for ; lo < len(n.byAtom) && n.byAtom[lo].atom == a; lo++ {
					if e := r.run(n.kids[n.byAtom[lo].kid], pos, k); e >= 0 {
						return e
					}
				}
			}
		}
		for _, i := range n.always {
			if e := r.run(n.kids[i], pos, k); e >= 0 {
				return e
			}
		}
	case opOpt:
		if e := r.run(n.kids[0], pos, k); e >= 0 {
			return e
		}
		return r.next(pos, k)
	case opGap:
		toks := r.m.Doc.Tokens
		for skip := 0; skip <= n.max; skip++ {
			p := pos + skip
			if skip > 0 && !r.in(p-1) {
				break
			}
			if n.clause && pos > 0 && p < len(toks) && toks[p].Clause != toks[pos-1].Clause {
				break
			}
			if e := r.next(p, k); e >= 0 {
				return e
			}
		}
	case opStart:
		toks := r.m.Doc.Tokens
		if pos == 0 || pos < len(toks) && toks[pos-1].Sentence != toks[pos].Sentence {
			return r.next(pos, k)
		}
	case opEnd:
		p := pos
		for r.in(p) && r.m.Doc.Tokens[p].Kind == rutext.Mark {
			p++
		}
		if !r.in(p) {
			return r.next(pos, k)
		}
	}
	return -1
}

func (r *runner) seq(kids []*node, i, pos int, k *cont) int {
	if i == len(kids) {
		return r.next(pos, k)
	}
	c := cont{kids: kids, i: i + 1, next: k}
	return r.run(kids[i], pos, &c)
}

func (r *runner) next(pos int, k *cont) int {
	if k == nil {
		return pos
	}
	return r.seq(k.kids, k.i, pos, k.next)
}

// SetDebugSteps installs a hook that receives the backtracking steps of
// every match attempt; for profiling patterns in tests, nil removes it.
func SetDebugSteps(f func(pattern, steps int)) { debugSteps = f }
