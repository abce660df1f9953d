package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/aws/aws-lambda-go/events"
)

// route is one operation of the API.
type route struct {
	method  string
	pattern []string // path segments; {name} is a parameter
	role    string
	write   bool // takes an Idempotency-Key
	name    string
	serve   func(h *Handler, ctx context.Context, r *request) (int, any, error)
}

// Routes is the API's operations table: method, path, role.
var routes = []*route{
	{method: "GET", pattern: split("/v1/sellers/{seller}/moderation"), role: RoleOperator, name: "listModeration", serve: (*Handler).listModeration},
	{method: "POST", pattern: split("/v1/sellers/{seller}/moderation/{id}/approve"), role: RoleOperator, write: true, name: "approve", serve: (*Handler).approve},
	{method: "POST", pattern: split("/v1/sellers/{seller}/moderation/{id}/reject"), role: RoleOperator, write: true, name: "reject", serve: (*Handler).reject},
	{method: "POST", pattern: split("/v1/sellers/{seller}/moderation/{id}/settle"), role: RoleOperator, write: true, name: "settle", serve: (*Handler).settle},
	{method: "POST", pattern: split("/v1/sellers/{seller}/messages"), role: RoleIntegrator, write: true, name: "createMessage", serve: (*Handler).createMessage},
	{method: "POST", pattern: split("/v1/sellers/{seller}/consents"), role: RoleIntegrator, write: true, name: "registerConsent", serve: (*Handler).registerConsent},
	{method: "POST", pattern: split("/v1/sellers/{seller}/opt-outs"), role: RoleIntegrator, write: true, name: "createOptOut", serve: (*Handler).createOptOut},
	{method: "GET", pattern: split("/v1/sellers/{seller}/consents"), role: RoleOfficer, name: "listConsents", serve: (*Handler).listConsents},
	{method: "POST", pattern: split("/v1/sellers/{seller}/reports"), role: RoleOfficer, write: true, name: "createReport", serve: (*Handler).createReport},
	{method: "GET", pattern: split("/v1/sellers/{seller}/reports/{id}"), role: RoleOfficer, name: "getReport", serve: (*Handler).getReport},
	{method: "GET", pattern: split("/v1/sellers/{seller}/reports/{id}/file"), role: RoleOfficer, name: "getReportFile", serve: (*Handler).reportFile},
	{method: "GET", pattern: split("/v1/sellers/{seller}/decisions"), role: RoleOfficer, name: "listDecisions", serve: (*Handler).listDecisions},
	{method: "GET", pattern: split("/v1/sellers/{seller}/decisions/{id}"), role: RoleOfficer, name: "getDecision", serve: (*Handler).getDecision},
	{method: "GET", pattern: split("/v1/sellers/{seller}/audit"), role: RoleOfficer, name: "listAudit", serve: (*Handler).listAudit},
	{method: "GET", pattern: split("/v1/sellers/{seller}/audit/verify"), role: RoleOfficer, name: "verifyAudit", serve: (*Handler).verifyAudit},
}

// Route is one operation, for documentation and tests.
type Route struct {
	Method, Path, Role string
	Write              bool
}

// Routes lists the API's operations.
func Routes() []Route {
	out := make([]Route, 0, len(routes))
	for _, rt := range routes {
		out = append(out, Route{Method: rt.method, Path: "/" + strings.Join(rt.pattern, "/"), Role: rt.role, Write: rt.write})
	}
	return out
}

func split(p string) []string { return strings.Split(strings.Trim(p, "/"), "/") }

// match finds the route of a request: 404 for an unknown path, 405 for a
// known path with another method.
func match(method, path string) (*route, map[string]string, error) {
	segs := split(path)
	pathKnown := false
	for _, rt := range routes {
		params, ok := matchPath(rt.pattern, segs)
		if !ok {
			continue
		}
		pathKnown = true
		if rt.method == method {
			return rt, params, nil
		}
	}
	if pathKnown {
		return nil, nil, apiErr(405, "method_not_allowed", fmt.Sprintf("%s is not allowed on this path.", method))
	}
	return nil, nil, apiErr(404, "not_found", "There is no such API path.")
}

func matchPath(pattern, segs []string) (map[string]string, bool) {
	if len(pattern) != len(segs) {
		return nil, false
	}
	params := map[string]string{}
	for i, p := range pattern {
		if strings.HasPrefix(p, "{") {
			if segs[i] == "" {
				return nil, false
			}
			params[p[1:len(p)-1]] = segs[i]
			continue
		}
		if p != segs[i] {
			return nil, false
		}
	}
	return params, true
}

// serve runs a routed request: a write through its idempotency key.
func (h *Handler) serve(ctx context.Context, r *request) (events.APIGatewayV2HTTPResponse, error) {
	if !r.route.write {
		status, v, err := r.route.serve(h, ctx, r)
		if err != nil {
			return events.APIGatewayV2HTTPResponse{}, err
		}
		if res, ok := v.(events.APIGatewayV2HTTPResponse); ok { // a file
			return res, nil
		}
		return jsonResponse(status, v)
	}
	return h.idempotent(ctx, r, func() (events.APIGatewayV2HTTPResponse, error) {
		status, v, err := r.route.serve(h, ctx, r)
		if err != nil {
			return events.APIGatewayV2HTTPResponse{}, err
		}
		return jsonResponse(status, v)
	})
}

// decode reads a JSON body strictly: one object, no unknown fields. An
// empty body is the empty object.
func decode(body []byte, v any) error {
	if len(bytes.TrimSpace(body)) == 0 {
		body = []byte("{}")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		msg := strings.TrimPrefix(err.Error(), "json: ")
		if strings.HasPrefix(msg, "unknown field ") {
			return apiErr(400, "unknown_field", fmt.Sprintf("The body has an %s.", msg))
		}
		var ute *json.UnmarshalTypeError
		if errors.As(err, &ute) && ute.Field == "" {
			return apiErr(400, "bad_json", "The body must be a JSON object.")
		}
		if errors.As(err, &ute) {
			return apiErr(400, "bad_json", fmt.Sprintf("The field %q must be a %s.", ute.Field, ute.Type.Kind()))
		}
		return apiErr(400, "bad_json", "The body is not a JSON object: "+msg+".")
	}
	if _, err := dec.Token(); err != io.EOF {
		return apiErr(400, "bad_json", "The body has data after its JSON object.")
	}
	return nil
}
