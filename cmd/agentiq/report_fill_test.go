package main

import (
	"os"
	"strconv"
	"testing"
)

// TestFillReportStore fills an embedded store at $AGENTIQ_FILL_PATH with
// $AGENTIQ_FILL_N decisions, for measuring `agentiq report` on a large
// store by hand (README, "Reports").
func TestFillReportStore(t *testing.T) {
	path := os.Getenv("AGENTIQ_FILL_PATH")
	n, _ := strconv.Atoi(os.Getenv("AGENTIQ_FILL_N"))
	if path == "" || n <= 0 {
		t.Skip("set AGENTIQ_FILL_PATH and AGENTIQ_FILL_N to fill a store for measuring")
	}
	fillStore(t, path, n)
}
