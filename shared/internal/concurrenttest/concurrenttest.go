// Package concurrenttest checks that a text engine shared by goroutines
// (its word caches, its recycled buffers) gives every text, when called
// from several goroutines at once, the result it gives alone.
package concurrenttest

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
)

// Texts reads the "text" of every line of the JSONL files matching glob,
// at most max of them, and fails t when fewer than min are found.
func Texts(t testing.TB, glob string, min, max int) []string {
	t.Helper()
	files, _ := filepath.Glob(glob)
	var texts []string
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() && len(texts) < max {
			var row struct{ Text string }
			if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			texts = append(texts, row.Text)
		}
		fh.Close()
	}
	if len(texts) < min {
		t.Fatalf("%s: only %d texts read", glob, len(texts))
	}
	return texts
}

// SameAsAlone runs fn over texts once alone, then from four goroutines at
// once, each in its own order, and fails t on the first text whose result
// differs (run under -race by make test).
func SameAsAlone[R any](t *testing.T, texts []string, fn func(string) R) {
	t.Helper()
	want := make([]R, len(texts))
	for i, s := range texts {
		want[i] = fn(s)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range texts {
				j := (i*7 + g*131) % len(texts)
				if got := fn(texts[j]); !reflect.DeepEqual(got, want[j]) {
					t.Errorf("text %d, from goroutines at once: %+v; alone: %+v", j, got, want[j])
					return
				}
			}
		}()
	}
	wg.Wait()
}
