package linear

import (
	"math"
	"slices"

	"github.com/agentiq/agentiq/shared/rutext"
)

// scratch is the per-call state of Predict: which rows a text has already
// counted (a row counts once), by a stamp per row.
type scratch struct {
	stamp []uint32
	epoch uint32
	n     int       // rows counted
	rows  []int32   // the rows counted, in order (when sums are not exact)
	sum   []float64 // per class, the weights of the rows counted (when exact)
	dups  []int32   // a word's rows counted before it
	buf   []byte
}

// AllClasses asks PredictSome for every class.
const AllClasses = ^uint64(0)

// Predict returns the probability of each class, in the order of Classes,
// into dst (reallocated when short).
func (m *Model) Predict(d *rutext.Doc, dst []float64) []float64 {
	return m.PredictSome(d, AllClasses, dst)
}

// PredictSome is Predict for the classes whose bits are set in want (bit
// c for Classes[c], c < 64); the others are left 0, and a caller that
// reads only some answers does not pay for the rest.
func (m *Model) PredictSome(d *rutext.Doc, want uint64, dst []float64) []float64 {
	k := len(m.Classes)
	if cap(dst) < k {
		dst = make([]float64, k)
	}
	dst = dst[:k]
	sc, _ := m.scratch.Get().(*scratch)
	if sc == nil || len(sc.stamp) != len(m.names) {
		sc = &scratch{stamp: make([]uint32, len(m.names)), sum: make([]float64, k)}
	}
	sc.epoch++
	if sc.epoch == 0 { // wrapped: old stamps could collide
		clear(sc.stamp)
		sc.epoch = 1
	}
	sc.rows, sc.n = sc.rows[:0], 0
	clear(sc.sum)
	m.count(d, sc)
	scale := 1.0
	if sc.n > 0 {
		scale = 1 / math.Sqrt(float64(sc.n))
	}
	for c := range dst {
		dst[c] = 0
		if c < 64 && want&(1<<c) == 0 {
			continue
		}
		sum := sc.sum[c]
		if !m.exact {
			for _, r := range sc.rows {
				sum += float64(m.weights[int(r)*k+c])
			}
		}
		dst[c] = sigmoid(sum*scale + m.bias[c])
	}
	m.scratch.Put(sc)
	return dst
}

// add counts row r once per text.
func (m *Model) add(sc *scratch, r int32) {
	if sc.stamp[r] == sc.epoch {
		return
	}
	sc.stamp[r] = sc.epoch
	sc.n++
	if !m.exact {
		sc.rows = append(sc.rows, r)
		return
	}
	k := len(sc.sum)
	w := m.weights[int(r)*k : int(r)*k+k]
	for c := range sc.sum {
		sc.sum[c] += float64(w[c])
	}
}

// addWord counts the rows of a word's own features. When sums are exact,
// its precomputed sums are added at once and the few rows an earlier word
// already counted (a shared letter n-gram) are taken back out, instead of
// adding every row class by class.
func (m *Model) addWord(sc *scratch, e *wordEntry) {
	if !m.exact {
		for _, r := range e.rows {
			m.add(sc, r)
		}
		return
	}
	dups := sc.dups[:0]
	for _, r := range e.rows {
		if sc.stamp[r] == sc.epoch {
			dups = append(dups, r)
			continue
		}
		sc.stamp[r] = sc.epoch
		sc.n++
	}
	sc.dups = dups
	if len(dups) == len(e.rows) { // a word seen before in this text
		return
	}
	for c, x := range e.sums {
		sc.sum[c] += x
	}
	k := len(sc.sum)
	for _, r := range dups {
		w := m.weights[int(r)*k : int(r)*k+k]
		for c := range sc.sum {
			sc.sum[c] -= float64(w[c])
		}
	}
}

// wordEntry is what a word stands for in features: its stem, the rows of
// its own features and, when sums are exact, their weights summed per
// class; and for the features of its context, the row of its negated
// stem (-1: none) and the hash state of a stem pair it begins.
type wordEntry struct {
	stem    string
	rows    []int32
	sums    []float64
	negRow  int32
	pairPre uint64
}

// wordRows returns the stem and the rows of a word's own features (its
// stem and letter n-grams), from a cache: chat vocabulary repeats heavily,
// and a word's features are a stemming and a dozen lookups.
func (m *Model) wordRows(t *rutext.Token, buf []byte) (wordEntry, []byte) {
	if e, ok := m.words.Load(t); ok {
		return e, buf
	}
	e := wordEntry{stem: t.Stem(), rows: []int32{}, negRow: -1}
	e.pairPre = pairPrefix(e.stem)
	if r, ok := m.index.get(fnvAdd(fnvNeg, e.stem) | 1); ok {
		e.negRow = r
	}
	buf = wordFeatures(t, e.stem, buf, func(f []byte) {
		if r, ok := m.index.get(fnv(f)); ok && !slices.Contains(e.rows, r) {
			e.rows = append(e.rows, r)
		}
	})
	if m.exact {
		k := len(m.Classes)
		e.sums = make([]float64, k)
		for _, r := range e.rows {
			for c := range e.sums {
				e.sums[c] += float64(m.weights[int(r)*k+c])
			}
		}
	}
	m.words.Store(t, e)
	return e, buf
}

// count counts the rows of d's features into sc. It yields the features
// of Features (walk) — a test holds the two together — but as hashes
// computed piecewise: FNV-1a runs left to right, so the hash of a stem
// pair "b x y" continues from the state after "b x ", which each word's
// cache entry keeps; nothing is copied and no byte is hashed twice.
func (m *Model) count(d *rutext.Doc, sc *scratch) {
	prevSent, prevClause := int32(-1), int32(-1)
	var pairPre uint64 // state after "b <previous key> "
	havePre, negated := false, false
	for i := range d.Tokens {
		t := &d.Tokens[i]
		var s string
		negRow, pre := int32(-1), uint64(0)
		if t.Kind == rutext.Word {
			var e wordEntry
			e, sc.buf = m.wordRows(t, sc.buf)
			m.addWord(sc, &e)
			s, negRow, pre = e.stem, e.negRow, e.pairPre
		} else {
			s = tokenKey(t)
			if s != "" {
				m.addHash(sc, fnvAdd(fnvWord, s))
				pre = pairPrefix(s)
			}
		}
		if s == "" {
			continue
		}
		if t.Clause != prevClause {
			negated = false
		}
		if negated && t.Kind == rutext.Word && negRow >= 0 {
			m.add(sc, negRow)
		}
		if t.Sentence == prevSent && havePre {
			m.addHash(sc, fnvAdd(pairPre, s))
		}
		if t.Kind == rutext.Word {
			negated = negator(t.Text) || negated && intensifier(t.Text)
		}
		pairPre, havePre, prevSent, prevClause = pre, true, t.Sentence, t.Clause
	}
}

// addHash counts the row of the feature whose FNV-1a state is h, if any.
func (m *Model) addHash(sc *scratch, h uint64) {
	if r, ok := m.index.get(h | 1); ok {
		m.add(sc, r)
	}
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// The states of FNV-1a after each feature family's prefix.
var (
	fnvWord = fnvAdd(fnvOffset, "w ")
	fnvNeg  = fnvAdd(fnvOffset, "n ")
	fnvPair = fnvAdd(fnvOffset, "b ")
)

// fnvAdd continues FNV-1a state h over s; fnv(b) is fnvAdd(offset, b)|1.
func fnvAdd(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// pairPrefix is the state after "b <key> ", where a stem pair starting
// with key continues.
func pairPrefix(key string) uint64 {
	return fnvAdd(fnvAdd(fnvPair, key), " ")
}
