package dynamo

import (
	"context"
	"errors"
	"fmt"
	"strconv"

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
