// Package api is the operator's and integrator's HTTP API: the moderation
// queue, CRM triggers and the compliance officer's look-ups, behind JWT
// roles, per seller. It is an API Gateway HTTP API handler (payload
// format 2.0): in the cloud API Gateway's JWT authorizer has checked the
// token and the handler reads its claims from the request context;
// locally `agentiq api` checks the token itself and calls the same
// handler (see Serve). openapi.yaml is the contract.
package api

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"github.com/aws/aws-lambda-go/events"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/auditchain"
	"github.com/agentiq/agentiq/shared/respond"
)

// MaxBodyBytes bounds a request body.
const MaxBodyBytes = 64 << 10

// Roles.
const (
	RoleOperator   = "operator"   // works the moderation queue
	RoleIntegrator = "integrator" // a seller's CRM asking for messages
	RoleOfficer    = "officer"    // reads decisions and the audit chain
)

// Store is what the API reads and writes.
type Store interface {
	agentiq.SellerStore
	agentiq.ModerationStore
	agentiq.AuditStore
	agentiq.ConsentStore
	agentiq.ReportStore
	agentiq.ReportJobStore
	agentiq.IdempotencyStore
}

// Responder decides and carries out the operator's and the integrator's
// requests (a *respond.Responder).
type Responder interface {
	Approve(ctx context.Context, seller, moderationID, operator string, editedText *string) (respond.Resolution, error)
	Reject(ctx context.Context, seller, moderationID, operator string) (respond.Resolution, error)
	Settle(ctx context.Context, seller, moderationID, operator string, delivered bool) (respond.Resolution, error)
	Trigger(ctx context.Context, seller string, tr respond.TriggerRequest) (respond.TriggerResult, error)
}

// Config configures a Handler.
type Config struct {
	Store     Store
	Responder Responder
	// SellerClaim and RolesClaim name the token's claims that say which
	// seller's data it reaches and with which roles (default "seller" and
	// "roles"). Roles are space- or comma-separated, or a JSON array.
	SellerClaim, RolesClaim string
	// SubjectKeys turns a subject's raw phone number or e-mail address
	// into the store's keyed pseudonym (consent.SubjectKeys); the consent
	// routes need it.
	SubjectKeys func(raw string) (string, error)
	// Reporting runs the officer's on-demand reports.
	Reporting Reporting
	// Checkpoints and CheckpointKey, when set, anchor the audit chain's
	// verification: the chain must match the latest signed checkpoint,
	// so a chain rewritten whole in the store does not verify. The API
	// only reads the log (the reporter writes it).
	Checkpoints   auditchain.Log
	CheckpointKey []byte
	Now           func() time.Time
	Logger        *slog.Logger
}

// Handler is the API.
type Handler struct {
	cfg Config
}

// New checks cfg and returns the handler.
func New(cfg Config) (*Handler, error) {
	if cfg.Store == nil || cfg.Responder == nil {
		return nil, errors.New("api: a store and a responder are required")
	}
	if cfg.SellerClaim == "" {
		cfg.SellerClaim = "seller"
	}
	if cfg.RolesClaim == "" {
		cfg.RolesClaim = "roles"
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	return &Handler{cfg: cfg}, nil
}

// caller is who a token says is calling.
type caller struct {
	sub    string
	seller string
	roles  map[string]bool
}

// request is one API call, routed and authorised.
type request struct {
	ev     events.APIGatewayV2HTTPRequest
	route  *route
	params map[string]string // path parameters
	query  url.Values
	body   []byte
	who    caller
	seller agentiq.Seller
}

// Handle answers one API Gateway request. It never returns an error: a
// failure is an HTTP answer (a 5xx is logged).
func (h *Handler) Handle(ctx context.Context, ev events.APIGatewayV2HTTPRequest) (res events.APIGatewayV2HTTPResponse, _ error) {
	defer func() {
		if p := recover(); p != nil {
			h.cfg.Logger.Error("api panic", "panic", fmt.Sprint(p), "path", ev.RawPath)
			res = errorResponse(internal(fmt.Errorf("panic: %v", p)))
		}
	}()
	r, err := h.prepare(ctx, ev)
	if err == nil {
		res, err = h.serve(ctx, r)
	}
	if err != nil {
		ae := asError(err)
		if ae.status >= 500 {
			cause := error(ae)
			if ae.cause != nil {
				cause = ae.cause
			}
			h.cfg.Logger.Error("api request failed", "method", ev.RequestContext.HTTP.Method, "path", ev.RawPath,
				"request_id", ev.RequestContext.RequestID, "error", cause.Error())
		}
		res = errorResponse(ae)
	}
	h.cfg.Logger.Info("api", "method", ev.RequestContext.HTTP.Method, "path", ev.RawPath, "status", res.StatusCode,
		"request_id", ev.RequestContext.RequestID)
	return res, nil
}

// prepare routes a request, reads its caller from the token's claims,
// checks role and seller, and reads its body.
func (h *Handler) prepare(ctx context.Context, ev events.APIGatewayV2HTTPRequest) (*request, error) {
	method := strings.ToUpper(ev.RequestContext.HTTP.Method)
	path := ev.RawPath
	if path == "" {
		path = ev.RequestContext.HTTP.Path
	}
	rt, params, err := match(method, path)
	if err != nil {
		return nil, err
	}
	r := &request{ev: ev, route: rt, params: params}
	if r.who, err = h.caller(ev); err != nil {
		return nil, err
	}
	if !r.who.roles[rt.role] {
		return nil, apiErr(403, "forbidden_role", fmt.Sprintf("This route needs the %s role; the token has %s.", rt.role, rolesOf(r.who)))
	}
	if params["seller"] != r.who.seller {
		return nil, apiErr(403, "forbidden_seller", "The token does not give access to this seller's data.")
	}
	if r.seller, err = h.cfg.Store.Seller(ctx, r.who.seller); err != nil {
		if errors.Is(err, agentiq.ErrUnknownSeller) {
			return nil, apiErr(404, "unknown_seller", "No seller is configured under the token's seller id.")
		}
		return nil, internal(err)
	}
	if r.query, err = url.ParseQuery(ev.RawQueryString); err != nil {
		return nil, apiErr(400, "bad_query", "The query string cannot be parsed.")
	}
	body := ev.Body
	if ev.IsBase64Encoded {
		b, err := base64.StdEncoding.DecodeString(body)
		if err != nil {
			return nil, apiErr(400, "bad_json", "The body is marked base64 but is not.")
		}
		body = string(b)
	}
	if len(body) > MaxBodyBytes {
		return nil, apiErr(413, "body_too_large", fmt.Sprintf("The body is %d bytes; at most %d are accepted.", len(body), MaxBodyBytes))
	}
	r.body = []byte(body)
	return r, nil
}

// caller reads the token's claims, which API Gateway's JWT authorizer
// (or `agentiq api`) has verified.
func (h *Handler) caller(ev events.APIGatewayV2HTTPRequest) (caller, error) {
	a := ev.RequestContext.Authorizer
	if a == nil || a.JWT == nil || len(a.JWT.Claims) == 0 {
		return caller{}, apiErr(401, "unauthorized", "A bearer token is required.")
	}
	c := a.JWT.Claims
	who := caller{sub: strings.TrimSpace(c["sub"]), seller: strings.TrimSpace(c[h.cfg.SellerClaim]), roles: parseRoles(c[h.cfg.RolesClaim])}
	switch {
	case who.sub == "":
		return who, apiErr(401, "unauthorized", "The token has no subject (sub).")
	case who.seller == "":
		return who, apiErr(401, "unauthorized", fmt.Sprintf("The token has no %s claim.", h.cfg.SellerClaim))
	}
	return who, nil
}

// parseRoles reads a roles claim: "a b", "a,b", `["a","b"]`, or API
// Gateway's rendering of an array claim, "[a b]".
func parseRoles(v string) map[string]bool {
	out := map[string]bool{}
	v = strings.TrimSpace(v)
	v = strings.TrimPrefix(strings.TrimSuffix(v, "]"), "[")
	for _, f := range strings.FieldsFunc(v, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' }) {
		if f = strings.Trim(f, `"'`); f != "" {
			out[f] = true
		}
	}
	return out
}

func rolesOf(c caller) string {
	var rs []string
	for _, r := range []string{RoleOperator, RoleIntegrator, RoleOfficer} {
		if c.roles[r] {
			rs = append(rs, r)
		}
	}
	if len(rs) == 0 {
		return "none of them"
	}
	return strings.Join(rs, ", ")
}
