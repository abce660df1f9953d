//go:build race

package training

// raceEnabled: the retraining is minutes of arithmetic on one goroutine,
// ten times slower under the race detector; make test runs the freshness
// check once more without it.
const raceEnabled = true
