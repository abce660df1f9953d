package rutext

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"slices"
	"strings"
	"sync"
)

// words.txt.gz holds the stems of every word form of the Russian
// hunspell dictionary (hunspell-ru, ru_RU, © 1997–2008 Alexander I.
// Lebedev, BSD licence: see DICTIONARY-LICENSE; modified: reduced to the
// stems of its forms), one per line, sorted. make dictionary rebuilds it.
//
//go:embed words.txt.gz
var dictionaryGz []byte

// realStems is the sorted list of dictionary stems. A sorted slice over
// one string costs a third of a map's memory, and it is searched only for
// a word not yet seen (the lexicons memoise their answers).
var realStems = sync.OnceValue(func() []string {
	zr, err := gzip.NewReader(bytes.NewReader(dictionaryGz))
	if err != nil {
		return nil // an empty dictionary: every word may be corrected, as before
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil
	}
	return strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
})

// RealStem reports whether stem is the stem of a correct Russian word
// form. A real word is never read as another word one typo away: "отпуск"
// is not a misspelt "отписка", nor "пятый" a misspelt "пятно".
func RealStem(stem string) bool {
	_, ok := slices.BinarySearch(realStems(), stem)
	return ok
}

// RealWord reports whether w (lower case) is a correct Russian word form,
// judged by its stem.
func RealWord(w string) bool { return RealStem(Stem(w)) }
