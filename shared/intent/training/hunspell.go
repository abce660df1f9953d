package training

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agentiq/agentiq/shared/rutext"
)

// The spelling tolerance of the lexicons and the speller must never read
// one correct word as another ("отпуск" as a misspelt "отписка"): they ask
// rutext.RealStem, which knows the stems of every form of the Russian
// hunspell dictionary. Dictionary expands that dictionary (a .dic word
// list and the suffix rules of its .aff file) and returns the stems of its
// lower-case forms, sorted, one per line (make dictionary).

// suffixRule is one SFX line: strip the ending, add another, when the word
// ends as the condition says.
type suffixRule struct {
	strip, add string
	cond       []charClass // matched against the word's last letters
}

// charClass is one position of a condition: a letter, a set, or a negated
// set ("." is any).
type charClass struct {
	set    []rune
	negate bool
	any    bool
}

func (c charClass) match(r rune) bool {
	if c.any {
		return true
	}
	return slices.Contains(c.set, r) != c.negate
}

func parseCondition(s string) ([]charClass, error) {
	var out []charClass
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		switch rs[i] {
		case '.':
			out = append(out, charClass{any: true})
		case '[':
			j := i + 1
			var c charClass
			if j < len(rs) && rs[j] == '^' {
				c.negate = true
				j++
			}
			for j < len(rs) && rs[j] != ']' {
				c.set = append(c.set, rs[j])
				j++
			}
			if j == len(rs) {
				return nil, fmt.Errorf("condition %q: unclosed [", s)
			}
			out = append(out, c)
			i = j
		default:
			out = append(out, charClass{set: []rune{rs[i]}})
		}
	}
	return out, nil
}

func (r suffixRule) applies(word []rune) bool {
	if len(r.cond) > len(word) {
		return false
	}
	tail := word[len(word)-len(r.cond):]
	for i, c := range r.cond {
		if !c.match(tail[i]) {
			return false
		}
	}
	return strings.HasSuffix(string(word), r.strip)
}

// parseAffixes reads the SFX groups of an .aff file by flag.
func parseAffixes(aff io.Reader) (map[string][]suffixRule, error) {
	rules := map[string][]suffixRule{}
	sc := bufio.NewScanner(aff)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		n++
		f := strings.Fields(sc.Text())
		// only what this expander reads: UTF-8 and one-letter flags
		if len(f) >= 2 && f[0] == "SET" && f[1] != "UTF-8" {
			return nil, fmt.Errorf("aff line %d: encoding %s: only UTF-8 dictionaries are read", n, f[1])
		}
		if len(f) >= 2 && f[0] == "FLAG" {
			return nil, fmt.Errorf("aff line %d: FLAG %s: only one-letter flags are read", n, f[1])
		}
		if len(f) < 4 || f[0] != "SFX" {
			continue
		}
		if len(f) == 4 { // the group's header: SFX flag cross count
			if _, err := strconv.Atoi(f[3]); err != nil {
				return nil, fmt.Errorf("aff line %d: bad rule count %q", n, f[3])
			}
			continue
		}
		strip, add := f[2], f[3]
		if strip == "0" {
			strip = ""
		}
		add, _, _ = strings.Cut(add, "/") // continuation flags are not followed
		if add == "0" {
			add = ""
		}
		cond := "."
		if len(f) > 4 {
			cond = f[4]
		}
		c, err := parseCondition(cond)
		if err != nil {
			return nil, fmt.Errorf("aff line %d: %w", n, err)
		}
		rules[f[1]] = append(rules[f[1]], suffixRule{strip: strip, add: add, cond: c})
	}
	return rules, sc.Err()
}

// Dictionary expands a hunspell dictionary into the stems of its
// lower-case Cyrillic word forms of four letters or more (proper names,
// written with a capital, are left out).
func Dictionary(aff, dic io.Reader) ([]byte, error) {
	rules, err := parseAffixes(aff)
	if err != nil {
		return nil, err
	}
	stems := map[string]bool{}
	add := func(w string) {
		if utf8.RuneCountInString(w) < 4 {
			return
		}
		for _, r := range w {
			if !unicode.Is(unicode.Cyrillic, r) { // hyphenated words are read as their parts
				return
			}
		}
		if s := rutext.Stem(rutext.Fold(w)); utf8.RuneCountInString(s) >= 3 {
			stems[s] = true
		}
	}
	sc := bufio.NewScanner(dic)
	sc.Buffer(nil, 1<<20)
	first := true
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if first { // the word count
			first = false
			if _, err := strconv.Atoi(line); err == nil {
				continue
			}
		}
		if line == "" {
			continue
		}
		word, flags, _ := strings.Cut(line, "/")
		flags, _, _ = strings.Cut(flags, "\t") // morphological fields follow a tab
		word, _, _ = strings.Cut(word, "\t")
		if r, _ := utf8.DecodeRuneInString(word); !unicode.IsLower(r) {
			continue
		}
		add(word)
		rw := []rune(word)
		for _, fl := range flags {
			for _, r := range rules[string(fl)] {
				if r.applies(rw) {
					add(strings.TrimSuffix(word, r.strip) + r.add)
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(stems) == 0 {
		return nil, fmt.Errorf("dictionary: no Russian word found")
	}
	list := make([]string, 0, len(stems))
	for s := range stems {
		list = append(list, s)
	}
	slices.Sort(list)
	var buf bytes.Buffer
	for _, s := range list {
		buf.WriteString(s)
		buf.WriteByte('\n')
	}
	return buf.Bytes(), nil
}

// DictionaryPath is where the expanded dictionary lives, relative to the
// repository root (embedded by package rutext).
const DictionaryPath = "shared/rutext/words.fc"

// WriteDictionary expands the hunspell dictionary base.aff/base.dic and
// writes its stems, front-coded (rutext.EncodeStems), to DictionaryPath
// under root.
func WriteDictionary(root, base string) error {
	data, err := expandFiles(base)
	if err != nil {
		return err
	}
	stems := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	// #nosec G306 -- a file of the repository, read by everyone who builds it
	return os.WriteFile(filepath.Join(root, DictionaryPath), rutext.EncodeStems(stems), 0o644)
}

func expandFiles(base string) ([]byte, error) {
	aff, err := os.Open(base + ".aff")
	if err != nil {
		return nil, fmt.Errorf("dictionary: %w", err)
	}
	defer aff.Close()
	dic, err := os.Open(base + ".dic")
	if err != nil {
		return nil, fmt.Errorf("dictionary: %w", err)
	}
	defer dic.Close()
	return Dictionary(aff, dic)
}
