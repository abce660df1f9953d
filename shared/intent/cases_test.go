package intent

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"

	agentiq "github.com/agentiq/agentiq/shared"
)

type labelled struct {
	primary agentiq.Intent
	all     []agentiq.Intent
	text    string
	line    int
}

func readCases(t *testing.T, path string) []labelled {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.SplitN(line, "\t", 3)
		if len(parts) != 3 {
			t.Fatalf("%s:%d: want 3 tab-separated fields", path, n)
		}
		c := labelled{primary: agentiq.Intent(parts[0]), text: parts[2], line: n}
		for _, i := range strings.Split(parts[1], ",") {
			c.all = append(c.all, agentiq.Intent(i))
		}
		slices.Sort(c.all)
		out = append(out, c)
	}
	return out
}
