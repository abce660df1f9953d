package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/auditchain"
	"github.com/agentiq/agentiq/shared/respond"
)

// --- operator -------------------------------------------------------------------

// QueueItem is a moderation item as the queue shows it.
type QueueItem struct {
	ID           string              `json:"id"`
	Kind         string              `json:"kind"`
	ChatID       string              `json:"chat_id,omitempty"`
	Draft        string              `json:"draft"` // redacted
	Reasons      []string            `json:"reasons"`
	RulesVersion string              `json:"rules_version"`
	Scenario     agentiq.Scenario    `json:"scenario,omitempty"`
	MessageType  agentiq.MessageType `json:"message_type,omitempty"`
	Window       agentiq.Window      `json:"marketing_window,omitempty"`
	TemplateID   string              `json:"template_id,omitempty"`
	Trigger      string              `json:"trigger,omitempty"`
	DecisionID   string              `json:"decision_id,omitempty"`
	Status       string              `json:"status"`
	CreatedAt    time.Time           `json:"created_at"`
	AgeSeconds   int64               `json:"age_seconds"`
}

func (h *Handler) listModeration(ctx context.Context, r *request) (int, any, error) {
	limit, err := intParam(r, "limit", 100, 1, 1000)
	if err != nil {
		return 0, nil, err
	}
	items, err := h.cfg.Store.PendingModeration(ctx, r.seller.ID, limit)
	if err != nil {
		return 0, nil, internal(err)
	}
	now := h.cfg.Now()
	out := make([]QueueItem, 0, len(items))
	for _, m := range items {
		kind := m.Kind
		if kind == "" {
			kind = agentiq.ModerationDraft
		}
		reasons := m.Reasons
		if reasons == nil {
			reasons = []string{}
		}
		out = append(out, QueueItem{ID: m.ID, Kind: kind, ChatID: m.ChatID, Draft: m.Draft, Reasons: reasons, RulesVersion: m.RulesVersion,
			Scenario: m.Scenario, MessageType: m.MessageType, Window: m.Window, TemplateID: m.TemplateID, Trigger: m.Trigger,
			DecisionID: m.DecisionID, Status: string(m.Status), CreatedAt: m.CreatedAt, AgeSeconds: max(0, int64(now.Sub(m.CreatedAt).Seconds()))})
	}
	return 200, map[string]any{"items": out, "count": len(out)}, nil
}

type approveBody struct {
	Text *string `json:"text"`
}

func (h *Handler) approve(ctx context.Context, r *request) (int, any, error) {
	var b approveBody
	if err := decode(r.body, &b); err != nil {
		return 0, nil, err
	}
	res, err := h.cfg.Responder.Approve(ctx, r.seller.ID, r.params["id"], r.who.sub, b.Text)
	return resolution(res, err)
}

type rejectBody struct{}

func (h *Handler) reject(ctx context.Context, r *request) (int, any, error) {
	if err := decode(r.body, &rejectBody{}); err != nil {
		return 0, nil, err
	}
	res, err := h.cfg.Responder.Reject(ctx, r.seller.ID, r.params["id"], r.who.sub)
	return resolution(res, err)
}

type settleBody struct {
	Delivered *bool `json:"delivered"`
}

func (h *Handler) settle(ctx context.Context, r *request) (int, any, error) {
	var b settleBody
	if err := decode(r.body, &b); err != nil {
		return 0, nil, err
	}
	if b.Delivered == nil {
		return 0, nil, apiErr(400, "invalid_request", "The body needs \"delivered\": true or false.")
	}
	res, err := h.cfg.Responder.Settle(ctx, r.seller.ID, r.params["id"], r.who.sub, *b.Delivered)
	return resolution(res, err)
}

func resolution(res respond.Resolution, err error) (int, any, error) {
	if errors.Is(err, agentiq.ErrNotFound) {
		return 0, nil, apiErr(404, "unknown_moderation_item", "The seller has no moderation item with this id.")
	}
	if err != nil {
		return 0, nil, err
	}
	return 200, res, nil
}

// --- integrator -----------------------------------------------------------------

// MessageRequest is an integrator's request for a message.
type MessageRequest struct {
	Channel     agentiq.Channel     `json:"channel"`
	ChatID      string              `json:"chat_id"`
	SubjectKey  string              `json:"subject_key"`
	OrgType     string              `json:"sender_org_type"`
	Text        string              `json:"text"`
	TemplateID  string              `json:"template_id"`
	Scenario    agentiq.Scenario    `json:"scenario"`
	MessageType agentiq.MessageType `json:"message_type"`
	Window      agentiq.Window      `json:"marketing_window"`
	CaseID      string              `json:"case_id"`
	ReasonCode  string              `json:"reason_code"`
}

func (h *Handler) createMessage(ctx context.Context, r *request) (int, any, error) {
	var m MessageRequest
	if err := decode(r.body, &m); err != nil {
		return 0, nil, err
	}
	if m.Channel == "" {
		return 0, nil, apiErr(400, "invalid_request", "The body needs a channel.")
	}
	res, err := h.cfg.Responder.Trigger(ctx, r.seller.ID, respond.TriggerRequest{Key: header(r.ev, IdempotencyHeader), Operator: r.who.sub,
		Channel: m.Channel, ChatID: m.ChatID, SubjectKey: m.SubjectKey, OrgType: m.OrgType, Text: m.Text, TemplateID: m.TemplateID,
		Scenario: m.Scenario, MessageType: m.MessageType, Window: m.Window, CaseID: m.CaseID, ReasonCode: m.ReasonCode})
	if err != nil {
		return 0, nil, err
	}
	return 200, res, nil
}

// --- officer ----------------------------------------------------------------------

// maxRecords bounds one answer of records; a longer range is truncated
// and says so.
const maxRecords = 1000

// Decision is a decision record with its place in the audit chain.
type Decision struct {
	Seq      int64                  `json:"seq"`
	At       time.Time              `json:"at"`
	Hash     string                 `json:"hash"`
	Decision agentiq.DecisionRecord `json:"decision"`
}

func (h *Handler) decisions(ctx context.Context, r *request, id string) ([]Decision, bool, error) {
	from, to, err := timeRange(r, h.cfg.Now())
	if err != nil {
		return nil, false, err
	}
	recs, err := h.cfg.Store.AuditBetween(ctx, r.seller.ID, from, to)
	if err != nil {
		return nil, false, internal(err)
	}
	chat := r.query.Get("chat_id")
	if id == "" {
		id = r.query.Get("decision_id")
	}
	out := []Decision{}
	for _, rec := range recs {
		if rec.Kind != agentiq.AuditDecision || (id != "" && rec.Ref != id) {
			continue
		}
		var d agentiq.DecisionRecord
		if err := json.Unmarshal(rec.Data, &d); err != nil {
			return nil, false, internal(fmt.Errorf("audit record %d: %w", rec.Seq, err))
		}
		if chat != "" && d.ChatID != chat {
			continue
		}
		if len(out) == maxRecords {
			return out, true, nil
		}
		out = append(out, Decision{Seq: rec.Seq, At: rec.At, Hash: rec.Hash, Decision: d})
	}
	return out, false, nil
}

func (h *Handler) listDecisions(ctx context.Context, r *request) (int, any, error) {
	ds, truncated, err := h.decisions(ctx, r, "")
	if err != nil {
		return 0, nil, err
	}
	return 200, map[string]any{"decisions": ds, "count": len(ds), "truncated": truncated}, nil
}

func (h *Handler) getDecision(ctx context.Context, r *request) (int, any, error) {
	ds, _, err := h.decisions(ctx, r, r.params["id"])
	if err != nil {
		return 0, nil, err
	}
	if len(ds) == 0 {
		return 0, nil, apiErr(404, "unknown_decision", "The seller has no decision with this id in the time range (default: the last 90 days).")
	}
	return 200, ds[0], nil
}

func (h *Handler) listAudit(ctx context.Context, r *request) (int, any, error) {
	from, to, err := timeRange(r, h.cfg.Now())
	if err != nil {
		return 0, nil, err
	}
	recs, err := h.cfg.Store.AuditBetween(ctx, r.seller.ID, from, to)
	if err != nil {
		return 0, nil, internal(err)
	}
	kind, ref := r.query.Get("kind"), r.query.Get("ref")
	out := []agentiq.AuditRecord{}
	truncated := false
	for _, rec := range recs {
		if (kind != "" && rec.Kind != kind) || (ref != "" && rec.Ref != ref) {
			continue
		}
		if len(out) == maxRecords {
			truncated = true
			break
		}
		out = append(out, rec)
	}
	return 200, map[string]any{"records": out, "count": len(out), "truncated": truncated}, nil
}

// Verification is the state of a seller's audit chain.
type Verification struct {
	Verified bool      `json:"verified"`
	Records  int64     `json:"records"` // records checked
	HeadSeq  int64     `json:"head_seq"`
	HeadHash string    `json:"head_hash,omitempty"`
	BrokenAt int64     `json:"broken_at,omitempty"` // the first record that does not verify
	Problem  string    `json:"problem,omitempty"`
	Error    string    `json:"error,omitempty"`
	Checked  time.Time `json:"checked_at"`
	// Checkpoint is the signed checkpoint the chain was checked against
	// (none yet: absent), and CheckpointOK whether the chain still has
	// its hash at its sequence number.
	Checkpoint   *CheckpointRef `json:"checkpoint,omitempty"`
	CheckpointOK bool           `json:"checkpoint_ok"`
}

// CheckpointRef is the anchor a verification used.
type CheckpointRef struct {
	Seq       int64     `json:"seq"`
	Hash      string    `json:"hash"`
	RecordAt  time.Time `json:"record_at"`
	CreatedAt time.Time `json:"created_at"`
}

// verifyAudit recomputes the seller's whole chain, a page at a time
// (shared/auditchain), against the latest signed checkpoint when the API
// has the checkpoint log: a checkpoint that is forged or signed with
// another key, or that the chain no longer matches, fails verification.
func (h *Handler) verifyAudit(ctx context.Context, r *request) (int, any, error) {
	var res auditchain.Result
	var err error
	if h.cfg.Checkpoints != nil {
		res, err = auditchain.VerifyLog(ctx, h.cfg.Store, h.cfg.Checkpoints, h.cfg.CheckpointKey, r.seller.ID, 1)
		if errors.Is(err, auditchain.ErrSignature) {
			res.OK, res.Problem, res.Detail, err = false, agentiq.ChainCheckpoint, err.Error()+": the latest checkpoint is forged or signed with another key", nil
		}
	} else {
		res, err = auditchain.Verify(ctx, h.cfg.Store, r.seller.ID, 1, nil)
	}
	if err != nil {
		return 0, nil, internal(err)
	}
	v := Verification{Verified: res.OK, Records: res.Checked, HeadSeq: res.Head, HeadHash: res.HeadHash,
		BrokenAt: res.FirstBad, Problem: res.Problem, Error: res.Detail, Checked: h.cfg.Now().UTC(), CheckpointOK: res.CheckpointOK}
	if c := res.Checkpoint; c != nil {
		v.Checkpoint = &CheckpointRef{Seq: c.Seq, Hash: c.Hash, RecordAt: c.RecordAt, CreatedAt: c.CreatedAt}
	}
	return 200, v, nil
}

// --- query parameters ------------------------------------------------------------------

// DefaultRange is the time range of the officer's look-ups when none is
// given: the send records' retention.
const DefaultRange = agentiq.SendRetention

// MaxRange is the longest time range of one look-up.
const MaxRange = 400 * 24 * time.Hour

func timeRange(r *request, now time.Time) (time.Time, time.Time, error) {
	to, from := now.UTC().Add(time.Second), time.Time{}
	parse := func(name string, dst *time.Time) error {
		v := r.query.Get(name)
		if v == "" {
			return nil
		}
		t, err := time.Parse(time.RFC3339Nano, v)
		if err != nil {
			return apiErr(400, "bad_query", fmt.Sprintf("%s must be an RFC 3339 time, as 2026-03-01T00:00:00Z.", name))
		}
		*dst = t.UTC()
		return nil
	}
	if err := parse("to", &to); err != nil {
		return from, to, err
	}
	if err := parse("from", &from); err != nil {
		return from, to, err
	}
	if from.IsZero() {
		from = to.Add(-DefaultRange)
	}
	switch {
	case !from.Before(to):
		return from, to, apiErr(400, "bad_query", "from must be before to.")
	case to.Sub(from) > MaxRange:
		return from, to, apiErr(400, "bad_query", "The time range is longer than 400 days; ask for it in parts.")
	}
	return from, to, nil
}

func intParam(r *request, name string, def, lo, hi int) (int, error) {
	v := r.query.Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, apiErr(400, "bad_query", fmt.Sprintf("%s must be a number from %d to %d.", name, lo, hi))
	}
	return n, nil
}
