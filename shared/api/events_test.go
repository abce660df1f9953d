package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/api"
	"github.com/agentiq/agentiq/shared/bolt"
	"github.com/agentiq/agentiq/shared/consent"
	"github.com/agentiq/agentiq/shared/ingest"
	"github.com/agentiq/agentiq/shared/policy"
	"github.com/agentiq/agentiq/shared/respond"
	"github.com/agentiq/agentiq/shared/storetest"
	"github.com/agentiq/agentiq/shared/wb"
)

// lambdaHandler is the handler on an empty store with the local seller,
// as `make invoke` runs it.
func lambdaHandler(t testing.TB) *api.Handler {
	t.Helper()
	st, err := bolt.Open(bolt.Config{Path: filepath.Join(t.TempDir(), "agentiq.db"), Ingest: ingest.Options{Pseudonyms: storetest.Pseudonyms()}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.PutSeller(context.Background(), agentiq.Seller{ID: "demo", Name: "Локальный", Active: true, CreatedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	eng, err := policy.Default()
	if err != nil {
		t.Fatal(err)
	}
	r, err := respond.New(respond.Config{Store: st, Engine: eng, Senders: respond.WBSenders{Pool: &wb.Pool{BaseURL: "http://127.0.0.1:1"}}})
	if err != nil {
		t.Fatal(err)
	}
	h, err := api.New(api.Config{Store: st, Responder: r, SubjectKeys: consent.SubjectKeys(storetest.Pseudonyms())})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestSampleEvents runs every events/ApiFunction file through the handler
// (as `make invoke` does) and checks its answer against the spec.
func TestSampleEvents(t *testing.T) {
	want := map[string]int{
		"moderation-list-operator": 200, "moderation-approve-operator": 404, "moderation-edit-approve-operator": 404,
		"moderation-reject-operator": 404, "moderation-settle-operator": 404, "message-wb-chat-integrator": 404,
		"message-external-integrator": 200, "decisions-officer": 200, "decisions-by-chat-officer": 200, "decision-officer": 404,
		"audit-officer": 200, "audit-verify-officer": 200, "forbidden-approve-as-integrator": 403, "forbidden-other-seller": 403,
		"unauthorized-no-claims": 401, "consent-register-integrator": 201, "opt-out-integrator": 200,
		"consents-by-subject-officer": 200, "consents-by-period-officer": 200,
		// Reports run in the cloud (the ReporterFunction) or in agentiq api,
		// not in a single local invoke.
		"report-create-officer": 503, "report-status-officer": 404, "report-file-officer": 404,
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "events", "ApiFunction", "*.json"))
	if len(files) != len(want) {
		t.Errorf("%d sample events, %d expected", len(files), len(want))
	}
	sp, err := loadSpec()
	if err != nil {
		t.Fatal(err)
	}
	h := lambdaHandler(t)
	routes := map[string]bool{}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var ev events.APIGatewayV2HTTPRequest
			if err := json.Unmarshal(data, &ev); err != nil {
				t.Fatal(err)
			}
			res, err := h.Handle(context.Background(), ev)
			if err != nil {
				t.Fatal(err)
			}
			if code, ok := want[name]; !ok || res.StatusCode != code {
				t.Errorf("%d %s, want %d", res.StatusCode, res.Body, code)
			}
			hdr := http.Header{}
			for k, v := range ev.Headers {
				hdr.Set(k, v)
			}
			path := ev.RawPath
			if ev.RawQueryString != "" {
				path += "?" + ev.RawQueryString
			}
			rh := http.Header{}
			for k, v := range res.Headers {
				rh.Set(k, v)
			}
			if err := sp.check(t, ev.RequestContext.HTTP.Method, path, hdr, []byte(ev.Body), res.StatusCode, rh, []byte(res.Body)); err != nil {
				t.Errorf("the sample request does not match the spec: %v", err)
			}
			if res.StatusCode != 401 && res.StatusCode != 403 {
				routes[ev.RequestContext.HTTP.Method+" "+ev.RawPath] = true
			}
		})
	}
	// Every route has a sample its role gets through with.
	for _, rt := range api.Routes() {
		found := false
		for r := range routes {
			method, path, _ := strings.Cut(r, " ")
			found = found || (method == rt.Method && samePattern(rt.Path, path))
		}
		if !found {
			t.Errorf("no sample event for %s %s", rt.Method, rt.Path)
		}
	}
}

func samePattern(pattern, path string) bool {
	p, s := strings.Split(pattern, "/"), strings.Split(path, "/")
	if len(p) != len(s) {
		return false
	}
	for i := range p {
		if !strings.HasPrefix(p[i], "{") && p[i] != s[i] {
			return false
		}
	}
	return true
}

// TestClaims: the handler reads the claims API Gateway's authorizer passes
// on, in the shapes it passes them.
func TestClaims(t *testing.T) {
	h := lambdaHandler(t)
	cases := []struct {
		name   string
		claims map[string]string
		status int
		code   string
	}{
		{"space-separated roles", map[string]string{"sub": "a", "seller": "demo", "roles": "integrator operator"}, 200, ""},
		{"comma-separated roles", map[string]string{"sub": "a", "seller": "demo", "roles": "integrator,operator"}, 200, ""},
		{"JSON array roles", map[string]string{"sub": "a", "seller": "demo", "roles": `["operator"]`}, 200, ""},
		{"API Gateway's array rendering", map[string]string{"sub": "a", "seller": "demo", "roles": "[officer operator]"}, 200, ""},
		{"no roles", map[string]string{"sub": "a", "seller": "demo"}, 403, "forbidden_role"},
		{"a role's look-alike", map[string]string{"sub": "a", "seller": "demo", "roles": "operators"}, 403, "forbidden_role"},
		{"no sub", map[string]string{"seller": "demo", "roles": "operator"}, 401, "unauthorized"},
		{"no seller", map[string]string{"sub": "a", "roles": "operator"}, 401, "unauthorized"},
		{"unknown seller", map[string]string{"sub": "a", "seller": "ghost", "roles": "operator"}, 403, "forbidden_seller"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ev := events.APIGatewayV2HTTPRequest{RawPath: "/v1/sellers/demo/moderation"}
			ev.RequestContext.HTTP.Method = "GET"
			ev.RequestContext.Authorizer = &events.APIGatewayV2HTTPRequestContextAuthorizerDescription{
				JWT: &events.APIGatewayV2HTTPRequestContextAuthorizerJWTDescription{Claims: c.claims}}
			res, _ := h.Handle(context.Background(), ev)
			var e struct{ Error api.Error }
			_ = json.NewDecoder(bytes.NewReader([]byte(res.Body))).Decode(&e)
			if res.StatusCode != c.status || e.Error.Code != c.code {
				t.Errorf("%d %s, want %d %s", res.StatusCode, res.Body, c.status, c.code)
			}
		})
	}
	// A token of a seller that is not configured, on its own path.
	ev := events.APIGatewayV2HTTPRequest{RawPath: "/v1/sellers/ghost/moderation"}
	ev.RequestContext.HTTP.Method = "GET"
	ev.RequestContext.Authorizer = &events.APIGatewayV2HTTPRequestContextAuthorizerDescription{
		JWT: &events.APIGatewayV2HTTPRequestContextAuthorizerJWTDescription{Claims: map[string]string{"sub": "a", "seller": "ghost", "roles": "operator"}}}
	if res, _ := h.Handle(context.Background(), ev); res.StatusCode != 404 || !strings.Contains(res.Body, "unknown_seller") {
		t.Errorf("unknown seller: %d %s", res.StatusCode, res.Body)
	}
}
