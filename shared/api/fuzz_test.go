package api_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/aws/aws-lambda-go/events"
)

// FuzzHandle: whatever the path, query, body and claims, the handler
// answers — never panics — with a status and, for an error, the one error
// shape.
func FuzzHandle(f *testing.F) {
	h := lambdaHandler(f)
	f.Add("POST", "/v1/sellers/demo/moderation/x/approve", "", `{"text":"Привет"}`, "operator", "demo")
	f.Add("POST", "/v1/sellers/demo/messages", "", `{"channel":"sms","subject_key":"s","scenario":"promo","text":"Скидка"}`, "integrator", "demo")
	f.Add("GET", "/v1/sellers/demo/decisions", "from=2026-01-01T00:00:00Z&chat_id=%ff", "", "officer", "demo")
	f.Add("POST", "/v1/sellers/demo/moderation/u-x/settle", "", `{"delivered":null}`, "[operator]", "demo")
	f.Add("GET", "//v1//sellers/../local/audit", "kind=%", "\x00", `["officer"`, "")
	f.Fuzz(func(t *testing.T, method, path, query, body, roles, seller string) {
		ev := events.APIGatewayV2HTTPRequest{RawPath: path, RawQueryString: query, Body: body,
			Headers: map[string]string{"idempotency-key": "fuzz"}}
		ev.RequestContext.HTTP.Method = method
		ev.RequestContext.Authorizer = &events.APIGatewayV2HTTPRequestContextAuthorizerDescription{
			JWT: &events.APIGatewayV2HTTPRequestContextAuthorizerJWTDescription{Claims: map[string]string{"sub": "f", "seller": seller, "roles": roles}}}
		res, err := h.Handle(context.Background(), ev)
		if err != nil {
			t.Fatalf("error %v", err)
		}
		if res.StatusCode >= 500 {
			t.Fatalf("%d %s", res.StatusCode, res.Body)
		}
		if res.StatusCode >= 400 {
			var e struct {
				Error struct{ Code, Message string }
			}
			if json.Unmarshal([]byte(res.Body), &e) != nil || e.Error.Code == "" || e.Error.Message == "" {
				t.Fatalf("error answer %d %q", res.StatusCode, res.Body)
			}
		} else if !json.Valid([]byte(res.Body)) {
			t.Fatalf("answer %d is not JSON: %q", res.StatusCode, res.Body)
		}
	})
}
