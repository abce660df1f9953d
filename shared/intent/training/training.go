// Package training gathers the repository's own labelled data and trains
// the linear models the classifier and the linter embed (make train). It
// reads only files committed to the repository — the public evaluation
// copies, the labelled rounds and the blind batches — never a held-back
// batch, so that a clean clone retrains byte-identical weights.
package training

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/intent"
	"github.com/agentiq/agentiq/shared/intent/linear"
	"github.com/agentiq/agentiq/shared/lint"
	"github.com/agentiq/agentiq/shared/rutext"
)

// Where the models live, relative to the repository root.
const (
	// The weights are kept gzip-compressed (linear.Text reads them): the
	// functions that embed them must stay within their size budget.
	IntentModelPath = "shared/intent/model.txt.gz"
	LintModelPath   = "shared/lint/model.txt.gz"
	// VocabPath is the classifier's spelling vocabulary: the word forms of
	// the labelled messages (twice or more) and every whole word of the
	// lexicon.
	VocabPath   = "shared/intent/vocab.txt.gz"
	lexiconPath = "shared/intent/intents.yaml"
	flagsPath   = "shared/lint/flags.yaml"
)

// LintClasses are the flags the lint model gives an opinion on: the
// deny-level flags that words carry (links and card numbers are found by
// detectors, not words).
var LintClasses = []string{string(agentiq.FlagReviewIncentive), string(agentiq.FlagOffPlatform),
	string(agentiq.FlagThirdParty), string(agentiq.FlagPDRequest)}

// IntentClasses are the intents the intent model gives an opinion on.
func IntentClasses() []string {
	var out []string
	for _, i := range agentiq.Intents {
		if i != agentiq.IntentOther {
			out = append(out, string(i))
		}
	}
	return out
}

type source struct {
	glob string
	kind string // "jsonl" or "tsv"
}

var intentSources = []source{
	{"cmd/agentiq/testdata/eval/classify.jsonl", "jsonl"},
	{"shared/intent/testdata/*.tsv", "tsv"},
	{"shared/intent/testdata/blind/*.jsonl", "jsonl"},
}

var lintSources = []source{
	{"cmd/agentiq/testdata/eval/lint.jsonl", "jsonl"},
	{"shared/lint/testdata/*.tsv", "tsv"},
	{"shared/lint/testdata/blind/*.jsonl", "jsonl"},
}

// Data is a training set and the digest of the files it came from.
type Data struct {
	Examples []linear.Example
	Digest   string
	Files    []string
}

// IntentData reads the labelled buyer messages under root.
func IntentData(root string) (Data, error) { return load(root, intentSources, false) }

// LintData reads the labelled drafts under root.
func LintData(root string) (Data, error) { return load(root, lintSources, true) }

func load(root string, srcs []source, lint bool) (Data, error) {
	var d Data
	h := sha256.New()
	for _, s := range srcs {
		files, err := filepath.Glob(filepath.Join(root, s.glob))
		if err != nil {
			return d, err
		}
		slices.Sort(files)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				return d, fmt.Errorf("training data: %w", err)
			}
			rel, _ := filepath.Rel(root, f)
			rel = filepath.ToSlash(rel)
			fmt.Fprintf(h, "%s\x00%d\x00", rel, len(data))
			h.Write(data)
			exs, err := parse(data, s.kind, lint)
			if err != nil {
				return d, fmt.Errorf("training data %s: %w", rel, err)
			}
			if !lint {
				// the classifier reads transliteration as Russian: so does training
				for i := range exs {
					exs[i].Text = rutext.ReadAsRussian(exs[i].Text)
				}
			}
			d.Examples = append(d.Examples, exs...)
			d.Files = append(d.Files, rel)
		}
	}
	d.Digest = hex.EncodeToString(h.Sum(nil))
	return d, nil
}

func parse(data []byte, kind string, lint bool) ([]linear.Example, error) {
	var out []linear.Example
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var ex linear.Example
		switch kind {
		case "jsonl":
			var o struct {
				Text    string   `json:"text"`
				Intent  string   `json:"intent"`
				Intents []string `json:"intents"`
				Flags   []string `json:"flags"`
			}
			if err := json.Unmarshal([]byte(line), &o); err != nil {
				return nil, fmt.Errorf("line %d: %w", n, err)
			}
			ex.Text = o.Text
			if lint {
				ex.Labels = o.Flags
			} else {
				ex.Labels = append(o.Intents, o.Intent)
			}
		default:
			f := strings.Split(line, "\t")
			if lint && len(f) == 2 {
				ex.Text = f[1]
				if f[0] != "-" {
					ex.Labels = strings.Split(f[0], ",")
				}
			} else if !lint && len(f) == 3 {
				ex.Text = f[2]
				ex.Labels = append(strings.Split(f[1], ","), f[0])
			} else {
				return nil, fmt.Errorf("line %d: want %s tab-separated fields", n, map[bool]string{true: "2", false: "3"}[lint])
			}
		}
		out = append(out, ex)
	}
	return out, sc.Err()
}

// Train trains the model of one data set; speller, when not nil, corrects
// the texts first as the classifier does.
func Train(classes []string, d Data, speller *rutext.Speller) (*linear.Model, error) {
	opt := linear.DefaultOptions()
	if speller != nil {
		opt.Prepare = func(doc *rutext.Doc) { doc.Respell(speller) }
	}
	return linear.Train(classes, d.Examples, opt, map[string]string{"data": d.Digest})
}

// lexiconWord is a whole word of a pattern: not a prefix (word*), not a
// fuzzy form (word~), not a concept name (@word).
var lexiconWord = regexp.MustCompile(`(?:^|[^\p{L}@])=?(\p{Cyrillic}{3,})(?:$|[^\p{L}*~])`)

// Vocab counts the spelling vocabulary of the classifier: the Cyrillic
// word forms of the labelled messages seen at least twice that are correct
// words (or seen ten times), and the whole words of the lexicon (weighted
// up, so that a correction prefers them).
func Vocab(root string, d Data) (map[string]int, error) {
	v := map[string]int{}
	for _, ex := range d.Examples {
		for _, t := range rutext.Analyze(ex.Text).Tokens {
			if t.Kind == rutext.Word && t.Cyrillic {
				v[t.Text]++
			}
		}
	}
	// A word of the labelled messages is a correction target when it is a
	// correct Russian word (the real-word dictionary), or so frequent that
	// it is the buyers' own word ("промик", "озон"): a misspelling the
	// writers repeated ("скитку") must stay correctable.
	for w, n := range v {
		if n < 2 || n < 10 && !rutext.RealWord(w) {
			delete(v, w)
		}
	}
	lex, err := os.ReadFile(filepath.Join(root, lexiconPath))
	if err != nil {
		return nil, fmt.Errorf("vocabulary: %w", err)
	}
	for _, line := range strings.Split(string(lex), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		for _, m := range lexiconWord.FindAllStringSubmatch(rutext.Fold(line), -1) {
			v[m[1]] += 100
		}
	}
	return v, nil
}

// IntentArtifacts are the files make train writes for the classifier: the
// model's text (written compressed) and the vocabulary.
func IntentArtifacts(root string) (model, vocab []byte, err error) {
	d, err := IntentData(root)
	if err != nil {
		return nil, nil, err
	}
	v, err := Vocab(root, d)
	if err != nil {
		return nil, nil, err
	}
	m, err := Train(IntentClasses(), d, rutext.NewSpeller(v))
	if err != nil {
		return nil, nil, err
	}
	return m.Marshal(), rutext.MarshalWordList(v), nil
}

// LintArtifact is the model's text make train writes (compressed) for the
// linter.
func LintArtifact(root string) ([]byte, error) {
	d, err := LintData(root)
	if err != nil {
		return nil, err
	}
	m, err := Train(LintClasses, d, nil)
	if err != nil {
		return nil, err
	}
	return m.Marshal(), nil
}

// Run retrains both models under root and writes their files. It first
// builds the classifier and the linter from root's lexicons with the new
// weights, so that a lexicon that does not compile fails make train
// instead of leaving weights beside rules that cannot load.
func Run(root string) error {
	model, vocab, err := IntentArtifacts(root)
	if err != nil {
		return err
	}
	lintModel, err := LintArtifact(root)
	if err != nil {
		return err
	}
	if err := checkLexicons(root, model, vocab, lintModel); err != nil {
		return err
	}
	for path, data := range map[string][]byte{IntentModelPath: linear.Compress(model), VocabPath: linear.Compress(vocab), LintModelPath: linear.Compress(lintModel)} {
		// #nosec G306 -- files of the repository, read by everyone who builds it
		if err := os.WriteFile(filepath.Join(root, path), data, 0o644); err != nil {
			return fmt.Errorf("train: %w", err)
		}
	}
	return nil
}

// checkLexicons builds the classifier and the linter from root's lexicons
// and the given weights, reporting the first that does not load.
func checkLexicons(root string, model, vocab, lintModel []byte) error {
	lexicon, err := os.ReadFile(filepath.Join(root, lexiconPath))
	if err != nil {
		return fmt.Errorf("train: %w", err)
	}
	if _, err := intent.NewWithArtifacts(lexicon, model, vocab); err != nil {
		return fmt.Errorf("train: %s: %w", lexiconPath, err)
	}
	flags, err := os.ReadFile(filepath.Join(root, flagsPath))
	if err != nil {
		return fmt.Errorf("train: %w", err)
	}
	if _, err := lint.NewWithModel(flags, lintModel); err != nil {
		return fmt.Errorf("train: %s: %w", flagsPath, err)
	}
	return nil
}

// BatchOf returns, per example of IntentData or LintData, the file it came
// from (for measuring by batch).
func BatchOf(root string, d Data) ([]string, error) {
	var out []string
	for _, f := range d.Files {
		data, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			return nil, err
		}
		kind := "tsv"
		if strings.HasSuffix(f, ".jsonl") {
			kind = "jsonl"
		}
		exs, err := parse(data, kind, strings.Contains(f, "lint"))
		if err != nil {
			return nil, err
		}
		for range exs {
			out = append(out, f)
		}
	}
	return out, nil
}
