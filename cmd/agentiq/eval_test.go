package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// evalDir is the public evaluation sets: ../shared/eval beside the
// repository when present (the sets grow there), else the copy kept in
// testdata.
func evalDir(t testing.TB) string {
	for _, d := range []string{"../../../shared/eval", "testdata/eval"} {
		if _, err := os.Stat(filepath.Join(d, "score.py")); err == nil {
			return d
		}
	}
	t.Fatal("no evaluation sets found")
	return ""
}

// evalInput turns an evaluation file into what the CLI reads: {"id","text"}
// lines for classify and lint, the request objects for decide.
func evalInput(t testing.TB, kind, path string) []byte {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out bytes.Buffer
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var o map[string]json.RawMessage
		if err := json.Unmarshal(sc.Bytes(), &o); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		var line []byte
		if kind == "decide" {
			line = o["request"]
		} else {
			line, _ = json.Marshal(map[string]json.RawMessage{"id": o["id"], "text": o["text"]})
		}
		out.Write(line)
		out.WriteByte('\n')
	}
	return out.Bytes()
}

// floors are the minimum scores of the public sets (issue: policy core).
var floors = map[string]string{
	"classify": "primary_accuracy=0.92,window_precision=0.98,window_recall=0.90",
	"lint":     "exact_match=0.90,micro_f1=0.95",
	"decide":   "decision_accuracy=1.0,reasons_ok=1.0",
}

// TestEval runs the public sets through the CLI and scores them with the
// project's score.py; it fails below the floors.
func TestEval(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Fatal("python3 is needed to run score.py: ", err)
	}
	dir := evalDir(t)
	for _, kind := range []string{"classify", "lint", "decide"} {
		t.Run(kind, func(t *testing.T) {
			expected := filepath.Join(dir, kind+".jsonl")
			var out, errOut bytes.Buffer
			if code := run([]string{kind}, bytes.NewReader(evalInput(t, kind, expected)), &out, &errOut); code != 0 {
				t.Fatalf("agentiq %s: exit %d: %s", kind, code, errOut.String())
			}
			actual := filepath.Join(t.TempDir(), kind+".out")
			if err := os.WriteFile(actual, out.Bytes(), 0o600); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(python, filepath.Join(dir, "score.py"), kind, expected, actual, "--min", floors[kind])
			report, err := cmd.CombinedOutput()
			lines := strings.Split(strings.TrimSpace(string(report)), "\n")
			score := ""
			for _, l := range lines {
				if strings.HasPrefix(l, "score:") {
					score = l
				}
			}
			t.Log(score)
			if err != nil {
				t.Errorf("below the floors (%s):\n%s", floors[kind], report)
			}
		})
	}
}
