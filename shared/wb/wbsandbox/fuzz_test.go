package wbsandbox

import "testing"

// A fault list parses into faults that print back to the same list, or an
// error; never a panic.
func FuzzParseFaults(f *testing.F) {
	for _, s := range []string{"5xx=0.2,429=0.1,storm=3,malformed=0.05,dup=0.3,latency=200ms@0.1,drop=0.5", "", "latency=1s", "x=1", "5xx=2",
		"latency=0s@0.5,5xx=0.1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fl, err := ParseFaults(s)
		if err != nil {
			return
		}
		again, err := ParseFaults(fl.String())
		if fl.String() != "none" && (err != nil || again != fl) {
			t.Fatalf("%q → %+v → %q → %+v, %v", s, fl, fl.String(), again, err)
		}
	})
}
