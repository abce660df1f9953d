// Package consent registers consent evidence: events given or withdrawn
// (one at a time, from a seller's existing register in bulk, or from an
// opt-out a buyer sent), each stored once and audited, with subjects known
// only by keyed pseudonyms of their phone or e-mail.
package consent

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/pii"
)

// Registrar is the part of the store consent registration needs.
type Registrar interface {
	RegisterConsent(ctx context.Context, e agentiq.ConsentEvent) (created bool, err error)
}

// OptOutStore is what recording an opt-out needs.
type OptOutStore interface {
	Registrar
	RecordOptOut(ctx context.Context, seller, subjectKey string, at time.Time, evidence string) error
}

// DefaultJurisdiction is the law a consent falls under unless it says.
const DefaultJurisdiction = "RU"

// Withdrawal methods of opt-outs.
const (
	MethodWBChat    = "wb_chat_message" // "не пишите мне больше" in the WB buyer chat
	MethodStopReply = "stop_reply"      // a STOP reply an integrator reported
)

// Register registers one consent event (the jurisdiction defaults to RU).
// created is false when its record id was already registered with the
// same content.
func Register(ctx context.Context, st Registrar, e agentiq.ConsentEvent) (created bool, err error) {
	if e.Jurisdiction == "" {
		e.Jurisdiction = DefaultJurisdiction
	}
	created, err = st.RegisterConsent(ctx, e)
	if err != nil {
		return false, fmt.Errorf("consent %s: %w", e.RecordID, err)
	}
	return created, nil
}

// WithdrawForOptOut turns an opt-out into the register's terms: a
// withdrawal of both purposes (advertising and pd_marketing) on every
// channel, dated when the buyer sent it, with the message (eventID) as
// evidence, and marks the subject opted out. Its record ids derive from
// the message, so that handling the same message again registers nothing
// twice. channel is where the opt-out came (the events' source); method
// is MethodWBChat or MethodStopReply.
func WithdrawForOptOut(ctx context.Context, st OptOutStore, seller, subjectKey string, channel agentiq.Channel, at time.Time, eventID, method string) ([]agentiq.ConsentEvent, error) {
	switch {
	case method != MethodWBChat && method != MethodStopReply:
		return nil, fmt.Errorf("opt-out: %w: method %q (want %s or %s)", agentiq.ErrInvalid, method, MethodWBChat, MethodStopReply)
	case eventID == "":
		return nil, fmt.Errorf("opt-out: %w: no event id to keep as evidence", agentiq.ErrInvalid)
	case !channel.Valid():
		return nil, fmt.Errorf("opt-out: %w: channel %q", agentiq.ErrInvalid, channel)
	}
	var out []agentiq.ConsentEvent
	for _, purpose := range []string{agentiq.PurposeAdvertising, agentiq.PurposePDMarketing} {
		e := agentiq.ConsentEvent{SellerID: seller, RecordID: OptOutRecordID(seller, subjectKey, eventID, purpose),
			SubjectKey: subjectKey, Action: agentiq.ConsentWithdrawn, Purpose: purpose, Channel: "*", At: at.UTC(),
			Method: method, Source: string(channel), EvidenceRef: eventID, CollectedBy: "agentiq",
			Jurisdiction: DefaultJurisdiction}
		if _, err := Register(ctx, st, e); err != nil {
			return out, fmt.Errorf("opt-out: %w", err)
		}
		out = append(out, e)
	}
	if err := st.RecordOptOut(ctx, seller, subjectKey, at.UTC(), eventID); err != nil {
		return out, fmt.Errorf("opt-out: %w", err)
	}
	return out, nil
}

// OptOutRecordID is the record id of the withdrawal an opt-out message
// makes for a purpose.
func OptOutRecordID(seller, subjectKey, eventID, purpose string) string {
	h := sha256.New()
	for _, p := range []string{seller, subjectKey, eventID, purpose} {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return "optout-" + purpose + "-" + hex.EncodeToString(h.Sum(nil)[:12])
}

// ErrSubject is a subject id that is neither a phone number nor an e-mail
// address.
var ErrSubject = errors.New("subject is neither a phone number nor an e-mail address")

// SubjectKeys returns the function that turns a caller's subject id (a
// phone number in any usual writing, or an e-mail address) into its keyed
// pseudonym: the same person gets the same key however the id is written.
// The raw id is not kept or put in an error.
func SubjectKeys(p *pii.Pseudonymizer) func(raw string) (string, error) {
	return func(raw string) (string, error) {
		ns, id, err := NormalizeSubject(raw)
		if err != nil {
			return "", err
		}
		return p.Pseudonym(ns, id), nil
	}
}

// NormalizeSubject returns the pseudonym namespace ("phone" or "email")
// and the canonical form of a subject id: an e-mail address in lower
// case; a phone number as its digits, Russian numbers as 7XXXXXXXXXX
// (8 916 …, +7 (916) …, 916 … alike).
func NormalizeSubject(raw string) (namespace, id string, err error) {
	s := strings.TrimSpace(raw)
	if at := strings.LastIndexByte(s, '@'); at > 0 && at < len(s)-1 && !strings.ContainsAny(s, " \t,;<>") && strings.Contains(s[at:], ".") {
		return "email", strings.ToLower(s), nil
	}
	var digits []byte
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits = append(digits, c)
		case strings.IndexByte(" +-().", c) >= 0:
		default:
			return "", "", ErrSubject
		}
	}
	switch {
	case len(digits) == 11 && digits[0] == '8':
		digits[0] = '7'
	case len(digits) == 10 && digits[0] == '9':
		digits = append([]byte{'7'}, digits...)
	}
	if len(digits) < 10 || len(digits) > 15 {
		return "", "", ErrSubject
	}
	return "phone", string(digits), nil
}
