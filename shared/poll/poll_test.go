package poll_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/bolt"
	"github.com/agentiq/agentiq/shared/dynamo"
	"github.com/agentiq/agentiq/shared/dynamo/dynamotest"
	"github.com/agentiq/agentiq/shared/emf"
	"github.com/agentiq/agentiq/shared/ingest"
	"github.com/agentiq/agentiq/shared/intent"
	"github.com/agentiq/agentiq/shared/poll"
	"github.com/agentiq/agentiq/shared/storetest"
	"github.com/agentiq/agentiq/shared/tokens"
	"github.com/agentiq/agentiq/shared/wb"
	"github.com/agentiq/agentiq/shared/wb/wbsandbox"
	"github.com/agentiq/agentiq/shared/wb/wbsandbox/sandboxtest"
)

var local *dynamotest.Local

func TestMain(m *testing.M) { dynamotest.Main(m, &local) }

var anchor = time.Now().UTC().Truncate(time.Minute)

// fast is far above WB's limit so that tests do not wait; the sandbox
// enforces the same one.
var fast = wb.Limit{Requests: 20, Per: 200 * time.Millisecond}

var classifier = func() *intent.Classifier {
	c, err := intent.Default()
	if err != nil {
		panic(err)
	}
	return c
}()

type store interface {
	poll.Store
	agentiq.DecisionStore
}

func boltStore(t testing.TB, before func(int) error) store {
	t.Helper()
	s, err := bolt.Open(bolt.Config{Path: filepath.Join(t.TempDir(), "agentiq.db"),
		Ingest: ingest.Options{Pseudonyms: storetest.Pseudonyms()}, BeforeTxn: before})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

var tables atomic.Int64

func dynamoStore(t testing.TB, before func(int) error) store {
	t.Helper()
	s, err := dynamo.New(local.Client(), dynamo.Config{Table: fmt.Sprintf("poll-%d", tables.Add(1)),
		Ingest:    ingest.Options{Pseudonyms: storetest.Pseudonyms(), MaxTxnItems: dynamotest.MaxTxnItems},
		BeforeTxn: before})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CreateTable(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

// world is a sandbox with one account per seller, a store holding those
// sellers, and the environment their tokens are read from.
type world struct {
	sb     *wbsandbox.Server
	url    string
	store  store
	env    map[string]string
	tokens map[string]string // seller → token
	logs   *syncBuffer
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// lines returns the JSON log lines with the given level ("" for EMF).
func (s *syncBuffer) lines(level string) []map[string]any {
	var out []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(s.String()), "\n") {
		var m map[string]any
		if json.Unmarshal([]byte(l), &m) != nil {
			continue
		}
		if lv, _ := m["level"].(string); lv == level {
			out = append(out, m)
		}
	}
	return out
}

func newWorld(t testing.TB, st store, sellers []string, cfg wbsandbox.Config) *world {
	t.Helper()
	w := &world{store: st, env: map[string]string{}, tokens: map[string]string{}, logs: &syncBuffer{}}
	for _, s := range sellers {
		tok := fmt.Sprintf("tok-%s-%s-%d", t.Name(), s, time.Now().UnixNano())
		w.tokens[s] = tok
		cfg.Tokens = append(cfg.Tokens, tok)
		w.env["WB_TOKEN_"+strings.ToUpper(s)] = tok
		if err := st.PutSeller(context.Background(), agentiq.Seller{ID: s, Name: "Продавец " + s, Active: true,
			TokenRef: "env:WB_TOKEN_" + strings.ToUpper(s), CreatedAt: anchor}); err != nil {
			t.Fatal(err)
		}
	}
	if cfg.Anchor.IsZero() {
		cfg.Anchor = anchor
	}
	if !cfg.Rate.Valid() {
		cfg.Rate = fast
	}
	w.sb, w.url = sandboxtest.Start(t, cfg)
	sandboxtest.ExpectClean(t, w.sb)
	return w
}

func (w *world) poller(t testing.TB, mod func(*poll.Config)) *poll.Poller {
	t.Helper()
	cfg := poll.Config{
		Store: w.store, Classifier: classifier, BaseURL: w.url, Limit: fast,
		Tokens:  &tokens.Source{Getenv: func(k string) (string, bool) { v, ok := w.env[k]; return v, ok }},
		Retry:   wb.Retry{Attempts: 8, Base: 5 * time.Millisecond, Max: 40 * time.Millisecond, RateLimited: 50},
		Margin:  100 * time.Millisecond,
		Logger:  slog.New(slog.NewJSONHandler(w.logs, nil)),
		Metrics: emf.New(w.logs, "agentiq"),
	}
	if mod != nil {
		mod(&cfg)
	}
	p, err := poll.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func ctxT(t testing.TB, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

// expected is what the store should hold for a script seen up to a time.
type expected struct {
	inbox      map[string]bool // buyer event ids
	lastSender map[string]agentiq.Sender
	since      map[string]int // seller messages since the buyer's last
	newest     int64
}

func expect(sc *wbsandbox.Script, upTo int64) expected {
	x := expected{inbox: map[string]bool{}, lastSender: map[string]agentiq.Sender{}, since: map[string]int{}}
	for _, e := range sc.Events {
		if e.AddTimestamp > upTo {
			break
		}
		x.newest = e.AddTimestamp
		switch e.Sender {
		case wb.SenderClient:
			x.inbox[e.EventID] = true
			x.lastSender[e.ChatID] = agentiq.SenderBuyer
			x.since[e.ChatID] = 0
		case wb.SenderSeller:
			x.lastSender[e.ChatID] = agentiq.SenderSeller
			x.since[e.ChatID]++
		}
	}
	return x
}

// check compares the store with what the script says.
func check(t *testing.T, st store, seller string, sc *wbsandbox.Script, x expected) {
	t.Helper()
	ctx := context.Background()
	items, err := st.PendingInbox(ctx, seller, 100000)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	texts := map[string]string{}
	for _, e := range sc.Events {
		if d, err := e.Domain(); err == nil {
			texts[e.EventID] = d.Text
		}
	}
	cl, err := intent.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		got[it.EventID]++
		if len(it.Intents) == 0 {
			t.Errorf("inbox item %s has no intents", it.EventID)
		}
		// the classifier's doubt travels with the item to the responder
		if want := cl.Classify(texts[it.EventID]).Uncertain; it.Uncertain != want {
			t.Errorf("inbox item %s: uncertain %v, the classifier says %v", it.EventID, it.Uncertain, want)
		}
	}
	for id := range x.inbox {
		if got[id] != 1 {
			t.Errorf("buyer event %s is in the inbox %d times, want once", id, got[id])
		}
	}
	if len(items) != len(x.inbox) {
		t.Errorf("%d inbox items, want the script's %d buyer messages", len(items), len(x.inbox))
	}
	if cur, _ := st.Cursor(ctx, seller); cur != x.newest {
		t.Errorf("cursor %d, want the newest event's time %d", cur, x.newest)
	}
	for _, c := range sc.Chats {
		want, ok := x.lastSender[c.ID]
		if !ok {
			continue
		}
		cs, err := st.Chat(ctx, seller, c.ID)
		if err != nil {
			t.Errorf("chat %s: %v", c.ID, err)
			continue
		}
		if cs.LastSender != want || cs.SellerMessagesSinceBuyer != x.since[c.ID] || cs.ReplySign != c.ReplySign || cs.NmID != c.Product.NmID {
			t.Errorf("chat %s: last %s, %d seller messages since the buyer, sign %.20q, nm %d; want %s, %d, %.20q, %d",
				c.ID, cs.LastSender, cs.SellerMessagesSinceBuyer, cs.ReplySign, cs.NmID, want, x.since[c.ID], c.ReplySign, c.Product.NmID)
		}
	}
}

func TestPollWholeScript(t *testing.T) {
	w := newWorld(t, boltStore(t, nil), []string{"s1"}, wbsandbox.Config{PageSize: 50})
	rep, err := w.poller(t, nil).Run(ctxT(t, 60*time.Second), poll.Request{})
	if err != nil {
		t.Fatal(err)
	}
	sc := w.sb.Script(w.tokens["s1"])
	r := rep.Sellers[0]
	if !r.CaughtUp || r.Events != len(sc.Events) || r.Pages < len(sc.Events)/50 || r.LagSeconds != 0 || r.Rejected != 0 || r.ReplySigns != 0 {
		t.Errorf("report %+v for %d events", r, len(sc.Events))
	}
	check(t, w.store, "s1", sc, expect(sc, anchor.UnixMilli()))
	if st := w.sb.Stats(); st.ByPath[wb.PathChats] != 0 {
		t.Errorf("/chats called %d times though every chat's sign came with its first event", st.ByPath[wb.PathChats])
	}
	// A second run finds nothing new and writes nothing.
	rep, err = w.poller(t, nil).Run(ctxT(t, 10*time.Second), poll.Request{})
	if err != nil || rep.Sellers[0].Pages != 0 || !rep.Sellers[0].CaughtUp {
		t.Errorf("second run: %+v, %v", rep, err)
	}
	// What the run said: one info line per run, one metrics record each.
	info := w.logs.lines("INFO")
	if len(info) != 2 || info[0]["msg"] != "poll done" || info[0]["seller"] != "s1" || info[0]["inbox"].(float64) != float64(len(expect(sc, anchor.UnixMilli()).inbox)) {
		t.Errorf("info lines %v", info)
	}
	var metrics []map[string]any
	for _, m := range w.logs.lines("") {
		if _, ok := m["_aws"]; ok {
			metrics = append(metrics, m)
		}
	}
	if len(metrics) != 2 || metrics[0]["EventsIngested"].(float64) == 0 || metrics[0]["Pages"].(float64) != float64(r.Pages) || metrics[0]["Seller"] != "s1" {
		t.Errorf("metrics %v", metrics)
	}
	if strings.Contains(w.logs.String(), w.tokens["s1"]) || strings.Contains(w.logs.String(), "Мой телефон") {
		t.Error("the logs hold a token or a buyer's text")
	}
}

// Chats first seen mid-stream have no sign in their events: the poller
// fetches /chats once for them.
func TestReplySignsFromChats(t *testing.T) {
	w := newWorld(t, boltStore(t, nil), []string{"s1"}, wbsandbox.Config{PageSize: 50})
	sc := w.sb.Script(w.tokens["s1"])
	mid := sc.Events[len(sc.Events)/2].AddTimestamp
	// Start the stream in the middle, as a seller connected late would.
	if _, err := w.store.Ingest(context.Background(), agentiq.IngestBatch{SellerID: "s1", Next: mid}); err != nil {
		t.Fatal(err)
	}
	rep, err := w.poller(t, nil).Run(ctxT(t, 60*time.Second), poll.Request{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Sellers[0].ReplySigns == 0 || w.sb.Stats().ByPath[wb.PathChats] != 1 {
		t.Errorf("%d signs from %d /chats calls; want some from one", rep.Sellers[0].ReplySigns, w.sb.Stats().ByPath[wb.PathChats])
	}
	for _, e := range sc.Events {
		if e.AddTimestamp <= mid {
			continue
		}
		c, err := w.store.Chat(context.Background(), "s1", e.ChatID)
		if err != nil || c.ReplySign == "" {
			t.Fatalf("chat %s has no sign (%v)", e.ChatID, err)
		}
	}
}

// Seller messages, agentiq's own included, keep the chat state true
// without becoming work items.
func TestEchoes(t *testing.T) {
	now := anchor.Add(time.Hour)
	w := newWorld(t, boltStore(t, nil), []string{"s1"}, wbsandbox.Config{PageSize: 100, Clock: func() time.Time { return now }})
	p := w.poller(t, nil)
	ctx := ctxT(t, 60*time.Second)
	if _, err := p.Run(ctx, poll.Request{}); err != nil {
		t.Fatal(err)
	}
	sc := w.sb.Script(w.tokens["s1"])
	var chat wbsandbox.ScriptChat
	for _, c := range sc.Chats { // a chat where the buyer spoke last
		if cs, _ := w.store.Chat(ctx, "s1", c.ID); cs.LastSender == agentiq.SenderBuyer {
			chat = c
			break
		}
	}
	client, err := wb.New(wb.Config{BaseURL: w.url, Token: wb.Token(w.tokens["s1"]), Limit: fast})
	if err != nil {
		t.Fatal(err)
	}
	// agentiq sends and records the send; its echo then changes nothing.
	res, err := client.Send(ctx, wb.Message{ReplySign: chat.ReplySign, Text: "Здравствуйте! Заказ уже в пути."})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := agentiq.UpdateChatFunc(ctx, w.store, "s1", chat.ID, func(c *agentiq.ChatState) error {
		c.RecordSend(time.UnixMilli(res.AddTime), false)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	// Someone else sends through the API (another tool of the seller's).
	if _, err := client.Send(ctx, wb.Message{ReplySign: chat.ReplySign, Text: "Добрый день! Это менеджер магазина."}); err != nil {
		t.Fatal(err)
	}
	before, _ := w.store.PendingInbox(ctx, "s1", 100000)
	rep, err := p.Run(ctx, poll.Request{})
	if err != nil {
		t.Fatal(err)
	}
	after, _ := w.store.PendingInbox(ctx, "s1", 100000)
	cs, _ := w.store.Chat(ctx, "s1", chat.ID)
	if r := rep.Sellers[0]; r.Echoes != 1 || r.Inbox != 0 || len(after) != len(before) {
		t.Errorf("report %+v, inbox %d → %d: want one own echo and no work item", r, len(before), len(after))
	}
	if cs.LastSender != agentiq.SenderSeller || cs.SellerMessagesSinceBuyer != 2 || len(cs.OwnSends) != 0 {
		t.Errorf("chat after two seller messages: last %s, %d since the buyer, own sends %v; want seller, 2, none",
			cs.LastSender, cs.SellerMessagesSinceBuyer, cs.OwnSends)
	}
}

// Sellers are polled concurrently, each with its own account and limit.
func TestManySellers(t *testing.T) {
	sellers := []string{"s1", "s2", "s3"}
	w := newWorld(t, boltStore(t, nil), sellers, wbsandbox.Config{PageSize: 40, Rate: wb.Limit{Requests: 5, Per: 100 * time.Millisecond}})
	p := w.poller(t, func(c *poll.Config) { c.Concurrency = 2; c.Limit = wb.Limit{Requests: 5, Per: 100 * time.Millisecond} })
	rep, err := p.Run(ctxT(t, 60*time.Second), poll.Request{})
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range sellers {
		if rep.Sellers[i].Seller != s || !rep.Sellers[i].CaughtUp {
			t.Errorf("report %+v", rep.Sellers[i])
		}
		sc := w.sb.Script(w.tokens[s])
		check(t, w.store, s, sc, expect(sc, anchor.UnixMilli()))
	}
	// Only the named seller, when the event names one.
	rep, err = p.Run(ctxT(t, 10*time.Second), poll.Request{Sellers: []string{"s2"}})
	if err != nil || len(rep.Sellers) != 1 || rep.Sellers[0].Seller != "s2" {
		t.Errorf("%+v, %v", rep, err)
	}
}

// Bad configuration fails the run with one clear error line, loses
// nothing and leaves the cursor where it was.
func TestBadConfiguration(t *testing.T) {
	closed := func() string {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		return "http://" + l.Addr().String()
	}()
	cases := []struct {
		name string
		mod  func(w *world, c *poll.Config)
		req  poll.Request
		says string
	}{
		{"no token", func(w *world, c *poll.Config) { delete(w.env, "WB_TOKEN_S1") }, poll.Request{}, "no WB API token: set WB_TOKEN_S1"},
		{"wrong token", func(w *world, c *poll.Config) { w.env["WB_TOKEN_S1"] = "expired" }, poll.Request{}, "unauthorized"},
		{"nothing at the base URL", func(w *world, c *poll.Config) { c.BaseURL = closed }, poll.Request{}, "connection refused"},
		{"not WB at the base URL", func(w *world, c *poll.Config) { c.BaseURL = w.url + "/api/v2" }, poll.Request{}, "not_found"},
		{"malformed base URL", func(w *world, c *poll.Config) { c.BaseURL = "buyer-chat-api.wildberries.ru" }, poll.Request{}, "base URL"},
		{"unknown seller", nil, poll.Request{Sellers: []string{"nobody"}}, `seller "nobody": unknown seller`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t, boltStore(t, nil), []string{"s1"}, wbsandbox.Config{PageSize: 50})
			ctx := ctxT(t, 30*time.Second)
			// Some progress first, so there is a cursor to keep.
			if _, err := w.poller(t, func(c *poll.Config) { c.MaxPages = 2 }).Run(ctx, poll.Request{}); err != nil {
				t.Fatal(err)
			}
			cursor, _ := w.store.Cursor(ctx, "s1")
			inbox, _ := w.store.PendingInbox(ctx, "s1", 100000)
			w.logs.b.Reset()
			p := w.poller(t, func(c *poll.Config) {
				c.Retry = wb.Retry{Attempts: 3, Base: time.Millisecond, Max: 5 * time.Millisecond, RateLimited: 3}
				if tc.mod != nil {
					tc.mod(w, c)
				}
			})
			_, err := p.Run(ctx, tc.req)
			if err == nil || !strings.Contains(err.Error(), tc.says) {
				t.Errorf("error %v, want one saying %q", err, tc.says)
			}
			errs := w.logs.lines("ERROR")
			if len(errs) != 1 || !strings.Contains(fmt.Sprint(errs[0]["error"]), tc.says) {
				t.Errorf("error lines %v: want exactly one saying %q", errs, tc.says)
			}
			if c, _ := w.store.Cursor(ctx, "s1"); c != cursor {
				t.Errorf("cursor moved from %d to %d", cursor, c)
			}
			if after, _ := w.store.PendingInbox(ctx, "s1", 100000); len(after) != len(inbox) {
				t.Errorf("inbox went from %d to %d items", len(inbox), len(after))
			}
			if strings.Contains(w.logs.String(), w.tokens["s1"]) || strings.Contains(w.logs.String(), "expired\"") {
				t.Error("a token is in the logs")
			}
		})
	}
}

// The run stops short of its deadline, without an error, and says how far
// behind it is; too little time fails at once.
func TestDeadline(t *testing.T) {
	slow := wb.Limit{Requests: 2, Per: 400 * time.Millisecond}
	w := newWorld(t, boltStore(t, nil), []string{"s1"}, wbsandbox.Config{PageSize: 10, Rate: slow})
	p := w.poller(t, func(c *poll.Config) { c.Limit = slow; c.Margin = 200 * time.Millisecond })
	ctx, cancel := context.WithTimeout(context.Background(), 1500*time.Millisecond)
	defer cancel()
	rep, err := p.Run(ctx, poll.Request{})
	if err != nil {
		t.Fatal(err)
	}
	r := rep.Sellers[0]
	if r.CaughtUp || r.Pages == 0 || r.LagSeconds <= 0 {
		t.Errorf("report %+v: want some pages, not caught up, a lag", r)
	}
	if c, _ := w.store.Cursor(context.Background(), "s1"); c != r.Cursor || c == 0 {
		t.Errorf("cursor %d, report says %d", c, r.Cursor)
	}
	short, cancel2 := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel2()
	if _, err := p.Run(short, poll.Request{}); err == nil || !strings.Contains(err.Error(), "margin") {
		t.Errorf("a run with less time than its margin: %v", err)
	}
}

// crashTransport cancels the run's context at the n-th request, before or
// after sending it: a Lambda killed at a random point.
type crashTransport struct {
	next   http.RoundTripper
	mu     sync.Mutex
	n      int
	at     int
	after  bool
	cancel context.CancelFunc
}

func (c *crashTransport) arm(at int, after bool, cancel context.CancelFunc) {
	c.mu.Lock()
	c.n, c.at, c.after, c.cancel = 0, at, after, cancel
	c.mu.Unlock()
}

func (c *crashTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.mu.Lock()
	c.n++
	hit := c.n == c.at
	after, cancel := c.after, c.cancel
	c.mu.Unlock()
	if hit && !after {
		cancel()
	}
	resp, err := c.next.RoundTrip(r)
	if hit && after {
		cancel()
	}
	return resp, err
}

// faultRuns is the acceptance run: randomised polls against a sandbox
// that injects 5xx, 429s, malformed bodies and duplicated events, with
// crashes at random points (the context cancelled mid-run, a store
// transaction failing). Events arrive as the runs go. Afterwards every
// buyer event is in the inbox exactly once, the cursor never went back,
// and no run exceeded WB's limit.
func faultRuns(t *testing.T, runs int, open func(testing.TB, func(int) error) store) {
	var failTxn atomic.Bool
	st := open(t, func(int) error {
		if failTxn.CompareAndSwap(true, false) {
			return errors.New("injected: the store is unreachable")
		}
		return nil
	})
	var horizon atomic.Int64
	faults := wbsandbox.Faults{ServerError: 0.2, RateLimit: 0.1, Storm: 1, Malformed: 0.05, Duplicate: 0.3,
		Latency: 3 * time.Millisecond, LatencyShare: 0.05}
	limit := wb.Limit{Requests: 10, Per: 100 * time.Millisecond}
	w := newWorld(t, st, []string{"s1"}, wbsandbox.Config{PageSize: 20, Rate: limit, Faults: faults, FaultSeed: 42,
		Clock: func() time.Time { return time.UnixMilli(horizon.Load()) }})
	sc := w.sb.Script(w.tokens["s1"])
	first, last := sc.Events[0].AddTimestamp, sc.Events[len(sc.Events)-1].AddTimestamp
	crash := &crashTransport{next: http.DefaultTransport}
	httpc := &http.Client{Transport: crash, Timeout: 5 * time.Second}
	rng := rand.New(rand.NewPCG(1, 2))
	var p *poll.Poller
	prev := int64(0)
	crashes, failed := 0, 0
	for i := 0; i < runs; i++ {
		if i%10 == 0 { // a cold start now and then
			p = w.poller(t, func(c *poll.Config) { c.Limit = limit; c.HTTPClient = httpc; c.Metrics = nil })
		}
		horizon.Store(first + (last-first)*int64(i+1)/int64(runs))
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		at := 0
		if rng.Float64() < 0.4 {
			at = 1 + rng.IntN(6)
			crashes++
		}
		crash.arm(at, rng.IntN(2) == 0, cancel)
		failTxn.Store(rng.Float64() < 0.1)
		if _, err := p.Run(ctx, poll.Request{}); err != nil {
			failed++
		}
		cancel()
		cur, err := st.Cursor(context.Background(), "s1")
		if err != nil {
			t.Fatal(err)
		}
		if cur < prev {
			t.Fatalf("run %d: the cursor went back from %d to %d", i, prev, cur)
		}
		prev = cur
	}
	// Then a clean run, as the next scheduled one would be.
	w.sb.SetFaults(wbsandbox.Faults{})
	failTxn.Store(false)
	crash.arm(0, false, nil)
	horizon.Store(last)
	rep, err := p.Run(ctxT(t, 60*time.Second), poll.Request{})
	if err != nil || !rep.Sellers[0].CaughtUp {
		t.Fatalf("the clean run: %+v, %v", rep, err)
	}
	check(t, st, "s1", sc, expect(sc, last))
	sbs := w.sb.Stats()
	t.Logf("%d runs (%d crashed on purpose, %d failed), %d requests: %d 5xx, %d injected 429, %d malformed, %d duplicating pages; %d violations",
		runs, crashes, failed, sbs.Requests, sbs.ServerErrors, sbs.Injected429, sbs.Malformed, sbs.Duplicated, sbs.Violations)
	if sbs.ServerErrors == 0 || sbs.Injected429 == 0 || sbs.Malformed == 0 || sbs.Duplicated == 0 {
		t.Error("some faults were never injected")
	}
}

func TestFaultRunsBolt(t *testing.T)   { faultRuns(t, 100, boltStore) }
func TestFaultRunsDynamo(t *testing.T) { faultRuns(t, 30, dynamoStore) }

// With the sandbox at WB's limit scaled down tenfold in time, a run with
// 60 pages to fetch keeps close to the allowed rate (BenchmarkPollWBLimit
// measures it at WB's own limit).
func TestRateUse(t *testing.T) {
	limit := wb.Limit{Requests: 10, Per: time.Second}
	pages, use := rateUse(t, limit)
	t.Logf("%d pages at %s: %.0f%% of the allowed request rate", pages, limit, 100*use)
	if pages != 60 {
		t.Errorf("%d pages fetched, want 60", pages)
	}
}

// rateUse runs one poll that has 60 pages to fetch and returns the share
// of the allowed requests it made: WB's bucket allows a burst of
// Requests, then one request per interval.
func rateUse(t testing.TB, limit wb.Limit) (int, float64) {
	w := newWorld(t, boltStore(t, nil), []string{"s1"}, wbsandbox.Config{PageSize: 8, Rate: limit})
	p := w.poller(t, func(c *poll.Config) { c.Limit = limit; c.MaxPages = 60 })
	start := time.Now()
	rep, err := p.Run(ctxT(t, 10*time.Minute), poll.Request{})
	elapsed := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	reqs := float64(rep.Sellers[0].Requests)
	allowed := float64(limit.Requests) + float64(elapsed)/float64(limit.Interval())
	return rep.Sellers[0].Pages, reqs / allowed
}

func BenchmarkPollWBLimit(b *testing.B) {
	for i := 0; i < b.N; i++ {
		pages, use := rateUse(b, wb.ChatLimit)
		b.ReportMetric(float64(pages), "pages")
		b.ReportMetric(100*use, "%-of-allowed-rate")
	}
}
