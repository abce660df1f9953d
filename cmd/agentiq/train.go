package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/agentiq/agentiq/shared/intent/training"
)

// runTrain retrains the intent and lint models from the labelled data
// committed under the repository root (make train). The same data and code
// give byte-identical weight files.
func runTrain(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("agentiq train", flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("root", ".", "the repository's root")
	cv := fs.Bool("cv", false, "write nothing: leave each blind batch out in turn, train without it and score it")
	misses := fs.String("misses", "", "with -cv: also write each wrongly answered left-out example to this file (JSON lines)")
	record := fs.String("record", "", "with -cv: also write every left-out buyer message's answer, evidence and model probabilities to this file (JSON lines)")
	lintRecord := fs.String("lint-record", "", "with -cv: also write every left-out draft's answer, evidence, parts and model probabilities to this file (JSON lines)")
	dict := fs.String("dictionary", "", "instead: rebuild "+training.DictionaryPath+" from a hunspell dictionary (path without .aff/.dic)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *dict != "" {
		if err := training.WriteDictionary(*root, *dict); err != nil {
			fmt.Fprintf(stderr, "agentiq train --dictionary: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "wrote %s\n", training.DictionaryPath)
		return 0
	}
	if *cv {
		return crossValidate(*root, *misses, *record, *lintRecord, stdout, stderr)
	}
	if err := training.Run(*root); err != nil {
		fmt.Fprintf(stderr, "agentiq train: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s, %s and %s\n", training.IntentModelPath, training.VocabPath, training.LintModelPath)
	return 0
}

// crossValidate prints, per blind batch, the scores of the lexicon with a
// model trained without that batch (make cv), and writes the wrongly
// answered examples to misses when it is not empty: what a writer's new
// phrasing would slip past, the families to mend next; and every left-out
// message's answer in full to record, and every left-out draft's to
// lintRecord, when they are not empty: on them a change to the combination
// or to a flag's gate can be swept without training again.
func crossValidate(root, misses, record, lintRecord string, stdout, stderr io.Writer) int {
	ifolds, err := training.CrossValidateIntent(root)
	if err != nil {
		fmt.Fprintf(stderr, "agentiq train --cv: %v\n", err)
		return 1
	}
	training.WriteIntentFolds(stdout, ifolds)
	fmt.Fprintln(stdout)
	var records []training.Record
	for _, f := range ifolds {
		records = append(records, f.Records...)
	}
	if !writeOut("records", record, records, stdout, stderr) {
		return 1
	}
	lfolds, err := training.CrossValidateLint(root)
	if err != nil {
		fmt.Fprintf(stderr, "agentiq train --cv: %v\n", err)
		return 1
	}
	training.WriteLintFolds(stdout, lfolds)
	var lintRecords []training.LintRecord
	var all []training.Miss
	for _, f := range ifolds {
		all = append(all, f.Misses...)
	}
	for _, f := range lfolds {
		lintRecords = append(lintRecords, f.Records...)
		all = append(all, f.Misses...)
	}
	if !writeOut("draft records", lintRecord, lintRecords, stdout, stderr) || !writeOut("misses", misses, all, stdout, stderr) {
		return 1
	}
	return 0
}

// writeOut writes items to path as JSON lines when path is not empty, and
// says how many it wrote where; false when writing failed.
func writeOut[T any](what, path string, items []T, stdout, stderr io.Writer) bool {
	if path == "" {
		return true
	}
	if err := writeLines(path, items); err != nil {
		fmt.Fprintf(stderr, "agentiq train --cv: %s: %v\n", what, err)
		return false
	}
	fmt.Fprintf(stdout, "wrote %d %s to %s\n", len(items), what, path)
	return true
}

// writeLines writes items to path as JSON lines.
func writeLines[T any](path string, items []T) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, m := range items {
		if err := enc.Encode(m); err != nil {
			f.Close()
			return err
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
