package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/api"
	"github.com/agentiq/agentiq/shared/api/apitest"
	"github.com/agentiq/agentiq/shared/config"
	"github.com/agentiq/agentiq/shared/respond"
	"github.com/agentiq/agentiq/shared/wb/wbsandbox"
)

// TestAPICommand is the README's curl session against `agentiq api`
// after `agentiq run`: list the queue, approve one draft, read its audit
// record — over real HTTP, with a token from `agentiq api token`.
func TestAPICommand(t *testing.T) {
	dir := t.TempDir()
	for _, k := range []string{"AGENTIQ_BOLT_PATH", "AGENTIQ_STORE", "WB_API_BASE_URL", "WB_API_TOKEN", "AGENTIQ_SELLER"} {
		t.Setenv(k, "")
	}
	if _, errOut, code := cli(t, "", "run", "--out", dir, "--rate", "1000/1s"); code != 0 {
		t.Fatalf("agentiq run: exit %d: %s", code, errOut)
	}
	item, chat := holdDraft(t, dir)
	// A consent imported from the seller's register before the API starts.
	t.Setenv("AGENTIQ_BOLT_PATH", filepath.Join(dir, "agentiq.db"))
	line := `{"record_id":"crm-77","subject":"+7 916 555-44-33","action":"given","purpose":"advertising","channel":"sms",` +
		`"at":"2026-11-01T10:00:00+03:00","method":"web_form","evidence_ref":"form-77"}`
	if _, errOut, code := cli(t, line, "consent", "import", "--seller", "demo", "-"); code != 0 {
		t.Fatalf("agentiq consent import: %d %s", code, errOut)
	}

	ctx, cancel := context.WithCancel(context.Background())
	reportDone := make(chan agentiq.ReportJob, 1)
	addr := make(chan string, 1)
	served := make(chan error, 1)
	var out, logs bytes.Buffer
	go func() {
		served <- serveAPI(ctx, apiOptions{addr: "127.0.0.1:0", out: dir, tokenFor: []string{"demo:dev:officer"},
			reportDone: func(j agentiq.ReportJob) { reportDone <- j }}, &out, &logs,
			func(a string) { addr <- a })
	}()
	var base string
	select {
	case a := <-addr:
		base = "http://" + a
	case err := <-served:
		t.Fatalf("agentiq api stopped: %v", err)
	}
	defer func() {
		cancel()
		if err := <-served; err != nil {
			t.Errorf("agentiq api: %v", err)
		}
	}()
	tok, errOut, code := cli(t, "", "api", "token", "--out", dir, "--seller", "demo", "--sub", "alice", "--roles", "operator,officer")
	if code != 0 {
		t.Fatalf("agentiq api token: %d %s", code, errOut)
	}
	tok = strings.TrimSpace(tok)
	spec, err := apitest.Load()
	if err != nil {
		t.Fatal(err)
	}
	// do makes a request and checks the exchange against the contract.
	do := func(method, path, token, key string, body string) (int, []byte) {
		t.Helper()
		req, err := http.NewRequest(method, base+path, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		if key != "" {
			req.Header.Set("Idempotency-Key", key)
		}
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		reqErr, resErr := spec.Check(method, path, req.Header, []byte(body), res.StatusCode, res.Header, b)
		if resErr != nil {
			t.Error(resErr)
		}
		if reqErr != nil && token != "" {
			t.Errorf("%s %s: the request does not match the contract: %v", method, path, reqErr)
		}
		return res.StatusCode, b
	}

	status, body := do("GET", "/v1/sellers/demo/moderation", tok, "", "")
	var q struct{ Items []api.QueueItem }
	if err := json.Unmarshal(body, &q); status != 200 || err != nil || !slices.ContainsFunc(q.Items, func(i api.QueueItem) bool { return i.ID == item.ID }) {
		t.Fatalf("queue: %d %s", status, body)
	}
	status, body = do("POST", "/v1/sellers/demo/moderation/"+item.ID+"/approve", tok, "approve-1", "{}")
	var res respond.Resolution
	if err := json.Unmarshal(body, &res); status != 200 || err != nil || res.Outcome != agentiq.OutcomeSent {
		t.Fatalf("approve: %d %s", status, body)
	}
	status, body = do("GET", "/v1/sellers/demo/audit?kind=moderation&ref="+url.QueryEscape(item.ID), tok, "", "")
	var audit struct{ Records []agentiq.AuditRecord }
	if err := json.Unmarshal(body, &audit); status != 200 || err != nil || len(audit.Records) != 1 {
		t.Fatalf("audit: %d %s", status, body)
	}
	var mr agentiq.ModerationRecord
	if err := json.Unmarshal(audit.Records[0].Data, &mr); err != nil || mr.Moderator != "alice" || mr.ChatID != chat {
		t.Errorf("moderation record %+v, %v", mr, err)
	}
	testAPIConsentsAndReports(t, do, tok, reportDone)
	// Refused tokens: none, expired, the dev token of the wrong role.
	keys, err := api.LoadKeys(filepath.Join(dir, "api-key.json"))
	if err != nil {
		t.Fatal(err)
	}
	expired, err := keys.Mint(api.Token{Subject: "alice", Seller: "demo", Roles: []string{"operator"}, TTL: -time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	if status, body := do("GET", "/v1/sellers/demo/moderation", "", "", ""); status != 401 {
		t.Errorf("no token: %d %s", status, body)
	}
	if status, body := do("GET", "/v1/sellers/demo/moderation", expired, "", ""); status != 401 {
		t.Errorf("expired token: %d %s", status, body)
	}
	dev := out.String()[strings.LastIndex(strings.TrimSpace(out.String()), "\n")+1:]
	if status, body := do("GET", "/v1/sellers/demo/moderation", strings.TrimSpace(dev), "", ""); status != 403 {
		t.Errorf("the --token-for officer token on the queue: %d %s", status, body)
	}
	if _, err := os.Stat(filepath.Join(dir, "api-key.pub.json")); err != nil {
		t.Errorf("no public key: %v", err)
	}
}

// holdDraft holds a promo draft for a chat of agentiq run's store, where
// the buyer has just asked for a discount.
func holdDraft(t *testing.T, dir string) (agentiq.ModerationItem, string) {
	t.Helper()
	ctx := context.Background()
	sb, err := wbsandbox.New(wbsandbox.Config{Tokens: []string{"sandbox-token"}, Anchor: sandboxAnchor(time.Now())})
	if err != nil {
		t.Fatal(err)
	}
	chat := sb.Script("sandbox-token").Chats[0].ID
	set, err := config.FromEnv(func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	set.BoltPath = filepath.Join(dir, "agentiq.db")
	st, closeStore, err := set.OpenStore(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer closeStore()
	now := time.Now().UTC()
	_, err = agentiq.UpdateChatFunc(ctx, st, "demo", chat, func(c *agentiq.ChatState) error {
		at := now.Add(-time.Hour)
		c.LastSender, c.LastBuyerMessageAt, c.LastBuyerIntents = agentiq.SenderBuyer, &at, []agentiq.Intent{agentiq.IntentPromoRequest}
		c.SellerMessagesSinceBuyer, c.OptedOutAt, c.MarketingSentAt = 0, nil, nil
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	m := agentiq.ModerationItem{SellerID: "demo", ID: agentiq.DecisionID("demo", "api-test", chat), Kind: agentiq.ModerationDraft, ChatID: chat,
		Draft: "Для вас есть промокод на следующую покупку: 10% на весь ассортимент.", Reasons: []string{"promo_lexicon"}, RulesVersion: "v1",
		Scenario: agentiq.ScenarioPromo, MessageType: agentiq.Marketing, Window: agentiq.CustomerRequest, Status: agentiq.ModerationPending,
		CreatedAt: now.Add(-5 * time.Minute)}
	if err := st.EnqueueModeration(ctx, m); err != nil {
		t.Fatal(err)
	}
	return m, chat
}
