package rutext

// WithinOneEdit reports whether a and b differ by at most one edit: one rune
// inserted, deleted or replaced, or two adjacent runes swapped (the typos of
// one letter that must not defeat the classifier).
func WithinOneEdit(a, b string) bool {
	if a == b {
		return true
	}
	ra, rb := []rune(a), []rune(b)
	la, lb := len(ra), len(rb)
	if la-lb > 1 || lb-la > 1 {
		return false
	}
	i := 0
	for i < la && i < lb && ra[i] == rb[i] {
		i++
	}
	switch {
	case la == lb:
		if i+1 < la && ra[i] == rb[i+1] && ra[i+1] == rb[i] && equalRunes(ra[i+2:], rb[i+2:]) {
			return true // transposition
		}
		return equalRunes(ra[i+1:], rb[i+1:]) // substitution
	case la > lb:
		return equalRunes(ra[i+1:], rb[i:]) // deletion from a
	default:
		return equalRunes(ra[i:], rb[i+1:]) // insertion into a
	}
}

func equalRunes(a, b []rune) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
