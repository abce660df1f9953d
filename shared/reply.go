package agentiq

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Template is a reply the responder may send. Its text may hold only the
// placeholders TemplateFields names: non-personal data of the chat.
type Template struct {
	ID          string      `json:"id" yaml:"id"`
	Scenario    Scenario    `json:"scenario" yaml:"scenario"`
	MessageType MessageType `json:"message_type" yaml:"message_type"`
	Window      Window      `json:"window,omitempty" yaml:"window,omitempty"`
	// ClosesCase: sending it closes the chat's open case.
	ClosesCase bool   `json:"closes_case,omitempty" yaml:"closes_case,omitempty"`
	Text       string `json:"text" yaml:"text"`
}

// TemplateFields are the placeholders a template text may use.
var TemplateFields = map[string]bool{"article": true, "product": true}

var placeholderRe = regexp.MustCompile(`\{([a-z_]*)\}`)

var templateIDRe = regexp.MustCompile(`^[a-z0-9][a-z0-9_.-]{0,63}$`)

// Validate checks a template's shape (not its words: the linter does).
func (t Template) Validate() error {
	switch {
	case !templateIDRe.MatchString(t.ID):
		return fmt.Errorf("%w: template id %q: want 1–64 lower-case letters, digits, _ . -", ErrInvalid, t.ID)
	case !t.Scenario.Valid():
		return fmt.Errorf("%w: template %s: unknown scenario %q", ErrInvalid, t.ID, t.Scenario)
	case t.MessageType != Service && t.MessageType != Marketing:
		return fmt.Errorf("%w: template %s: message_type %q (want service or marketing)", ErrInvalid, t.ID, t.MessageType)
	case t.Window != NoWindow && t.Window != CustomerRequest && t.Window != CompensationCase:
		return fmt.Errorf("%w: template %s: unknown window %q", ErrInvalid, t.ID, t.Window)
	case strings.TrimSpace(t.Text) == "" || !utf8.ValidString(t.Text):
		return fmt.Errorf("%w: template %s: empty or invalid text", ErrInvalid, t.ID)
	}
	for _, m := range placeholderRe.FindAllStringSubmatch(t.Text, -1) {
		if !TemplateFields[m[1]] {
			return fmt.Errorf("%w: template %s: placeholder {%s} (allowed: {article}, {product})", ErrInvalid, t.ID, m[1])
		}
	}
	return nil
}

// Fill puts the chat's non-personal data into the template's text. A
// field without a value is left out with the words around it kept
// readable: "{product}" without a product name becomes "товар".
func (t Template) Fill(fields map[string]string) string {
	return placeholderRe.ReplaceAllStringFunc(t.Text, func(m string) string {
		name := m[1 : len(m)-1]
		if v := fields[name]; v != "" {
			return v
		}
		switch name {
		case "product":
			return "товар"
		case "article":
			return "—"
		}
		return ""
	})
}

// ReplyMode is how the responder answers an intent.
type ReplyMode string

// Reply modes.
const (
	ReplyAuto  ReplyMode = "auto"  // send the template when the policy allows
	ReplyHuman ReplyMode = "human" // hold the template's draft for a moderator
	ReplyNone  ReplyMode = "none"  // no reply
)

// IntentReply is how the responder answers one primary intent.
type IntentReply struct {
	Mode     ReplyMode `json:"mode" yaml:"mode"`
	Template string    `json:"template,omitempty" yaml:"template,omitempty"`
	// CaseTemplate, when set, is used instead of Template if the chat has
	// an open case (a thank-you that closes it, for instance).
	CaseTemplate string `json:"case_template,omitempty" yaml:"case_template,omitempty"`
}

// Replies is a seller's reply configuration: the template catalogue and
// how each intent is answered. A nil *Replies on a seller means the
// embedded default; a seller's own replaces it whole.
type Replies struct {
	Version   string                 `json:"version" yaml:"version"`
	Templates []Template             `json:"templates" yaml:"templates"`
	Intents   map[Intent]IntentReply `json:"intents" yaml:"intents"`
}

// Template returns the template with the given id.
func (r *Replies) Template(id string) (Template, bool) {
	for _, t := range r.Templates {
		if t.ID == id {
			return t, true
		}
	}
	return Template{}, false
}

// Validate checks the catalogue: templates valid and unique, every intent
// configured, every template named exists.
func (r *Replies) Validate() error {
	seen := map[string]bool{}
	for _, t := range r.Templates {
		if err := t.Validate(); err != nil {
			return err
		}
		if seen[t.ID] {
			return fmt.Errorf("%w: template %s twice", ErrInvalid, t.ID)
		}
		seen[t.ID] = true
	}
	for _, in := range Intents {
		ir, ok := r.Intents[in]
		if !ok {
			return fmt.Errorf("%w: replies: intent %s is not configured", ErrInvalid, in)
		}
		switch ir.Mode {
		case ReplyAuto, ReplyHuman:
			if !seen[ir.Template] {
				return fmt.Errorf("%w: replies: intent %s names template %q, which does not exist", ErrInvalid, in, ir.Template)
			}
		case ReplyNone:
		default:
			return fmt.Errorf("%w: replies: intent %s: mode %q (want auto, human or none)", ErrInvalid, in, ir.Mode)
		}
		if ir.CaseTemplate != "" && !seen[ir.CaseTemplate] {
			return fmt.Errorf("%w: replies: intent %s names case template %q, which does not exist", ErrInvalid, in, ir.CaseTemplate)
		}
	}
	for in := range r.Intents {
		if !validIntent(in) {
			return fmt.Errorf("%w: replies: unknown intent %q", ErrInvalid, in)
		}
	}
	return nil
}

func validIntent(i Intent) bool {
	for _, k := range Intents {
		if k == i {
			return true
		}
	}
	return false
}
