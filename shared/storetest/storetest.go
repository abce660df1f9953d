// Package storetest is the contract every agentiq store must meet, as one
// suite of tests run against each implementation (the embedded store and
// DynamoDB): atomic and idempotent ingestion, optimistic concurrency,
// the audit chain under concurrent appenders, send records, queues,
// consents, expiry, tenant isolation, typed errors on bad input, and no
// personal data at rest.
package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/pii"
)

// Config is what a test asks of a new, empty store.
type Config struct {
	Now         func() time.Time
	BeforeTxn   func(chunk int) error
	MaxTxnItems int
}

// Store is a store under test: the contract, plus a way to read every
// stored item.
type Store interface {
	agentiq.Store
	Dump(ctx context.Context, fn func(where string, value []byte) error) error
}

// Factory opens a new, empty store; the test's cleanup closes it.
type Factory func(t *testing.T, c Config) Store

// Key is the pseudonym key the suite's stores use.
var Key = []byte("storetest-pseudonym-key-0123456789")

// Pseudonyms returns the suite's pseudonymizer.
func Pseudonyms() *pii.Pseudonymizer {
	p, err := pii.NewPseudonymizer(Key)
	if err != nil {
		panic(err)
	}
	return p
}

// T0 is the suite's reference time: tomorrow, on the hour. It must lie
// ahead of the real clock, because DynamoDB's TTL deletes items whose
// expiry has passed by the real clock, whatever a test's clock says.
var T0 = time.Now().UTC().Truncate(time.Hour).Add(24 * time.Hour)

// Run runs the whole contract against stores from open.
func Run(t *testing.T, open Factory) {
	tests := []struct {
		name string
		fn   func(*testing.T, Factory)
	}{
		{"Sellers", testSellers},
		{"IngestPage", testIngestPage},
		{"IngestTwice", testIngestTwice},
		{"IngestFailureMidway", testIngestFailureMidway},
		{"IngestLargePage", testIngestLargePage},
		{"ChatConcurrency", testChatConcurrency},
		{"InboxLifecycle", testInboxLifecycle},
		{"ResolveWithAudit", testResolveWithAudit},
		{"SendRecords", testSendRecords},
		{"Moderation", testModeration},
		{"Consents", testConsents},
		{"AuditChain", testAuditChain},
		{"AuditConcurrency", testAuditConcurrency},
		{"Expiry", testExpiry},
		{"Tenants", testTenants},
		{"BadInput", testBadInput},
		{"NoPersonalData", testNoPersonalData},
		{"Idempotency", testIdempotency},
		{"ModerationItem", testModerationItem},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, open) })
	}
}

var ctx = context.Background()

func fixedClock(t time.Time) func() time.Time { return func() time.Time { return t } }

func newStore(t *testing.T, open Factory, c Config, sellers ...string) Store {
	t.Helper()
	if c.Now == nil {
		c.Now = fixedClock(T0)
	}
	s := open(t, c)
	if len(sellers) == 0 {
		sellers = []string{"s1"}
	}
	for _, id := range sellers {
		if err := s.PutSeller(ctx, agentiq.Seller{ID: id, Name: "Магазин " + id, Active: true, CreatedAt: T0}); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func wantErr(t *testing.T, err, want error) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Fatalf("error %v, want %v", err, want)
	}
}

func buyer(id, chat string, at time.Time, text string, intents ...agentiq.Intent) agentiq.Event {
	return agentiq.Event{ID: id, ChatID: chat, Sender: agentiq.SenderBuyer, Source: "rusite", At: at, Text: text, Intents: intents}
}

func seller(id, chat string, at time.Time, text, source string) agentiq.Event {
	return agentiq.Event{ID: id, ChatID: chat, Sender: agentiq.SenderSeller, Source: source, At: at, Text: text}
}

func ms(t time.Time) int64 { return t.UnixMilli() }

// items counts the stored items.
func items(t *testing.T, s Store) int {
	t.Helper()
	n := 0
	must(t, s.Dump(ctx, func(string, []byte) error { n++; return nil }))
	return n
}

func testSellers(t *testing.T, open Factory) {
	s := newStore(t, open, Config{}, "a", "b")
	got, err := s.Seller(ctx, "a")
	must(t, err)
	if got.ID != "a" || got.Name != "Магазин a" || !got.Active {
		t.Errorf("seller %+v", got)
	}
	all, err := s.Sellers(ctx)
	must(t, err)
	if len(all) != 2 {
		t.Errorf("%d sellers, want 2", len(all))
	}
	_, err = s.Seller(ctx, "nobody")
	wantErr(t, err, agentiq.ErrUnknownSeller)
	wantErr(t, s.PutSeller(ctx, agentiq.Seller{ID: "bad id!"}), agentiq.ErrInvalid)
}

func testIngestPage(t *testing.T, open Factory) {
	s := newStore(t, open, Config{})
	c, err := s.Cursor(ctx, "s1")
	must(t, err)
	if c != 0 {
		t.Fatalf("new cursor %d", c)
	}
	t1, t2, t3 := T0.Add(-3*time.Minute), T0.Add(-2*time.Minute), T0.Add(-time.Minute)
	first := buyer("e1", "c1", t1, "Есть промокод?", agentiq.IntentPromoRequest)
	first.ReplySign = "sign-c1"
	page := agentiq.IngestBatch{SellerID: "s1", From: 0, Next: ms(t3), Events: []agentiq.Event{
		first,
		seller("e2", "c1", t2, "Здравствуйте!", "seller-portal"),
		buyer("e3", "c2", t3, "Пришёл брак", agentiq.IntentDefect),
	}}
	res, err := s.Ingest(ctx, page)
	must(t, err)
	if res.Inbox != 2 || res.Applied != 3 || res.Duplicates != 0 {
		t.Errorf("result %+v: want 2 inbox items, 3 applied", res)
	}
	if !slices.Equal(res.NeedReplySign, []string{"c2"}) {
		t.Errorf("need reply sign %v, want [c2]", res.NeedReplySign)
	}
	c, err = s.Cursor(ctx, "s1")
	must(t, err)
	if c != ms(t3) {
		t.Errorf("cursor %d, want %d", c, ms(t3))
	}
	c1, err := s.Chat(ctx, "s1", "c1")
	must(t, err)
	if c1.ReplySign != "sign-c1" || c1.LastSender != agentiq.SenderSeller || c1.SellerMessagesSinceBuyer != 1 ||
		!slices.Equal(c1.LastBuyerIntents, []agentiq.Intent{agentiq.IntentPromoRequest}) || c1.Version != 1 {
		t.Errorf("chat c1 %+v", c1)
	}
	if c1.LastBuyerMessageAt == nil || !c1.LastBuyerMessageAt.Equal(t1) {
		t.Errorf("last buyer message at %v, want %v", c1.LastBuyerMessageAt, t1)
	}
	c2, err := s.Chat(ctx, "s1", "c2")
	must(t, err)
	if c2.OpenCase == nil || c2.OpenCase.Type != "defect" || c2.LastSender != agentiq.SenderBuyer {
		t.Errorf("chat c2 %+v: want an open defect case", c2)
	}
	inbox, err := s.PendingInbox(ctx, "s1", 10)
	must(t, err)
	if len(inbox) != 2 || inbox[0].EventID != "e1" || inbox[1].EventID != "e3" {
		t.Fatalf("pending inbox %+v: want e1, e3 in order", inbox)
	}
	if inbox[0].Text != "Есть промокод?" || !inbox[0].ExpiresAt.Equal(T0.Add(30*24*time.Hour)) {
		t.Errorf("inbox item %+v", inbox[0])
	}
	must(t, s.SetReplySigns(ctx, "s1", map[string]string{"c2": "sign-c2"}))
	c2, err = s.Chat(ctx, "s1", "c2")
	must(t, err)
	if c2.ReplySign != "sign-c2" || c2.OpenCase == nil {
		t.Errorf("after SetReplySigns: %+v", c2)
	}
	// agentiq's own send, recorded when sent, comes back through the API
	// as an echo: it is not counted twice, and is no work item
	_, err = agentiq.UpdateChatFunc(ctx, s, "s1", "c2", func(c *agentiq.ChatState) error {
		c.RecordSend(T0, false)
		return nil
	})
	must(t, err)
	echo := agentiq.IngestBatch{SellerID: "s1", From: ms(t3), Next: ms(T0), Events: []agentiq.Event{
		seller("e4", "c2", T0.Add(200*time.Millisecond), "Приносим извинения", "seller-public-api")}}
	res, err = s.Ingest(ctx, echo)
	must(t, err)
	c2, err = s.Chat(ctx, "s1", "c2")
	must(t, err)
	if res.Echoes != 1 || res.Inbox != 0 || c2.SellerMessagesSinceBuyer != 1 || c2.LastSender != agentiq.SenderSeller {
		t.Errorf("after the echo of a recorded send: result %+v, chat %+v", res, c2)
	}
	if c, _ := s.Cursor(ctx, "s1"); c != ms(T0) {
		t.Errorf("cursor %d after a page of echoes, want %d", c, ms(T0))
	}
}

func testIngestTwice(t *testing.T, open Factory) {
	s := newStore(t, open, Config{})
	t1, t2 := T0.Add(-2*time.Minute), T0.Add(-time.Minute)
	p1 := agentiq.IngestBatch{SellerID: "s1", From: 0, Next: ms(t1), Events: []agentiq.Event{
		buyer("e1", "c1", t1, "Когда доставка?", agentiq.IntentDelivery), buyer("e1", "c1", t1, "Когда доставка?", agentiq.IntentDelivery)}}
	res, err := s.Ingest(ctx, p1)
	must(t, err)
	if res.Inbox != 1 || res.Duplicates != 1 {
		t.Errorf("a page repeating an event: %+v", res)
	}
	before := items(t, s)
	// the same page again: the cursor has moved, nothing is written
	_, err = s.Ingest(ctx, p1)
	wantErr(t, err, agentiq.ErrConflict)
	if after := items(t, s); after != before {
		t.Errorf("a refused page wrote %d items", after-before)
	}
	// the next page repeats e1 (WB pages overlap): stored once
	p2 := agentiq.IngestBatch{SellerID: "s1", From: ms(t1), Next: ms(t2), Events: []agentiq.Event{
		buyer("e1", "c1", t1, "Когда доставка?", agentiq.IntentDelivery), buyer("e2", "c1", t2, "Алло?")}}
	res, err = s.Ingest(ctx, p2)
	must(t, err)
	if res.Inbox != 1 || res.Duplicates != 1 {
		t.Errorf("overlapping page: %+v", res)
	}
	inbox, err := s.PendingInbox(ctx, "s1", 0)
	must(t, err)
	if len(inbox) != 2 {
		t.Errorf("%d inbox items, want 2", len(inbox))
	}
}

// page builds a page of n buyer messages spread over chats.
func page(from int64, n, chats int) agentiq.IngestBatch {
	b := agentiq.IngestBatch{SellerID: "s1", From: from}
	for i := 0; i < n; i++ {
		at := T0.Add(time.Duration(from) + time.Duration(i)*time.Second)
		b.Events = append(b.Events, buyer(fmt.Sprintf("e%04d", i), fmt.Sprintf("c%d", i%chats), at, "Где заказ?", agentiq.IntentDelivery))
		b.Next = ms(at)
	}
	return b
}

func testIngestFailureMidway(t *testing.T, open Factory) {
	fail := true
	s := newStore(t, open, Config{MaxTxnItems: 5, BeforeTxn: func(chunk int) error {
		if fail && chunk == 1 {
			return errors.New("injected failure")
		}
		return nil
	}})
	p := page(0, 12, 4) // more writes than one transaction holds
	_, err := s.Ingest(ctx, p)
	if err == nil || !strings.Contains(err.Error(), "injected") {
		t.Fatalf("error %v, want the injected failure", err)
	}
	c, err := s.Cursor(ctx, "s1")
	must(t, err)
	if c != 0 {
		t.Fatalf("cursor moved to %d after a failed page", c)
	}
	fail = false
	res, err := s.Ingest(ctx, p)
	must(t, err)
	c, err = s.Cursor(ctx, "s1")
	must(t, err)
	if c != p.Next {
		t.Errorf("cursor %d, want %d", c, p.Next)
	}
	inbox, err := s.PendingInbox(ctx, "s1", 0)
	must(t, err)
	if len(inbox) != 12 {
		t.Errorf("%d inbox items, want 12 (each once); second run %+v", len(inbox), res)
	}
	seen := map[string]bool{}
	for _, it := range inbox {
		if seen[it.EventID] {
			t.Errorf("event %s twice", it.EventID)
		}
		seen[it.EventID] = true
	}
	for i := 0; i < 4; i++ {
		ch, err := s.Chat(ctx, "s1", fmt.Sprintf("c%d", i))
		must(t, err)
		if ch.LastBuyerMessageAt == nil || ch.LastEventID != fmt.Sprintf("e%04d", 8+i) {
			t.Errorf("chat c%d: last event %s", i, ch.LastEventID)
		}
	}
}

func testIngestLargePage(t *testing.T, open Factory) {
	s := newStore(t, open, Config{MaxTxnItems: 25})
	// 60 messages in one chat: the chat's writes span several transactions
	p := page(0, 60, 1)
	res, err := s.Ingest(ctx, p)
	must(t, err)
	if res.Inbox != 60 {
		t.Errorf("%+v", res)
	}
	ch, err := s.Chat(ctx, "s1", "c0")
	must(t, err)
	if ch.LastEventID != "e0059" {
		t.Errorf("chat ends at %s", ch.LastEventID)
	}
	inbox, err := s.PendingInbox(ctx, "s1", 0)
	must(t, err)
	if len(inbox) != 60 {
		t.Errorf("%d inbox items", len(inbox))
	}
	lim, err := s.PendingInbox(ctx, "s1", 7)
	must(t, err)
	if len(lim) != 7 || lim[0].EventID != "e0000" {
		t.Errorf("limit 7: %d items from %s", len(lim), lim[0].EventID)
	}
}

func testChatConcurrency(t *testing.T, open Factory) {
	s := newStore(t, open, Config{})
	_, err := s.Ingest(ctx, agentiq.IngestBatch{SellerID: "s1", Next: 1, Events: []agentiq.Event{buyer("e1", "c1", T0, "Привет")}})
	must(t, err)
	c, err := s.Chat(ctx, "s1", "c1")
	must(t, err)
	stale := c
	c.NmID = 42
	c, err = s.UpdateChat(ctx, c)
	must(t, err)
	if c.Version != stale.Version+1 {
		t.Errorf("version %d after %d", c.Version, stale.Version)
	}
	stale.NmID = 7
	_, err = s.UpdateChat(ctx, stale)
	wantErr(t, err, agentiq.ErrConflict)

	// 50 writers, each adding one: no update is lost
	const n = 50
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := agentiq.UpdateChatFunc(ctx, s, "s1", "c1", func(c *agentiq.ChatState) error {
				c.SellerMessagesSinceBuyer++
				return nil
			})
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		must(t, err)
	}
	c, err = s.Chat(ctx, "s1", "c1")
	must(t, err)
	if c.SellerMessagesSinceBuyer != n || c.NmID != 42 {
		t.Errorf("after %d concurrent updates: count %d, nm %d", n, c.SellerMessagesSinceBuyer, c.NmID)
	}
}

func testInboxLifecycle(t *testing.T, open Factory) {
	s := newStore(t, open, Config{})
	_, err := s.Ingest(ctx, page(0, 3, 3))
	must(t, err)
	_, err = s.ResolveInbox(ctx, "s1", "e0001")
	must(t, err)
	// a second worker finds it gone
	_, err = s.ResolveInbox(ctx, "s1", "e0001")
	wantErr(t, err, agentiq.ErrNotFound)
	_, err = s.ResolveInbox(ctx, "s1", "nope")
	wantErr(t, err, agentiq.ErrNotFound)
	inbox, err := s.PendingInbox(ctx, "s1", 0)
	must(t, err)
	var ids []string
	for _, it := range inbox {
		ids = append(ids, it.EventID)
	}
	if !slices.Equal(ids, []string{"e0000", "e0002"}) {
		t.Errorf("pending %v", ids)
	}
}

// testResolveWithAudit: resolving an item appends its audit records in
// the same write, so that a retried or concurrent resolve never records a
// decision twice and a failed one records nothing.
func testResolveWithAudit(t *testing.T, open Factory) {
	s := newStore(t, open, Config{})
	_, err := s.Ingest(ctx, page(0, 4, 2))
	must(t, err)
	it, err := s.InboxItem(ctx, "s1", "e0002")
	must(t, err)
	if it.EventID != "e0002" || it.Attempts != 0 {
		t.Fatalf("inbox item %+v", it)
	}
	_, err = s.InboxItem(ctx, "s1", "nope")
	wantErr(t, err, agentiq.ErrNotFound)
	it, err = s.FailInbox(ctx, "s1", "e0002", "wb send: server_error")
	must(t, err)
	it, err = s.FailInbox(ctx, "s1", "e0002", strings.Repeat("я", 600))
	must(t, err)
	if it.Attempts != 2 || len(it.LastError) > 500 || !utf8.ValidString(it.LastError) {
		t.Errorf("after two failures: attempts %d, error of %d bytes", it.Attempts, len(it.LastError))
	}
	_, err = s.FailInbox(ctx, "s1", "nope", "x")
	wantErr(t, err, agentiq.ErrNotFound)

	recs, err := s.ResolveInbox(ctx, "s1", "e0002", entry(1), entry(2))
	must(t, err)
	if len(recs) != 2 || recs[0].Seq != 1 || recs[1].Seq != 2 || recs[1].PrevHash != recs[0].Hash {
		t.Fatalf("records %+v", recs)
	}
	_, err = s.ResolveInbox(ctx, "s1", "e0002", entry(3))
	wantErr(t, err, agentiq.ErrNotFound)
	head, err := s.AuditHead(ctx, "s1")
	must(t, err)
	if head.Seq != 2 {
		t.Errorf("a refused resolve appended: head %d", head.Seq)
	}
	// bad entries write nothing, the item stays
	_, err = s.ResolveInbox(ctx, "s1", "e0001", agentiq.AuditEntry{Kind: "decision"})
	wantErr(t, err, agentiq.ErrInvalid)
	_, err = s.InboxItem(ctx, "s1", "e0001")
	must(t, err)

	// concurrent resolvers of the same items: each item recorded once, the
	// chain unforked
	var wg sync.WaitGroup
	var won atomic.Int64
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, id := range []string{"e0000", "e0001", "e0003"} {
				if _, err := s.ResolveInbox(ctx, "s1", id, entry(10+w)); err == nil {
					won.Add(1)
				} else if !errors.Is(err, agentiq.ErrNotFound) {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	if won.Load() != 3 {
		t.Errorf("%d resolves won, want 3", won.Load())
	}
	all, err := s.AuditSeq(ctx, "s1", 1, 100)
	must(t, err)
	if len(all) != 5 {
		t.Errorf("%d records, want 5", len(all))
	}
	must(t, agentiq.VerifyChain(agentiq.AuditRecord{}, all))
}

func testSendRecords(t *testing.T, open Factory) {
	s := newStore(t, open, Config{})
	r := agentiq.SendRecord{SellerID: "s1", DecisionID: "d-1", Channel: agentiq.ChannelWBChat, ChatID: "c1", EventID: "e1",
		Status: agentiq.SendPending, CreatedAt: T0}
	must(t, s.CreateSend(ctx, r))
	wantErr(t, s.CreateSend(ctx, r), agentiq.ErrExists)
	r2 := r
	r2.DecisionID, r2.CreatedAt = "d-2", T0.Add(time.Second)
	must(t, s.CreateSend(ctx, r2))
	// A retry after a crash finds the record of its decision still pending:
	// its outcome is unknown, and it is not sent again.
	got, err := s.Send(ctx, "s1", "d-1")
	must(t, err)
	if got.Status != agentiq.SendPending || got.ChatID != "c1" || !got.ExpiresAt.After(T0) {
		t.Fatalf("send d-1 %+v", got)
	}
	done, err := s.FinishSend(ctx, "s1", "d-1", agentiq.SendOutcome{Status: agentiq.SendSent, At: T0.Add(2 * time.Second), ProviderTime: 1712848270018})
	must(t, err)
	if done.Status != agentiq.SendSent || done.ProviderTime != 1712848270018 || done.FinishedAt == nil {
		t.Errorf("finished %+v", done)
	}
	_, err = s.FinishSend(ctx, "s1", "d-1", agentiq.SendOutcome{Status: agentiq.SendUnknown, At: T0})
	wantErr(t, err, agentiq.ErrConflict)
	_, err = s.FinishSend(ctx, "s1", "d-9", agentiq.SendOutcome{Status: agentiq.SendSent, At: T0})
	wantErr(t, err, agentiq.ErrNotFound)
	// A decision made without sending claims its id the same way, final
	// at once: it cannot be finished, and a second claim is refused.
	none := agentiq.SendRecord{SellerID: "s1", DecisionID: "d-none", Channel: agentiq.ChannelWBChat, Status: agentiq.SendNone, CreatedAt: T0,
		Decision: json.RawMessage(`{"outcome":"held"}`)}
	must(t, s.CreateSend(ctx, none))
	wantErr(t, s.CreateSend(ctx, none), agentiq.ErrExists)
	_, err = s.FinishSend(ctx, "s1", "d-none", agentiq.SendOutcome{Status: agentiq.SendSent, At: T0})
	wantErr(t, err, agentiq.ErrConflict)
	if got, err := s.Send(ctx, "s1", "d-none"); err != nil || got.Status != agentiq.SendNone || string(got.Decision) != `{"outcome":"held"}` {
		t.Errorf("claim %+v, %v", got, err)
	}
	_, err = s.FinishSend(ctx, "s1", "d-2", agentiq.SendOutcome{Status: agentiq.SendPending, At: T0})
	wantErr(t, err, agentiq.ErrInvalid)
	_, err = s.FinishSend(ctx, "s1", "d-2", agentiq.SendOutcome{Status: agentiq.SendFailed, At: T0, Error: "Invalid signature"})
	must(t, err)
	got, err = s.Send(ctx, "s1", "d-2")
	must(t, err)
	if got.Status != agentiq.SendFailed || got.Error != "Invalid signature" {
		t.Errorf("send d-2 %+v", got)
	}
	_, err = s.Send(ctx, "s1", "d-9")
	wantErr(t, err, agentiq.ErrNotFound)
	wantErr(t, s.CreateSend(ctx, agentiq.SendRecord{SellerID: "s1", DecisionID: "d-3", Channel: agentiq.ChannelWBChat, Status: agentiq.SendSent, CreatedAt: T0}), agentiq.ErrInvalid)
}

func testModeration(t *testing.T, open Factory) {
	s := newStore(t, open, Config{})
	m := agentiq.ModerationItem{SellerID: "s1", ID: "d-1", ChatID: "c1", Draft: "Скидка 10% для вас", Reasons: []string{"promo_lexicon"},
		RulesVersion: "v+1", Status: agentiq.ModerationPending, CreatedAt: T0}
	must(t, s.EnqueueModeration(ctx, m))
	wantErr(t, s.EnqueueModeration(ctx, m), agentiq.ErrExists)
	pend, err := s.PendingModeration(ctx, "s1", 0)
	must(t, err)
	if len(pend) != 1 || pend[0].Draft != m.Draft || !slices.Equal(pend[0].Reasons, m.Reasons) {
		t.Fatalf("pending %+v", pend)
	}
	got, err := s.ResolveModeration(ctx, "s1", "d-1", agentiq.ModerationApproved, "oper-7", T0.Add(time.Minute))
	must(t, err)
	if got.Status != agentiq.ModerationApproved || got.Moderator != "oper-7" || got.ResolvedAt == nil {
		t.Errorf("resolved %+v", got)
	}
	_, err = s.ResolveModeration(ctx, "s1", "d-1", agentiq.ModerationRejected, "oper-8", T0)
	wantErr(t, err, agentiq.ErrConflict)
	_, err = s.ResolveModeration(ctx, "s1", "d-9", agentiq.ModerationRejected, "oper-8", T0)
	wantErr(t, err, agentiq.ErrNotFound)
	pend, err = s.PendingModeration(ctx, "s1", 0)
	must(t, err)
	if len(pend) != 0 {
		t.Errorf("%d still pending", len(pend))
	}
}

func testConsents(t *testing.T, open Factory) {
	s := newStore(t, open, Config{})
	key := Pseudonyms().Pseudonym("phone", "+79165554433")
	ad := agentiq.Consent{SellerID: "s1", SubjectKey: key, Purpose: "advertising", Channel: "whatsapp",
		GrantedAt: T0.Add(-48 * time.Hour), Source: "web_form", EvidenceRef: "form-1", RecordedAt: T0.Add(-47 * time.Hour)}
	pd := ad
	pd.Purpose, pd.EvidenceRef, pd.RecordedAt = "pd_marketing", "form-2", T0.Add(-time.Hour)
	must(t, s.RecordConsent(ctx, ad))
	must(t, s.RecordConsent(ctx, pd))
	wantErr(t, s.RecordConsent(ctx, ad), agentiq.ErrExists)
	wantErr(t, s.RecordConsent(ctx, agentiq.Consent{SellerID: "s1", SubjectKey: key, Purpose: "spam", Channel: "sms", GrantedAt: T0}), agentiq.ErrInvalid)
	sub, err := s.Subject(ctx, "s1", key)
	must(t, err)
	if len(sub.Consents) != 2 {
		t.Fatalf("subject %+v", sub)
	}
	must(t, s.WithdrawConsent(ctx, "s1", key, "advertising", "whatsapp", T0))
	must(t, s.RecordOptOut(ctx, "s1", key, T0, "e-77"))
	must(t, s.RecordOptOut(ctx, "s1", key, T0.Add(time.Hour), "e-78")) // the first stands
	for i := 0; i < 3; i++ {
		must(t, s.RecordMarketing(ctx, "s1", key, agentiq.ChannelWhatsApp, T0.Add(time.Duration(i)*time.Hour)))
	}
	must(t, s.RecordMarketing(ctx, "s1", key, agentiq.ChannelWhatsApp, T0.Add(100*24*time.Hour))) // drops the old ones
	sub, err = s.Subject(ctx, "s1", key)
	must(t, err)
	for _, c := range sub.Consents {
		if (c.Purpose == "advertising") != (c.WithdrawnAt != nil) {
			t.Errorf("consent %+v after withdrawing advertising", c)
		}
	}
	if sub.OptedOutAt == nil || !sub.OptedOutAt.Equal(T0) || sub.OptOutRef != "e-77" {
		t.Errorf("opt-out %v %q", sub.OptedOutAt, sub.OptOutRef)
	}
	if got := sub.MarketingSentAt[agentiq.ChannelWhatsApp]; len(got) != 1 {
		t.Errorf("marketing history %v, want the last send only", got)
	}
	between, err := s.ConsentsBetween(ctx, "s1", T0.Add(-2*time.Hour), T0)
	must(t, err)
	if len(between) != 1 || between[0].EvidenceRef != "form-2" {
		t.Errorf("consents in the last two hours: %+v", between)
	}
	_, err = s.Subject(ctx, "s1", "nobody")
	wantErr(t, err, agentiq.ErrNotFound)
	wantErr(t, s.WithdrawConsent(ctx, "s1", key, "advertising", "sms", T0), agentiq.ErrNotFound)
}

func entry(i int) agentiq.AuditEntry {
	data, _ := json.Marshal(map[string]any{"decision": "allow", "n": i})
	return agentiq.AuditEntry{At: T0.Add(time.Duration(i) * time.Minute), Kind: "decision", Ref: fmt.Sprintf("d-%d", i), Data: data}
}

func testAuditChain(t *testing.T, open Factory) {
	s := newStore(t, open, Config{})
	head, err := s.AuditHead(ctx, "s1")
	must(t, err)
	if head.Seq != 0 {
		t.Fatalf("empty chain head %d", head.Seq)
	}
	for i := 1; i <= 5; i++ {
		r, err := s.Append(ctx, "s1", entry(i))
		must(t, err)
		if r.Seq != int64(i) {
			t.Fatalf("record %d got seq %d", i, r.Seq)
		}
	}
	all, err := s.AuditSeq(ctx, "s1", 1, 5)
	must(t, err)
	if err := agentiq.VerifyChain(agentiq.AuditRecord{}, all); err != nil {
		t.Fatal(err)
	}
	mid, err := s.AuditSeq(ctx, "s1", 3, 4)
	must(t, err)
	if len(mid) != 2 || mid[0].Seq != 3 {
		t.Errorf("records 3..4: %+v", mid)
	}
	if err := agentiq.VerifyChain(all[1], mid); err != nil {
		t.Errorf("a stretch from the middle: %v", err)
	}
	// minutes 2, 3 and 4 fall in [T0+2m, T0+5m)
	between, err := s.AuditBetween(ctx, "s1", T0.Add(2*time.Minute), T0.Add(5*time.Minute))
	must(t, err)
	if len(between) != 3 || between[0].Seq != 2 || between[2].Seq != 4 {
		t.Errorf("records between: %d from %v", len(between), between)
	}
	// a changed record no longer verifies
	tampered := slices.Clone(all)
	tampered[2].Data = json.RawMessage(`{"decision":"deny","n":3}`)
	if agentiq.VerifyChain(agentiq.AuditRecord{}, tampered) == nil {
		t.Error("an altered record verified")
	}
	if agentiq.VerifyChain(agentiq.AuditRecord{}, append(slices.Clone(all[:2]), all[3:]...)) == nil {
		t.Error("a removed record verified")
	}
	_, err = s.Append(ctx, "s1", agentiq.AuditEntry{At: T0, Kind: "decision", Data: json.RawMessage(`{bad`)})
	wantErr(t, err, agentiq.ErrInvalid)
	// an entry dated before the newest record takes the newest record's time
	late, err := s.Append(ctx, "s1", agentiq.AuditEntry{At: T0, Kind: "decision", Data: json.RawMessage(`{}`)})
	must(t, err)
	if !late.At.Equal(all[4].At) {
		t.Errorf("late entry dated %v, want %v", late.At, all[4].At)
	}
	none, err := s.AuditBetween(ctx, "s1", T0.Add(time.Hour), T0.Add(2*time.Hour))
	must(t, err)
	if len(none) != 0 {
		t.Errorf("%d records in an empty range", len(none))
	}
	everything, err := s.AuditBetween(ctx, "s1", T0.Add(-time.Hour), T0.Add(time.Hour))
	must(t, err)
	if len(everything) != 6 {
		t.Errorf("%d records in the whole range, want 6", len(everything))
	}
}

func testAuditConcurrency(t *testing.T, open Factory) {
	s := newStore(t, open, Config{})
	const n = 50
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := s.Append(ctx, "s1", entry(i))
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		must(t, err)
	}
	all, err := s.AuditSeq(ctx, "s1", 1, n+10)
	must(t, err)
	if len(all) != n {
		t.Fatalf("%d records after %d appends", len(all), n)
	}
	for i, r := range all {
		if r.Seq != int64(i+1) {
			t.Fatalf("record %d has seq %d: a gap or a duplicate", i, r.Seq)
		}
	}
	if err := agentiq.VerifyChain(agentiq.AuditRecord{}, all); err != nil {
		t.Fatal(err)
	}
}

func testExpiry(t *testing.T, open Factory) {
	now := T0
	s := newStore(t, open, Config{Now: func() time.Time { return now }})
	_, err := s.Ingest(ctx, page(0, 2, 1))
	must(t, err)
	now = T0.Add(31 * 24 * time.Hour)
	inbox, err := s.PendingInbox(ctx, "s1", 0)
	must(t, err)
	if len(inbox) != 0 {
		t.Errorf("%d inbox items past their retention", len(inbox))
	}
	// the chat state, which holds no text, stays
	if _, err := s.Chat(ctx, "s1", "c0"); err != nil {
		t.Errorf("chat state gone with the texts: %v", err)
	}
}

func testTenants(t *testing.T, open Factory) {
	s := newStore(t, open, Config{}, "a", "b")
	b := page(0, 2, 1)
	b.SellerID = "a"
	_, err := s.Ingest(ctx, b)
	must(t, err)
	_, err = s.Append(ctx, "a", entry(1))
	must(t, err)
	inbox, err := s.PendingInbox(ctx, "b", 0)
	must(t, err)
	if len(inbox) != 0 {
		t.Errorf("seller b sees %d of a's inbox items", len(inbox))
	}
	if c, _ := s.Cursor(ctx, "b"); c != 0 {
		t.Errorf("seller b's cursor %d", c)
	}
	_, err = s.Chat(ctx, "b", "c0")
	wantErr(t, err, agentiq.ErrNotFound)
	if head, _ := s.AuditHead(ctx, "b"); head.Seq != 0 {
		t.Errorf("seller b's audit head %d", head.Seq)
	}
	// the same event id under another seller is another event
	b.SellerID = "b"
	res, err := s.Ingest(ctx, b)
	must(t, err)
	if res.Inbox != 2 {
		t.Errorf("seller b's page: %+v", res)
	}
}

func testBadInput(t *testing.T, open Factory) {
	s := newStore(t, open, Config{})
	before := items(t, s)
	bad := []struct {
		name string
		b    agentiq.IngestBatch
		want error
	}{
		{"unknown seller", agentiq.IngestBatch{SellerID: "ghost", Next: 1, Events: []agentiq.Event{buyer("e1", "c1", T0, "hi")}}, agentiq.ErrUnknownSeller},
		{"invalid UTF-8", agentiq.IngestBatch{SellerID: "s1", Next: 1, Events: []agentiq.Event{buyer("e1", "c1", T0, "ok"), buyer("e2", "c1", T0, "bad \xff")}}, agentiq.ErrInvalid},
		{"oversized text", agentiq.IngestBatch{SellerID: "s1", Next: 1, Events: []agentiq.Event{buyer("e1", "c1", T0, strings.Repeat("я", agentiq.MaxTextRunes+1))}}, agentiq.ErrTooLarge},
		{"event without id", agentiq.IngestBatch{SellerID: "s1", Next: 1, Events: []agentiq.Event{buyer("", "c1", T0, "hi")}}, agentiq.ErrInvalid},
		{"unknown sender", agentiq.IngestBatch{SellerID: "s1", Next: 1, Events: []agentiq.Event{{ID: "e1", ChatID: "c1", Sender: "bot", At: T0}}}, agentiq.ErrInvalid},
		{"cursor backwards", agentiq.IngestBatch{SellerID: "s1", From: 10, Next: 5}, agentiq.ErrInvalid},
	}
	for _, tc := range bad {
		_, err := s.Ingest(ctx, tc.b)
		if !errors.Is(err, tc.want) {
			t.Errorf("%s: error %v, want %v", tc.name, err, tc.want)
		}
	}
	if after := items(t, s); after != before {
		t.Errorf("refused input wrote %d items", after-before)
	}
	_, err := s.UpdateChat(ctx, agentiq.ChatState{SellerID: "s1", ChatID: "c1", LastBuyerEventID: strings.Repeat("x", agentiq.MaxItemBytes)})
	wantErr(t, err, agentiq.ErrTooLarge)
	_, err = s.UpdateChat(ctx, agentiq.ChatState{SellerID: "ghost", ChatID: "c1"})
	if err == nil {
		t.Error("a chat of an unknown seller was written")
	}
	wantErr(t, s.CreateSend(ctx, agentiq.SendRecord{SellerID: "ghost", DecisionID: "d", Channel: agentiq.ChannelWBChat, Status: agentiq.SendPending, CreatedAt: T0}), agentiq.ErrUnknownSeller)
	_, err = s.Append(ctx, "ghost", entry(1))
	wantErr(t, err, agentiq.ErrUnknownSeller)
	if after := items(t, s); after != before {
		t.Errorf("refused writes wrote %d items", after-before)
	}
}

// The buyer's personal data in a realistic conversation.
const (
	buyerName     = "Алёна Смирнова"
	buyerClientID = "982734651"
	buyerEmail    = "alena.smirnova@mail.ru"
)

var phoneDigits = regexp.MustCompile(`9165554433|916\D?555\D?44\D?33`)

func testNoPersonalData(t *testing.T, open Factory) {
	s := newStore(t, open, Config{})
	t1 := T0.Add(-10 * time.Minute)
	conv := []agentiq.Event{
		{ID: "e1", ChatID: "c1", Sender: agentiq.SenderBuyer, Source: "android", At: t1, ClientName: buyerName, ClientID: buyerClientID,
			ReplySign: "1:abc:def", Text: "Здравствуйте! Меня зовут Алёна Смирнова, заказ так и не пришёл", Intents: []agentiq.Intent{agentiq.IntentDelivery}},
		{ID: "e2", ChatID: "c1", Sender: agentiq.SenderSeller, Source: "seller-portal", At: t1.Add(time.Minute),
			Text: "Алёна, здравствуйте! Проверим."},
		{ID: "e3", ChatID: "c1", Sender: agentiq.SenderBuyer, Source: "android", At: t1.Add(2 * time.Minute), ClientName: buyerName, ClientID: buyerClientID,
			Text: "Мой телефон +7 (916) 555-44-33, почта " + buyerEmail + ". Алёну всё устраивает, просто привезите", Intents: []agentiq.Intent{agentiq.IntentDelivery}},
		{ID: "e4", ChatID: "c1", Sender: agentiq.SenderBuyer, Source: "android", At: t1.Add(3 * time.Minute), ClientName: buyerName, ClientID: buyerClientID,
			Text: "Карта для возврата 2200 7001 2345 6789, с уважением, Алёна", Intents: []agentiq.Intent{agentiq.IntentReturn}},
	}
	_, err := s.Ingest(ctx, agentiq.IngestBatch{SellerID: "s1", Next: ms(T0), Events: conv})
	must(t, err)
	inbox, err := s.PendingInbox(ctx, "s1", 0)
	must(t, err)
	if len(inbox) != 3 {
		t.Fatalf("%d inbox items", len(inbox))
	}
	c, err := s.Chat(ctx, "s1", "c1")
	must(t, err)
	if c.ClientKey == "" || c.ClientKey != Pseudonyms().Pseudonym("wb-client", buyerClientID) {
		t.Errorf("client key %q: want the keyed pseudonym", c.ClientKey)
	}
	n := 0
	must(t, s.Dump(ctx, func(where string, v []byte) error {
		n++
		text := where + " " + string(v)
		for _, bad := range []string{"Алён", "алён", "Смирнов", buyerClientID, buyerEmail, "2200 7001", "22007001"} {
			if strings.Contains(text, bad) {
				t.Errorf("stored item %s holds %q: %s", where, bad, v)
			}
		}
		if phoneDigits.MatchString(text) {
			t.Errorf("stored item %s holds the phone number: %s", where, v)
		}
		return nil
	}))
	if n == 0 {
		t.Fatal("nothing stored")
	}
}
