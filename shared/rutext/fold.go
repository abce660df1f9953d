// Package rutext normalises and tokenises Russian buyer and seller text so
// that the classifier and the content checks compare words, never raw
// substrings: Unicode NFKC, case folding, ё→е, Latin/Cyrillic look-alike
// folding, emoji and punctuation handling, word-boundary tokenisation with
// sentence and clause boundaries, and Russian Snowball stemming.
package rutext

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// fastRune reports whether r is known to be unchanged by NFKC and simple to
// lower-case, so that the common all-Cyrillic/ASCII message skips the
// (comparatively slow) full NFKC and case-folding passes.
func fastRune(r rune) bool {
	switch {
	case r < 0x80:
		return true
	case r >= 0x0400 && r <= 0x045F: // basic Cyrillic, precomposed
		return true
	case r >= 0x1F000 && r <= 0x1FAFF, r >= 0x2600 && r <= 0x27BF: // emoji: NFKC leaves them be
		return true
	case r == 0xFE0F, r == 0x200D:
		return true
	}
	switch r {
	case '—', '–', '«', '»', '“', '”', '„', '‘', '’', '№', '₽', '\u00a0', '−', '•', '×', '°':
		return true
	}
	return false
}

// Fold returns text in the normalised form every comparison in agentiq uses:
// NFKC, full case folding and ё→е. Invalid UTF-8 is replaced, zero-width and
// combining decoration characters are dropped. Look-alike folding is done
// per token by Analyze, because it depends on the script of the whole word.
func Fold(text string) string {
	return fold(text, nil)
}

// fold is Fold that, given caps, also appends to it the byte offset in the
// folded text of every letter that was upper-case, in order: the tokenizer
// reads proper names by them ("в Кораблике"), which folding erases.
func fold(text string, caps *[]int32) string {
	n := 0
	if caps != nil {
		n = len(*caps)
	}
	b, ok := foldFast(text, true, caps)
	if !ok {
		if caps != nil {
			*caps = (*caps)[:n]
		}
		if !utf8.ValidString(text) {
			text = strings.ToValidUTF8(text, "\uFFFD")
		}
		b = slowFoldCaps(text, caps)
	}
	// b is never written again: it becomes the string without a copy
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// slowFoldCaps folds a text the fast pass could not. The capitals are read
// from the NFKC form lower-cased letter by letter, and kept only when that
// gives the same text as full case folding (it does for Russian and
// English), so that the folded text never depends on them.
func slowFoldCaps(text string, caps *[]int32) []byte {
	b, _ := foldFast(slowFold(text), false, nil)
	if caps == nil {
		return b
	}
	n := len(*caps)
	lower, _ := foldFast(nfkc(text), false, caps)
	if string(lower) != string(b) {
		*caps = (*caps)[:n]
	}
	return b
}

// foldFast lower-cases text, maps ё to е and drops invisible characters.
// With check, it stops with ok false at the first character NFKC could
// change, or at invalid UTF-8, so that the usual message costs one pass.
//
// With caps non-nil, the offsets of upper-case letters are appended to it.
func foldFast(text string, check bool, caps *[]int32) (b []byte, ok bool) {
	b = make([]byte, 0, len(text))
	for i := 0; i < len(text); {
		// Most of a text is lower-case ASCII or а–я, which folding keeps:
		// find the run of them and copy it at once, not byte by byte.
		if j := keptRun(text, i); j > i {
			b = append(b, text[i:j]...)
			i = j
			continue
		}
		c := text[i]
		if c < 0x80 {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
				if caps != nil {
					*caps = append(*caps, int32(len(b)))
				}
			}
			b = append(b, c)
			i++
			continue
		}
		// Two-byte basic Cyrillic (U+0400–U+045F), the common case, byte by
		// byte: D0 90–9F (А–П) become D0 B0–BF, D0 A0–AF (Р–Я) become
		// D1 80–8F, Ё (D0 81) and ё (D1 91) become е (D0 B5); the rest of
		// the block is kept.
		if i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
			c2 := text[i+1]
			switch {
			case c == 0xD0:
				switch {
				case c2 >= 0xB0:
					b = append(b, 0xD0, c2) // а–п, the common case
				case c2 >= 0x90 && c2 <= 0x9F:
					if caps != nil {
						*caps = append(*caps, int32(len(b)))
					}
					b = append(b, 0xD0, c2+0x20)
				case c2 >= 0xA0:
					if caps != nil {
						*caps = append(*caps, int32(len(b)))
					}
					b = append(b, 0xD1, c2-0x20)
				case c2 == 0x81:
					if caps != nil {
						*caps = append(*caps, int32(len(b)))
					}
					b = append(b, 0xD0, 0xB5)
				default:
					b = append(b, 0xD0, c2)
				}
				i += 2
				continue
			case c == 0xD1 && c2 <= 0x9F:
				if c2 == 0x91 {
					b = append(b, 0xD0, 0xB5)
				} else {
					b = append(b, 0xD1, c2)
				}
				i += 2
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if check && (size == 1 && r == utf8.RuneError || !fastRune(r) && !dropRune(r)) {
			return nil, false
		}
		i += size
		if dropRune(r) {
			continue
		}
		if caps != nil && r >= 0x80 && unicode.IsUpper(r) {
			*caps = append(*caps, int32(len(b)))
		}
		b = utf8.AppendRune(b, lowerRune(r))
	}
	return b, true
}

// keptRun returns where the run of bytes from i that folding keeps as they
// are ends: ASCII other than capitals, and а–я (D0 B0–BF, D1 80–8F).
func keptRun(text string, i int) int {
	for i < len(text) {
		c := text[i]
		switch {
		case c < 0x80:
			if c-'A' < 26 {
				return i
			}
			i++
		case i+1 < len(text) && (c == 0xD0 && text[i+1]-0xB0 < 0x10 || c == 0xD1 && text[i+1]-0x80 < 0x10):
			i += 2
		default:
			return i
		}
	}
	return i
}

var folder = cases.Fold()

// slowFold applies NFKC and full case folding. "№" is kept as is: NFKC would
// turn it into the letters "No", which then read as a word.
func slowFold(text string) string {
	parts := strings.Split(text, "№")
	for i, p := range parts {
		parts[i] = folder.String(norm.NFKC.String(p))
	}
	return strings.Join(parts, "№")
}

// nfkc is slowFold without the case folding.
func nfkc(text string) string {
	parts := strings.Split(text, "№")
	for i, p := range parts {
		parts[i] = norm.NFKC.String(p)
	}
	return strings.Join(parts, "№")
}

func lowerRune(r rune) rune {
	switch {
	case r >= 'A' && r <= 'Z':
		return r + ('a' - 'A')
	case r < 0x80:
		return r
	case r >= 'а' && r <= 'я':
		return r
	case r >= 'А' && r <= 'Я':
		return r + ('а' - 'А')
	case r == 'ё' || r == 'Ё':
		return 'е'
	case r == '\u00a0':
		return ' '
	case r == '−': // minus sign, often used for "−20%"
		return '-'
	}
	return unicode.ToLower(r)
}

// dropRune reports characters that only hide words from a matcher: zero
// width spaces and joiners, soft hyphens, variation selectors and combining
// marks left over after NFKC (stress marks, decorations).
func dropRune(r rune) bool {
	switch {
	case r < 0xAD, r >= 0x0400 && r <= 0x04FF:
		return false
	case r == 0x00AD, r >= 0x200B && r <= 0x200F, r >= 0x2060 && r <= 0x2064,
		r == 0xFEFF, r == 0x180E, r >= 0xFE00 && r <= 0xFE0F, r == 0x20E3:
		return true
	case r >= 0x1F3FB && r <= 0x1F3FF: // emoji skin tones
		return true
	case r >= 0x0300 && r < 0x0370, unicode.Is(unicode.Mn, r):
		return true
	}
	return false
}

// lookAlike maps Latin letters that are drawn like Cyrillic ones (after
// lower-casing) to their Cyrillic twin. "B", "H", "M", "T" are included for
// their capital forms, which obfuscators use most.
var lookAlike = map[rune]rune{
	'a': 'а', 'b': 'в', 'c': 'с', 'e': 'е', 'h': 'н', 'k': 'к', 'm': 'м',
	'o': 'о', 'p': 'р', 't': 'т', 'x': 'х', 'y': 'у',
}

// digitLookAlike maps digits used in place of letters inside Cyrillic words
// ("пр0мокод", "3вонить").
var digitLookAlike = map[rune]rune{'0': 'о', '3': 'з'}

// latinLookAlike is lookAlike the other way round.
var latinLookAlike = func() map[rune]rune {
	m := make(map[rune]rune, len(lookAlike))
	for l, c := range lookAlike {
		m[c] = l
	}
	return m
}()

// allMapped reports whether every letter of w that script accepts has an
// entry in m.
func allMapped(w []rune, m map[rune]rune, script func(rune) bool) bool {
	for _, r := range w {
		if _, ok := m[r]; script(r) && !ok {
			return false
		}
	}
	return true
}

func isCyrillic(r rune) bool { return r >= 0x0400 && r <= 0x04FF }
func isLatin(r rune) bool    { return r >= 'a' && r <= 'z' }

// foldWord applies the per-word folds to a lower-cased word: look-alike
// letters and digits inside Cyrillic words, Cyrillic look-alikes inside a
// Latin word ("ОZОN"), and runs of three or more equal letters collapsed
// to one ("скиииидка").
func foldWord(w []rune) []rune {
	cyr, lat, zero := 0, 0, 0
	for _, r := range w {
		switch {
		case isCyrillic(r):
			cyr++
		case isLatin(r):
			lat++
		case r == '0':
			zero++
		}
	}
	if cyr == 0 && zero > 0 && zero <= 2 && lat >= 3 && lat+zero == len(w) &&
		isLatin(w[len(w)-1]) && !isGlued(string(w)) {
		// a zero for an o in a Latin word ("0zon", "g00gle"): only letters
		// and at most two zeros, ending in a letter, so no model ("x100"),
		// code ("SALE00") or number with its unit ("0rub") is touched
		for i, r := range w {
			if r == '0' {
				w[i] = 'o'
			}
		}
		return collapseRuns(w)
	}
	if cyr > 0 && lat >= cyr && !allMapped(w, lookAlike, isLatin) && allMapped(w, latinLookAlike, isCyrillic) {
		// A Latin word with Cyrillic look-alikes in it ("ОZОN"): mostly
		// Latin, and its Latin letters have no Cyrillic look-alike. A
		// Russian word with one Latin stand-in ("ватсаn", n for п) stays
		// Russian.
		for i, r := range w {
			if c, ok := latinLookAlike[r]; ok {
				w[i] = c
			}
		}
		return collapseRuns(w)
	}
	if cyr > 0 {
		if w[0] == '0' && len(w) > 2 && isCyrillic(w[1]) {
			// a zero for the first letter ("0з0не"), taken only when it
			// spells a real word ("0шт" stays); a leading 3 is a number
			// far more often ("3раза" is no "зраза")
			if alt := foldWord(append([]rune{digitLookAlike['0']}, w[1:]...)); RealWord(string(alt)) {
				return alt
			}
		}
		for i, r := range w {
			if c, ok := lookAlike[r]; ok && lat > 0 {
				w[i] = c
				continue
			}
			if c, ok := digitLookAlike[r]; ok && i > 0 && i < len(w)-1 &&
				isCyrillic(w[i-1]) && (isCyrillic(w[i+1]) || lookAlike[w[i+1]] != 0) {
				w[i] = c
			}
		}
	}
	return collapseRuns(w)
}

func collapseRuns(w []rune) []rune {
	if allW(w) {
		// "www" alone stays three letters: a link's start, which a lone
		// "W" (a key, a size) is not
		return w[:3]
	}
	out := w[:0]
	for i := 0; i < len(w); {
		j := i + 1
		for j < len(w) && w[j] == w[i] {
			j++
		}
		n := j - i
		if n >= 3 && unicode.IsLetter(w[i]) {
			n = 1
		}
		for k := 0; k < n; k++ {
			out = append(out, w[i])
		}
		i = j
	}
	return out
}

// allW says whether w is three or more w's and nothing else.
func allW(w []rune) bool {
	if len(w) < 3 {
		return false
	}
	for _, r := range w {
		if r != 'w' {
			return false
		}
	}
	return true
}

// foldLatinLookAlike turns a short all-Latin token made only of look-alike
// letters into Cyrillic ("c" in "c браком" typed on a Latin layout).
func foldLatinLookAlike(s string) (string, bool) {
	if s == "" || utf8.RuneCountInString(s) > 2 {
		return s, false
	}
	var b strings.Builder
	for _, r := range s {
		c, ok := lookAlike[r]
		if !ok {
			return s, false
		}
		b.WriteRune(c)
	}
	return b.String(), true
}
