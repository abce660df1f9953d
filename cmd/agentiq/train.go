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
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if err := training.Run(*root); err != nil {
		fmt.Fprintf(stderr, "agentiq train: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s and %s\n", training.IntentModelPath, training.LintModelPath)
	return 0
}
