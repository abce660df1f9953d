package wbsandbox

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"net/http"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"
)

//go:embed openapi/09-communications.yaml
var communicationsSpec []byte

//go:embed openapi/ping.yaml
var pingSpec []byte

// CommunicationsSpec is WB's OpenAPI file the sandbox speaks.
func CommunicationsSpec() []byte { return bytes.Clone(communicationsSpec) }

// Spec validates requests and answers against WB's OpenAPI files: the
// buyer-chat paths of the communications file, and /ping.
type Spec struct {
	router routers.Router
}

var (
	specOnce sync.Once
	spec     *Spec
	specErr  error
)

// LoadSpec parses the embedded OpenAPI files (once per process).
func LoadSpec() (*Spec, error) {
	specOnce.Do(func() { spec, specErr = loadSpec() })
	return spec, specErr
}

func loadSpec() (*Spec, error) {
	ctx := context.Background()
	doc, err := openapi3.NewLoader().LoadFromData(communicationsSpec)
	if err != nil {
		return nil, fmt.Errorf("load WB communications spec: %w", err)
	}
	ping, err := openapi3.NewLoader().LoadFromData(pingSpec)
	if err != nil {
		return nil, fmt.Errorf("load WB /ping spec: %w", err)
	}
	doc.Paths.Set("/ping", ping.Paths.Find("/ping"))
	if err := doc.Validate(ctx); err != nil {
		return nil, fmt.Errorf("WB spec: %w", err)
	}
	// The sandbox answers on any host: servers are WB's production hosts.
	doc.Servers = openapi3.Servers{{URL: "/"}}
	for _, item := range doc.Paths.Map() {
		item.Servers = nil
		for _, op := range item.Operations() {
			op.Servers = nil
		}
	}
	router, err := legacy.NewRouter(doc)
	if err != nil {
		return nil, fmt.Errorf("WB spec router: %w", err)
	}
	return &Spec{router: router}, nil
}

// Route finds the operation of a request (nil if the spec has none).
func (s *Spec) Route(r *http.Request) (*routers.Route, map[string]string) {
	route, params, err := s.router.FindRoute(r)
	if err != nil {
		return nil, nil
	}
	return route, params
}

// ValidateRequest checks a request against its operation: parameters,
// body, and that the Authorization header is there (the token itself is
// checked by the sandbox).
func (s *Spec) ValidateRequest(r *http.Request, route *routers.Route, params map[string]string) error {
	in := &openapi3filter.RequestValidationInput{Request: r, PathParams: params, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: func(_ context.Context, a *openapi3filter.AuthenticationInput) error {
			if a.RequestValidationInput.Request.Header.Get("Authorization") == "" {
				return fmt.Errorf("no Authorization header")
			}
			return nil
		}}}
	return openapi3filter.ValidateRequest(r.Context(), in)
}

// ValidateResponse checks an answer against its operation: the status must
// be one the spec lists, and the body must match its schema.
func (s *Spec) ValidateResponse(r *http.Request, route *routers.Route, params map[string]string, status int, h http.Header, body []byte) error {
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: r, PathParams: params, Route: route},
		Status:                 status, Header: h,
		Options: &openapi3filter.Options{IncludeResponseStatus: true},
	}
	in.SetBodyBytes(body)
	return openapi3filter.ValidateResponse(r.Context(), in)
}
