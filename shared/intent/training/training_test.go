package training

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

const root = "../../.."

// TestCommittedModelsAreFresh retrains both models from the committed data
// and compares the bytes with the committed weights: a change of data,
// features or trainer without make train fails here.
func TestCommittedModelsAreFresh(t *testing.T) {
	for _, job := range []struct {
		path    string
		classes []string
		load    func(string) (Data, error)
	}{
		{IntentModelPath, IntentClasses(), IntentData},
		{LintModelPath, LintClasses, LintData},
	} {
		t.Run(job.path, func(t *testing.T) {
			d, err := job.load(root)
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Examples) < 500 {
				t.Fatalf("only %d training examples from %v", len(d.Examples), d.Files)
			}
			for _, f := range d.Files {
				if bytes.Contains([]byte(f), []byte("holdout")) {
					t.Fatalf("training reads the held-back batch %s", f)
				}
			}
			got := Train(job.classes, d).Marshal()
			want, err := os.ReadFile(filepath.Join(root, job.path))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s is stale: run make train (data %s)", job.path, d.Digest)
			}
			// and training twice gives the same bytes
			if again := Train(job.classes, d).Marshal(); !bytes.Equal(got, again) {
				t.Error("training is not deterministic")
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ kind, data string }{
		{"jsonl", "{not json\n"},
		{"tsv", "defect\tonly two\n"},
	} {
		if _, err := parse([]byte(tc.data), tc.kind, false); err == nil {
			t.Errorf("%s %q: no error", tc.kind, tc.data)
		}
	}
	exs, err := parse([]byte("# comment\n\ndefect\tdefect,return\tбрак\n"), "tsv", false)
	if err != nil || len(exs) != 1 || !slices.Contains(exs[0].Labels, "return") {
		t.Errorf("parse = %v, %v", exs, err)
	}
}
