package dynamo

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	agentiq "github.com/agentiq/agentiq/shared"
)

// --- subjects and consents -------------------------------------------------------------------

func consentSK(e agentiq.ConsentEvent) string    { return "CEV#" + ts(e.At) + "#" + e.RecordID }
func consentIDPK(seller, recordID string) string { return "S#" + seller + "#CREC#" + recordID }
func consentStreamPK(seller string) string       { return sellerKey(seller) + "#CONSENTEV" }

// consentRef is the item that reserves a record id: the event's
// fingerprint tells a repeat from a clash.
type consentRef struct {
	Fingerprint string `json:"fingerprint"`
	SubjectKey  string `json:"subject_key"`
}

// Subject returns a subject's state.
func (s *Store) Subject(ctx context.Context, seller, subjectKey string) (agentiq.Subject, error) {
	it, err := s.get(ctx, "subject", subjectPK(seller, subjectKey), "STATE", true)
	if err != nil {
		return agentiq.Subject{}, err
	}
	if it == nil {
		return agentiq.Subject{}, fmt.Errorf("subject: %w", agentiq.ErrNotFound)
	}
	sub, err := decode[agentiq.Subject](it)
	sub.SellerID, sub.Key = seller, subjectKey
	return sub, err
}

// RegisterConsent writes, in one transaction, the item reserving the
// record id, the event in its subject's partition (indexed by time for
// the reports) and the next audit record; a conflict on the audit
// sequence is retried, one on the record id means it is registered.
func (s *Store) RegisterConsent(ctx context.Context, e agentiq.ConsentEvent) (bool, error) {
	const op = "register consent"
	e, fp, entry, err := agentiq.PrepareConsent(e, s.cfg.Now())
	if err != nil {
		return false, err
	}
	if err := s.knownSeller(ctx, e.SellerID); err != nil {
		return false, err
	}
	ref, err := item(consentRef{Fingerprint: fp, SubjectKey: e.SubjectKey}, consentIDPK(e.SellerID, e.RecordID), "CREC", nil)
	if err != nil {
		return false, err
	}
	ev, err := item(e, subjectPK(e.SellerID, e.SubjectKey), consentSK(e), map[string]types.AttributeValue{
		attrGSI1PK: sv(consentStreamPK(e.SellerID)),
		attrGSI1SK: sv(ts(e.At) + "#" + e.RecordID),
	})
	if err != nil {
		return false, err
	}
	table := aws.String(s.cfg.Table)
	notExists := aws.String("attribute_not_exists(SK)")
	_, err = s.writeWithAudit(ctx, op, e.SellerID, []types.TransactWriteItem{
		{Put: &types.Put{TableName: table, Item: ref, ConditionExpression: notExists}},
		{Put: &types.Put{TableName: table, Item: ev, ConditionExpression: notExists}},
	}, []agentiq.AuditEntry{entry})
	if errors.Is(err, errHeadFailed) {
		return false, s.sameConsent(ctx, e, fp)
	}
	return err == nil, err
}

// sameConsent checks that the registered event under e's record id is e.
func (s *Store) sameConsent(ctx context.Context, e agentiq.ConsentEvent, fp string) error {
	it, err := s.get(ctx, "register consent", consentIDPK(e.SellerID, e.RecordID), "CREC", true)
	if err != nil {
		return err
	}
	ref, err := decode[consentRef](it)
	if err != nil {
		return err
	}
	if ref.Fingerprint != fp {
		return fmt.Errorf("consent record %s: %w: the id is registered for a different event", e.RecordID, agentiq.ErrConflict)
	}
	return nil
}

// ConsentEvents returns a subject's consent events in time order.
func (s *Store) ConsentEvents(ctx context.Context, seller, subjectKey string) ([]agentiq.ConsentEvent, error) {
	items, err := s.query(ctx, "consent events", &dynamodb.QueryInput{
		KeyConditionExpression: aws.String("PK = :pk AND begins_with(SK, :sk)"),
		ExpressionAttributeValues: map[string]types.AttributeValue{
			":pk": sv(subjectPK(seller, subjectKey)), ":sk": sv("CEV#")},
		ConsistentRead: aws.Bool(true),
	}, 0)
	if err != nil {
		return nil, err
	}
	out := make([]agentiq.ConsentEvent, 0, len(items))
	for _, it := range items {
		e, err := decode[agentiq.ConsentEvent](it)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// ConsentEventsBetween calls fn with each event dated in [from, to), in
// time order, a page of the index at a time.
func (s *Store) ConsentEventsBetween(ctx context.Context, seller string, from, to time.Time, fn func(agentiq.ConsentEvent) error) error {
	const op = "consent events between"
	if !to.After(from) {
		return nil
	}
	in := &dynamodb.QueryInput{
		TableName:              aws.String(s.cfg.Table),
		IndexName:              aws.String(gsi1),
		KeyConditionExpression: aws.String("GSI1PK = :pk AND GSI1SK BETWEEN :lo AND :hi"),
		ExpressionAttributeValues: map[string]types.AttributeValue{
			":pk": sv(consentStreamPK(seller)), ":lo": sv(ts(from)), ":hi": sv(ts(to.Add(-time.Nanosecond)) + "~")},
		ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal,
	}
	for {
		res, err := s.db.Query(ctx, in)
		if err != nil {
			return wrap(op, err)
		}
		s.readOne(op, res.ConsumedCapacity)
		for _, it := range res.Items {
			e, err := decode[agentiq.ConsentEvent](it)
			if err != nil {
				return err
			}
			if err := fn(e); err != nil {
				return err
			}
		}
		if len(res.LastEvaluatedKey) == 0 {
			return nil
		}
		in.ExclusiveStartKey = res.LastEvaluatedKey
	}
}

// changeSubject reads, changes and writes a subject's state, retrying when
// another writer got there first.
func (s *Store) changeSubject(ctx context.Context, op, seller, subjectKey string, change func(*agentiq.Subject)) error {
	if subjectKey == "" {
		return fmt.Errorf("%w: empty subject key", agentiq.ErrInvalid)
	}
	if err := s.knownSeller(ctx, seller); err != nil {
		return err
	}
	for attempt := 0; ; attempt++ {
		it, err := s.get(ctx, op, subjectPK(seller, subjectKey), "STATE", true)
		if err != nil {
			return err
		}
		var sub agentiq.Subject
		var version int64
		if it != nil {
			if sub, err = decode[agentiq.Subject](it); err != nil {
				return err
			}
			if v, ok := it["version"].(*types.AttributeValueMemberN); ok {
				version, _ = strconv.ParseInt(v.Value, 10, 64)
			}
		}
		sub.SellerID, sub.Key = seller, subjectKey
		change(&sub)
		m, err := item(sub, subjectPK(seller, subjectKey), "STATE", map[string]types.AttributeValue{"version": nv(version + 1)})
		if err != nil {
			return err
		}
		in := &dynamodb.PutItemInput{TableName: aws.String(s.cfg.Table), Item: m, ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal}
		if it == nil {
			in.ConditionExpression = aws.String("attribute_not_exists(PK)")
		} else {
			in.ConditionExpression = aws.String("version = :v")
			in.ExpressionAttributeValues = map[string]types.AttributeValue{":v": nv(version)}
		}
		out, err := s.db.PutItem(ctx, in)
		if err == nil {
			s.writeOne(op, out.ConsumedCapacity)
			return nil
		}
		if !conditionFailed(err) {
			return wrap(op, err)
		}
		if err := backoff(ctx, attempt); err != nil {
			return err
		}
	}
}

// RecordOptOut records a subject's opt-out (the first one stands).
func (s *Store) RecordOptOut(ctx context.Context, seller, subjectKey string, at time.Time, evidence string) error {
	return s.changeSubject(ctx, "record opt-out", seller, subjectKey, func(sub *agentiq.Subject) {
		if sub.OptedOutAt == nil {
			sub.OptedOutAt, sub.OptOutRef = &at, evidence
		}
	})
}

// RecordMarketing adds a marketing send to a subject's history.
func (s *Store) RecordMarketing(ctx context.Context, seller, subjectKey string, ch agentiq.Channel, at time.Time) error {
	if !ch.Valid() {
		return fmt.Errorf("%w: channel %q", agentiq.ErrInvalid, ch)
	}
	return s.changeSubject(ctx, "record marketing", seller, subjectKey, func(sub *agentiq.Subject) {
		if sub.MarketingSentAt == nil {
			sub.MarketingSentAt = map[agentiq.Channel][]time.Time{}
		}
		list := append(sub.MarketingSentAt[ch], at)
		sub.MarketingSentAt[ch] = slices.DeleteFunc(list, func(t time.Time) bool { return at.Sub(t) > agentiq.ChatMarketingWindow })
	})
}
