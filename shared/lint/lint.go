// Package lint finds the content flags of POLICY.md §3 in an outbound
// draft: promo words, pressure, links (plain, bare, obfuscated), moves to
// other platforms, third parties, review incentives, requests for personal
// data, opt-out instructions and payment details. Lexicon and rules are
// data (flags.yaml, embedded); URL finding uses mvdan.cc/xurls.
package lint

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/intent/linear"
	"github.com/agentiq/agentiq/shared/phrase"
	"github.com/agentiq/agentiq/shared/rutext"
)

//go:embed flags.yaml
var defaultData []byte

type flagSpec struct {
	phrase.Rule `yaml:",inline"`
	Detectors   []string `yaml:"detectors"`
}

type config struct {
	Version     int                       `yaml:"version"`
	FuzzyMinLen int                       `yaml:"fuzzy_min_len"`
	Concepts    map[string][]string       `yaml:"concepts"`
	Flags       map[agentiq.Flag]flagSpec `yaml:"flags"`
	// Parts are the vocabularies the deny-level flags are composed of
	// (a review act, a benefit, an invitation, a venue…), each a label of
	// its own so that each is tested on its own.
	Parts map[string]phrase.Rule `yaml:"parts"`
	// Model: per flag the model gives an opinion on, the probability at
	// which that opinion alone raises the flag (absent: never), and the
	// parts one of which must be present for it to do so.
	Model map[agentiq.Flag]modelGate `yaml:"model"`
}

// modelGate is when the model alone may raise a flag.
type modelGate struct {
	Alone    float64  `yaml:"alone"`
	Needs    []string `yaml:"needs"`     // parts, one of which must be present
	NeedsAll []string `yaml:"needs_all"` // parts that must all be present
	Blocks   []string `yaml:"blocks"`    // parts any of which keeps the model silent
}

func (g modelGate) open(parts map[string]string) bool {
	has := func(p string) bool { _, ok := parts[p]; return ok }
	for _, p := range g.Blocks {
		if has(p) {
			return false
		}
	}
	for _, p := range g.NeedsAll {
		if !has(p) {
			return false
		}
	}
	if len(g.Needs) == 0 {
		return true
	}
	for _, p := range g.Needs {
		if has(p) {
			return true
		}
	}
	return false
}

func (g modelGate) parts() []string {
	return append(append(append([]string{}, g.Needs...), g.NeedsAll...), g.Blocks...)
}

// Linter is a compiled flag lexicon, safe for concurrent use.
type Linter struct {
	labels    *phrase.Labels
	names     []agentiq.Flag
	detectors map[agentiq.Flag][]detector
	digest    string
	model     *linear.Model
	gates     []modelGate // per model class
	nflags    int         // labels past this index are parts
}

// Result is the lint of one draft.
type Result struct {
	Flags []agentiq.Flag `json:"flags"` // sorted
	// Evidence holds, per flag, what made it hold.
	Evidence map[agentiq.Flag]string `json:"-"`
	// Parts holds, per part found (flags.yaml parts), its words.
	Parts map[string]string `json:"-"`
}

// Has reports whether flag f is present.
func (r Result) Has(f agentiq.Flag) bool { return slices.Contains(r.Flags, f) }

//go:embed model.txt.gz
var defaultModel []byte

var defaultLinter = sync.OnceValues(func() (*Linter, error) { return New(defaultData) })

// Default returns the linter built from the embedded flags.yaml.
func Default() (*Linter, error) { return defaultLinter() }

// New compiles a linter from flags.yaml data, with the embedded model
// (model.txt.gz, made by make train).
func New(data []byte) (*Linter, error) { return NewWithModel(data, defaultModel) }

// NewWithModel compiles a linter from flags.yaml data and a model's
// weights file.
func NewWithModel(data, modelData []byte) (*Linter, error) {
	// The model is parsed beside the lexicon's compilation (a cold start's
	// two halves); neither reads the other's data.
	model := linear.LoadAsync(modelData)
	var cfg config
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&cfg); err != nil {
		return nil, fmt.Errorf("flag lexicon: %w", err)
	}
	b, err := phrase.NewBuilderWith(cfg.Concepts, cfg.FuzzyMinLen)
	if err != nil {
		return nil, fmt.Errorf("flag lexicon: %w", err)
	}
	l := &Linter{detectors: map[agentiq.Flag][]detector{}}
	rules := map[string]phrase.Rule{}
	var names []string
	for _, f := range agentiq.Flags {
		spec, ok := cfg.Flags[f]
		if !ok {
			return nil, fmt.Errorf("flag lexicon: flag %q has no rule", f)
		}
		for _, d := range spec.Detectors {
			fn, ok := detectors[d]
			if !ok {
				return nil, fmt.Errorf("flag lexicon: flag %q: unknown detector %q", f, d)
			}
			l.detectors[f] = append(l.detectors[f], fn)
		}
		if len(spec.Match) > 0 {
			rules[string(f)] = spec.Rule
			names = append(names, string(f))
		}
		l.names = append(l.names, f)
	}
	for f := range cfg.Flags {
		if !slices.Contains(agentiq.Flags, f) {
			return nil, fmt.Errorf("flag lexicon: unknown flag %q", f)
		}
	}
	l.nflags = len(names)
	partNames := make([]string, 0, len(cfg.Parts))
	for name := range cfg.Parts {
		partNames = append(partNames, name)
	}
	slices.Sort(partNames)
	for _, name := range partNames {
		rules["part:"+name] = cfg.Parts[name]
		names = append(names, "part:"+name)
	}
	labels, err := phrase.CompileLabels(b, names, rules)
	if err != nil {
		return nil, fmt.Errorf("flag lexicon: %w", err)
	}
	labels.Staged() // compositions with long unless lists
	l.labels = labels
	var sum [sha256.Size]byte
	if l.model, sum, err = model(); err != nil {
		return nil, fmt.Errorf("lint model: %w", err)
	}
	if len(l.model.Classes) > 8 {
		return nil, fmt.Errorf("lint model: %d classes, at most 8", len(l.model.Classes))
	}
	for _, cl := range l.model.Classes {
		if !slices.Contains(agentiq.Flags, agentiq.Flag(cl)) {
			return nil, fmt.Errorf("lint model: class %q is not a flag", cl)
		}
		g, ok := cfg.Model[agentiq.Flag(cl)]
		if !ok {
			g.Alone = 2 // never
		}
		l.gates = append(l.gates, g)
	}
	for f, g := range cfg.Model {
		if !slices.Contains(l.model.Classes, string(f)) || g.Alone <= 0 || g.Alone > 1 {
			return nil, fmt.Errorf("flag lexicon: model.%s: not a model class, or alone not within (0, 1]", f)
		}
		for _, p := range g.parts() {
			if _, ok := cfg.Parts[p]; !ok {
				return nil, fmt.Errorf("flag lexicon: model.%s: unknown part %q", f, p)
			}
		}
	}
	// The digest covers the lexicon and the weights: a retrained model is
	// a new rules_version.
	h := sha256.New()
	h.Write(data)
	h.Write([]byte{0})
	h.Write(sum[:]) // the weights' text's: the same model is the same version, however compressed
	l.digest = hex.EncodeToString(h.Sum(nil))
	return l, nil
}

// Digest is the SHA-256 of the lexicon data and the model weights.
func (l *Linter) Digest() string { return l.digest }

// Lint flags one draft. Any text yields a result. A draft typed in Latin
// transliteration ("Postav'te 5 zvezd — vernem 10%") is also read as the
// Russian it spells, and the flags of both readings count: links, handles
// and card numbers are found as written, the words as meant.
func (l *Linter) Lint(text string) Result {
	r := l.lintText(text, "")
	ru := rutext.ReadLatinMessage(text)
	if ru == text {
		return r
	}
	// A link or handle is found as written, so the reading's words join it:
	// "pishite syuda: @gz_manager" invites to the handle.
	for f, ev := range l.lintText(ru, r.Evidence[agentiq.FlagExternalLink]).Evidence {
		if _, ok := r.Evidence[f]; !ok {
			// the words a compliance officer reads must say they are a reading
			r.Evidence[f] = "read as Russian: " + ev
			r.Flags = append(r.Flags, f)
		}
	}
	slices.Sort(r.Flags)
	return r
}

// lintText analyses and flags text; the analysis is recycled after, as
// the result keeps no token (its evidence is copied text). link, if not
// empty, is a link the text's other reading found.
func (l *Linter) lintText(text, link string) Result {
	d := rutext.Analyze(text)
	r := l.lintDoc(d, link)
	d.Release()
	return r
}

// LintDoc flags a draft whose analysis is already at hand.
func (l *Linter) LintDoc(d *rutext.Doc) Result { return l.lintDoc(d, "") }

func (l *Linter) lintDoc(d *rutext.Doc, link string) Result {
	r := Result{Evidence: map[agentiq.Flag]string{}}
	// The flags' rules first; the parts (the vocabularies the model's gates
	// and links need) are matched on the same analysis only when a link or
	// a probable flag asks for them, which most drafts never do.
	sc, hits := l.labels.Begin(d, l.nflags)
	defer sc.Release()
	for _, h := range hits {
		if !h.Vetoed {
			r.Evidence[agentiq.Flag(h.Label)] = h.Evidence
		}
	}
	partsDone := false
	parts := func() map[string]string {
		if !partsDone {
			partsDone = true
			r.Parts = partsOf(sc.Rest())
		}
		return r.Parts
	}
	for _, f := range l.names {
		if _, ok := r.Evidence[f]; ok {
			continue
		}
		for _, det := range l.detectors[f] {
			if ev := det(d.Folded, d); ev != "" {
				r.Evidence[f] = ev
				break
			}
		}
	}
	if _, found := r.Evidence[agentiq.FlagExternalLink]; !found && link != "" {
		r.Evidence[agentiq.FlagExternalLink] = link
	}
	_, linked := r.Evidence[agentiq.FlagExternalLink]
	if _, moved := r.Evidence[agentiq.FlagOffPlatform]; linked && !moved {
		parts()
		l.compose(d, &r)
	}
	// The model's opinion: a deny-level flag is recall first (a false flag
	// only stops a draft for a person to look at), so the model alone
	// raises it at a moderate probability, and only when its gate is open
	// (the parts it needs are there, none that blocks it); the lexicon's
	// hits always stand.
	var want uint64
	for k, cl := range l.model.Classes {
		if _, done := r.Evidence[agentiq.Flag(cl)]; !done && l.gates[k].Alone <= 1 {
			want |= 1 << k
		}
	}
	if want != 0 {
		var pbuf [8]float64
		for k, p := range l.model.PredictSome(d, want, pbuf[:0]) {
			if want&(1<<k) != 0 && p >= l.gates[k].Alone && l.gates[k].open(parts()) {
				r.Evidence[agentiq.Flag(l.model.Classes[k])] = "model p=" + strconv.FormatFloat(p, 'f', 2, 64)
			}
		}
	}
	for f := range r.Evidence {
		r.Flags = append(r.Flags, f)
	}
	slices.Sort(r.Flags)
	if r.Flags == nil {
		r.Flags = []agentiq.Flag{}
	}
	return r
}

// Parts returns the parts (flags.yaml parts) found in text, with their
// words: what the model's gates and the links' composition look at.
func (l *Linter) Parts(text string) map[string]string {
	d := rutext.Analyze(text)
	defer d.Release()
	sc, _ := l.labels.Begin(d, l.nflags)
	defer sc.Release()
	return partsOf(sc.Rest())
}

// Opinion returns, from one analysis of text as written, the model's
// probability per flag it gives an opinion on, whatever the gates, and the
// parts found (as Parts): what a change to a gate can be judged on without
// training again (make cv LINTRECORD=).
func (l *Linter) Opinion(text string) (map[agentiq.Flag]float64, map[string]string) {
	d := rutext.Analyze(text)
	defer d.Release()
	sc, _ := l.labels.Begin(d, l.nflags)
	defer sc.Release()
	parts := partsOf(sc.Rest())
	probs := make(map[agentiq.Flag]float64, len(l.model.Classes))
	for k, p := range l.model.Predict(d, nil) {
		probs[agentiq.Flag(l.model.Classes[k])] = p
	}
	return probs, parts
}

// ModelRaises reports whether the model's opinion p alone raises flag f
// in a draft holding parts: its gate's bar and parts (flags.yaml model).
func (l *Linter) ModelRaises(f agentiq.Flag, p float64, parts map[string]string) bool {
	k := slices.Index(l.model.Classes, string(f))
	return k >= 0 && p >= l.gates[k].Alone && l.gates[k].open(parts)
}

// partsOf collects the parts among hits.
func partsOf(hits []phrase.Hit) map[string]string {
	var parts map[string]string
	for _, h := range hits {
		if h.Vetoed {
			continue
		}
		if parts == nil {
			parts = map[string]string{}
		}
		parts[strings.TrimPrefix(h.Label, "part:")] = h.Evidence
	}
	return parts
}

// detector finds one kind of thing in the folded text or its tokens and
// returns what it found, or "".
type detector func(folded string, d *rutext.Doc) string

var detectors = map[string]detector{
	"url":          findURL,
	"handle":       findHandle,
	"card_number":  findCardNumber,
	"bank_account": findBankAccount,
}

// digitRuns returns, per clause, runs of consecutive number tokens as
// their digits joined, with the number of tokens in each run; only runs
// of 13 digits or more matter to its callers (a card, an account).
func digitRuns(d *rutext.Doc, yield func(digits string, parts int) bool) {
	if d.Digits < 13 {
		return // no run long enough for a card or an account: most drafts
	}
	var b strings.Builder
	parts := 0
	flush := func() bool {
		ok := yield(b.String(), parts)
		b.Reset()
		parts = 0
		return ok
	}
	for i := range d.Tokens {
		t := &d.Tokens[i]
		if t.Kind != rutext.Number || strings.Contains(t.Text, ".") ||
			parts > 0 && d.Tokens[i-1].Clause != t.Clause { // "1500, 2000, 3000": a list, not one number
			if parts > 0 && !flush() {
				return
			}
			if t.Kind != rutext.Number || strings.Contains(t.Text, ".") {
				continue
			}
		}
		b.WriteString(t.Text)
		parts++
	}
	if parts > 0 {
		flush()
	}
}

// findCardNumber finds 13–19 digits written as one number or in groups of
// at most six digits ("2200 7001 2345 6789"); phone numbers have 11.
func findCardNumber(folded string, d *rutext.Doc) string {
	found := ""
	digitRuns(d, func(digits string, parts int) bool {
		// No card number starts with 0. One unbroken run shorter than 16
		// digits is a card only as American Express (15 digits from 3, its
		// check digit right): a tracking number (Почта России's are 14,
		// Boxberry's 13) or an order number is not.
		if n := len(digits); n >= 13 && n <= 19 && digits[0] != '0' &&
			(parts == 1 && (n >= 16 || n == 15 && digits[0] == '3' && luhn(digits)) || parts > 1 && n/parts <= 6) {
			found = maskDigits(digits)
			return false
		}
		return true
	})
	if found == "" && (strings.Contains(folded, "****") || strings.Contains(folded, "••••") || strings.Contains(folded, "xxxx") || hasFourKha(folded)) {
		if m := maskedCard.FindString(folded); m != "" {
			found = maskDigits("000000000000" + m[len(m)-4:]) // the evidence style of the other detectors
		}
	}
	return found
}

// hasFourKha is strings.Contains(s, "хххх") looked for from the letter's
// second byte (85): its first (D1) starts half of every Russian text's
// letters, and Contains stopped at each.
func hasFourKha(s string) bool {
	const tail = "\x85\xd1\x85\xd1\x85\xd1\x85" // "хххх" without its first byte
	for i := 0; i < len(s); {
		k := strings.Index(s[i:], tail)
		if k < 0 {
			return false
		}
		if j := i + k; j > 0 && s[j-1] == 0xD1 {
			return true
		}
		i += k + 1
	}
	return false
}

// luhn reports whether digits pass the Luhn check every card number passes.
func luhn(digits string) bool {
	sum, double := 0, false
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if double {
			if d *= 2; d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return sum%10 == 0
}

// maskedCard is a card number with its middle hidden ("2202 **** **** 5678"):
// still a card's details in a message.
var maskedCard = regexp.MustCompile(`\b\d{4}[ -]?(?:(?:\*{4}|•{4}|x{4}|х{4})[ -]?){1,2}\d{4}\b`)

// findBankAccount finds a 20-digit Russian account number.
func findBankAccount(_ string, d *rutext.Doc) string {
	found := ""
	digitRuns(d, func(digits string, _ int) bool {
		if len(digits) == 20 {
			found = maskDigits(digits)
			return false
		}
		return true
	})
	return found
}

// maskDigits keeps only the last four digits: evidence must not copy
// payment details into logs and audit records.
func maskDigits(s string) string {
	if len(s) <= 4 {
		return s
	}
	return strings.Repeat("•", len(s)-4) + s[len(s)-4:]
}
