package phrase

import (
	"fmt"
	"math/bits"

	"go.yaml.in/yaml/v3"

	"github.com/agentiq/agentiq/shared/rutext"
)

// Rule says when a label (an intent, a content flag) holds: some Match term
// is found and no Unless term is found in the same scope as that match.
type Rule struct {
	Match  []Term `yaml:"match"`
	Unless []Term `yaml:"unless"`
}

// Term is one pattern, or several patterns that must all be found in one
// clause, sentence or message. In YAML a bare string is a one-pattern term.
type Term struct {
	Pattern  string   `yaml:"p"`
	All      []string `yaml:"all"`
	Scope    string   `yaml:"scope"`     // clause, sentence (default for all), message, or span or after (unless only)
	MaxWords int      `yaml:"max_words"` // the term counts only in texts this short
}

// UnmarshalYAML accepts a plain string as a one-pattern term.
func (t *Term) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		return n.Decode(&t.Pattern)
	}
	type plain Term
	var p plain
	if err := n.Decode(&p); err != nil {
		return err
	}
	*t = Term(p)
	return nil
}

type scope uint8

const (
	scopeClause scope = iota + 1
	scopeSentence
	scopeMessage
	// scopeSpan: an unless term voids only a match whose words it shares
	// ("спасибо, что заменили сломанный пульт" voids "сломанный", not a
	// second fault told after it in the same clause)
	scopeSpan
	// scopeAfter: an unless term voids only a match it comes after,
	// anywhere later in the message ("промокод дадите? шучу" takes the
	// request back; "шучу. а промокод дадите?" does not)
	scopeAfter
)

func parseScope(s string, def scope) (scope, error) {
	switch s {
	case "":
		return def, nil
	case "clause":
		return scopeClause, nil
	case "sentence":
		return scopeSentence, nil
	case "message":
		return scopeMessage, nil
	case "span":
		return scopeSpan, nil
	case "after":
		return scopeAfter, nil
	}
	return 0, fmt.Errorf("unknown scope %q (want clause, sentence, message, span or after)", s)
}

type term struct {
	pats     []int
	all      bool
	scope    scope
	maxWords int
}

type rule struct {
	match, unless []term
	// leads[i] is the first pattern of match[i]: a term whose lead never
	// matched cannot hold, and most terms' leads are absent from a draft
	leads []int32
}

// Labels is a compiled set of rules over one pattern Set.
type Labels struct {
	Set   *Set
	names []string
	rules []rule
	// A match term can match only where its lead's must sets all hold
	// (viableMust). keyTerms[a]: the terms whose lead has a must set with
	// word atom a, the smallest of its sets; alwaysTerms: those whose lead
	// has none. A draft's words reach a few dozen of the hundreds of terms
	// through these, without visiting every term.
	keyTerms    [][]leadRef
	alwaysTerms []leadRef
	// terms: every match term, numbered rule by rule; termBase[r]: the
	// number of rule r's first term (termBase[len(rules)]: their count)
	terms    []termRef
	termBase []int32
	// staged matches in stages (Staged)
	staged bool
}

// Staged makes the labels match in stages: first the leading pattern of
// each match term, then the rest of the terms whose lead was found, then
// the unless terms of the rules one of whose terms was found whole. Each
// stage is a pass over the document; where rules are compositions with
// long unless lists (the linter) the later stages run a fraction of the
// patterns and a draft costs 7 % fewer instructions, where they are word
// lists (the classifier) the passes cost what they save.
func (l *Labels) Staged() { l.staged = true }

// CompileLabels compiles the rules for the given label names (in that
// order) into b, and builds b.
func CompileLabels(b *Builder, names []string, rules map[string]Rule) (*Labels, error) {
	l := &Labels{names: names}
	for _, name := range names {
		spec, ok := rules[name]
		if !ok {
			return nil, fmt.Errorf("label %q has no rule", name)
		}
		if len(spec.Match) == 0 {
			return nil, fmt.Errorf("label %q: no match terms", name)
		}
		var r rule
		var err error
		if r.match, err = compileTerms(b, spec.Match, scopeSentence, false); err != nil {
			return nil, fmt.Errorf("label %q: match: %w", name, err)
		}
		if r.unless, err = compileTerms(b, spec.Unless, scopeClause, true); err != nil {
			return nil, fmt.Errorf("label %q: unless: %w", name, err)
		}
		for _, t := range r.match {
			r.leads = append(r.leads, int32(t.pats[0]))
		}
		l.rules = append(l.rules, r)
	}
	for name := range rules {
		found := false
		for _, n := range names {
			found = found || n == name
		}
		if !found {
			return nil, fmt.Errorf("rule for unknown label %q", name)
		}
	}
	set, err := b.Build()
	if err != nil {
		return nil, err
	}
	l.Set = set
	l.indexLeads()
	return l, nil
}

// indexLeads numbers the match terms and builds alwaysTerms and keyTerms
// from the built Set's must sets.
func (l *Labels) indexLeads() {
	s := l.Set
	l.keyTerms = make([][]leadRef, len(s.atoms))
	for ri := range l.rules {
		l.termBase = append(l.termBase, int32(len(l.terms)))
		for ti, p := range l.rules[ri].leads {
			lr := leadRef{term: int32(len(l.terms)), lead: p}
			l.terms = append(l.terms, termRef{int32(ri), int32(ti)})
			key := -1 // the lead's smallest must set
			for i, set := range s.musts[p] {
				if key < 0 || len(set) < len(s.musts[p][key]) {
					key = i
				}
			}
			if key < 0 {
				l.alwaysTerms = append(l.alwaysTerms, lr)
				continue
			}
			for _, a := range s.musts[p][key] {
				l.keyTerms[a] = append(l.keyTerms[a], lr)
			}
		}
	}
	l.termBase = append(l.termBase, int32(len(l.terms)))
}

// viableTerms returns the match terms of the rules [from, to) that can
// match in m's document (viable), in rule order and, within a rule, in the
// order written. (It reuses m.termOK's buffer.)
func (l *Labels) viableTerms(m *Matches, from, to int) []termRef {
	tb := resize(m.termBits, (len(l.terms)+63)/64)
	clear(tb)
	sat, full := m.sat, m.set.mustFull
	lo, hi := l.termBase[from], l.termBase[to]
	for _, lr := range l.alwaysTerms {
		if lr.term >= lo && lr.term < hi {
			tb[lr.term>>6] |= 1 << (lr.term & 63)
		}
	}
	for _, a := range m.docAtoms {
		for _, lr := range l.keyTerms[a] {
			if sat[lr.lead] == full[lr.lead] && lr.term >= lo && lr.term < hi {
				tb[lr.term>>6] |= 1 << (lr.term & 63)
			}
		}
	}
	vt := m.termOK[:0]
	for w, word := range tb {
		for ; word != 0; word &= word - 1 {
			tr := l.terms[w<<6|bits.TrailingZeros64(word)]
			if m.viable(&l.rules[tr.rule].match[tr.term]) {
				vt = append(vt, tr)
			}
		}
	}
	m.termBits, m.termOK = tb, vt
	return vt
}

// compileTerms compiles terms; def is the scope of a one-pattern term in an
// unless list (where scope says how far a negation reaches) and of an all
// term in a match list. A one-pattern match term has no scope (its match is
// its span), and span and after say where an unless term stands against a
// match, so a match list refuses them rather than ignore them.
func compileTerms(b *Builder, ts []Term, def scope, unless bool) ([]term, error) {
	var out []term
	for _, t := range ts {
		var c term
		var err error
		c.maxWords = t.MaxWords
		switch {
		case t.Pattern != "" && len(t.All) == 0:
			id, err := b.Add(t.Pattern)
			if err != nil {
				return nil, err
			}
			c.pats = []int{id}
			if !unless && t.Scope != "" {
				return nil, fmt.Errorf("a one-pattern match term takes no scope (%q on %q)", t.Scope, t.Pattern)
			}
			if c.scope, err = parseScope(t.Scope, def); err != nil {
				return nil, err
			}
		case t.Pattern == "" && len(t.All) > 0:
			c.all = true
			for _, p := range t.All {
				id, err := b.Add(p)
				if err != nil {
					return nil, err
				}
				c.pats = append(c.pats, id)
			}
			if c.scope, err = parseScope(t.Scope, scopeSentence); err != nil {
				return nil, err
			}
			if c.scope == scopeSpan || c.scope == scopeAfter {
				return nil, fmt.Errorf("an all term needs a clause, a sentence or a message, not %q", t.Scope)
			}
		default:
			return nil, fmt.Errorf("a term needs either p or all")
		}
		out = append(out, c)
	}
	return out, nil
}

// instance is one place where a term holds.
type instance struct {
	span               Span
	clauseLo, clauseHi int32
	sentLo, sentHi     int32
}

func (m *Matches) instanceOf(sp Span) instance {
	t := m.Doc.Tokens
	last := sp.End - 1
	return instance{span: sp, clauseLo: t[sp.Start].Clause, clauseHi: t[last].Clause,
		sentLo: t[sp.Start].Sentence, sentHi: t[last].Sentence}
}

// instances appends to out the places where term t holds. Callers hand in
// a reused buffer: a draft is checked against hundreds of terms.
func (m *Matches) instances(t *term, out []instance) []instance {
	if t.maxWords > 0 && m.Doc.Words > t.maxWords {
		return out
	}
	if !t.all {
		for i := m.firstSpan(t.pats[0]); i >= 0; i = m.recs[i].next {
			out = append(out, m.instanceOf(m.recs[i].Span))
		}
		return out
	}
	// all: every pattern found within one unit of the scope.
	unit := func(sp Span) int32 {
		switch t.scope {
		case scopeClause:
			return m.Doc.Tokens[sp.Start].Clause
		case scopeSentence:
			return m.Doc.Tokens[sp.Start].Sentence
		}
		return 0
	}
	m.each(t.pats[0], func(sp0 Span) bool {
		u := unit(sp0)
		lo, hi := sp0.Start, sp0.End
		for _, p := range t.pats[1:] {
			found := false
			m.each(p, func(sp Span) bool {
				if unit(sp) == u {
					lo, hi = min(lo, sp.Start), max(hi, sp.End)
					found = true
				}
				return !found
			})
			if !found {
				return true // try the next place of the first pattern
			}
		}
		out = append(out, m.instanceOf(Span{lo, hi}))
		return t.scope != scopeMessage
	})
	return out
}

func overlaps(a, b instance, s scope) bool {
	switch s {
	case scopeClause:
		return a.clauseLo <= b.clauseHi && b.clauseLo <= a.clauseHi
	case scopeSentence:
		return a.sentLo <= b.sentHi && b.sentLo <= a.sentHi
	case scopeSpan:
		return a.span.Start < b.span.End && b.span.Start < a.span.End
	case scopeAfter:
		return b.span.Start >= a.span.End
	}
	return true
}

// Match finds the labels that hold in d. It runs only the patterns that can
// matter: those of terms whose every pattern may match, and the unless
// patterns of labels that may hold.
func (l *Labels) Match(d *rutext.Doc) []Hit {
	sc, hits := l.Begin(d, len(l.rules))
	sc.Release()
	return hits
}

// Scan is a document matched against the first labels of a set, whose
// other labels Rest matches later on the same analysis, if they are needed
// at all: a linter's parts matter only for a few drafts.
type Scan struct {
	l *Labels
	m *Matches
	n int // labels matched so far
}

// Begin matches the labels [0, n) in d. The caller releases the Scan.
func (l *Labels) Begin(d *rutext.Doc, n int) (*Scan, []Hit) {
	m := l.Set.prepare(d)
	m.need = append(m.need[:0], make([]bool, l.Set.Len())...)
	clear(m.lastTried) // every pattern skipped until staged
	vt := l.match(m, 0, n)
	return &Scan{l: l, m: m, n: n}, l.eval(m, vt)
}

// Rest matches the labels past those Begin matched, running only the
// patterns Begin did not run, and returns their hits.
func (sc *Scan) Rest() []Hit {
	l, m := sc.l, sc.m
	if sc.n >= len(l.rules) {
		return nil
	}
	vt := l.match(m, sc.n, len(l.rules))
	sc.n = len(l.rules)
	return l.eval(m, vt)
}

// match runs the patterns the rules [from, to) need: at once, or in
// stages (Staged): first the leading pattern of each match term that can
// matter; then the other patterns of the terms whose lead was found; then
// the unless terms of the rules one of whose terms was found whole. A term
// of several patterns ("a review act" and "a benefit") or an unless list
// cannot matter where its lead is absent, and most drafts hold few of
// them. A pattern runs once; its spans then stand.
func (l *Labels) match(m *Matches, from, to int) []termRef {
	// the match terms that can match, found once, in rule order; the
	// stages and the evaluation look at these only (most terms cannot match)
	vt := l.viableTerms(m, from, to)
	if !l.staged || m.Doc.Words < stagedFrom {
		l.matchAtOnce(m, vt)
		return vt
	}
	for _, tr := range vt {
		m.stage(int(l.rules[tr.rule].leads[tr.term]))
	}
	m.runStage()

	// a lead found, here or for the rules before from (Begin), lets the
	// rest of its term run
	found := false
	for _, tr := range vt {
		r := &l.rules[tr.rule]
		if m.count[r.leads[tr.term]] > 0 {
			found = true
			for _, p := range r.match[tr.term].pats[1:] {
				m.stage(p)
			}
		}
	}
	if !found {
		return vt // no term can hold
	}
	m.runStage()

	held := int32(-1) // the last rule whose unless terms were staged
	for _, tr := range vt {
		if tr.rule != held && m.whole(&l.rules[tr.rule].match[tr.term]) {
			held = tr.rule
			l.stageUnless(m, &l.rules[tr.rule])
		}
	}
	m.runStage()
	return vt
}

// termRef is match term term of rule rule.
type termRef struct{ rule, term int32 }

// leadRef is a match term's number (Labels.terms) with its leading
// pattern.
type leadRef struct{ term, lead int32 }

// stagedFrom is the length in words from which Staged labels match in
// stages: a short draft holds too few patterns for the passes to pay.
const stagedFrom = 30

// matchAtOnce runs in one pass every pattern of the viable match terms
// (viableTerms), with the unless terms of their rules.
func (l *Labels) matchAtOnce(m *Matches, vt []termRef) {
	held := int32(-1) // the last rule whose unless terms were staged
	for _, tr := range vt {
		r := &l.rules[tr.rule]
		for _, p := range r.match[tr.term].pats {
			m.stage(p)
		}
		if tr.rule != held {
			held = tr.rule
			l.stageUnless(m, r)
		}
	}
	m.runStage()
}

// stageUnless stages the patterns of r's unless terms that can match.
func (l *Labels) stageUnless(m *Matches, r *rule) {
	for ti := range r.unless {
		if t := &r.unless[ti]; m.viable(t) {
			for _, p := range t.pats {
				m.stage(p)
			}
		}
	}
}

// stage marks pattern pid to run in the next runStage, unless it has run
// or cannot match.
func (m *Matches) stage(pid int) {
	if m.need[pid] || !m.viableMust(pid) {
		return
	}
	m.lastTried[pid] = -1 // to run (0: do not)
	m.need[pid] = true
	m.staged = append(m.staged, int32(pid))
}

// runStage runs the staged patterns, which keep their spans and do not
// run again.
func (m *Matches) runStage() {
	if len(m.staged) == 0 {
		return
	}
	m.set.run(m)
	for _, pid := range m.staged {
		m.skip(int(pid))
	}
	m.staged = m.staged[:0]
}

// whole reports whether every pattern of term t matched somewhere.
func (m *Matches) whole(t *term) bool {
	for _, p := range t.pats {
		if m.count[p] == 0 {
			return false
		}
	}
	return true
}

// viable reports whether term t can match in m's document: its patterns'
// mandatory words are all there, and the document is short enough.
func (m *Matches) viable(t *term) bool {
	if t.maxWords > 0 && m.Doc.Words > t.maxWords {
		return false
	}
	for _, p := range t.pats {
		if !m.viableMust(p) {
			return false
		}
	}
	return true
}

// Release hands the scan's buffers back.
func (sc *Scan) Release() {
	if sc.m != nil {
		sc.m.Release()
		sc.m = nil
	}
}

// Hit is a label that holds, with the words that made it hold; or, with
// Vetoed, a label whose match terms were all found but voided by its
// unless terms (a deliberate "no": "скидка не нужна").
type Hit struct {
	Label    string
	Evidence string
	Vetoed   bool
}

// Eval returns the labels that hold in m, in the order of the names given
// to CompileLabels.
func (l *Labels) Eval(m *Matches) []Hit {
	return l.eval(m, l.viableTerms(m, 0, len(l.rules)))
}

// eval returns the labels that hold in m among the rules of the viable
// terms vt (viableTerms): a term that is not viable has no instance (a
// pattern of it never ran, or the text is too long for it).
func (l *Labels) eval(m *Matches, vt []termRef) []Hit {
	var hits []Hit
	for k := 0; k < len(vt); {
		i := int(vt[k].rule)
		j := k + 1
		for j < len(vt) && int(vt[j].rule) == i {
			j++
		}
		terms := vt[k:j]
		k = j
		r := &l.rules[i]
		negs := m.negs[:0]
		negsFound := false // the unless terms are looked at only once a match term holds
		held := false
		var veto *Hit
	terms:
		for _, tr := range terms {
			ti := int(tr.term)
			if m.count[r.leads[ti]] == 0 {
				continue // its lead never matched: most terms, most drafts
			}
			m.found = m.instances(&r.match[ti], m.found[:0])
			for _, in := range m.found {
				if !negsFound {
					negsFound = true
					for ui := range r.unless {
						u := &r.unless[ui]
						m.unless = m.instances(u, m.unless[:0])
						for _, in := range m.unless {
							negs = append(negs, negInstance{in, u.scope})
						}
					}
				}
				voided := false
				for _, n := range negs {
					if overlaps(in, n.in, n.s) {
						voided = true
						break
					}
				}
				if !voided {
					hits = append(hits, Hit{Label: l.names[i], Evidence: m.Text(in.span)})
					held = true
					break terms
				}
				if veto == nil {
					veto = &Hit{Label: l.names[i], Evidence: m.Text(in.span), Vetoed: true}
				}
			}
		}
		if !held && veto != nil {
			hits = append(hits, *veto)
		}
		m.negs = negs
	}
	return hits
}

// negInstance is a place where an unless term holds, with its reach.
type negInstance struct {
	in instance
	s  scope
}
