package wb

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Kind says what went wrong with a WB call. A Kind is itself an error, so
// errors.Is(err, wb.RateLimited) tests an *Error's kind.
type Kind string

// Kinds of failure.
const (
	Unauthorized      Kind = "unauthorized"       // 401: the token is wrong, expired or of another category
	PaymentRequired   Kind = "payment_required"   // 402
	RateLimited       Kind = "rate_limited"       // 429
	InvalidSignature  Kind = "invalid_signature"  // 400 on send: the replySign is not the chat's
	MessageInvalid    Kind = "message_invalid"    // 400 on send: message too long or otherwise refused
	AttachmentTooBig  Kind = "attachment_too_big" // a file over 5 MiB, or files over 30 MiB
	AttachmentType    Kind = "attachment_type"    // a file that is not JPEG, PNG or PDF
	InvalidCursor     Kind = "invalid_cursor"     // 400 on events: a bad `next`
	FileNotFound      Kind = "file_not_found"     // 400 on download: unknown downloadID
	ModerationPending Kind = "moderation_pending" // 202 on download: retry after RetryAfter
	ModerationFailed  Kind = "moderation_failed"  // 451 on download
	BadRequest        Kind = "bad_request"        // another 4xx
	NotFound          Kind = "not_found"          // 404: most likely a wrong base URL
	ServerError       Kind = "server_error"       // 5xx
	Malformed         Kind = "malformed"          // a body that does not decode
	Transport         Kind = "transport"          // no response: connection refused, timeout, reset
	// OutcomeUnknown: a send failed after the request may have reached WB
	// (a timeout, a reset, a 5xx). WB has no idempotency key, so the send
	// is not retried: the caller records the outcome as unknown.
	OutcomeUnknown Kind = "outcome_unknown"
	// Invalid: the call was refused before anything was sent (a missing
	// replySign, a bad cursor, no token).
	Invalid Kind = "invalid"
)

func (k Kind) Error() string { return string(k) }

// Error is a failed WB call.
type Error struct {
	Op        string // "events", "send", …
	Kind      Kind
	Status    int    // HTTP status; 0 when there was no response
	Detail    string // WB's detail, or what went wrong
	RequestID string // WB's requestId, for WB's support
	// RetryAfter is WB's X-Ratelimit-Retry on a 429, or retrySeconds on a
	// file under moderation.
	RetryAfter time.Duration
	Err        error // the transport error, if any
}

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "wb %s: %s", e.Op, e.Kind)
	if e.Status != 0 {
		fmt.Fprintf(&b, " (HTTP %d)", e.Status)
	}
	if e.Detail != "" {
		fmt.Fprintf(&b, ": %s", e.Detail)
	}
	if e.Err != nil && e.Detail == "" {
		fmt.Fprintf(&b, ": %v", e.Err)
	}
	if e.RetryAfter > 0 {
		fmt.Fprintf(&b, "; retry after %s", e.RetryAfter)
	}
	if e.RequestID != "" {
		fmt.Fprintf(&b, " [requestId %s]", e.RequestID)
	}
	return b.String()
}

// Is matches a Kind.
func (e *Error) Is(target error) bool {
	k, ok := target.(Kind)
	return ok && k == e.Kind
}

func (e *Error) Unwrap() error { return e.Err }

// Temporary reports whether a read may succeed if tried again.
func (e *Error) Temporary() bool {
	switch e.Kind {
	case ServerError, Malformed, Transport, RateLimited:
		return true
	}
	return false
}

// problem is WB's error body (RFC 7807 style, with WB's own fields).
type problem struct {
	Status     json.Number `json:"status"`
	Title      string      `json:"title"`
	Detail     string      `json:"detail"`
	Error      string      `json:"error"`
	Origin     string      `json:"origin"`
	RequestID  string      `json:"requestId"`
	Code       string      `json:"code"`
	StatusText string      `json:"statusText"`
}

// decodeError turns a non-2xx answer into an *Error. The token is scrubbed
// from the body first, so that nothing WB echoes back carries it.
func decodeError(op string, status int, body []byte, token string) *Error {
	e := &Error{Op: op, Status: status}
	if token != "" { // before anything is cut out of the body
		body = bytes.ReplaceAll(body, []byte(token), []byte("[token]"))
	}
	var p problem
	if json.Unmarshal(body, &p) == nil {
		e.RequestID = p.RequestID
		e.Detail = p.Detail
		if e.Detail == "" {
			e.Detail = p.Error
		}
		if e.Detail == "" {
			e.Detail = p.Title
		}
	} else if len(body) > 0 {
		e.Detail = snippet(body)
	}
	d := strings.ToLower(e.Detail)
	switch {
	case status == 401:
		e.Kind = Unauthorized
	case status == 402:
		e.Kind = PaymentRequired
	case status == 429:
		e.Kind = RateLimited
	case status == 451:
		e.Kind = ModerationFailed
	case status == 404:
		e.Kind = NotFound
	case status >= 500:
		e.Kind = ServerError
	case strings.Contains(d, "invalid signature"):
		e.Kind = InvalidSignature
	case strings.Contains(d, "too big"):
		e.Kind = AttachmentTooBig
	case strings.Contains(d, "mime type"):
		e.Kind = AttachmentType
	case strings.Contains(d, `"message"`):
		e.Kind = MessageInvalid
	case strings.Contains(d, `"next"`) || strings.Contains(d, "invalid number"):
		e.Kind = InvalidCursor
	case strings.Contains(d, "fileid"):
		e.Kind = FileNotFound
	default:
		e.Kind = BadRequest
	}
	return e
}

// snippet is the start of a body that is not WB's JSON, for the error.
func snippet(b []byte) string {
	const n = 200
	s := strings.ToValidUTF8(string(b), "?")
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > n {
		s = strings.ToValidUTF8(s[:n], "") + "…" // not inside a character
	}
	return s
}
