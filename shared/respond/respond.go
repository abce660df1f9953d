// Package respond decides every buyer message: it picks a reply from the
// seller's catalogue, passes it through the one policy decision, and sends
// it, holds it for a human or refuses it — with exactly one decision
// record in the audit chain per message, however often it is retried.
//
// Crash safety rests on three things the store guarantees: the send
// record, keyed by a decision id derived from the inbox item, is created
// before WB is called and is the lock (a retry finds it and never sends
// again: a send that was under way is finished as unknown and shown to a
// human); chat state changes are versioned and remember which sends they
// counted; and the decision record is appended in the same write that
// takes the item out of the inbox.
package respond

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/consent"
	"github.com/agentiq/agentiq/shared/pii"
	"github.com/agentiq/agentiq/shared/policy"
	"github.com/agentiq/agentiq/shared/wb"
)

// Store is what the responder needs of the store.
type Store interface {
	agentiq.SellerStore
	agentiq.DecisionStore
	agentiq.ModerationStore
	agentiq.ConsentStore
}

// Sender sends a message to a WB chat (a *wb.Client).
type Sender interface {
	Send(ctx context.Context, m wb.Message) (wb.SendResult, error)
}

// Senders gives the WB sender of a seller.
type Senders interface {
	Sender(ctx context.Context, s agentiq.Seller) (Sender, error)
}

// Step is a boundary between the steps of answering one message.
type Step string

// Steps, in order. A process may stop after any of them.
const (
	StepDecided      Step = "decided"       // the policy decided
	StepSendCreated  Step = "send_created"  // the send record exists (the lock)
	StepWBAnswered   Step = "wb_answered"   // WB answered the send (or did not)
	StepSendFinished Step = "send_finished" // the send record is sent, failed or unknown
	StepChatUpdated  Step = "chat_updated"  // the chat counts the send
	StepAudited      Step = "audited"       // the decision record is in the chain, the item out of the inbox
)

// Config configures a Responder.
type Config struct {
	Store   Store
	Senders Senders
	Engine  *policy.Engine
	Logger  *slog.Logger
	Now     func() time.Time
	// Lease is how long a pending send record belongs to the worker that
	// made it; an older one was left by a worker that stopped, and its
	// outcome is unknown (default 2 minutes: longer than any send).
	Lease time.Duration
	// MaxAttempts: an item that failed this often is held for a human
	// with a failure record (default 3).
	MaxAttempts int
	// Concurrency is how many items of a seller are answered at once
	// (default 4).
	Concurrency int
	// SendTimeout bounds one WB send (default 30 s).
	SendTimeout time.Duration
	// AfterStep, when set, runs after each step; an error stops the
	// answer there as a crash would (for crash tests).
	AfterStep func(ctx context.Context, eventID string, s Step) error
}

// Responder answers inbox items.
type Responder struct {
	cfg Config
}

// New checks cfg and returns a responder.
func New(cfg Config) (*Responder, error) {
	if cfg.Store == nil || cfg.Senders == nil || cfg.Engine == nil {
		return nil, errors.New("respond: a store, WB senders and a policy engine are required")
	}
	if _, err := DefaultReplies(); err != nil {
		return nil, err
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Lease <= 0 {
		cfg.Lease = 2 * time.Minute
	}
	if cfg.MaxAttempts <= 0 {
		cfg.MaxAttempts = 3
	}
	if cfg.Concurrency <= 0 {
		cfg.Concurrency = 4
	}
	if cfg.SendTimeout <= 0 {
		cfg.SendTimeout = 30 * time.Second
	}
	return &Responder{cfg: cfg}, nil
}

// Result is what answering one item did.
type Result struct {
	EventID    string          `json:"event_id"`
	DecisionID string          `json:"decision_id"`
	Decision   agentiq.Verdict `json:"decision,omitempty"`
	Reasons    []string        `json:"reasons"`
	Outcome    agentiq.Outcome `json:"outcome"`
	// Busy: another worker is answering it; it is left for later.
	Busy bool `json:"busy,omitempty"`
	// Taken: another worker resolved it first; nothing was recorded here.
	Taken bool `json:"taken,omitempty"`
}

// ErrStopped marks an answer stopped by AfterStep, as by a crash.
var ErrStopped = errors.New("respond: stopped")

func (r *Responder) step(ctx context.Context, eventID string, s Step) error {
	if r.cfg.AfterStep == nil {
		return nil
	}
	if err := r.cfg.AfterStep(ctx, eventID, s); err != nil {
		return fmt.Errorf("%w after %s: %w", ErrStopped, s, err)
	}
	return nil
}

// Answer decides one inbox item and carries the decision out.
func (r *Responder) Answer(ctx context.Context, s agentiq.Seller, it agentiq.InboxItem) (Result, error) {
	now := r.cfg.Now().UTC()
	id := agentiq.DecisionID(s.ID, "inbox", it.EventID)
	res := Result{EventID: it.EventID, DecisionID: id}
	chat, err := r.cfg.Store.Chat(ctx, s.ID, it.ChatID)
	switch {
	case errors.Is(err, agentiq.ErrNotFound):
		chat = agentiq.ChatState{SellerID: s.ID, ChatID: it.ChatID}
	case err != nil:
		return res, err
	}
	// Deciding is cheap and has no effect of its own: the claim below
	// finds an earlier try's decision, if any, and that one stands.
	if chat, err = r.recordOptOut(ctx, it, chat); err != nil {
		return res, err
	}
	if err := r.withdrawConsent(ctx, s, it, chat); err != nil {
		return res, err
	}
	at := it.At
	rec := agentiq.DecisionRecord{DecisionID: id, Channel: agentiq.ChannelWBChat, ChatID: it.ChatID, EventID: it.EventID,
		Trigger: agentiq.TriggerAutoReply, Operator: agentiq.OperatorBot, RulesVersion: r.cfg.Engine.Version(),
		Reasons: []string{}, BuyerIntents: it.Intents, BuyerMessageAt: &at, Uncertain: it.Uncertain, DecidedAt: now, DryRun: s.DryRun}
	d, err := r.decide(s, it, chat, &rec)
	if err != nil {
		return res, err
	}
	if err := r.step(ctx, it.EventID, StepDecided); err != nil {
		return res, err
	}
	if d.send {
		return r.send(ctx, s, it, chat, rec, d.text, d.closesCase)
	}
	return r.settle(ctx, s, it, rec, d.text)
}

// decided is what decide made of an item.
type decided struct {
	text       string // the draft
	send       bool   // allowed: send it
	closesCase bool
}

// errNoSignYet: the chat's reply signature has not arrived yet (the
// poller fetches it from /chats just after ingesting): try again.
var errNoSignYet = errors.New("the chat's reply signature from WB has not arrived yet")

// SignWait is how long a new message waits for its chat's reply
// signature before a human is asked to answer in the portal.
const SignWait = 10 * time.Minute

// decide fills rec with the decision on an item: no reply, or the reply
// picked, passed through the policy.
func (r *Responder) decide(s agentiq.Seller, it agentiq.InboxItem, chat agentiq.ChatState, rec *agentiq.DecisionRecord) (decided, error) {
	if reason := noReply(it, chat); reason != "" {
		rec.Outcome, rec.Reasons = agentiq.OutcomeNoReply, []string{reason}
		return decided{}, nil
	}
	replies := s.Replies
	if replies == nil {
		replies, _ = DefaultReplies()
	}
	c, err := choose(replies, it, chat)
	if err != nil {
		// The seller's catalogue cannot answer: a human must.
		rec.Outcome, rec.Reasons, rec.Error = agentiq.OutcomeProcessErr, []string{"replies_invalid"}, cutErr(err.Error())
		return decided{}, nil
	}
	if c.mode == agentiq.ReplyNone {
		rec.Outcome, rec.Reasons = agentiq.OutcomeNoReply, []string{c.reason}
		return decided{}, nil
	}
	if !s.Active && c.mode == agentiq.ReplyAuto {
		c.mode, c.reason = agentiq.ReplyHuman, "seller_inactive"
	}
	req := r.request(rec.DecidedAt, rec.DecisionID, chat, c)
	pd, err := r.cfg.Engine.Decide(req)
	if err != nil {
		return decided{}, fmt.Errorf("respond: deciding %s: %w", it.EventID, err)
	}
	describe(rec, req, pd, c.text)
	d := decided{text: c.text, closesCase: c.template.ClosesCase}
	switch {
	case pd.Decision == agentiq.Deny:
		rec.Outcome = agentiq.OutcomeRefused
	case pd.Decision == agentiq.Review || c.mode == agentiq.ReplyHuman:
		if pd.Decision == agentiq.Allow {
			rec.Decision = agentiq.Review
		}
		if c.reason != "" {
			rec.Reasons = append(rec.Reasons, c.reason)
		}
		rec.Outcome = agentiq.OutcomeHeld
	case s.DryRun:
		rec.Outcome = agentiq.OutcomeDryRun
	case chat.ReplySign == "":
		if rec.DecidedAt.Sub(it.At) < SignWait {
			return decided{}, errNoSignYet
		}
		// Nothing can reach the chat without WB's signature: a human
		// answers in the portal.
		rec.Outcome, rec.Error = agentiq.OutcomeFailed, "the chat has no reply signature from WB"
		rec.Reasons = append(rec.Reasons, "no_reply_sign")
	default:
		d.send = true
	}
	return d, nil
}

// settle carries out a decision that sends nothing: it claims the
// decision id (so that a retry or a second worker finishes this decision
// rather than making another), then holds the draft for a human if the
// decision says so, and records it.
func (r *Responder) settle(ctx context.Context, s agentiq.Seller, it agentiq.InboxItem, rec agentiq.DecisionRecord, draft string) (Result, error) {
	res := Result{EventID: it.EventID, DecisionID: rec.DecisionID}
	data, err := json.Marshal(rec)
	if err != nil {
		return res, err
	}
	claim := agentiq.SendRecord{SellerID: s.ID, DecisionID: rec.DecisionID, Channel: rec.Channel, ChatID: it.ChatID, EventID: it.EventID,
		Status: agentiq.SendNone, CreatedAt: rec.DecidedAt, Draft: pii.Redact(draft), Decision: data}
	if err := r.cfg.Store.CreateSend(ctx, claim); err != nil {
		if errors.Is(err, agentiq.ErrExists) {
			prior, gerr := r.cfg.Store.Send(ctx, s.ID, rec.DecisionID)
			if gerr != nil {
				return res, gerr
			}
			return r.resume(ctx, s, it, prior)
		}
		return res, err
	}
	return r.finish(ctx, s, it, rec, r.moderation(s, it, rec, claim.Draft))
}

// moderation is the queue item a decision leaves for a human, if any: a
// held, failed or unprocessable draft to answer, or an ambiguous send to
// settle.
func (r *Responder) moderation(s agentiq.Seller, it agentiq.InboxItem, rec agentiq.DecisionRecord, draft string) *agentiq.ModerationItem {
	switch rec.Outcome {
	case agentiq.OutcomeHeld, agentiq.OutcomeProcessErr:
		return r.held(s, it, rec, draft)
	case agentiq.OutcomeFailed:
		m := r.held(s, it, rec, draft)
		m.Reasons = append(m.Reasons, "send_failed")
		return m
	case agentiq.OutcomeUnknown:
		m := r.held(s, it, rec, draft)
		m.ID, m.Kind = "u-"+rec.DecisionID, agentiq.ModerationUnknownSend
		m.Reasons = append(m.Reasons, "send_outcome_unknown")
		return m
	}
	return nil
}

// noReply says why a buyer message needs no answer of its own, or "".
func noReply(it agentiq.InboxItem, chat agentiq.ChatState) string {
	switch {
	case chat.LastBuyerEventID != "" && chat.LastBuyerEventID != it.EventID:
		return "superseded" // the buyer wrote again: the newer message is answered
	case chat.LastSender == agentiq.SenderSeller && chat.SellerMessagesSinceBuyer > 0:
		return "already_answered" // the seller answered in the portal
	}
	return ""
}

// recordOptOut makes sure an opt-out message has opted the chat out (the
// ingest does it as the event arrives; this covers a chat state written
// before it could).
func (r *Responder) recordOptOut(ctx context.Context, it agentiq.InboxItem, chat agentiq.ChatState) (agentiq.ChatState, error) {
	if !slices.Contains(it.Intents, agentiq.IntentOptOut) || chat.OptedOutAt != nil || chat.Version == 0 {
		return chat, nil
	}
	return agentiq.UpdateChatFunc(ctx, r.cfg.Store, it.SellerID, it.ChatID, func(c *agentiq.ChatState) error {
		if c.OptedOutAt == nil {
			at := it.At
			c.OptedOutAt, c.OptOutEventID = &at, it.EventID
		}
		return nil
	})
}

// withdrawConsent turns the chat's opt-out into the consent register's
// terms, once: the buyer withdraws every marketing consent, with the
// message as evidence. The subject is the pseudonym of the WB client id
// where WB gave one, else the chat (WB's event stream names no client).
func (r *Responder) withdrawConsent(ctx context.Context, s agentiq.Seller, it agentiq.InboxItem, chat agentiq.ChatState) error {
	if chat.OptOutEventID != it.EventID {
		return nil
	}
	_, err := consent.WithdrawForOptOut(ctx, r.cfg.Store, s.ID, ChatSubject(chat), agentiq.ChannelWBChat, it.At, it.EventID, consent.MethodWBChat)
	return err
}

// ChatSubject is the consent register's subject of a WB chat's buyer.
func ChatSubject(c agentiq.ChatState) string {
	if c.ClientKey != "" {
		return c.ClientKey
	}
	return "wb_chat:" + c.ChatID
}

// request builds the policy request from stored state only.
func (r *Responder) request(now time.Time, id string, chat agentiq.ChatState, c choice) *policy.Request {
	t := c.template
	req := &policy.Request{ID: id, Now: now, Channel: agentiq.ChannelWBChat, Sender: policy.Sender{OrgType: "seller"},
		Message: policy.Message{Text: c.text, MessageType: t.MessageType, Scenario: t.Scenario, MarketingWindow: t.Window,
			Trigger: agentiq.TriggerAutoReply, TemplateID: t.ID, Operator: agentiq.OperatorBot},
		Chat: ChatFacts(chat)}
	if t.Window == agentiq.CompensationCase && chat.OpenCase != nil {
		req.Message.CaseID, req.Message.ReasonCode = chat.OpenCase.ID, "compensation"
	}
	return req
}

// ChatFacts is the chat part of a policy request, from a chat's state.
func ChatFacts(c agentiq.ChatState) *policy.Chat {
	pc := &policy.Chat{LastSender: string(c.LastSender), LastBuyerMessageAt: c.LastBuyerMessageAt,
		LastBuyerIntents: c.LastBuyerIntents, SellerMessagesSinceBuyer: c.SellerMessagesSinceBuyer,
		MarketingSentAt: c.MarketingSentAt, OptedOutAt: c.OptedOutAt}
	if pc.LastSender == string(agentiq.SenderWB) {
		pc.LastSender = ""
	}
	if oc := c.OpenCase; oc != nil {
		pc.OpenCase = &policy.Case{ID: oc.ID, Type: oc.Type, OpenedAt: oc.OpenedAt, ClosedAt: oc.ClosedAt}
	}
	return pc
}

// describe fills a decision record from the request and the decision.
func describe(rec *agentiq.DecisionRecord, req *policy.Request, d policy.Decision, text string) {
	m := req.Message
	rec.TemplateID, rec.Scenario, rec.Window, rec.CaseID, rec.ReasonCode = m.TemplateID, m.Scenario, m.MarketingWindow, m.CaseID, m.ReasonCode
	rec.MessageType = m.MessageType
	if m.Scenario.MessageType() == agentiq.Marketing {
		rec.MessageType = agentiq.Marketing // the stricter one holds
	}
	rec.Decision, rec.Reasons, rec.Priority, rec.RulesVersion = d.Decision, slices.Clone(d.Reasons), d.Priority, d.RulesVersion
	if rec.Reasons == nil {
		rec.Reasons = []string{}
	}
	rec.ConsentIDs = consentIDs(d)
	rec.DraftSHA256 = agentiq.DraftHash(text)
	rec.Excerpt = Excerpt(text)
}

// consentIDs are the register's record ids of the consents a decision
// relied on.
func consentIDs(d policy.Decision) []string {
	return slices.Clone(d.ConsentRecordIDs)
}

// Excerpt is the redacted beginning of a draft that an audit record keeps.
func Excerpt(text string) string {
	s := pii.Redact(text)
	if utf8.RuneCountInString(s) <= agentiq.ExcerptRunes {
		return s
	}
	r := []rune(s)
	return string(r[:agentiq.ExcerptRunes-1]) + "…"
}

// held is the moderation item holding a draft for a human.
func (r *Responder) held(s agentiq.Seller, it agentiq.InboxItem, rec agentiq.DecisionRecord, draft string) *agentiq.ModerationItem {
	return &agentiq.ModerationItem{SellerID: s.ID, ID: rec.DecisionID, Kind: agentiq.ModerationDraft, ChatID: it.ChatID, EventID: it.EventID,
		Draft: pii.Redact(draft), Reasons: slices.Clone(rec.Reasons), RulesVersion: rec.RulesVersion, Status: agentiq.ModerationPending,
		CreatedAt: rec.DecidedAt, Scenario: rec.Scenario, MessageType: rec.MessageType, Window: rec.Window, CaseID: rec.CaseID,
		ReasonCode: rec.ReasonCode, TemplateID: rec.TemplateID, Trigger: rec.Trigger, DecisionID: rec.DecisionID}
}

// finish holds the draft for a human if asked, then appends the item's
// audit records and takes it out of the inbox in one write.
func (r *Responder) finish(ctx context.Context, s agentiq.Seller, it agentiq.InboxItem, rec agentiq.DecisionRecord, mod *agentiq.ModerationItem) (Result, error) {
	res := Result{EventID: it.EventID, DecisionID: rec.DecisionID, Decision: rec.Decision, Reasons: rec.Reasons, Outcome: rec.Outcome}
	if mod != nil {
		rec.ModerationID = mod.ID
		if err := r.cfg.Store.EnqueueModeration(ctx, *mod); err != nil && !errors.Is(err, agentiq.ErrExists) {
			return res, err
		}
	}
	entries, err := r.entries(ctx, s, it, rec)
	if err != nil {
		return res, err
	}
	if _, err := r.cfg.Store.ResolveInbox(ctx, s.ID, it.EventID, entries...); err != nil {
		if errors.Is(err, agentiq.ErrNotFound) {
			res.Taken = true
			return res, nil
		}
		return res, err
	}
	r.cfg.Logger.Info("decided", "seller", s.ID, "event", it.EventID, "decision_id", rec.DecisionID, "decision", rec.Decision,
		"reasons", rec.Reasons, "outcome", rec.Outcome, "template", rec.TemplateID, "dry_run", rec.DryRun)
	return res, r.step(ctx, it.EventID, StepAudited)
}

// entries are the audit records of an answered item: the opt-out it
// carries, if it is the chat's evidence of one, and its decision.
func (r *Responder) entries(ctx context.Context, s agentiq.Seller, it agentiq.InboxItem, rec agentiq.DecisionRecord) ([]agentiq.AuditEntry, error) {
	var out []agentiq.AuditEntry
	if slices.Contains(it.Intents, agentiq.IntentOptOut) {
		chat, err := r.cfg.Store.Chat(ctx, s.ID, it.ChatID)
		if err != nil && !errors.Is(err, agentiq.ErrNotFound) {
			return nil, err
		}
		if chat.OptOutEventID == it.EventID {
			data, err := json.Marshal(agentiq.OptOutRecord{Channel: agentiq.ChannelWBChat, ChatID: it.ChatID, SubjectKey: ChatSubject(chat),
				EventID: it.EventID, Evidence: "WB chat message " + it.EventID, At: it.At, Source: "wb_chat_message"})
			if err != nil {
				return nil, err
			}
			out = append(out, agentiq.AuditEntry{At: rec.DecidedAt, Kind: agentiq.AuditOptOut, Ref: it.ChatID, Data: data})
		}
	}
	data, err := json.Marshal(rec)
	if err != nil {
		return nil, err
	}
	return append(out, agentiq.AuditEntry{At: rec.DecidedAt, Kind: agentiq.AuditDecision, Ref: rec.DecisionID, Data: data}), nil
}

// Report sums up a run over a seller's inbox.
type Report struct {
	Seller     string                  `json:"seller"`
	Items      int                     `json:"items"`
	ByOutcome  map[agentiq.Outcome]int `json:"by_outcome"`
	ByDecision map[agentiq.Verdict]int `json:"by_decision"`
	ByReason   map[string]int          `json:"by_reason"`
	Busy       int                     `json:"busy"`   // left for the worker answering them
	Failed     int                     `json:"failed"` // could not be answered this time
	Errors     []string                `json:"errors,omitempty"`
}

func (rep *Report) add(res Result) {
	if res.Busy {
		rep.Busy++
		return
	}
	if res.Taken {
		return
	}
	rep.Items++
	rep.ByOutcome[res.Outcome]++
	if res.Decision != "" {
		rep.ByDecision[res.Decision]++
	}
	for _, reason := range res.Reasons {
		rep.ByReason[reason]++
	}
}

// Run answers the seller's pending inbox items, oldest first. An item
// that fails is counted (and, after MaxAttempts, held for a human); the
// others go on. It stops early only when ctx ends or a step hook stops it.
func (r *Responder) Run(ctx context.Context, sellerID string) (Report, error) {
	return r.RunOlder(ctx, sellerID, 0)
}

// RunOlder is Run for the items older than age only.
func (r *Responder) RunOlder(ctx context.Context, sellerID string, age time.Duration) (Report, error) {
	rep := Report{Seller: sellerID, ByOutcome: map[agentiq.Outcome]int{}, ByDecision: map[agentiq.Verdict]int{}, ByReason: map[string]int{}}
	s, err := r.cfg.Store.Seller(ctx, sellerID)
	if err != nil {
		return rep, fmt.Errorf("respond: %w", err)
	}
	items, err := r.cfg.Store.PendingInbox(ctx, sellerID, 0)
	if err != nil {
		return rep, fmt.Errorf("respond: pending inbox: %w", err)
	}
	if age > 0 {
		cut := r.cfg.Now().Add(-age)
		items = slices.DeleteFunc(items, func(it agentiq.InboxItem) bool { return it.At.After(cut) })
	}
	var (
		mu      sync.Mutex
		stopped error
		wg      sync.WaitGroup
		next    = make(chan agentiq.InboxItem)
	)
	for w := 0; w < r.cfg.Concurrency; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range next {
				res, err := r.Item(ctx, s, it)
				mu.Lock()
				switch {
				case err == nil:
					rep.add(res)
				case errors.Is(err, ErrStopped) || ctx.Err() != nil:
					if stopped == nil {
						stopped = err
					}
				case err != nil:
					rep.Failed++
					rep.Errors = append(rep.Errors, fmt.Sprintf("%s: %v", it.EventID, err))
				}
				mu.Unlock()
			}
		}()
	}
	for _, it := range items {
		mu.Lock()
		halt := stopped != nil
		mu.Unlock()
		if halt || ctx.Err() != nil {
			break
		}
		next <- it
	}
	close(next)
	wg.Wait()
	if stopped != nil {
		return rep, stopped
	}
	return rep, ctx.Err()
}

// Item answers one item; a failure is counted on the item, and the
// item is held for a human with a failure record once it has failed
// MaxAttempts times.
func (r *Responder) Item(ctx context.Context, s agentiq.Seller, it agentiq.InboxItem) (Result, error) {
	res, err := r.Answer(ctx, s, it)
	if err == nil || errors.Is(err, ErrStopped) || ctx.Err() != nil {
		return res, err
	}
	r.cfg.Logger.Warn("answer failed", "seller", s.ID, "event", it.EventID, "error", err.Error())
	failed, ferr := r.cfg.Store.FailInbox(ctx, s.ID, it.EventID, err.Error())
	if ferr != nil {
		if errors.Is(ferr, agentiq.ErrNotFound) {
			return Result{EventID: it.EventID, DecisionID: res.DecisionID, Taken: true}, nil
		}
		return res, errors.Join(err, ferr)
	}
	if failed.Attempts < r.cfg.MaxAttempts {
		return res, err
	}
	return r.giveUp(ctx, s, failed, err)
}

// giveUp records an item that keeps failing and holds it for a human.
// A decision already claimed stands — a message WB took is recorded as
// sent, an abandoned send as unknown — with the failure recorded beside
// it; else the decision is that it could not be processed.
func (r *Responder) giveUp(ctx context.Context, s agentiq.Seller, it agentiq.InboxItem, cause error) (Result, error) {
	now := r.cfg.Now().UTC()
	id := agentiq.DecisionID(s.ID, "inbox", it.EventID)
	at := it.At
	rec := agentiq.DecisionRecord{DecisionID: id, Channel: agentiq.ChannelWBChat, ChatID: it.ChatID, EventID: it.EventID,
		Trigger: agentiq.TriggerAutoReply, Operator: agentiq.OperatorBot, RulesVersion: r.cfg.Engine.Version(),
		Reasons: []string{"processing_failed"}, Outcome: agentiq.OutcomeProcessErr, BuyerIntents: it.Intents, BuyerMessageAt: &at,
		DecidedAt: now, DryRun: s.DryRun, Error: cutErr(cause.Error())}
	var draft string
	sr, err := r.cfg.Store.Send(ctx, s.ID, id)
	switch {
	case err == nil:
		var claimed agentiq.DecisionRecord
		if json.Unmarshal(sr.Decision, &claimed) == nil && claimed.DecisionID == id {
			rec, draft = claimed, sr.Draft
		}
		if sr.Status == agentiq.SendPending {
			done, ferr := r.cfg.Store.FinishSend(ctx, s.ID, id, agentiq.SendOutcome{Status: agentiq.SendUnknown, At: now,
				Error: "the send was under way when the item was given up: WB may or may not have the message"})
			if ferr == nil || errors.Is(ferr, agentiq.ErrConflict) {
				done, ferr = r.cfg.Store.Send(ctx, s.ID, id)
			}
			if ferr != nil {
				return Result{}, ferr
			}
			sr = done
		}
		switch sr.Status {
		case agentiq.SendSent:
			sent := sr.CreatedAt
			if sr.ProviderTime != 0 {
				sent = time.UnixMilli(sr.ProviderTime).UTC()
			}
			rec.Outcome, rec.SentAt = agentiq.OutcomeSent, &sent
			if cerr := r.count(ctx, sr, sent, true); cerr != nil {
				rec.Error = cutErr("sent; the chat state could not count it: " + cerr.Error())
			}
		case agentiq.SendFailed:
			rec.Outcome, rec.Error = agentiq.OutcomeFailed, cutErr(sr.Error)
		case agentiq.SendUnknown:
			rec.Outcome, rec.Error = agentiq.OutcomeUnknown, cutErr(sr.Error)
		}
	case !errors.Is(err, agentiq.ErrNotFound):
		return Result{}, err
	}
	fail, err := json.Marshal(agentiq.FailureRecord{EventID: it.EventID, ChatID: it.ChatID, Attempts: it.Attempts, Error: cutErr(cause.Error())})
	if err != nil {
		return Result{}, err
	}
	mod := r.moderation(s, it, rec, draft)
	if mod != nil {
		if err := r.cfg.Store.EnqueueModeration(ctx, *mod); err != nil && !errors.Is(err, agentiq.ErrExists) {
			return Result{}, err
		}
		rec.ModerationID = mod.ID
	}
	entries, err := r.entries(ctx, s, it, rec)
	if err != nil {
		return Result{}, err
	}
	entries = append([]agentiq.AuditEntry{{At: now, Kind: agentiq.AuditFailure, Ref: id, Data: fail}}, entries...)
	_, err = r.cfg.Store.ResolveInbox(ctx, s.ID, it.EventID, entries...)
	res := Result{EventID: it.EventID, DecisionID: id, Decision: rec.Decision, Reasons: rec.Reasons, Outcome: rec.Outcome}
	if errors.Is(err, agentiq.ErrNotFound) {
		res.Taken = true
		return res, nil
	}
	r.cfg.Logger.Error("held for a human after failing", "seller", s.ID, "event", it.EventID, "attempts", it.Attempts, "outcome", rec.Outcome, "error", rec.Error)
	return res, err
}

// cutErr bounds an error kept in a record, with personal data redacted
// (a WB answer may quote the message).
func cutErr(s string) string {
	s = pii.Redact(s)
	const max = 500
	if len(s) <= max {
		return s
	}
	return strings.ToValidUTF8(s[:max], "") + "…"
}
