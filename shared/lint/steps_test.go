package lint

import (
	"fmt"
	"os"
	"sort"
	"testing"

	"github.com/agentiq/agentiq/shared/phrase"
	"github.com/agentiq/agentiq/shared/rutext"
)

func TestDebugSteps(t *testing.T) {
	if os.Getenv("STEPS") == "" {
		t.Skip()
	}
	l, _ := Default()
	steps := map[int]int{}
	tries := map[int]int{}
	phrase.SetDebugSteps(func(p, s int) { steps[p] += s; tries[p]++ })
	d := rutext.Analyze(draft500)
	l.labels.Set.Scan(d)
	phrase.SetDebugSteps(nil)
	var ids []int
	total, ntries := 0, 0
	for id, s := range steps {
		ids = append(ids, id)
		total += s
		ntries += tries[id]
	}
	sort.Slice(ids, func(i, j int) bool { return steps[ids[i]] > steps[ids[j]] })
	fmt.Println("tokens", len(d.Tokens), "total steps", total, "tries", ntries, "patterns tried", len(ids), "of", l.labels.Set.Len())
	for _, id := range ids[:12] {
		src := l.labels.Set.Source(id)
		if len(src) > 90 {
			src = src[:90]
		}
		fmt.Printf("%6d steps %4d tries  %s\n", steps[id], tries[id], src)
	}
}
