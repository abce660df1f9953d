package respond

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/pii"
	"github.com/agentiq/agentiq/shared/wb"
)

// Errors of the operator's and the integrator's requests.
var (
	// ErrBusy: another worker is sending this message right now; ask
	// again later (its lease runs out if it stopped).
	ErrBusy = errors.New("respond: the message is being sent by another worker")
	// ErrResolved: the moderation item was already settled otherwise.
	ErrResolved = errors.New("respond: the moderation item is already resolved")
	// ErrWrongKind: the action does not fit the item (approving an
	// unknown send, settling a draft).
	ErrWrongKind = errors.New("respond: the action does not fit this moderation item")
	// ErrUnknownChat: the seller has no such chat.
	ErrUnknownChat = errors.New("respond: unknown chat")
)

// MaxSendRunes is the longest text WB's buyer chat takes.
const MaxSendRunes = 1000

// onceStore is what deciding outside the inbox needs besides the
// responder's store: first answers recorded with their audit entries
// (the lock of a resolution or a trigger), and the consent register.
type onceStore interface {
	agentiq.IdempotencyStore
	agentiq.ConsentStore
}

func (r *Responder) onceStore() (onceStore, error) {
	os, ok := r.cfg.Store.(onceStore)
	if !ok {
		return nil, fmt.Errorf("respond: the store %T keeps no idempotency records", r.cfg.Store)
	}
	return os, nil
}

// checkText checks a text a human or a CRM wants sent.
func checkText(text string) error {
	switch n := utf8.RuneCountInString(text); {
	case !utf8.ValidString(text):
		return fmt.Errorf("%w: the text is not valid UTF-8", agentiq.ErrInvalid)
	case n == 0 || strings.TrimSpace(text) == "":
		return fmt.Errorf("%w: the text is empty", agentiq.ErrInvalid)
	case n > MaxSendRunes:
		return fmt.Errorf("%w: the text has %d characters, WB takes at most %d", agentiq.ErrInvalid, n, MaxSendRunes)
	}
	return nil
}

// deliver sends an allowed message to a WB chat through the send record
// (the lock: created before WB is called, keyed by the decision id). A
// record that already exists is finished, never sent again.
func (r *Responder) deliver(ctx context.Context, s agentiq.Seller, chat agentiq.ChatState, rec agentiq.DecisionRecord, text string) (agentiq.SendRecord, error) {
	sender, err := r.cfg.Senders.Sender(ctx, s)
	if err != nil {
		return agentiq.SendRecord{}, fmt.Errorf("respond: WB client for %s: %w", s.ID, err)
	}
	decided, err := json.Marshal(rec)
	if err != nil {
		return agentiq.SendRecord{}, err
	}
	sr := agentiq.SendRecord{SellerID: s.ID, DecisionID: rec.DecisionID, Channel: agentiq.ChannelWBChat, ChatID: chat.ChatID,
		EventID: rec.EventID, Marketing: rec.MessageType == agentiq.Marketing, Status: agentiq.SendPending,
		CreatedAt: r.cfg.Now().UTC(), Draft: pii.Redact(text), Decision: decided}
	if err := r.cfg.Store.CreateSend(ctx, sr); err != nil {
		if !errors.Is(err, agentiq.ErrExists) {
			return sr, err
		}
		prior, gerr := r.cfg.Store.Send(ctx, s.ID, rec.DecisionID)
		if gerr != nil {
			return sr, gerr
		}
		return r.settlePrior(ctx, prior)
	}
	if err := r.step(ctx, rec.DecisionID, StepSendCreated); err != nil {
		return sr, err
	}
	sctx, cancel := context.WithTimeout(ctx, r.cfg.SendTimeout)
	out, serr := sender.Send(sctx, wb.Message{ReplySign: chat.ReplySign, Text: text})
	cancel()
	if err := r.step(ctx, rec.DecisionID, StepWBAnswered); err != nil {
		return sr, err
	}
	done, err := r.cfg.Store.FinishSend(ctx, s.ID, rec.DecisionID, outcome(out, serr, r.cfg.Now().UTC()))
	if errors.Is(err, agentiq.ErrConflict) {
		done, err = r.cfg.Store.Send(ctx, s.ID, rec.DecisionID)
	}
	if err != nil {
		return sr, err
	}
	return done, r.step(ctx, rec.DecisionID, StepSendFinished)
}

// settlePrior finishes a send record an earlier try left: a pending one
// younger than the lease belongs to a worker still sending (ErrBusy); an
// older one was abandoned mid-send and its outcome is unknown.
func (r *Responder) settlePrior(ctx context.Context, sr agentiq.SendRecord) (agentiq.SendRecord, error) {
	if sr.Status != agentiq.SendPending {
		return sr, nil
	}
	now := r.cfg.Now()
	if now.Sub(sr.CreatedAt) < r.cfg.Lease {
		return sr, ErrBusy
	}
	done, err := r.cfg.Store.FinishSend(ctx, sr.SellerID, sr.DecisionID, agentiq.SendOutcome{Status: agentiq.SendUnknown, At: now.UTC(),
		Error: "stopped while sending: WB may or may not have the message"})
	if errors.Is(err, agentiq.ErrConflict) {
		done, err = r.cfg.Store.Send(ctx, sr.SellerID, sr.DecisionID)
	}
	return done, err
}

// priorSend is the decision and finished send record of an earlier try,
// if there was one.
func (r *Responder) priorSend(ctx context.Context, seller, decisionID string) (*agentiq.SendRecord, agentiq.DecisionRecord, error) {
	var rec agentiq.DecisionRecord
	sr, err := r.cfg.Store.Send(ctx, seller, decisionID)
	if errors.Is(err, agentiq.ErrNotFound) {
		return nil, rec, nil
	}
	if err != nil {
		return nil, rec, err
	}
	if err := json.Unmarshal(sr.Decision, &rec); err != nil || rec.DecisionID == "" {
		return nil, rec, fmt.Errorf("respond: send record %s has no readable decision: %v", decisionID, err)
	}
	sr, err = r.settlePrior(ctx, sr)
	if err != nil {
		return nil, rec, err
	}
	return &sr, rec, nil
}

// sent fills a decision record from its finished send, counts the send in
// the chat (once), and returns the moderation item a human must look at
// when WB refused it or its outcome is unknown.
func (r *Responder) sent(ctx context.Context, rec *agentiq.DecisionRecord, sr agentiq.SendRecord, base agentiq.ModerationItem) (*agentiq.ModerationItem, error) {
	hold := func(id, kind, reason string) *agentiq.ModerationItem {
		m := base
		m.ID, m.Kind, m.Draft, m.Status = id, kind, sr.Draft, agentiq.ModerationPending
		m.Reasons = append(append([]string{}, rec.Reasons...), reason)
		m.RulesVersion, m.DecisionID, m.CreatedAt, m.ResolvedAt, m.Moderator = rec.RulesVersion, rec.DecisionID, r.cfg.Now().UTC(), nil, ""
		m.Scenario, m.MessageType, m.Window, m.CaseID, m.ReasonCode, m.TemplateID, m.Trigger =
			rec.Scenario, rec.MessageType, rec.Window, rec.CaseID, rec.ReasonCode, rec.TemplateID, rec.Trigger
		rec.ModerationID = m.ID
		return &m
	}
	switch sr.Status {
	case agentiq.SendSent:
		at := sr.SentTime()
		rec.Outcome, rec.SentAt = agentiq.OutcomeSent, &at
		return nil, r.count(ctx, sr, at, true)
	case agentiq.SendFailed:
		rec.Outcome, rec.Error = agentiq.OutcomeFailed, sr.Error
		return hold(sr.DecisionID, agentiq.ModerationDraft, "send_failed"), nil
	case agentiq.SendUnknown:
		rec.Outcome, rec.Error = agentiq.OutcomeUnknown, sr.Error
		if err := r.count(ctx, sr, r.cfg.Now().UTC(), false); err != nil {
			return nil, err
		}
		return hold("u-"+sr.DecisionID, agentiq.ModerationUnknownSend, "send_outcome_unknown"), nil
	}
	return nil, fmt.Errorf("respond: send %s is %s", sr.DecisionID, sr.Status)
}

// enqueue holds an item for a human (once: an item already there stays).
func (r *Responder) enqueue(ctx context.Context, m *agentiq.ModerationItem) error {
	if m == nil {
		return nil
	}
	if err := r.cfg.Store.EnqueueModeration(ctx, *m); err != nil && !errors.Is(err, agentiq.ErrExists) {
		return err
	}
	return nil
}

// recordOnce stores the answer under key with its audit entries, all or
// nothing; if an earlier try stored one, that answer is returned in out.
func recordOnce[T any](ctx context.Context, os onceStore, seller, key string, now time.Time, out *T, entries ...agentiq.AuditEntry) error {
	body, err := json.Marshal(out)
	if err != nil {
		return err
	}
	_, err = os.PutIdempotent(ctx, agentiq.IdempotencyRecord{SellerID: seller, Key: key, Response: body, CreatedAt: now,
		ExpiresAt: now.Add(agentiq.SendRetention)}, entries...)
	if errors.Is(err, agentiq.ErrExists) {
		_, err = loadOnce(ctx, os, seller, key, out)
	}
	return err
}

// loadOnce reads the answer stored under key, if any.
func loadOnce[T any](ctx context.Context, os onceStore, seller, key string, out *T) (bool, error) {
	rec, err := os.Idempotent(ctx, seller, key)
	if errors.Is(err, agentiq.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if err := json.Unmarshal(rec.Response, out); err != nil {
		return false, fmt.Errorf("respond: stored answer %s: %w", key, err)
	}
	return true, nil
}

func entry(at time.Time, kind, ref string, v any) (agentiq.AuditEntry, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return agentiq.AuditEntry{}, err
	}
	return agentiq.AuditEntry{At: at, Kind: kind, Ref: ref, Data: data}, nil
}
