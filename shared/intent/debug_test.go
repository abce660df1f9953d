package intent

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"testing"
)

func TestDebugEval(t *testing.T) {
	path := os.Getenv("EVAL")
	if path == "" {
		t.Skip()
	}
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(path)
	sc := bufio.NewScanner(f)
	n, ok := 0, 0
	for sc.Scan() {
		var o struct {
			ID, Text, Intent string
			Intents          []string
		}
		json.Unmarshal(sc.Bytes(), &o)
		r := c.Classify(o.Text)
		var got []string
		for _, i := range r.Intents {
			got = append(got, string(i))
		}
		n++
		if string(r.Intent) == o.Intent {
			ok++
		}
		if string(r.Intent) != o.Intent || !slices.Equal(got, o.Intents) {
			fmt.Printf("%s %q\n   want %s %v got %s %v ev=%v\n", o.ID, o.Text, o.Intent, o.Intents, r.Intent, got, r.Evidence)
		}
	}
	fmt.Printf("primary %d/%d\n", ok, n)
}

func TestDebugCases(t *testing.T) {
	if os.Getenv("CASES") == "" {
		t.Skip()
	}
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	n, ok, wfp, wfn := 0, 0, 0, 0
	file := "testdata/cases.tsv"
	if v := os.Getenv("CASES"); v != "1" {
		file = v
	}
	for _, x := range readCases(t, file) {
		r := c.Classify(x.text)
		n++
		if r.Intent == x.primary {
			ok++
		}
		ew := slices.Contains(x.all, "promo_request") || slices.Contains(x.all, "analog_request")
		aw := r.Window != ""
		if aw && !ew {
			wfp++
		}
		if ew && !aw {
			wfn++
		}
		if r.Intent != x.primary || !slices.Equal(r.Intents, x.all) {
			fmt.Printf("%d %q\n   want %s %v got %s %v ev=%v\n", x.line, x.text, x.primary, x.all, r.Intent, r.Intents, r.Evidence)
		}
	}
	fmt.Printf("primary %d/%d window fp=%d fn=%d\n", ok, n, wfp, wfn)
}
