package intent

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
	c, _ := Default()
	steps := map[int]int{}
	tries := map[int]int{}
	phrase.SetDebugSteps(func(p, s int) { steps[p] += s; tries[p]++ })
	c.labels.Set.Scan(rutext.Analyze(msg200))
	phrase.SetDebugSteps(nil)
	var ids []int
	total := 0
	for id, s := range steps {
		ids = append(ids, id)
		total += s
	}
	sort.Slice(ids, func(i, j int) bool { return steps[ids[i]] > steps[ids[j]] })
	fmt.Println("total steps", total, "patterns tried", len(ids))
	for _, id := range ids[:15] {
		src := c.labels.Set.Source(id)
		if len(src) > 90 {
			src = src[:90]
		}
		fmt.Printf("%6d steps %4d tries  %s\n", steps[id], tries[id], src)
	}
}
