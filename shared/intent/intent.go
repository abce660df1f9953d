package intent

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"slices"
	"sync"

	"go.yaml.in/yaml/v3"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/intent/linear"
	"github.com/agentiq/agentiq/shared/phrase"
	"github.com/agentiq/agentiq/shared/rutext"
)

//go:embed intents.yaml
var defaultData []byte

// config is the shape of intents.yaml.
type config struct {
	Version       int              `yaml:"version"`
	FuzzyMinLen   int              `yaml:"fuzzy_min_len"`
	Order         []agentiq.Intent `yaml:"order"`
	Exclusive     []agentiq.Intent `yaml:"exclusive"`
	WindowIntents []agentiq.Intent `yaml:"window_intents"`
	// WindowGuard names a label for a discount or an analogue mentioned,
	// not asked for: the model alone may not open a window against it.
	WindowGuard string `yaml:"window_guard"`
	// ModelGuards name, per intent, a label that keeps the model from
	// adding that intent on its own: a lexicon guard (unless) only speaks
	// where the lexicon found the intent, this speaks where it did not
	// ("посылка так и не пришла" is no wrong item, whatever the model
	// makes of "не пришла").
	ModelGuards map[agentiq.Intent]labelList `yaml:"model_guards"`
	// ModelBlocks name, per intent, the labels the model never overrules:
	// the buyer says outright the intent is not meant ("хотела отписаться,
	// но передумала"), which is stronger than a guard, or uses words the
	// model misreads as it ("одни отписки"). Each label has its own unless
	// terms, so a block can give way where another would not (the misread
	// opt-out wherever mailings are named).
	ModelBlocks map[agentiq.Intent]labelList `yaml:"model_blocks"`
	// FirmRequests name, per intent, a label for the intent asked in so
	// many words ("уступите сотню", "цена от 100 мешков"): where it holds,
	// the lexicon's hit needs only the model's firm_veto, not its veto.
	FirmRequests map[agentiq.Intent]labelList `yaml:"firm_requests"`
	// SureRequests name, per intent, labels for the intent asked in words
	// the model is known to misread as something else (promotions asked to
	// be sent, read as talk of mailings): where one holds, the lexicon's
	// hit stands whatever the model's probability. It passes the
	// precision-first veto, so it is kept to such outright requests.
	SureRequests map[agentiq.Intent]labelList `yaml:"sure_requests"`
	// Also names, per intent, labels whose hit counts as the intent found,
	// and as a firm request: a request the intent's own guards would veto
	// but that asks anew ("промокод не работает — можно другой?").
	Also       map[agentiq.Intent]labelList        `yaml:"also"`
	Scenarios  map[agentiq.Intent]agentiq.Scenario `yaml:"scenarios"`
	Escalation struct {
		Label string             `yaml:"label"`
		From  []agentiq.Scenario `yaml:"from"`
		To    agentiq.Scenario   `yaml:"to"`
	} `yaml:"escalation"`
	Concepts map[string][]string    `yaml:"concepts"`
	Labels   map[string]phrase.Rule `yaml:"labels"`
	Model    modelConfig            `yaml:"model"`
}

// roleKind is the part a label other than an intent's own plays for an
// intent: model guard, model block, firm request or also.
type roleKind uint8

const (
	roleGuard roleKind = iota
	roleBlock
	roleFirm
	roleAlso
	roleSure
)

// labelRole is a label's part and the intent it plays it for.
type labelRole struct {
	kind   roleKind
	intent agentiq.Intent
}

// roleSection is one of the config's per-intent label sections.
type roleSection struct {
	kind   roleKind
	key    string // its YAML key, for messages
	labels map[agentiq.Intent]labelList
}

// roles lists the per-intent label sections in the order they are read.
func (cfg *config) roles() []roleSection {
	return []roleSection{
		{roleGuard, "model_guards", cfg.ModelGuards},
		{roleBlock, "model_blocks", cfg.ModelBlocks},
		{roleFirm, "firm_requests", cfg.FirmRequests},
		{roleAlso, "also", cfg.Also},
		{roleSure, "sure_requests", cfg.SureRequests},
	}
}

// labelList is one label name or a list of them.
type labelList []string

// UnmarshalYAML accepts a plain string as a one-label list.
func (l *labelList) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*l = labelList{n.Value}
		return nil
	}
	var names []string
	if err := n.Decode(&names); err != nil {
		return err
	}
	*l = names
	return nil
}

// Classifier is a compiled intent lexicon. It is safe for concurrent use.
type Classifier struct {
	cfg     config
	labels  *phrase.Labels
	digest  string
	isWin   map[agentiq.Intent]bool
	isExcl  map[agentiq.Intent]bool
	roleOf  map[string]labelRole // a guard's, block's, firm or also label → its part
	model   *linear.Model
	speller *rutext.Speller
	// per model class: its intent and how its opinion combines
	classes []agentiq.Intent
	// classBit: each class's bit in an intentSet
	classBit []intentSet
	combine  []Combine
	// beside: the model classes with a Beside veto, in the configured
	// order of primary intents
	beside []int
}

// Result is the classification of one buyer message.
type Result struct {
	Intent   agentiq.Intent   `json:"intent"`
	Intents  []agentiq.Intent `json:"intents"` // sorted, the primary included
	Scenario agentiq.Scenario `json:"scenario"`
	Priority agentiq.Priority `json:"priority"`
	Window   agentiq.Window   `json:"window"`
	// Confidence (0..1) is how far the lexicon and the model agree on the
	// primary intent; Uncertain says a person should read the message
	// before anything automatic answers it (see doc.go).
	Confidence float64 `json:"confidence"`
	Uncertain  bool    `json:"uncertain"`
	// Evidence holds, per intent found, the words that made it hold, or
	// "model p=…" for an intent the model alone found.
	Evidence map[agentiq.Intent]string `json:"-"`
	// Rules is the lexicon's own primary intent, Model the model's.
	Rules, Model agentiq.Intent `json:"-"`
	// Mentioned: a discount or an analogue is mentioned, not asked for.
	Mentioned bool `json:"-"`
	// Probs is the model's probability per intent (absent: not scored).
	Probs map[agentiq.Intent]float64 `json:"-"`
}

// Has reports whether intent i is present.
func (r Result) Has(i agentiq.Intent) bool { return slices.Contains(r.Intents, i) }

//go:embed model.txt.gz
var defaultModel []byte

// The vocabulary is kept gzip-compressed, as the weights are: the API's
// bootstrap stays under its 15 MiB.
//
//go:embed vocab.txt.gz
var defaultVocabGz []byte

var defaultVocab = sync.OnceValues(func() ([]byte, error) {
	text, err := linear.Text(defaultVocabGz)
	if err != nil {
		return nil, fmt.Errorf("intent vocabulary: %w", err)
	}
	return text, nil
})

var defaultClassifier = sync.OnceValues(func() (*Classifier, error) { return New(defaultData) })

// Default returns the classifier built from the embedded intents.yaml.
func Default() (*Classifier, error) { return defaultClassifier() }

// New compiles a classifier from intents.yaml data, with the embedded
// model (model.txt.gz, made by make train).
func New(data []byte) (*Classifier, error) { return NewWithModel(data, defaultModel) }

var defaultSpeller = sync.OnceValues(func() (*rutext.Speller, error) {
	vocab, err := defaultVocab()
	if err != nil {
		return nil, err
	}
	sp, err := rutext.ParseSpeller(vocab)
	if err != nil {
		return nil, fmt.Errorf("intent vocabulary: %w", err)
	}
	return sp, nil
})

// NewWithModel compiles a classifier from intents.yaml data and a model's
// weights file, with the embedded spelling vocabulary.
func NewWithModel(data, modelData []byte) (*Classifier, error) {
	sp, err := defaultSpeller()
	if err != nil {
		return nil, err
	}
	vocab, err := defaultVocab()
	if err != nil {
		return nil, err
	}
	return newClassifier(data, modelData, vocab, sp)
}

// NewWithArtifacts compiles a classifier from intents.yaml data and the
// files make train writes: the model's weights and the spelling
// vocabulary (cross-validation trains both without the batch it measures).
func NewWithArtifacts(data, modelData, vocab []byte) (*Classifier, error) {
	sp, err := rutext.ParseSpeller(vocab)
	if err != nil {
		return nil, fmt.Errorf("intent vocabulary: %w", err)
	}
	return newClassifier(data, modelData, vocab, sp)
}

func newClassifier(data, modelData, vocab []byte, sp *rutext.Speller) (*Classifier, error) {
	// The model's inflating and parsing (about half of a cold start) runs
	// beside the lexicon's compilation: neither reads the other's data.
	model := linear.LoadAsync(modelData)
	var cfg config
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&cfg); err != nil {
		return nil, fmt.Errorf("intent lexicon: %w", err)
	}
	if err := cfg.validate(); err != nil {
		return nil, fmt.Errorf("intent lexicon: %w", err)
	}
	b, err := phrase.NewBuilderWith(cfg.Concepts, cfg.FuzzyMinLen)
	if err != nil {
		return nil, fmt.Errorf("intent lexicon: %w", err)
	}
	var names []string
	for _, i := range cfg.Order {
		if i != agentiq.IntentOther {
			names = append(names, string(i))
		}
	}
	if cfg.Escalation.Label != "" {
		names = append(names, cfg.Escalation.Label)
	}
	if cfg.WindowGuard != "" {
		names = append(names, cfg.WindowGuard)
	}
	roleOf := map[string]labelRole{}
	for _, i := range cfg.Order {
		for _, r := range cfg.roles() {
			for _, g := range r.labels[i] {
				names = append(names, g)
				roleOf[g] = labelRole{r.kind, i}
			}
		}
	}
	labels, err := phrase.CompileLabels(b, names, cfg.Labels)
	if err != nil {
		return nil, fmt.Errorf("intent lexicon: %w", err)
	}
	// The digest covers the lexicon and the weights: a retrained model is
	// a new rules_version.
	h := sha256.New()
	m, sum, err := model()
	if err != nil {
		return nil, fmt.Errorf("intent model: %w", err)
	}
	h.Write(data)
	h.Write([]byte{0})
	h.Write(sum[:]) // the weights' text's: the same model is the same version, however compressed
	h.Write([]byte{0})
	h.Write(vocab)
	c := &Classifier{cfg: cfg, labels: labels, digest: hex.EncodeToString(h.Sum(nil)),
		isWin: map[agentiq.Intent]bool{}, isExcl: map[agentiq.Intent]bool{}, roleOf: roleOf, speller: sp}
	if err := c.useModel(m); err != nil {
		return nil, fmt.Errorf("intent model: %w", err)
	}
	for _, i := range cfg.WindowIntents {
		c.isWin[i] = true
	}
	for _, i := range cfg.Exclusive {
		c.isExcl[i] = true
	}
	return c, nil
}

func (cfg *config) validate() error {
	if len(cfg.Order) != len(agentiq.Intents) {
		return fmt.Errorf("order must list the %d intents of POLICY.md exactly once", len(agentiq.Intents))
	}
	for _, i := range agentiq.Intents {
		if !slices.Contains(cfg.Order, i) {
			return fmt.Errorf("order lacks intent %q", i)
		}
		s, ok := cfg.Scenarios[i]
		if !ok || !s.Valid() {
			return fmt.Errorf("intent %q has no valid scenario", i)
		}
	}
	for _, list := range [][]agentiq.Intent{cfg.Exclusive, cfg.WindowIntents} {
		for _, i := range list {
			if !slices.Contains(agentiq.Intents, i) {
				return fmt.Errorf("unknown intent %q", i)
			}
		}
	}
	if err := cfg.Model.validate(); err != nil {
		return err
	}
	for _, r := range cfg.roles() {
		for i, gs := range r.labels {
			if !slices.Contains(cfg.Order, i) || i == agentiq.IntentOther || len(gs) == 0 || slices.Contains(gs, "") {
				return fmt.Errorf("%s: %q is not an intent with labels", r.key, i)
			}
			if r.kind == roleAlso {
				for _, g := range gs {
					if slices.Contains(agentiq.Intents, agentiq.Intent(g)) {
						return fmt.Errorf("also.%s: %q is an intent's own label", i, g)
					}
				}
			}
			// a firm request (an also hit is one too) lowers the bar, never
			// removes it unseen: its firm_veto is set, and no higher than
			// the veto it replaces
			if r.kind == roleFirm || r.kind == roleAlso {
				if cb, ok := cfg.Model.Intents[i]; !ok || cb.FirmVeto <= 0 || cb.FirmVeto > cb.Veto {
					return fmt.Errorf("%s: %q needs model.intents.%s.firm_veto, above 0 and at most its veto", r.key, i, i)
				}
			}
		}
	}
	// A label plays one part: read as one intent's guard it would not be
	// read as another's block, the escalation or the window guard.
	uses := map[string]string{}
	use := func(label, part string) error {
		if label == "" {
			return nil
		}
		if was, ok := uses[label]; ok {
			return fmt.Errorf("label %q is both %s and %s", label, was, part)
		}
		uses[label] = part
		return nil
	}
	for _, i := range cfg.Order {
		for _, r := range cfg.roles() {
			for _, g := range r.labels[i] {
				if err := use(g, r.key+"."+string(i)); err != nil {
					return err
				}
			}
		}
	}
	if err := use(cfg.Escalation.Label, "escalation.label"); err != nil {
		return err
	}
	if err := use(cfg.WindowGuard, "window_guard"); err != nil {
		return err
	}
	if len(cfg.WindowIntents) == 0 {
		return fmt.Errorf("window_intents is empty")
	}
	if e := cfg.Escalation; e.Label != "" && !e.To.Valid() {
		return fmt.Errorf("escalation: unknown scenario %q", e.To)
	}
	return nil
}

// Digest is the SHA-256 of the lexicon data and the model weights, so that a decision can name
// the exact lexicon that produced it.
func (c *Classifier) Digest() string { return c.digest }

// Classify classifies one buyer message. Any text, however malformed or
// long, yields a result; an empty message is "other". A message typed in
// Latin transliteration is read as the Russian it spells.
func (c *Classifier) Classify(text string) Result {
	d := c.analyze(text)
	r := c.ClassifyDoc(d) // keeps no token: its evidence is copied text
	d.Release()
	return r
}

// analyze reads a buyer message: transliteration read as Russian,
// misspellings corrected against the vocabulary (vocab.txt.gz).
func (c *Classifier) analyze(text string) *rutext.Doc {
	ru := rutext.ReadLatinMessage(text)
	d := rutext.Analyze(ru)
	// A Russian message with a Latin word may hold a word typed in
	// transliteration ("хочу vernut dengi"): read it again with those words
	// read as Russian (rutext.ReadAsRussian does both; looking at the
	// tokens first spares every other message a second pass over its bytes).
	if ru == text && hasLatinWord(d) {
		if mixed := rutext.ReadMixed(text); mixed != text {
			d.Release()
			d = rutext.Analyze(mixed)
		}
	}
	d.JoinSplit(c.speller)
	d.Respell(c.speller)
	return d
}

// hasLatinWord reports whether d has a word of four Latin letters or more.
func hasLatinWord(d *rutext.Doc) bool {
	for i := range d.Tokens {
		if t := &d.Tokens[i]; t.Kind == rutext.Word && !t.Cyrillic && len(t.Text) >= 4 {
			return true
		}
	}
	return false
}

// ClassifyDoc classifies an already analysed text: the lexicon's opinion
// and the model's, combined (combine.go).
func (c *Classifier) ClassifyDoc(d *rutext.Doc) Result {
	found, sig := c.rules(d)
	return c.combineWith(d, found, sig)
}

// signals are what the lexicon finds beside intents.
type signals struct {
	grievance bool // a broken deadline, anger, a claim: escalate service
	mention   bool // a discount or analogue mentioned, not asked for
	// vetoed are the intents whose words were found but a guard of the
	// lexicon ruled out ("не пишите ночью" is no opt-out)
	vetoed intentSet
	// blocked are the intents the buyer says outright are not meant: the
	// model may not add them at any probability
	blocked intentSet
	// firm are the intents asked for in so many words (firm_requests)
	firm intentSet
	// sure are those asked in words the model misreads (sure_requests)
	sure intentSet
}

// intentSet holds intents as bits of their place in the configured order,
// so that a message whose lexicon marks some allocates nothing for it (a
// map made on first use cost four allocations a message that did).
type intentSet uint32

// bit is intent i's bit in an intentSet; 0 for a label that is no intent
// of the order (no set is asked about one).
func (c *Classifier) bit(i agentiq.Intent) intentSet {
	k := slices.Index(c.cfg.Order, i)
	if k < 0 || k >= 32 {
		return 0
	}
	return 1 << k
}

// rules is the lexicon's opinion: the intents found, with their evidence,
// and its other signals.
func (c *Classifier) rules(d *rutext.Doc) (map[agentiq.Intent]string, signals) {
	hits := c.labels.Match(d)
	found := map[agentiq.Intent]string{}
	var sig signals
	for _, h := range hits {
		if h.Vetoed {
			sig.vetoed |= c.bit(agentiq.Intent(h.Label))
			continue
		}
		if h.Label == c.cfg.Escalation.Label && h.Label != "" {
			sig.grievance = true
			continue
		}
		if r, ok := c.roleOf[h.Label]; ok {
			switch r.kind {
			case roleBlock:
				sig.blocked |= c.bit(r.intent)
			case roleGuard:
				sig.vetoed |= c.bit(r.intent)
			case roleAlso:
				// asked anew in so many words: a firm request too
				if _, has := found[r.intent]; !has {
					found[r.intent] = h.Evidence
				}
				sig.firm |= c.bit(r.intent)
			case roleFirm:
				sig.firm |= c.bit(r.intent)
			case roleSure:
				sig.firm |= c.bit(r.intent)
				sig.sure |= c.bit(r.intent)
			}
			continue
		}
		if h.Label == c.cfg.WindowGuard && h.Label != "" {
			sig.mention = true
			continue
		}
		found[agentiq.Intent(h.Label)] = h.Evidence
	}
	// An exclusive intent (thanks) only counts on its own.
	if len(found) > 1 {
		for i := range found {
			if c.isExcl[i] {
				delete(found, i)
			}
		}
	}
	return found, sig
}

// result builds the result of a final set of intents.
func (c *Classifier) result(found map[agentiq.Intent]string, grievance bool) Result {
	r := Result{Intent: agentiq.IntentOther, Evidence: found}
	for _, i := range c.cfg.Order {
		if _, ok := found[i]; ok {
			r.Intent = i
			break
		}
	}
	if len(found) == 0 {
		found[agentiq.IntentOther] = ""
	}
	for i := range found {
		r.Intents = append(r.Intents, i)
		if c.isWin[i] {
			r.Window = agentiq.CustomerRequest
		}
	}
	slices.Sort(r.Intents)
	r.Scenario = c.cfg.Scenarios[r.Intent]
	if grievance && slices.Contains(c.cfg.Escalation.From, r.Scenario) {
		r.Scenario = c.cfg.Escalation.To
	}
	r.Priority = r.Scenario.Priority()
	return r
}
