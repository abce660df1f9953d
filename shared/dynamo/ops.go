package dynamo

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/ingest"
)

// --- ingestion ------------------------------------------------------------------------

// Cursor returns the seller's poll cursor (0 before the first page).
func (s *Store) Cursor(ctx context.Context, seller string) (int64, error) {
	if err := s.knownSeller(ctx, seller); err != nil {
		return 0, err
	}
	return s.cursor(ctx, seller)
}

func (s *Store) cursor(ctx context.Context, seller string) (int64, error) {
	it, err := s.get(ctx, "cursor", sellerKey(seller), "CURSOR", true)
	if err != nil || it == nil {
		return 0, err
	}
	n, ok := it["position"].(*types.AttributeValueMemberN)
	if !ok {
		return 0, fmt.Errorf("dynamo: cursor of %s has no number", seller)
	}
	return strconv.ParseInt(n.Value, 10, 64)
}

type loader struct {
	ctx        context.Context
	s          *Store
	seller     string
	consistent bool
}

// batchGet reads items by key, 100 at a time, and returns them by PK.
func (l loader) batchGet(op string, keys []map[string]types.AttributeValue, consistent bool) (map[string]map[string]types.AttributeValue, error) {
	out := map[string]map[string]types.AttributeValue{}
	for len(keys) > 0 {
		n := min(len(keys), 100)
		req := map[string]types.KeysAndAttributes{l.s.cfg.Table: {Keys: keys[:n], ConsistentRead: aws.Bool(consistent)}}
		keys = keys[n:]
		for len(req) > 0 {
			res, err := l.s.db.BatchGetItem(l.ctx, &dynamodb.BatchGetItemInput{RequestItems: req,
				ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal})
			if err != nil {
				return nil, wrap(op, err)
			}
			l.s.read(op, res.ConsumedCapacity...)
			for _, it := range res.Responses[l.s.cfg.Table] {
				if pk, ok := it[attrPK].(*types.AttributeValueMemberS); ok {
					out[pk.Value] = it
				}
			}
			req = res.UnprocessedKeys
		}
	}
	return out, nil
}

func (l loader) Chats(ids []string) (map[string]agentiq.ChatState, error) {
	var keys []map[string]types.AttributeValue
	for _, id := range ids {
		keys = append(keys, keyOf(chatPK(l.seller, id), "STATE"))
	}
	got, err := l.batchGet("ingest: read chats", keys, l.consistent)
	if err != nil {
		return nil, err
	}
	out := map[string]agentiq.ChatState{}
	for _, it := range got {
		c, err := decode[agentiq.ChatState](it)
		if err != nil {
			return nil, err
		}
		out[c.ChatID] = c
	}
	return out, nil
}

// Ingest stores one page: each planned chunk is one TransactWriteItems, the
// cursor moving in the last, so a failure leaves the cursor where it was
// and the next run completes the page without storing anything twice.
func (s *Store) Ingest(ctx context.Context, b agentiq.IngestBatch) (agentiq.IngestResult, error) {
	if err := ingest.Validate(b); err != nil {
		return agentiq.IngestResult{}, err
	}
	if b.Now.IsZero() {
		b.Now = s.cfg.Now()
	}
	if err := s.knownSeller(ctx, b.SellerID); err != nil {
		return agentiq.IngestResult{}, err
	}
	cur, err := s.cursor(ctx, b.SellerID)
	if err != nil {
		return agentiq.IngestResult{}, err
	}
	if cur != b.From {
		return agentiq.IngestResult{}, fmt.Errorf("cursor is %d, the page was fetched at %d: %w", cur, b.From, agentiq.ErrConflict)
	}
	// Chat states are read eventually consistent (half the cost); the
	// transactions' conditions catch a stale read, and the page is then
	// planned again from consistent reads.
	res, err := s.ingest(ctx, b, false)
	if errors.Is(err, errStale) {
		res, err = s.ingest(ctx, b, true)
	}
	return res, err
}

// errStale: the first transaction's condition failed; the plan may rest on
// a stale read.
var errStale = errors.New("stale read")

func (s *Store) ingest(ctx context.Context, b agentiq.IngestBatch, consistent bool) (agentiq.IngestResult, error) {
	plan, err := ingest.Make(b, loader{ctx: ctx, s: s, seller: b.SellerID, consistent: consistent}, s.cfg.Ingest)
	if err != nil {
		return agentiq.IngestResult{}, err
	}
	// Encode every write first: an item that cannot be encoded fails the
	// page before anything is written.
	writes := make([]chunkWrites, len(plan.Chunks))
	for i, c := range plan.Chunks {
		if writes[i], err = s.chunkWrites(plan, c); err != nil {
			return agentiq.IngestResult{}, err
		}
	}
	// A condition failing on a plan made from eventually consistent reads
	// may be a stale read: the page is planned again from consistent ones.
	// That is safe even after some writes, because a plan skips what the
	// chats already hold.
	conflict := func(what string) error {
		if !consistent {
			return errStale
		}
		return fmt.Errorf("ingest: %s: %w", what, agentiq.ErrConflict)
	}
	for i, w := range writes {
		if s.cfg.BeforeTxn != nil {
			if err := s.cfg.BeforeTxn(i); err != nil {
				return agentiq.IngestResult{}, fmt.Errorf("ingest transaction %d: %w", i, err)
			}
		}
		if len(w.txn) > 0 {
			out, err := s.db.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: w.txn,
				ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal})
			if err != nil {
				if conditionFailed(err) {
					return agentiq.IngestResult{}, conflict(fmt.Sprintf("transaction %d of %d", i+1, len(writes)))
				}
				return agentiq.IngestResult{}, wrap(fmt.Sprintf("ingest transaction %d of %d", i+1, len(writes)), err)
			}
			s.txn("ingest: write", len(w.txn), out.ConsumedCapacity)
		}
		for _, p := range w.single {
			if err := s.conditionalPut(ctx, "ingest: chat", p); err != nil {
				if conditionFailed(err) {
					return agentiq.IngestResult{}, conflict("chat version")
				}
				return agentiq.IngestResult{}, wrap("ingest: chat", err)
			}
		}
	}
	// The cursor moves last, once the whole page is in.
	if err := s.conditionalPut(ctx, "ingest: cursor", s.cursorPut(plan)); err != nil {
		if conditionFailed(err) {
			return agentiq.IngestResult{}, fmt.Errorf("ingest: cursor moved: %w", agentiq.ErrConflict)
		}
		return agentiq.IngestResult{}, wrap("ingest: cursor", err)
	}
	return plan.Result, nil
}

// chunkWrites are one chunk's writes: the chats that get inbox items go
// in one transaction with them (a chat's watermark must never pass an
// inbox item that is not stored); a chat with nothing for the inbox is a
// single conditional put, at half a transaction's cost.
type chunkWrites struct {
	txn    []types.TransactWriteItem
	single []*types.Put
}

func (s *Store) chunkWrites(p *ingest.Plan, c ingest.Chunk) (chunkWrites, error) {
	var w chunkWrites
	table := aws.String(s.cfg.Table)
	withInbox := map[string]bool{}
	for _, it := range c.Inbox {
		m, err := s.inboxItem(it)
		if err != nil {
			return w, err
		}
		withInbox[it.ChatID] = true
		w.txn = append(w.txn, types.TransactWriteItem{Put: &types.Put{TableName: table, Item: m,
			ConditionExpression: aws.String("attribute_not_exists(SK)")}})
	}
	for _, cw := range c.Chats {
		st := cw.State
		st.Version = cw.Expected + 1
		m, err := item(st, chatPK(p.SellerID, st.ChatID), "STATE", nil)
		if err != nil {
			return w, err
		}
		put := &types.Put{TableName: table, Item: m}
		if cw.Expected == 0 {
			put.ConditionExpression = aws.String("attribute_not_exists(PK)")
		} else {
			put.ConditionExpression = aws.String("version = :v")
			put.ExpressionAttributeValues = map[string]types.AttributeValue{":v": nv(cw.Expected)}
		}
		if withInbox[st.ChatID] {
			w.txn = append(w.txn, types.TransactWriteItem{Put: put})
		} else {
			w.single = append(w.single, put)
		}
	}
	return w, nil
}

// cursorPut moves the cursor from the page's From to its Next.
func (s *Store) cursorPut(p *ingest.Plan) *types.Put {
	cond := "#pos = :from"
	if p.From == 0 {
		cond = "attribute_not_exists(PK) OR #pos = :from"
	}
	return &types.Put{TableName: aws.String(s.cfg.Table),
		Item: map[string]types.AttributeValue{attrPK: sv(sellerKey(p.SellerID)), attrSK: sv("CURSOR"),
			"position": nv(p.Next), "updated_at": sv(ts(s.cfg.Now()))},
		ExpressionAttributeNames:  map[string]string{"#pos": "position"},
		ConditionExpression:       aws.String(cond),
		ExpressionAttributeValues: map[string]types.AttributeValue{":from": nv(p.From)}}
}

// conditionalPut writes one Put outside a transaction.
func (s *Store) conditionalPut(ctx context.Context, op string, p *types.Put) error {
	out, err := s.db.PutItem(ctx, &dynamodb.PutItemInput{TableName: p.TableName, Item: p.Item,
		ConditionExpression: p.ConditionExpression, ExpressionAttributeNames: p.ExpressionAttributeNames,
		ExpressionAttributeValues: p.ExpressionAttributeValues, ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal})
	if err != nil {
		return err
	}
	s.writeOne(op, out.ConsumedCapacity)
	return nil
}

// inboxItem encodes an inbox item: the seller's inbox is one partition
// holding only the items waiting for a decision (a decided one is
// deleted), so reading it needs no index; the TTL is the text's retention.
func (s *Store) inboxItem(it agentiq.InboxItem) (map[string]types.AttributeValue, error) {
	return item(it, inboxPK(it.SellerID), "E#"+it.EventID, map[string]types.AttributeValue{attrTTL: nv(it.ExpiresAt.Unix())})
}

// SetReplySigns records reply signatures of chats.
func (s *Store) SetReplySigns(ctx context.Context, seller string, signs map[string]string) error {
	if err := s.knownSeller(ctx, seller); err != nil {
		return err
	}
	for chatID, sign := range signs {
		if chatID == "" || sign == "" {
			return fmt.Errorf("%w: empty chat id or sign", agentiq.ErrInvalid)
		}
	}
	for chatID, sign := range signs {
		_, err := agentiq.UpdateChatFunc(ctx, s, seller, chatID, func(c *agentiq.ChatState) error {
			c.ReplySign = sign
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

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

// Chat returns a chat's state; a chat never seen is ErrNotFound.
func (s *Store) Chat(ctx context.Context, seller, chatID string) (agentiq.ChatState, error) {
	it, err := s.get(ctx, "chat", chatPK(seller, chatID), "STATE", false)
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

// ResolveInbox takes a decided item out of the inbox.
func (s *Store) ResolveInbox(ctx context.Context, seller, eventID string) error {
	out, err := s.db.DeleteItem(ctx, &dynamodb.DeleteItemInput{
		TableName: aws.String(s.cfg.Table), Key: keyOf(inboxPK(seller), "E#"+eventID),
		ConditionExpression:    aws.String("attribute_exists(SK)"),
		ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal,
	})
	if err != nil {
		if conditionFailed(err) {
			return fmt.Errorf("inbox item %s: %w", eventID, agentiq.ErrNotFound)
		}
		return wrap("resolve inbox", err)
	}
	s.writeOne("resolve inbox", out.ConsumedCapacity)
	return nil
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
	if r.SellerID == "" || r.DecisionID == "" || !r.Channel.Valid() || r.Status != agentiq.SendPending || r.CreatedAt.IsZero() {
		return fmt.Errorf("%w: a new send record needs a seller, a decision id, a channel, a time and status pending", agentiq.ErrInvalid)
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
		return fmt.Errorf("%w: a moderation item needs a seller, an id, a time and status pending", agentiq.ErrInvalid)
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

// --- inspection ---------------------------------------------------------------------------

// Dump calls fn with every stored item (as DynamoDB JSON-ish text), for
// inspection and export.
func (s *Store) Dump(ctx context.Context, fn func(where string, value []byte) error) error {
	in := &dynamodb.ScanInput{TableName: aws.String(s.cfg.Table)}
	for {
		res, err := s.db.Scan(ctx, in)
		if err != nil {
			return wrap("dump", err)
		}
		for _, it := range res.Items {
			pk := it[attrPK].(*types.AttributeValueMemberS).Value
			sk := it[attrSK].(*types.AttributeValueMemberS).Value
			if err := fn(pk+"/"+sk, []byte(fmt.Sprintf("%v", flatten(it)))); err != nil {
				return err
			}
		}
		if len(res.LastEvaluatedKey) == 0 {
			return nil
		}
		in.ExclusiveStartKey = res.LastEvaluatedKey
	}
}

// flatten renders attribute values as plain Go values, for Dump.
func flatten(av any) any {
	switch v := av.(type) {
	case map[string]types.AttributeValue:
		m := map[string]any{}
		for k, x := range v {
			m[k] = flatten(x)
		}
		return m
	case *types.AttributeValueMemberS:
		return v.Value
	case *types.AttributeValueMemberN:
		return v.Value
	case *types.AttributeValueMemberB:
		return string(v.Value)
	case *types.AttributeValueMemberBOOL:
		return v.Value
	case *types.AttributeValueMemberM:
		return flatten(v.Value)
	case *types.AttributeValueMemberL:
		out := make([]any, len(v.Value))
		for i, x := range v.Value {
			out[i] = flatten(x)
		}
		return out
	case *types.AttributeValueMemberSS:
		return v.Value
	}
	return nil
}
