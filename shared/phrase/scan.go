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
	Steps      int // matching instructions run, for profiling
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
	sat := make([]uint64, np)
	for _, ids := range m.atoms {
		for _, a := range ids {
			for _, ref := range s.mustBy[a] {
				sat[ref.pattern] |= 1 << ref.set
			}
		}
	}
	for pid := range lastTried {
		lastTried[pid] = -1
		if sat[pid] != s.mustFull[pid] {
			lastTried[pid] = -2 // never matches here
		}
	}
	r := runner{s: s, m: m}
	defer func() { m.Steps = r.Steps }()
	try := func(pos int, a int32) {
		for _, pid := range s.byFirst[a] {
			if lt := lastTried[pid]; lt == int32(pos) || lt == -2 || m.count[pid] >= MaxSpans {
				continue
			}
			lastTried[pid] = int32(pos)
			if end := r.exec(s.progs[pid], pos); end > pos {
				m.add(pid, Span{pos, end})
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

type runner struct {
	s     *Set
	m     *Matches
	stack []choice
	Steps int // instructions run, for profiling
}

func (r *runner) has(pos int, a int32) bool {
	at := &r.s.atoms[a]
	if at.kind == akKind || at.kind == akAny {
		return r.s.kindMatch(at, &r.m.Doc.Tokens[pos])
	}
	return containsID(r.m.atoms[pos], a)
}
