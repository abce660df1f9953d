package respond

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/pii"
	"github.com/agentiq/agentiq/shared/wb"
)

// send carries out an allowed decision: the send record first (the lock),
// then WB, then the record's outcome, the chat, and the audit.
func (r *Responder) send(ctx context.Context, s agentiq.Seller, it agentiq.InboxItem, chat agentiq.ChatState,
	rec agentiq.DecisionRecord, text string, closesCase bool) (Result, error) {
	res := Result{EventID: it.EventID, DecisionID: rec.DecisionID}
	sender, err := r.cfg.Senders.Sender(ctx, s)
	if err != nil {
		return res, fmt.Errorf("respond: WB client for %s: %w", s.ID, err)
	}
	decided, err := json.Marshal(rec)
	if err != nil {
		return res, err
	}
	sr := agentiq.SendRecord{SellerID: s.ID, DecisionID: rec.DecisionID, Channel: agentiq.ChannelWBChat, ChatID: it.ChatID,
		EventID: it.EventID, Marketing: rec.MessageType == agentiq.Marketing, Status: agentiq.SendPending,
		CreatedAt: r.cfg.Now().UTC(), Draft: pii.Redact(text), Decision: decided, CloseCase: closesCase}
	if err := r.cfg.Store.CreateSend(ctx, sr); err != nil {
		if errors.Is(err, agentiq.ErrExists) { // another worker got there first
			prior, gerr := r.cfg.Store.Send(ctx, s.ID, rec.DecisionID)
			if gerr != nil {
				return res, gerr
			}
			return r.resume(ctx, s, it, prior)
		}
		return res, err
	}
	if err := r.step(ctx, it.EventID, StepSendCreated); err != nil {
		return res, err
	}
	sctx, cancel := context.WithTimeout(ctx, r.cfg.SendTimeout)
	out, serr := sender.Send(sctx, wb.Message{ReplySign: chat.ReplySign, Text: text})
	cancel()
	if err := r.step(ctx, it.EventID, StepWBAnswered); err != nil {
		return res, err
	}
	o := outcome(out, serr, r.cfg.Now().UTC())
	done, err := r.cfg.Store.FinishSend(ctx, s.ID, rec.DecisionID, o)
	if errors.Is(err, agentiq.ErrConflict) {
		// Another worker took it for abandoned and finished it as
		// unknown: its word stands, and a human settles it; what WB told
		// this worker is logged for them.
		r.cfg.Logger.Warn("send finished by another worker", "seller", s.ID, "decision_id", rec.DecisionID,
			"wb_status", o.Status, "wb_time", o.ProviderTime, "error", o.Error)
		done, err = r.cfg.Store.Send(ctx, s.ID, rec.DecisionID)
	}
	if err != nil {
		return res, err
	}
	if err := r.step(ctx, it.EventID, StepSendFinished); err != nil {
		return res, err
	}
	return r.afterSend(ctx, s, it, done, rec)
}

// outcome turns WB's answer into the send record's outcome.
func outcome(out wb.SendResult, err error, now time.Time) agentiq.SendOutcome {
	o := agentiq.SendOutcome{Status: agentiq.SendSent, At: now, ProviderTime: out.AddTime}
	if err == nil {
		return o
	}
	o.Error = err.Error()
	if errors.Is(err, wb.OutcomeUnknown) {
		o.Status = agentiq.SendUnknown
	} else {
		o.Status = agentiq.SendFailed // WB refused it, or it never left: nothing was delivered
	}
	return o
}

// resume finishes an item whose decision an earlier try (or another
// worker) claimed. A decision that sends nothing is recorded as it was
// made. A pending send younger than the lease belongs to a worker still
// sending: the item is left to it. An older one was abandoned mid-send:
// its outcome is unknown, and it is never sent again.
func (r *Responder) resume(ctx context.Context, s agentiq.Seller, it agentiq.InboxItem, sr agentiq.SendRecord) (Result, error) {
	res := Result{EventID: it.EventID, DecisionID: sr.DecisionID}
	var rec agentiq.DecisionRecord
	if err := json.Unmarshal(sr.Decision, &rec); err != nil {
		return res, fmt.Errorf("respond: the claim on %s has no readable decision: %w", sr.DecisionID, err)
	}
	if rec.DecisionID != sr.DecisionID {
		return res, fmt.Errorf("respond: the claim on %s holds the decision %q", sr.DecisionID, rec.DecisionID)
	}
	switch sr.Status {
	case agentiq.SendNone:
		return r.finish(ctx, s, it, rec, r.moderation(s, it, rec, sr.Draft))
	case agentiq.SendPending:
		now := r.cfg.Now()
		if now.Sub(sr.CreatedAt) < r.cfg.Lease {
			res.Busy = true
			return res, nil
		}
		done, err := r.cfg.Store.FinishSend(ctx, s.ID, sr.DecisionID, agentiq.SendOutcome{Status: agentiq.SendUnknown, At: now.UTC(),
			Error: "the responder stopped while sending: WB may or may not have the message"})
		if errors.Is(err, agentiq.ErrConflict) {
			done, err = r.cfg.Store.Send(ctx, s.ID, sr.DecisionID)
		}
		if err != nil {
			return res, err
		}
		sr = done
	}
	return r.afterSend(ctx, s, it, sr, rec)
}

// afterSend counts a finished send in the chat, holds a failed or unknown
// one for a human, and records the decision.
func (r *Responder) afterSend(ctx context.Context, s agentiq.Seller, it agentiq.InboxItem, sr agentiq.SendRecord, rec agentiq.DecisionRecord) (Result, error) {
	res := Result{EventID: it.EventID, DecisionID: sr.DecisionID}
	switch sr.Status {
	case agentiq.SendSent:
		at := sr.SentTime()
		rec.Outcome, rec.SentAt = agentiq.OutcomeSent, &at
		if err := r.count(ctx, sr, at, true); err != nil {
			return res, err
		}
	case agentiq.SendFailed:
		rec.Outcome, rec.Error = agentiq.OutcomeFailed, cutErr(sr.Error)
	case agentiq.SendUnknown:
		rec.Outcome, rec.Error = agentiq.OutcomeUnknown, cutErr(sr.Error)
		// Unknown marketing counts against the caps as if it went.
		if err := r.count(ctx, sr, r.cfg.Now().UTC(), false); err != nil {
			return res, err
		}
	default:
		return res, fmt.Errorf("respond: send %s is %s", sr.DecisionID, sr.Status)
	}
	if err := r.step(ctx, it.EventID, StepChatUpdated); err != nil {
		return res, err
	}
	return r.finish(ctx, s, it, rec, r.moderation(s, it, rec, sr.Draft))
}

// count changes the chat for a send, once however often it is retried:
// a delivered message counts as the seller's (and closes the case if its
// template does); an unknown one only joins the marketing history.
func (r *Responder) count(ctx context.Context, sr agentiq.SendRecord, at time.Time, delivered bool) error {
	if !delivered && !sr.Marketing {
		return nil
	}
	_, err := agentiq.UpdateChatFunc(ctx, r.cfg.Store, sr.SellerID, sr.ChatID, func(c *agentiq.ChatState) error {
		if c.Records(sr.DecisionID) {
			return errUnchanged
		}
		c.MarkRecorded(sr.DecisionID)
		switch {
		case delivered:
			c.RecordSend(at, sr.Marketing)
			if sr.CloseCase && c.OpenCase != nil && c.OpenCase.ClosedAt == nil {
				closed := at
				c.OpenCase.ClosedAt = &closed
			}
		default:
			c.MarketingSentAt = append(c.MarketingSentAt, at)
			c.TrimMarketing(at)
		}
		return nil
	})
	if errors.Is(err, errUnchanged) || errors.Is(err, agentiq.ErrNotFound) {
		return nil
	}
	return err
}

var errUnchanged = errors.New("unchanged")
