package agentiq

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Audit record kinds.
const (
	// AuditDecision: one per decided message (a buyer message answered,
	// held or refused; an operator's approval; an integrator's trigger).
	// Its data is a DecisionRecord.
	AuditDecision = "decision"
	// AuditOptOut: a chat or subject opted out; data is an OptOutRecord.
	AuditOptOut = "opt_out"
	// AuditModeration: a moderator approved, rejected or edited a held
	// draft, or settled an ambiguous send; data is a ModerationRecord.
	AuditModeration = "moderation"
	// AuditConsent: a consent event (given, withdrawn) was registered.
	AuditConsent = "consent"
	// AuditFailure: a message could not be processed after retries; data
	// is a FailureRecord. The message is then held for a human.
	AuditFailure = "failure"
	// AuditCheckpoint: the chain's head was anchored outside the store.
	AuditCheckpoint = "checkpoint"
)

// Triggers: what asked for a message.
const (
	TriggerAutoReply   = "auto_reply"  // a buyer message answered by the responder
	TriggerOperator    = "operator"    // a moderator approved a draft
	TriggerIntegration = "integration" // a seller's CRM asked through the API
)

// OperatorBot is the operator of automatic replies.
const OperatorBot = "bot"

// Outcome is what finally happened to a decided message.
type Outcome string

// Outcomes. A decision record carries exactly one.
const (
	OutcomeSent       Outcome = "sent"      // WB took the message
	OutcomeFailed     Outcome = "failed"    // WB refused it: nothing was delivered
	OutcomeUnknown    Outcome = "unknown"   // sent or not: held for a human, never resent
	OutcomeDryRun     Outcome = "dry_run"   // allowed; the seller's dry run kept it from WB
	OutcomeHeld       Outcome = "held"      // waiting in the moderation queue
	OutcomeRefused    Outcome = "refused"   // the policy denied it: nothing sent
	OutcomeNoReply    Outcome = "no_reply"  // nothing to answer (seller already answered, a newer message, no reply configured)
	OutcomeReturned   Outcome = "returned"  // external channel: the decision went back to the caller, who delivers
	OutcomeProcessErr Outcome = "error"     // could not be processed; held for a human
	OutcomeQueued     Outcome = "queued"    // an integrator's WB-chat trigger waiting for the responder
	OutcomeRejected   Outcome = "rejected"  // a moderator rejected the held draft
	OutcomeDelivered  Outcome = "delivered" // a moderator confirmed an unknown send reached the buyer
	OutcomeLost       Outcome = "not_delivered"
)

// DecisionRecord is the data of an audit record of kind "decision": why a
// message was (or was not) sent, with what it was decided on. It holds no
// personal data: the draft is kept as a SHA-256 and a redacted excerpt.
type DecisionRecord struct {
	DecisionID   string      `json:"decision_id"`
	Channel      Channel     `json:"channel"`
	ChatID       string      `json:"chat_id,omitempty"`
	EventID      string      `json:"event_id,omitempty"`    // the buyer message answered
	SubjectKey   string      `json:"subject_key,omitempty"` // external channels: the subject's pseudonym
	Trigger      string      `json:"trigger"`
	TemplateID   string      `json:"template_id,omitempty"`
	Operator     string      `json:"operator"`
	RulesVersion string      `json:"rules_version"`
	Decision     Verdict     `json:"decision,omitempty"` // "" when no draft was decided (no_reply)
	Reasons      []string    `json:"reasons"`
	Scenario     Scenario    `json:"scenario,omitempty"`
	MessageType  MessageType `json:"message_type,omitempty"`
	Priority     Priority    `json:"priority,omitempty"`
	Window       Window      `json:"window,omitempty"`
	CaseID       string      `json:"case_id,omitempty"`
	ReasonCode   string      `json:"reason_code,omitempty"`
	DraftSHA256  string      `json:"draft_sha256,omitempty"`
	Excerpt      string      `json:"excerpt,omitempty"` // redacted, at most ExcerptRunes
	Outcome      Outcome     `json:"outcome"`
	DryRun       bool        `json:"dry_run,omitempty"`
	// The buyer message answered: when it came and what it asked.
	BuyerIntents   []Intent   `json:"buyer_intents,omitempty"`
	BuyerMessageAt *time.Time `json:"buyer_message_at,omitempty"`
	Uncertain      bool       `json:"uncertain,omitempty"` // the classifier was unsure: a human decides
	DecidedAt      time.Time  `json:"decided_at"`
	SentAt         *time.Time `json:"sent_at,omitempty"`       // WB's time of the sent message
	Error          string     `json:"error,omitempty"`         // why a send failed or was not tried
	ModerationID   string     `json:"moderation_id,omitempty"` // the queue item holding it for a human
	// Consents relied on (external marketing): the consent record ids.
	ConsentIDs []string `json:"consent_ids,omitempty"`
	// For a moderator's decision: the held decision it settles and how
	// long that waited.
	Settles     string  `json:"settles,omitempty"`
	WaitSeconds float64 `json:"wait_seconds,omitempty"`
}

// OptOutRecord is the data of an audit record of kind "opt_out".
type OptOutRecord struct {
	Channel    Channel   `json:"channel"`
	ChatID     string    `json:"chat_id,omitempty"`
	SubjectKey string    `json:"subject_key,omitempty"`
	EventID    string    `json:"event_id,omitempty"` // the buyer message that opted out: the evidence
	Evidence   string    `json:"evidence,omitempty"`
	At         time.Time `json:"at"`
	Source     string    `json:"source"` // wb_chat_message, integrator, consent_register
}

// ModerationRecord is the data of an audit record of kind "moderation".
type ModerationRecord struct {
	ModerationID string           `json:"moderation_id"`
	DecisionID   string           `json:"decision_id,omitempty"` // the operator's decision, when approving
	ChatID       string           `json:"chat_id,omitempty"`
	Action       string           `json:"action"` // approve, edit_approve, reject, mark_delivered, mark_not_delivered
	Moderator    string           `json:"moderator"`
	Status       ModerationStatus `json:"status"`
	WaitSeconds  float64          `json:"wait_seconds"`
	DraftSHA256  string           `json:"draft_sha256,omitempty"`
	Outcome      Outcome          `json:"outcome,omitempty"`
}

// FailureRecord is the data of an audit record of kind "failure".
type FailureRecord struct {
	EventID  string `json:"event_id,omitempty"`
	ChatID   string `json:"chat_id,omitempty"`
	Attempts int    `json:"attempts"`
	Error    string `json:"error"`
}

// ExcerptRunes is how much of a (redacted) draft an audit record keeps.
const ExcerptRunes = 60

// DraftHash is the SHA-256 of a draft as sent, hex-encoded.
func DraftHash(text string) string {
	h := sha256.Sum256([]byte(text))
	return hex.EncodeToString(h[:])
}

// DecisionID derives the id of the decision answering something (an
// inbox item, a trigger, an approval) from what it answers, so that a
// retry finds the same decision and its send record.
func DecisionID(seller string, parts ...string) string {
	h := sha256.New()
	h.Write([]byte(seller))
	for _, p := range parts {
		h.Write([]byte{0})
		h.Write([]byte(p))
	}
	return "d-" + hex.EncodeToString(h.Sum(nil)[:12])
}
