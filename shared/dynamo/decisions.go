package dynamo

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	agentiq "github.com/agentiq/agentiq/shared"
)

// --- deciding and sending --------------------------------------------------------------

// PendingInbox lists pending inbox items, oldest first. The inbox
// partition holds only undecided items, so it is read whole and sorted.
func (s *Store) PendingInbox(ctx context.Context, seller string, limit int) ([]agentiq.InboxItem, error) {
	items, err := s.query(ctx, "pending inbox", &dynamodb.QueryInput{
		KeyConditionExpression:    aws.String("PK = :pk"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":pk": sv(inboxPK(seller))},
	}, 0)
	if err != nil {
		return nil, err
	}
	now := s.cfg.Now()
	out := make([]agentiq.InboxItem, 0, len(items))
	for _, m := range items {
		it, err := decode[agentiq.InboxItem](m)
		if err != nil {
			return nil, err
		}
		if it.ExpiresAt.After(now) { // TTL deletes lazily: an expired item is gone
			out = append(out, it)
		}
	}
	slices.SortFunc(out, func(a, b agentiq.InboxItem) int {
		if c := a.At.Compare(b.At); c != 0 {
			return c
		}
		return strings.Compare(a.EventID, b.EventID)
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// Chat returns a chat's state; a chat never seen is ErrNotFound. The read
// is strongly consistent: the responder reads a chat the moment the
// stream shows its new inbox item, and a stale state would take the new
// message for an old one.
func (s *Store) Chat(ctx context.Context, seller, chatID string) (agentiq.ChatState, error) {
	it, err := s.get(ctx, "chat", chatPK(seller, chatID), "STATE", true)
	if err != nil {
		return agentiq.ChatState{}, err
	}
	if it == nil {
		return agentiq.ChatState{}, fmt.Errorf("chat %s: %w", chatID, agentiq.ErrNotFound)
	}
	return decode[agentiq.ChatState](it)
}

// UpdateChat writes a chat state if its version is the stored one.
func (s *Store) UpdateChat(ctx context.Context, c agentiq.ChatState) (agentiq.ChatState, error) {
	if c.SellerID == "" || c.ChatID == "" {
		return agentiq.ChatState{}, fmt.Errorf("%w: chat without a seller or an id", agentiq.ErrInvalid)
	}
	expected := c.Version
	if expected == 0 { // a new chat: its seller must exist (a stored chat implies it)
		if err := s.knownSeller(ctx, c.SellerID); err != nil {
			return agentiq.ChatState{}, err
		}
	}
	c.Version++
	c.UpdatedAt = s.cfg.Now()
	m, err := item(c, chatPK(c.SellerID, c.ChatID), "STATE", nil)
	if err != nil {
		return agentiq.ChatState{}, err
	}
	in := &dynamodb.PutItemInput{TableName: aws.String(s.cfg.Table), Item: m,
		ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal}
	if expected == 0 {
		in.ConditionExpression = aws.String("attribute_not_exists(PK)")
	} else {
		in.ConditionExpression = aws.String("version = :v")
		in.ExpressionAttributeValues = map[string]types.AttributeValue{":v": nv(expected)}
	}
	out, err := s.db.PutItem(ctx, in)
	if err != nil {
		if conditionFailed(err) {
			return agentiq.ChatState{}, fmt.Errorf("chat %s: %w", c.ChatID, agentiq.ErrConflict)
		}
		return agentiq.ChatState{}, wrap("update chat", err)
	}
	s.writeOne("update chat", out.ConsumedCapacity)
	return c, nil
}

// ResolveInbox takes a decided item out of the inbox and appends its
// audit entries, in one transaction: the delete is conditional on the
// item being there, each record on its sequence number being free. A
// taken sequence number (another appender) is retried with a fresh head;
// a missing item is ErrNotFound and nothing is written.
func (s *Store) ResolveInbox(ctx context.Context, seller, eventID string, entries ...agentiq.AuditEntry) ([]agentiq.AuditRecord, error) {
	del := types.TransactWriteItem{Delete: &types.Delete{
		TableName: aws.String(s.cfg.Table), Key: keyOf(inboxPK(seller), "E#"+eventID),
		ConditionExpression: aws.String("attribute_exists(SK)"),
	}}
	if len(entries) == 0 {
		out, err := s.db.DeleteItem(ctx, &dynamodb.DeleteItemInput{
			TableName: del.Delete.TableName, Key: del.Delete.Key, ConditionExpression: del.Delete.ConditionExpression,
			ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal,
		})
		if err != nil {
			if conditionFailed(err) {
				return nil, fmt.Errorf("inbox item %s: %w", eventID, agentiq.ErrNotFound)
			}
			return nil, wrap("resolve inbox", err)
		}
		s.writeOne("resolve inbox", out.ConsumedCapacity)
		return nil, nil
	}
	recs, err := s.writeWithAudit(ctx, "resolve inbox", seller, []types.TransactWriteItem{del}, entries)
	if errors.Is(err, errHeadFailed) {
		return nil, fmt.Errorf("inbox item %s: %w", eventID, agentiq.ErrNotFound)
	}
	return recs, err
}

// InboxItem returns one pending inbox item.
func (s *Store) InboxItem(ctx context.Context, seller, eventID string) (agentiq.InboxItem, error) {
	it, err := s.get(ctx, "inbox item", inboxPK(seller), "E#"+eventID, true)
	if err != nil {
		return agentiq.InboxItem{}, err
	}
	if it == nil {
		return agentiq.InboxItem{}, fmt.Errorf("inbox item %s: %w", eventID, agentiq.ErrNotFound)
	}
	return decode[agentiq.InboxItem](it)
}

// FailInbox counts a failed try to decide an item.
func (s *Store) FailInbox(ctx context.Context, seller, eventID, reason string) (agentiq.InboxItem, error) {
	if len(reason) > 500 {
		reason = strings.ToValidUTF8(reason[:500], "")
	}
	out, err := s.db.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName: aws.String(s.cfg.Table), Key: keyOf(inboxPK(seller), "E#"+eventID),
		UpdateExpression:          aws.String("SET attempts = if_not_exists(attempts, :zero) + :one, last_error = :err"),
		ConditionExpression:       aws.String("attribute_exists(SK)"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":zero": nv(0), ":one": nv(1), ":err": sv(reason)},
		ReturnValues:              types.ReturnValueAllNew,
		ReturnConsumedCapacity:    types.ReturnConsumedCapacityTotal,
	})
	if err != nil {
		if conditionFailed(err) {
			return agentiq.InboxItem{}, fmt.Errorf("inbox item %s: %w", eventID, agentiq.ErrNotFound)
		}
		return agentiq.InboxItem{}, wrap("fail inbox", err)
	}
	s.writeOne("fail inbox", out.ConsumedCapacity)
	return decode[agentiq.InboxItem](out.Attributes)
}

// transition runs a conditional update from one status to another and
// tells a missing item (ErrNotFound) from one in another status
// (ErrConflict).
func (s *Store) transition(ctx context.Context, op, pk, sk, expr string, vals map[string]types.AttributeValue, from, what string) error {
	out, err := s.db.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName: aws.String(s.cfg.Table), Key: keyOf(pk, sk),
		UpdateExpression:          aws.String(expr),
		ConditionExpression:       aws.String("#st = " + from),
		ExpressionAttributeNames:  map[string]string{"#st": "status"},
		ExpressionAttributeValues: vals,
		ReturnConsumedCapacity:    types.ReturnConsumedCapacityTotal,
	})
	if err == nil {
		s.writeOne(op, out.ConsumedCapacity)
		return nil
	}
	if !conditionFailed(err) {
		return wrap(op, err)
	}
	it, gerr := s.get(ctx, op, pk, sk, true)
	if gerr != nil {
		return gerr
	}
	if it == nil {
		return fmt.Errorf("%s: %w", what, agentiq.ErrNotFound)
	}
	return fmt.Errorf("%s is no longer %s: %w", what, from[1:], agentiq.ErrConflict)
}

// CreateSend records a decision to send before sending.
func (s *Store) CreateSend(ctx context.Context, r agentiq.SendRecord) error {
	if r.SellerID == "" || r.DecisionID == "" || !r.Channel.Valid() || !r.Status.Claimable() || r.CreatedAt.IsZero() {
		return fmt.Errorf("%w: a new send record needs a seller, a decision id, a channel, a time and status pending or none", agentiq.ErrInvalid)
	}
	if err := s.knownSeller(ctx, r.SellerID); err != nil {
		return err
	}
	if r.ExpiresAt.IsZero() {
		r.ExpiresAt = r.CreatedAt.Add(agentiq.SendRetention)
	}
	m, err := item(r, decisionPK(r.SellerID, r.DecisionID), "SEND", map[string]types.AttributeValue{attrTTL: nv(r.ExpiresAt.Unix())})
	if err != nil {
		return err
	}
	return s.create(ctx, "create send", m, "send "+r.DecisionID)
}

func (s *Store) create(ctx context.Context, op string, m map[string]types.AttributeValue, what string) error {
	out, err := s.db.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(s.cfg.Table), Item: m,
		ConditionExpression: aws.String("attribute_not_exists(PK)"), ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal})
	if err != nil {
		if conditionFailed(err) {
			return fmt.Errorf("%s: %w", what, agentiq.ErrExists)
		}
		return wrap(op, err)
	}
	s.writeOne(op, out.ConsumedCapacity)
	return nil
}

// FinishSend ends a pending send record.
func (s *Store) FinishSend(ctx context.Context, seller, decisionID string, o agentiq.SendOutcome) (agentiq.SendRecord, error) {
	if err := o.Validate(); err != nil {
		return agentiq.SendRecord{}, err
	}
	set := []string{"#st = :st", "finished_at = :at"}
	vals := map[string]types.AttributeValue{":st": sv(string(o.Status)), ":at": sv(o.At.Format(time.RFC3339Nano)),
		":pending": sv(string(agentiq.SendPending))}
	if o.ProviderTime != 0 {
		set = append(set, "provider_time = :pt")
		vals[":pt"] = nv(o.ProviderTime)
	}
	if o.Error != "" {
		set = append(set, "#err = :err")
		vals[":err"] = sv(o.Error)
	}
	expr := "SET " + strings.Join(set, ", ")
	out, err := s.db.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName: aws.String(s.cfg.Table), Key: keyOf(decisionPK(seller, decisionID), "SEND"),
		UpdateExpression:          aws.String(expr),
		ConditionExpression:       aws.String("#st = :pending"),
		ExpressionAttributeNames:  errNames(o.Error != ""),
		ExpressionAttributeValues: vals,
		ReturnValues:              types.ReturnValueAllNew,
		ReturnConsumedCapacity:    types.ReturnConsumedCapacityTotal,
	})
	if err != nil {
		if !conditionFailed(err) {
			return agentiq.SendRecord{}, wrap("finish send", err)
		}
		if _, gerr := s.Send(ctx, seller, decisionID); gerr != nil {
			return agentiq.SendRecord{}, gerr
		}
		return agentiq.SendRecord{}, fmt.Errorf("send %s is no longer pending: %w", decisionID, agentiq.ErrConflict)
	}
	s.writeOne("finish send", out.ConsumedCapacity)
	return decode[agentiq.SendRecord](out.Attributes)
}

func errNames(withErr bool) map[string]string {
	m := map[string]string{"#st": "status"}
	if withErr {
		m["#err"] = "error"
	}
	return m
}

// Send returns a send record.
func (s *Store) Send(ctx context.Context, seller, decisionID string) (agentiq.SendRecord, error) {
	it, err := s.get(ctx, "send", decisionPK(seller, decisionID), "SEND", true)
	if err != nil {
		return agentiq.SendRecord{}, err
	}
	if it == nil {
		return agentiq.SendRecord{}, fmt.Errorf("send %s: %w", decisionID, agentiq.ErrNotFound)
	}
	return decode[agentiq.SendRecord](it)
}

// queryIndex reads the sparse index for pk, optionally between two sort
// keys, and decodes the items.
func queryIndex[T any](ctx context.Context, s *Store, op, pk, lo, hi string, limit int) ([]T, error) {
	in := &dynamodb.QueryInput{
		IndexName:                 aws.String(gsi1),
		KeyConditionExpression:    aws.String("GSI1PK = :pk"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":pk": sv(pk)},
	}
	if lo != "" {
		in.KeyConditionExpression = aws.String("GSI1PK = :pk AND GSI1SK BETWEEN :lo AND :hi")
		in.ExpressionAttributeValues[":lo"], in.ExpressionAttributeValues[":hi"] = sv(lo), sv(hi)
	}
	items, err := s.query(ctx, op, in, limit)
	if err != nil {
		return nil, err
	}
	out := make([]T, 0, len(items))
	for _, m := range items {
		v, err := decode[T](m)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// --- moderation --------------------------------------------------------------------------

// EnqueueModeration adds a draft for a moderator.
func (s *Store) EnqueueModeration(ctx context.Context, m agentiq.ModerationItem) error {
	if m.SellerID == "" || m.ID == "" || m.CreatedAt.IsZero() || m.Status != agentiq.ModerationPending {
		return fmt.Errorf("%w: a moderation item needs a seller, an id, a time and status pending or none", agentiq.ErrInvalid)
	}
	if err := s.knownSeller(ctx, m.SellerID); err != nil {
		return err
	}
	it, err := item(m, decisionPK(m.SellerID, m.ID), "MOD", map[string]types.AttributeValue{
		attrGSI1PK: sv(sellerKey(m.SellerID) + "#MODQ"),
		attrGSI1SK: sv(ts(m.CreatedAt) + "#" + m.ID),
	})
	if err != nil {
		return err
	}
	return s.create(ctx, "enqueue moderation", it, "moderation "+m.ID)
}

// PendingModeration lists drafts waiting for a moderator, oldest first.
func (s *Store) PendingModeration(ctx context.Context, seller string, limit int) ([]agentiq.ModerationItem, error) {
	return queryIndex[agentiq.ModerationItem](ctx, s, "pending moderation", sellerKey(seller)+"#MODQ", "", "", limit)
}

// ResolveModeration approves or rejects a pending draft.
func (s *Store) ResolveModeration(ctx context.Context, seller, id string, status agentiq.ModerationStatus, moderator string, at time.Time) (agentiq.ModerationItem, error) {
	if status != agentiq.ModerationApproved && status != agentiq.ModerationRejected {
		return agentiq.ModerationItem{}, fmt.Errorf("%w: moderation ends approved or rejected", agentiq.ErrInvalid)
	}
	vals := map[string]types.AttributeValue{":st": sv(string(status)), ":at": sv(at.Format(time.RFC3339Nano)),
		":pending": sv(string(agentiq.ModerationPending))}
	expr := "SET #st = :st, resolved_at = :at REMOVE GSI1PK, GSI1SK"
	if moderator != "" {
		expr = "SET #st = :st, resolved_at = :at, moderator = :m REMOVE GSI1PK, GSI1SK"
		vals[":m"] = sv(moderator)
	}
	if err := s.transition(ctx, "resolve moderation", decisionPK(seller, id), "MOD", expr, vals, ":pending", "moderation "+id); err != nil {
		return agentiq.ModerationItem{}, err
	}
	it, err := s.get(ctx, "resolve moderation", decisionPK(seller, id), "MOD", true)
	if err != nil {
		return agentiq.ModerationItem{}, err
	}
	return decode[agentiq.ModerationItem](it)
}
