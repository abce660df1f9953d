package agentiq

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Store errors. Implementations wrap them with context; test with errors.Is.
var (
	// ErrNotFound: no such item.
	ErrNotFound = errors.New("not found")
	// ErrUnknownSeller: the seller is not configured.
	ErrUnknownSeller = errors.New("unknown seller")
	// ErrConflict: a condition failed because another writer got there
	// first (a version, a cursor, a status); re-read and try again.
	ErrConflict = errors.New("conflict")
	// ErrExists: the item was already written (an event, a decision).
	ErrExists = errors.New("already exists")
	// ErrInvalid: the input breaks a rule (invalid UTF-8, a missing key, a
	// cursor going backwards). Nothing was written.
	ErrInvalid = errors.New("invalid input")
	// ErrTooLarge: an item would exceed the store's size limit. Nothing was
	// written.
	ErrTooLarge = errors.New("item too large")
)

// Limits every store enforces, so that both behave alike.
const (
	// MaxItemBytes is the most an item may take once encoded: DynamoDB's
	// limit is 400 KB; staying well under it leaves room for attribute names.
	MaxItemBytes = 350 << 10
	// MaxTextRunes bounds a stored message text: WB allows 1000 characters.
	MaxTextRunes = 4000
)

// SellerStore keeps seller configuration.
type SellerStore interface {
	PutSeller(ctx context.Context, s Seller) error
	Seller(ctx context.Context, id string) (Seller, error)
	Sellers(ctx context.Context) ([]Seller, error)
}

// IngestStore is what the poller needs: the cursor, and atomic ingestion of
// one page of events.
type IngestStore interface {
	Cursor(ctx context.Context, seller string) (int64, error)
	// Ingest stores one page: new buyer events as inbox items, the chat
	// states they change, and the new cursor, all or nothing. Ingesting a
	// page again stores nothing twice.
	Ingest(ctx context.Context, b IngestBatch) (IngestResult, error)
	// SetReplySigns records the reply signatures of chats (from /chats).
	SetReplySigns(ctx context.Context, seller string, signs map[string]string) error
}

// DecisionStore is what deciding and sending need.
type DecisionStore interface {
	// PendingInbox lists inbox items waiting for a decision, oldest first.
	PendingInbox(ctx context.Context, seller string, limit int) ([]InboxItem, error)
	Chat(ctx context.Context, seller, chatID string) (ChatState, error)
	// UpdateChat writes c if its Version is still the stored one, and
	// returns it with the next version; else ErrConflict.
	UpdateChat(ctx context.Context, c ChatState) (ChatState, error)
	// ResolveInbox takes a decided item out of the inbox, its text with
	// it, and appends the entries to the audit chain, all or nothing
	// (ErrNotFound if the item is not there: another worker has taken
	// it, and nothing is appended). So a decided item has its audit
	// records exactly once, however often it is retried.
	ResolveInbox(ctx context.Context, seller, eventID string, entries ...AuditEntry) ([]AuditRecord, error)
	// InboxItem returns one pending inbox item.
	InboxItem(ctx context.Context, seller, eventID string) (InboxItem, error)
	// FailInbox counts a failed try to decide an item and keeps why; it
	// returns the item with its attempts.
	FailInbox(ctx context.Context, seller, eventID, reason string) (InboxItem, error)
	// CreateSend records a decision to send, before sending (ErrExists if
	// the decision already has one). Decision ids are derived from what is
	// answered, so a retry after a crash finds the pending record: its
	// outcome is unknown and it must not be sent again.
	CreateSend(ctx context.Context, s SendRecord) error
	// FinishSend moves a send record from pending to sent, failed or
	// unknown (ErrConflict if it is no longer pending).
	FinishSend(ctx context.Context, seller, decisionID string, outcome SendOutcome) (SendRecord, error)
	Send(ctx context.Context, seller, decisionID string) (SendRecord, error)
}

// ModerationStore keeps drafts a human must approve.
type ModerationStore interface {
	EnqueueModeration(ctx context.Context, m ModerationItem) error
	PendingModeration(ctx context.Context, seller string, limit int) ([]ModerationItem, error)
	ResolveModeration(ctx context.Context, seller, id string, status ModerationStatus, moderator string, at time.Time) (ModerationItem, error)
	// Moderation returns one item, pending or resolved (ErrNotFound if the
	// seller has none with that id).
	Moderation(ctx context.Context, seller, id string) (ModerationItem, error)
}

// ConsentStore keeps the consent register (append-only events) and the
// subjects of external channels: their opt-outs and marketing history.
type ConsentStore interface {
	// Subject returns a subject's state (ErrNotFound if nothing was
	// recorded for it). Its consents are derived from ConsentEvents.
	Subject(ctx context.Context, seller, subjectKey string) (Subject, error)
	// RegisterConsent appends a consent event to the register and its
	// audit record (kind consent) to the chain, all or nothing. An event
	// whose record id is already registered is stored once: created is
	// false and nothing is written; if that record id holds a different
	// event, the error is ErrConflict. A zero RecordedAt is set to the
	// store's clock.
	RegisterConsent(ctx context.Context, e ConsentEvent) (created bool, err error)
	// ConsentEvents returns a subject's consent events in time order.
	ConsentEvents(ctx context.Context, seller, subjectKey string) ([]ConsentEvent, error)
	RecordOptOut(ctx context.Context, seller, subjectKey string, at time.Time, evidence string) error
	// RecordMarketing adds a marketing send to a subject's history for a
	// channel; the history is trimmed to the longest cap window.
	RecordMarketing(ctx context.Context, seller, subjectKey string, channel Channel, at time.Time) error
}

// AuditStore keeps the per-seller, hash-linked audit chain.
type AuditStore interface {
	// Append adds an entry as the next record of the seller's chain.
	// Concurrent appenders never fork the chain or leave a gap.
	Append(ctx context.Context, seller string, e AuditEntry) (AuditRecord, error)
	AuditHead(ctx context.Context, seller string) (AuditRecord, error)
	// AuditSeq returns records with sequence numbers in [from, to].
	AuditSeq(ctx context.Context, seller string, from, to int64) ([]AuditRecord, error)
}

// ReportStore answers the reports' range queries.
type ReportStore interface {
	// AuditBetween returns the audit records written in [from, to), in
	// sequence order.
	AuditBetween(ctx context.Context, seller string, from, to time.Time) ([]AuditRecord, error)
	// ConsentEventsBetween calls fn with each consent event dated in
	// [from, to), in time order (ties by record id), reading in pages so
	// that memory does not grow with the register. An error from fn stops
	// it and is returned.
	ConsentEventsBetween(ctx context.Context, seller string, from, to time.Time, fn func(ConsentEvent) error) error
}

// Store is everything a store implementation provides.
type Store interface {
	SellerStore
	IngestStore
	DecisionStore
	ModerationStore
	ConsentStore
	AuditStore
	ReportStore
	ReportJobStore
	IdempotencyStore
}

// UpdateChatFunc applies change to the current state of a chat and writes
// it, re-reading and retrying when another writer got there first.
func UpdateChatFunc(ctx context.Context, s DecisionStore, seller, chatID string, change func(*ChatState) error) (ChatState, error) {
	for attempt := 0; ; attempt++ {
		c, err := s.Chat(ctx, seller, chatID)
		if err != nil {
			return c, err
		}
		if err := change(&c); err != nil {
			return c, err
		}
		out, err := s.UpdateChat(ctx, c)
		if !errors.Is(err, ErrConflict) {
			return out, err
		}
		if err := ctx.Err(); err != nil {
			return c, fmt.Errorf("update chat %s: %w", chatID, err)
		}
		if attempt >= 1000 {
			return c, fmt.Errorf("update chat %s: %w after %d attempts", chatID, ErrConflict, attempt)
		}
	}
}
