package rutext

import "github.com/agentiq/agentiq/shared/memo"

// Stem returns the Russian Snowball stem of a normalised word. Stemming
// costs about half a microsecond a lower-case word (snowballStem; others
// go to the library, about 3 µs), and chat vocabulary repeats heavily, so
// stems are cached in a bounded, concurrency-safe table.
func Stem(w string) string {
	if s, ok := stems.Load(w); ok {
		return s
	}
	s := snowballStem(w)
	stems.Store(w, s)
	return s
}

// About 130k words of up to 128 bytes (no Russian word is longer); a
// bounded table starts again when full, and the hot words come back at once.
var stems = memo.New[string](1<<17, 128)
