// Package apitest checks requests to the API and its answers against its
// OpenAPI contract, for the tests of the API and of `agentiq api`.
package apitest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"github.com/agentiq/agentiq/shared/api"
)

// Spec is the loaded contract.
type Spec struct{ router routers.Router }

// Load parses and validates the contract (once per process).
var Load = sync.OnceValues(func() (*Spec, error) {
	// The reports' files are binary bodies.
	for _, ct := range []string{"application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"} {
		openapi3filter.RegisterBodyDecoder(ct, openapi3filter.FileBodyDecoder)
	}
	doc, err := openapi3.NewLoader().LoadFromData(api.OpenAPI())
	if err != nil {
		return nil, fmt.Errorf("openapi.yaml: %w", err)
	}
	if !doc.IsOpenAPI31OrLater() {
		return nil, errors.New("openapi.yaml is not OpenAPI 3.1")
	}
	if err := doc.Validate(context.Background()); err != nil {
		return nil, fmt.Errorf("openapi.yaml: %w", err)
	}
	r, err := legacy.NewRouter(doc)
	if err != nil {
		return nil, err
	}
	return &Spec{router: r}, nil
})

// ErrNoOperation: the contract has no operation for the request.
var ErrNoOperation = errors.New("no operation in the contract")

func bearer(_ context.Context, a *openapi3filter.AuthenticationInput) error {
	if !strings.HasPrefix(a.RequestValidationInput.Request.Header.Get("Authorization"), "Bearer ") {
		return errors.New("no bearer token")
	}
	return nil
}

// Check validates one exchange: target is the path with its query. It
// returns the request's error (tests send invalid requests on purpose)
// and the answer's, which must always be nil. For a request with no
// operation the answer must be an error of the one error shape.
func (s *Spec) Check(method, target string, h http.Header, body []byte, status int, rh http.Header, answer []byte) (reqErr, resErr error) {
	req, err := http.NewRequest(method, target, bytes.NewReader(body))
	if err != nil {
		return err, nil
	}
	req.Header = h.Clone()
	route, params, err := s.router.FindRoute(req)
	if err != nil {
		var e struct {
			Error api.Error `json:"error"`
		}
		if status < 400 || json.Unmarshal(answer, &e) != nil || e.Error.Code == "" || e.Error.Message == "" {
			resErr = fmt.Errorf("%s %s: no operation, and the answer %d %s is not an error", method, target, status, answer)
		}
		return fmt.Errorf("%w: %v", ErrNoOperation, err), resErr
	}
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: bearer}}
	reqErr = openapi3filter.ValidateRequest(context.Background(), in)
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route},
		Status: status, Header: rh, Options: &openapi3filter.Options{IncludeResponseStatus: true}}
	out.SetBodyBytes(answer)
	if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
		resErr = fmt.Errorf("%s %s: the answer %d does not match the contract: %w\n%s", method, target, status, err, answer)
	}
	return reqErr, resErr
}
