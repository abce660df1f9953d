package linear

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"strings"
	"testing"

	"github.com/agentiq/agentiq/shared/rutext"
)

func TestFeatures(t *testing.T) {
	var got []string
	Features(rutext.Analyze("Скидка не нужна?"), nil, func(f []byte) { got = append(got, string(f)) })
	joined := strings.Join(got, "|")
	for _, want := range []string{"w скидк", "b скидк не", "n нужн", "w ?", "c3 ^ск", "c4 дка$"} {
		if !strings.Contains("|"+joined+"|", "|"+want+"|") {
			t.Errorf("features %v lack %q", got, want)
		}
	}
}

// TestTrainPredict: a model learns two classes apart, its file parses back
// to the same predictions, and training is deterministic.
func TestTrainPredict(t *testing.T) {
	var exs []Example
	for _, s := range []string{"не пишите мне больше", "отпишите меня", "хватит рассылок", "не присылайте рекламу"} {
		exs = append(exs, Example{Text: s, Labels: []string{"opt_out"}})
	}
	for _, s := range []string{"где мой заказ", "когда привезут заказ", "заказ не пришёл", "посылка задерживается"} {
		exs = append(exs, Example{Text: s, Labels: []string{"delivery"}})
	}
	opt := DefaultOptions()
	opt.MinDocs = 1
	m, err := Train([]string{"opt_out", "delivery"}, exs, opt, map[string]string{"data": "test"})
	if err != nil {
		t.Fatal(err)
	}
	m2, _ := Train([]string{"opt_out", "delivery"}, exs, opt, map[string]string{"data": "test"})
	if !bytes.Equal(m.Marshal(), m2.Marshal()) {
		t.Fatal("two trainings, two models")
	}
	parsed, err := Parse(m.Marshal())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text string
		hi   int
	}{{"пожалуйста не пишите", 0}, {"где заказ?", 1}} {
		p := parsed.Predict(rutext.Analyze(tc.text), nil)
		q := m.Predict(rutext.Analyze(tc.text), nil)
		if p[tc.hi] <= p[1-tc.hi] {
			t.Errorf("%q: probabilities %v, want class %d highest", tc.text, p, tc.hi)
		}
		for i := range p {
			if d := p[i] - q[i]; d > 1e-6 || d < -1e-6 {
				t.Errorf("%q: parsed model says %v, trained %v", tc.text, p, q)
			}
		}
	}
	if s := parsed.Strongest(rutext.Analyze("не пишите"), "opt_out", 3); len(s) == 0 {
		t.Error("no strongest features")
	}
}

func TestMilli(t *testing.T) {
	for in, want := range map[string]int32{"0": 0, "1": 1000, "-1.25": -1250, "0.003": 3, "12.5": 12500} {
		if got, ok := milli(in); !ok || got != want {
			t.Errorf("milli(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "x", "1.2345", "1e5", "-", "1.2.3"} {
		if _, ok := milli(bad); ok {
			t.Errorf("milli(%q) accepted", bad)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("meta features 1\nclasses a b\nbias 0 -1\nw w x\t0.5 -0.25\n"))
	f.Add(Compress([]byte("meta features 1\nclasses a b\nbias 0 -1\nw w x\t0.5 -0.25\n")))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Parse(data)
		if err != nil {
			return
		}
		m.Predict(rutext.Analyze("где мой заказ?"), nil)
	})
}

// TestCompressedWeights: a weights file reads the same compressed as in
// text, and a broken or oversized archive is refused with an error.
func TestCompressedWeights(t *testing.T) {
	text := []byte("meta features 1\nclasses a b\nbias 0.1 -0.2\nw w скидк\t1.5 -0.25\n")
	plain, err := Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	packed, err := Parse(Compress(text))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(plain.Marshal(), packed.Marshal()) {
		t.Errorf("compressed weights read differently:\n%s\n%s", plain.Marshal(), packed.Marshal())
	}
	broken := Compress(text)
	broken = broken[:len(broken)/2]
	if _, err := Parse(broken); err == nil {
		t.Error("a truncated archive was accepted")
	}
	bomb := Compress(bytes.Repeat([]byte("#"), maxText+10))
	if _, err := Text(bomb); err == nil || !strings.Contains(err.Error(), "inflated") {
		t.Errorf("an oversized archive: %v", err)
	}
}

// TestTextSum: the digest a model enters rules_version with is its text's
// SHA-256 however the file is stored — named by the header Compress
// writes, hashed when a file is plain or compressed by another tool.
func TestTextSum(t *testing.T) {
	text := []byte("meta features 1\nclasses a b\nbias 0.1 -0.2\nw w скидк\t1.5 -0.25\n")
	want := sha256.Sum256(text)
	var other bytes.Buffer // gzip as another tool writes it: no sum in the header
	zw := gzip.NewWriter(&other)
	zw.Write(text)
	zw.Close()
	for name, data := range map[string][]byte{"plain": text, "Compress": Compress(text), "other gzip": other.Bytes()} {
		got, sum, err := TextSum(data)
		if err != nil || !bytes.Equal(got, text) || sum != want {
			t.Errorf("%s: text %q, sum %x, %v; want the text and %x", name, got, sum, err, want)
		}
	}
	if _, ok := HeaderSum(other.Bytes()); ok {
		t.Error("a header without a sum named one")
	}
	if _, _, err := TextSum(Compress(text)[:20]); err == nil {
		t.Error("a truncated archive was accepted")
	}
}

// TestLoad: what the classifier and the linter load is the model Parse
// reads and the sum TextSum names, and a file that is not whole is refused.
func TestLoad(t *testing.T) {
	text := []byte("meta features 1\nclasses a b\nbias 0.1 -0.2\nw w скидк\t1.5 -0.25\n")
	m, sum, err := Load(Compress(text))
	if err != nil || sum != sha256.Sum256(text) {
		t.Fatalf("sum %x, %v; want %x", sum, err, sha256.Sum256(text))
	}
	if want, _ := Parse(text); !bytes.Equal(m.Marshal(), want.Marshal()) {
		t.Errorf("loaded weights differ:\n%s\n%s", m.Marshal(), want.Marshal())
	}
	if _, _, err := Load(Compress(text)[:20]); err == nil {
		t.Error("a truncated archive was accepted")
	}
	if _, _, err := Load([]byte("classes a b\nw x\t1\n")); err == nil {
		t.Error("a weights line with too few weights was accepted")
	}
}

// TestParseRefuses: a weights file that is not whole or not consistent is
// refused with the line at fault, never half read.
func TestParseRefuses(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"classes twice", "meta features 1\nclasses a b\nbias 0 0\nw x\t1 2\nclasses c d\nw y\t1 2\n", "line 5: classes given twice"},
		{"a weight before the classes", "meta features 1\nw x\t1 2\nclasses a b\nbias 0 0\n", "line 2"},
		{"too few weights", "meta features 1\nclasses a b\nbias 0 0\nw x\t1\n", "line 4"},
		{"a finer weight than three decimals", "meta features 1\nclasses a b\nbias 0 0\nw x\t1 0.0001\n", "line 4"},
		{"no bias", "meta features 1\nclasses a b\nw x\t1 2\n", "one bias per class"},
		{"an unknown line", "meta features 1\nclasses a b\nbias 0 0\nweights x\n", "line 4: unknown line"},
	} {
		_, err := Parse([]byte(c.text))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an error naming %q", c.name, err, c.want)
		}
	}
}
