package rutext

import (
	_ "embed"
	"sync"
	"unicode/utf8"
)

// words.fc holds the stems of every word form of the Russian hunspell
// dictionary (hunspell-ru, ru_RU, © 1997–2008 Alexander I. Lebedev, BSD
// licence: see DICTIONARY-LICENSE; modified: reduced to the stems of its
// forms), sorted, front-coded over a one-byte alphabet (EncodeStems):
// 387 KB that decode in two or three milliseconds, where gzip took thirteen.
// make dictionary rebuilds it.
//
//go:embed words.fc
var dictionaryData []byte

// stemAlphabet is the alphabet of the dictionary's stems (folded: no ё);
// letter i is stored as the byte i+1.
const stemAlphabet = "абвгдежзийклмнопрстуфхцчшщъыьэюя"

// encodeStem returns s in the one-byte alphabet, or false when s has a
// letter outside it (а–я are contiguous in Unicode, ё is folded away).
func encodeStem(s string, buf []byte) ([]byte, bool) {
	buf = buf[:0]
	for _, r := range s {
		if r < 'а' || r > 'я' {
			return nil, false
		}
		buf = append(buf, byte(r-'а'+1))
	}
	return buf, true
}

// EncodeStems front-codes sorted stems: per stem, a byte 0x80|k (k: the
// letters shared with the previous stem, at most 127) and its other
// letters, one byte each. A stem with a letter outside the alphabet is
// left out.
func EncodeStems(stems []string) []byte {
	var out, prev []byte
	var buf []byte
	for _, s := range stems {
		code, ok := encodeStem(s, buf)
		if !ok {
			continue
		}
		k := 0
		for k < len(prev) && k < len(code) && k < 127 && prev[k] == code[k] {
			k++
		}
		out = append(out, 0x80|byte(k))
		out = append(out, code[k:]...)
		prev = append(prev[:0], code...)
		buf = code
	}
	return out
}

// DecodeStems is the inverse of EncodeStems.
func DecodeStems(data []byte) []string {
	d := decodeStems(data)
	letters := []rune(stemAlphabet)
	out := make([]string, 0, len(d.start)-1)
	var text []byte
	for k := 0; k+1 < len(d.start); k++ {
		text = text[:0]
		for _, c := range d.codes[d.start[k]:d.start[k+1]] {
			if c >= 1 && int(c) <= len(letters) {
				text = utf8.AppendRune(text, letters[c-1])
			}
		}
		out = append(out, string(text))
	}
	return out
}

// dictionary is the decoded list: the stems' codes end to end, and where
// each starts.
type dictionary struct {
	codes []byte
	start []uint32 // len = stems + 1
}

// realStems is the dictionary, decoded on first use; its stems are sorted,
// so a lookup is a binary search with no allocation.
var realStems = sync.OnceValue(func() *dictionary { return decodeStems(dictionaryData) })

// decodeStems undoes the front coding: each stem's codes end to end.
func decodeStems(data []byte) *dictionary {
	// the stems decode to about 2.5 times the coded bytes
	d := &dictionary{codes: make([]byte, 0, len(data)*5/2), start: make([]uint32, 0, len(data)/3+1)}
	var prev []byte
	for i := 0; i < len(data); {
		k := int(data[i] &^ 0x80)
		i++
		j := i
		for j < len(data) && data[j] < 0x80 {
			j++
		}
		d.start = append(d.start, uint32(len(d.codes)))
		d.codes = append(d.codes, prev[:min(k, len(prev))]...)
		d.codes = append(d.codes, data[i:j]...)
		prev = d.codes[d.start[len(d.start)-1]:]
		i = j
	}
	d.start = append(d.start, uint32(len(d.codes)))
	return d
}

func (d *dictionary) has(code []byte) bool {
	lo, hi := 0, len(d.start)-1
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if string(d.codes[d.start[m]:d.start[m+1]]) < string(code) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(d.start)-1 && string(d.codes[d.start[lo]:d.start[lo+1]]) == string(code)
}

// RealStem reports whether stem is the stem of a correct Russian word
// form. A real word is never read as another word one typo away: "отпуск"
// is not a misspelt "отписка", nor "пятый" a misspelt "пятно".
func RealStem(stem string) bool {
	var buf [64]byte
	code, ok := encodeStem(stem, buf[:0])
	return ok && realStems().has(code)
}

// LoadDictionary decodes the real-word dictionary now rather than at the
// first typo check: a process that starts warm (a CLI run, a cold Lambda)
// can do it beside its other loading.
func LoadDictionary() { realStems() }

// RealWord reports whether w (lower case) is a correct Russian word form,
// judged by its stem.
func RealWord(w string) bool { return RealStem(Stem(w)) }
