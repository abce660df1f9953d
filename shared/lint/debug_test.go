package lint

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

func TestDebugEval(t *testing.T) {
	path := os.Getenv("EVAL")
	if path == "" {
		t.Skip()
	}
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(path)
	sc := bufio.NewScanner(f)
	n, ok := 0, 0
	for sc.Scan() {
		var o struct {
			ID, Text string
			Flags    []string
		}
		json.Unmarshal(sc.Bytes(), &o)
		r := l.Lint(o.Text)
		var got []string
		for _, i := range r.Flags {
			got = append(got, string(i))
		}
		if o.Flags == nil {
			o.Flags = []string{}
		}
		if got == nil {
			got = []string{}
		}
		n++
		if slices.Equal(got, o.Flags) {
			ok++
		} else {
			fmt.Printf("%s %q\n   want %v got %v ev=%v\n", o.ID, o.Text, o.Flags, got, r.Evidence)
		}
	}
	fmt.Printf("exact %d/%d\n", ok, n)
}

func TestDebugCases(t *testing.T) {
	if os.Getenv("CASES") == "" {
		t.Skip()
	}
	l, _ := Default()
	name := "testdata/cases.tsv"
	if v := os.Getenv("CASES"); v != "1" {
		name = v
	}
	f, _ := os.Open(name)
	sc := bufio.NewScanner(f)
	n, ok := 0, 0
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		var want []string
		parts := strings.SplitN(line, "\t", 2)
		if parts[0] != "-" {
			want = strings.Split(parts[0], ",")
		}
		slices.Sort(want)
		r := l.Lint(parts[1])
		var got []string
		for _, x := range r.Flags {
			got = append(got, string(x))
		}
		n++
		if slices.Equal(got, want) {
			ok++
		} else {
			fmt.Printf("%q\n   want %v got %v ev=%v\n", parts[1], want, got, r.Evidence)
		}
	}
	fmt.Printf("exact %d/%d\n", ok, n)
}
