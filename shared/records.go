package agentiq

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// SendStatus is where a send is: a record is written before sending, so a
// crash between sending and recording leaves it pending and is seen.
type SendStatus string

// Send statuses.
const (
	SendPending SendStatus = "pending" // about to send, or crashed while sending
	SendSent    SendStatus = "sent"
	SendFailed  SendStatus = "failed"  // WB refused it: nothing was delivered
	SendUnknown SendStatus = "unknown" // sent or not: never send it again
	// SendNone: decided without sending (held, refused, no reply). The
	// record is then only the claim on the decision: a retry or a second
	// worker finishes the same decision instead of deciding again.
	SendNone SendStatus = "none"
)

// Claimable reports whether a new send record may start in status s.
func (s SendStatus) Claimable() bool { return s == SendPending || s == SendNone }

// SendRetention is how long send records are kept.
const SendRetention = 90 * 24 * time.Hour

// SendRecord is the durable record of one decision to send a message.
type SendRecord struct {
	SellerID     string     `json:"seller_id"`
	DecisionID   string     `json:"decision_id"`
	Channel      Channel    `json:"channel"`
	ChatID       string     `json:"chat_id,omitempty"`
	EventID      string     `json:"event_id,omitempty"` // the inbox item answered
	Marketing    bool       `json:"marketing,omitempty"`
	Status       SendStatus `json:"status"`
	CreatedAt    time.Time  `json:"created_at"`
	FinishedAt   *time.Time `json:"finished_at,omitempty"`
	ExpiresAt    time.Time  `json:"expires_at"`              // operational record; the audit chain keeps the facts
	ProviderTime int64      `json:"provider_time,omitempty"` // WB's addTime of the sent message
	Error        string     `json:"error,omitempty"`
	// Draft is the text sent (redacted), and Decision the decision record
	// as decided, so that a retry after a crash can finish the audit
	// record and show the draft to a human without deciding again.
	Draft    string          `json:"draft,omitempty"`
	Decision json.RawMessage `json:"decision,omitempty"`
	// CloseCase: once delivered, the message closes the chat's open case.
	CloseCase bool `json:"close_case,omitempty"`
}

// SentTime is when a sent message went: WB's own time when it gave one,
// else when the send was finished, else when it was created.
func (s SendRecord) SentTime() time.Time {
	switch {
	case s.ProviderTime != 0:
		return time.UnixMilli(s.ProviderTime).UTC()
	case s.FinishedAt != nil:
		return *s.FinishedAt
	}
	return s.CreatedAt
}

// SendOutcome finishes a send record.
type SendOutcome struct {
	Status       SendStatus
	At           time.Time
	ProviderTime int64
	Error        string
}

// Validate checks an outcome: only the final statuses end a send.
func (o SendOutcome) Validate() error {
	switch o.Status {
	case SendSent, SendFailed, SendUnknown:
	default:
		return fmt.Errorf("%w: a send ends as sent, failed or unknown, not %q", ErrInvalid, o.Status)
	}
	if o.At.IsZero() {
		return fmt.Errorf("%w: send outcome without a time", ErrInvalid)
	}
	return nil
}

// ModerationStatus is where a draft under review is.
type ModerationStatus string

// Moderation statuses.
const (
	ModerationPending  ModerationStatus = "pending"
	ModerationApproved ModerationStatus = "approved"
	ModerationRejected ModerationStatus = "rejected"
)

// Kinds of moderation items.
const (
	ModerationDraft       = "draft"        // a held draft to approve, edit or reject
	ModerationUnknownSend = "unknown_send" // a send whose outcome is unknown: check WB and say
)

// ModerationItem is a draft that a review decision holds for a human, or
// an ambiguous send a human must settle.
type ModerationItem struct {
	SellerID     string   `json:"seller_id"`
	ID           string   `json:"id"`             // the decision id (u-<decision id> for an unknown send)
	Kind         string   `json:"kind,omitempty"` // draft (the default) or unknown_send
	ChatID       string   `json:"chat_id,omitempty"`
	EventID      string   `json:"event_id,omitempty"`
	Draft        string   `json:"draft"` // redacted
	Reasons      []string `json:"reasons"`
	RulesVersion string   `json:"rules_version"`
	// What the draft was decided as, so that approving it decides it
	// again the same way.
	Scenario    Scenario         `json:"scenario,omitempty"`
	MessageType MessageType      `json:"message_type,omitempty"`
	Window      Window           `json:"window,omitempty"`
	CaseID      string           `json:"case_id,omitempty"`
	ReasonCode  string           `json:"reason_code,omitempty"`
	TemplateID  string           `json:"template_id,omitempty"`
	Trigger     string           `json:"trigger,omitempty"`
	DecisionID  string           `json:"decision_id,omitempty"` // the decision that held it
	Status      ModerationStatus `json:"status"`
	CreatedAt   time.Time        `json:"created_at"`
	ResolvedAt  *time.Time       `json:"resolved_at,omitempty"`
	Moderator   string           `json:"moderator,omitempty"`
}

// Subject is a person reached on an external channel, known only by a keyed
// pseudonym of their address.
type Subject struct {
	SellerID   string     `json:"seller_id"`
	Key        string     `json:"key"`
	Timezone   string     `json:"timezone,omitempty"`
	OptedOutAt *time.Time `json:"opted_out_at,omitempty"`
	OptOutRef  string     `json:"opt_out_ref,omitempty"`
	// MarketingSentAt holds, per channel, marketing sends within the cap
	// window.
	MarketingSentAt map[Channel][]time.Time `json:"marketing_sent_at,omitempty"`
	// Consents are not kept here: they are derived from the consent
	// register's events (ConsentGrants).
}

// AuditEntry is what a caller appends to the audit chain.
type AuditEntry struct {
	At   time.Time       `json:"at"`
	Kind string          `json:"kind"` // decision, send, consent, opt_out, moderation, …
	Ref  string          `json:"ref,omitempty"`
	Data json.RawMessage `json:"data"` // the facts, as canonical JSON; no personal data
}

// AuditRecord is one link of a seller's audit chain. Hash covers the
// previous record's hash and this record's content, so that a changed or
// removed record breaks every link after it.
type AuditRecord struct {
	SellerID string          `json:"seller_id"`
	Seq      int64           `json:"seq"` // 1, 2, 3, … without gaps
	At       time.Time       `json:"at"`
	Kind     string          `json:"kind"`
	Ref      string          `json:"ref,omitempty"`
	Data     json.RawMessage `json:"data"`
	PrevHash string          `json:"prev_hash"`
	Hash     string          `json:"hash"`
}

// ChainHash computes the hash of a record from its content and the
// previous record's hash. Times are hashed in UTC with nanoseconds, so the
// hash does not depend on how a store round-trips them.
func ChainHash(seller string, seq int64, at time.Time, kind, ref string, data []byte, prevHash string) string {
	h := sha256.New()
	for _, part := range []string{seller, strconv.FormatInt(seq, 10), at.UTC().Format(time.RFC3339Nano), kind, ref, string(data), prevHash} {
		h.Write([]byte(strconv.Itoa(len(part))))
		h.Write([]byte{':'})
		h.Write([]byte(part))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// NextRecord makes the record that follows prev (the zero record for an
// empty chain) for entry e. A record is never dated before the one it
// follows (an entry that arrives late takes its predecessor's time), so
// that the chain is in time order and a time range is a range of
// sequence numbers.
func NextRecord(seller string, prev AuditRecord, e AuditEntry) AuditRecord {
	at := e.At.UTC()
	if at.Before(prev.At) {
		at = prev.At.UTC()
	}
	r := AuditRecord{SellerID: seller, Seq: prev.Seq + 1, At: at, Kind: e.Kind, Ref: e.Ref,
		Data: e.Data, PrevHash: prev.Hash}
	r.Hash = ChainHash(seller, r.Seq, r.At, r.Kind, r.Ref, r.Data, r.PrevHash)
	return r
}

// ValidateEntry checks an audit entry before it is appended.
func ValidateEntry(e AuditEntry) error {
	switch {
	case e.At.IsZero() || e.Kind == "":
		return fmt.Errorf("%w: an audit entry needs a time and a kind", ErrInvalid)
	case len(e.Data) > 0 && !json.Valid(e.Data):
		return fmt.Errorf("%w: audit data is not valid JSON", ErrInvalid)
	case len(e.Data) > MaxItemBytes/2:
		return fmt.Errorf("%w: audit data of %d bytes", ErrTooLarge, len(e.Data))
	}
	return nil
}

// Chain problems, as a ChainError names them.
const (
	ChainMissing    = "missing"         // a sequence number is absent
	ChainReordered  = "reordered"       // records are out of sequence order
	ChainForked     = "forked"          // a record links to another chain (or repeats a number)
	ChainAltered    = "altered"         // a record's content no longer matches its hash
	ChainBackdated  = "dated_backwards" // a record is dated before the one it follows
	ChainCheckpoint = "checkpoint"      // the chain disagrees with a signed checkpoint
)

// ChainError is the first break in an audit chain: the sequence number
// where the chain stops being trustworthy and why.
type ChainError struct {
	Seq     int64  // the first bad sequence number
	Problem string // one of the Chain* problems
	Detail  string
}

func (e *ChainError) Error() string { return "audit chain: " + e.Detail }

// VerifyChain checks that records are a contiguous, intact stretch of a
// chain: sequence numbers follow each other, each links to the one before,
// each hash matches its content, and times never go back. prev is the
// record before the first (the zero record when starting at 1). A break is
// a *ChainError.
func VerifyChain(prev AuditRecord, records []AuditRecord) error {
	for i, r := range records {
		want := prev.Seq + 1
		switch {
		case r.Seq == prev.Seq && i > 0:
			return &ChainError{want, ChainForked, fmt.Sprintf("record %d appears twice", r.Seq)}
		case r.Seq < want:
			return &ChainError{want, ChainReordered, fmt.Sprintf("record %d is out of place: record %d follows %d", want, r.Seq, prev.Seq)}
		case r.Seq > want:
			for _, later := range records[i+1:] {
				if later.Seq == want {
					return &ChainError{want, ChainReordered, fmt.Sprintf("record %d is out of place: record %d follows %d", want, r.Seq, prev.Seq)}
				}
			}
			return &ChainError{want, ChainMissing, fmt.Sprintf("record %d is missing: record %d follows %d", want, r.Seq, prev.Seq)}
		case r.Hash != ChainHash(r.SellerID, r.Seq, r.At, r.Kind, r.Ref, r.Data, r.PrevHash):
			return &ChainError{r.Seq, ChainAltered, fmt.Sprintf("record %d was altered", r.Seq)}
		case r.PrevHash != prev.Hash:
			// Each is intact on its own: either record prev was
			// rewritten (with its hash) or r comes from another branch.
			// The first record that may be wrong is prev.
			return &ChainError{max(prev.Seq, 1), ChainForked, fmt.Sprintf("record %d does not link to record %d: record %d was rewritten or record %d belongs to another chain", r.Seq, prev.Seq, prev.Seq, r.Seq)}
		case r.At.Before(prev.At):
			return &ChainError{r.Seq, ChainBackdated, fmt.Sprintf("record %d is dated before record %d", r.Seq, prev.Seq)}
		}
		prev = r
	}
	return nil
}
