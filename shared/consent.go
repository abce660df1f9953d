package agentiq

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Consent actions: the register is append-only; the state of a subject's
// consent is derived from its events, never overwritten.
const (
	ConsentGiven     = "given"
	ConsentWithdrawn = "withdrawn"
)

// Consent purposes.
const (
	PurposeAdvertising = "advertising"  // 38-FZ art. 18: advertising by telecommunication networks
	PurposePDMarketing = "pd_marketing" // 152-FZ art. 15: personal data processed for marketing
)

// ConsentEvent is one entry of a seller's consent register: what ISO/IEC
// TS 27560 and 152-FZ art. 9 expect of consent evidence. The subject is
// known only by a keyed pseudonym of their phone or e-mail.
type ConsentEvent struct {
	SellerID   string    `json:"seller_id"`
	RecordID   string    `json:"record_id"` // unique per seller; importing the same record twice stores it once
	SubjectKey string    `json:"subject_key"`
	Action     string    `json:"action"`  // given or withdrawn
	Purpose    string    `json:"purpose"` // advertising or pd_marketing
	Channel    string    `json:"channel"` // a channel, or "*" for every channel
	At         time.Time `json:"at"`      // when the subject gave or withdrew it
	// How and where it was collected (web_form, checkout_checkbox, qr,
	// app, sms_reply …), or for a withdrawal how it was withdrawn
	// (wb_chat_message, stop_reply, unsubscribe_link, operator …).
	Method string `json:"method"`
	Source string `json:"source,omitempty"` // the form, page or campaign
	// The exact consent text shown: its version and SHA-256.
	TextVersion string `json:"text_version,omitempty"`
	TextSHA256  string `json:"text_sha256,omitempty"`
	EvidenceRef string `json:"evidence_ref"`           // e.g. the form submission id, the message's event id
	CollectedBy string `json:"collected_by,omitempty"` // who collected it (a system or an operator)
	// Jurisdiction whose law applies (RU by default).
	Jurisdiction string    `json:"jurisdiction,omitempty"`
	RecordedAt   time.Time `json:"recorded_at"` // when agentiq registered it
}

var recordIDRe = regexp.MustCompile(`^[A-Za-z0-9_.:-]{1,128}$`)

// IsSHA256Hex reports whether s is a SHA-256 digest in lower-case hex, as
// a consent text's fingerprint (text_sha256) is written.
func IsSHA256Hex(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !(s[i] >= '0' && s[i] <= '9' || s[i] >= 'a' && s[i] <= 'f') {
			return false
		}
	}
	return true
}

// Validate checks a consent event before it is registered.
func (e ConsentEvent) Validate() error {
	switch {
	case e.SellerID == "" || e.SubjectKey == "":
		return fmt.Errorf("%w: consent event needs a seller and a subject", ErrInvalid)
	case !recordIDRe.MatchString(e.RecordID):
		return fmt.Errorf("%w: consent record id %q: want 1–128 letters, digits, _ . : -", ErrInvalid, e.RecordID)
	case e.Action != ConsentGiven && e.Action != ConsentWithdrawn:
		return fmt.Errorf("%w: consent action %q (want given or withdrawn)", ErrInvalid, e.Action)
	case e.Purpose != PurposeAdvertising && e.Purpose != PurposePDMarketing:
		return fmt.Errorf("%w: consent purpose %q (want advertising or pd_marketing)", ErrInvalid, e.Purpose)
	case e.Channel != "*" && !Channel(e.Channel).Valid():
		return fmt.Errorf("%w: consent channel %q (want a channel or *)", ErrInvalid, e.Channel)
	case e.At.IsZero():
		return fmt.Errorf("%w: consent event without a time", ErrInvalid)
	case e.Method == "":
		return fmt.Errorf("%w: consent event without a method (how it was collected or withdrawn)", ErrInvalid)
	case e.Action == ConsentGiven && e.EvidenceRef == "":
		return fmt.Errorf("%w: a given consent needs an evidence reference", ErrInvalid)
	}
	for _, s := range []string{e.Method, e.Source, e.TextVersion, e.TextSHA256, e.EvidenceRef, e.CollectedBy, e.Jurisdiction} {
		if !utf8.ValidString(s) || len(s) > 1024 {
			return fmt.Errorf("%w: consent record %s: a field is not valid UTF-8 or longer than 1024 bytes", ErrInvalid, e.RecordID)
		}
	}
	return nil
}

// Fingerprint identifies what a consent event says, leaving out when
// agentiq registered it: registering the same record again is then
// recognised as the same, and a different event under a used record id is
// refused.
func (e ConsentEvent) Fingerprint() string {
	e.RecordedAt = time.Time{}
	e.At = e.At.UTC()
	b, _ := json.Marshal(e) // a struct of strings and times always encodes
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// ConsentGrant is a given consent as seen from one channel: when it was
// given and, if so, when it was first withdrawn for that channel. It is
// derived from the register's events, never stored.
type ConsentGrant struct {
	RecordID    string     `json:"record_id"`
	Purpose     string     `json:"purpose"`
	Channel     string     `json:"channel"` // the channel it was given for, or "*"
	GrantedAt   time.Time  `json:"granted_at"`
	WithdrawnAt *time.Time `json:"withdrawn_at,omitempty"`
	// WithdrawnBy is the record id of the withdrawal.
	WithdrawnBy string `json:"withdrawn_by,omitempty"`
	Method      string `json:"method"`
	Source      string `json:"source,omitempty"`
	EvidenceRef string `json:"evidence_ref"`
}

// InForce reports whether the grant counts at t (POLICY.md §4.3: given at
// or before t, not withdrawn at or before t).
func (g ConsentGrant) InForce(t time.Time) bool {
	return !g.GrantedAt.After(t) && (g.WithdrawnAt == nil || g.WithdrawnAt.After(t))
}

// covers reports whether an event for channel c applies to channel ch.
func covers(c string, ch Channel) bool { return c == "*" || ch == "" || c == string(ch) }

// ConsentGrants derives, from a subject's consent events in any order, the
// consents that apply to channel ch (every channel when ch is ""): each
// given consent for ch or "*", withdrawn by the first withdrawal of its
// purpose for ch or "*" dated at or after it. A withdrawal for one channel
// does not withdraw a "*" consent for the others; a consent given again
// after a withdrawal is a new grant. Grants come in time order.
func ConsentGrants(events []ConsentEvent, ch Channel) []ConsentGrant {
	sorted := slices.Clone(events)
	slices.SortStableFunc(sorted, func(a, b ConsentEvent) int {
		if c := a.At.Compare(b.At); c != 0 {
			return c
		}
		return strings.Compare(a.RecordID, b.RecordID)
	})
	var out []ConsentGrant
	for _, e := range sorted {
		if !covers(e.Channel, ch) {
			continue
		}
		switch e.Action {
		case ConsentGiven:
			out = append(out, ConsentGrant{RecordID: e.RecordID, Purpose: e.Purpose, Channel: e.Channel,
				GrantedAt: e.At, Method: e.Method, Source: e.Source, EvidenceRef: e.EvidenceRef})
		case ConsentWithdrawn:
			for i := range out {
				g := &out[i]
				// "for ch" withdraws a "*" grant for ch only; seen from
				// every channel (ch == "") only a "*" withdrawal or one
				// for the grant's own channel withdraws it.
				applies := e.Channel == "*" || e.Channel == g.Channel || ch != ""
				if g.Purpose == e.Purpose && g.WithdrawnAt == nil && applies && !g.GrantedAt.After(e.At) {
					at := e.At
					g.WithdrawnAt, g.WithdrawnBy = &at, e.RecordID
				}
			}
		}
	}
	return out
}

// ConsentState returns the record ids of the consents for purpose in force
// on channel ch at t, derived from the subject's events: empty when there
// is none.
func ConsentState(events []ConsentEvent, purpose string, ch Channel, t time.Time) []string {
	var ids []string
	for _, g := range ConsentGrants(events, ch) {
		if g.Purpose == purpose && g.InForce(t) {
			ids = append(ids, g.RecordID)
		}
	}
	return ids
}

// ConsentAudit is the data of an audit record of kind "consent": the event
// as registered (the subject by pseudonym only) and its fingerprint.
type ConsentAudit struct {
	ConsentEvent
	Fingerprint string `json:"fingerprint"`
}

// PrepareConsent readies an event for the register, as every store
// writes it: validated, times in UTC (recorded now when unset), with its
// fingerprint and the audit entry registering it.
func PrepareConsent(e ConsentEvent, now time.Time) (ConsentEvent, string, AuditEntry, error) {
	if err := e.Validate(); err != nil {
		return e, "", AuditEntry{}, err
	}
	if e.RecordedAt.IsZero() {
		e.RecordedAt = now
	}
	e.At, e.RecordedAt = e.At.UTC(), e.RecordedAt.UTC()
	fp := e.Fingerprint()
	data, err := json.Marshal(ConsentAudit{ConsentEvent: e, Fingerprint: fp})
	if err != nil {
		return e, "", AuditEntry{}, fmt.Errorf("encode consent: %w", err)
	}
	entry := AuditEntry{At: e.RecordedAt, Kind: AuditConsent, Ref: e.RecordID, Data: data}
	if err := ValidateEntry(entry); err != nil {
		return e, "", AuditEntry{}, err
	}
	return e, fp, entry, nil
}
