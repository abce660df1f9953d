// Package dynamo is agentiq's store on DynamoDB: one table for every seller
// and entity (single-table design), with one sparse global secondary index
// for work queues and time ranges and a TTL attribute for expiring texts.
// Key patterns are documented in the repository README ("DynamoDB keys").
package dynamo

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/ingest"
)

// Attribute names of the keys, the index and the TTL.
const (
	attrPK     = "PK"
	attrSK     = "SK"
	attrGSI1PK = "GSI1PK"
	attrGSI1SK = "GSI1SK"
	attrTTL    = "ttl"
	gsi1       = "GSI1"
)

// Config configures the store.
type Config struct {
	Table  string
	Ingest ingest.Options
	Now    func() time.Time
	// BeforeTxn, when set, runs before each ingestion transaction with its
	// index; an error aborts it. It is for fault-injection tests.
	BeforeTxn func(chunk int) error
}

// Store is the DynamoDB store.
type Store struct {
	db  *dynamodb.Client
	cfg Config

	mu       sync.Mutex
	consumed map[string]Capacity
	sellers  sync.Map // ids of sellers known to exist (sellers are never deleted)
}

// Capacity is DynamoDB capacity consumed, as DynamoDB reports it, and the
// items written inside transactions (DynamoDB bills those at twice the
// usual rate, which DynamoDB Local does not report).
type Capacity struct {
	Read, Write float64
	Calls       int
	TxnItems    int
}

// Billed is the write units DynamoDB bills for what was consumed: items
// written in transactions cost at least 2 units each (twice a write of
// an item under 1 KB), others what was reported.
func (c Capacity) Billed() float64 {
	if c.TxnItems > 0 {
		return max(float64(2*c.TxnItems), c.Write)
	}
	return c.Write
}

var _ agentiq.Store = (*Store)(nil)

// New returns a store on table through client db.
func New(db *dynamodb.Client, cfg Config) (*Store, error) {
	if cfg.Table == "" {
		return nil, errors.New("dynamo: no table name")
	}
	if cfg.Ingest.Pseudonyms == nil {
		return nil, errors.New("dynamo: no pseudonymizer configured")
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Ingest.MaxTxnItems == 0 {
		cfg.Ingest.MaxTxnItems = 25
	}
	return &Store{db: db, cfg: cfg, consumed: map[string]Capacity{}}, nil
}

// CreateTable creates the table, its index and TTL, for local runs and
// tests (the cloud gets it from template.yaml).
func (s *Store) CreateTable(ctx context.Context) error {
	str := func(n string) types.AttributeDefinition {
		return types.AttributeDefinition{AttributeName: aws.String(n), AttributeType: types.ScalarAttributeTypeS}
	}
	_, err := s.db.CreateTable(ctx, &dynamodb.CreateTableInput{
		TableName:            aws.String(s.cfg.Table),
		BillingMode:          types.BillingModePayPerRequest,
		AttributeDefinitions: []types.AttributeDefinition{str(attrPK), str(attrSK), str(attrGSI1PK), str(attrGSI1SK)},
		KeySchema: []types.KeySchemaElement{
			{AttributeName: aws.String(attrPK), KeyType: types.KeyTypeHash},
			{AttributeName: aws.String(attrSK), KeyType: types.KeyTypeRange},
		},
		GlobalSecondaryIndexes: []types.GlobalSecondaryIndex{{
			IndexName: aws.String(gsi1),
			KeySchema: []types.KeySchemaElement{
				{AttributeName: aws.String(attrGSI1PK), KeyType: types.KeyTypeHash},
				{AttributeName: aws.String(attrGSI1SK), KeyType: types.KeyTypeRange},
			},
			Projection: &types.Projection{ProjectionType: types.ProjectionTypeAll},
		}},
	})
	if err != nil {
		return fmt.Errorf("dynamo: create table %s: %w", s.cfg.Table, err)
	}
	_, err = s.db.UpdateTimeToLive(ctx, &dynamodb.UpdateTimeToLiveInput{
		TableName:               aws.String(s.cfg.Table),
		TimeToLiveSpecification: &types.TimeToLiveSpecification{AttributeName: aws.String(attrTTL), Enabled: aws.Bool(true)},
	})
	if err != nil {
		return fmt.Errorf("dynamo: enable TTL on %s: %w", s.cfg.Table, err)
	}
	return nil
}

// Consumed returns the capacity consumed so far, per operation.
func (s *Store) Consumed() map[string]Capacity {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]Capacity, len(s.consumed))
	for k, v := range s.consumed {
		out[k] = v
	}
	return out
}

// ResetConsumed forgets the capacity consumed so far.
func (s *Store) ResetConsumed() {
	s.mu.Lock()
	s.consumed = map[string]Capacity{}
	s.mu.Unlock()
}

// read and write add consumed capacity to an operation's account. DynamoDB
// Local reports only total units, so the operation says which kind they are.
func (s *Store) read(op string, ccs ...types.ConsumedCapacity)  { s.account(op, false, ccs) }
func (s *Store) write(op string, ccs ...types.ConsumedCapacity) { s.account(op, true, ccs) }

func (s *Store) readOne(op string, cc *types.ConsumedCapacity) {
	if cc != nil {
		s.read(op, *cc)
	} else {
		s.read(op)
	}
}

func (s *Store) writeOne(op string, cc *types.ConsumedCapacity) {
	if cc != nil {
		s.write(op, *cc)
	} else {
		s.write(op)
	}
}

func (s *Store) txn(op string, items int, ccs []types.ConsumedCapacity) {
	s.account(op, true, ccs)
	s.mu.Lock()
	c := s.consumed[op]
	c.TxnItems += items
	s.consumed[op] = c
	s.mu.Unlock()
}

func (s *Store) account(op string, write bool, ccs []types.ConsumedCapacity) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.consumed[op]
	c.Calls++
	for _, cc := range ccs {
		units := 0.0
		switch {
		case write && cc.WriteCapacityUnits != nil:
			units = *cc.WriteCapacityUnits
		case !write && cc.ReadCapacityUnits != nil:
			units = *cc.ReadCapacityUnits
		case cc.CapacityUnits != nil:
			units = *cc.CapacityUnits
		}
		if write {
			c.Write += units
		} else {
			c.Read += units
		}
	}
	s.consumed[op] = c
}

// --- keys -------------------------------------------------------------------------

// ts formats a time for a sort key: UTC, fixed width, so that text order is
// time order.
func ts(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000000000Z") }

func sellerKey(id string) string                { return "S#" + id }
func chatPK(seller, chat string) string         { return "S#" + seller + "#C#" + chat }
func inboxPK(seller string) string              { return "S#" + seller + "#INBOX" }
func decisionPK(seller, decision string) string { return "S#" + seller + "#D#" + decision }
func subjectPK(seller, subject string) string   { return "S#" + seller + "#SUBJ#" + subject }
func auditPK(seller string) string              { return "S#" + seller + "#AUDIT" }
func seqSK(n int64) string                      { return fmt.Sprintf("R#%019d", n) }

func keyOf(pk, sk string) map[string]types.AttributeValue {
	return map[string]types.AttributeValue{
		attrPK: &types.AttributeValueMemberS{Value: pk},
		attrSK: &types.AttributeValueMemberS{Value: sk},
	}
}

func sv(s string) types.AttributeValue { return &types.AttributeValueMemberS{Value: s} }
func nv(n int64) types.AttributeValue  { return &types.AttributeValueMemberN{Value: fmt.Sprint(n)} }

// --- encoding -------------------------------------------------------------------------

func encOpts(o *attributevalue.EncoderOptions) { o.TagKey = "json" }
func decOpts(o *attributevalue.DecoderOptions) { o.TagKey = "json" }

// item encodes v with its key attributes. Empty strings are left out:
// DynamoDB Local refuses them in non-key attributes.
func item(v any, pk, sk string, extra map[string]types.AttributeValue) (map[string]types.AttributeValue, error) {
	m, err := attributevalue.MarshalMapWithOptions(v, encOpts)
	if err != nil {
		return nil, fmt.Errorf("dynamo: encode: %w", err)
	}
	for k, av := range m {
		if dropEmpty(av) {
			delete(m, k)
		}
	}
	m[attrPK], m[attrSK] = sv(pk), sv(sk)
	for k, av := range extra {
		m[k] = av
	}
	if n := itemSize(m); n > agentiq.MaxItemBytes {
		return nil, fmt.Errorf("dynamo: %w: %d bytes", agentiq.ErrTooLarge, n)
	}
	return m, nil
}

// dropEmpty removes empty strings inside maps and lists, and reports
// whether av itself is an empty string.
func dropEmpty(av types.AttributeValue) bool {
	switch v := av.(type) {
	case *types.AttributeValueMemberS:
		return v.Value == ""
	case *types.AttributeValueMemberM:
		for k, x := range v.Value {
			if dropEmpty(x) {
				delete(v.Value, k)
			}
		}
	case *types.AttributeValueMemberL:
		for _, x := range v.Value {
			dropEmpty(x)
		}
	}
	return false
}

// itemSize estimates an item's size as DynamoDB counts it: names and values.
func itemSize(m map[string]types.AttributeValue) int {
	n := 0
	for k, v := range m {
		n += len(k) + valueSize(v)
	}
	return n
}

func valueSize(av types.AttributeValue) int {
	switch v := av.(type) {
	case *types.AttributeValueMemberS:
		return len(v.Value)
	case *types.AttributeValueMemberN:
		return len(v.Value)
	case *types.AttributeValueMemberB:
		return len(v.Value)
	case *types.AttributeValueMemberM:
		n := 3
		for k, x := range v.Value {
			n += len(k) + valueSize(x) + 1
		}
		return n
	case *types.AttributeValueMemberL:
		n := 3
		for _, x := range v.Value {
			n += valueSize(x) + 1
		}
		return n
	case *types.AttributeValueMemberSS:
		n := 0
		for _, x := range v.Value {
			n += len(x)
		}
		return n
	}
	return 1
}

func decode[T any](m map[string]types.AttributeValue) (T, error) {
	var v T
	if err := attributevalue.UnmarshalMapWithOptions(m, &v, decOpts); err != nil {
		return v, fmt.Errorf("dynamo: decode: %w", err)
	}
	return v, nil
}

// --- errors ------------------------------------------------------------------------------

func conditionFailed(err error) bool {
	var ccf *types.ConditionalCheckFailedException
	if errors.As(err, &ccf) {
		return true
	}
	var tce *types.TransactionCanceledException
	if errors.As(err, &tce) {
		for _, r := range tce.CancellationReasons {
			if r.Code != nil && (*r.Code == "ConditionalCheckFailed" || *r.Code == "TransactionConflict") {
				return true
			}
		}
	}
	return false
}

func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	var tle *types.ItemCollectionSizeLimitExceededException
	if errors.As(err, &tle) || strings.Contains(err.Error(), "Item size has exceeded") {
		return fmt.Errorf("dynamo: %s: %w: %v", op, agentiq.ErrTooLarge, err)
	}
	return fmt.Errorf("dynamo: %s: %w", op, err)
}

// --- low-level reads -------------------------------------------------------------------------

func (s *Store) get(ctx context.Context, op, pk, sk string, consistent bool) (map[string]types.AttributeValue, error) {
	out, err := s.db.GetItem(ctx, &dynamodb.GetItemInput{
		TableName: aws.String(s.cfg.Table), Key: keyOf(pk, sk), ConsistentRead: aws.Bool(consistent),
		ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal,
	})
	if err != nil {
		return nil, wrap(op, err)
	}
	s.readOne(op, out.ConsumedCapacity)
	return out.Item, nil
}

// query runs a query to the end (or limit items) and returns the items.
func (s *Store) query(ctx context.Context, op string, in *dynamodb.QueryInput, limit int) ([]map[string]types.AttributeValue, error) {
	in.TableName = aws.String(s.cfg.Table)
	in.ReturnConsumedCapacity = types.ReturnConsumedCapacityTotal
	var out []map[string]types.AttributeValue
	for {
		if limit > 0 {
			in.Limit = aws.Int32(int32(min(limit-len(out), 1000)))
		}
		res, err := s.db.Query(ctx, in)
		if err != nil {
			return nil, wrap(op, err)
		}
		s.readOne(op, res.ConsumedCapacity)
		out = append(out, res.Items...)
		if len(res.LastEvaluatedKey) == 0 || limit > 0 && len(out) >= limit {
			return out, nil
		}
		in.ExclusiveStartKey = res.LastEvaluatedKey
	}
}

// knownSeller checks that a seller exists. Sellers are never deleted, so a
// seller once seen is remembered for the life of the store (a Lambda
// container), which saves a read on every write.
func (s *Store) knownSeller(ctx context.Context, id string) error {
	if _, ok := s.sellers.Load(id); ok {
		return nil
	}
	it, err := s.get(ctx, "seller", "SELLERS", sellerKey(id), false)
	if err != nil {
		return err
	}
	if it == nil {
		return fmt.Errorf("seller %q: %w", id, agentiq.ErrUnknownSeller)
	}
	s.sellers.Store(id, true)
	return nil
}

// --- sellers -------------------------------------------------------------------------------

// PutSeller creates or replaces a seller's configuration.
func (s *Store) PutSeller(ctx context.Context, sel agentiq.Seller) error {
	if err := sel.Validate(); err != nil {
		return err
	}
	it, err := item(sel, "SELLERS", sellerKey(sel.ID), nil)
	if err != nil {
		return err
	}
	out, err := s.db.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(s.cfg.Table), Item: it,
		ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal})
	if err != nil {
		return wrap("put seller", err)
	}
	s.writeOne("put seller", out.ConsumedCapacity)
	return nil
}

// Seller returns a seller's configuration.
func (s *Store) Seller(ctx context.Context, id string) (agentiq.Seller, error) {
	it, err := s.get(ctx, "seller", "SELLERS", sellerKey(id), false)
	if err != nil {
		return agentiq.Seller{}, err
	}
	if it == nil {
		return agentiq.Seller{}, fmt.Errorf("seller %q: %w", id, agentiq.ErrUnknownSeller)
	}
	return decode[agentiq.Seller](it)
}

// Sellers lists every seller.
func (s *Store) Sellers(ctx context.Context) ([]agentiq.Seller, error) {
	items, err := s.query(ctx, "sellers", &dynamodb.QueryInput{
		KeyConditionExpression:    aws.String("PK = :pk"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":pk": sv("SELLERS")},
	}, 0)
	if err != nil {
		return nil, err
	}
	out := make([]agentiq.Seller, 0, len(items))
	for _, it := range items {
		sel, err := decode[agentiq.Seller](it)
		if err != nil {
			return nil, err
		}
		out = append(out, sel)
	}
	return out, nil
}

// backoff waits a little, with jitter, before retrying a conflict.
func backoff(ctx context.Context, attempt int) error {
	d := time.Duration(1+rand.IntN(1<<min(attempt, 6))) * time.Millisecond // #nosec G404 -- jitter, not a secret
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(d):
		return nil
	}
}
