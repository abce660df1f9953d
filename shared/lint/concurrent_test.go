package lint

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
)

// Linting from several goroutines at once gives every draft the result it
// gets alone: the word caches and the recycled analysis buffers are shared
// by all callers (run under -race by make test).
func TestConcurrentLintMatchesSerial(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/blind/lint_*.jsonl")
	var texts []string
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() && len(texts) < 600 {
			var row struct{ Text string }
			if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			texts = append(texts, row.Text)
		}
		fh.Close()
	}
	if len(texts) < 300 {
		t.Fatalf("only %d drafts read", len(texts))
	}
	want := make([]Result, len(texts))
	for i, s := range texts {
		want[i] = l.Lint(s)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range texts {
				j := (i*7 + g*131) % len(texts) // each goroutine in its own order
				if got := l.Lint(texts[j]); !reflect.DeepEqual(got, want[j]) {
					t.Errorf("draft %d linted concurrently: %+v, alone: %+v", j, got, want[j])
					return
				}
			}
		}()
	}
	wg.Wait()
}
