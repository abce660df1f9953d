package respond

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-lambda-go/events"

	agentiq "github.com/agentiq/agentiq/shared"
)

// InboxKey tells a DynamoDB stream record of a new inbox item: its table
// keys are PK "S#<seller>#INBOX" and SK "E#<event id>" (shared/dynamo).
func InboxKey(keys map[string]events.DynamoDBAttributeValue) (seller, eventID string, ok bool) {
	pk, okPK := keys["PK"]
	sk, okSK := keys["SK"]
	if !okPK || !okSK || pk.DataType() != events.DataTypeString || sk.DataType() != events.DataTypeString {
		return "", "", false
	}
	p, s := pk.String(), sk.String()
	if len(p) <= len("S#")+len("#INBOX") || !strings.HasPrefix(p, "S#") || !strings.HasSuffix(p, "#INBOX") || !strings.HasPrefix(s, "E#") {
		return "", "", false
	}
	seller, eventID = p[2:len(p)-len("#INBOX")], s[2:]
	return seller, eventID, seller != "" && eventID != "" && !strings.Contains(seller, "#")
}

// StreamReport is what one batch of stream records did.
type StreamReport struct {
	Answered int
	Skipped  int // not new inbox items, or already answered
	Failed   int
}

// Invocation is what invokes the ResponderFunction: a batch of the
// table's stream records, or the sweep schedule's EventBridge event.
type Invocation struct {
	events.DynamoDBEvent
	Source     string `json:"source,omitempty"`
	DetailType string `json:"detail-type,omitempty"`
}

// Handle is the ResponderFunction's handler: a stream batch is answered
// record by record; the sweep schedule answers what the stream left —
// items a worker abandoned, or whose retries ran out — once they are
// older than the lease.
func (r *Responder) Handle(ctx context.Context, inv Invocation) (events.DynamoDBEventResponse, error) {
	if len(inv.Records) == 0 && inv.Source == "aws.events" {
		return events.DynamoDBEventResponse{}, r.Sweep(ctx)
	}
	return r.HandleStream(ctx, inv.DynamoDBEvent)
}

// Sweep answers, for every active seller, the pending items older than
// the lease: the stream's safety net.
func (r *Responder) Sweep(ctx context.Context) error {
	all, err := r.cfg.Store.Sellers(ctx)
	if err != nil {
		return fmt.Errorf("respond: sweep: %w", err)
	}
	var errs []error
	for _, s := range all {
		if !s.Active {
			continue
		}
		rep, err := r.RunOlder(ctx, s.ID, r.cfg.Lease)
		r.cfg.Logger.Info("swept", "seller", s.ID, "answered", rep.Items, "busy", rep.Busy, "failed", rep.Failed)
		if err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// HandleStream answers the inbox items a batch of the table's stream
// records inserted. A record that fails is reported as a batch item
// failure, so that only it is retried (the stream's
// ReportBatchItemFailures); the rest of the batch is not blocked. After
// MaxAttempts the item is held for a human with a failure record, so a
// record that keeps failing ends recorded, not lost. A record that is not
// a readable inbox key (a poison record) is reported failed: the event
// source mapping retries it, then sends it to the on-failure destination.
func (r *Responder) HandleStream(ctx context.Context, ev events.DynamoDBEvent) (events.DynamoDBEventResponse, error) {
	resp, _ := r.Stream(ctx, ev)
	return resp, nil
}

// Stream is HandleStream with its report.
func (r *Responder) Stream(ctx context.Context, ev events.DynamoDBEvent) (events.DynamoDBEventResponse, StreamReport) {
	var resp events.DynamoDBEventResponse
	var rep StreamReport
	sellers := map[string]agentiq.Seller{}
	fail := func(rec events.DynamoDBEventRecord, err error) {
		rep.Failed++
		resp.BatchItemFailures = append(resp.BatchItemFailures, events.DynamoDBBatchItemFailure{ItemIdentifier: rec.Change.SequenceNumber})
		r.cfg.Logger.Warn("stream record failed", "event_id", rec.EventID, "sequence", rec.Change.SequenceNumber, "error", err.Error())
	}
	for _, rec := range ev.Records {
		if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < r.cfg.SendTimeout+5*time.Second {
			fail(rec, errors.New("not started: too little time left in this invocation")) // retried
			continue
		}
		if rec.EventName != string(events.DynamoDBOperationTypeInsert) {
			rep.Skipped++ // the filter keeps these away; a modify or remove is no new message
			continue
		}
		seller, eventID, ok := InboxKey(rec.Change.Keys)
		if !ok {
			if isInbox(rec.Change.Keys) {
				fail(rec, errors.New("an inbox record whose keys cannot be read"))
			} else {
				rep.Skipped++
			}
			continue
		}
		s, known := sellers[seller]
		if !known {
			var err error
			if s, err = r.cfg.Store.Seller(ctx, seller); err != nil {
				fail(rec, fmt.Errorf("seller %s: %w", seller, err))
				continue
			}
			sellers[seller] = s
		}
		it, err := r.cfg.Store.InboxItem(ctx, seller, eventID)
		if errors.Is(err, agentiq.ErrNotFound) {
			rep.Skipped++ // answered already (a retry, or a local run)
			continue
		}
		if err != nil {
			fail(rec, err)
			continue
		}
		res, err := r.Item(ctx, s, it)
		switch {
		case err != nil:
			fail(rec, err)
		case res.Busy:
			// Another worker is sending it: retry the record later, when
			// that worker is done or its lease has run out.
			fail(rec, errors.New("another worker is answering it"))
		default:
			rep.Answered++
		}
	}
	return resp, rep
}

// isInbox reports whether keys look like an inbox item's at all.
func isInbox(keys map[string]events.DynamoDBAttributeValue) bool {
	pk, ok := keys["PK"]
	return ok && pk.DataType() == events.DataTypeString && strings.HasSuffix(pk.String(), "#INBOX")
}
