package policy

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
)

// Request is a decision request (POLICY.md §5). Absent fields take their
// zero values; `sender.org_type` defaults to "seller".
type Request struct {
	ID      string          `json:"id"`
	Now     time.Time       `json:"now"`
	Channel agentiq.Channel `json:"channel"`
	Sender  Sender          `json:"sender"`
	Message Message         `json:"message"`
	Chat    *Chat           `json:"chat"`
	Subject *Subject        `json:"subject"`
}

// Sender is who sends the message.
type Sender struct {
	OrgType string `json:"org_type"`
}

// Message is the draft to decide on.
type Message struct {
	Text            string              `json:"text"`
	MessageType     agentiq.MessageType `json:"message_type"`
	Scenario        agentiq.Scenario    `json:"scenario"`
	MarketingWindow agentiq.Window      `json:"marketing_window"`
	CaseID          string              `json:"case_id"`
	ReasonCode      string              `json:"reason_code"`
	Trigger         string              `json:"trigger"`
	TemplateID      string              `json:"template_id"`
	Operator        string              `json:"operator"`
}

// Chat is the state of the WB chat the message goes to.
type Chat struct {
	LastSender         string     `json:"last_sender"` // buyer or seller
	LastBuyerMessageAt *time.Time `json:"last_buyer_message_at"`
	LastBuyerText      string     `json:"last_buyer_text"`
	// LastBuyerIntents, when given, is the classification of the buyer's
	// last message already made at ingest; the text is then not needed (the
	// store keeps intents rather than text). An agentiq extension.
	LastBuyerIntents         []agentiq.Intent `json:"last_buyer_intents,omitempty"`
	SellerMessagesSinceBuyer int              `json:"seller_messages_since_buyer"`
	MarketingSentAt          []time.Time      `json:"marketing_sent_at"`
	OpenCase                 *Case            `json:"open_case"`
	OptedOutAt               *time.Time       `json:"opted_out_at"`
}

// Case is an open (or closed) problem case in a chat.
type Case struct {
	ID       string     `json:"id"`
	Type     string     `json:"type"`
	OpenedAt time.Time  `json:"opened_at"`
	ClosedAt *time.Time `json:"closed_at"`
}

// Subject is the person an external-channel message goes to.
type Subject struct {
	Timezone        string      `json:"timezone"`
	Consents        []Consent   `json:"consents"`
	MarketingSentAt []time.Time `json:"marketing_sent_at"`
	OptedOutAt      *time.Time  `json:"opted_out_at"`
}

// Consent is a recorded consent with its evidence.
type Consent struct {
	// RecordID is the consent register's record id of the grant (optional;
	// an agentiq extension), reported back as relied on.
	RecordID    string     `json:"record_id,omitempty"`
	Purpose     string     `json:"purpose"` // advertising or pd_marketing
	Channel     string     `json:"channel"` // a channel or "*"
	GrantedAt   time.Time  `json:"granted_at"`
	WithdrawnAt *time.Time `json:"withdrawn_at"`
	Source      string     `json:"source"`
	EvidenceRef string     `json:"evidence_ref"`
}

// Consent purposes.
const (
	PurposeAdvertising = "advertising"
	PurposePDMarketing = "pd_marketing"
)

// MaxRequestBytes bounds one decision request: a request is a draft of at
// most a few thousand characters plus state; anything larger is refused.
const MaxRequestBytes = 1 << 20

// InputError is a request that cannot be decided: malformed JSON, a missing
// or unknown value. Its message says what to fix.
type InputError struct{ Msg string }

func (e *InputError) Error() string { return e.Msg }

func inputErrorf(format string, a ...any) error {
	return &InputError{Msg: fmt.Sprintf(format, a...)}
}

// Decode parses and validates one JSON request.
func Decode(data []byte) (*Request, error) {
	if len(data) > MaxRequestBytes {
		return nil, inputErrorf("request is %d bytes, more than the %d allowed", len(data), MaxRequestBytes)
	}
	var r Request
	// One pass over the bytes, not a decoder's copy of them: the CLI
	// decodes a request per line.
	if err := json.Unmarshal(data, &r); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) && strings.Contains(se.Error(), "after top-level value") {
			return nil, inputErrorf("trailing data after the request object")
		}
		return nil, inputErrorf("%s", jsonError(err))
	}
	if err := r.Validate(); err != nil {
		return nil, err
	}
	return &r, nil
}

// jsonError rewords encoding/json errors to name the field in the
// request's own terms.
func jsonError(err error) string {
	var te *json.UnmarshalTypeError
	var pe *time.ParseError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &te):
		field := te.Field
		if field == "" {
			return fmt.Sprintf("want a JSON object, got %s", te.Value)
		}
		return fmt.Sprintf("%s: want %s, got %s", field, jsonKind(te.Type.String()), te.Value)
	case errors.As(err, &pe):
		return fmt.Sprintf("bad time %q: want RFC 3339 with an offset, like 2026-03-01T12:00:00+03:00", pe.Value)
	case errors.As(err, &se):
		return fmt.Sprintf("malformed JSON at byte %d: %v", se.Offset, err)
	}
	return "malformed JSON: " + strings.TrimPrefix(err.Error(), "json: ")
}

func jsonKind(goType string) string {
	switch {
	case strings.Contains(goType, "time.Time"):
		return "an RFC 3339 time"
	case strings.HasPrefix(goType, "[]"):
		return "an array"
	case goType == "int":
		return "an integer"
	case goType == "string" || strings.HasPrefix(goType, "agentiq."):
		return "a string"
	}
	return "an object"
}

var knownLastSender = map[string]bool{"": true, "buyer": true, "seller": true}

// Validate checks the request's values. Unknown fields are ignored (so that
// newer callers work with older rules), but unknown values of known fields
// are errors: a typo must not quietly change a decision.
func (r *Request) Validate() error {
	switch {
	case r.Now.IsZero():
		return inputErrorf("now is required")
	case r.Channel == "":
		return inputErrorf("channel is required")
	case !r.Channel.Valid():
		return inputErrorf("unknown channel %q", r.Channel)
	}
	m := r.Message
	switch m.MessageType {
	case "", agentiq.Service, agentiq.Marketing:
	default:
		return inputErrorf("unknown message.message_type %q (want service or marketing)", m.MessageType)
	}
	if m.Scenario != "" && !m.Scenario.Valid() {
		return inputErrorf("unknown message.scenario %q", m.Scenario)
	}
	if m.MessageType == "" && m.Scenario == "" {
		return inputErrorf("message.message_type or message.scenario is required")
	}
	switch m.MarketingWindow {
	case agentiq.NoWindow, agentiq.CustomerRequest, agentiq.CompensationCase:
	default:
		return inputErrorf("unknown message.marketing_window %q", m.MarketingWindow)
	}
	if c := r.Chat; c != nil {
		if !knownLastSender[c.LastSender] {
			return inputErrorf("unknown chat.last_sender %q (want buyer or seller)", c.LastSender)
		}
		if c.SellerMessagesSinceBuyer < 0 {
			return inputErrorf("chat.seller_messages_since_buyer is negative")
		}
		for _, i := range c.LastBuyerIntents {
			if !validIntent(i) {
				return inputErrorf("unknown intent %q in chat.last_buyer_intents", i)
			}
		}
		if c.OpenCase != nil && c.OpenCase.OpenedAt.IsZero() {
			return inputErrorf("chat.open_case.opened_at is required")
		}
	}
	if s := r.Subject; s != nil {
		if s.Timezone != "" {
			if _, err := location(s.Timezone); err != nil {
				return inputErrorf("unknown subject.timezone %q", s.Timezone)
			}
		}
		for i, c := range s.Consents {
			if c.Channel != "*" && !agentiq.Channel(c.Channel).Valid() {
				return inputErrorf("subject.consents[%d]: unknown channel %q (want a channel or *)", i, c.Channel)
			}
			if c.GrantedAt.IsZero() {
				return inputErrorf("subject.consents[%d]: granted_at is required", i)
			}
		}
	}
	return nil
}

func validIntent(i agentiq.Intent) bool {
	for _, k := range agentiq.Intents {
		if i == k {
			return true
		}
	}
	return false
}
