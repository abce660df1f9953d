package api

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strings"

	"github.com/aws/aws-lambda-go/events"

	agentiq "github.com/agentiq/agentiq/shared"
)

// IdempotencyHeader names the key every write takes.
const IdempotencyHeader = "Idempotency-Key"

// ReplayedHeader marks an answer replayed from the first request with
// the same key.
const ReplayedHeader = "Idempotent-Replayed"

// storedAnswer is what an idempotency record keeps of an answer.
type storedAnswer struct {
	Body json.RawMessage `json:"body"`
}

// header reads a header whatever its case (API Gateway lowercases them).
func header(ev events.APIGatewayV2HTTPRequest, name string) string {
	if v, ok := ev.Headers[name]; ok {
		return v
	}
	for k, v := range ev.Headers {
		if strings.EqualFold(k, name) {
			return v
		}
	}
	return ""
}

// idempotent runs a write once per key: a replay (the same key, method,
// path and body) gets the first answer and does nothing; the same key
// with another request is 409. Only successful answers are kept: a
// refused or failed request can be retried with its key.
func (h *Handler) idempotent(ctx context.Context, r *request, do func() (events.APIGatewayV2HTTPResponse, error)) (events.APIGatewayV2HTTPResponse, error) {
	key := header(r.ev, IdempotencyHeader)
	if key == "" {
		return events.APIGatewayV2HTTPResponse{}, apiErr(400, "idempotency_key_required", "Every write needs an Idempotency-Key header.")
	}
	if len(key) > 200 || strings.IndexFunc(key, func(c rune) bool { return c < 0x21 || c > 0x7e }) >= 0 {
		return events.APIGatewayV2HTTPResponse{}, apiErr(400, "bad_idempotency_key", "The Idempotency-Key must be 1 to 200 printable ASCII characters.")
	}
	sum := sha256.New()
	sum.Write([]byte(r.route.method + " " + strings.Join(split(r.ev.RawPath), "/") + "\n"))
	sum.Write(r.body)
	hash := hex.EncodeToString(sum.Sum(nil))
	stored := "http/" + key
	seller := r.who.seller
	if res, ok, err := h.replay(ctx, seller, stored, hash); ok || err != nil {
		return res, err
	}
	res, err := do()
	if err != nil || res.StatusCode >= 300 {
		return res, err
	}
	body, err := json.Marshal(storedAnswer{Body: json.RawMessage(res.Body)})
	if err != nil {
		return res, internal(err)
	}
	_, err = h.cfg.Store.PutIdempotent(ctx, agentiq.IdempotencyRecord{SellerID: seller, Key: stored, BodyHash: hash, Status: res.StatusCode,
		Response: body, CreatedAt: h.cfg.Now().UTC()})
	if errors.Is(err, agentiq.ErrExists) { // a concurrent request with the key won
		if res, ok, err := h.replay(ctx, seller, stored, hash); ok || err != nil {
			return res, err
		}
	}
	if err != nil {
		// The effect happened and is recorded by the responder under the
		// same key: a retry finds it there and answers the same.
		h.cfg.Logger.Warn("idempotency record not kept", "seller", seller, "error", err.Error())
	}
	return res, nil
}

// replay answers with the first answer under a key, if there is one.
func (h *Handler) replay(ctx context.Context, seller, key, hash string) (events.APIGatewayV2HTTPResponse, bool, error) {
	rec, err := h.cfg.Store.Idempotent(ctx, seller, key)
	if errors.Is(err, agentiq.ErrNotFound) {
		return events.APIGatewayV2HTTPResponse{}, false, nil
	}
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, false, internal(err)
	}
	if rec.BodyHash != hash {
		return events.APIGatewayV2HTTPResponse{}, false, apiErr(409, "idempotency_key_reused",
			"This Idempotency-Key was used for another request; use a new key for a new request.")
	}
	var a storedAnswer
	if err := json.Unmarshal(rec.Response, &a); err != nil {
		return events.APIGatewayV2HTTPResponse{}, false, internal(err)
	}
	res := events.APIGatewayV2HTTPResponse{StatusCode: rec.Status, Body: string(a.Body), Headers: jsonHeaders()}
	res.Headers[ReplayedHeader] = "true"
	return res, true, nil
}
