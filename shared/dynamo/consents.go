package dynamo

import (
	"context"
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

func consentSK(c agentiq.Consent) string {
	return "CONSENT#" + c.Purpose + "#" + c.Channel + "#" + ts(c.GrantedAt)
}

// Subject returns a subject with its consents.
func (s *Store) Subject(ctx context.Context, seller, subjectKey string) (agentiq.Subject, error) {
	items, err := s.query(ctx, "subject", &dynamodb.QueryInput{
		KeyConditionExpression:    aws.String("PK = :pk"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":pk": sv(subjectPK(seller, subjectKey))},
		ConsistentRead:            aws.Bool(true),
	}, 0)
	if err != nil {
		return agentiq.Subject{}, err
	}
	if len(items) == 0 {
		return agentiq.Subject{}, fmt.Errorf("subject: %w", agentiq.ErrNotFound)
	}
	var sub agentiq.Subject
	for _, it := range items {
		sk := it[attrSK].(*types.AttributeValueMemberS).Value
		if sk == "STATE" {
			st, err := decode[agentiq.Subject](it)
			if err != nil {
				return sub, err
			}
			st.Consents = sub.Consents
			sub = st
			continue
		}
		c, err := decode[agentiq.Consent](it)
		if err != nil {
			return sub, err
		}
		sub.Consents = append(sub.Consents, c)
	}
	sub.SellerID, sub.Key = seller, subjectKey
	return sub, nil
}

// RecordConsent stores a consent; the same consent twice is ErrExists.
func (s *Store) RecordConsent(ctx context.Context, c agentiq.Consent) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if c.RecordedAt.IsZero() {
		c.RecordedAt = s.cfg.Now()
	}
	if err := s.knownSeller(ctx, c.SellerID); err != nil {
		return err
	}
	m, err := item(c, subjectPK(c.SellerID, c.SubjectKey), consentSK(c), map[string]types.AttributeValue{
		attrGSI1PK: sv(sellerKey(c.SellerID) + "#CONSENTS"),
		attrGSI1SK: sv(ts(c.RecordedAt) + "#" + c.SubjectKey + "#" + consentSK(c)),
	})
	if err != nil {
		return err
	}
	out, err := s.db.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(s.cfg.Table), Item: m,
		ConditionExpression:    aws.String("attribute_not_exists(SK)"),
		ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal})
	if err != nil {
		if conditionFailed(err) {
			return fmt.Errorf("consent: %w", agentiq.ErrExists)
		}
		return wrap("record consent", err)
	}
	s.writeOne("record consent", out.ConsumedCapacity)
	return nil
}

// WithdrawConsent marks the subject's current consents for purpose and
// channel withdrawn at `at`.
func (s *Store) WithdrawConsent(ctx context.Context, seller, subjectKey, purpose, channel string, at time.Time) error {
	items, err := s.query(ctx, "withdraw consent", &dynamodb.QueryInput{
		KeyConditionExpression: aws.String("PK = :pk AND begins_with(SK, :sk)"),
		ExpressionAttributeValues: map[string]types.AttributeValue{
			":pk": sv(subjectPK(seller, subjectKey)), ":sk": sv("CONSENT#" + purpose + "#" + channel + "#")},
		ConsistentRead: aws.Bool(true),
	}, 0)
	if err != nil {
		return err
	}
	if len(items) == 0 {
		return fmt.Errorf("consent: %w", agentiq.ErrNotFound)
	}
	for _, it := range items {
		c, err := decode[agentiq.Consent](it)
		if err != nil {
			return err
		}
		if c.WithdrawnAt != nil || c.GrantedAt.After(at) {
			continue
		}
		out, err := s.db.UpdateItem(ctx, &dynamodb.UpdateItemInput{
			TableName: aws.String(s.cfg.Table), Key: keyOf(subjectPK(seller, subjectKey), consentSK(c)),
			UpdateExpression:          aws.String("SET withdrawn_at = :at"),
			ConditionExpression:       aws.String("attribute_not_exists(withdrawn_at)"),
			ExpressionAttributeValues: map[string]types.AttributeValue{":at": sv(at.Format(time.RFC3339Nano))},
			ReturnConsumedCapacity:    types.ReturnConsumedCapacityTotal,
		})
		if err != nil && !conditionFailed(err) {
			return wrap("withdraw consent", err)
		}
		if err == nil {
			s.writeOne("withdraw consent", out.ConsumedCapacity)
		}
	}
	return nil
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
		sub.SellerID, sub.Key, sub.Consents = seller, subjectKey, nil
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

// ConsentsBetween returns consents recorded in [from, to).
func (s *Store) ConsentsBetween(ctx context.Context, seller string, from, to time.Time) ([]agentiq.Consent, error) {
	return queryIndex[agentiq.Consent](ctx, s, "consents between", sellerKey(seller)+"#CONSENTS", ts(from), ts(to.Add(-time.Nanosecond))+"~", 0)
}
