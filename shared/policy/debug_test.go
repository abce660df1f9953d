package policy

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
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(path)
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n, ok := 0, 0
	for sc.Scan() {
		var o struct {
			Request json.RawMessage
			Expect  struct {
				Decision string
				Reasons  []string
			}
		}
		json.Unmarshal(sc.Bytes(), &o)
		req, err := Decode(o.Request)
		if err != nil {
			fmt.Println("ERR", err)
			continue
		}
		d, err := e.Decide(req)
		n++
		good := string(d.Decision) == o.Expect.Decision
		for _, r := range o.Expect.Reasons {
			good = good && slices.Contains(d.Reasons, r)
		}
		if o.Expect.Decision == "allow" && len(d.Reasons) > 0 {
			good = false
		}
		if good {
			ok++
		} else {
			fmt.Printf("%s want %s %v got %s %v flags=%v intents=%v\n", req.ID, o.Expect.Decision, o.Expect.Reasons, d.Decision, d.Reasons, d.Flags, d.BuyerIntents)
		}
	}
	fmt.Printf("ok %d/%d\n", ok, n)
}
