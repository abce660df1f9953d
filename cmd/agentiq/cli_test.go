package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// cli runs the command in-process and returns stdout, stderr and the exit
// status.
func cli(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), code
}

func lines(s string) []map[string]any {
	var out []map[string]any
	for _, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		if l == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			panic(fmt.Sprintf("output line %q is not JSON: %v", l, err))
		}
		out = append(out, m)
	}
	return out
}

func TestClassifyExample(t *testing.T) {
	out, _, code := cli(t, `{"id":"x","text":"Есть промокод?"}`+"\n", "classify")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	// POLICY.md §6's fields first, as before; the extra fields after them
	// keep the output backward compatible.
	want := `{"id":"x","intent":"promo_request","intents":["promo_request"],"scenario":"promo","priority":"P3","window":"customer_request",`
	if !strings.HasPrefix(out, want) {
		t.Errorf("got  %s\nwant %s…", out, want)
	}
	var extra struct {
		Confidence *float64 `json:"confidence"`
		Uncertain  *bool    `json:"uncertain"`
	}
	if err := json.Unmarshal([]byte(out), &extra); err != nil || extra.Confidence == nil || extra.Uncertain == nil ||
		*extra.Confidence < 0.6 || *extra.Uncertain {
		t.Errorf("%s: want a confidence of at least 0.6 and uncertain false (%v)", out, err)
	}
}

// TestClassifyExplain: --explain names the lexicon's words and the model's
// strongest features.
func TestClassifyExplain(t *testing.T) {
	out, _, _ := cli(t, `{"id":1,"text":"Отпишите меня от рассылки"}`+"\n", "classify", "--explain")
	got := lines(out)
	if len(got) != 1 {
		t.Fatalf("output %q", out)
	}
	x, _ := got[0]["explain"].(map[string]any)
	ev, _ := x["evidence"].(map[string]any)
	feats, _ := x["features"].([]any)
	if x["lexicon"] != "opt_out" || x["model"] != "opt_out" || ev["opt_out"] == "" || len(feats) == 0 {
		t.Errorf("explanation %v: want the lexicon's and the model's opt_out, its evidence and features", x)
	}
}

func TestLintOutput(t *testing.T) {
	out, _, _ := cli(t, `{"id":1,"text":"Пишите в WhatsApp: uyut.ru"}`+"\n"+`{"id":2,"text":"Спасибо!"}`+"\n", "lint")
	want := `{"id":1,"flags":["external_link","off_platform"]}` + "\n" + `{"id":2,"flags":[]}` + "\n"
	if out != want {
		t.Errorf("got  %s\nwant %s", out, want)
	}
}

func TestDecideOutput(t *testing.T) {
	req := `{"id":"d-1","now":"2026-03-01T12:00:00+03:00","channel":"wb_chat","message":{"text":"Для вас промокод VESNA10.","message_type":"marketing","scenario":"promo","marketing_window":"customer_request"},"chat":{"last_sender":"buyer","last_buyer_message_at":"2026-03-01T11:50:00+03:00","last_buyer_text":"Подскажите, есть промокод?"}}`
	out, _, _ := cli(t, req+"\n", "decide")
	// exactly the keys of POLICY.md §5, in that order
	var keys []string
	dec := json.NewDecoder(strings.NewReader(out))
	dec.Token()
	for dec.More() {
		k, _ := dec.Token()
		keys = append(keys, k.(string))
		var v json.RawMessage
		dec.Decode(&v)
	}
	if strings.Join(keys, ",") != "id,decision,reasons,priority,rules_version" {
		t.Errorf("keys %v", keys)
	}
	got := lines(out)[0]
	if got["decision"] != "review" || fmt.Sprint(got["reasons"]) != "[promo_lexicon]" || got["priority"] != "P3" {
		t.Errorf("decision %v", got)
	}
	out, _, _ = cli(t, req+"\n", "decide", "--explain")
	ex := lines(out)[0]
	for _, k := range []string{"rules", "flags", "buyer_intents", "message_type"} {
		if _, ok := ex[k]; !ok {
			t.Errorf("--explain lacks %q: %v", k, ex)
		}
	}
	if ex["id"] != "d-1" {
		t.Errorf("--explain id = %v", ex["id"])
	}
}

func TestOrderKept(t *testing.T) {
	var in strings.Builder
	texts := []string{"Есть промокод?", "Пришёл брак", "Когда доставка?", "Спасибо", "STOP"}
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&in, `{"id":%d,"text":%q}`+"\n", i, texts[i%len(texts)])
	}
	out, _, code := cli(t, in.String(), "classify", "--workers", "8")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	got := lines(out)
	if len(got) != 1000 {
		t.Fatalf("%d answers for 1000 lines", len(got))
	}
	for i, m := range got {
		if m["id"] != float64(i) {
			t.Fatalf("answer %d has id %v", i, m["id"])
		}
	}
}

func TestMalformedLines(t *testing.T) {
	tests := []struct {
		name, line string
		id         any
		want       string
	}{
		{"not JSON", `{"id":"a","text":`, "a", "malformed JSON"},
		{"garbage", `hello`, nil, "malformed JSON"},
		{"no text", `{"id":"b"}`, "b", "text is required"},
		{"text not a string", `{"id":"c","text":5}`, "c", "malformed JSON"},
		{"numeric id kept", `{"id":42}`, float64(42), "text is required"},
		{"invalid UTF-8", "{\"id\":\"d\",\"text\":\"\xff\"}", "d", ""},
		{"empty line", ``, nil, "empty line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// a malformed line between two good ones: three answers, in order
			in := `{"id":"before","text":"Спасибо"}` + "\n" + tt.line + "\n" + `{"id":"after","text":"Спасибо"}` + "\n"
			out, _, code := cli(t, in, "classify")
			got := lines(out)
			if code != 0 || len(got) != 3 || got[0]["id"] != "before" || got[2]["id"] != "after" {
				t.Fatalf("exit %d, answers %v", code, got)
			}
			if got[1]["id"] != tt.id {
				t.Errorf("id %v, want %v", got[1]["id"], tt.id)
			}
			msg, _ := got[1]["error"].(string)
			if tt.want != "" && !strings.Contains(msg, tt.want) {
				t.Errorf("error %q, want one containing %q", msg, tt.want)
			}
		})
	}
}

func TestDecideErrors(t *testing.T) {
	out, _, code := cli(t, `{"id":"z","now":"yesterday","channel":"wb_chat"}`+"\n"+`{"id":"y","channel":"icq"}`+"\n", "decide")
	got := lines(out)
	if code != 0 || len(got) != 2 {
		t.Fatalf("exit %d, %v", code, got)
	}
	if got[0]["id"] != "z" || !strings.Contains(got[0]["error"].(string), "RFC 3339") {
		t.Errorf("first: %v", got[0])
	}
	if got[1]["id"] != "y" || got[1]["error"] == nil {
		t.Errorf("second: %v", got[1])
	}
}

// TestHugeLines: a 1 MB text is refused with an error line naming the limit;
// a line over the line limit is skipped with an error line; the run goes on.
func TestHugeLines(t *testing.T) {
	big := strings.Repeat("скидка ", (1<<20)/len("скидка "))
	over := strings.Repeat("а", MaxLineBytes+10)
	in := fmt.Sprintf(`{"id":"mb","text":%q}`+"\n"+`{"id":"over","text":"%s"}`+"\n"+`{"id":"ok","text":"Спасибо"}`+"\n", big, over)
	out, _, code := cli(t, in, "lint")
	got := lines(out)
	if code != 0 || len(got) != 3 {
		t.Fatalf("exit %d, %d answers", code, len(got))
	}
	if got[0]["id"] != "mb" || !strings.Contains(fmt.Sprint(got[0]["error"]), "more than") {
		t.Errorf("1 MB text: %v", got[0])
	}
	if got[1]["id"] != "over" || !strings.Contains(fmt.Sprint(got[1]["error"]), "longer than") {
		t.Errorf("over-long line: %v", got[1])
	}
	if got[2]["id"] != "ok" || got[2]["error"] != nil {
		t.Errorf("line after: %v", got[2])
	}
}

func TestNoTrailingNewline(t *testing.T) {
	out, _, _ := cli(t, `{"id":"a","text":"STOP"}`, "classify")
	if got := lines(out); len(got) != 1 || got[0]["intent"] != "opt_out" {
		t.Errorf("%v", got)
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestExitStatus(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"classify"}, io.MultiReader(strings.NewReader(`{"id":1,"text":"a"}`+"\n"), failingReader{}), &out, &errOut); code != 1 {
		t.Errorf("unreadable input: exit %d, want 1", code)
	}
	if !strings.Contains(errOut.String(), "disk on fire") {
		t.Errorf("stderr %q does not say why", errOut.String())
	}
	if _, _, code := cli(t, ""); code != 2 {
		t.Errorf("no command: exit %d, want 2", code)
	}
	if _, e, code := cli(t, "", "frobnicate"); code != 2 || !strings.Contains(e, "unknown command") {
		t.Errorf("unknown command: exit %d, stderr %q", code, e)
	}
	if _, e, code := cli(t, "", "decide", "--rules", "/nonexistent/rules.yaml"); code != 1 || !strings.Contains(e, "rules") {
		t.Errorf("missing rules file: exit %d, stderr %q", code, e)
	}
	if out, _, code := cli(t, "", "version"); code != 0 || !strings.Contains(out, "+") {
		t.Errorf("version: exit %d, %q", code, out)
	}
}

// TestOrderKeptTrickling: lines that arrive a byte at a time go to the
// workers in batches of whatever is already read; answers keep the order.
func TestOrderKeptTrickling(t *testing.T) {
	var in strings.Builder
	for i := 0; i < 150; i++ {
		if i == 70 {
			in.WriteString("{not json\n")
			continue
		}
		fmt.Fprintf(&in, `{"id":%d,"text":"Когда доставка?"}`+"\n", i)
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"classify"}, iotest.OneByteReader(strings.NewReader(in.String())), &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	got := lines(out.String())
	if len(got) != 150 {
		t.Fatalf("%d answers for 150 lines", len(got))
	}
	for i, m := range got {
		switch {
		case i == 70 && m["error"] == nil:
			t.Fatalf("answer 70 has no error: %v", m)
		case i != 70 && m["id"] != float64(i):
			t.Fatalf("answer %d has id %v", i, m["id"])
		}
	}
}
