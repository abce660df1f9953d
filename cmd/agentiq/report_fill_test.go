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

// TestMeasureReport writes a report from the store at $AGENTIQ_MEASURE_PATH
// (with -cpuprofile, to see where the time goes).
func TestMeasureReport(t *testing.T) {
	path := os.Getenv("AGENTIQ_MEASURE_PATH")
	if path == "" {
		t.Skip("set AGENTIQ_MEASURE_PATH to a filled store")
	}
	t.Setenv("AGENTIQ_BOLT_PATH", path)
	format := os.Getenv("AGENTIQ_MEASURE_FORMAT")
	if _, stderr, code := cli(t, "", "report", "audit", "--from", "2026-11-01", "--to", "2026-11-30", "--format", format,
		"--out", t.TempDir()+"/r."+format); code != 0 {
		t.Fatal(stderr)
	}
}
