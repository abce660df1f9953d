package agentiq

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// IdempotencyRetention is how long the first answer to a keyed request is
// kept: a replay within it gets the same answer and has no second effect.
const IdempotencyRetention = 7 * 24 * time.Hour

// IdempotencyRecord is the first answer to a request made with a key (an
// API's Idempotency-Key, or a lock of the responder's, such as one
// moderation item's resolution).
type IdempotencyRecord struct {
	SellerID string `json:"seller_id"`
	Key      string `json:"key"`
	// BodyHash tells a replay (the same body) from a reuse of the key
	// with another body.
	BodyHash  string          `json:"body_hash,omitempty"`
	Status    int             `json:"status,omitempty"` // the answer's HTTP status, when it is one
	Response  json.RawMessage `json:"response"`
	CreatedAt time.Time       `json:"created_at"`
	ExpiresAt time.Time       `json:"expires_at"`
}

// Validate checks a record before it is stored.
func (r IdempotencyRecord) Validate() error {
	switch {
	case r.SellerID == "" || r.Key == "":
		return fmt.Errorf("%w: an idempotency record needs a seller and a key", ErrInvalid)
	case len(r.Key) > 512:
		return fmt.Errorf("%w: idempotency key of %d bytes", ErrInvalid, len(r.Key))
	case r.CreatedAt.IsZero():
		return fmt.Errorf("%w: an idempotency record needs a time", ErrInvalid)
	case len(r.Response) > 0 && !json.Valid(r.Response):
		return fmt.Errorf("%w: idempotency response is not valid JSON", ErrInvalid)
	case len(r.Response) > MaxItemBytes/2:
		return fmt.Errorf("%w: idempotency response of %d bytes", ErrTooLarge, len(r.Response))
	}
	return nil
}

// IdempotencyStore keeps first answers to keyed requests.
type IdempotencyStore interface {
	// PutIdempotent stores the first answer for a key and appends the
	// entries to the seller's audit chain, all or nothing. If the key
	// already has a record, nothing is written and the error is
	// ErrExists: the caller reads that record and answers with it. So an
	// effect recorded with its key happens once however often it is
	// retried.
	PutIdempotent(ctx context.Context, r IdempotencyRecord, entries ...AuditEntry) ([]AuditRecord, error)
	// Idempotent returns the record of a key (ErrNotFound if none, or if
	// it has expired).
	Idempotent(ctx context.Context, seller, key string) (IdempotencyRecord, error)
}
