package api_test

import (
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"

	"github.com/agentiq/agentiq/shared/api"
)

// probe is a request to one route that a caller with the right role gets
// an answer to (not 401/403), with the status it gets.
type probe struct {
	method, path string
	body         any
	role         string
	status       int
}

func probes(seller string) []probe {
	p := "/v1/sellers/" + seller
	return []probe{
		{"GET", p + "/moderation", nil, api.RoleOperator, 200},
		{"POST", p + "/moderation/nope/approve", map[string]any{}, api.RoleOperator, 404},
		{"POST", p + "/moderation/nope/reject", map[string]any{}, api.RoleOperator, 404},
		{"POST", p + "/moderation/nope/settle", map[string]any{"delivered": true}, api.RoleOperator, 404},
		{"POST", p + "/messages", map[string]any{"channel": "sms", "subject_key": "subj-1", "scenario": "service",
			"text": "Ваш заказ передан в доставку."}, api.RoleIntegrator, 200},
		{"POST", p + "/consents", map[string]any{"record_id": "probe-1", "subject": "+7 916 000-00-01", "action": "given",
			"purpose": "advertising", "channel": "sms", "at": "2026-01-10T10:00:00+03:00", "method": "web_form", "evidence_ref": "form-1"},
			api.RoleIntegrator, 201},
		{"POST", p + "/opt-outs", map[string]any{"subject": "+7 916 000-00-02", "channel": "sms", "message_id": "sms-1"}, api.RoleIntegrator, 200},
		{"GET", p + "/consents?subject=%2B79160000001", nil, api.RoleOfficer, 200},
		// Without a report runner (newEnv's) a request is 503; reports_test.go runs them.
		{"POST", p + "/reports", map[string]any{"kind": "audit", "format": "pdf", "from": "2026-11-01", "to": "2026-11-30"}, api.RoleOfficer, 503},
		{"GET", p + "/reports/rep-000000000000000000000000", nil, api.RoleOfficer, 404},
		{"GET", p + "/reports/rep-000000000000000000000000/file", nil, api.RoleOfficer, 404},
		{"GET", p + "/decisions", nil, api.RoleOfficer, 200},
		{"GET", p + "/decisions/d-nope", nil, api.RoleOfficer, 404},
		{"GET", p + "/audit", nil, api.RoleOfficer, 200},
		{"GET", p + "/audit/verify", nil, api.RoleOfficer, 200},
	}
}

// TestRoleRouteMatrix: every route with every role: the right one gets
// through, the others get 403 forbidden_role.
func TestRoleRouteMatrix(t *testing.T) {
	e := newEnv(t, 2)
	if len(probes("s1")) != len(api.Routes()) {
		t.Fatalf("%d probes for %d routes", len(probes("s1")), len(api.Routes()))
	}
	roles := []string{api.RoleOperator, api.RoleIntegrator, api.RoleOfficer, "auditor"}
	for _, p := range probes("s1") {
		for _, role := range roles {
			t.Run(p.method+" "+p.path+" as "+role, func(t *testing.T) {
				a := e.call(t, p.method, p.path, e.tok(t, "s1", "u-"+role, role), e.key(), p.body)
				switch {
				case role == p.role && a.status != p.status:
					t.Errorf("allowed: %d %s, want %d", a.status, a.body, p.status)
				case role != p.role && (a.status != http.StatusForbidden || a.code() != "forbidden_role"):
					t.Errorf("forbidden: %d %s, want 403 forbidden_role", a.status, a.body)
				}
			})
		}
	}
	// A token with several roles has each of them.
	a := e.call(t, "GET", "/v1/sellers/s1/audit/verify", e.tok(t, "s1", "multi", api.RoleOperator, api.RoleOfficer), "", nil)
	if a.status != 200 {
		t.Errorf("operator+officer on verify: %d %s", a.status, a.body)
	}
}

// TestCrossSeller: another seller's token reaches none of s1's routes,
// whatever its roles; ids of s1 are unknown under s2.
func TestCrossSeller(t *testing.T) {
	e := newEnv(t, 2)
	item, chat := e.hold(t, 0, nil)
	other := e.tok(t, "s2", "mallory", api.RoleOperator, api.RoleIntegrator, api.RoleOfficer)
	for _, p := range probes("s1") {
		t.Run(p.method+" "+p.path, func(t *testing.T) {
			a := e.call(t, p.method, p.path, other, e.key(), p.body)
			if a.status != http.StatusForbidden || a.code() != "forbidden_seller" {
				t.Errorf("%d %s, want 403 forbidden_seller", a.status, a.body)
			}
		})
	}
	own := "/v1/sellers/s2"
	cases := []struct {
		name, method, path string
		body               any
		code               string
	}{
		{"approve s1's item", "POST", own + "/moderation/" + item.ID + "/approve", map[string]any{}, "unknown_moderation_item"},
		{"reject s1's item", "POST", own + "/moderation/" + item.ID + "/reject", map[string]any{}, "unknown_moderation_item"},
		{"message to s1's chat", "POST", own + "/messages", map[string]any{"channel": "wb_chat", "chat_id": chat, "scenario": "service",
			"text": "Здравствуйте! Заказ уже в пути."}, "unknown_chat"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := e.call(t, c.method, c.path, other, e.key(), c.body)
			if a.status != 404 || a.code() != c.code {
				t.Errorf("%d %s, want 404 %s", a.status, a.body, c.code)
			}
		})
	}
	a := e.call(t, "GET", own+"/moderation", other, "", nil)
	var q struct{ Items []api.QueueItem }
	a.into(t, &q)
	if len(q.Items) != 0 {
		t.Errorf("s2's queue shows %d items of s1", len(q.Items))
	}
	if e.sent(chat) != 0 {
		t.Error("a message reached s1's chat")
	}
}

// TestBadTokens: tokens `agentiq api` must refuse.
func TestBadTokens(t *testing.T) {
	e := newEnv(t, 1)
	mint := func(tk api.Token) string {
		s, err := e.keys.Mint(tk)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	good := api.Token{Subject: "alice", Seller: "s1", Roles: []string{api.RoleOfficer}}
	expired, wrongAud, wrongIss := good, good, good
	expired.TTL = -time.Hour
	wrongAud.Audience = "someone-else"
	wrongIss.Issuer = "https://evil.example"
	otherKeys, err := api.NewKeys()
	if err != nil {
		t.Fatal(err)
	}
	foreign, err := otherKeys.Mint(good)
	if err != nil {
		t.Fatal(err)
	}
	// alg none: a token with no signature at all.
	b64 := base64.RawURLEncoding.EncodeToString
	claims := `{"sub":"alice","seller":"s1","roles":["officer"],"iss":"` + api.LocalIssuer + `","aud":"` + api.LocalAudience +
		`","exp":` + strconv.FormatInt(time.Now().Add(time.Hour).Unix(), 10) + `}`
	none := b64([]byte(`{"alg":"none","typ":"JWT"}`)) + "." + b64([]byte(claims)) + "."
	// HS256 with the public key as the secret (the classic confusion).
	pub, err := e.keys.PublicJWK()
	if err != nil {
		t.Fatal(err)
	}
	hs, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: pub}, nil)
	if err != nil {
		t.Fatal(err)
	}
	hmac, err := jwt.Signed(hs).Claims(jwt.Claims{Subject: "alice", Issuer: api.LocalIssuer, Audience: jwt.Audience{api.LocalAudience},
		Expiry: jwt.NewNumericDate(time.Now().Add(time.Hour))}).Claims(map[string]any{"seller": "s1", "roles": []string{"officer"}}).Serialize()
	if err != nil {
		t.Fatal(err)
	}
	good1 := mint(good)
	parts := strings.Split(good1, ".")
	tampered := parts[0] + "." + b64([]byte(strings.Replace(claims, "alice", "mallory", 1))) + "." + parts[2]
	cases := []struct{ name, token string }{
		{"none", ""},
		{"garbage", "not-a-jwt"},
		{"expired", mint(expired)},
		{"wrong audience", mint(wrongAud)},
		{"wrong issuer", mint(wrongIss)},
		{"another key", foreign},
		{"alg none", none},
		{"hs256 with the public key", hmac},
		{"tampered claims", tampered},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := e.raw(t, "GET", "/v1/sellers/s1/audit/verify", c.token, "", nil)
			if a.status != http.StatusUnauthorized || a.code() != "unauthorized" {
				t.Errorf("%d %s, want 401 unauthorized", a.status, a.body)
			}
		})
	}
	if a := e.call(t, "GET", "/v1/sellers/s1/audit/verify", good1, "", nil); a.status != 200 {
		t.Errorf("the good token: %d %s", a.status, a.body)
	}
}

// TestBadRequests: malformed and oversized bodies, missing keys, unknown
// routes: 4xx in the one error shape, nothing written.
func TestBadRequests(t *testing.T) {
	e := newEnv(t, 1)
	op := e.tok(t, "s1", "alice", api.RoleOperator, api.RoleIntegrator, api.RoleOfficer)
	item, _ := e.hold(t, 0, nil)
	approve := "/v1/sellers/s1/moderation/" + item.ID + "/approve"
	msgs := "/v1/sellers/s1/messages"
	big := `{"channel":"sms","subject_key":"x","scenario":"service","text":"` + strings.Repeat("я", 40<<10) + `"}`
	before := e.auditLen(t)
	cases := []struct {
		name, method, path, key string
		body                    any
		status                  int
		code                    string
	}{
		{"malformed JSON", "POST", approve, e.key(), `{"text":`, 400, "bad_json"},
		{"not an object", "POST", approve, e.key(), `["text"]`, 400, "bad_json"},
		{"wrong type", "POST", approve, e.key(), `{"text":5}`, 400, "bad_json"},
		{"unknown field", "POST", approve, e.key(), `{"txt":"Привет"}`, 400, "unknown_field"},
		{"trailing data", "POST", approve, e.key(), `{} {}`, 400, "bad_json"},
		{"oversized body", "POST", msgs, e.key(), big, 413, "body_too_large"},
		{"no idempotency key", "POST", approve, "", `{}`, 400, "idempotency_key_required"},
		{"settle without delivered", "POST", "/v1/sellers/s1/moderation/" + item.ID + "/settle", e.key(), `{}`, 400, "invalid_request"},
		{"empty edited text", "POST", approve, e.key(), `{"text":""}`, 400, "invalid_request"},
		{"message without channel", "POST", msgs, e.key(), `{"text":"Привет"}`, 400, "invalid_request"},
		{"unknown channel", "POST", msgs, e.key(), `{"channel":"pigeon","text":"Привет","scenario":"service"}`, 400, "invalid_request"},
		{"unknown scenario", "POST", msgs, e.key(), `{"channel":"sms","subject_key":"x","text":"Привет","scenario":"spam"}`, 400, "invalid_request"},
		{"unknown chat", "POST", msgs, e.key(), `{"channel":"wb_chat","chat_id":"nope","text":"Привет","scenario":"service"}`, 404, "unknown_chat"},
		{"bad time", "GET", "/v1/sellers/s1/decisions?from=yesterday", "", nil, 400, "bad_query"},
		{"reversed range", "GET", "/v1/sellers/s1/audit?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "", nil, 400, "bad_query"},
		{"bad limit", "GET", "/v1/sellers/s1/moderation?limit=0", "", nil, 400, "bad_query"},
		{"unknown path", "GET", "/v1/sellers/s1/nothing", "", nil, 404, "not_found"},
		{"wrong method", "DELETE", "/v1/sellers/s1/moderation", "", nil, 405, "method_not_allowed"},
		{"unknown decision", "GET", "/v1/sellers/s1/decisions/d-0000", "", nil, 404, "unknown_decision"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := e.raw(t, c.method, c.path, op, c.key, c.body)
			if a.status != c.status || a.code() != c.code {
				t.Errorf("%d %s, want %d %s", a.status, a.body, c.status, c.code)
			}
			// The spec refuses malformed bodies too (kin-openapi reads past
			// trailing data, so that one is the API's alone).
			if c.method == "POST" && c.code != "invalid_request" && c.code != "unknown_chat" && c.name != "trailing data" && a.reqErr == nil {
				t.Errorf("the spec accepts the bad request")
			}
		})
	}
	if after := e.auditLen(t); after != before {
		t.Errorf("bad requests appended %d audit records", after-before)
	}
	got, err := e.store.Moderation(t.Context(), "s1", item.ID)
	if err != nil || got.Status != "pending" {
		t.Errorf("the held draft after bad requests: %+v, %v", got, err)
	}
}
