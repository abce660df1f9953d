package rutext

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"unicode/utf8"
)

// scanRef is scan as it was before lower-case Cyrillic runs got a loop of
// their own: the reference the fast path must equal.
func scanRef(s string) ([]Token, []gap) {
	n := len(s)/10 + 4
	sc := &scanner{s: s, out: make([]Token, 0, n), gaps: make([]gap, 0, n), spaced: true}
	sc.w.start = -1
	for i := 0; i < len(s) && len(sc.out) < MaxTokens; {
		r, size := rune(s[i]), 1
		switch {
		case r < 0x80:
		case (r == 0xD0 || r == 0xD1) && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			r, size = (r&0x1F)<<6|rune(s[i+1]&0x3F), 2 // two-byte Cyrillic, inline
		default:
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		at := i
		i += size
		if r >= 'а' && r <= 'я' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 0x80 && isWordRune(r) {
			w := &sc.w
			if w.start < 0 {
				*w = wordState{start: at}
			}
			switch {
			case r >= 'а' && r <= 'я' || r >= 0x400 && r <= 0x4FF:
				w.cyr++
				w.letters++
			case r >= 'a' && r <= 'z':
				w.lat++
				w.letters++
			case r >= '0' && r <= '9' || isDigit(r):
				w.digits++
			default:
				w.letters++
			}
			if r == w.last {
				w.run++
				if w.run >= 2 && w.digits == 0 {
					w.fix = true
				}
			} else {
				w.last, w.run = r, 0
			}
			w.end = i
			continue
		}
		if r == ' ' && sc.w.start < 0 {
			continue // spacing only
		}
		sc.other(r, at, i)
	}
	sc.flush()
	return sc.out, sc.gaps
}

func TestScanIsScanRef(t *testing.T) {
	texts := []string{
		"Здравствуйте! Ссссупер, ооочень доволен 1,5 кг, don't «Ромашка» б/у р/с ПРИВЕТ мир",
		"ааа ббб вввв яяя ёёё", "шатаеться", "123аа", "аа123", "ааа", "а", "",
	}
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []rune("аабвяяррпПЁёѐѢ abcz0123.,!?-'’/😀\u200b№«")
	for n := 0; n < 3000; n++ {
		var b []byte
		for k := rng.IntN(16); k >= 0; k-- {
			if rng.IntN(20) == 0 {
				b = append(b, byte(rng.IntN(256)))
			} else {
				b = utf8.AppendRune(b, alphabet[rng.IntN(len(alphabet))])
			}
		}
		texts = append(texts, string(b))
	}
	for _, text := range texts {
		f := Fold(text)
		gt, gg := scan(f, nil, nil, nil)
		wt, wg := scanRef(f)
		if !reflect.DeepEqual(gt, wt) || !reflect.DeepEqual(gg, wg) {
			t.Fatalf("scan(%q) = %v %v; reference %v %v", f, gt, gg, wt, wg)
		}
	}
}
