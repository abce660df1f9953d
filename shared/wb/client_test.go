package wb_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/agentiq/agentiq/shared/wb"
	"github.com/agentiq/agentiq/shared/wb/wbsandbox"
	"github.com/agentiq/agentiq/shared/wb/wbsandbox/sandboxtest"
)

var anchor = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

// fast is a limit far above WB's, so tests do not wait; the sandbox
// enforces the same one.
var fast = wb.Limit{Requests: 50, Per: 500 * time.Millisecond}

type env struct {
	sb     *wbsandbox.Server
	url    string
	token  string
	client *wb.Client
}

// setup starts a sandbox over real HTTP and a client for it. Each test has
// its own token, so its rate limiter is its own.
func setup(t *testing.T, cfg wbsandbox.Config, ccfg wb.Config) env {
	t.Helper()
	token := fmt.Sprintf("token-%s-%d", t.Name(), time.Now().UnixNano())
	cfg.Tokens = []string{token}
	if cfg.Anchor.IsZero() {
		cfg.Anchor = anchor
	}
	if !cfg.Rate.Valid() {
		cfg.Rate = fast
	}
	cfg.FaultSeed = 7
	sb, url := sandboxtest.Start(t, cfg)
	sandboxtest.ExpectClean(t, sb)
	ccfg.BaseURL = url
	if ccfg.Token == "" {
		ccfg.Token = wb.Token(token)
	}
	if !ccfg.Limit.Valid() {
		ccfg.Limit = cfg.Rate
	}
	if ccfg.Retry.Attempts == 0 {
		ccfg.Retry = wb.Retry{Attempts: 8, Base: 5 * time.Millisecond, Max: 50 * time.Millisecond, RateLimited: 50}
	}
	c, err := wb.New(ccfg)
	if err != nil {
		t.Fatal(err)
	}
	return env{sb: sb, url: url, token: token, client: c}
}

func ctxT(t *testing.T, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

// readAll follows the event stream to its end, as WB documents it.
func readAll(ctx context.Context, c *wb.Client) ([]wb.Event, int, error) {
	var out []wb.Event
	next, pages := int64(0), 0
	for {
		page, err := c.Events(ctx, next)
		if err != nil {
			return out, pages, err
		}
		if page.TotalEvents == 0 {
			return out, pages, nil
		}
		pages++
		out = append(out, page.Events...)
		next = page.Next
	}
}

func TestReadStream(t *testing.T) {
	e := setup(t, wbsandbox.Config{PageSize: 40}, wb.Config{})
	ctx := ctxT(t, 30*time.Second)
	if p, err := e.client.Ping(ctx); err != nil || p.Status != "OK" {
		t.Fatalf("ping: %+v, %v", p, err)
	}
	chats, err := e.client.Chats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	script := e.sb.Script(e.token)
	if len(chats) != len(script.Chats) || chats[0].ReplySign == "" || chats[0].GoodCard == nil || chats[0].LastMessage == nil {
		t.Errorf("%d chats (want %d), first %+v", len(chats), len(script.Chats), chats[0])
	}
	evs, pages, err := readAll(ctx, e.client)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != len(script.Events) || pages < len(script.Events)/40 {
		t.Errorf("%d events in %d pages, want %d", len(evs), pages, len(script.Events))
	}
	for i, ev := range evs {
		d, err := ev.Domain()
		if err != nil {
			t.Fatalf("event %d: %v", i, err)
		}
		want := script.Events[i]
		if d.ID != want.EventID || d.At.UnixMilli() != want.AddTimestamp {
			t.Fatalf("event %d is %s at %v, want %s", i, d.ID, d.At, want.EventID)
		}
	}
	if st := e.client.Stats(); st.Requests != int64(pages+3) || st.Retries != 0 || st.Failures != 0 {
		t.Errorf("client stats %+v for %d pages", st, pages)
	}
}

func TestSendAndEcho(t *testing.T) {
	e := setup(t, wbsandbox.Config{PageSize: 100000, Clock: func() time.Time { return anchor.Add(time.Minute) }}, wb.Config{})
	ctx := ctxT(t, 30*time.Second)
	chat := e.sb.Script(e.token).Chats[5]
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")
	res, err := e.client.Send(ctx, wb.Message{ReplySign: chat.ReplySign, Text: "Здравствуйте! Отправили замену.",
		Files: []wb.Attachment{{Name: "накладная.png", Data: png}}})
	if err != nil {
		t.Fatal(err)
	}
	if res.ChatID != chat.ID || res.AddTime == 0 {
		t.Errorf("send result %+v", res)
	}
	sent := e.sb.Sent(e.token)
	if len(sent) != 1 || sent[0].Text != "Здравствуйте! Отправили замену." || sent[0].Files != 1 {
		t.Errorf("sandbox took %+v", sent)
	}
	page, err := e.client.Events(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	echo := page.Events[len(page.Events)-1]
	d, err := echo.Domain()
	if err != nil || d.ChatID != chat.ID || !d.FromAPI() || d.Sender != "seller" || d.At.UnixMilli() != res.AddTime {
		t.Errorf("echo %+v (%v): want the seller's API message at %d", d, err, res.AddTime)
	}
}

func TestErrors(t *testing.T) {
	e := setup(t, wbsandbox.Config{}, wb.Config{})
	ctx := ctxT(t, 30*time.Second)
	chat := e.sb.Script(e.token).Chats[0]
	var img, receipt string
	for _, ev := range e.sb.Script(e.token).Events {
		if ev.Message != nil && ev.Message.Attachments != nil {
			for _, im := range ev.Message.Attachments.Images {
				img = im.DownloadID
			}
			for _, f := range ev.Message.Attachments.Files {
				receipt = f.DownloadID
			}
		}
	}
	bad, err := wb.New(wb.Config{BaseURL: e.url, Token: "not-the-token", Limit: fast})
	if err != nil {
		t.Fatal(err)
	}
	before := e.sb.Stats().Requests
	cases := []struct {
		name      string
		call      func() error
		kind      wb.Kind
		requestID bool // WB's request id is kept
		local     bool // refused before any request
	}{
		{"wrong token", func() error { _, err := bad.Chats(ctx); return err }, wb.Unauthorized, true, false},
		{"invalid signature", func() error {
			_, err := e.client.Send(ctx, wb.Message{ReplySign: chat.ReplySign + "0", Text: "Здравствуйте"})
			return err
		}, wb.InvalidSignature, true, false},
		{"unknown file", func() error { _, err := e.client.Download(ctx, "ecaeb056-0000"); return err }, wb.FileNotFound, true, false},
		{"no sign", func() error { _, err := e.client.Send(ctx, wb.Message{Text: "Здравствуйте"}); return err }, wb.Invalid, false, true},
		{"too long", func() error {
			_, err := e.client.Send(ctx, wb.Message{ReplySign: chat.ReplySign, Text: strings.Repeat("ж", 1001)})
			return err
		}, wb.MessageInvalid, false, true},
		{"empty", func() error {
			_, err := e.client.Send(ctx, wb.Message{ReplySign: chat.ReplySign, Text: "  "})
			return err
		}, wb.MessageInvalid, false, true},
		{"video", func() error {
			_, err := e.client.Send(ctx, wb.Message{ReplySign: chat.ReplySign, Files: []wb.Attachment{{Name: "v.mp4", ContentType: "video/mp4", Data: []byte("x")}}})
			return err
		}, wb.AttachmentType, false, true},
		{"6 MB photo", func() error {
			_, err := e.client.Send(ctx, wb.Message{ReplySign: chat.ReplySign, Files: []wb.Attachment{{Name: "big.png", Data: append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 6<<20)...)}}})
			return err
		}, wb.AttachmentTooBig, false, true},
		{"negative cursor", func() error { _, err := e.client.Events(ctx, -1); return err }, wb.Invalid, false, true},
	}
	for _, tc := range cases {
		reqs := e.sb.Stats().Requests
		err := tc.call()
		var we *wb.Error
		if !errors.Is(err, tc.kind) || !errors.As(err, &we) {
			t.Errorf("%s: %v, want %s", tc.name, err, tc.kind)
			continue
		}
		if tc.requestID && we.RequestID == "" {
			t.Errorf("%s: no request id in %v", tc.name, err)
		}
		if made := e.sb.Stats().Requests - reqs; tc.local && made != 0 {
			t.Errorf("%s: %d requests made, want none", tc.name, made)
		}
	}
	// Files: WB gives most, holds some for moderation, refuses some.
	kinds := map[string]int{}
	for _, ev := range e.sb.Script(e.token).Events {
		if ev.Message == nil || ev.Message.Attachments == nil {
			continue
		}
		for _, im := range ev.Message.Attachments.Images {
			d, err := e.client.Download(ctx, im.DownloadID)
			var we *wb.Error
			switch {
			case err == nil && d.ContentType == "image/jpeg" && len(d.Data) > 0:
				kinds["ok"]++
			case errors.As(err, &we) && we.Kind == wb.ModerationPending && we.RetryAfter == 30*time.Second:
				kinds["pending"]++
			case errors.Is(err, wb.ModerationFailed):
				kinds["failed"]++
			default:
				t.Errorf("download %s: %+v, %v", im.DownloadID, d.ContentType, err)
			}
		}
	}
	if kinds["ok"] == 0 || kinds["pending"] == 0 || kinds["failed"] == 0 {
		t.Errorf("downloads %v", kinds)
	}
	_, _ = img, receipt
	if e.sb.Stats().Requests == before {
		t.Error("no request reached the sandbox")
	}
}

// The token is never in an error or a log line, even when WB echoes it.
func TestTokenNeverShown(t *testing.T) {
	const secret = "eyJhbGciOiJFUzI1NiJ9.c2VjcmV0LXRva2Vu.c2ln"
	// A server that puts the token it got into its error.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/problem+json")
		w.WriteHeader(401)
		fmt.Fprintf(w, `{"title":"unauthorized","detail":"token %s is expired","requestId":"r1"}`, r.Header.Get("Authorization"))
	}))
	defer srv.Close()
	cfg := wb.Config{BaseURL: srv.URL, Token: secret, Limit: fast}
	c, err := wb.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Chats(ctxT(t, 10*time.Second))
	var logs bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&logs, nil))
	log.Error("poll failed", "error", err, "token", cfg.Token, "config", cfg)
	shown := fmt.Sprintf("%v %+v %#v %s %q %x", err, cfg, cfg, cfg.Token, cfg.Token, cfg.Token) + logs.String()
	if js, err := json.Marshal(map[string]any{"token": cfg.Token}); err == nil {
		shown += string(js)
	}
	if !errors.Is(err, wb.Unauthorized) {
		t.Errorf("error %v", err)
	}
	if strings.Contains(shown, secret) || strings.Contains(shown, "c2VjcmV0LXRva2Vu") {
		t.Errorf("the token is shown:\n%s", shown)
	}
}

func TestBadConfig(t *testing.T) {
	for name, cfg := range map[string]wb.Config{
		"no token":    {BaseURL: "http://127.0.0.1:1"},
		"bad URL":     {BaseURL: "buyer-chat-api.wildberries.ru", Token: "t"},
		"ftp":         {BaseURL: "ftp://x", Token: "t"},
		"token w/ LF": {Token: "a\nb"},
	} {
		if _, err := wb.New(cfg); !errors.Is(err, wb.Invalid) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if c, err := wb.New(wb.Config{Token: "t"}); err != nil || c.BaseURL() != wb.DefaultBaseURL {
		t.Errorf("default base URL: %v, %v", c, err)
	}
}

// Nothing listens: reads retry with backoff, then fail within the
// caller's deadline.
func TestUnreachable(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	c, err := wb.New(wb.Config{BaseURL: "http://" + addr, Token: wb.Token("unreachable-" + t.Name()), Limit: fast,
		Retry: wb.Retry{Attempts: 4, Base: 10 * time.Millisecond, Max: 20 * time.Millisecond, RateLimited: 3}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Events(ctxT(t, 10*time.Second), 0)
	if !errors.Is(err, wb.Transport) || c.Stats().Requests != 4 || c.Stats().Retries != 3 {
		t.Errorf("%v; stats %+v: want a transport error after 4 tries", err, c.Stats())
	}
	// A wrong path on a real server is WB's 404, not retried.
	e := setup(t, wbsandbox.Config{}, wb.Config{})
	wrong, _ := wb.New(wb.Config{BaseURL: e.url + "/v2", Token: wb.Token(e.token), Limit: fast})
	if _, err := wrong.Chats(ctxT(t, 10*time.Second)); !errors.Is(err, wb.NotFound) || wrong.Stats().Requests != 1 {
		t.Errorf("wrong base path: %v", err)
	}
}

// Reads survive WB's 5xx, malformed bodies, latency and 429 storms, and
// the client never exceeds the limit (the sandbox counts violations).
func TestReadsSurviveFaults(t *testing.T) {
	faults := wbsandbox.Faults{ServerError: 0.2, RateLimit: 0.1, Storm: 2, Malformed: 0.1, Latency: 20 * time.Millisecond, LatencyShare: 0.1}
	e := setup(t, wbsandbox.Config{PageSize: 50, Faults: faults, Rate: wb.Limit{Requests: 10, Per: 200 * time.Millisecond}}, wb.Config{})
	evs, _, err := readAll(ctxT(t, 60*time.Second), e.client)
	if err != nil {
		t.Fatal(err)
	}
	if want := len(e.sb.Script(e.token).Events); len(evs) != want {
		t.Errorf("%d events, want %d", len(evs), want)
	}
	st, cs := e.sb.Stats(), e.client.Stats()
	if st.ServerErrors == 0 || st.Injected429 == 0 || st.Malformed == 0 || cs.Retries == 0 || cs.RateLimited == 0 {
		t.Errorf("faults not exercised: sandbox %+v, client %+v", st, cs)
	}
}

// A read gives up when the caller's deadline would pass during a backoff
// or a wait WB asked for, instead of overrunning it.
func TestDeadline(t *testing.T) {
	e := setup(t, wbsandbox.Config{Faults: wbsandbox.Faults{ServerError: 1}}, wb.Config{Retry: wb.Retry{Attempts: 50, Base: 100 * time.Millisecond, Max: time.Second, RateLimited: 5}})
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	_, err := e.client.Events(ctx, 0)
	if !errors.Is(err, wb.ServerError) {
		t.Errorf("%v, want the last 5xx", err)
	}
	if dl, _ := ctx.Deadline(); time.Now().After(dl.Add(100 * time.Millisecond)) {
		t.Error("the read overran its deadline")
	}
}

// A send whose outcome is unknown is never sent again.
func TestSendNotRetried(t *testing.T) {
	cases := []struct {
		name   string
		faults wbsandbox.Faults
		client *http.Client
		posted int // messages WB took
	}{
		{"connection dropped after WB took it", wbsandbox.Faults{Drop: 1}, nil, 1},
		{"5xx", wbsandbox.Faults{ServerError: 1}, nil, 0},
		{"timeout", wbsandbox.Faults{Latency: 2 * time.Second, LatencyShare: 1}, &http.Client{Timeout: 100 * time.Millisecond}, -1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := setup(t, wbsandbox.Config{Faults: tc.faults}, wb.Config{HTTPClient: tc.client})
			chat := e.sb.Script(e.token).Chats[1]
			_, err := e.client.Send(ctxT(t, 10*time.Second), wb.Message{ReplySign: chat.ReplySign, Text: "Здравствуйте! Возврат оформлен."})
			if !errors.Is(err, wb.OutcomeUnknown) {
				t.Errorf("%v, want outcome unknown", err)
			}
			if st := e.sb.Stats(); st.ByPath[wb.PathMessage] != 1 {
				t.Errorf("%d send requests, want exactly 1", st.ByPath[wb.PathMessage])
			}
			if tc.posted >= 0 && len(e.sb.Sent(e.token)) != tc.posted {
				t.Errorf("WB took %d messages, want %d", len(e.sb.Sent(e.token)), tc.posted)
			}
		})
	}
}

// A send refused with 429 was certainly not taken: it waits as WB says and
// goes once.
func TestSendAfter429(t *testing.T) {
	e := setup(t, wbsandbox.Config{}, wb.Config{})
	chat := e.sb.Script(e.token).Chats[2]
	e.sb.Throttle(e.token, 2) // WB throttles the next two requests
	if _, err := e.client.Send(ctxT(t, 10*time.Second), wb.Message{ReplySign: chat.ReplySign, Text: "Здравствуйте!"}); err != nil {
		t.Fatal(err)
	}
	if n, st := len(e.sb.Sent(e.token)), e.sb.Stats(); n != 1 || st.Injected429 != 2 || st.ByPath[wb.PathMessage] != 3 {
		t.Errorf("%d messages posted after %d 429s in %d requests; want 1 after 2 in 3", n, st.Injected429, st.ByPath[wb.PathMessage])
	}
}

func TestParseLimit(t *testing.T) {
	l, err := wb.ParseLimit("10/10s")
	if err != nil || l != wb.ChatLimit || l.Interval() != time.Second {
		t.Errorf("%+v %v", l, err)
	}
	for _, bad := range []string{"10", "x/1s", "10/x", "0/1s", "5/-1s"} {
		if _, err := wb.ParseLimit(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
