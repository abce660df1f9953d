package lint

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/agentiq/agentiq/shared/rutext"
)

var (
	rutextFold    = rutext.Fold
	rutextAnalyze = rutext.Analyze
)

// spacedAlone is strings.Contains(s, " . ") found from the dots.
func TestSpacedAloneIsContains(t *testing.T) {
	texts := []string{"", ".", " . ", "a . b", "a. b", "a .b", ". ", " .", "x . ", " . y", "s h o p . r u", "a.b . c", "..  . .", "один. два . три"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 5000 {
		b := make([]byte, rng.IntN(9))
		for i := range b {
			b[i] = " .a"[rng.IntN(3)]
		}
		texts = append(texts, string(b))
	}
	for _, s := range texts {
		if got, want := spacedAlone(s), strings.Contains(s, " . "); got != want {
			t.Fatalf("spacedAlone(%q) = %v, want %v", s, got, want)
		}
	}
}

// hasFourKha is strings.Contains(s, "хххх").
func TestHasFourKhaIsContains(t *testing.T) {
	texts := []string{"", "хххх", "ххх", "ххххх", "xxxx", "ѕххх", "оплата картой хххх хххх 1234", "х х х х", "\x85\xd1\x85\xd1\x85\xd1\x85"}
	rng := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"х", "х", "ѕ", "а", " ", "\x85", "\xd1", "x"}
	for range 20000 {
		var b strings.Builder
		for k := rng.IntN(10); k >= 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		if got, want := hasFourKha(s), strings.Contains(s, "хххх"); got != want {
			t.Fatalf("hasFourKha(%q) = %v, want %v", s, got, want)
		}
	}
}
