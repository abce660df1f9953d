package api

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/consent"
)

// The consent register's routes. A subject arrives as the caller's raw
// phone number or e-mail address and leaves as its keyed pseudonym only:
// the raw id is never stored, logged or put in an answer (not even an
// error's).

// ConsentRequest is an integrator's consent event: the import line's
// shape (consent.Line), one at a time.
type ConsentRequest = consent.Line

// ConsentAnswer is a registered event as the register holds it.
type ConsentAnswer struct {
	Created bool                 `json:"created"` // false: the record id was already registered with this content
	Event   agentiq.ConsentEvent `json:"event"`
}

// subjectKey pseudonymises a raw subject id; its error names no value.
func (h *Handler) subjectKey(raw string) (string, error) {
	if h.cfg.SubjectKeys == nil {
		return "", internal(errors.New("api: no subject pseudonymizer configured"))
	}
	if strings.TrimSpace(raw) == "" {
		return "", apiErr(400, "invalid_subject", "The subject (the phone number or e-mail address the consent was collected for) is required.")
	}
	key, err := h.cfg.SubjectKeys(raw)
	if err != nil {
		return "", apiErr(400, "invalid_subject", "The subject is neither a phone number nor an e-mail address.")
	}
	return key, nil
}

func (h *Handler) registerConsent(ctx context.Context, r *request) (int, any, error) {
	var b ConsentRequest
	if err := decode(r.body, &b); err != nil {
		return 0, nil, err
	}
	key, err := h.subjectKey(b.Subject)
	if err != nil {
		return 0, nil, err
	}
	sha := strings.ToLower(b.TextSHA256)
	if sha != "" && !agentiq.IsSHA256Hex(sha) {
		return 0, nil, apiErr(400, "invalid_request", "text_sha256 must be 64 hexadecimal digits.")
	}
	if b.CollectedBy == "" {
		b.CollectedBy = r.who.sub
	}
	e := agentiq.ConsentEvent{SellerID: r.seller.ID, RecordID: b.RecordID, SubjectKey: key, Action: b.Action, Purpose: b.Purpose,
		Channel: b.Channel, At: b.At.UTC(), Method: b.Method, Source: b.Source, TextVersion: b.TextVersion, TextSHA256: sha,
		EvidenceRef: b.EvidenceRef, CollectedBy: b.CollectedBy, Jurisdiction: b.Jurisdiction}
	created, err := consent.Register(ctx, h.cfg.Store, e)
	if errors.Is(err, agentiq.ErrConflict) {
		return 0, nil, apiErr(409, "consent_record_conflict", "This record id is already registered with different content; a register is append-only, so a correction is a new record.")
	}
	if err != nil {
		return 0, nil, err
	}
	stored, err := h.storedEvent(ctx, r.seller.ID, key, e.RecordID)
	if err != nil {
		return 0, nil, err
	}
	status := 200
	if created {
		status = 201
	}
	return status, ConsentAnswer{Created: created, Event: stored}, nil
}

// storedEvent reads a registered event back, with the time the store
// registered it.
func (h *Handler) storedEvent(ctx context.Context, seller, subjectKey, recordID string) (agentiq.ConsentEvent, error) {
	evs, err := h.cfg.Store.ConsentEvents(ctx, seller, subjectKey)
	if err != nil {
		return agentiq.ConsentEvent{}, internal(err)
	}
	for _, e := range evs {
		if e.RecordID == recordID {
			return e, nil
		}
	}
	return agentiq.ConsentEvent{}, internal(fmt.Errorf("consent %s: registered but not found", recordID))
}

// OptOutRequest is a STOP-style reply an integrator received on an
// external channel.
type OptOutRequest struct {
	Subject   string          `json:"subject"`
	Channel   agentiq.Channel `json:"channel"`
	MessageID string          `json:"message_id"`
	At        *time.Time      `json:"at"` // when the subject sent it (default: now)
}

// OptOutAnswer is what an opt-out registered.
type OptOutAnswer struct {
	SubjectKey string                 `json:"subject_key"`
	OptedOutAt time.Time              `json:"opted_out_at"`
	Events     []agentiq.ConsentEvent `json:"events"`
}

func (h *Handler) createOptOut(ctx context.Context, r *request) (int, any, error) {
	var b OptOutRequest
	if err := decode(r.body, &b); err != nil {
		return 0, nil, err
	}
	key, err := h.subjectKey(b.Subject)
	if err != nil {
		return 0, nil, err
	}
	switch {
	case !b.Channel.Valid() || b.Channel == agentiq.ChannelWBChat:
		return 0, nil, apiErr(400, "invalid_request", "channel must be an external channel (whatsapp, telegram, viber, max, vk, sms, email); WB chat opt-outs are read by the responder.")
	case strings.TrimSpace(b.MessageID) == "" || len(b.MessageID) > 256:
		return 0, nil, apiErr(400, "invalid_request", "message_id (the reply's id, kept as evidence) is required, at most 256 bytes.")
	}
	at := h.cfg.Now().UTC()
	if b.At != nil {
		if b.At.After(at.Add(5 * time.Minute)) {
			return 0, nil, apiErr(400, "invalid_request", "at is in the future.")
		}
		at = b.At.UTC()
	}
	evs, err := consent.WithdrawForOptOut(ctx, h.cfg.Store, r.seller.ID, key, b.Channel, at, b.MessageID, consent.MethodStopReply)
	if errors.Is(err, agentiq.ErrConflict) {
		return 0, nil, apiErr(409, "consent_record_conflict", "This message id was already reported as an opt-out with another time or channel.")
	}
	if err != nil {
		return 0, nil, err
	}
	out := make([]agentiq.ConsentEvent, 0, len(evs))
	for _, e := range evs {
		s, err := h.storedEvent(ctx, r.seller.ID, key, e.RecordID)
		if err != nil {
			return 0, nil, err
		}
		out = append(out, s)
	}
	return 200, OptOutAnswer{SubjectKey: key, OptedOutAt: at, Events: out}, nil
}

// ConsentList is the officer's look-up: a subject's events and the
// consents derived from them, or a period's events a page at a time.
type ConsentList struct {
	SubjectKey string                 `json:"subject_key,omitempty"`
	Events     []agentiq.ConsentEvent `json:"events"`
	Grants     []agentiq.ConsentGrant `json:"grants,omitempty"` // by subject: every channel's consents, derived
	Count      int                    `json:"count"`
	NextCursor string                 `json:"next_cursor,omitempty"` // by period: the next page's cursor
}

var errPageFull = errors.New("page full")

func (h *Handler) listConsents(ctx context.Context, r *request) (int, any, error) {
	if _, ok := r.query["subject"]; ok {
		return h.subjectConsents(ctx, r)
	}
	from, to, err := timeRange(r, h.cfg.Now())
	if err != nil {
		return 0, nil, err
	}
	limit, err := intParam(r, "limit", 100, 1, maxRecords)
	if err != nil {
		return 0, nil, err
	}
	var afterAt time.Time
	var afterID string
	if c := r.query.Get("cursor"); c != "" {
		if afterAt, afterID, err = parseCursor(c); err != nil {
			return 0, nil, err
		}
		if afterAt.After(from) {
			from = afterAt
		}
	}
	out := ConsentList{Events: []agentiq.ConsentEvent{}}
	err = h.cfg.Store.ConsentEventsBetween(ctx, r.seller.ID, from, to, func(e agentiq.ConsentEvent) error {
		if afterID != "" && (e.At.Before(afterAt) || e.At.Equal(afterAt) && e.RecordID <= afterID) {
			return nil
		}
		if len(out.Events) == limit {
			last := out.Events[limit-1]
			out.NextCursor = cursor(last.At, last.RecordID)
			return errPageFull
		}
		out.Events = append(out.Events, e)
		return nil
	})
	if err != nil && !errors.Is(err, errPageFull) {
		return 0, nil, internal(err)
	}
	out.Count = len(out.Events)
	return 200, out, nil
}

func (h *Handler) subjectConsents(ctx context.Context, r *request) (int, any, error) {
	key, err := h.subjectKey(r.query.Get("subject"))
	if err != nil {
		return 0, nil, err
	}
	evs, err := h.cfg.Store.ConsentEvents(ctx, r.seller.ID, key)
	if err != nil {
		return 0, nil, internal(err)
	}
	if evs == nil {
		evs = []agentiq.ConsentEvent{}
	}
	return 200, ConsentList{SubjectKey: key, Events: evs, Grants: agentiq.ConsentGrants(evs, ""), Count: len(evs)}, nil
}

// A cursor is the time and record id of a page's last event (the
// register's order), opaque to the caller.
func cursor(at time.Time, id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(at.UTC().Format(time.RFC3339Nano) + "|" + id))
}

func parseCursor(c string) (time.Time, string, error) {
	bad := apiErr(400, "bad_query", "cursor is not a cursor this API gave out.")
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return time.Time{}, "", bad
	}
	ts, id, ok := strings.Cut(string(b), "|")
	at, err := time.Parse(time.RFC3339Nano, ts)
	if !ok || err != nil || id == "" {
		return time.Time{}, "", bad
	}
	return at, id, nil
}
