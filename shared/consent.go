package agentiq

import (
	"fmt"
	"regexp"
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
