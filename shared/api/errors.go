package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/aws/aws-lambda-go/events"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/respond"
)

// Error is the one shape of every error answer:
// {"error":{"code":"…","message":"…"}}.
type Error struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

type errorBody struct {
	Error Error `json:"error"`
}

// apiError is an error with its HTTP answer.
type apiError struct {
	status int
	body   Error
	cause  error
}

func (e *apiError) Error() string { return e.body.Code + ": " + e.body.Message }

func apiErr(status int, code, msg string) *apiError {
	return &apiError{status: status, body: Error{Code: code, Message: msg}}
}

func internal(cause error) *apiError {
	e := apiErr(500, "internal", "The request could not be completed. Retry it with the same Idempotency-Key: a retry finishes what was started and never repeats it.")
	e.cause = cause
	return e
}

// asError turns an error of the responder or the store into an answer.
// A message of ours says what to fix; an internal error says nothing of
// its cause (it is logged).
func asError(err error) *apiError {
	var ae *apiError
	switch {
	case errors.As(err, &ae):
		return ae
	case errors.Is(err, respond.ErrBusy):
		return apiErr(409, "in_progress", "The message is being sent right now; retry in a few minutes with the same Idempotency-Key.")
	case errors.Is(err, respond.ErrResolved):
		return apiErr(409, "already_resolved", "The moderation item was already resolved by another action.")
	case errors.Is(err, respond.ErrWrongKind):
		return apiErr(422, "wrong_kind", sentence(err, respond.ErrWrongKind))
	case errors.Is(err, respond.ErrUnknownChat):
		return apiErr(404, "unknown_chat", "The seller has no such WB chat.")
	case errors.Is(err, agentiq.ErrUnknownSeller):
		return apiErr(404, "unknown_seller", "No seller is configured under the token's seller id.")
	case errors.Is(err, agentiq.ErrInvalid):
		return apiErr(400, "invalid_request", sentence(err, agentiq.ErrInvalid))
	case errors.Is(err, agentiq.ErrTooLarge):
		return apiErr(413, "body_too_large", "The request is too large to store.")
	}
	return internal(err)
}

// sentence is the part of err's message after its sentinel's, as a
// sentence.
func sentence(err, sentinel error) string {
	msg := err.Error()
	if i := strings.Index(msg, sentinel.Error()+": "); i >= 0 {
		msg = msg[i+len(sentinel.Error())+2:]
	}
	if msg == "" {
		return "The request is invalid."
	}
	return upperFirst(msg) + "."
}

func upperFirst(s string) string {
	r := []rune(s)
	if len(r) > 0 && r[0] >= 'a' && r[0] <= 'z' {
		r[0] -= 'a' - 'A'
	}
	return string(r)
}

func errorResponse(e *apiError) events.APIGatewayV2HTTPResponse {
	body, _ := json.Marshal(errorBody{Error: e.body})
	res := events.APIGatewayV2HTTPResponse{StatusCode: e.status, Body: string(body), Headers: jsonHeaders()}
	if e.status == http.StatusUnauthorized {
		res.Headers["WWW-Authenticate"] = `Bearer realm="agentiq"`
	}
	return res
}

func jsonHeaders() map[string]string {
	return map[string]string{"Content-Type": "application/json", "Cache-Control": "no-store"}
}

func jsonResponse(status int, v any) (events.APIGatewayV2HTTPResponse, error) {
	body, err := json.Marshal(v)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, internal(fmt.Errorf("encode answer: %w", err))
	}
	return events.APIGatewayV2HTTPResponse{StatusCode: status, Body: string(body), Headers: jsonHeaders()}, nil
}
