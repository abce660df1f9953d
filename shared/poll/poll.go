// Package poll is the scheduled poller: for every configured seller it
// follows WB's chat event stream from the stored cursor and ingests each
// page atomically (inbox items, chat states, cursor), classifying buyer
// messages on the way. It stops short of its deadline, reports what it did
// as JSON log lines and CloudWatch metrics, and polls sellers concurrently
// within a bound.
package poll

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-lambda-go/events"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/emf"
	"github.com/agentiq/agentiq/shared/intent"
	"github.com/agentiq/agentiq/shared/wb"
)

// Store is what polling needs of the store.
type Store interface {
	agentiq.SellerStore
	agentiq.IngestStore
}

// Tokens finds a seller's WB API token.
type Tokens interface {
	Token(ctx context.Context, s agentiq.Seller) (wb.Token, error)
}

// forgetter is a Tokens that can drop a token WB refused (it may have been
// rotated).
type forgetter interface{ Forget(agentiq.Seller) }

// Config configures a Poller.
type Config struct {
	Store      Store
	Tokens     Tokens
	Classifier *intent.Classifier
	// BaseURL of WB's API (WB_API_BASE_URL); "" is WB's production host.
	BaseURL    string
	HTTPClient *http.Client
	Limit      wb.Limit // zero: WB's
	Retry      wb.Retry // zero: wb.DefaultRetry
	// Concurrency is how many sellers are polled at once (default 4).
	Concurrency int
	// Margin is kept free before the deadline, for the last writes and the
	// report (default 5 s).
	Margin time.Duration
	// MaxPages bounds the pages per seller and run (0: until caught up).
	MaxPages int
	Logger   *slog.Logger
	Metrics  *emf.Logger
	Now      func() time.Time
}

// Poller polls WB for every seller.
type Poller struct {
	cfg Config

	clients *wb.Pool
}

// New checks cfg and returns a poller.
func New(cfg Config) (*Poller, error) {
	if cfg.Store == nil || cfg.Tokens == nil || cfg.Classifier == nil {
		return nil, errors.New("poll: a store, a token source and a classifier are required")
	}
	if cfg.Concurrency <= 0 {
		cfg.Concurrency = 4
	}
	if cfg.Margin <= 0 {
		cfg.Margin = 5 * time.Second
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Poller{cfg: cfg, clients: &wb.Pool{BaseURL: cfg.BaseURL, HTTPClient: cfg.HTTPClient, Limit: cfg.Limit, Retry: cfg.Retry}}, nil
}

// Request is what a scheduled run is asked to do: the detail of the
// EventBridge event. No sellers means every active one.
type Request struct {
	Sellers []string `json:"sellers,omitempty"`
}

// Report is what a run did.
type Report struct {
	Sellers []SellerReport `json:"sellers"`
	Failed  int            `json:"failed"`
}

// SellerReport is what a run did for one seller.
type SellerReport struct {
	Seller      string `json:"seller"`
	Pages       int    `json:"pages"`
	Events      int    `json:"events"`       // events received
	Applied     int    `json:"applied"`      // applied to chat states
	Inbox       int    `json:"inbox"`        // new buyer messages waiting for a decision
	Echoes      int    `json:"echoes"`       // agentiq's own sends coming back
	Duplicates  int    `json:"duplicates"`   // already ingested, skipped
	Rejected    int    `json:"rejected"`     // unusable events, skipped with a log line
	ReplySigns  int    `json:"reply_signs"`  // chat signatures fetched from /chats
	Requests    int64  `json:"requests"`     // WB requests
	RateLimited int64  `json:"rate_limited"` // 429s
	Retries     int64  `json:"retries"`
	CaughtUp    bool   `json:"caught_up"` // reached the end of the stream
	Cursor      int64  `json:"cursor"`
	// LagSeconds is how far behind WB the run ended: 0 when caught up,
	// else the age of the newest event ingested.
	LagSeconds float64 `json:"lag_seconds"`
	DurationMS int64   `json:"duration_ms"`
	Error      string  `json:"error,omitempty"`
}

// Handle is the Lambda handler for the scheduled EventBridge event.
func (p *Poller) Handle(ctx context.Context, ev events.CloudWatchEvent) (Report, error) {
	var req Request
	if len(ev.Detail) > 0 && string(ev.Detail) != "null" {
		if err := json.Unmarshal(ev.Detail, &req); err != nil {
			err = fmt.Errorf("poll: the event's detail is not {\"sellers\": [...]}: %w", err)
			p.cfg.Logger.Error("poll failed", "error", err.Error())
			return Report{}, err
		}
	}
	return p.Run(ctx, req)
}

// Run polls the requested sellers (all active ones if none are named).
// Each seller that fails gets one error log line; the run then returns an
// error naming them.
func (p *Poller) Run(ctx context.Context, req Request) (Report, error) {
	log := p.cfg.Logger
	if dl, ok := ctx.Deadline(); ok {
		if time.Until(dl) <= p.cfg.Margin {
			err := fmt.Errorf("poll: %s left before the deadline, less than the %s margin", time.Until(dl).Round(time.Millisecond), p.cfg.Margin)
			log.Error("poll failed", "error", err.Error())
			return Report{}, err
		}
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, dl.Add(-p.cfg.Margin))
		defer cancel()
	}
	sellers, err := p.sellers(ctx, req)
	if err != nil {
		log.Error("poll failed", "error", err.Error())
		return Report{}, err
	}
	if len(sellers) == 0 {
		log.Warn("no active sellers configured: nothing to poll")
		return Report{Sellers: []SellerReport{}}, nil
	}
	reports := make([]SellerReport, len(sellers))
	sem := make(chan struct{}, p.cfg.Concurrency)
	var wg sync.WaitGroup
	for i, s := range sellers {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			reports[i] = p.Seller(ctx, s)
		}()
	}
	wg.Wait()
	rep := Report{Sellers: reports}
	var failed []string
	for _, r := range reports {
		if r.Error != "" {
			rep.Failed++
			failed = append(failed, r.Seller+": "+r.Error)
		}
	}
	if rep.Failed > 0 {
		return rep, fmt.Errorf("poll: %d of %d sellers failed: %s", rep.Failed, len(reports), strings.Join(failed, "; "))
	}
	return rep, nil
}

func (p *Poller) sellers(ctx context.Context, req Request) ([]agentiq.Seller, error) {
	if len(req.Sellers) == 0 {
		all, err := p.cfg.Store.Sellers(ctx)
		if err != nil {
			return nil, fmt.Errorf("poll: listing sellers: %w", err)
		}
		return slices.DeleteFunc(all, func(s agentiq.Seller) bool { return !s.Active }), nil
	}
	var out []agentiq.Seller
	for _, id := range req.Sellers {
		s, err := p.cfg.Store.Seller(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("poll: %w", err)
		}
		out = append(out, s)
	}
	return out, nil
}

// Seller polls one seller until caught up, out of pages, or out of time,
// and logs what it did. A failure is in the report's Error.
func (p *Poller) Seller(ctx context.Context, s agentiq.Seller) SellerReport {
	start := time.Now()
	r := SellerReport{Seller: s.ID}
	var stats wb.Stats
	err := p.poll(ctx, s, &r, &stats)
	r.Requests, r.RateLimited, r.Retries = stats.Requests, stats.RateLimited, stats.Retries
	r.DurationMS = time.Since(start).Milliseconds()
	log := p.cfg.Logger.With("seller", s.ID)
	if err != nil {
		r.Error = err.Error()
		log.Error("poll failed", "error", r.Error, "pages", r.Pages, "events", r.Events, "cursor", r.Cursor)
		if errors.Is(err, wb.Unauthorized) {
			if f, ok := p.cfg.Tokens.(forgetter); ok {
				f.Forget(s)
			}
		}
	} else {
		log.Info("poll done", "pages", r.Pages, "events", r.Events, "applied", r.Applied, "inbox", r.Inbox, "echoes", r.Echoes,
			"duplicates", r.Duplicates, "rejected", r.Rejected, "reply_signs", r.ReplySigns, "requests", r.Requests,
			"rate_limited", r.RateLimited, "retries", r.Retries, "caught_up", r.CaughtUp, "cursor", r.Cursor,
			"lag_seconds", r.LagSeconds, "duration_ms", r.DurationMS)
	}
	failed := 0.0
	if err != nil {
		failed = 1
	}
	if merr := p.cfg.Metrics.Emit(map[string]string{"Function": "poller", "Seller": s.ID}, [][]string{{"Function"}, {"Function", "Seller"}},
		map[string]any{"caught_up": r.CaughtUp},
		emf.Metric{Name: "EventsIngested", Unit: emf.Count, Value: float64(r.Applied)},
		emf.Metric{Name: "InboxItems", Unit: emf.Count, Value: float64(r.Inbox)},
		emf.Metric{Name: "Pages", Unit: emf.Count, Value: float64(r.Pages)},
		emf.Metric{Name: "RateLimited", Unit: emf.Count, Value: float64(r.RateLimited)},
		emf.Metric{Name: "EventsRejected", Unit: emf.Count, Value: float64(r.Rejected)},
		emf.Metric{Name: "LagSeconds", Unit: emf.Seconds, Value: r.LagSeconds},
		emf.Metric{Name: "PollFailed", Unit: emf.Count, Value: failed},
	); merr != nil {
		log.Warn("metrics not written", "error", merr.Error())
	}
	return r
}

// errStalled: WB answered a page that does not move the cursor.
var errStalled = errors.New("stalled")

func (p *Poller) poll(ctx context.Context, s agentiq.Seller, r *SellerReport, stats *wb.Stats) error {
	if !s.Active {
		return fmt.Errorf("seller %s is not active", s.ID)
	}
	tok, err := p.cfg.Tokens.Token(ctx, s)
	if err != nil {
		return err
	}
	c, err := p.clients.Client(s.ID, tok)
	if err != nil {
		return err
	}
	before := c.Stats()
	defer func() {
		after := c.Stats()
		*stats = wb.Stats{Requests: after.Requests - before.Requests, RateLimited: after.RateLimited - before.RateLimited,
			Retries: after.Retries - before.Retries, Failures: after.Failures - before.Failures}
	}()
	cursor, err := p.cfg.Store.Cursor(ctx, s.ID)
	if err != nil {
		return fmt.Errorf("reading the cursor: %w", err)
	}
	r.Cursor = cursor
	var newest time.Time
	signs := &signFetcher{client: c}
	conflicts := 0
	for p.cfg.MaxPages == 0 || r.Pages < p.cfg.MaxPages {
		if ctx.Err() != nil {
			break // out of time: the next run goes on from the cursor
		}
		page, err := c.Events(ctx, cursor)
		if err != nil {
			if ctx.Err() != nil || errors.Is(err, context.DeadlineExceeded) {
				break
			}
			return err
		}
		if page.TotalEvents == 0 || len(page.Events) == 0 {
			r.CaughtUp = true
			break
		}
		r.Pages++
		r.Events += len(page.Events)
		evs, pageNewest := p.convert(s.ID, page.Events, r)
		next := max(page.Next, cursor)
		if next == cursor && pageNewest > cursor { // WB gave no usable next: go by the events
			next = pageNewest
		}
		if next == cursor {
			p.cfg.Logger.Warn("WB answered a page that does not move the cursor; stopping this seller's run", "seller", s.ID, "cursor", cursor,
				"next", page.Next, "events", len(page.Events))
			return fmt.Errorf("cursor %d: %w", cursor, errStalled)
		}
		res, err := p.cfg.Store.Ingest(ctx, agentiq.IngestBatch{SellerID: s.ID, From: cursor, Next: next, Events: evs, Now: p.cfg.Now()})
		if errors.Is(err, agentiq.ErrConflict) && conflicts < 3 {
			// Another poller moved the cursor: go on from where it is.
			conflicts++
			if cursor, err = p.cfg.Store.Cursor(ctx, s.ID); err != nil {
				return fmt.Errorf("reading the cursor: %w", err)
			}
			r.Cursor = cursor
			continue
		}
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			return fmt.Errorf("ingesting the page after %d: %w", cursor, err)
		}
		cursor, r.Cursor = next, next
		r.Applied += res.Applied
		r.Inbox += res.Inbox
		r.Echoes += res.Echoes
		r.Duplicates += res.Duplicates
		if t := time.UnixMilli(pageNewest); pageNewest > 0 && t.After(newest) {
			newest = t
		}
		if len(res.NeedReplySign) > 0 {
			n, err := signs.fill(ctx, p.cfg.Store, s.ID, res.NeedReplySign)
			r.ReplySigns += n
			if err != nil && ctx.Err() == nil {
				p.cfg.Logger.Warn("reply signatures not fetched; sends to these chats wait for the next run", "seller", s.ID,
					"chats", len(res.NeedReplySign), "error", err.Error())
			}
		}
	}
	if !r.CaughtUp && !newest.IsZero() {
		r.LagSeconds = max(0, p.cfg.Now().Sub(newest).Seconds())
	}
	return nil
}

// convert turns WB's events into the store's, classifying buyer messages.
// An event that cannot be used is skipped with a log line (its id and
// why, never its text), so that one bad event never blocks the stream.
func (p *Poller) convert(seller string, in []wb.Event, r *SellerReport) ([]agentiq.Event, int64) {
	out := make([]agentiq.Event, 0, len(in))
	var newest int64
	for _, we := range in {
		if we.EventType != "" && we.EventType != wb.EventMessageType {
			r.Rejected++
			p.cfg.Logger.Warn("event of an unknown type skipped", "seller", seller, "event_id", we.EventID, "event_type", we.EventType)
			continue
		}
		e, err := we.Domain()
		if err != nil {
			r.Rejected++
			p.cfg.Logger.Warn("event skipped", "seller", seller, "event_id", we.EventID, "error", err.Error())
			continue
		}
		newest = max(newest, e.At.UnixMilli())
		if e.Sender == agentiq.SenderBuyer && e.Text != "" {
			res := p.cfg.Classifier.Classify(e.Text)
			e.Intents, e.Scenario, e.Uncertain = res.Intents, res.Scenario, res.Uncertain
		}
		out = append(out, e)
	}
	return out, newest
}

// signFetcher gets reply signatures from /chats, at most once per run.
type signFetcher struct {
	client  *wb.Client
	fetched bool
	signs   map[string]string
}

func (f *signFetcher) fill(ctx context.Context, st Store, seller string, chats []string) (int, error) {
	if !f.fetched {
		list, err := f.client.Chats(ctx)
		if err != nil {
			return 0, err
		}
		f.fetched = true
		f.signs = make(map[string]string, len(list))
		for _, c := range list {
			if c.ChatID != "" && c.ReplySign != "" {
				f.signs[c.ChatID] = c.ReplySign
			}
		}
	}
	found := map[string]string{}
	for _, id := range chats {
		if sign, ok := f.signs[id]; ok {
			found[id] = sign
		}
	}
	if len(found) == 0 {
		return 0, nil
	}
	return len(found), st.SetReplySigns(ctx, seller, found)
}
