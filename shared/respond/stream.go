package respond

import (
	"context"
	"errors"
	"fmt"
	"strings"

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
	if !strings.HasPrefix(p, "S#") || !strings.HasSuffix(p, "#INBOX") || !strings.HasPrefix(s, "E#") {
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
