package respond

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/pii"
	"github.com/agentiq/agentiq/shared/policy"
)

// TriggerRequest is a seller's CRM asking for a message.
type TriggerRequest struct {
	// Key makes the request idempotent: the same key is the same message.
	Key string
	// Operator is who asked (the integrator's identity).
	Operator string
	Channel  agentiq.Channel
	ChatID   string // wb_chat
	// SubjectKey is the pseudonym of the person on an external channel.
	SubjectKey string
	// OrgType is the sender's organisation type (external channels; 41-FZ).
	OrgType string
	// Text, or a template of the seller's catalogue (its text, scenario,
	// type and window are the defaults of those not given).
	Text        string
	TemplateID  string
	Scenario    agentiq.Scenario
	MessageType agentiq.MessageType
	Window      agentiq.Window
	CaseID      string
	ReasonCode  string
}

// TriggerResult is the decision on a trigger and what came of it.
type TriggerResult struct {
	DecisionID   string           `json:"decision_id"`
	Channel      agentiq.Channel  `json:"channel"`
	ChatID       string           `json:"chat_id,omitempty"`
	SubjectKey   string           `json:"subject_key,omitempty"`
	Decision     agentiq.Verdict  `json:"decision"`
	Reasons      []string         `json:"reasons"`
	Priority     agentiq.Priority `json:"priority,omitempty"`
	RulesVersion string           `json:"rules_version"`
	Outcome      agentiq.Outcome  `json:"outcome"`
	// ConsentEvidence are the evidence references of the consents the
	// decision relied on (external marketing), and ConsentRecords their
	// record ids in the consent register.
	ConsentEvidence []string   `json:"consent_evidence"`
	ConsentRecords  []string   `json:"consent_records,omitempty"`
	ModerationID    string     `json:"moderation_id,omitempty"` // held for a human
	SentAt          *time.Time `json:"sent_at,omitempty"`
	Error           string     `json:"error,omitempty"`
	DecidedAt       time.Time  `json:"decided_at"`
}

// TriggerID is the decision id of a trigger.
func TriggerID(seller, key string) string { return agentiq.DecisionID(seller, "trigger", key) }

// Trigger decides a CRM's message through the one policy decision, with
// trigger integration. To a WB chat, an allowed message is sent through
// the send record keyed by TriggerID (the lock), a review holds it for a
// human, a deny is recorded and never reaches WB. To an external channel
// the decision is returned (outcome returned; refused when denied) and
// delivery stays with the caller. Either way one decision record is
// appended, in the same write as the answer kept under the key, so a
// retry returns the first answer and has no second effect.
func (r *Responder) Trigger(ctx context.Context, seller string, tr TriggerRequest) (TriggerResult, error) {
	os, err := r.onceStore()
	if err != nil {
		return TriggerResult{}, err
	}
	if tr.Key == "" {
		return TriggerResult{}, fmt.Errorf("%w: a trigger needs a key", agentiq.ErrInvalid)
	}
	s, err := r.cfg.Store.Seller(ctx, seller)
	if err != nil {
		return TriggerResult{}, err
	}
	id := TriggerID(seller, tr.Key)
	key := "trigger/" + id
	var out TriggerResult
	if found, err := loadOnce(ctx, os, seller, key, &out); err != nil || found {
		return out, err
	}
	text, err := r.triggerText(s, &tr)
	if err != nil {
		return out, err
	}
	now := r.cfg.Now().UTC()
	req := &policy.Request{ID: id, Now: now, Channel: tr.Channel, Sender: policy.Sender{OrgType: tr.OrgType},
		Message: policy.Message{Text: text, MessageType: tr.MessageType, Scenario: tr.Scenario, MarketingWindow: tr.Window,
			CaseID: tr.CaseID, ReasonCode: tr.ReasonCode, Trigger: agentiq.TriggerIntegration, TemplateID: tr.TemplateID, Operator: tr.Operator}}
	if req.Sender.OrgType == "" {
		req.Sender.OrgType = "seller"
	}
	rec := agentiq.DecisionRecord{DecisionID: id, Channel: tr.Channel, Trigger: agentiq.TriggerIntegration, Operator: tr.Operator,
		DecidedAt: now, DryRun: s.DryRun}
	var follow *agentiq.ModerationItem
	var evidence []string
	if tr.Channel == agentiq.ChannelWBChat {
		rec.ChatID = tr.ChatID
		follow, err = r.triggerChat(ctx, s, req, &rec, text)
	} else {
		rec.SubjectKey = tr.SubjectKey
		evidence, err = r.triggerExternal(ctx, os, seller, req, &rec, text)
	}
	if err != nil {
		return out, err
	}
	if err := r.enqueue(ctx, follow); err != nil {
		return out, err
	}
	out = TriggerResult{DecisionID: id, Channel: rec.Channel, ChatID: rec.ChatID, SubjectKey: rec.SubjectKey, Decision: rec.Decision,
		Reasons: rec.Reasons, Priority: rec.Priority, RulesVersion: rec.RulesVersion, Outcome: rec.Outcome,
		ConsentEvidence: evidence, ConsentRecords: slices.Clone(rec.ConsentIDs), ModerationID: rec.ModerationID, SentAt: rec.SentAt, Error: rec.Error, DecidedAt: rec.DecidedAt}
	if out.ConsentEvidence == nil {
		out.ConsentEvidence = []string{}
	}
	e, err := entry(rec.DecidedAt, agentiq.AuditDecision, id, rec)
	if err != nil {
		return out, err
	}
	if err := recordOnce(ctx, os, seller, key, now, &out, e); err != nil {
		return out, err
	}
	r.cfg.Logger.Info("triggered", "seller", seller, "decision_id", id, "channel", out.Channel, "decision", out.Decision,
		"reasons", out.Reasons, "outcome", out.Outcome)
	return out, r.step(ctx, id, StepAudited)
}

// triggerText checks a trigger and returns the text to decide.
func (r *Responder) triggerText(s agentiq.Seller, tr *TriggerRequest) (string, error) {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: "+format, append([]any{agentiq.ErrInvalid}, a...)...)
	}
	switch {
	case !tr.Channel.Valid():
		return "", bad("unknown channel %q", tr.Channel)
	case tr.Channel == agentiq.ChannelWBChat && tr.ChatID == "":
		return "", bad("a WB chat message needs a chat_id")
	case tr.Channel.External() && tr.SubjectKey == "":
		return "", bad("a message on %s needs a subject_key", tr.Channel)
	case tr.Text == "" && tr.TemplateID == "":
		return "", bad("a message needs a text or a template_id")
	}
	text := tr.Text
	if tr.TemplateID != "" {
		replies := s.Replies
		if replies == nil {
			replies, _ = DefaultReplies()
		}
		t, ok := replies.Template(tr.TemplateID)
		if !ok && text == "" {
			return "", bad("the seller has no template %q", tr.TemplateID)
		}
		if ok {
			if text == "" {
				text = t.Fill(nil)
			}
			if tr.Scenario == "" && tr.MessageType == "" {
				tr.Scenario, tr.MessageType = t.Scenario, t.MessageType
			}
			if tr.Window == "" {
				tr.Window = t.Window
			}
		}
	}
	if tr.Scenario == "" && tr.MessageType == "" {
		return "", bad("a message needs a scenario or a message_type")
	}
	return text, checkText(text)
}

// triggerChat decides and carries out a trigger to a WB chat.
func (r *Responder) triggerChat(ctx context.Context, s agentiq.Seller, req *policy.Request, rec *agentiq.DecisionRecord, text string) (*agentiq.ModerationItem, error) {
	chat, err := r.cfg.Store.Chat(ctx, s.ID, rec.ChatID)
	if errors.Is(err, agentiq.ErrNotFound) {
		return nil, fmt.Errorf("%w: %s", ErrUnknownChat, rec.ChatID)
	}
	if err != nil {
		return nil, err
	}
	base := agentiq.ModerationItem{SellerID: s.ID, ChatID: rec.ChatID}
	// An earlier try got as far as sending: finish it.
	prior, decided, err := r.priorSend(ctx, s.ID, rec.DecisionID)
	if err != nil {
		return nil, err
	}
	if prior != nil {
		*rec = decided
		return r.sent(ctx, rec, *prior, base)
	}
	req.Chat = ChatFacts(chat)
	d, err := r.cfg.Engine.Decide(req)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", agentiq.ErrInvalid, err)
	}
	describe(rec, req, d, text)
	if err := r.step(ctx, rec.DecisionID, StepDecided); err != nil {
		return nil, err
	}
	switch {
	case d.Decision == agentiq.Deny:
		rec.Outcome = agentiq.OutcomeRefused
		return nil, nil
	case d.Decision == agentiq.Review:
		rec.Outcome, rec.ModerationID = agentiq.OutcomeHeld, rec.DecisionID
		return &agentiq.ModerationItem{SellerID: s.ID, ID: rec.DecisionID, Kind: agentiq.ModerationDraft, ChatID: rec.ChatID,
			Draft: pii.Redact(text), Reasons: slices.Clone(rec.Reasons), RulesVersion: rec.RulesVersion, Status: agentiq.ModerationPending,
			CreatedAt: rec.DecidedAt, Scenario: rec.Scenario, MessageType: rec.MessageType, Window: rec.Window, CaseID: rec.CaseID,
			ReasonCode: rec.ReasonCode, TemplateID: rec.TemplateID, Trigger: rec.Trigger, DecisionID: rec.DecisionID}, nil
	case s.DryRun:
		rec.Outcome = agentiq.OutcomeDryRun
		return nil, nil
	case chat.ReplySign == "":
		rec.Outcome, rec.Error = agentiq.OutcomeFailed, "the chat has no reply signature from WB yet"
		rec.Reasons = append(rec.Reasons, "no_reply_sign")
		return nil, nil
	}
	sr, err := r.deliver(ctx, s, chat, *rec, text)
	if err != nil {
		return nil, err
	}
	return r.sent(ctx, rec, sr, base)
}

// triggerExternal decides a message on an external channel from the
// subject's consent register, opt-out and marketing history, and returns
// the evidence references of the consents it relied on. An allowed
// marketing message counts against the subject's caps at once: the caller
// is about to deliver it, and counting it twice after a crash errs on the
// safe side.
func (r *Responder) triggerExternal(ctx context.Context, os onceStore, seller string, req *policy.Request, rec *agentiq.DecisionRecord, text string) ([]string, error) {
	sub, err := os.Subject(ctx, seller, rec.SubjectKey)
	known := err == nil
	if err != nil && !errors.Is(err, agentiq.ErrNotFound) {
		return nil, err
	}
	events, err := os.ConsentEvents(ctx, seller, rec.SubjectKey)
	if err != nil && !errors.Is(err, agentiq.ErrNotFound) {
		return nil, err
	}
	req.Subject = policy.SubjectFromRegister(sub, events, req.Channel)
	d, err := r.cfg.Engine.Decide(req)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", agentiq.ErrInvalid, err)
	}
	describe(rec, req, d, text)
	rec.Outcome = agentiq.OutcomeReturned
	if d.Decision == agentiq.Deny {
		rec.Outcome = agentiq.OutcomeRefused
	}
	if (known || len(events) > 0) && d.Decision == agentiq.Allow && rec.MessageType == agentiq.Marketing && !rec.DryRun {
		if err := os.RecordMarketing(ctx, seller, rec.SubjectKey, req.Channel, req.Now); err != nil {
			return nil, err
		}
	}
	return slices.Clone(d.Consents), nil
}
