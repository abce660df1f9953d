package training

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/intent"
	"github.com/agentiq/agentiq/shared/intent/linear"
	"github.com/agentiq/agentiq/shared/lint"
	"github.com/agentiq/agentiq/shared/rutext"
)

// Cross-validation answers the question the blind batches' own scores
// cannot once they are training data: how does the classifier do on a
// batch whose messages the model has never seen? Each blind batch in turn
// is left out, the model and the spelling vocabulary are trained on
// everything else, and the batch is scored with the lexicon and that model
// (make cv). The lexicon itself has been tuned on these batches, so the
// figures are an upper bound for text nobody here wrote; the held-back
// batch remains the honest measure.

// IntentFold is the score of one left-out batch of buyer messages.
type IntentFold struct {
	File                string
	N, Primary          int
	WinTP, WinFP, WinFN int
	OptTP, OptFN, OptFP int
	LexiconOK, ModelOK  int
	Uncertain, UncWrong int
	// Misses are the messages whose primary intent, window or opt-out the
	// classifier got wrong (make cv MISSES=file writes them).
	Misses []Miss
	// Records are every left-out message's answer with its evidence and
	// the model's probabilities (make cv RECORD=file writes them): a
	// change to how the two opinions combine can be swept on them without
	// training again.
	Records []Record
}

// Record is one left-out message's answer in full.
type Record struct {
	File string   `json:"file"`
	Text string   `json:"text"`
	Want []string `json:"want"` // the intents present, the primary last
	Got  []string `json:"got"`
	// Intent is the answer's primary intent, Rules the lexicon's own.
	Intent    string `json:"intent"`
	Rules     string `json:"rules"`
	Window    bool   `json:"window,omitempty"`
	Uncertain bool   `json:"uncertain,omitempty"`
	// Evidence: per intent of the answer, the lexicon's words or "model p=…".
	Evidence map[string]string `json:"evidence"`
	// Probabilities: the model's, per intent.
	Probabilities map[string]float64 `json:"probabilities"`
}

// Miss is one left-out example the classifier or the linter answered
// wrongly: the expected labels (a message's intents, its primary last)
// and the answer.
type Miss struct {
	File string   `json:"file"`
	Text string   `json:"text"`
	Want []string `json:"want"`
	Got  []string `json:"got"`
	// Intent is the answer's primary intent (buyer messages only).
	Intent string `json:"intent,omitempty"`
}

// LintFold is the score of one left-out batch of drafts.
type LintFold struct {
	File     string
	N, Exact int
	// per deny-level flag: found where present, missed, raised where absent
	TP, FN, FP map[agentiq.Flag]int
	Misses     []Miss
	// Records are every left-out draft's answer with the model's opinion
	// and the parts its gates look at (make cv LINTRECORD=file writes
	// them): a gate's bar, needs and blocks can be swept on them without
	// training again (Linter.ModelRaises decides as the linter does).
	Records []LintRecord
}

// LintRecord is one left-out draft's answer in full.
type LintRecord struct {
	File string   `json:"file"`
	Text string   `json:"text"`
	Want []string `json:"want"` // sorted
	Got  []string `json:"got"`
	// Evidence: per flag of the answer, the lexicon's words, a detector's
	// find or "model p=…".
	Evidence map[string]string `json:"evidence"`
	// Parts found (flags.yaml parts) with their words, and the model's
	// probability per flag it gives an opinion on, both of the text as
	// written; Latin marks a draft also read as the Russian it spells,
	// whose flags count both readings.
	Parts         map[string]string  `json:"parts"`
	Probabilities map[string]float64 `json:"probabilities"`
	Latin         bool               `json:"latin,omitempty"`
}

// DenyFlags are the deny-level flags a draft's words carry.
var DenyFlags = []agentiq.Flag{agentiq.FlagReviewIncentive, agentiq.FlagOffPlatform,
	agentiq.FlagThirdParty, agentiq.FlagPDRequest, agentiq.FlagExternalLink}

// blindFile reports whether a training file is a blind batch, the unit
// cross-validation leaves out.
func blindFile(f string) bool { return strings.Contains(f, "/blind/") }

// CrossValidateIntent scores each blind batch of buyer messages with a
// model and a vocabulary trained without it.
func CrossValidateIntent(root string) ([]IntentFold, error) {
	lexicon, err := os.ReadFile(filepath.Join(root, lexiconPath))
	if err != nil {
		return nil, err
	}
	var folds []IntentFold
	err = eachFold(root, IntentData, func(file string, train Data, test []linear.Example) error {
		v, err := Vocab(root, train)
		if err != nil {
			return err
		}
		m, err := Train(IntentClasses(), train, rutext.NewSpeller(v))
		if err != nil {
			return err
		}
		c, err := intent.NewWithArtifacts(lexicon, m.Marshal(), rutext.MarshalWordList(v))
		if err != nil {
			return err
		}
		fold := IntentFold{File: file, N: len(test)}
		for _, ex := range test {
			fold.add(c, ex)
		}
		folds = append(folds, fold)
		return nil
	})
	return folds, err
}

func (f *IntentFold) add(c *intent.Classifier, ex linear.Example) {
	// Labels are the intents present followed by the primary (parse).
	want := agentiq.Intent(ex.Labels[len(ex.Labels)-1])
	has := func(i agentiq.Intent) bool { return slices.Contains(ex.Labels, string(i)) }
	r := c.Classify(ex.Text)
	if r.Intent == want {
		f.Primary++
	}
	if r.Rules == want {
		f.LexiconOK++
	}
	if r.Model == want {
		f.ModelOK++
	}
	if r.Uncertain {
		f.Uncertain++
		if r.Intent != want {
			f.UncWrong++
		}
	}
	win := has(agentiq.IntentPromoRequest) || has(agentiq.IntentAnalogRequest)
	gotWin := r.Window == agentiq.CustomerRequest
	f.WinTP += b2i(win && gotWin)
	f.WinFP += b2i(!win && gotWin)
	f.WinFN += b2i(win && !gotWin)
	opt, gotOpt := has(agentiq.IntentOptOut), r.Has(agentiq.IntentOptOut)
	f.OptTP += b2i(opt && gotOpt)
	f.OptFN += b2i(opt && !gotOpt)
	f.OptFP += b2i(!opt && gotOpt)
	got := make([]string, len(r.Intents))
	for i, in := range r.Intents {
		got[i] = string(in)
	}
	if r.Intent != want || win != gotWin || opt != gotOpt {
		f.Misses = append(f.Misses, Miss{File: f.File, Text: ex.Text, Want: ex.Labels, Got: got, Intent: string(r.Intent)})
	}
	rec := Record{File: f.File, Text: ex.Text, Want: ex.Labels, Got: got, Intent: string(r.Intent), Rules: string(r.Rules),
		Window: gotWin, Uncertain: r.Uncertain, Evidence: map[string]string{}, Probabilities: map[string]float64{}}
	for i, e := range r.Evidence {
		if i != agentiq.IntentOther {
			rec.Evidence[string(i)] = e
		}
	}
	for i, p := range r.Probs {
		rec.Probabilities[string(i)] = round4(p)
	}
	f.Records = append(f.Records, rec)
}

// CrossValidateLint scores each blind batch of drafts with a model
// trained without it.
func CrossValidateLint(root string) ([]LintFold, error) {
	flagsYAML, err := os.ReadFile(filepath.Join(root, flagsPath))
	if err != nil {
		return nil, err
	}
	var folds []LintFold
	err = eachFold(root, LintData, func(file string, train Data, test []linear.Example) error {
		m, err := Train(LintClasses, train, nil)
		if err != nil {
			return err
		}
		l, err := lint.NewWithModel(flagsYAML, m.Marshal())
		if err != nil {
			return err
		}
		fold := LintFold{File: file, N: len(test), TP: map[agentiq.Flag]int{}, FN: map[agentiq.Flag]int{}, FP: map[agentiq.Flag]int{}}
		for _, ex := range test {
			r := l.Lint(ex.Text)
			got := make([]string, len(r.Flags))
			for i, f := range r.Flags {
				got[i] = string(f)
			}
			want := slices.Clone(ex.Labels)
			slices.Sort(want)
			if slices.Equal(got, want) {
				fold.Exact++
			} else {
				fold.Misses = append(fold.Misses, Miss{File: file, Text: ex.Text, Want: want, Got: got})
			}
			probs, parts := l.Opinion(ex.Text)
			rec := LintRecord{File: file, Text: ex.Text, Want: want, Got: got, Evidence: map[string]string{},
				Parts: parts, Probabilities: map[string]float64{}, Latin: rutext.ReadLatinMessage(ex.Text) != ex.Text}
			for f, e := range r.Evidence {
				rec.Evidence[string(f)] = e
			}
			for f, p := range probs {
				rec.Probabilities[string(f)] = p // unrounded: a sweep decides at the bar as the linter does
			}
			if rec.Parts == nil {
				rec.Parts = map[string]string{}
			}
			fold.Records = append(fold.Records, rec)
			for _, fl := range DenyFlags {
				w, g := slices.Contains(want, string(fl)), r.Has(fl)
				fold.TP[fl] += b2i(w && g)
				fold.FN[fl] += b2i(w && !g)
				fold.FP[fl] += b2i(!w && g)
			}
		}
		folds = append(folds, fold)
		return nil
	})
	return folds, err
}

// eachFold calls fn once per blind batch of the data load reads under
// root, with the examples of every other file and those of the batch.
func eachFold(root string, load func(string) (Data, error), fn func(file string, train Data, test []linear.Example) error) error {
	d, err := load(root)
	if err != nil {
		return err
	}
	batches, err := BatchOf(root, d)
	if err != nil {
		return err
	}
	for _, file := range d.Files {
		if !blindFile(file) {
			continue
		}
		train, test := split(d, batches, file)
		if err := fn(file, train, test); err != nil {
			return err
		}
	}
	return nil
}

// split returns the examples of every file but file, and those of file.
// batches names the file of each example (BatchOf).
func split(d Data, batches []string, file string) (train Data, test []linear.Example) {
	if len(batches) != len(d.Examples) {
		panic(fmt.Sprintf("training: %d batch names for %d examples", len(batches), len(d.Examples))) // a programming error: BatchOf and load disagree
	}
	train.Digest = d.Digest
	for i, ex := range d.Examples {
		if batches[i] == file {
			test = append(test, ex)
		} else {
			train.Examples = append(train.Examples, ex)
		}
	}
	return train, test
}

// round4 rounds a probability to four decimals, as records keep it.
func round4(p float64) float64 { return float64(int(p*10000+0.5)) / 10000 }

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func ratio(a, b int) string {
	if b == 0 {
		return "  -  "
	}
	return fmt.Sprintf("%.3f", float64(a)/float64(b))
}

// WriteIntentFolds prints the folds as a table, with their total.
func WriteIntentFolds(w io.Writer, folds []IntentFold) {
	fmt.Fprintf(w, "%-44s %5s %7s %7s %7s %9s %6s %7s %7s %9s\n", "left-out batch (buyer messages)", "n", "primary", "win P", "win R", "opt found", "opt FP", "lexicon", "model", "uncertain")
	t := IntentFold{File: "all"}
	row := func(f IntentFold) {
		fmt.Fprintf(w, "%-44s %5d %7s %7s %7s %4d/%-4d %6d %7s %7s %4d/%-4d\n", f.File, f.N, ratio(f.Primary, f.N),
			ratio(f.WinTP, f.WinTP+f.WinFP), ratio(f.WinTP, f.WinTP+f.WinFN), f.OptTP, f.OptTP+f.OptFN, f.OptFP,
			ratio(f.LexiconOK, f.N), ratio(f.ModelOK, f.N), f.UncWrong, f.Uncertain)
	}
	for _, f := range folds {
		row(f)
		t.N += f.N
		t.Primary += f.Primary
		t.WinTP += f.WinTP
		t.WinFP += f.WinFP
		t.WinFN += f.WinFN
		t.OptTP += f.OptTP
		t.OptFN += f.OptFN
		t.OptFP += f.OptFP
		t.LexiconOK += f.LexiconOK
		t.ModelOK += f.ModelOK
		t.Uncertain += f.Uncertain
		t.UncWrong += f.UncWrong
	}
	row(t)
	fmt.Fprintln(w, "(lexicon, model: each opinion's primary intent alone; uncertain: wrong among those marked uncertain)")
}

// WriteLintFolds prints the folds as a table, with their total.
func WriteLintFolds(w io.Writer, folds []LintFold) {
	fmt.Fprintf(w, "%-44s %5s %7s", "left-out batch (drafts)", "n", "exact")
	for _, fl := range DenyFlags {
		fmt.Fprintf(w, " %17s", fl)
	}
	fmt.Fprintln(w)
	t := LintFold{File: "all", TP: map[agentiq.Flag]int{}, FN: map[agentiq.Flag]int{}, FP: map[agentiq.Flag]int{}}
	row := func(f LintFold) {
		fmt.Fprintf(w, "%-44s %5d %7s", f.File, f.N, ratio(f.Exact, f.N))
		for _, fl := range DenyFlags {
			fmt.Fprintf(w, " %5s %3d/%-3d+%-2d", ratio(f.TP[fl], f.TP[fl]+f.FN[fl]), f.TP[fl], f.TP[fl]+f.FN[fl], f.FP[fl])
		}
		fmt.Fprintln(w)
	}
	for _, f := range folds {
		row(f)
		for _, fl := range DenyFlags {
			t.TP[fl] += f.TP[fl]
			t.FN[fl] += f.FN[fl]
			t.FP[fl] += f.FP[fl]
		}
		t.N += f.N
		t.Exact += f.Exact
	}
	row(t)
	fmt.Fprintln(w, "(per flag: found where present, found/present + raised where absent)")
}

// CopyHead copies file rel of the repository at root to the same place
// under dst, keeping only its first lines when lines > 0: a small copy of
// the labelled data on which cross-validation runs in a second.
func CopyHead(root, dst, rel string, lines int) error {
	data, err := os.ReadFile(filepath.Join(root, rel))
	if err != nil {
		return err
	}
	if lines > 0 {
		all := strings.SplitAfter(string(data), "\n")
		data = []byte(strings.Join(all[:min(lines, len(all))], ""))
	}
	if err := os.MkdirAll(filepath.Dir(filepath.Join(dst, rel)), 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dst, rel), data, 0o600)
}
