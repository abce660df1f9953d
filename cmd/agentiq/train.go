package main

import (
	"flag"
	"fmt"
	"io"

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
		return crossValidate(*root, stdout, stderr)
	}
	if err := training.Run(*root); err != nil {
		fmt.Fprintf(stderr, "agentiq train: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s, %s and %s\n", training.IntentModelPath, training.VocabPath, training.LintModelPath)
	return 0
}

// crossValidate prints, per blind batch, the scores of the lexicon with a
// model trained without that batch (make cv).
func crossValidate(root string, stdout, stderr io.Writer) int {
	ifolds, err := training.CrossValidateIntent(root)
	if err != nil {
		fmt.Fprintf(stderr, "agentiq train --cv: %v\n", err)
		return 1
	}
	training.WriteIntentFolds(stdout, ifolds)
	fmt.Fprintln(stdout)
	lfolds, err := training.CrossValidateLint(root)
	if err != nil {
		fmt.Fprintf(stderr, "agentiq train --cv: %v\n", err)
		return 1
	}
	training.WriteLintFolds(stdout, lfolds)
	return 0
}
