package wb

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/textproto"
	"net/url"
	"path"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"
)

// Config configures a Client.
type Config struct {
	// BaseURL of the API (WB_API_BASE_URL); "" is WB's production host.
	BaseURL string
	// Token is the seller's WB API token, sent raw in Authorization.
	Token Token
	// HTTPClient makes the calls; nil is a client with a 30 s timeout.
	HTTPClient *http.Client
	// Limit is the rate of the chat methods; zero is WB's (10/10 s).
	Limit Limit
	// PingLimit is the rate of /ping; zero is WB's (3/30 s).
	PingLimit Limit
	// Retry bounds the retries of reads.
	Retry Retry
	// UserAgent names the caller; "" is "agentiq".
	UserAgent string
}

// Retry is how reads are retried after a 5xx, a timeout or a malformed
// body: up to Attempts tries, waiting a random time up to Base·2^n (at most
// Max) between them, never past the caller's deadline. A 429 is waited out
// as WB says, up to RateLimited times per call.
type Retry struct {
	Attempts    int
	Base, Max   time.Duration
	RateLimited int
}

// DefaultRetry is used for the zero Retry.
var DefaultRetry = Retry{Attempts: 6, Base: 200 * time.Millisecond, Max: 5 * time.Second, RateLimited: 20}

// Stats count a client's calls (safe for concurrent use).
type Stats struct {
	Requests    int64 // HTTP requests made
	RateLimited int64 // 429 answers
	Retries     int64 // reads tried again
	Failures    int64 // calls that ended in an error
}

// Client calls WB's buyer-chat API for one seller account.
type Client struct {
	base      *url.URL
	token     string
	http      *http.Client
	chat      *gate
	ping      *gate
	retry     Retry
	userAgent string

	requests, rateLimited, retries, failures atomic.Int64
}

// New checks cfg and returns a client.
func New(cfg Config) (*Client, error) {
	raw := cfg.BaseURL
	if raw == "" {
		raw = DefaultBaseURL
	}
	base, err := url.Parse(raw)
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return nil, &Error{Op: "configure", Kind: Invalid, Detail: fmt.Sprintf("WB API base URL %q: want http(s)://host[:port]", raw)}
	}
	if cfg.Token == "" {
		return nil, &Error{Op: "configure", Kind: Invalid, Detail: "no WB API token"}
	}
	if strings.ContainsAny(string(cfg.Token), "\r\n\x00 ") {
		return nil, &Error{Op: "configure", Kind: Invalid, Detail: "the WB API token holds spaces or control characters"}
	}
	if !cfg.Limit.Valid() {
		cfg.Limit = ChatLimit
	}
	if !cfg.PingLimit.Valid() {
		cfg.PingLimit = PingLimit
	}
	if cfg.Retry.Attempts <= 0 {
		cfg.Retry = DefaultRetry
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Timeout: 30 * time.Second}
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = "agentiq"
	}
	base.Path = strings.TrimRight(base.Path, "/")
	return &Client{
		base: base, token: string(cfg.Token), http: cfg.HTTPClient, retry: cfg.Retry, userAgent: cfg.UserAgent,
		chat: gateFor(string(cfg.Token), cfg.Limit), ping: gateFor("ping|"+string(cfg.Token), cfg.PingLimit),
	}, nil
}

// Stats returns the client's counters.
func (c *Client) Stats() Stats {
	return Stats{Requests: c.requests.Load(), RateLimited: c.rateLimited.Load(), Retries: c.retries.Load(), Failures: c.failures.Load()}
}

// BaseURL is where the client calls.
func (c *Client) BaseURL() string { return c.base.String() }

// Ping checks the token and the URL (WB: not a health check; 3 per 30 s).
func (c *Client) Ping(ctx context.Context) (PingResponse, error) {
	var out PingResponse
	err := c.read(ctx, "ping", c.ping, PathPing, nil, func(_ int, body []byte) error { return decode(body, &out) })
	return out, err
}

// Chats lists every chat of the seller.
func (c *Client) Chats(ctx context.Context) ([]Chat, error) {
	var out ChatsResponse
	err := c.read(ctx, "chats", c.chat, PathChats, nil, func(_ int, body []byte) error { return decode(body, &out) })
	return out.Result, err
}

// Events returns the page of events after cursor next (0: from the
// start; WB refuses next=0, so it is left out).
func (c *Client) Events(ctx context.Context, next int64) (EventsResult, error) {
	if next < 0 {
		return EventsResult{}, c.fail(&Error{Op: "events", Kind: Invalid, Detail: fmt.Sprintf("cursor %d is negative", next)})
	}
	var q url.Values
	if next > 0 {
		q = url.Values{"next": {strconv.FormatInt(next, 10)}}
	}
	var out EventsResponse
	err := c.read(ctx, "events", c.chat, PathEvents, q, func(_ int, body []byte) error {
		if err := decode(body, &out); err != nil {
			return err
		}
		if out.Result.TotalEvents < 0 || out.Result.Next < 0 {
			return fmt.Errorf("negative next or totalEvents")
		}
		return nil
	})
	return out.Result, err
}

// Downloaded is an attachment's content.
type Downloaded struct {
	ContentType string
	Data        []byte
}

// Download fetches an attachment by its downloadID. A file still under
// WB's moderation is a ModerationPending error with RetryAfter.
func (c *Client) Download(ctx context.Context, id string) (Downloaded, error) {
	if id == "" || strings.ContainsAny(id, "/?#") {
		return Downloaded{}, c.fail(&Error{Op: "download", Kind: Invalid, Detail: fmt.Sprintf("downloadID %q", id)})
	}
	var out Downloaded
	err := c.read(ctx, "download", c.chat, PathDownload+url.PathEscape(id), nil, func(status int, body []byte) error {
		if status == http.StatusAccepted {
			var m struct {
				ModerationState string `json:"moderationState"`
				RetrySeconds    int    `json:"retrySeconds"`
			}
			if err := decode(body, &m); err != nil {
				return err
			}
			return &Error{Op: "download", Kind: ModerationPending, Status: status,
				Detail: "file under moderation: " + m.ModerationState, RetryAfter: time.Duration(m.RetrySeconds) * time.Second}
		}
		out.Data = body
		return nil
	}, func(h http.Header) { out.ContentType = h.Get("Content-Type") })
	return out, err
}

// decode reads WB's JSON. Unknown fields are ignored: WB adds and drops
// fields often.
func decode(body []byte, v any) error {
	if err := json.Unmarshal(body, v); err != nil {
		return fmt.Errorf("decode %d bytes: %w", len(body), err)
	}
	return nil
}

// read makes a GET, retrying as Retry says. accept handles a 2xx body; an
// error it returns is a malformed answer (retried) unless it is an *Error.
func (c *Client) read(ctx context.Context, op string, g *gate, p string, q url.Values, accept func(int, []byte) error, headers ...func(http.Header)) error {
	u := c.endpoint(p, q)
	attempts, limited := 0, 0
	for {
		if err := g.wait(ctx); err != nil {
			return c.fail(&Error{Op: op, Kind: Transport, Detail: "no time left for the call", Err: err})
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			return c.fail(&Error{Op: op, Kind: Invalid, Err: err})
		}
		c.headers(req, "application/json")
		status, h, body, werr := c.do(op, g, req)
		if werr == nil {
			for _, f := range headers {
				f(h)
			}
			err := accept(status, body)
			if err == nil {
				return nil
			}
			var we *Error
			if errors.As(err, &we) {
				return c.fail(we)
			}
			werr = &Error{Op: op, Kind: Malformed, Status: status, Detail: err.Error()}
		}
		if ctx.Err() != nil {
			return c.fail(&Error{Op: op, Kind: Transport, Detail: "cancelled", Err: ctx.Err()})
		}
		if !werr.Temporary() {
			return c.fail(werr)
		}
		if werr.Kind == RateLimited {
			if limited++; limited > c.retry.RateLimited {
				return c.fail(werr)
			}
			c.retries.Add(1)
			continue // the gate waits as WB said
		}
		if attempts++; attempts >= c.retry.Attempts {
			return c.fail(werr)
		}
		if err := c.backoff(ctx, attempts); err != nil {
			return c.fail(werr)
		}
		c.retries.Add(1)
	}
}

// backoff sleeps before try n+1: a random time up to Base·2^(n-1), capped
// at Max; it gives up at once if that would pass the deadline.
func (c *Client) backoff(ctx context.Context, n int) error {
	d := c.retry.Base << min(n-1, 16)
	if d > c.retry.Max || d <= 0 {
		d = c.retry.Max
	}
	d = d/2 + rand.N(d/2+1) // #nosec G404 -- jitter, not a secret
	if dl, ok := ctx.Deadline(); ok && time.Now().Add(d).After(dl) {
		return errNoTime
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// do makes one request. A non-2xx answer is an *Error; a 429 blocks the
// gate for as long as WB says.
func (c *Client) do(op string, g *gate, req *http.Request) (int, http.Header, []byte, *Error) {
	c.requests.Add(1)
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, nil, nil, &Error{Op: op, Kind: Transport, Err: redactURL(err)}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes+1))
	if err != nil {
		return resp.StatusCode, resp.Header, nil, &Error{Op: op, Kind: Transport, Status: resp.StatusCode, Detail: "reading the answer", Err: redactURL(err)}
	}
	if len(body) > maxResponseBytes {
		return resp.StatusCode, resp.Header, nil, &Error{Op: op, Kind: Malformed, Status: resp.StatusCode, Detail: "answer over 32 MiB"}
	}
	if n, err := strconv.Atoi(resp.Header.Get("X-Ratelimit-Remaining")); err == nil && n >= 0 {
		g.remaining(n)
	}
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return resp.StatusCode, resp.Header, body, nil
	}
	e := decodeError(op, resp.StatusCode, body, c.token)
	if resp.StatusCode == http.StatusTooManyRequests {
		c.rateLimited.Add(1)
		wait, ok := seconds(resp.Header.Get("X-Ratelimit-Retry"))
		if !ok {
			wait = time.Second // WB always sends it; be safe if not
		}
		e.RetryAfter = wait
		g.block(wait)
	}
	return resp.StatusCode, resp.Header, body, e
}

func (c *Client) endpoint(p string, q url.Values) string {
	u := *c.base
	u.Path = path.Join("/", c.base.Path, p)
	if strings.HasSuffix(p, "/") {
		u.Path += "/"
	}
	u.RawQuery = q.Encode()
	return u.String()
}

func (c *Client) headers(req *http.Request, accept string) {
	req.Header.Set("Authorization", c.token)
	req.Header.Set("Accept", accept)
	req.Header.Set("User-Agent", c.userAgent)
}

func (c *Client) fail(e *Error) *Error {
	c.failures.Add(1)
	return e
}

// redactURL drops the query from a *url.Error: it holds nothing secret
// today, but errors end up in logs.
func redactURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		if u, perr := url.Parse(ue.URL); perr == nil {
			u.RawQuery = ""
			return &url.Error{Op: ue.Op, URL: u.String(), Err: ue.Err}
		}
	}
	return err
}

// Attachment is a file to send.
type Attachment struct {
	Name        string
	ContentType string // "" is sniffed from the content
	Data        []byte
}

// Message is what Send sends.
type Message struct {
	ReplySign string
	Text      string
	Files     []Attachment
}

var allowedTypes = map[string]string{"image/jpeg": ".jpg", "image/png": ".png", "application/pdf": ".pdf"}

// Validate checks a message against WB's limits before anything is sent.
func (m Message) Validate() error {
	switch {
	case m.ReplySign == "":
		return &Error{Op: "send", Kind: Invalid, Detail: "no replySign: the chat's signature is unknown"}
	case len(m.ReplySign) > MaxReplySignLen:
		return &Error{Op: "send", Kind: Invalid, Detail: fmt.Sprintf("replySign of %d bytes (at most %d)", len(m.ReplySign), MaxReplySignLen)}
	case !utf8.ValidString(m.Text):
		return &Error{Op: "send", Kind: MessageInvalid, Detail: "message is not valid UTF-8"}
	case utf8.RuneCountInString(m.Text) > MaxMessageRunes:
		return &Error{Op: "send", Kind: MessageInvalid, Detail: fmt.Sprintf("message of %d characters (at most %d)", utf8.RuneCountInString(m.Text), MaxMessageRunes)}
	case strings.TrimSpace(m.Text) == "" && len(m.Files) == 0:
		return &Error{Op: "send", Kind: MessageInvalid, Detail: "nothing to send: no text and no file"}
	}
	total := 0
	for _, f := range m.Files {
		if len(f.Data) > MaxFileBytes {
			return &Error{Op: "send", Kind: AttachmentTooBig, Detail: fmt.Sprintf("%q is %d bytes (at most 5 MiB)", f.Name, len(f.Data))}
		}
		total += len(f.Data)
		if _, ok := allowedTypes[f.contentType()]; !ok {
			return &Error{Op: "send", Kind: AttachmentType, Detail: fmt.Sprintf("%q is %s: WB takes JPEG, PNG or PDF", f.Name, f.contentType())}
		}
	}
	if total > MaxFilesBytes {
		return &Error{Op: "send", Kind: AttachmentTooBig, Detail: fmt.Sprintf("files of %d bytes in all (at most 30 MiB)", total)}
	}
	return nil
}

func (f Attachment) contentType() string {
	if f.ContentType != "" {
		return f.ContentType
	}
	ct, _, _ := strings.Cut(http.DetectContentType(f.Data), ";")
	return ct
}

// body encodes the message as WB's multipart form.
func (m Message) body() ([]byte, string, error) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	if err := w.WriteField("replySign", m.ReplySign); err != nil {
		return nil, "", err
	}
	if m.Text != "" {
		if err := w.WriteField("message", m.Text); err != nil {
			return nil, "", err
		}
	}
	for i, f := range m.Files {
		ct := f.contentType()
		name := f.Name
		if name == "" {
			name = fmt.Sprintf("file%d%s", i+1, allowedTypes[ct])
		}
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="file"; filename=%q`, name))
		h.Set("Content-Type", ct)
		part, err := w.CreatePart(h)
		if err != nil {
			return nil, "", err
		}
		if _, err := part.Write(f.Data); err != nil {
			return nil, "", err
		}
	}
	if err := w.Close(); err != nil {
		return nil, "", err
	}
	return buf.Bytes(), w.FormDataContentType(), nil
}

// Send sends a message to a chat. It is retried only when WB certainly did
// not take it (a 429, or a connection that failed before the request was
// written). After a timeout, a reset or a 5xx the outcome is unknown: Send
// returns an OutcomeUnknown error and does not try again, because a second
// request could post the message twice.
func (c *Client) Send(ctx context.Context, m Message) (SendResult, error) {
	if err := m.Validate(); err != nil {
		var we *Error
		errors.As(err, &we)
		return SendResult{}, c.fail(we)
	}
	body, ctype, err := m.body()
	if err != nil {
		return SendResult{}, c.fail(&Error{Op: "send", Kind: Invalid, Err: err})
	}
	u := c.endpoint(PathMessage, nil)
	attempts, limited := 0, 0
	for {
		if err := c.chat.wait(ctx); err != nil {
			return SendResult{}, c.fail(&Error{Op: "send", Kind: Transport, Detail: "not sent: no time left for the call", Err: err})
		}
		var wrote atomic.Bool
		trace := &httptrace.ClientTrace{WroteRequest: func(httptrace.WroteRequestInfo) { wrote.Store(true) }}
		req, err := http.NewRequestWithContext(httptrace.WithClientTrace(ctx, trace), http.MethodPost, u, bytes.NewReader(body))
		if err != nil {
			return SendResult{}, c.fail(&Error{Op: "send", Kind: Invalid, Err: err})
		}
		c.headers(req, "application/json")
		req.Header.Set("Content-Type", ctype)
		status, _, respBody, werr := c.do("send", c.chat, req)
		switch {
		case werr == nil:
			var out MessageResponse
			if err := decode(respBody, &out); err != nil {
				// WB took the message (200) but its answer is unreadable:
				// sent, without WB's time.
				return SendResult{}, nil
			}
			return out.Result, nil
		case werr.Kind == RateLimited:
			if limited++; limited > c.retry.RateLimited {
				return SendResult{}, c.fail(werr)
			}
			continue
		case werr.Kind == Transport && !wrote.Load() && ctx.Err() == nil && refused(werr.Err):
			// Never reached WB: safe to try again.
			if attempts++; attempts >= c.retry.Attempts {
				return SendResult{}, c.fail(werr)
			}
			if err := c.backoff(ctx, attempts); err != nil {
				return SendResult{}, c.fail(werr)
			}
			c.retries.Add(1)
			continue
		case werr.Kind == Transport || werr.Kind == ServerError || status == 0:
			return SendResult{}, c.fail(&Error{Op: "send", Kind: OutcomeUnknown, Status: status, RequestID: werr.RequestID,
				Detail: "the message may or may not have reached WB: " + werr.Error(), Err: werr})
		default:
			return SendResult{}, c.fail(werr)
		}
	}
}

// refused reports whether a transport error happened before any byte could
// reach the server (the connection was never made).
func refused(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "dial"
}
