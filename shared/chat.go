package agentiq

import (
	"fmt"
	"regexp"
	"slices"
	"time"
	"unicode/utf8"
)

// Seller is a WB seller whose chats agentiq runs.
type Seller struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Timezone string `json:"timezone,omitempty"` // for schedules and reports; default Europe/Moscow
	// TokenRef names where the seller's WB API token is kept (a Secrets
	// Manager ARN, an SSM parameter, or an environment variable locally).
	// The token itself is never stored.
	TokenRef  string    `json:"token_ref,omitempty"`
	Active    bool      `json:"active"`
	CreatedAt time.Time `json:"created_at"`
	// DryRun: the responder decides and audits everything, and sends
	// nothing to WB.
	DryRun bool `json:"dry_run,omitempty"`
	// Replies is the seller's own template catalogue and reply modes; nil
	// is the embedded default.
	Replies *Replies `json:"replies,omitempty"`
}

var sellerIDRe = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// Validate checks a seller before it is stored.
func (s Seller) Validate() error {
	if !sellerIDRe.MatchString(s.ID) {
		return fmt.Errorf("%w: seller id %q: want 1–64 letters, digits, _ or -", ErrInvalid, s.ID)
	}
	if !utf8.ValidString(s.Name) || !utf8.ValidString(s.TokenRef) {
		return fmt.Errorf("%w: seller %s: invalid UTF-8", ErrInvalid, s.ID)
	}
	return nil
}

// Sender is who wrote a chat message, in WB's terms.
type Sender string

// Senders.
const (
	SenderBuyer  Sender = "buyer"  // WB: "client"
	SenderSeller Sender = "seller" // WB: "seller" (the portal, the API, agentiq itself)
	SenderWB     Sender = "wb"     // WB system messages
)

// Event is one WB chat event as it reaches the store. It carries the
// buyer's name only so that the store can scrub it from the text: the name
// itself is never stored; the WB client id is kept only as a pseudonym.
type Event struct {
	ID         string    `json:"id"`
	ChatID     string    `json:"chat_id"`
	Sender     Sender    `json:"sender"`
	Source     string    `json:"source,omitempty"` // WB source: rusite, seller-public-api, …
	At         time.Time `json:"at"`               // WB addTimestamp
	Text       string    `json:"text,omitempty"`
	ClientID   string    `json:"-"`
	ClientName string    `json:"-"`
	ReplySign  string    `json:"reply_sign,omitempty"` // given on a chat's first event
	NmID       int64     `json:"nm_id,omitempty"`      // the product the chat is about
	Files      int       `json:"files,omitempty"`      // attachments, not stored
	// Classification of a buyer message, made before it is stored: the
	// chat keeps these, not the text.
	Intents  []Intent `json:"intents,omitempty"`
	Scenario Scenario `json:"scenario,omitempty"`
	// Uncertain: the classifier was not sure of the intents; the
	// responder leaves the reply to a human.
	Uncertain bool `json:"uncertain,omitempty"`
}

// FromAPI reports whether a seller message came through the API (agentiq's
// own sends come back this way as echoes).
func (e Event) FromAPI() bool { return e.Source == "seller-public-api" }

// Validate checks an event before it is stored.
func (e Event) Validate() error {
	switch {
	case e.ID == "" || e.ChatID == "":
		return fmt.Errorf("%w: event needs an id and a chat id", ErrInvalid)
	case e.Sender != SenderBuyer && e.Sender != SenderSeller && e.Sender != SenderWB:
		return fmt.Errorf("%w: event %s: unknown sender %q", ErrInvalid, e.ID, e.Sender)
	case e.At.IsZero():
		return fmt.Errorf("%w: event %s has no time", ErrInvalid, e.ID)
	}
	for _, s := range []string{e.ID, e.ChatID, e.Text, e.ClientID, e.ClientName, e.ReplySign, e.Source} {
		if !utf8.ValidString(s) {
			return fmt.Errorf("%w: event %s: invalid UTF-8", ErrInvalid, e.ID)
		}
	}
	if n := utf8.RuneCountInString(e.Text); n > MaxTextRunes {
		return fmt.Errorf("%w: event %s: text of %d characters (at most %d)", ErrTooLarge, e.ID, n, MaxTextRunes)
	}
	if len(e.ID) > 256 || len(e.ChatID) > 256 || len(e.ReplySign) > 1024 {
		return fmt.Errorf("%w: event %s: an id or sign is too long", ErrTooLarge, e.ID)
	}
	return nil
}

// Case is a problem case opened in a chat (defect, wrong item, late
// delivery, claim); a compensation may settle it.
type Case struct {
	ID       string     `json:"id"`
	Type     string     `json:"type"`
	OpenedAt time.Time  `json:"opened_at"`
	ClosedAt *time.Time `json:"closed_at,omitempty"`
}

// ChatState is what agentiq remembers of a chat: what a decision needs, not
// the conversation. Texts live in inbox items, redacted and expiring.
type ChatState struct {
	SellerID  string `json:"seller_id"`
	ChatID    string `json:"chat_id"`
	ClientKey string `json:"client_key,omitempty"` // keyed pseudonym of the WB client id
	ReplySign string `json:"reply_sign,omitempty"`
	NmID      int64  `json:"nm_id,omitempty"`

	LastSender         Sender     `json:"last_sender,omitempty"`
	LastBuyerMessageAt *time.Time `json:"last_buyer_message_at,omitempty"`
	LastBuyerEventID   string     `json:"last_buyer_event_id,omitempty"`
	LastBuyerIntents   []Intent   `json:"last_buyer_intents,omitempty"`
	// UnansweredIntents are the intents of every buyer message since the
	// seller last wrote: a chat is answered once, for all of them ("Брак!"
	// then "вот фото" is answered as a defect).
	UnansweredIntents        []Intent `json:"unanswered_intents,omitempty"`
	SellerMessagesSinceBuyer int      `json:"seller_messages_since_buyer"`
	// MarketingSentAt lists marketing messages sent to the chat within the
	// cap window (older ones are dropped as the chat is written).
	MarketingSentAt []time.Time `json:"marketing_sent_at,omitempty"`
	OpenCase        *Case       `json:"open_case,omitempty"`
	OptedOutAt      *time.Time  `json:"opted_out_at,omitempty"`
	OptOutEventID   string      `json:"opt_out_event_id,omitempty"` // the buyer's message that opted out

	// WB echoes every message sent through the API back as a seller event.
	// OwnSends are agentiq's sends whose echo has not come back yet (their
	// WB times); APIEchoes are API echoes that matched no send, already
	// counted, which a late RecordSend must not count again. Both are short
	// and trimmed to EchoWindow.
	OwnSends  []time.Time `json:"own_sends,omitempty"`
	APIEchoes []time.Time `json:"api_echoes,omitempty"`
	// Recorded lists the decisions whose sends are counted in this state
	// (the newest few), so that a retried update never counts one twice.
	Recorded []string `json:"recorded,omitempty"`

	// The newest event applied: events at or before it are not applied
	// again, which makes ingestion idempotent.
	LastEventAt time.Time `json:"last_event_at"`
	LastEventID string    `json:"last_event_id,omitempty"`

	Version   int64     `json:"version"` // optimistic concurrency: 0 for a chat not yet stored
	UpdatedAt time.Time `json:"updated_at"`
}

// ChatMarketingWindow is how long the chat keeps marketing send times: the
// longest cap window of the rules, with a margin.
const ChatMarketingWindow = 90 * 24 * time.Hour

// Matching agentiq's sends with their echoes: WB's time of a send (from
// its answer) and of its echo are the same instant, give or take
// EchoTolerance; unmatched entries are dropped after EchoWindow, and at
// most maxEchoes are kept.
const (
	EchoTolerance = 5 * time.Second
	EchoWindow    = 7 * 24 * time.Hour
	maxEchoes     = 32
)

// applied reports whether e is at or before the chat's newest event.
func (c *ChatState) applied(e Event) bool {
	if c.LastEventAt.IsZero() {
		return false
	}
	if e.At.Equal(c.LastEventAt) {
		return e.ID <= c.LastEventID
	}
	return e.At.Before(c.LastEventAt)
}

// Apply changes the chat by one event and reports whether it did: an event
// at or before the chat's newest is skipped. A seller message counts
// towards seller_messages_since_buyer unless it is the echo of a send
// agentiq has already counted (see OwnSends).
func (c *ChatState) Apply(e Event) bool {
	if c.applied(e) {
		return false
	}
	if e.ReplySign != "" {
		c.ReplySign = e.ReplySign
	}
	if e.NmID != 0 {
		c.NmID = e.NmID
	}
	switch e.Sender {
	case SenderBuyer:
		at := e.At
		c.LastSender = SenderBuyer
		c.LastBuyerMessageAt = &at
		c.LastBuyerEventID = e.ID
		c.LastBuyerIntents = slices.Clone(e.Intents)
		if c.SellerMessagesSinceBuyer > 0 {
			c.UnansweredIntents = nil
		}
		c.UnansweredIntents = MergeIntents(c.UnansweredIntents, e.Intents)
		c.SellerMessagesSinceBuyer = 0
		if slices.Contains(e.Intents, IntentOptOut) && c.OptedOutAt == nil {
			c.OptedOutAt, c.OptOutEventID = &at, e.ID
		}
		if c.OpenCase == nil || c.OpenCase.ClosedAt != nil {
			if typ := caseType(e); typ != "" {
				c.OpenCase = &Case{ID: "case-" + e.ID, Type: typ, OpenedAt: at}
			}
		}
	case SenderSeller:
		own := false
		if e.FromAPI() {
			c.OwnSends, own = takeNear(c.OwnSends, e.At)
			if !own {
				c.APIEchoes = keepRecent(append(c.APIEchoes, e.At), e.At)
			}
		}
		if !own {
			c.LastSender = SenderSeller
			c.SellerMessagesSinceBuyer++
			c.UnansweredIntents = nil
		}
	}
	c.LastEventAt, c.LastEventID = e.At, e.ID
	return true
}

// MergeIntents adds the intents of b to a, in primary order, without
// repeats ("other" only when nothing else is there).
func MergeIntents(a, b []Intent) []Intent {
	var out []Intent
	for _, in := range Intents {
		if in != IntentOther && (slices.Contains(a, in) || slices.Contains(b, in)) {
			out = append(out, in)
		}
	}
	if len(out) == 0 && (slices.Contains(a, IntentOther) || slices.Contains(b, IntentOther)) {
		out = append(out, IntentOther)
	}
	return out
}

// IsOwnEcho reports whether e is the echo of a send agentiq recorded.
func (c *ChatState) IsOwnEcho(e Event) bool {
	if e.Sender != SenderSeller || !e.FromAPI() {
		return false
	}
	_, ok := takeNear(slices.Clone(c.OwnSends), e.At)
	return ok
}

// takeNear removes the time nearest to t within EchoTolerance.
func takeNear(ts []time.Time, t time.Time) ([]time.Time, bool) {
	best, bestD := -1, EchoTolerance+1
	for i, x := range ts {
		d := x.Sub(t).Abs()
		if d <= EchoTolerance && d < bestD {
			best, bestD = i, d
		}
	}
	if best < 0 {
		return ts, false
	}
	return slices.Delete(ts, best, best+1), true
}

// keepRecent drops times older than EchoWindow before now, and the oldest
// beyond maxEchoes.
func keepRecent(ts []time.Time, now time.Time) []time.Time {
	ts = slices.DeleteFunc(ts, func(t time.Time) bool { return now.Sub(t) > EchoWindow })
	if len(ts) > maxEchoes {
		ts = ts[len(ts)-maxEchoes:]
	}
	return ts
}

// caseType is the problem case a buyer message opens, if any.
func caseType(e Event) string {
	switch {
	case slices.Contains(e.Intents, IntentDefect):
		return "defect"
	case slices.Contains(e.Intents, IntentWrongItem):
		return "wrong_item"
	case slices.Contains(e.Intents, IntentDelivery) && e.Scenario == ScenarioRecovery:
		return "late_delivery"
	}
	return ""
}

// RecordSend changes the chat for a message agentiq sent, at WB's time
// `at`: the seller spoke last (unless the buyer has written since), and a
// marketing message joins the cap history. If the send's echo has already
// been ingested, it was counted then and is not counted again.
func (c *ChatState) RecordSend(at time.Time, marketing bool) {
	var echoed bool
	c.APIEchoes, echoed = takeNear(c.APIEchoes, at)
	if !echoed {
		c.OwnSends = keepRecent(append(c.OwnSends, at), at)
		if c.LastBuyerMessageAt == nil || at.After(*c.LastBuyerMessageAt) {
			c.LastSender = SenderSeller
			c.SellerMessagesSinceBuyer++
			c.UnansweredIntents = nil
		}
	}
	if marketing {
		c.MarketingSentAt = append(c.MarketingSentAt, at)
	}
	c.TrimMarketing(at)
}

// maxRecorded bounds ChatState.Recorded: a retry follows its crash
// within a few sends.
const maxRecorded = 16

// Records reports whether the send of a decision is already counted.
func (c *ChatState) Records(decisionID string) bool { return slices.Contains(c.Recorded, decisionID) }

// MarkRecorded notes that the send of a decision is counted.
func (c *ChatState) MarkRecorded(decisionID string) {
	c.Recorded = append(c.Recorded, decisionID)
	if len(c.Recorded) > maxRecorded {
		c.Recorded = c.Recorded[len(c.Recorded)-maxRecorded:]
	}
}

// TrimMarketing drops marketing send times older than the window.
func (c *ChatState) TrimMarketing(now time.Time) {
	c.MarketingSentAt = slices.DeleteFunc(c.MarketingSentAt, func(t time.Time) bool {
		return now.Sub(t) > ChatMarketingWindow
	})
}

// InboxItem is a buyer message waiting for a decision. Its text is
// redacted, and goes with the item once the message is decided, or when
// its retention ends.
type InboxItem struct {
	SellerID  string    `json:"seller_id"`
	EventID   string    `json:"event_id"`
	ChatID    string    `json:"chat_id"`
	At        time.Time `json:"at"`
	Text      string    `json:"text,omitempty"` // redacted
	Intents   []Intent  `json:"intents,omitempty"`
	Scenario  Scenario  `json:"scenario,omitempty"`
	Files     int       `json:"files,omitempty"`
	Uncertain bool      `json:"uncertain,omitempty"` // the classifier was unsure
	ExpiresAt time.Time `json:"expires_at"`          // the text's retention
	// Attempts counts failed tries to decide the item (see FailInbox).
	Attempts  int    `json:"attempts,omitempty"`
	LastError string `json:"last_error,omitempty"`
}

// IngestBatch is one page of WB events for one seller.
type IngestBatch struct {
	SellerID string
	// From is the cursor the page was fetched with (0: the first call); the
	// store refuses the page if the cursor has moved since.
	From int64
	// Next is the cursor after the page; it never goes backwards.
	Next   int64
	Events []Event
	// Now is when the page is ingested (expiry of texts); zero means now.
	Now time.Time
}

// IngestResult says what an ingestion did.
type IngestResult struct {
	Inbox      int      // new buyer messages stored as inbox items
	Applied    int      // events applied to chat states
	Duplicates int      // events already ingested, skipped
	Echoes     int      // agentiq's own sends coming back from WB (already counted when sent)
	Chats      []string // chats changed
	// NeedReplySign lists changed chats with no reply signature yet.
	NeedReplySign []string
}
