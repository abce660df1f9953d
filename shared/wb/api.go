// Package wb is a client for Wildberries' buyer-chat API: the chat list,
// the event stream, sending messages and downloading attachments. Shapes,
// limits and errors follow WB's OpenAPI file (09-communications.yaml, kept
// with the sandbox in wbsandbox/openapi), not the seeds' guesses.
package wb

import (
	"fmt"
	"log/slog"
	"strings"
	"time"
	"unicode/utf8"

	agentiq "github.com/agentiq/agentiq/shared"
)

// DefaultBaseURL is WB's production host for the buyer-chat API.
const DefaultBaseURL = "https://buyer-chat-api.wildberries.ru"

// Paths of the buyer-chat API.
const (
	PathPing     = "/ping"
	PathChats    = "/api/v1/seller/chats"
	PathEvents   = "/api/v1/seller/events"
	PathMessage  = "/api/v1/seller/message"
	PathDownload = "/api/v1/seller/download/"
)

// Limits of POST /api/v1/seller/message.
const (
	MaxMessageRunes  = 1000
	MaxReplySignLen  = 255
	MaxFileBytes     = 5 << 20
	MaxFilesBytes    = 30 << 20
	maxResponseBytes = 32 << 20
)

// Listing is the product (and order) a chat or message is about.
type Listing struct {
	NmID          int64  `json:"nmID,omitempty"`
	Price         int64  `json:"price,omitempty"`
	PriceCurrency string `json:"priceCurrency,omitempty"`
	Rid           string `json:"rid,omitempty"`
	Size          string `json:"size,omitempty"`
}

// LastMessage is a chat's newest message in the chat list.
type LastMessage struct {
	Text         string `json:"text"`
	AddTimestamp int64  `json:"addTimestamp"`
}

// Chat is one entry of GET /api/v1/seller/chats.
type Chat struct {
	ChatID      string       `json:"chatID"`
	ReplySign   string       `json:"replySign"`
	ClientName  string       `json:"clientName,omitempty"`
	GoodCard    *Listing     `json:"goodCard,omitempty"`
	LastMessage *LastMessage `json:"lastMessage,omitempty"`
}

// ChatsResponse is the body of GET /api/v1/seller/chats.
type ChatsResponse struct {
	Result []Chat   `json:"result"`
	Errors []string `json:"errors"`
}

// File is a document attached to a message.
type File struct {
	ContentType string `json:"contentType,omitempty"`
	Date        string `json:"date,omitempty"`
	DownloadID  string `json:"downloadID,omitempty"`
	Name        string `json:"name,omitempty"`
	URL         string `json:"url"`
	Size        int64  `json:"size,omitempty"`
}

// Image is a picture attached to a message.
type Image struct {
	Date       string `json:"date,omitempty"`
	DownloadID string `json:"downloadID,omitempty"`
	URL        string `json:"url,omitempty"`
}

// Attachments of a message.
type Attachments struct {
	GoodCard *Listing `json:"goodCard,omitempty"`
	Files    []File   `json:"files,omitempty"`
	Images   []Image  `json:"images,omitempty"`
}

// EventMessage is the message an event carries (absent on some events).
type EventMessage struct {
	Text        string       `json:"text,omitempty"`
	Attachments *Attachments `json:"attachments,omitempty"`
}

// Event is one entry of the event stream.
type Event struct {
	ChatID       string        `json:"chatID"`
	EventID      string        `json:"eventID"`
	EventType    string        `json:"eventType"`
	IsNewChat    bool          `json:"isNewChat,omitempty"`
	Message      *EventMessage `json:"message,omitempty"`
	Source       string        `json:"source,omitempty"`
	AddTimestamp int64         `json:"addTimestamp"`
	AddTime      string        `json:"addTime,omitempty"`
	ReplySign    string        `json:"replySign,omitempty"`
	Sender       string        `json:"sender"`
	ClientName   string        `json:"clientName,omitempty"`
}

// EventsResult is one page of the event stream.
type EventsResult struct {
	Next            int64   `json:"next"`
	NewestEventTime string  `json:"newestEventTime,omitempty"`
	OldestEventTime string  `json:"oldestEventTime,omitempty"`
	TotalEvents     int     `json:"totalEvents"`
	Events          []Event `json:"events"`
}

// EventsResponse is the body of GET /api/v1/seller/events.
type EventsResponse struct {
	Result EventsResult `json:"result"`
	Errors []string     `json:"errors"`
}

// SendResult is the result of POST /api/v1/seller/message.
type SendResult struct {
	AddTime int64  `json:"addTime"` // WB's time of the message, Unix ms
	ChatID  string `json:"chatID"`
	Sign    string `json:"sign,omitempty"`
}

// MessageResponse is the body of POST /api/v1/seller/message.
type MessageResponse struct {
	Result SendResult `json:"result"`
	Errors []string   `json:"errors"`
}

// PingResponse is the body of GET /ping.
type PingResponse struct {
	TS     string `json:"TS"`
	Status string `json:"Status"`
}

// Senders and event types in WB's terms.
const (
	SenderClient = "client"
	SenderSeller = "seller"
	SenderWB     = "wb"

	EventMessageType = "message"
	SourceAPI        = "seller-public-api"
)

// Time is the event's time on WB's server. addTimestamp is Unix time in
// milliseconds (the spec's examples); a value that can only be seconds is
// read as seconds, and addTime is used when the number is missing.
func (e Event) Time() (time.Time, error) {
	switch ts := e.AddTimestamp; {
	case ts >= 1e11:
		return time.UnixMilli(ts).UTC(), nil
	case ts > 0:
		return time.Unix(ts, 0).UTC(), nil
	}
	if e.AddTime != "" {
		if t, err := time.Parse(time.RFC3339Nano, e.AddTime); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("event %s: no usable time (addTimestamp %d, addTime %q)", e.EventID, e.AddTimestamp, e.AddTime)
}

// Domain turns a WB event into the event the store keeps. Text is made
// valid UTF-8 and cut to what the store accepts, so that one odd message
// never blocks the stream; an event without an id, a chat or a time, or
// from an unknown sender, is an error.
func (e Event) Domain() (agentiq.Event, error) {
	var sender agentiq.Sender
	switch e.Sender {
	case SenderClient:
		sender = agentiq.SenderBuyer
	case SenderSeller:
		sender = agentiq.SenderSeller
	case SenderWB:
		sender = agentiq.SenderWB
	default:
		return agentiq.Event{}, fmt.Errorf("event %s: unknown sender %q", e.EventID, e.Sender)
	}
	if e.EventID == "" || e.ChatID == "" {
		return agentiq.Event{}, fmt.Errorf("event without an eventID or chatID (%q, %q)", e.EventID, e.ChatID)
	}
	at, err := e.Time()
	if err != nil {
		return agentiq.Event{}, err
	}
	out := agentiq.Event{
		ID: e.EventID, ChatID: e.ChatID, Sender: sender, Source: clean(e.Source), At: at,
		ClientName: clean(e.ClientName), ReplySign: clean(e.ReplySign),
	}
	if m := e.Message; m != nil {
		out.Text = cut(clean(m.Text), agentiq.MaxTextRunes)
		if a := m.Attachments; a != nil {
			out.Files = len(a.Files) + len(a.Images)
			if a.GoodCard != nil {
				out.NmID = a.GoodCard.NmID
			}
		}
	}
	if err := out.Validate(); err != nil {
		return agentiq.Event{}, err
	}
	return out, nil
}

func clean(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }

// cut shortens s to at most n runes, marking the cut.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// Token is a WB API token. It prints, logs and encodes as "[redacted]", so
// that it never ends up in a log line or an error by accident.
type Token string

const redacted = "[redacted]"

func (Token) String() string               { return redacted }
func (Token) GoString() string             { return redacted }
func (Token) LogValue() slog.Value         { return slog.StringValue(redacted) }
func (Token) MarshalText() ([]byte, error) { return []byte(redacted), nil }
