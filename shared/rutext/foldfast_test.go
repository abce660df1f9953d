package rutext

import (
	"bytes"
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// foldFastRune is foldFast as it was before its Cyrillic bytes were
// folded byte by byte, rune by rune: the reference the fast path must
// equal.
func foldFastRune(text string, check bool) (b []byte, ok bool) {
	b = make([]byte, 0, len(text))
	for i := 0; i < len(text); {
		c := text[i]
		if c < 0x80 {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		// Two-byte Cyrillic (U+0400–U+047F), the common case, inline.
		if (c == 0xD0 || c == 0xD1) && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
			r := rune(c&0x1F)<<6 | rune(text[i+1]&0x3F)
			switch {
			case r >= 'А' && r <= 'Я':
				r += 'а' - 'А'
			case r == 'Ё' || r == 'ё':
				r = 'е'
			}
			if r >= 0x400 && r <= 0x45F {
				b = append(b, byte(0xC0|r>>6), byte(0x80|r&0x3F))
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
		b = utf8.AppendRune(b, lowerRune(r))
	}
	return b, true
}

func TestFoldFastIsRuneByRune(t *testing.T) {
	var texts []string
	for _, lead := range []byte{0xD0, 0xD1, 0xD2, 0xC3} {
		for c2 := 0; c2 < 256; c2++ {
			texts = append(texts, string([]byte{'x', lead, byte(c2), 'Y'}), string([]byte{lead, byte(c2)}), string([]byte{lead}))
		}
	}
	texts = append(texts, "ЁЛКА ёлка Ѐ ѐ Ѣѣ ЯНВАРЬ январь Привет, МИР! 😀 №5 ₽ «»", "\u200bневидимый\u00adперенос")
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("аАяЯёЁпПрРъЪѐЀџЏѠѡabcXYZ09 .,!?😀\u200b\u00ad№ﬁ\uFFFD")
	for n := 0; n < 2000; n++ {
		var b []byte
		for k := rng.IntN(12); k >= 0; k-- {
			if rng.IntN(10) == 0 {
				b = append(b, byte(rng.IntN(256)))
			} else {
				b = utf8.AppendRune(b, alphabet[rng.IntN(len(alphabet))])
			}
		}
		texts = append(texts, string(b))
	}
	for _, text := range texts {
		for _, check := range []bool{true, false} {
			got, gotOK := foldFast(text, check, nil)
			want, wantOK := foldFastRune(text, check)
			if gotOK != wantOK || !bytes.Equal(got, want) {
				t.Fatalf("foldFast(%q, %v) = %q, %v; rune by rune %q, %v", text, check, got, gotOK, want, wantOK)
			}
		}
	}
}

// FuzzFoldFast holds foldFast, with its runs of kept bytes copied at once,
// to the rune-by-rune reference on any text.
func FuzzFoldFast(f *testing.F) {
	for _, s := range []string{"", "Привет, МИР! ёлка", "abcXYZ а–я", "\xd0\xb0\xd0", "\xd1\x8f\xd1\x90Ѐ", "VESNA10 на 10%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, check := range []bool{true, false} {
			got, gotOK := foldFast(text, check, nil)
			want, wantOK := foldFastRune(text, check)
			if gotOK != wantOK || !bytes.Equal(got, want) {
				t.Fatalf("foldFast(%q, %v) = %q, %v; rune by rune %q, %v", text, check, got, gotOK, want, wantOK)
			}
		}
	})
}
