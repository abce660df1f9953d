package intent

import (
	"testing"

	"github.com/agentiq/agentiq/shared/internal/concurrenttest"
)

// Classifying from several goroutines at once gives every message the
// result it gets alone: the word caches and the recycled analysis buffers
// are shared by all callers.
func TestConcurrentClassifyMatchesSerial(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	concurrenttest.SameAsAlone(t, concurrenttest.Texts(t, "testdata/blind/classify_*.jsonl", 300, 600), c.Classify)
}
