package phrase

import (
	"sort"

	"github.com/agentiq/agentiq/shared/rutext"
)

// A pattern runs as a small program on a backtracking machine: a loop over
// instructions with an explicit stack of choice points, which is several
// times cheaper than recursion per node.

type iop uint8

const (
	iAtom    iop = iota + 1 // arg: a word atom
	iKind                   // arg: a kind atom (#num, _…): it looks at the token, not its atoms
	iSet                    // arg: index of a word-atom bitset
	iNot                    // arg: index of a list of atoms the token must not be
	iAlt                    // arg: index of an alternation table
	iJmp                    // arg: target
	iSplit                  // try what follows; on failure resume at arg
	iGap                    // arg: most tokens skipped; arg2 = 1 if within the clause
	iStart                  // start of sentence
	iEnd                    // end of sentence
	iLookNot                // arg: index of a list of atoms the token before must not be
	iMatch
)

type inst struct {
	op   iop
	arg  int32
	arg2 int32
}

// altTable lists where each alternative of an alternation starts.
type altTable struct {
	byAtom []atomKid // atom → start of an alternative (kid holds the pc), sorted by atom
	always []int32   // alternatives to try at any token
	// alwaysMust[i]: the must-set group of always[i], or -1
	alwaysMust []int32
	has        []uint64 // bit a set when byAtom has entries for atom a: a quick reject
}

type program struct {
	code []inst
}

// compiler turns node trees into programs; tables are shared by all.
type compiler struct {
	s *Set
}

func (c *compiler) compile(n *node) *program {
	p := &program{}
	c.emit(p, n)
	p.code = append(p.code, inst{op: iMatch})
	return p
}

func (c *compiler) emit(p *program, n *node) {
	s := c.s
	switch n.op {
	case opAtom:
		op := iAtom
		if k := s.atoms[n.atom].kind; k == akKind || k == akAny {
			op = iKind
		}
		p.code = append(p.code, inst{op: op, arg: n.atom})
	case opAtomSet:
		s.sets = append(s.sets, n.set)
		p.code = append(p.code, inst{op: iSet, arg: int32(len(s.sets) - 1)})
	case opNotAtom:
		s.nots = append(s.nots, n.atoms)
		p.code = append(p.code, inst{op: iNot, arg: int32(len(s.nots) - 1)})
	case opSeq:
		for _, k := range n.kids {
			c.emit(p, k)
		}
	case opAlt:
		s.alts = append(s.alts, altTable{})
		ti := len(s.alts) - 1
		p.code = append(p.code, inst{op: iAlt, arg: int32(ti)})
		starts := make([]int32, len(n.kids))
		var jumps []int
		for i, k := range n.kids {
			starts[i] = int32(len(p.code))
			c.emit(p, k)
			jumps = append(jumps, len(p.code))
			p.code = append(p.code, inst{op: iJmp})
		}
		for _, j := range jumps {
			p.code[j].arg = int32(len(p.code))
		}
		t := altTable{}
		for _, ak := range n.byAtom {
			t.byAtom = append(t.byAtom, atomKid{atom: ak.atom, kid: starts[ak.kid], must: ak.must})
		}
		sort.SliceStable(t.byAtom, func(i, j int) bool { return t.byAtom[i].atom < t.byAtom[j].atom })
		for _, k := range n.always {
			t.always = append(t.always, starts[k])
			t.alwaysMust = append(t.alwaysMust, n.kidMust[k])
		}
		t.has = make([]uint64, (len(s.atoms)+63)/64)
		for _, ak := range t.byAtom {
			t.has[ak.atom/64] |= 1 << (ak.atom % 64)
		}
		s.alts[ti] = t
	case opOpt:
		split := len(p.code)
		p.code = append(p.code, inst{op: iSplit})
		c.emit(p, n.kids[0])
		p.code[split].arg = int32(len(p.code))
	case opGap:
		in := inst{op: iGap, arg: int32(n.max)}
		if n.clause {
			in.arg2 = 1
		}
		p.code = append(p.code, in)
	case opLookNot:
		s.nots = append(s.nots, n.atoms)
		p.code = append(p.code, inst{op: iLookNot, arg: int32(len(s.nots) - 1)})
	case opStart:
		p.code = append(p.code, inst{op: iStart})
	case opEnd:
		in := inst{op: iEnd}
		if n.stmt {
			in.arg = 1
		}
		p.code = append(p.code, in)
	}
}

type choice struct{ pc, pos int32 }

// maxSteps bounds the instructions run for one match attempt; patterns are
// short, so only pathological input reaches it.
const maxSteps = 16384

// exec runs program p from token start and returns the end of the first
// match, or -1.
//
// Every test fails straight to the backtracking code at fail, and a token
// is in the start's sentence when it lies before the sentence's end (lim):
// this loop runs for every step of every pattern tried, and the two cut
// its instructions by a quarter.
func (r *runner) exec(p *program, start int) int {
	s := r.s
	toks := r.m.Doc.Tokens
	atoms := r.m.atoms
	sat := r.m.sat
	lim := int(r.m.sentEnd[start])
	code := p.code
	stack := r.stack[:0]
	pc, pos := 0, start
	end := -1
	steps := 0
loop:
	for ; steps < maxSteps; steps++ {
		ins := &code[pc]
		switch ins.op {
		case iAtom:
			if pos >= lim || !containsID(atoms[pos], ins.arg) {
				goto fail
			}
			pos++
			pc++
		case iKind:
			if pos >= lim || !s.kindMatch(&s.atoms[ins.arg], &toks[pos]) {
				goto fail
			}
			pos++
			pc++
		case iSet:
			if pos >= lim || !inSet(s.sets[ins.arg], atoms[pos]) {
				goto fail
			}
			pos++
			pc++
		case iNot:
			if pos >= lim {
				goto fail
			}
			for _, a := range s.nots[ins.arg] {
				if r.has(pos, a) {
					goto fail
				}
			}
			pos++
			pc++
		case iAlt:
			t := &s.alts[ins.arg]
			first := int32(-1)
			// Alternatives are pushed in reverse, so that the first found
			// is tried first and the rest in order on backtracking.
			mark := len(stack)
			if pos < lim {
				for _, a := range atoms[pos] {
					if u := uint32(a); t.has[u>>6]&(1<<(u&63)) == 0 {
						continue
					}
					lo := s.altStart.get(ins.arg, a)
					for ; lo < len(t.byAtom) && t.byAtom[lo].atom == a; lo++ {
						ak := &t.byAtom[lo]
						if ak.must >= 0 && sat[ak.must] != s.mustFull[ak.must] {
							continue // a word it needs is not in the document
						}
						if first < 0 {
							first = ak.kid
						} else {
							stack = append(stack, choice{ak.kid, int32(pos)})
						}
					}
				}
			}
			for i, k := range t.always {
				if mm := t.alwaysMust[i]; mm >= 0 && sat[mm] != s.mustFull[mm] {
					continue
				}
				if first < 0 {
					first = k
				} else {
					stack = append(stack, choice{k, int32(pos)})
				}
			}
			if len(stack)-mark > 1 {
				reverse(stack[mark:])
			}
			if first < 0 {
				goto fail
			}
			pc = int(first)
		case iJmp:
			pc = int(ins.arg)
		case iSplit:
			stack = append(stack, choice{ins.arg, int32(pos)})
			pc++
		case iGap:
			// Skip 0 now; skips 1..max are choices, the shortest tried first.
			pc++
			// (at the sentence's end nothing follows to leave the clause:
			// "спасибо за отзыв .. $" holds before a full stop)
			if ins.arg2 == 1 && pos > 0 && pos < lim && toks[pos].Clause != toks[pos-1].Clause {
				goto fail
			}
			most := 0
			for skip := 1; skip <= int(ins.arg); skip++ {
				q := pos + skip
				if q-1 >= lim {
					break
				}
				if ins.arg2 == 1 && pos > 0 && q < lim && toks[q].Clause != toks[pos-1].Clause {
					break
				}
				most = skip
			}
			for skip := most; skip >= 1; skip-- {
				stack = append(stack, choice{int32(pc), int32(pos + skip)})
			}
		case iLookNot:
			if r.after(pos, s.nots[ins.arg]) {
				goto fail
			}
			pc++
		case iStart:
			if !(pos == 0 || pos < len(toks) && toks[pos-1].Sentence != toks[pos].Sentence) {
				goto fail
			}
			pc++
		case iEnd:
			q := pos
			for q < lim && toks[q].Kind == rutext.Mark {
				if ins.arg == 1 && toks[q].Text == "?" {
					goto fail // a question, where a statement must end
				}
				q++
			}
			if q < lim {
				goto fail
			}
			pc++
		case iMatch:
			end = pos
			break loop
		}
		continue
	fail:
		if len(stack) == 0 {
			break
		}
		top := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		pc, pos = int(top.pc), int(top.pos)
	}
	r.Steps += min(steps+1, maxSteps) // the instructions run, counted once (not a store a step)
	r.stack = stack[:0]
	return end
}

// inSet reports whether any of ids is in the bitset set.
func inSet(set []uint64, ids []int32) bool {
	for _, a := range ids {
		if u := uint32(a); set[u>>6]&(1<<(u&63)) != 0 {
			return true
		}
	}
	return false
}

// altIndex finds where an atom's alternatives start in an alternation's
// byAtom list: one hash probe where a binary search over a large concept
// took a dozen steps, at every token an alternation is tried at.
type altIndex struct {
	keys []uint64 // alternation<<32 | atom, +1 so that 0 marks an empty slot
	vals []int32
	mask uint64
}

func altKey(alt, atom int32) uint64 { return uint64(uint32(alt))<<32 | uint64(uint32(atom)) + 1 }

func newAltIndex(alts []altTable) altIndex {
	n := 0
	for _, t := range alts {
		n += len(t.byAtom)
	}
	size := 16
	for size < 2*n {
		size <<= 1
	}
	x := altIndex{keys: make([]uint64, size), vals: make([]int32, size), mask: uint64(size - 1)}
	for ti, t := range alts {
		for j, ak := range t.byAtom {
			if j > 0 && t.byAtom[j-1].atom == ak.atom {
				continue
			}
			k := altKey(int32(ti), ak.atom)
			i := (k * 0x9E3779B97F4A7C15) >> 32 & x.mask
			for x.keys[i] != 0 {
				i = (i + 1) & x.mask
			}
			x.keys[i], x.vals[i] = k, int32(j)
		}
	}
	return x
}

// get returns the index of atom's first entry in alternation alt's byAtom
// list, or an index past the list's end when it has none.
func (x *altIndex) get(alt, atom int32) int {
	k := altKey(alt, atom)
	for i := (k * 0x9E3779B97F4A7C15) >> 32 & x.mask; ; i = (i + 1) & x.mask {
		switch x.keys[i] {
		case k:
			return int(x.vals[i])
		case 0:
			return 1 << 30
		}
	}
}

func reverse(cs []choice) {
	for i, j := 0, len(cs)-1; i < j; i, j = i+1, j-1 {
		cs[i], cs[j] = cs[j], cs[i]
	}
}
