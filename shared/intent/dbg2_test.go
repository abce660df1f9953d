package intent

import (
	"fmt"
	"github.com/agentiq/agentiq/shared/phrase"
	"github.com/agentiq/agentiq/shared/rutext"
	"os"
	"testing"
)

func TestDbgOne(t *testing.T) {
	s := os.Getenv("TXT")
	if s == "" {
		t.Skip()
	}
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	r := c.Classify(s)
	fmt.Printf("%+v\n", r)
	m := c.labels.Set.Scan(rutext.Analyze(s))
	for id := 0; id < c.labels.Set.Len(); id++ {
		for _, sp := range m.Spans(id) {
			fmt.Printf("  pat %d %q: %q\n", id, trunc(c.labels.Set.Source(id)), m.Text(sp))
		}
	}
	_ = phrase.Span{}
}
func trunc(s string) string {
	if len(s) > 60 {
		return s[:60]
	}
	return s
}
