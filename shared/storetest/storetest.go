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
		{"ConsentRegister", testConsentRegister},
		{"ConsentConcurrency", testConsentConcurrency},
		{"ConsentStream", testConsentStream},
		{"AuditChain", testAuditChain},
		{"AuditConcurrency", testAuditConcurrency},
		{"AuditVerify", testAuditVerify},
		{"Expiry", testExpiry},
		{"Tenants", testTenants},
		{"BadInput", testBadInput},
		{"NoPersonalData", testNoPersonalData},
		{"Idempotency", testIdempotency},
		{"ModerationItem", testModerationItem},
		{"ReportJobs", testReportJobs},
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
