package rutext

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDebugStems(t *testing.T) {
	w := os.Getenv("WORDS")
	if w == "" {
		t.Skip()
	}
	for _, x := range strings.Fields(w) {
		d := Analyze(x)
		for _, tk := range d.Tokens {
			fmt.Printf("%s→%s  ", tk.Text, tk.Stem())
		}
	}
	fmt.Println()
}
