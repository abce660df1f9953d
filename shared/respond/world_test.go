package respond_test

import (
	"context"
	"encoding/json"
	"fmt"
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

var local *dynamotest.Local

func TestMain(m *testing.M) { dynamotest.Main(m, &local) }

// fast is far above WB's limit so that tests do not wait; the sandbox
// enforces the same one.
var fast = wb.Limit{Requests: 50, Per: 100 * time.Millisecond}

var retry = wb.Retry{Attempts: 6, Base: time.Millisecond, Max: 5 * time.Millisecond, RateLimited: 100}

func boltStore(t testing.TB) agentiq.Store {
	t.Helper()
	s, err := bolt.Open(bolt.Config{Path: filepath.Join(t.TempDir(), "agentiq.db"), Ingest: ingest.Options{Pseudonyms: storetest.Pseudonyms()}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

var tables atomic.Int64

func dynamoStore(t testing.TB) *dynamo.Store {
	t.Helper()
	s, err := dynamo.New(local.Client(), dynamo.Config{Table: fmt.Sprintf("respond-%d", tables.Add(1)),
		Ingest: ingest.Options{Pseudonyms: storetest.Pseudonyms(), MaxTxnItems: dynamotest.MaxTxnItems}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CreateTable(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

// clock is a test clock that only moves when told.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// world is one seller on a store, its WB sandbox account, polled until
// caught up, and a responder for it.
type world struct {
	seller agentiq.Seller
	store  agentiq.Store
	sb     *wbsandbox.Server
	token  string
	url    string
	clock  *clock
	poller *poll.Poller
}

// smallSeed is the sandbox's seed file with fewer chats and another draw.
func smallSeed(chats int, draw uint64) []byte {
	s := string(wbsandbox.DefaultSeed())
	s = strings.Replace(s, "chats: 240", fmt.Sprintf("chats: %d", chats), 1)
	return []byte(strings.Replace(s, "seed: 20261121", fmt.Sprintf("seed: %d", 20261121+draw), 1))
}

func newWorld(t testing.TB, st agentiq.Store, cfg wbsandbox.Config, seller agentiq.Seller) *world {
	t.Helper()
	ctx := context.Background()
	w := &world{store: st, token: fmt.Sprintf("tok-%d", time.Now().UnixNano()), clock: &clock{t: time.Now().UTC()}}
	cfg.Tokens = []string{w.token}
	if !cfg.Rate.Valid() {
		cfg.Rate = fast
	}
	if cfg.Anchor.IsZero() {
		cfg.Anchor = w.clock.Now().Add(-time.Minute)
	}
	faults := cfg.Faults
	cfg.Faults = wbsandbox.Faults{} // polling is the poller's test; faults are for the sends
	w.sb, w.url = sandboxtest.Start(t, cfg)
	if faults.RateLimit == 0 {
		sandboxtest.ExpectClean(t, w.sb)
	} else {
		// An injected 429 blocks the account while other workers' sends
		// are already on their way: those count as violations, as they
		// would at WB. Only the shapes are checked.
		t.Cleanup(func() {
			if st := w.sb.Stats(); st.InvalidRequests != 0 || st.InvalidResponses != 0 {
				t.Errorf("sandbox: %d invalid requests, %d invalid answers", st.InvalidRequests, st.InvalidResponses)
			}
		})
	}
	if seller.ID == "" {
		seller.ID = "s1"
	}
	seller.Active, seller.TokenRef, seller.CreatedAt = true, "env:WB_TOKEN", w.clock.Now()
	if err := st.PutSeller(ctx, seller); err != nil {
		t.Fatal(err)
	}
	w.seller = seller
	cl, err := intent.Default()
	if err != nil {
		t.Fatal(err)
	}
	w.poller, err = poll.New(poll.Config{Store: st, Classifier: cl, BaseURL: w.url, Limit: fast, Retry: retry, Tokens: w.tokens(),
		Margin: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	w.poll(t)
	w.sb.SetFaults(faults)
	return w
}

// poll runs the poller until it has caught up with the sandbox.
func (w *world) poll(t testing.TB) {
	t.Helper()
	for i := 0; ; i++ {
		rep, err := w.poller.Run(context.Background(), poll.Request{})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Sellers[0].CaughtUp {
			return
		}
		if i > 100 {
			t.Fatal("the poller never caught up")
		}
	}
}

func (w *world) tokens() *tokens.Source {
	return &tokens.Source{Getenv: func(k string) (string, bool) { return w.token, k == "WB_TOKEN" }}
}

func (w *world) responder(t testing.TB, mod func(*respond.Config)) *respond.Responder {
	t.Helper()
	eng, err := policy.Default()
	if err != nil {
		t.Fatal(err)
	}
	cfg := respond.Config{Store: w.store, Engine: eng, Now: w.clock.Now,
		Senders: respond.WBSenders{Tokens: w.tokens(), Pool: &wb.Pool{BaseURL: w.url, Limit: fast, Retry: retry}}}
	if mod != nil {
		mod(&cfg)
	}
	r, err := respond.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// buyerEvents are the scripted buyer messages of the account.
func (w *world) buyerEvents() map[string]bool {
	out := map[string]bool{}
	for _, e := range w.sb.Script(w.token).Events {
		if e.Sender == wb.SenderClient && e.Message != nil {
			out[e.EventID] = true
		}
	}
	return out
}

// audit is the seller's whole chain, checked.
func (w *world) audit(t testing.TB) []agentiq.AuditRecord {
	t.Helper()
	ctx := context.Background()
	head, err := w.store.AuditHead(ctx, w.seller.ID)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := w.store.AuditSeq(ctx, w.seller.ID, 1, head.Seq)
	if err != nil {
		t.Fatal(err)
	}
	if err := agentiq.VerifyChain(agentiq.AuditRecord{}, recs); err != nil {
		t.Errorf("the chain does not verify: %v", err)
	}
	if int64(len(recs)) != head.Seq {
		t.Errorf("%d records up to head %d", len(recs), head.Seq)
	}
	return recs
}

func decisions(t testing.TB, recs []agentiq.AuditRecord) []agentiq.DecisionRecord {
	var out []agentiq.DecisionRecord
	for _, r := range recs {
		if r.Kind != agentiq.AuditDecision {
			continue
		}
		var d agentiq.DecisionRecord
		if err := json.Unmarshal(r.Data, &d); err != nil {
			t.Fatalf("record %d: %v", r.Seq, err)
		}
		out = append(out, d)
	}
	return out
}

// check holds what must hold after every buyer message was answered:
// one decision each, WB got exactly the allowed sends and no item two,
// no marketing after an opt-out, ambiguous sends with a human, nothing
// left in the inbox, the chain intact.
func (w *world) check(t testing.TB) []agentiq.DecisionRecord {
	t.Helper()
	ctx := context.Background()
	pending, err := w.store.PendingInbox(ctx, w.seller.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(pending) != 0 {
		t.Errorf("%d inbox items left undecided", len(pending))
	}
	ds := decisions(t, w.audit(t))
	byEvent := map[string]int{}
	for _, d := range ds {
		byEvent[d.EventID]++
	}
	for id := range w.buyerEvents() {
		if byEvent[id] != 1 {
			t.Errorf("buyer message %s has %d decision records, want 1", id, byEvent[id])
		}
	}
	if len(byEvent) != len(w.buyerEvents()) {
		t.Errorf("%d messages decided, %d buyer messages", len(byEvent), len(w.buyerEvents()))
	}

	// WB's messages, by chat and text, against the decisions that sent.
	type key struct{ chat, sha string }
	atWB := map[key]int{}
	sentAt := map[key][]int64{}
	for _, m := range w.sb.Sent(w.token) {
		k := key{m.ChatID, agentiq.DraftHash(m.Text)}
		atWB[k]++
		sentAt[k] = append(sentAt[k], m.AddTime)
	}
	mayBeAtWB := map[key]int{}
	sent := map[key]int{}
	mod, err := w.store.PendingModeration(ctx, w.seller.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	held := map[string]bool{}
	for _, m := range mod {
		held[m.ID] = true
	}
	for _, d := range ds {
		k := key{d.ChatID, d.DraftSHA256}
		switch d.Outcome {
		case agentiq.OutcomeSent:
			sent[k]++
			mayBeAtWB[k]++
			if d.SentAt == nil {
				t.Errorf("%s sent without WB's time", d.DecisionID)
			}
		case agentiq.OutcomeUnknown:
			mayBeAtWB[k]++
			if !held[d.ModerationID] || !strings.HasPrefix(d.ModerationID, "u-") {
				t.Errorf("unknown send %s is not in the moderation queue (%q)", d.DecisionID, d.ModerationID)
			}
		case agentiq.OutcomeHeld:
			if !held[d.ModerationID] {
				t.Errorf("held draft %s is not in the moderation queue", d.DecisionID)
			}
		}
		if d.Outcome != agentiq.OutcomeSent && d.Outcome != agentiq.OutcomeUnknown && d.Decision == agentiq.Allow && d.Outcome != agentiq.OutcomeDryRun &&
			d.Outcome != agentiq.OutcomeFailed {
			t.Errorf("%s allowed but %s", d.DecisionID, d.Outcome)
		}
	}
	for k, n := range atWB {
		if n > mayBeAtWB[k] {
			t.Errorf("WB has %d messages %s… in chat %s, %d decisions could have sent them", n, k.sha[:8], k.chat, mayBeAtWB[k])
		}
	}
	for k, n := range sent {
		if atWB[k] < n {
			t.Errorf("%d recorded sent to chat %s, WB has %d", n, k.chat, atWB[k])
		}
	}
	// No marketing after an opt-out.
	for _, d := range ds {
		if d.MessageType != agentiq.Marketing || (d.Outcome != agentiq.OutcomeSent && d.Outcome != agentiq.OutcomeUnknown) {
			continue
		}
		c, err := w.store.Chat(ctx, w.seller.ID, d.ChatID)
		if err != nil {
			t.Fatal(err)
		}
		if c.OptedOutAt != nil && d.DecidedAt.After(*c.OptedOutAt) {
			t.Errorf("marketing %s to chat %s after its opt-out", d.DecisionID, d.ChatID)
		}
	}
	return ds
}
