package policy

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"go.yaml.in/yaml/v3"
)

type conformanceCase struct {
	Name    string         `yaml:"name"`
	Request map[string]any `yaml:"request"`
	Expect  struct {
		Decision string   `yaml:"decision"`
		Reasons  []string `yaml:"reasons"`
	} `yaml:"expect"`
}

// TestConformance runs the cases in testdata/conformance: each request must
// get exactly the expected decision and reasons. Requests go through the
// JSON decoder, as the CLI's and the Lambdas' do.
func TestConformance(t *testing.T) {
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/conformance/*.yaml")
	if len(files) == 0 {
		t.Fatal("no conformance files")
	}
	seen := map[string]bool{}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var cases []conformanceCase
		if err := yaml.Unmarshal(data, &cases); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		for _, c := range cases {
			t.Run(filepath.Base(file)+"/"+c.Name, func(t *testing.T) {
				raw, err := json.Marshal(c.Request)
				if err != nil {
					t.Fatal(err)
				}
				req, err := Decode(raw)
				if err != nil {
					t.Fatalf("decode: %v", err)
				}
				d, err := e.Decide(req)
				if err != nil {
					t.Fatal(err)
				}
				want := slices.Clone(c.Expect.Reasons)
				slices.Sort(want)
				if want == nil {
					want = []string{}
				}
				if string(d.Decision) != c.Expect.Decision || !slices.Equal(d.Reasons, want) {
					t.Errorf("got %s %v, want %s %v (rules %v, flags %v, intents %v)", d.Decision, d.Reasons,
						c.Expect.Decision, want, d.Rules, d.Flags, d.BuyerIntents)
				}
				for _, r := range d.Reasons {
					seen[r] = true
				}
			})
		}
	}
	// Every reason the rules can give is exercised by some case.
	f, err := parseRules(defaultRules)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range f.Rules {
		if !seen[r.Reason] {
			t.Errorf("no conformance case gives reason %q", r.Reason)
		}
	}
}
