package dynamo

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	agentiq "github.com/agentiq/agentiq/shared"
)

// --- audit ------------------------------------------------------------------------------

// Append adds an entry as the next record of the seller's chain: it reads
// the newest record and puts the next one on condition that its sequence
// number is still free, retrying otherwise. So concurrent appenders never
// fork the chain (two records with one number) or leave a gap.
func (s *Store) Append(ctx context.Context, seller string, e agentiq.AuditEntry) (agentiq.AuditRecord, error) {
	if err := agentiq.ValidateEntry(e); err != nil {
		return agentiq.AuditRecord{}, err
	}
	if err := s.knownSeller(ctx, seller); err != nil {
		return agentiq.AuditRecord{}, err
	}
	for attempt := 0; ; attempt++ {
		// An eventually consistent read of the head: if it is stale, the
		// sequence number is taken and the conditional put below fails.
		head, err := s.auditHead(ctx, "audit append", seller, attempt > 2)
		if err != nil {
			return agentiq.AuditRecord{}, err
		}
		rec := agentiq.NextRecord(seller, head, e)
		m, err := item(rec, auditPK(seller), seqSK(rec.Seq), nil)
		if err != nil {
			return agentiq.AuditRecord{}, err
		}
		out, err := s.db.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(s.cfg.Table), Item: m,
			ConditionExpression: aws.String("attribute_not_exists(SK)"), ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal})
		if err == nil {
			s.writeOne("audit append", out.ConsumedCapacity)
			return rec, nil
		}
		if !conditionFailed(err) {
			return agentiq.AuditRecord{}, wrap("audit append", err)
		}
		if err := backoff(ctx, attempt); err != nil {
			return agentiq.AuditRecord{}, fmt.Errorf("audit append: %w", err)
		}
	}
}

func (s *Store) auditHead(ctx context.Context, op, seller string, consistent bool) (agentiq.AuditRecord, error) {
	items, err := s.query(ctx, op, &dynamodb.QueryInput{
		KeyConditionExpression:    aws.String("PK = :pk AND begins_with(SK, :r)"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":pk": sv(auditPK(seller)), ":r": sv("R#")},
		ScanIndexForward:          aws.Bool(false),
		ConsistentRead:            aws.Bool(consistent),
	}, 1)
	if err != nil || len(items) == 0 {
		return agentiq.AuditRecord{}, err
	}
	return decode[agentiq.AuditRecord](items[0])
}

// AuditHead returns the newest record (the zero record for an empty chain).
func (s *Store) AuditHead(ctx context.Context, seller string) (agentiq.AuditRecord, error) {
	return s.auditHead(ctx, "audit head", seller, true)
}

// AuditSeq returns records with sequence numbers in [from, to].
func (s *Store) AuditSeq(ctx context.Context, seller string, from, to int64) ([]agentiq.AuditRecord, error) {
	items, err := s.query(ctx, "audit range", &dynamodb.QueryInput{
		KeyConditionExpression: aws.String("PK = :pk AND SK BETWEEN :lo AND :hi"),
		ExpressionAttributeValues: map[string]types.AttributeValue{
			":pk": sv(auditPK(seller)), ":lo": sv(seqSK(max(from, 0))), ":hi": sv(seqSK(max(to, 0)))},
		ConsistentRead: aws.Bool(true),
	}, 0)
	if err != nil {
		return nil, err
	}
	out := make([]agentiq.AuditRecord, 0, len(items))
	for _, it := range items {
		r, err := decode[agentiq.AuditRecord](it)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// AuditBetween returns records dated in [from, to), in sequence order. A
// chain is in time order (see agentiq.NextRecord), so the range is found by
// binary search on sequence numbers, with no index to pay for on every
// append.
func (s *Store) AuditBetween(ctx context.Context, seller string, from, to time.Time) ([]agentiq.AuditRecord, error) {
	head, err := s.auditHead(ctx, "audit between", seller, true)
	if err != nil || head.Seq == 0 || !to.After(from) {
		return nil, err
	}
	// first returns the smallest seq in [1, head+1] dated at or after t.
	first := func(t time.Time) (int64, error) {
		lo, hi := int64(1), head.Seq+1
		for lo < hi {
			mid := lo + (hi-lo)/2
			it, err := s.get(ctx, "audit between", auditPK(seller), seqSK(mid), false)
			if err != nil {
				return 0, err
			}
			if it == nil {
				return 0, fmt.Errorf("dynamo: audit record %d of %s is missing", mid, seller)
			}
			r, err := decode[agentiq.AuditRecord](it)
			if err != nil {
				return 0, err
			}
			if r.At.Before(t) {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		return lo, nil
	}
	lo, err := first(from)
	if err != nil {
		return nil, err
	}
	hi, err := first(to)
	if err != nil || hi <= lo {
		return nil, err
	}
	return s.AuditSeq(ctx, seller, lo, hi-1)
}

// errHeadFailed: the condition of one of the items written with audit
// records failed (not a taken sequence number).
var errHeadFailed = errors.New("condition failed")

// writeWithAudit writes the items with the entries appended to the
// seller's chain, in one transaction: each record on condition that its
// sequence number is free, retried with a fresh head when another
// appender took it. A failed condition of one of the items is
// errHeadFailed, and nothing is written.
func (s *Store) writeWithAudit(ctx context.Context, op, seller string, items []types.TransactWriteItem, entries []agentiq.AuditEntry) ([]agentiq.AuditRecord, error) {
	for _, e := range entries {
		if err := agentiq.ValidateEntry(e); err != nil {
			return nil, err
		}
	}
	if len(items)+len(entries) > 100 {
		return nil, fmt.Errorf("%w: %d audit entries in one write", agentiq.ErrInvalid, len(entries))
	}
	for attempt := 0; ; attempt++ {
		head, err := s.auditHead(ctx, op, seller, attempt > 2)
		if err != nil {
			return nil, err
		}
		txn := append(make([]types.TransactWriteItem, 0, len(items)+len(entries)), items...)
		recs := make([]agentiq.AuditRecord, 0, len(entries))
		for _, e := range entries {
			rec := agentiq.NextRecord(seller, head, e)
			m, err := item(rec, auditPK(seller), seqSK(rec.Seq), nil)
			if err != nil {
				return nil, err
			}
			txn = append(txn, types.TransactWriteItem{Put: &types.Put{TableName: aws.String(s.cfg.Table), Item: m,
				ConditionExpression: aws.String("attribute_not_exists(SK)")}})
			recs = append(recs, rec)
			head = rec
		}
		out, err := s.db.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: txn,
			ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal})
		if err == nil {
			s.txn(op, len(txn), out.ConsumedCapacity)
			return recs, nil
		}
		var tce *types.TransactionCanceledException
		if errors.As(err, &tce) {
			for i, r := range tce.CancellationReasons {
				if i < len(items) && r.Code != nil && *r.Code == "ConditionalCheckFailed" {
					return nil, errHeadFailed
				}
			}
		}
		if !conditionFailed(err) {
			return nil, wrap(op, err)
		}
		if err := backoff(ctx, attempt); err != nil {
			return nil, fmt.Errorf("%s: %w", op, err)
		}
	}
}
