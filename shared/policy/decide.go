// Package policy is the one decision function every outbound message
// passes (POLICY.md §4): it takes a request and returns allow, review or
// deny with the reasons and the rules version. It does no I/O: the Lambdas,
// the CLI and the reports share it. Rules and thresholds are data
// (rules.yaml, embedded; another file may be loaded); the content flags
// and buyer intents come from packages lint and intent.
package policy

import (
	_ "embed"
	"fmt"
	"os"
	"slices"
	"sync"

	// Lambdas have no system tzdata: embed it so subject time zones load.
	_ "time/tzdata"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/intent"
	"github.com/agentiq/agentiq/shared/lint"
	"github.com/agentiq/agentiq/shared/rutext"
)

//go:embed rules.yaml
var defaultRules []byte

// DefaultRules returns the embedded rules file.
func DefaultRules() []byte { return slices.Clone(defaultRules) }

// Engine decides on requests with one compiled rule set. It is immutable
// and safe for concurrent use.
type Engine struct {
	set        settings
	rules      []rule
	classifier *intent.Classifier
	linter     *lint.Linter
	version    string
}

// New compiles an engine from rules.yaml data and the lexicons.
func New(rulesData []byte, c *intent.Classifier, l *lint.Linter) (*Engine, error) {
	f, err := parseRules(rulesData)
	if err != nil {
		return nil, err
	}
	set, err := compileSettings(f.Settings)
	if err != nil {
		return nil, fmt.Errorf("rules: settings: %w", err)
	}
	rules, err := compileRules(f)
	if err != nil {
		return nil, fmt.Errorf("rules: %w", err)
	}
	// Rules that depend on whether anything denied go last.
	slices.SortStableFunc(rules, func(a, b rule) int {
		switch {
		case a.late == b.late:
			return 0
		case a.late:
			return 1
		}
		return -1
	})
	v, err := version(f, c.Digest(), l.Digest())
	if err != nil {
		return nil, fmt.Errorf("rules: %w", err)
	}
	return &Engine{set: set, rules: rules, classifier: c, linter: l, version: v}, nil
}

// defaultLexicons returns the embedded intent and flag lexicons. They
// are compiled side by side (each inflates its model and compiles its
// patterns, tens of milliseconds): a cold start or a CLI run waits for the
// slower one only.
func defaultLexicons() (*intent.Classifier, *lint.Linter, error) {
	var (
		l    *lint.Linter
		lerr error
		done = make(chan struct{})
	)
	go func() {
		defer close(done)
		l, lerr = lint.Default()
		rutext.LoadDictionary() // which the first typo check would load
	}()
	c, err := intent.Default()
	<-done
	if err != nil {
		return nil, nil, err
	}
	return c, l, lerr
}

var defaultEngine = sync.OnceValues(func() (*Engine, error) {
	c, l, err := defaultLexicons()
	if err != nil {
		return nil, err
	}
	return New(defaultRules, c, l)
})

// Default returns the engine on the embedded rules and lexicons.
func Default() (*Engine, error) { return defaultEngine() }

// Load returns an engine on the rules file at path (the embedded rules
// when path is empty) and the embedded lexicons.
func Load(path string) (*Engine, error) {
	if path == "" {
		return Default()
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("rules: %w", err)
	}
	c, l, err := defaultLexicons()
	if err != nil {
		return nil, err
	}
	e, err := New(data, c, l)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return e, nil
}

// Version is the rules_version every decision of this engine carries.
func (e *Engine) Version() string { return e.version }

// Classifier returns the intent classifier the engine uses.
func (e *Engine) Classifier() *intent.Classifier { return e.classifier }

// Linter returns the content linter the engine uses.
func (e *Engine) Linter() *lint.Linter { return e.linter }

// Decision is the answer to a request (POLICY.md §5), with the explanation
// a compliance officer needs to reconstruct it later.
type Decision struct {
	ID           string           `json:"id"`
	Decision     agentiq.Verdict  `json:"decision"`
	Reasons      []string         `json:"reasons"`
	Priority     agentiq.Priority `json:"priority"`
	RulesVersion string           `json:"rules_version"`

	// Explanation, not part of the CLI contract (agentiq decide --explain).
	MessageType  agentiq.MessageType     `json:"message_type"`
	Rules        []string                `json:"rules"` // ids of the rules that fired
	Flags        []agentiq.Flag          `json:"flags,omitempty"`
	Evidence     map[agentiq.Flag]string `json:"evidence,omitempty"`
	BuyerIntents []agentiq.Intent        `json:"buyer_intents,omitempty"`
	// Consents are the evidence references of the consents a marketing
	// message on an external channel relied on.
	Consents []string `json:"consents,omitempty"`
	// ConsentRecordIDs are the register's record ids of every consent in
	// force that an allowed (or held) external marketing message relied
	// on, both purposes (advertising first).
	ConsentRecordIDs []string `json:"consent_record_ids,omitempty"`
}

// Decide decides on a request. It validates the request first; an invalid
// one gets an *InputError and no decision.
func (e *Engine) Decide(r *Request) (Decision, error) {
	if err := r.Validate(); err != nil {
		return Decision{ID: r.ID}, err
	}
	c := &evalCtx{e: e, set: &e.set, req: r, loc: e.set.defaultLoc}
	if r.Subject != nil && r.Subject.Timezone != "" {
		c.loc, _ = location(r.Subject.Timezone) // checked by Validate
	}
	c.marketing = r.Message.MessageType == agentiq.Marketing || r.Message.Scenario.MessageType() == agentiq.Marketing

	d := Decision{ID: r.ID, Decision: agentiq.Allow, Reasons: []string{}, Rules: []string{}, RulesVersion: e.version}
	bit := channelBit(r.Channel)
	for i := range e.rules {
		ru := &e.rules[i]
		if ru.channels&bit == 0 || !ru.holds(c) {
			continue
		}
		d.Rules = append(d.Rules, ru.id)
		if !slices.Contains(d.Reasons, ru.reason) {
			d.Reasons = append(d.Reasons, ru.reason)
		}
		if ru.verdict.Rank() > d.Decision.Rank() {
			d.Decision = ru.verdict
		}
		if ru.verdict == agentiq.Deny {
			c.denied = true
		}
	}
	slices.Sort(d.Reasons)

	d.MessageType = agentiq.Service
	d.Priority = r.Message.Scenario.Priority()
	if c.marketing {
		d.MessageType, d.Priority = agentiq.Marketing, agentiq.P3 // the stricter type holds
	} else if d.Priority == "" {
		d.Priority = agentiq.P0
	}
	if c.linted {
		d.Flags, d.Evidence = c.lintRes.Flags, c.lintRes.Evidence
	}
	d.BuyerIntents = c.intents
	if c.marketing && r.Channel.External() {
		for _, p := range []string{PurposeAdvertising, PurposePDMarketing} {
			st := c.consent(p)
			if st.valid && st.evidence != "" {
				d.Consents = append(d.Consents, st.evidence)
			}
			if st.valid && d.Decision != agentiq.Deny {
				d.ConsentRecordIDs = append(d.ConsentRecordIDs, st.records...)
			}
		}
	}
	return d, nil
}

func (ru *rule) holds(c *evalCtx) bool {
	for _, k := range ru.when {
		if k.fact(c) == k.neg {
			return false
		}
	}
	if len(ru.any) == 0 {
		return true
	}
	for _, k := range ru.any {
		if k.fact(c) != k.neg {
			return true
		}
	}
	return false
}
