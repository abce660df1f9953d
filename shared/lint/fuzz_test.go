package lint

import (
	"slices"
	"testing"

	agentiq "github.com/agentiq/agentiq/shared"
)

// FuzzLint checks that any draft is linted without a panic and that the
// flags are known, sorted and unique.
func FuzzLint(f *testing.F) {
	for _, s := range []string{"", "Промокод: uyut-shop.ru", "t . me/x hxxp://a.b", "карта 2200 7001 2345 6789", "@handle", "wb[.]ru", "\xff"} {
		f.Add(s)
	}
	l, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := l.Lint(s)
		if !slices.IsSorted(r.Flags) || len(slices.Compact(slices.Clone(r.Flags))) != len(r.Flags) {
			t.Fatalf("%q: flags %v not sorted and unique", s, r.Flags)
		}
		for _, fl := range r.Flags {
			if !slices.Contains(agentiq.Flags, fl) {
				t.Fatalf("%q: unknown flag %q", s, fl)
			}
		}
	})
}
