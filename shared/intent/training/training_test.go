package training

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const root = "../../.."

// TestCommittedModelsAreFresh retrains the models and the vocabulary from
// the committed data and compares the bytes with the committed files: a
// change of data, lexicon, features or trainer without make train fails
// here.
func TestCommittedModelsAreFresh(t *testing.T) {
	for _, f := range mustFiles(t) {
		if strings.Contains(f, "holdout") {
			t.Fatalf("training reads the held-back batch %s", f)
		}
	}
	model, vocab, err := IntentArtifacts(root)
	if err != nil {
		t.Fatal(err)
	}
	lint, err := LintArtifact(root)
	if err != nil {
		t.Fatal(err)
	}
	for path, got := range map[string][]byte{IntentModelPath: model, VocabPath: vocab, LintModelPath: lint} {
		want, err := os.ReadFile(filepath.Join(root, path))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run make train", path)
		}
	}
	// training twice gives the same bytes
	if again, _, _ := IntentArtifacts(root); !bytes.Equal(model, again) {
		t.Error("training is not deterministic")
	}
}

func mustFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, load := range []func(string) (Data, error){IntentData, LintData} {
		d, err := load(root)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Examples) < 500 {
			t.Fatalf("only %d training examples from %v", len(d.Examples), d.Files)
		}
		files = append(files, d.Files...)
	}
	return files
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

// TestCrossValidation leaves each blind batch out in turn: every batch is
// scored once, with a model that did not see it, and the scores are those
// of a model, not of a lookup (a model that had seen the batch would score
// it almost perfectly).
func TestCrossValidation(t *testing.T) {
	folds, err := CrossValidateIntent(root)
	if err != nil {
		t.Fatal(err)
	}
	d, err := IntentData(root)
	if err != nil {
		t.Fatal(err)
	}
	var blind []string
	for _, f := range d.Files {
		if blindFile(f) {
			blind = append(blind, f)
		}
	}
	if len(folds) != len(blind) || len(folds) < 3 {
		t.Fatalf("%d folds for the blind batches %v", len(folds), blind)
	}
	for _, f := range folds {
		acc := float64(f.Primary) / float64(f.N)
		if f.N < 100 || acc < 0.8 || acc > 0.99 {
			t.Errorf("%s: %d/%d right: not a left-out score", f.File, f.Primary, f.N)
		}
	}
	lfolds, err := CrossValidateLint(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(lfolds) < 2 {
		t.Fatalf("%d lint folds", len(lfolds))
	}
	var out bytes.Buffer
	WriteIntentFolds(&out, folds)
	WriteLintFolds(&out, lfolds)
	if !strings.Contains(out.String(), "all") || !strings.Contains(out.String(), blind[0]) {
		t.Errorf("table lacks the total or a batch:\n%s", out.String())
	}
}
