package linear

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/agentiq/agentiq/shared/rutext"
)

// Model is a trained one-vs-rest logistic regression. It is safe for
// concurrent use.
type Model struct {
	Classes []string
	// Meta holds the header lines of the weights file ("data", "trainer"…).
	Meta    map[string]string
	bias    []float64
	names   []string // feature names, sorted
	weights []float32
	// exact: every sum of distinct weights is exact in float64 (see
	// buildIndex), so Predict may add them in any order and still get the
	// same bits as adding them row by row.
	exact bool
	index table // hash of a feature name → its row
	words   wordCache
	scratch sync.Pool // *scratch
}

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
	if e, ok := m.words.get(t.Text); ok {
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
	m.words.put(t.Text, e)
	return e, buf
}

// Strongest returns up to n features of d that push class c up most, as
// "feature(+weight)" strings: what --explain shows.
func (m *Model) Strongest(d *rutext.Doc, class string, n int) []string {
	c := slices.Index(m.Classes, class)
	if c < 0 {
		return nil
	}
	k := len(m.Classes)
	type fw struct {
		name string
		w    float32
	}
	var got []fw
	seen := map[int32]bool{}
	Features(d, nil, func(f []byte) {
		if r, ok := m.index.get(fnv(f)); ok && !seen[r] {
			seen[r] = true
			if w := m.weights[int(r)*k+c]; w > 0 {
				got = append(got, fw{m.names[r], w})
			}
		}
	})
	slices.SortFunc(got, func(a, b fw) int {
		if a.w != b.w {
			if a.w > b.w {
				return -1
			}
			return 1
		}
		return strings.Compare(a.name, b.name)
	})
	var out []string
	for i := 0; i < len(got) && i < n; i++ {
		out = append(out, fmt.Sprintf("%s(%+.2f)", got[i].name, got[i].w))
	}
	return out
}

func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

// The weights file is text, one line per feature, sorted, so that a
// retraining shows in a diff and byte-compares:
//
//	# linear model
//	meta features 1
//	meta data <sha256 of the training data>
//	classes a b c
//	bias 0.1 -2 …
//	w <feature name>\t<weight per class>
const header = "# linear model (shared/intent/linear); generated by make train, do not edit\n"

// Marshal writes the model in its file form.
func (m *Model) Marshal() []byte {
	var b bytes.Buffer
	b.WriteString(header)
	keys := make([]string, 0, len(m.Meta))
	for k := range m.Meta {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "meta %s %s\n", k, m.Meta[k])
	}
	fmt.Fprintf(&b, "classes %s\n", strings.Join(m.Classes, " "))
	b.WriteString("bias")
	for _, x := range m.bias {
		b.WriteByte(' ')
		b.WriteString(num(x))
	}
	b.WriteByte('\n')
	k := len(m.Classes)
	for r, name := range m.names {
		b.WriteString("w ")
		b.WriteString(name)
		b.WriteByte('\t')
		for c := 0; c < k; c++ {
			if c > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(num(float64(m.weights[r*k+c])))
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// num writes a weight with three decimals, "0" for zero.
func num(x float64) string {
	s := strconv.FormatFloat(x, 'f', 3, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" || s == "" {
		return "0"
	}
	return s
}

// Parse reads a weights file. It keeps feature names as pieces of one
// string and reads weights without a general float parser: a model has
// tens of thousands of lines, and the CLI and every Lambda cold start read
// it.
func Parse(data []byte) (*Model, error) {
	m := &Model{Meta: map[string]string{}}
	text := string(data)
	m.weights = make([]float32, 0, strings.Count(text, "\t")*4)
	for line := 1; text != ""; line++ {
		s, rest, _ := strings.Cut(text, "\n")
		text = rest
		switch {
		case s == "" || strings.HasPrefix(s, "#"):
		case strings.HasPrefix(s, "w "):
			name, ws, ok := strings.Cut(s[2:], "\t")
			if !ok || len(m.Classes) == 0 {
				return nil, fmt.Errorf("model line %d: want a feature, a tab and %d weights", line, len(m.Classes))
			}
			n := 0
			for ws != "" {
				var f string
				f, ws, _ = strings.Cut(ws, " ")
				x, ok := milli(f)
				if !ok {
					return nil, fmt.Errorf("model line %d: weight %q: want a number with at most three decimals", line, f)
				}
				m.weights = append(m.weights, float32(x)/1000)
				n++
			}
			if n != len(m.Classes) {
				return nil, fmt.Errorf("model line %d: want a feature, a tab and %d weights", line, len(m.Classes))
			}
			m.names = append(m.names, name)
		case strings.HasPrefix(s, "meta "):
			k, v, _ := strings.Cut(s[5:], " ")
			m.Meta[k] = v
		case strings.HasPrefix(s, "classes "):
			m.Classes = strings.Fields(s[8:])
		case strings.HasPrefix(s, "bias"):
			for _, f := range strings.Fields(s[4:]) {
				x, err := strconv.ParseFloat(f, 64)
				if err != nil {
					return nil, fmt.Errorf("model line %d: %w", line, err)
				}
				m.bias = append(m.bias, x)
			}
		default:
			return nil, fmt.Errorf("model line %d: unknown line", line)
		}
	}
	if len(m.Classes) == 0 || len(m.bias) != len(m.Classes) {
		return nil, fmt.Errorf("model: classes and bias must be given, one bias per class")
	}
	if err := m.buildIndex(); err != nil {
		return nil, err
	}
	if v := m.Meta["features"]; v != strconv.Itoa(FeatureVersion) {
		return nil, fmt.Errorf("model: trained on features version %q, this code makes version %d: run make train", v, FeatureVersion)
	}
	return m, nil
}

// buildIndex hashes every feature name into the lookup table, and finds
// whether sums of weights are exact.
func (m *Model) buildIndex() error {
	m.exact = exactSums(m.weights, len(m.names))
	m.index = newTable(len(m.names))
	for i, name := range m.names {
		if !m.index.put(fnvString(name), int32(i)) {
			return fmt.Errorf("model: features %q and another share a hash", name)
		}
	}
	return nil
}

// exactSums reports whether every sum of weights taken from distinct rows
// (at most rows of them per class) is exact in float64, whatever the order
// of the additions: when every weight is a whole multiple of 2^-33 (any
// float32 of magnitude 2^-10 or more is, and a weight of three decimals,
// 0.001 or more, is that) and rows times the largest magnitude is below
// 2^20, every sum of distinct weights is a whole multiple of 2^-33 below 2^20, which
// float64's 53 bits hold exactly. Predict's partial sums (a word's sum
// added, rows counted twice taken back out) have at most four times rows
// terms, hence the margin of 2^18. Weights files made by make train meet
// this by far; a file that does not is summed row by row in order.
func exactSums(weights []float32, rows int) bool {
	const unit = 1 << 33
	most := 0.0
	for _, w := range weights {
		x := math.Abs(float64(w))
		if x*unit != math.Trunc(x*unit) {
			return false
		}
		most = max(most, x)
	}
	return float64(rows)*most < 1<<18
}

// fnv is the 64-bit FNV-1a hash of b, never 0 (0 marks an empty slot).
func fnv(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h | 1
}

// fnvString is fnv of a string, without copying it.
func fnvString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h | 1
}

// table is an open-addressing hash table from feature hashes to rows:
// lookups are most of the model's work, and a Go map costs more.
type table struct {
	keys []uint64
	vals []int32
	mask uint64
}

func newTable(n int) table {
	size := 16
	for size < n*2 {
		size <<= 1
	}
	return table{keys: make([]uint64, size), vals: make([]int32, size), mask: uint64(size - 1)}
}

func (t *table) get(h uint64) (int32, bool) {
	if len(t.keys) == 0 {
		return 0, false
	}
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case h:
			return t.vals[i], true
		case 0:
			return 0, false
		}
	}
}

func (t *table) put(h uint64, v int32) bool {
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case h:
			return false
		case 0:
			t.keys[i], t.vals[i] = h, v
			return true
		}
	}
}

// wordCache maps words to their feature rows, bounded like the stem cache.
type wordCache struct {
	shards [16]struct {
		mu sync.RWMutex
		m  map[string]wordEntry
	}
}

const wordCacheShardMax = 1 << 12

func (c *wordCache) shard(w string) int {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h ^= uint32(w[i])
		h *= 16777619
	}
	return int(h % 16)
}

func (c *wordCache) get(w string) (wordEntry, bool) {
	sh := &c.shards[c.shard(w)]
	sh.mu.RLock()
	r, ok := sh.m[w]
	sh.mu.RUnlock()
	return r, ok
}

func (c *wordCache) put(w string, e wordEntry) {
	if len(w) > 64 {
		return
	}
	sh := &c.shards[c.shard(w)]
	sh.mu.Lock()
	if sh.m == nil || len(sh.m) >= wordCacheShardMax {
		sh.m = make(map[string]wordEntry) // crude, but bounded
	}
	sh.m[w] = e
	sh.mu.Unlock()
}

// milli reads a weight written by num ("-1.25" → -1250) without the cost
// of a general float parser: a model has hundreds of thousands of them.
func milli(s string) (int32, bool) {
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" || len(whole) > 6 || len(frac) > 3 {
		return 0, false
	}
	var v int32
	for i := 0; i < len(whole); i++ {
		c := whole[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int32(c-'0')
	}
	for i := 0; i < 3; i++ {
		v *= 10
		if i < len(frac) {
			c := frac[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			v += int32(c - '0')
		}
	}
	if neg {
		v = -v
	}
	return v, true
}
