package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/agentiq/agentiq/shared/intent/training"
)

// TestTrainCVWritesWhatItSays runs `agentiq train --cv` on a small copy of
// the labelled data (two blind batches of each kind, 60 lines each) with
// every output asked for: each file holds one JSON line per left-out
// message or draft (records) or per wrong answer (misses), and the command
// says how many it wrote where.
func TestTrainCVWritesWhatItSays(t *testing.T) {
	small := t.TempDir()
	copyHead := func(rel string, lines int) {
		t.Helper()
		if err := training.CopyHead("../..", small, rel, lines); err != nil {
			t.Fatal(err)
		}
	}

	for _, f := range []string{"shared/intent/intents.yaml", "shared/lint/flags.yaml",
		"cmd/agentiq/testdata/eval/classify.jsonl", "cmd/agentiq/testdata/eval/lint.jsonl"} {
		copyHead(f, 0)
	}
	for _, b := range []string{"A", "B"} {
		copyHead("shared/intent/testdata/blind/classify_"+b+".jsonl", 60)
	}
	for _, b := range []string{"D", "F"} {
		copyHead("shared/lint/testdata/blind/lint_"+b+".jsonl", 60)
	}
	out := t.TempDir()
	rec, lrec, miss := filepath.Join(out, "rec.jsonl"), filepath.Join(out, "lint.jsonl"), filepath.Join(out, "miss.jsonl")
	var stdout, stderr bytes.Buffer
	if code := runTrain([]string{"--cv", "--root", small, "--record", rec, "--lint-record", lrec, "--misses", miss}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	lines := func(path string, field string) int {
		t.Helper()
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for l := range strings.Lines(string(data)) {
			var m map[string]any
			if err := json.Unmarshal([]byte(l), &m); err != nil {
				t.Fatalf("%s: %v: %q", path, err, l)
			}
			if _, ok := m[field]; !ok {
				t.Fatalf("%s: a line without %q: %q", path, field, l)
			}
			n++
		}
		return n
	}
	if n := lines(rec, "probabilities"); n != 120 {
		t.Errorf("%d message records for 120 left-out messages", n)
	}
	if n := lines(lrec, "parts"); n != 120 {
		t.Errorf("%d draft records for 120 left-out drafts", n)
	}
	nm := lines(miss, "want")
	if nm == 0 || nm >= 240 {
		t.Errorf("%d misses of 240 left-out examples", nm)
	}
	for _, want := range []string{"wrote 120 records to " + rec, "wrote 120 draft records to " + lrec, "misses to " + miss} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, stdout.String())
		}
	}
	// a file that cannot be written is an error, said as such
	stderr.Reset()
	if code := runTrain([]string{"--cv", "--root", small, "--record", filepath.Join(out, "no", "such", "dir", "r.jsonl")}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "records:") {
		t.Errorf("unwritable record: exit %d, %q", code, stderr.String())
	}
}
