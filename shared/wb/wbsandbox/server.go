// Package wbsandbox is a stand-in for WB's buyer-chat API: the same
// endpoints, JSON shapes, limits and errors, checked against WB's OpenAPI
// files on every request and every answer. It plays scripted Russian
// conversations generated from a seed file, echoes sent messages back as
// seller events, and injects faults on demand. Tests run it in-process;
// `agentiq wb-sandbox` serves it on a port.
package wbsandbox

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"image"
	"image/color"
	"image/jpeg"
	"log/slog"
	"math"
	"math/rand/v2"
	"mime"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/getkin/kin-openapi/routers"

	"github.com/agentiq/agentiq/shared/wb"
)

// Config configures a sandbox.
type Config struct {
	// Tokens are the accepted API tokens, one seller account each, each
	// with its own script, rate limit and sent messages.
	Tokens []string
	// Rate is the chat methods' limit per account; zero is WB's 10/10 s.
	Rate wb.Limit
	// PingRate is /ping's limit per account; zero is WB's 3/30 s.
	PingRate wb.Limit
	// PageSize is the most events in a page; 0 is the seed file's.
	PageSize int
	// Seed is the seed file; nil is the one kept with the sandbox.
	Seed []byte
	// Anchor is when the newest scripted event happens; zero is now.
	Anchor time.Time
	// Clock says which scripted events have happened (those at or before
	// it); nil is the wall clock. Tests move it to let events arrive.
	Clock func() time.Time
	// Faults to inject, drawn from a PRNG seeded by FaultSeed.
	Faults    Faults
	FaultSeed uint64
	Logger    *slog.Logger
}

// Stats are what the sandbox has seen.
type Stats struct {
	Requests int
	// Violations are requests made while the account's limit was used up
	// or while WB had asked to wait (X-Ratelimit-Retry): a well-behaved
	// client makes none.
	Violations int
	// InvalidRequests did not match WB's OpenAPI file; InvalidResponses
	// are answers of the sandbox's own that did not (a sandbox bug).
	InvalidRequests  int
	InvalidResponses int
	Unauthorized     int
	RateLimited      int // 429s answered, earned or injected
	// Injected faults.
	ServerErrors, Injected429, Malformed, Duplicated, Delayed, Dropped int
	Sent                                                               int
	ByPath                                                             map[string]int
}

// Sent is a message the sandbox took.
type Sent struct {
	ChatID  string
	Text    string
	Files   int
	AddTime int64
}

type streamEvent struct {
	ScriptEvent
	echo bool // a sent message's echo: visible at once
}

type account struct {
	token  string
	script *Script
	events []streamEvent
	chats  map[string]*ScriptChat // by chat id
	signs  map[string]string      // replySign → chat id
	files  map[string]string      // downloadID → content type
	chat   bucket
	ping   bucket
	storm  int
	sent   []Sent
}

// Server is a WB sandbox; it is an http.Handler.
type Server struct {
	spec     *Spec
	log      *slog.Logger
	clock    func() time.Time
	pageSize int

	mu       sync.Mutex
	faults   Faults
	rng      *rand.Rand
	accounts map[string]*account
	stats    Stats
}

// New builds a sandbox.
func New(cfg Config) (*Server, error) {
	if len(cfg.Tokens) == 0 {
		return nil, errors.New("wb sandbox: no token configured")
	}
	sp, err := LoadSpec()
	if err != nil {
		return nil, err
	}
	seedData := cfg.Seed
	if seedData == nil {
		seedData = defaultSeed
	}
	seed, err := ParseSeed(seedData)
	if err != nil {
		return nil, err
	}
	if !cfg.Rate.Valid() {
		cfg.Rate = wb.ChatLimit
	}
	if !cfg.PingRate.Valid() {
		cfg.PingRate = wb.PingLimit
	}
	if cfg.PageSize <= 0 {
		cfg.PageSize = seed.PageSize
	}
	if cfg.PageSize <= 0 {
		cfg.PageSize = 50
	}
	if cfg.Anchor.IsZero() {
		cfg.Anchor = time.Now().Truncate(time.Minute)
	}
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	s := &Server{spec: sp, log: cfg.Logger, clock: cfg.Clock, pageSize: cfg.PageSize, faults: cfg.Faults,
		rng: rand.New(rand.NewPCG(cfg.FaultSeed, 0x5eed)), accounts: map[string]*account{}, // #nosec G404 -- fault draws, repeatable by seed
		stats: Stats{ByPath: map[string]int{}}}
	for i, tok := range cfg.Tokens {
		if tok == "" {
			return nil, errors.New("wb sandbox: empty token")
		}
		if _, dup := s.accounts[tok]; dup {
			return nil, errors.New("wb sandbox: a token is given twice")
		}
		sc := seed.Generate(fmt.Sprintf("account %d", i), cfg.Anchor)
		a := &account{token: tok, script: sc, chats: map[string]*ScriptChat{}, signs: map[string]string{}, files: map[string]string{},
			chat: bucket{limit: cfg.Rate}, ping: bucket{limit: cfg.PingRate}}
		for j := range sc.Chats {
			c := &sc.Chats[j]
			a.chats[c.ID] = c
			a.signs[c.ReplySign] = c.ID
		}
		for _, e := range sc.Events {
			a.events = append(a.events, streamEvent{ScriptEvent: e})
			if m := e.Message; m != nil && m.Attachments != nil {
				for _, im := range m.Attachments.Images {
					a.files[im.DownloadID] = "image/jpeg"
				}
				for _, f := range m.Attachments.Files {
					a.files[f.DownloadID] = f.ContentType
				}
			}
		}
		s.accounts[tok] = a
	}
	return s, nil
}

// Script returns the script of the account with the token.
func (s *Server) Script(token string) *Script {
	s.mu.Lock()
	defer s.mu.Unlock()
	if a := s.accounts[token]; a != nil {
		return a.script
	}
	return nil
}

// Sent returns the messages the account has taken.
func (s *Server) Sent(token string) []Sent {
	s.mu.Lock()
	defer s.mu.Unlock()
	if a := s.accounts[token]; a != nil {
		return slices.Clone(a.sent)
	}
	return nil
}

// Stats returns what the sandbox has seen so far.
func (s *Server) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.stats
	st.ByPath = map[string]int{}
	for k, v := range s.stats.ByPath {
		st.ByPath[k] = v
	}
	return st
}

// Throttle makes WB answer the account's next n requests with 429 (each
// after the wait the previous one asked for).
func (s *Server) Throttle(token string, n int) {
	s.mu.Lock()
	if a := s.accounts[token]; a != nil {
		a.storm = n
	}
	s.mu.Unlock()
}

// SetFaults changes the faults injected from now on.
func (s *Server) SetFaults(f Faults) {
	s.mu.Lock()
	s.faults = f
	s.mu.Unlock()
}

// Serve answers on addr until ctx is done.
func (s *Server) Serve(ctx context.Context, l net.Listener) error {
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second) // ctx is done: shutting down needs time of its own
		defer cancel()
		_ = srv.Shutdown(shut)
	}()
	if err := srv.Serve(l); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// answer is a response before it is written (and validated).
type answer struct {
	status int
	header http.Header
	body   []byte
	fault  bool // injected: not WB's documented shape, not validated
	drop   bool // close the connection instead of answering
}

func jsonAnswer(status int, ctype string, v any) answer {
	h := http.Header{}
	b, err := json.Marshal(v)
	if err != nil { // the sandbox's own values always encode
		h.Set("Content-Type", "text/plain")
		return answer{status: http.StatusInternalServerError, header: h, body: []byte(err.Error())}
	}
	h.Set("Content-Type", ctype)
	return answer{status: status, header: h, body: b}
}

const (
	ctJSON    = "application/json"
	ctProblem = "application/problem+json"
)

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 40<<20)
	route, params := s.spec.Route(r)
	ans, validate := s.handle(r, route, params)
	if validate && route != nil && !ans.fault {
		if err := s.spec.ValidateResponse(r, route, params, ans.status, ans.header, ans.body); err != nil {
			s.mu.Lock()
			s.stats.InvalidResponses++
			s.mu.Unlock()
			s.log.Error("sandbox answer does not match WB's spec", "path", r.URL.Path, "status", ans.status, "error", err)
		}
	}
	if ans.drop {
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				_ = conn.Close()
				return
			}
		}
		ans = answer{status: http.StatusBadGateway, header: http.Header{}, body: []byte("connection dropped")}
	}
	for k, vs := range ans.header {
		w.Header()[k] = vs
	}
	w.WriteHeader(ans.status)
	_, _ = w.Write(ans.body)
}

// handle answers one request; validate says the answer should match the
// spec.
func (s *Server) handle(r *http.Request, route *routers.Route, params map[string]string) (answer, bool) {
	now := time.Now()
	s.mu.Lock()
	s.stats.Requests++
	s.stats.ByPath[r.URL.Path]++
	a := s.accounts[r.Header.Get("Authorization")]
	s.mu.Unlock()

	if route == nil {
		return jsonAnswer(http.StatusNotFound, ctJSON, map[string]any{"title": "not found", "detail": "no such method: " + r.Method + " " + r.URL.Path,
			"status": 404, "requestId": s.requestID()}), false
	}
	if a == nil {
		s.mu.Lock()
		s.stats.Unauthorized++
		s.mu.Unlock()
		detail := "token problem; token is malformed: could not base64 decode signature"
		if r.Header.Get("Authorization") == "" {
			detail = "empty Authorization header"
		}
		return jsonAnswer(http.StatusUnauthorized, ctProblem, map[string]any{"title": "unauthorized", "detail": detail,
			"code": "07e4668e--a53a3d31f8b0-[UK-oWaVDUqNrKG]; 03bce=277; 84bd353bf-75", "requestId": s.requestID(),
			"origin": "s2s-api-auth-catalog", "status": 401, "statusText": "Unauthorized", "timestamp": now.UTC().Format(time.RFC3339)}), true
	}

	// The account's limit, WB's token bucket; then faults of WB's own.
	s.mu.Lock()
	b := &a.chat
	if r.URL.Path == wb.PathPing {
		b = &a.ping
	}
	ok, remaining, retry, reset := b.take(now)
	if !ok {
		s.stats.Violations++
		s.stats.RateLimited++
		s.mu.Unlock()
		return s.tooMany(b, retry, reset, now), true
	}
	f := s.faults
	inject429 := a.storm > 0 || s.rng.Float64() < f.RateLimit
	inject5xx := !inject429 && s.rng.Float64() < f.ServerError
	delay := f.Latency > 0 && s.rng.Float64() < f.LatencyShare
	malformed := s.rng.Float64() < f.Malformed
	dup := s.rng.Float64() < f.Duplicate
	drop := s.rng.Float64() < f.Drop
	taken5xx := f.TakenError > 0 && s.rng.Float64() < f.TakenError // drawn only when asked: the other faults keep their draws
	var blockedUntil time.Time
	if inject429 {
		if a.storm > 0 {
			a.storm--
		} else {
			a.storm = f.Storm
		}
		wait := b.limit.Interval() * time.Duration(1+s.rng.IntN(2))
		b.block(now, wait)
		blockedUntil = b.until // read under the lock: another request may block the bucket further
		s.stats.Injected429++
		s.stats.RateLimited++
	}
	if inject5xx {
		s.stats.ServerErrors++
	}
	if delay {
		s.stats.Delayed++
	}
	s.mu.Unlock()

	if inject429 {
		ans := s.tooMany(b, b.limit.Interval(), b.limit.Per, now)
		ans.header.Set("X-Ratelimit-Retry", formatSeconds(blockedUntil.Sub(now), b.limit))
		return ans, true
	}
	rl := func(ans answer, validate bool) (answer, bool) {
		ans.header.Set("X-Ratelimit-Remaining", strconv.Itoa(remaining))
		return ans, validate
	}
	if err := s.spec.ValidateRequest(r, route, params); err != nil {
		s.mu.Lock()
		s.stats.InvalidRequests++
		s.mu.Unlock()
		s.log.Warn("request does not match WB's spec", "method", r.Method, "path", r.URL.Path, "error", err.Error())
		return rl(s.badRequest(r, err), true)
	}
	if delay { // after the body is read, so that a client hanging up is noticed
		t := time.NewTimer(f.Latency)
		select {
		case <-r.Context().Done():
		case <-t.C:
		}
		t.Stop()
	}
	if inject5xx {
		return rl(s.serverError(), false)
	}

	var ans answer
	switch {
	case r.URL.Path == wb.PathPing:
		ans = jsonAnswer(http.StatusOK, ctJSON, wb.PingResponse{TS: now.In(moscow).Format(time.RFC3339), Status: "OK"})
	case r.URL.Path == wb.PathChats:
		ans = s.chats(a)
	case r.URL.Path == wb.PathEvents:
		ans = s.events(a, r.URL.Query(), dup)
	case r.URL.Path == wb.PathMessage:
		ans = s.send(a, r)
		if drop && ans.status == http.StatusOK {
			s.mu.Lock()
			s.stats.Dropped++
			s.mu.Unlock()
			return answer{drop: true}, false
		}
		if taken5xx && ans.status == http.StatusOK {
			s.mu.Lock()
			s.stats.ServerErrors++
			s.mu.Unlock()
			return rl(s.serverError(), false)
		}
	case strings.HasPrefix(r.URL.Path, wb.PathDownload):
		ans = s.download(a, params["id"])
	default:
		ans = jsonAnswer(http.StatusNotFound, ctJSON, map[string]any{"title": "not found", "status": 404})
	}
	if malformed && r.Method == http.MethodGet && ans.status == http.StatusOK && strings.HasPrefix(ans.header.Get("Content-Type"), ctJSON) {
		s.mu.Lock()
		s.stats.Malformed++
		kind := s.rng.IntN(3)
		s.mu.Unlock()
		ans.body = malform(ans.body, kind)
		ans.fault = true
	}
	return rl(ans, true)
}

var moscow = time.FixedZone("MSK", 3*3600)

// tooMany is WB's 429.
func (s *Server) tooMany(b *bucket, retry, reset time.Duration, now time.Time) answer {
	ans := jsonAnswer(http.StatusTooManyRequests, ctProblem, map[string]any{"title": "too many requests",
		"detail": "limited by c122a060-a7fb-4bb4-abb0-32fd4e18d489", "code": "07e4668e-ac2242c5c8c5-[UK-4dx7JUdskGZ]",
		"requestId": s.requestID(), "origin": "s2s-api-auth-catalog", "status": 429, "statusText": "Too Many Requests",
		"timestamp": now.UTC().Format(time.RFC3339)})
	ans.header.Set("X-Ratelimit-Retry", formatSeconds(retry, b.limit))
	ans.header.Set("X-Ratelimit-Limit", strconv.Itoa(b.limit.Requests))
	ans.header.Set("X-Ratelimit-Reset", formatSeconds(reset, b.limit))
	return ans
}

// formatSeconds writes a wait as WB does, in whole seconds (rounded up);
// a sandbox run faster than WB (intervals under a second) writes
// milliseconds as a decimal, or its clients would wait far too long.
func formatSeconds(d time.Duration, l wb.Limit) string {
	if l.Interval() >= time.Second {
		return strconv.Itoa(int(math.Ceil(d.Seconds())))
	}
	return strconv.FormatFloat(math.Ceil(float64(d.Microseconds())/1000)/1000, 'f', 3, 64)
}

func (s *Server) serverError() answer {
	s.mu.Lock()
	status := []int{500, 502, 503, 504}[s.rng.IntN(4)]
	s.mu.Unlock()
	h := http.Header{}
	if status == 500 {
		h.Set("Content-Type", ctJSON)
		return answer{status: status, header: h, body: []byte(`{"title":"internal server error","status":500}`), fault: true}
	}
	h.Set("Content-Type", "text/html")
	text := http.StatusText(status)
	return answer{status: status, header: h, fault: true,
		body: []byte(fmt.Sprintf("<html><head><title>%d %s</title></head><body><center><h1>%d %s</h1></center></body></html>", status, text, status, text))}
}

// malform breaks a JSON body: cut short, not JSON, or with a wrong type.
func malform(body []byte, kind int) []byte {
	switch kind {
	case 0:
		return body[:len(body)/2]
	case 1:
		return []byte("<html><body>upstream connect error</body></html>")
	default:
		return bytes.Replace(bytes.Replace(body, []byte(`"next":`), []byte(`"next":"x`), 1), []byte(`"result":`), []byte(`"result":"`), 1)
	}
}

func (s *Server) requestID() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return fmt.Sprintf("%016x%016x", s.rng.Uint64(), s.rng.Uint64())
}

// badRequest answers a request that does not match the spec as WB does
// for the field at fault.
func (s *Server) badRequest(r *http.Request, err error) answer {
	msg := err.Error()
	detail := "Bad Request"
	switch {
	case r.URL.Path == wb.PathEvents && strings.Contains(msg, `"next"`):
		detail = "Invalid number"
	case r.URL.Path == wb.PathMessage && (strings.Contains(msg, `"message"`) || strings.Contains(msg, `/message"`)):
		detail = `Invalid value for "message"`
	case r.URL.Path == wb.PathMessage && (strings.Contains(msg, `"replySign"`) || strings.Contains(msg, `/replySign"`)):
		detail = "Invalid signature"
	}
	return s.problem(r, detail)
}

// problem is WB's 400 body: JSON on /events and /download, problem+json
// on /message.
func (s *Server) problem(r *http.Request, detail string) answer {
	ct := ctJSON
	if r.URL.Path == wb.PathMessage {
		ct = ctProblem
	}
	title := "Bad Request"
	if strings.HasPrefix(r.URL.Path, wb.PathDownload) {
		title = detail
	}
	return jsonAnswer(http.StatusBadRequest, ct, map[string]any{"status": 400, "title": title, "origin": "proxy-chats",
		"detail": detail, "requestId": s.requestID(), "error": detail})
}

func (s *Server) visible(a *account, now time.Time) []streamEvent {
	cut := now.UnixMilli()
	i, _ := slices.BinarySearchFunc(a.events, cut+1, byTime)
	var out []streamEvent
	out = append(out, a.events[:i]...)
	for _, e := range a.events[i:] {
		if e.echo {
			out = append(out, e)
		}
	}
	return out
}

// byTime orders stream events against a time, for binary search.
func byTime(e streamEvent, t int64) int { return cmp.Compare(e.AddTimestamp, t) }

// chats is GET /api/v1/seller/chats: every chat with an event so far.
func (s *Server) chats(a *account) answer {
	s.mu.Lock()
	evs := s.visible(a, s.clock())
	s.mu.Unlock()
	last := map[string]*wb.LastMessage{}
	var order []string
	for _, e := range evs {
		if _, ok := last[e.ChatID]; !ok {
			order = append(order, e.ChatID)
			last[e.ChatID] = nil
		}
		if e.Message != nil && e.Message.Text != "" {
			last[e.ChatID] = &wb.LastMessage{Text: e.Message.Text, AddTimestamp: e.AddTimestamp}
		}
	}
	out := wb.ChatsResponse{Result: []wb.Chat{}}
	for _, id := range order {
		c := a.chats[id]
		p := c.Product
		out.Result = append(out.Result, wb.Chat{ChatID: id, ReplySign: c.ReplySign, ClientName: c.ClientName, LastMessage: last[id],
			GoodCard: &wb.Listing{NmID: p.NmID, Price: p.Price, PriceCurrency: "RUB", Size: p.Size}})
	}
	return jsonAnswer(http.StatusOK, ctJSON, out)
}

// events is GET /api/v1/seller/events: the events after `next` (none
// given: from the start), at most a page, cut only between two different
// times so that the next page can start after the last time.
func (s *Server) events(a *account, q url.Values, dup bool) answer {
	var next int64
	if v := q.Get("next"); v != "" || q.Has("next") {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return s.problem(&http.Request{URL: &url.URL{Path: wb.PathEvents}}, "Invalid number")
		}
		if n <= 0 {
			return s.problem(&http.Request{URL: &url.URL{Path: wb.PathEvents}}, `Invalid value for "next"`)
		}
		next = n
	}
	s.mu.Lock()
	evs := s.visible(a, s.clock())
	s.mu.Unlock()
	i, _ := slices.BinarySearchFunc(evs, next+1, byTime)
	j := min(i+s.pageSize, len(evs))
	for j > i && j < len(evs) && evs[j].AddTimestamp == evs[j-1].AddTimestamp {
		j++
	}
	page := evs[i:j]
	res := wb.EventsResult{Next: next, Events: []wb.Event{}}
	if len(page) > 0 {
		res.Next = page[len(page)-1].AddTimestamp
		res.OldestEventTime = time.UnixMilli(page[0].AddTimestamp).UTC().Format(time.RFC3339)
		res.NewestEventTime = time.UnixMilli(res.Next).UTC().Format(time.RFC3339)
		if dup && i > 0 { // as if `next` were inclusive: the end of the last page again
			k := max(0, i-1-int(s.draw(3)))
			for _, e := range evs[k:i] {
				res.Events = append(res.Events, e.Event)
			}
			s.mu.Lock()
			s.stats.Duplicated++
			s.mu.Unlock()
		}
		for _, e := range page {
			res.Events = append(res.Events, e.Event)
		}
		res.TotalEvents = len(res.Events)
	}
	return jsonAnswer(http.StatusOK, ctJSON, wb.EventsResponse{Result: res})
}

func (s *Server) draw(n int) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.rng.IntN(n)
}

var sendTypes = map[string]bool{"image/jpeg": true, "image/png": true, "application/pdf": true}

// send is POST /api/v1/seller/message.
func (s *Server) send(a *account, r *http.Request) answer {
	// #nosec G120 -- ServeHTTP caps every body with http.MaxBytesReader
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		return s.problem(r, "Bad Request")
	}
	sign := r.FormValue("replySign")
	text := r.FormValue("message")
	s.mu.Lock()
	chatID, ok := a.signs[sign]
	s.mu.Unlock()
	if !ok {
		return s.problem(r, "Invalid signature")
	}
	if utf8.RuneCountInString(text) > wb.MaxMessageRunes || !utf8.ValidString(text) {
		return s.problem(r, `Invalid value for "message"`)
	}
	var files []string
	total := int64(0)
	if r.MultipartForm != nil {
		for _, fh := range r.MultipartForm.File["file"] {
			ct, _, _ := mime.ParseMediaType(fh.Header.Get("Content-Type"))
			code := fmt.Sprintf("%011X", fnv64(fh.Filename))[:11]
			if !sendTypes[ct] {
				return s.problem(r, fmt.Sprintf("%s: %q has unsupported mime type", code, fh.Filename))
			}
			if fh.Size > wb.MaxFileBytes {
				return s.problem(r, code+": attachment too big. Max size: 5MiB")
			}
			total += fh.Size
			files = append(files, fh.Filename)
		}
	}
	if total > wb.MaxFilesBytes {
		return s.problem(r, "attachments too big. Max total size: 30MiB")
	}
	if strings.TrimSpace(text) == "" && len(files) == 0 {
		return s.problem(r, `Invalid value for "message"`)
	}
	s.mu.Lock()
	now := s.clock().UnixMilli()
	at := max(now, a.newestBy(now)+1)
	e := streamEvent{echo: true, ScriptEvent: ScriptEvent{Event: wb.Event{ChatID: chatID, EventID: uuidFrom(s.rng), EventType: wb.EventMessageType,
		Source: wb.SourceAPI, AddTimestamp: at, AddTime: time.UnixMilli(at).UTC().Format(time.RFC3339), Sender: wb.SenderSeller}}}
	if text != "" || len(files) > 0 {
		e.Message = &wb.EventMessage{Text: text}
	}
	i, _ := slices.BinarySearchFunc(a.events, at+1, byTime)
	a.events = slices.Insert(a.events, i, e)
	a.sent = append(a.sent, Sent{ChatID: chatID, Text: text, Files: len(files), AddTime: at})
	s.stats.Sent++
	s.mu.Unlock()
	return jsonAnswer(http.StatusOK, ctJSON, wb.MessageResponse{Result: wb.SendResult{AddTime: at, ChatID: chatID, Sign: sign}, Errors: []string{}})
}

// newestBy is the time of the newest event that has happened by now
// (an echo counts however new it is).
func (a *account) newestBy(now int64) int64 {
	var t int64
	for _, e := range a.events {
		if e.AddTimestamp <= now || e.echo {
			t = max(t, e.AddTimestamp)
		}
	}
	return t
}

func fnv64(s string) uint64 {
	h := fnv.New64a()
	_, _ = h.Write([]byte(s))
	return h.Sum64()
}

// download is GET /api/v1/seller/download/{id}. Some files are still
// under moderation (202) and some failed it (451), decided by their id.
func (s *Server) download(a *account, id string) answer {
	s.mu.Lock()
	ct, ok := a.files[id]
	s.mu.Unlock()
	if !ok {
		return s.problem(&http.Request{URL: &url.URL{Path: wb.PathDownload}}, "invalid fileID")
	}
	switch fnv64(id) % 10 {
	case 0:
		return jsonAnswer(http.StatusAccepted, ctJSON, map[string]any{"moderationState": "pending", "retrySeconds": 30})
	case 1:
		return jsonAnswer(http.StatusUnavailableForLegalReasons, ctProblem, map[string]any{"status": 451,
			"title": "Unavailable for Legal Reasons", "origin": "proxy-chats", "detail": "moderation error", "requestId": s.requestID()})
	}
	h := http.Header{}
	h.Set("Content-Type", ct)
	if ct == "application/pdf" {
		return answer{status: http.StatusOK, header: h, body: samplePDF}
	}
	return answer{status: http.StatusOK, header: h, body: sampleJPEG}
}

var samplePDF = []byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")

var sampleJPEG = func() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 16, 16))
	for x := 0; x < 16; x++ {
		for y := 0; y < 16; y++ {
			img.Set(x, y, color.RGBA{R: uint8(x * 16), G: 120, B: uint8(y * 16), A: 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		panic(err)
	}
	return b.Bytes()
}()

// bucket is WB's token bucket for one account and one kind of method.
type bucket struct {
	limit  wb.Limit
	tokens float64
	last   time.Time
	until  time.Time // a 429 said to wait until then
}

func (b *bucket) refill(now time.Time) {
	burst := float64(b.limit.Requests)
	if b.last.IsZero() {
		b.tokens, b.last = burst, now
		return
	}
	if now.After(b.last) {
		b.tokens = math.Min(burst, b.tokens+float64(now.Sub(b.last))/float64(b.limit.Interval()))
		b.last = now
	}
}

// take spends one request if the bucket allows it. It returns what is
// left, or how long until one request (retry) and the whole burst (reset)
// are back.
func (b *bucket) take(now time.Time) (ok bool, remaining int, retry, reset time.Duration) {
	b.refill(now)
	iv := float64(b.limit.Interval())
	reset = time.Duration((float64(b.limit.Requests) - b.tokens) * iv)
	if now.Before(b.until) {
		return false, 0, b.until.Sub(now), max(reset, b.until.Sub(now))
	}
	if b.tokens >= 1 {
		b.tokens--
		return true, int(b.tokens), 0, 0
	}
	return false, 0, time.Duration((1 - b.tokens) * iv), reset
}

// block makes every request wait d (an injected 429).
func (b *bucket) block(now time.Time, d time.Duration) {
	b.refill(now)
	if until := now.Add(d); until.After(b.until) {
		b.until = until
	}
}

// ListenAndServe is a convenience for the command line: it serves on addr
// until ctx is done, and reports the address it listens on.
func (s *Server) ListenAndServe(ctx context.Context, addr string, ready func(net.Addr)) error {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	if ready != nil {
		ready(l.Addr())
	}
	return s.Serve(ctx, l)
}
