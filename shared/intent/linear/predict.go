package linear

import "github.com/agentiq/agentiq/shared/rutext"

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
