package training

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/intent/linear"
	"github.com/agentiq/agentiq/shared/lint"
)

const root = "../../.."

// TestCommittedModelsAreFresh retrains the models and the vocabulary from
// the committed data and compares the bytes with the committed files: a
// change of data, lexicon, features or trainer without make train fails
// here.
func TestCommittedModelsAreFresh(t *testing.T) {
	if raceEnabled {
		t.Skip("the retraining runs without -race (make test runs it so)")
	}
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
		data, err := os.ReadFile(filepath.Join(root, path))
		if err != nil {
			t.Fatal(err)
		}
		want, err := linear.Text(data) // the text, whatever gzip's version compressed it to
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run make train", path)
		}
		// the sum the header names is what the digests are made of
		if sum, ok := linear.HeaderSum(data); !ok || sum != sha256.Sum256(want) {
			t.Errorf("%s: its header does not name its text's SHA-256: run make train", path)
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
// it almost perfectly). It runs on a small copy of the repository's data,
// three batches of buyer messages and two of drafts, to stay quick.
func TestCrossValidation(t *testing.T) {
	small := t.TempDir()
	copyHead := func(rel string, lines int) {
		t.Helper()
		if err := CopyHead(root, small, rel, lines); err != nil {
			t.Fatal(err)
		}
	}

	copyHead(lexiconPath, 0)
	copyHead(flagsPath, 0)
	copyHead("cmd/agentiq/testdata/eval/classify.jsonl", 0)
	copyHead("cmd/agentiq/testdata/eval/lint.jsonl", 0)
	for _, b := range []string{"A", "B", "C"} {
		copyHead("shared/intent/testdata/blind/classify_"+b+".jsonl", 200)
	}
	for _, b := range []string{"D", "F"} {
		copyHead("shared/lint/testdata/blind/lint_"+b+".jsonl", 150)
	}
	// each fold trains on everything but its batch, and tests on all of it
	d, err := IntentData(small)
	if err != nil {
		t.Fatal(err)
	}
	batches, err := BatchOf(small, d)
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range d.Files {
		if !blindFile(file) {
			continue
		}
		train, test := split(d, batches, file)
		if len(train.Examples)+len(test) != len(d.Examples) {
			t.Fatalf("%s: %d + %d examples of %d", file, len(train.Examples), len(test), len(d.Examples))
		}
		// every line of the left-out batch is tested, none trained on
		// (short texts like "не пишите мне больше" recur across batches
		// written independently, so texts are not compared)
		data, err := os.ReadFile(filepath.Join(small, file))
		if err != nil {
			t.Fatal(err)
		}
		if lines := strings.Count(string(data), "\n"); len(test) != lines {
			t.Fatalf("%s: %d examples tested of its %d lines", file, len(test), lines)
		}
	}
	folds, err := CrossValidateIntent(small)
	if err != nil {
		t.Fatal(err)
	}
	if len(folds) != 3 {
		t.Fatalf("%d folds for 3 blind batches", len(folds))
	}
	for _, f := range folds {
		acc := float64(f.Primary) / float64(f.N)
		if f.N != 200 || acc < 0.6 || acc > 0.99 {
			t.Errorf("%s: %d/%d right: not a left-out score", f.File, f.Primary, f.N)
		}
		// every wrong primary is among the misses, each with its file and
		// an answer that differs from the labels in primary, window or opt-out
		if len(f.Misses) < f.N-f.Primary {
			t.Errorf("%s: %d misses for %d wrong primaries", f.File, len(f.Misses), f.N-f.Primary)
		}
		for _, m := range f.Misses {
			if m.File != f.File || m.Text == "" || len(m.Want) == 0 || len(m.Got) == 0 {
				t.Fatalf("%s: incomplete miss %+v", f.File, m)
			}
		}
		// every message is recorded, its answer's evidence and the model's
		// opinion with it, and the records agree with the score
		if len(f.Records) != f.N {
			t.Fatalf("%s: %d records for %d messages", f.File, len(f.Records), f.N)
		}
		right := 0
		for _, r := range f.Records {
			if r.Intent == r.Want[len(r.Want)-1] {
				right++
			}
			if len(r.Probabilities) == 0 || r.Rules == "" {
				t.Fatalf("%s: incomplete record %+v", f.File, r)
			}
			for _, g := range r.Got {
				if _, ok := r.Evidence[g]; !ok && g != string(agentiq.IntentOther) {
					t.Fatalf("%s: %q answered without evidence: %+v", f.File, g, r)
				}
			}
		}
		if right != f.Primary {
			t.Errorf("%s: records hold %d right primaries, the score %d", f.File, right, f.Primary)
		}
	}
	linter, err := lint.Default() // the gates of the flags.yaml copied
	if err != nil {
		t.Fatal(err)
	}
	lfolds, err := CrossValidateLint(small)
	if err != nil {
		t.Fatal(err)
	}
	if len(lfolds) != 2 || lfolds[0].N != 150 {
		t.Fatalf("lint folds %+v", lfolds)
	}
	for _, f := range lfolds {
		if len(f.Misses) != f.N-f.Exact {
			t.Errorf("%s: %d misses for %d drafts not matched exactly", f.File, len(f.Misses), f.N-f.Exact)
		}
		for _, m := range f.Misses {
			if slices.Equal(m.Want, m.Got) {
				t.Errorf("%s: a miss whose answer equals its labels: %+v", f.File, m)
			}
		}
		// every draft is recorded, and its answer follows from the record
		// alone: the rules' flags and the model's where its gate lets it
		// (what a sweep of the gates relies on)
		if len(f.Records) != f.N {
			t.Fatalf("%s: %d records for %d drafts", f.File, len(f.Records), f.N)
		}
		exact, gated := 0, 0
		for _, r := range f.Records {
			if slices.Equal(r.Want, r.Got) {
				exact++
			}
			if len(r.Probabilities) == 0 {
				t.Fatalf("%s: no model opinion in %+v", f.File, r)
			}
			if r.Latin {
				continue // its flags count a second reading
			}
			var again []string
			for fl, e := range r.Evidence {
				if !strings.HasPrefix(e, "model p=") {
					again = append(again, fl)
				}
			}
			for fl, p := range r.Probabilities {
				if _, ruled := r.Evidence[fl]; ruled && !strings.HasPrefix(r.Evidence[fl], "model p=") {
					continue
				}
				if linter.ModelRaises(agentiq.Flag(fl), p, r.Parts) {
					again = append(again, fl)
					gated++
				}
			}
			slices.Sort(again)
			if !slices.Equal(again, r.Got) {
				t.Errorf("%s: the record gives %v, the linter answered %v: %q", f.File, again, r.Got, r.Text)
			}
		}
		if exact != f.Exact || gated == 0 {
			t.Errorf("%s: records hold %d exact of the score's %d, %d raised by the model", f.File, exact, f.Exact, gated)
		}
	}
	var out bytes.Buffer
	WriteIntentFolds(&out, folds)
	WriteLintFolds(&out, lfolds)
	if !strings.Contains(out.String(), "all") || !strings.Contains(out.String(), folds[0].File) {
		t.Errorf("table lacks the total or a batch:\n%s", out.String())
	}
}

// TestRunRefusesBrokenLexicon: make train on a lexicon that does not
// compile fails with the file named and writes no weights, instead of
// leaving new weights beside rules the product cannot load.
func TestRunRefusesBrokenLexicon(t *testing.T) {
	for _, tc := range []struct{ file, from, to string }{
		{lexiconPath, `"@device_notice"`, `"(@device_notice"`},
		{flagsPath, `"@marketplace"`, `"(@marketplace"`},
	} {
		t.Run(filepath.Base(tc.file), func(t *testing.T) {
			small := t.TempDir()
			for _, rel := range []string{lexiconPath, flagsPath, "cmd/agentiq/testdata/eval/classify.jsonl", "cmd/agentiq/testdata/eval/lint.jsonl"} {
				if err := CopyHead(root, small, rel, 0); err != nil {
					t.Fatal(err)
				}
			}
			path := filepath.Join(small, tc.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(data), tc.from) {
				t.Fatalf("test setup: %s not in %s", tc.from, tc.file)
			}
			if err := os.WriteFile(path, []byte(strings.Replace(string(data), tc.from, tc.to, 1)), 0o600); err != nil {
				t.Fatal(err)
			}
			err = Run(small)
			if err == nil || !strings.Contains(err.Error(), tc.file) {
				t.Fatalf("Run = %v, want an error naming %s", err, tc.file)
			}
			for _, w := range []string{IntentModelPath, VocabPath, LintModelPath} {
				if _, err := os.Stat(filepath.Join(small, w)); !os.IsNotExist(err) {
					t.Errorf("%s written (stat: %v)", w, err)
				}
			}
		})
	}
}
