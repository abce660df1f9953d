package lint

import (
	"testing"

	"github.com/agentiq/agentiq/shared/internal/concurrenttest"
)

// Linting from several goroutines at once gives every draft the result it
// gets alone: the word caches and the recycled analysis buffers are shared
// by all callers.
func TestConcurrentLintMatchesSerial(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	concurrenttest.SameAsAlone(t, concurrenttest.Texts(t, "testdata/blind/lint_*.jsonl", 300, 600), l.Lint)
}
