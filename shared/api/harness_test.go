package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/api"
	"github.com/agentiq/agentiq/shared/api/apitest"
	"github.com/agentiq/agentiq/shared/bolt"
	"github.com/agentiq/agentiq/shared/consent"
	"github.com/agentiq/agentiq/shared/dynamo"
	"github.com/agentiq/agentiq/shared/dynamo/dynamotest"
	"github.com/agentiq/agentiq/shared/ingest"
	"github.com/agentiq/agentiq/shared/intent"
	"github.com/agentiq/agentiq/shared/policy"
	"github.com/agentiq/agentiq/shared/poll"
	"github.com/agentiq/agentiq/shared/respond"
	"github.com/agentiq/agentiq/shared/storetest"
	"github.com/agentiq/agentiq/shared/tokens"
	"github.com/agentiq/agentiq/shared/wb"
	"github.com/agentiq/agentiq/shared/wb/wbsandbox"
	"github.com/agentiq/agentiq/shared/wb/wbsandbox/sandboxtest"
)

var fast = wb.Limit{Requests: 50, Per: 100 * time.Millisecond}

// spec checks an exchange against the contract: the answer must match;
// the request's verdict is returned.
type spec struct{ *apitest.Spec }

func loadSpec() (*spec, error) {
	s, err := apitest.Load()
	return &spec{s}, err
}

func (s *spec) check(t *testing.T, method, target string, h http.Header, body []byte, status int, rh http.Header, answer []byte) error {
	t.Helper()
	reqErr, resErr := s.Check(method, target, h, body, status, rh, answer)
	if resErr != nil {
		t.Error(resErr)
	}
	return reqErr
}

// env is one API over real HTTP: a store with two sellers, s1 with a WB
// sandbox account polled into the store, a responder, the handler behind
// `agentiq api`'s token check.
type env struct {
	store  agentiq.Store
	sb     *wbsandbox.Server
	token  string // s1's WB token
	keys   *api.Keys
	srv    *httptest.Server
	spec   *spec
	now    time.Time // the responder's clock: a daytime hour in Moscow
	chats  []string
	nextID int
	mu     sync.Mutex
}

// daytime is 09:00 UTC (12:00 in Moscow) of today or yesterday, whichever
// is past: policy times are then far from quiet hours whenever tests run.
func daytime() time.Time {
	now := time.Now().UTC()
	d := now.Truncate(24 * time.Hour).Add(9 * time.Hour)
	if d.After(now) {
		d = d.Add(-24 * time.Hour)
	}
	return d
}

var local *dynamotest.Local

func TestMain(m *testing.M) { dynamotest.Main(m, &local) }

// stores are the stores the flows run on.
var stores = []struct {
	name string
	open func(t *testing.T) agentiq.Store
}{
	{"bolt", boltStore},
	{"dynamo", dynamoStore},
}

func boltStore(t *testing.T) agentiq.Store {
	t.Helper()
	st, err := bolt.Open(bolt.Config{Path: filepath.Join(t.TempDir(), "agentiq.db"), Ingest: ingest.Options{Pseudonyms: storetest.Pseudonyms()}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

var tables atomic.Int64

func dynamoStore(t *testing.T) agentiq.Store {
	t.Helper()
	st, err := dynamo.New(local.Client(), dynamo.Config{Table: fmt.Sprintf("api-%d", tables.Add(1)),
		Ingest: ingest.Options{Pseudonyms: storetest.Pseudonyms(), MaxTxnItems: dynamotest.MaxTxnItems}})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.CreateTable(context.Background()); err != nil {
		t.Fatal(err)
	}
	return st
}

// newEnv is an API on the embedded store.
func newEnv(t *testing.T, chats int) *env { return newEnvOn(t, chats, boltStore(t)) }

// opts adjust the handler's configuration (reports).
func newEnvOn(t *testing.T, chats int, st agentiq.Store, opts ...func(*api.Config)) *env {
	t.Helper()
	ctx := context.Background()
	sp, err := loadSpec()
	if err != nil {
		t.Fatal(err)
	}
	e := &env{store: st, token: fmt.Sprintf("tok-%d", time.Now().UnixNano()), spec: sp, now: daytime()}
	seed := strings.Replace(string(wbsandbox.DefaultSeed()), "chats: 240", fmt.Sprintf("chats: %d", chats), 1)
	var url string
	e.sb, url = sandboxtest.Start(t, wbsandbox.Config{Tokens: []string{e.token}, Rate: fast, Seed: []byte(seed), Anchor: time.Now().Add(-time.Minute)})
	sandboxtest.ExpectClean(t, e.sb)
	// s2 is not polled: its data is what the tests put there.
	for _, id := range []string{"s1", "s2"} {
		if err := st.PutSeller(ctx, agentiq.Seller{ID: id, Name: "Магазин " + id, Active: id == "s1", TokenRef: "env:WB_TOKEN", CreatedAt: e.now}); err != nil {
			t.Fatal(err)
		}
	}
	toks := &tokens.Source{Getenv: func(k string) (string, bool) { return e.token, k == "WB_TOKEN" }}
	cl, err := intent.Default()
	if err != nil {
		t.Fatal(err)
	}
	retry := wb.Retry{Attempts: 6, Base: time.Millisecond, Max: 5 * time.Millisecond, RateLimited: 100}
	p, err := poll.New(poll.Config{Store: st, Classifier: cl, BaseURL: url, Limit: fast, Retry: retry, Tokens: toks, Margin: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; ; i++ {
		rep, err := p.Run(ctx, poll.Request{})
		if err != nil {
			t.Fatal(err)
		}
		caught := true
		for _, s := range rep.Sellers {
			caught = caught && (s.CaughtUp || s.Seller == "s2")
		}
		if caught {
			break
		}
		if i > 100 {
			t.Fatal("the poller never caught up")
		}
	}
	for _, c := range e.sb.Script(e.token).Chats {
		e.chats = append(e.chats, c.ID)
	}
	eng, err := policy.Default()
	if err != nil {
		t.Fatal(err)
	}
	resp, err := respond.New(respond.Config{Store: st, Engine: eng, Now: func() time.Time { return e.now },
		Senders: respond.WBSenders{Tokens: toks, Pool: &wb.Pool{BaseURL: url, Limit: fast, Retry: retry}}})
	if err != nil {
		t.Fatal(err)
	}
	cfg := api.Config{Store: st, Responder: resp, SubjectKeys: consent.SubjectKeys(storetest.Pseudonyms())}
	for _, o := range opts {
		o(&cfg)
	}
	h, err := api.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if e.keys, err = api.NewKeys(); err != nil {
		t.Fatal(err)
	}
	e.srv = httptest.NewServer(api.HTTP(h, e.keys))
	t.Cleanup(e.srv.Close)
	return e
}

// tok mints a token of a seller with roles.
func (e *env) tok(t *testing.T, seller, sub string, roles ...string) string {
	t.Helper()
	s, err := e.keys.Mint(api.Token{Subject: sub, Seller: seller, Roles: roles})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// key is a fresh idempotency key.
func (e *env) key() string {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.nextID++
	return fmt.Sprintf("k-%d-%d", time.Now().UnixNano(), e.nextID)
}

// answer is an HTTP answer.
type answer struct {
	status int
	header http.Header
	body   []byte
	reqErr error // the spec's verdict on the request
}

func (a answer) code() string {
	var e struct {
		Error api.Error `json:"error"`
	}
	_ = json.Unmarshal(a.body, &e)
	return e.Error.Code
}

func (a answer) into(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(a.body, v); err != nil {
		t.Fatalf("answer %d %s: %v", a.status, a.body, err)
	}
}

// call makes one request over HTTP and checks it and its answer against
// the spec; a request the test means to be valid must pass.
func (e *env) call(t *testing.T, method, path, token, idemKey string, body any) answer {
	t.Helper()
	a := e.raw(t, method, path, token, idemKey, body)
	if a.reqErr != nil {
		t.Errorf("%s %s: the request does not match the spec: %v", method, path, a.reqErr)
	}
	return a
}

// raw makes one request; its answer must match the spec, the request
// need not (the bad-input tests).
func (e *env) raw(t *testing.T, method, path, token, idemKey string, body any) answer {
	t.Helper()
	var data []byte
	switch b := body.(type) {
	case nil:
	case []byte:
		data = b
	case string:
		data = []byte(b)
	default:
		var err error
		if data, err = json.Marshal(b); err != nil {
			t.Fatal(err)
		}
	}
	req, err := http.NewRequest(method, e.srv.URL+path, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if data != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if idemKey != "" {
		req.Header.Set(api.IdempotencyHeader, idemKey)
	}
	res, err := e.srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	got, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	a := answer{status: res.StatusCode, header: res.Header, body: got}
	a.reqErr = e.spec.check(t, method, path, req.Header, data, res.StatusCode, res.Header, got)
	if ct := res.Header.Get("Content-Type"); ct != "application/json" && !(res.StatusCode == 200 && strings.HasSuffix(path, "/file")) {
		t.Errorf("%s %s: Content-Type %q", method, path, res.Header.Get("Content-Type"))
	}
	return a
}

// hold sets chat n as one where the buyer just asked for a discount and
// holds a promo draft for it, as the responder would; change alters the
// chat first.
func (e *env) hold(t *testing.T, n int, change func(*agentiq.ChatState)) (agentiq.ModerationItem, string) {
	t.Helper()
	ctx := context.Background()
	chat := e.chats[n]
	e.setChat(t, chat, change)
	m := agentiq.ModerationItem{SellerID: "s1", ID: agentiq.DecisionID("s1", "inbox", chat), Kind: agentiq.ModerationDraft,
		ChatID: chat, Draft: "Для вас есть промокод на следующую покупку: 10% на весь ассортимент.",
		Reasons: []string{"promo_lexicon"}, RulesVersion: "v1", Scenario: agentiq.ScenarioPromo, MessageType: agentiq.Marketing,
		Window: agentiq.CustomerRequest, TemplateID: "promo-answer", Trigger: agentiq.TriggerAutoReply,
		Status: agentiq.ModerationPending, CreatedAt: e.now.Add(-10 * time.Minute)}
	if err := e.store.EnqueueModeration(ctx, m); err != nil {
		t.Fatal(err)
	}
	return m, chat
}

func (e *env) setChat(t *testing.T, chat string, change func(*agentiq.ChatState)) {
	t.Helper()
	_, err := agentiq.UpdateChatFunc(context.Background(), e.store, "s1", chat, func(c *agentiq.ChatState) error {
		at := e.now.Add(-time.Hour)
		c.LastSender, c.LastBuyerMessageAt, c.LastBuyerIntents = agentiq.SenderBuyer, &at, []agentiq.Intent{agentiq.IntentPromoRequest}
		c.SellerMessagesSinceBuyer, c.OptedOutAt, c.MarketingSentAt, c.OpenCase = 0, nil, nil, nil
		if change != nil {
			change(c)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// sent are the messages WB has in a chat.
func (e *env) sent(chat string) int {
	n := 0
	for _, s := range e.sb.Sent(e.token) {
		if s.ChatID == chat {
			n++
		}
	}
	return n
}

func (e *env) auditLen(t *testing.T) int64 {
	t.Helper()
	h, err := e.store.AuditHead(context.Background(), "s1")
	if err != nil {
		t.Fatal(err)
	}
	return h.Seq
}
