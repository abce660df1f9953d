package training

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/agentiq/agentiq/shared/rutext"
)

// A tiny dictionary in hunspell's format: the suffix rules expand each
// word into its forms, and every form's stem is listed once.
const testAff = `SET UTF-8
SFX K Y 3
SFX K   0     а          [^ь]
SFX K   0     ом         [^ь]
SFX K   ь     и          ь
SFX L Y 1
SFX L   ать   аю         ать
`

const testDic = `4
отпуск/K
сдать/L
Москва
словарь/K
`

func TestDictionaryExpandsForms(t *testing.T) {
	got, err := Dictionary(strings.NewReader(testAff), strings.NewReader(testDic))
	if err != nil {
		t.Fatal(err)
	}
	stems := strings.Split(strings.TrimSpace(string(got)), "\n")
	want := map[string]bool{}
	for _, w := range []string{"отпуск", "отпуска", "отпуском", "сдать", "сдаю", "словарь", "словари"} {
		want[rutext.Stem(w)] = true
	}
	for s := range want {
		if !strings.Contains("\n"+string(got), "\n"+s+"\n") {
			t.Errorf("stem %q missing from %q", s, stems)
		}
	}
	if strings.Contains(string(got), rutext.Stem("москва")) {
		t.Errorf("a proper name was kept: %q", stems)
	}
	if len(stems) != len(want) {
		t.Errorf("stems %q, want the %d stems of the forms, each once", stems, len(want))
	}
}

func TestDictionaryRefusesBrokenRules(t *testing.T) {
	if _, err := Dictionary(strings.NewReader("SFX K Y 1\nSFX K 0 а [^ь\n"), strings.NewReader("1\nдом/K\n")); err == nil {
		t.Error("an unclosed condition was accepted")
	}
	if _, err := Dictionary(strings.NewReader("SFX K Y many\n"), strings.NewReader("")); err == nil {
		t.Error("a bad rule count was accepted")
	}
	if _, err := Dictionary(strings.NewReader("SET KOI8-R\n"), strings.NewReader("1\nдом\n")); err == nil {
		t.Error("a KOI8-R dictionary was read as UTF-8")
	}
	if _, err := Dictionary(strings.NewReader("FLAG long\n"), strings.NewReader("1\nдом/AaBb\n")); err == nil {
		t.Error("two-letter flags were read as one-letter flags")
	}
	if _, err := Dictionary(strings.NewReader(""), strings.NewReader("1\nhouse\n")); err == nil {
		t.Error("a dictionary without a Russian word gave an empty list silently")
	}
}

// TestCommittedDictionaryIsFresh rebuilds the real-word stems from
// hunspell-ru when it is installed (make dictionary installs it) and
// compares them with the committed file.
func TestCommittedDictionaryIsFresh(t *testing.T) {
	const base = "/usr/share/hunspell/ru_RU"
	if _, err := os.Stat(base + ".dic"); err != nil {
		t.Skip("hunspell-ru is not installed: make dictionary installs it")
	}
	want, err := expandFiles(base)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(root, DictionaryPath))
	if err != nil {
		t.Fatal(err)
	}
	got := []byte(strings.Join(rutext.DecodeStems(data), "\n") + "\n")
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale: run make dictionary", DictionaryPath)
	}
}

func FuzzDictionary(f *testing.F) {
	f.Add(testAff, testDic)
	f.Add("SFX A Y 1\nSFX A 0 ы [", "1\nа/A")
	f.Fuzz(func(t *testing.T, aff, dic string) {
		_, _ = Dictionary(strings.NewReader(aff), strings.NewReader(dic))
	})
}
