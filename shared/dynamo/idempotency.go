package dynamo

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	agentiq "github.com/agentiq/agentiq/shared"
)

func idemPK(seller, key string) string { return "S#" + seller + "#IDEM#" + key }

// PutIdempotent stores the first answer for a key and appends the entries
// to the audit chain in one transaction: the record's put is conditional
// on the key being free (or its record expired, as TTL deletes lazily),
// each audit record on its sequence number being free. A taken sequence
// number is retried with a fresh head; a taken key is ErrExists and
// nothing is written.
func (s *Store) PutIdempotent(ctx context.Context, r agentiq.IdempotencyRecord, entries ...agentiq.AuditEntry) ([]agentiq.AuditRecord, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	for _, e := range entries {
		if err := agentiq.ValidateEntry(e); err != nil {
			return nil, err
		}
	}
	if len(entries) > 98 {
		return nil, fmt.Errorf("%w: %d audit entries for one idempotency record", agentiq.ErrInvalid, len(entries))
	}
	if err := s.knownSeller(ctx, r.SellerID); err != nil {
		return nil, err
	}
	if r.ExpiresAt.IsZero() {
		r.ExpiresAt = r.CreatedAt.Add(agentiq.IdempotencyRetention)
	}
	m, err := item(r, idemPK(r.SellerID, r.Key), "IDEM", map[string]types.AttributeValue{attrTTL: nv(r.ExpiresAt.Unix())})
	if err != nil {
		return nil, err
	}
	put := types.Put{TableName: aws.String(s.cfg.Table), Item: m,
		ConditionExpression:       aws.String("attribute_not_exists(PK) OR #ttl <= :now"),
		ExpressionAttributeNames:  map[string]string{"#ttl": attrTTL},
		ExpressionAttributeValues: map[string]types.AttributeValue{":now": nv(s.cfg.Now().Unix())}}
	exists := fmt.Errorf("idempotency key %q: %w", r.Key, agentiq.ErrExists)
	if len(entries) == 0 {
		out, err := s.db.PutItem(ctx, &dynamodb.PutItemInput{TableName: put.TableName, Item: m, ConditionExpression: put.ConditionExpression,
			ExpressionAttributeNames: put.ExpressionAttributeNames, ExpressionAttributeValues: put.ExpressionAttributeValues,
			ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal})
		if err != nil {
			if conditionFailed(err) {
				return nil, exists
			}
			return nil, wrap("put idempotent", err)
		}
		s.writeOne("put idempotent", out.ConsumedCapacity)
		return nil, nil
	}
	recs, err := s.writeWithAudit(ctx, "put idempotent", r.SellerID, []types.TransactWriteItem{{Put: &put}}, entries)
	if errors.Is(err, errHeadFailed) {
		return nil, exists
	}
	return recs, err
}

// Idempotent returns the live record of a key.
func (s *Store) Idempotent(ctx context.Context, seller, key string) (agentiq.IdempotencyRecord, error) {
	it, err := s.get(ctx, "idempotent", idemPK(seller, key), "IDEM", true)
	if err != nil {
		return agentiq.IdempotencyRecord{}, err
	}
	if it == nil {
		return agentiq.IdempotencyRecord{}, fmt.Errorf("idempotency key %q: %w", key, agentiq.ErrNotFound)
	}
	r, err := decode[agentiq.IdempotencyRecord](it)
	if err != nil {
		return r, err
	}
	if !r.ExpiresAt.After(s.cfg.Now()) {
		return agentiq.IdempotencyRecord{}, fmt.Errorf("idempotency key %q: %w", key, agentiq.ErrNotFound)
	}
	return r, nil
}

// Moderation returns one moderation item, pending or resolved.
func (s *Store) Moderation(ctx context.Context, seller, id string) (agentiq.ModerationItem, error) {
	it, err := s.get(ctx, "moderation", decisionPK(seller, id), "MOD", true)
	if err != nil {
		return agentiq.ModerationItem{}, err
	}
	if it == nil {
		return agentiq.ModerationItem{}, fmt.Errorf("moderation %s: %w", id, agentiq.ErrNotFound)
	}
	return decode[agentiq.ModerationItem](it)
}
