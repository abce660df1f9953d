package rutext

import (
	"unicode/utf8"

	"github.com/kljensen/snowball/russian"
)

// snowballStem is russian.Stem(w, false), the Russian Snowball stemmer of
// github.com/kljensen/snowball, computed over a fixed array of runes.
// The library converts every suffix it tries to a new rune slice, some
// 38,000 instructions a word; a message's unseen words cost it more than
// the rest of a classification. Words it does not take in one piece (an
// upper-case letter, a space, a rune outside lower-case Cyrillic and
// ASCII, invalid UTF-8, more than maxSnowball runes) go to the library
// itself, so that every answer is the library's; a test holds the two
// equal over every word of the labelled data and generated forms, and a
// fuzz target over any text.
func snowballStem(w string) string {
	var buf [maxSnowball]rune
	n := 0
	for i := 0; i < len(w); n++ {
		if n == maxSnowball {
			return russian.Stem(w, false)
		}
		if c := w[i]; c < utf8.RuneSelf {
			// upper case, spaces and controls: the library lowers and trims
			if c >= 'A' && c <= 'Z' || c <= ' ' || c == 0x7f {
				return russian.Stem(w, false)
			}
			buf[n] = rune(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		if !(r >= 'а' && r <= 'я' || r == 'ё') {
			return russian.Stem(w, false) // invalid UTF-8 (RuneError) included
		}
		buf[n] = r
		i += size
	}
	if n <= 2 || russian.IsStopWord(w) {
		return w
	}
	s := snowball{rs: buf[:n]}
	s.regions()
	s.step1()
	s.removeIn(s.rv, suffixI)       // step 2
	s.removeIn(s.r2, suffixesDeriv) // step 3
	if s.has(0, suffixNN) {         // step 4
		s.cut(1)
	} else if s.removeIn(0, suffixesSuperlative) {
		if s.has(0, suffixNN) {
			s.cut(1)
		}
	} else if len(s.rs) > 0 && s.rs[len(s.rs)-1] == 'ь' {
		s.cut(1)
	}
	if len(s.rs) == n {
		return w // nothing removed: the same bytes
	}
	return string(s.rs)
}

// maxSnowball: longer words go to the library (no Russian word is longer).
const maxSnowball = 64

// snowball is a word being stemmed and the starts of its regions RV and
// R2 (the library's, clamped to the word as it shortens; no Russian step
// reads R1, which only places R2).
type snowball struct {
	rs     []rune
	rv, r2 int
}

func isSnowballVowel(r rune) bool {
	switch r {
	case 'а', 'е', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я':
		return true
	}
	return false
}

// regions: RV after the first vowel; R1 after the first non-vowel that
// follows a vowel; R2 the same within R1 (the library's VnvSuffix).
func (s *snowball) regions() {
	n := len(s.rs)
	s.rv = n
	for i, r := range s.rs {
		if isSnowballVowel(r) {
			s.rv = i + 1
			break
		}
	}
	s.r2 = vnv(s.rs, vnv(s.rs, 0)) // R2 within R1
}

func vnv(rs []rune, start int) int {
	for i := 1; i < len(rs[start:]); i++ {
		j := start + i
		if isSnowballVowel(rs[j-1]) && !isSnowballVowel(rs[j]) {
			return j + 1
		}
	}
	return len(rs)
}

// has reports whether the word ends with suffix lying wholly at or after
// rune start.
func (s *snowball) has(start int, suffix []rune) bool {
	n := len(s.rs)
	k := len(suffix)
	if k > n-start {
		return false
	}
	for i := 1; i <= k; i++ {
		if s.rs[n-i] != suffix[k-i] {
			return false
		}
	}
	return true
}

// first returns the index of the first of suffixes the word ends with at
// or after rune start, or -1.
func (s *snowball) first(start int, suffixes [][]rune) int {
	for i, suf := range suffixes {
		if s.has(start, suf) {
			return i
		}
	}
	return -1
}

// cut removes the last k runes.
func (s *snowball) cut(k int) {
	s.rs = s.rs[:len(s.rs)-k]
	n := len(s.rs)
	s.rv, s.r2 = min(s.rv, n), min(s.r2, n)
}

// removeIn removes the first of suffixes the word ends with at or after
// rune start, and reports whether it did.
func (s *snowball) removeIn(start int, suffixes [][]rune) bool {
	if i := s.first(start, suffixes); i >= 0 {
		s.cut(len(suffixes[i]))
		return true
	}
	return false
}

// afterAorYa reports whether the rune before a suffix of k runes is "а" or
// "я" inside RV.
func (s *snowball) afterAorYa(k int) bool {
	i := len(s.rs) - k - 1
	return i >= s.rv && (s.rs[i] == 'а' || s.rs[i] == 'я')
}

// step1 removes a perfective gerund ending; or else a reflexive one and
// then an adjectival, a verb or a noun ending.
func (s *snowball) step1() {
	if i := s.first(s.rv, suffixesGerund); i >= 0 {
		// the first suffix found stands, even where its condition fails
		if !gerundNeedsAorYa[i] || s.afterAorYa(len(suffixesGerund[i])) {
			s.cut(len(suffixesGerund[i]))
			return
		}
	}
	s.removeIn(s.rv, suffixesReflexive)
	if s.removeIn(s.rv, suffixesAdjective) {
		if i := s.first(s.rv, suffixesParticiple); i >= 0 {
			if !participleNeedsAorYa[i] || s.afterAorYa(len(suffixesParticiple[i])) {
				s.cut(len(suffixesParticiple[i]))
			}
		}
		return
	}
	if i := s.first(s.rv, suffixesVerb); i >= 0 {
		// as with the gerund, a failed condition leaves the noun endings
		if !verbNeedsAorYa[i] || s.afterAorYa(len(suffixesVerb[i])) {
			s.cut(len(suffixesVerb[i]))
			return
		}
	}
	s.removeIn(s.rv, suffixesNoun)
}

func runesOf(ss ...string) [][]rune {
	out := make([][]rune, len(ss))
	for i, s := range ss {
		out[i] = []rune(s)
	}
	return out
}

// needing marks which of suffixes count only after "а" or "я".
func needing(suffixes [][]rune, after ...string) []bool {
	out := make([]bool, len(suffixes))
	for i, suf := range suffixes {
		for _, a := range after {
			out[i] = out[i] || string(suf) == a
		}
	}
	return out
}

// The library's suffix lists, in its order (russian/step1.go … step4.go).
var (
	suffixesGerund   = runesOf("ившись", "ывшись", "вшись", "ивши", "ывши", "вши", "ив", "ыв", "в")
	gerundNeedsAorYa = needing(suffixesGerund, "в", "вши", "вшись")

	suffixesReflexive = runesOf("ся", "сь")

	suffixesAdjective = runesOf("ими", "ыми", "его", "ого", "ему", "ому", "ее", "ие",
		"ые", "ое", "ей", "ий", "ый", "ой", "ем", "им", "ым",
		"ом", "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею")
	suffixesParticiple   = runesOf("ивш", "ывш", "ующ", "ем", "нн", "вш", "ющ", "щ")
	participleNeedsAorYa = needing(suffixesParticiple, "ем", "нн", "вш", "ющ", "щ")

	suffixesVerb = runesOf("уйте", "ейте", "ыть", "ыло", "ыли", "ыла", "уют", "ует",
		"нно", "йте", "ишь", "ить", "ите", "ило", "или", "ила",
		"ешь", "ете", "ены", "ено", "ена", "ят", "ют", "ыт", "ым",
		"ыл", "ую", "уй", "ть", "ны", "но", "на", "ло", "ли", "ла",
		"ит", "им", "ил", "ет", "ен", "ем", "ей", "ю", "н", "л", "й")
	verbNeedsAorYa = needing(suffixesVerb, "ла", "на", "ете", "йте", "ли", "й", "л", "ем", "н",
		"ло", "но", "ет", "ют", "ны", "ть", "ешь", "нно")

	suffixesNoun = runesOf("иями", "ями", "иях", "иям", "ием", "ией", "ами", "ях",
		"ям", "ья", "ью", "ье", "ом", "ой", "ов", "ия", "ию",
		"ий", "ии", "ие", "ем", "ей", "еи", "ев", "ах", "ам",
		"я", "ю", "ь", "ы", "у", "о", "й", "и", "е", "а")

	suffixI             = runesOf("и")
	suffixesDeriv       = runesOf("ост", "ость")
	suffixNN            = []rune("нн")
	suffixesSuperlative = runesOf("ейше", "ейш")
)
