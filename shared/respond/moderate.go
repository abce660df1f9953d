package respond

import (
	"context"
	"errors"
	"fmt"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/policy"
)

// Moderation actions, as the moderation audit record names them.
const (
	ActionApprove          = "approve"
	ActionEditApprove      = "edit_approve"
	ActionReject           = "reject"
	ActionMarkDelivered    = "mark_delivered"
	ActionMarkNotDelivered = "mark_not_delivered"
)

// Resolution is what a moderator's action on a queue item did.
type Resolution struct {
	ModerationID string                   `json:"moderation_id"`
	Action       string                   `json:"action"`
	Moderator    string                   `json:"moderator"`
	Status       agentiq.ModerationStatus `json:"status"`
	// The operator's decision (approve, edit_approve, reject): its id,
	// the policy's verdict on the draft as it stood then, and what
	// happened to it.
	DecisionID   string          `json:"decision_id,omitempty"`
	Decision     agentiq.Verdict `json:"decision,omitempty"`
	Reasons      []string        `json:"reasons"`
	RulesVersion string          `json:"rules_version,omitempty"`
	Outcome      agentiq.Outcome `json:"outcome"`
	// A failed or ambiguous send goes back to the queue as this item.
	FollowUp    string    `json:"follow_up,omitempty"`
	WaitSeconds float64   `json:"wait_seconds"`
	ResolvedAt  time.Time `json:"resolved_at"`
}

// ResolutionID is the id of the decision that settles a moderation item:
// an item is settled once, so approving and rejecting it share it.
func ResolutionID(seller, moderationID string) string {
	return agentiq.DecisionID(seller, "approve", moderationID)
}

func onceKey(moderationID string) string { return "moderation/" + moderationID }

// Approve sends a held draft (or, with editedText, the operator's
// version of it) on the operator's word. The policy decides it again on
// the chat as it is now, with the operator as operator and trigger
// operator: a deny is final and nothing is sent (the chat opted out, a
// cap was reached, the buyer's window closed); review reasons are what the
// operator has just reviewed. An allowed draft is sent once through the
// send record keyed by ResolutionID. The item is then resolved, with a
// moderation record and a decision record in the audit chain, recorded
// once: a retry of the same approval — after a crash at any step — finishes
// it or returns its first answer, and never sends or audits twice.
func (r *Responder) Approve(ctx context.Context, seller, moderationID, operator string, editedText *string) (Resolution, error) {
	os, s, item, done, err := r.moderated(ctx, seller, moderationID)
	if err != nil || done != nil {
		return r.replay(done, err, ActionApprove, ActionEditApprove)
	}
	if item.Kind == agentiq.ModerationUnknownSend {
		return Resolution{}, fmt.Errorf("%w: %s is an ambiguous send: settle it as delivered or not", ErrWrongKind, moderationID)
	}
	action, text := ActionApprove, item.Draft
	if editedText != nil {
		action, text = ActionEditApprove, *editedText
	}
	id := ResolutionID(seller, moderationID)
	prior, rec, err := r.priorSend(ctx, seller, id)
	if err != nil {
		return Resolution{}, err
	}
	if prior != nil { // an earlier try got as far as sending: finish it
		follow, err := r.sent(ctx, &rec, *prior, item)
		if err != nil {
			return Resolution{}, err
		}
		return r.resolve(ctx, os, item, actionOf(rec, item), operatorOf(rec, operator), &rec, follow)
	}
	if err := checkText(text); err != nil {
		return Resolution{}, err
	}
	chat, err := r.cfg.Store.Chat(ctx, seller, item.ChatID)
	if errors.Is(err, agentiq.ErrNotFound) {
		chat = agentiq.ChatState{SellerID: seller, ChatID: item.ChatID}
	} else if err != nil {
		return Resolution{}, err
	}
	now := r.cfg.Now().UTC()
	scenario, mtype := item.Scenario, item.MessageType
	if scenario == "" && mtype == "" {
		scenario, mtype = agentiq.ScenarioService, agentiq.Service // an item held before any draft (a failure)
	}
	req := &policy.Request{ID: id, Now: now, Channel: agentiq.ChannelWBChat, Sender: policy.Sender{OrgType: "seller"},
		Message: policy.Message{Text: text, MessageType: mtype, Scenario: scenario, MarketingWindow: item.Window, CaseID: item.CaseID,
			ReasonCode: item.ReasonCode, Trigger: agentiq.TriggerOperator, TemplateID: item.TemplateID, Operator: operator},
		Chat: ChatFacts(chat)}
	d, err := r.cfg.Engine.Decide(req)
	if err != nil {
		return Resolution{}, fmt.Errorf("%w: %v", agentiq.ErrInvalid, err)
	}
	rec = agentiq.DecisionRecord{DecisionID: id, Channel: agentiq.ChannelWBChat, ChatID: item.ChatID, EventID: item.EventID,
		Trigger: agentiq.TriggerOperator, Operator: operator, DecidedAt: now, DryRun: s.DryRun, Settles: item.ID,
		WaitSeconds: waited(item, now)}
	describe(&rec, req, d, text)
	if err := r.step(ctx, id, StepDecided); err != nil {
		return Resolution{}, err
	}
	var follow *agentiq.ModerationItem
	switch {
	case d.Decision == agentiq.Deny:
		rec.Outcome = agentiq.OutcomeRefused
	case s.DryRun:
		rec.Outcome = agentiq.OutcomeDryRun
	case chat.ReplySign == "":
		rec.Outcome, rec.Error = agentiq.OutcomeFailed, "the chat has no reply signature from WB yet"
		rec.Reasons = append(rec.Reasons, "no_reply_sign")
	default:
		sr, err := r.deliver(ctx, s, chat, rec, text)
		if err != nil {
			return Resolution{}, err
		}
		if follow, err = r.sent(ctx, &rec, sr, item); err != nil {
			return Resolution{}, err
		}
	}
	return r.resolve(ctx, os, item, action, operator, &rec, follow)
}

// Reject settles a held draft without sending it.
func (r *Responder) Reject(ctx context.Context, seller, moderationID, operator string) (Resolution, error) {
	os, _, item, done, err := r.moderated(ctx, seller, moderationID)
	if err != nil || done != nil {
		return r.replay(done, err, ActionReject)
	}
	if item.Kind == agentiq.ModerationUnknownSend {
		return Resolution{}, fmt.Errorf("%w: %s is an ambiguous send: settle it as delivered or not", ErrWrongKind, moderationID)
	}
	id := ResolutionID(seller, moderationID)
	if prior, _, err := r.priorSend(ctx, seller, id); err != nil {
		return Resolution{}, err
	} else if prior != nil {
		return Resolution{}, fmt.Errorf("%w: an approval of %s went to WB; approve again to finish it", ErrResolved, moderationID)
	}
	now := r.cfg.Now().UTC()
	rec := agentiq.DecisionRecord{DecisionID: id, Channel: agentiq.ChannelWBChat, ChatID: item.ChatID, EventID: item.EventID,
		Trigger: agentiq.TriggerOperator, Operator: operator, RulesVersion: item.RulesVersion, Reasons: []string{},
		Scenario: item.Scenario, MessageType: item.MessageType, Window: item.Window, TemplateID: item.TemplateID,
		DraftSHA256: agentiq.DraftHash(item.Draft), Excerpt: Excerpt(item.Draft), Outcome: agentiq.OutcomeRejected,
		DecidedAt: now, Settles: item.ID, WaitSeconds: waited(item, now)}
	return r.resolve(ctx, os, item, ActionReject, operator, &rec, nil)
}

// Settle records what an operator found at WB about an ambiguous send:
// delivered or not. Nothing is sent.
func (r *Responder) Settle(ctx context.Context, seller, moderationID, operator string, delivered bool) (Resolution, error) {
	os, _, item, done, err := r.moderated(ctx, seller, moderationID)
	action := ActionMarkNotDelivered
	if delivered {
		action = ActionMarkDelivered
	}
	if err != nil || done != nil {
		return r.replay(done, err, action)
	}
	if item.Kind != agentiq.ModerationUnknownSend {
		return Resolution{}, fmt.Errorf("%w: %s is a draft: approve or reject it", ErrWrongKind, moderationID)
	}
	return r.resolve(ctx, os, item, action, operator, nil, nil)
}

// moderated reads a moderation item and the answer of an earlier
// resolution of it, if there was one (then it makes sure the item shows
// resolved, which a crash may have kept from happening).
func (r *Responder) moderated(ctx context.Context, seller, id string) (onceStore, agentiq.Seller, agentiq.ModerationItem, *Resolution, error) {
	var item agentiq.ModerationItem
	os, err := r.onceStore()
	if err != nil {
		return nil, agentiq.Seller{}, item, nil, err
	}
	s, err := r.cfg.Store.Seller(ctx, seller)
	if err != nil {
		return nil, s, item, nil, err
	}
	if item, err = r.cfg.Store.Moderation(ctx, seller, id); err != nil {
		return nil, s, item, nil, err
	}
	var done Resolution
	found, err := loadOnce(ctx, os, seller, onceKey(id), &done)
	if err != nil {
		return nil, s, item, nil, err
	}
	if found {
		if item.Status == agentiq.ModerationPending {
			if _, err := r.cfg.Store.ResolveModeration(ctx, seller, id, done.Status, done.Moderator, done.ResolvedAt); err != nil &&
				!errors.Is(err, agentiq.ErrConflict) {
				return nil, s, item, nil, err
			}
		}
		return os, s, item, &done, nil
	}
	if item.Status != agentiq.ModerationPending {
		return nil, s, item, nil, fmt.Errorf("%w: %s is %s", ErrResolved, id, item.Status)
	}
	return os, s, item, nil, nil
}

// replay answers a repeated action with its first answer; another action
// on a settled item is ErrResolved.
func (r *Responder) replay(done *Resolution, err error, actions ...string) (Resolution, error) {
	if err != nil {
		return Resolution{}, err
	}
	for _, a := range actions {
		if done.Action == a {
			return *done, nil
		}
	}
	return Resolution{}, fmt.Errorf("%w: %s was settled by %s (%s)", ErrResolved, done.ModerationID, done.Action, done.Outcome)
}

// resolve records the resolution — its answer, the moderation record and
// the operator's decision record, in one write keyed by the item — then
// holds a failed or ambiguous send for a human and marks the item
// resolved. A crash after the write is finished by the next try, which
// finds the answer.
func (r *Responder) resolve(ctx context.Context, os onceStore, item agentiq.ModerationItem, action, operator string,
	rec *agentiq.DecisionRecord, follow *agentiq.ModerationItem) (Resolution, error) {
	now := r.cfg.Now().UTC()
	res := Resolution{ModerationID: item.ID, Action: action, Moderator: operator, Status: agentiq.ModerationApproved,
		Reasons: []string{}, WaitSeconds: waited(item, now), ResolvedAt: now}
	// DecisionID names the operator's decision, or for a settled send the
	// decision whose send it settles.
	mr := agentiq.ModerationRecord{ModerationID: item.ID, DecisionID: item.DecisionID, ChatID: item.ChatID, Action: action, Moderator: operator,
		WaitSeconds: res.WaitSeconds, DraftSHA256: agentiq.DraftHash(item.Draft)}
	switch action {
	case ActionMarkDelivered:
		res.Outcome = agentiq.OutcomeDelivered
	case ActionMarkNotDelivered:
		res.Outcome, res.Status = agentiq.OutcomeLost, agentiq.ModerationRejected
	}
	var entries []agentiq.AuditEntry
	if rec != nil {
		rec.ModerationID = ""
		if follow != nil {
			rec.ModerationID, res.FollowUp = follow.ID, follow.ID
		}
		res.DecisionID, res.Decision, res.Reasons, res.RulesVersion, res.Outcome = rec.DecisionID, rec.Decision, rec.Reasons, rec.RulesVersion, rec.Outcome
		if rec.Outcome == agentiq.OutcomeRefused || rec.Outcome == agentiq.OutcomeRejected {
			res.Status = agentiq.ModerationRejected
		}
		mr.DecisionID, mr.DraftSHA256 = rec.DecisionID, rec.DraftSHA256
		e, err := entry(now, agentiq.AuditDecision, rec.DecisionID, rec)
		if err != nil {
			return res, err
		}
		entries = append(entries, e)
	}
	mr.Status, mr.Outcome = res.Status, res.Outcome
	e, err := entry(now, agentiq.AuditModeration, item.ID, mr)
	if err != nil {
		return res, err
	}
	entries = append([]agentiq.AuditEntry{e}, entries...)
	if err := r.enqueue(ctx, follow); err != nil {
		return res, err
	}
	if err := recordOnce(ctx, os, item.SellerID, onceKey(item.ID), now, &res, entries...); err != nil {
		return res, err
	}
	if err := r.step(ctx, item.ID, StepAudited); err != nil {
		return res, err
	}
	if _, err := r.cfg.Store.ResolveModeration(ctx, item.SellerID, item.ID, res.Status, res.Moderator, res.ResolvedAt); err != nil &&
		!errors.Is(err, agentiq.ErrConflict) {
		return res, err
	}
	r.cfg.Logger.Info("moderated", "seller", item.SellerID, "moderation_id", item.ID, "action", res.Action, "outcome", res.Outcome,
		"decision_id", res.DecisionID)
	return res, nil
}

// actionOf and operatorOf recover, from the decision an earlier try
// stored in its send record, what that try was doing and for whom.
func actionOf(rec agentiq.DecisionRecord, item agentiq.ModerationItem) string {
	if rec.DraftSHA256 != agentiq.DraftHash(item.Draft) {
		return ActionEditApprove
	}
	return ActionApprove
}

func operatorOf(rec agentiq.DecisionRecord, fallback string) string {
	if rec.Operator != "" {
		return rec.Operator
	}
	return fallback
}

func waited(item agentiq.ModerationItem, now time.Time) float64 {
	if w := now.Sub(item.CreatedAt).Seconds(); w > 0 {
		return w
	}
	return 0
}
