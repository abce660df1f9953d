package wb

import (
	"context"
	"crypto/sha256"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Limit is a request rate in WB's terms: Requests per Per, refilled one
// at a time every Per/Requests, with a burst of Requests.
type Limit struct {
	Requests int
	Per      time.Duration
}

// WB's limits: every chat method of a seller account shares 10 requests
// per 10 s (one per second, burst 10); /ping allows 3 per 30 s.
var (
	ChatLimit = Limit{Requests: 10, Per: 10 * time.Second}
	PingLimit = Limit{Requests: 3, Per: 30 * time.Second}
)

// Interval is the time one request's allowance takes to come back.
func (l Limit) Interval() time.Duration { return l.Per / time.Duration(l.Requests) }

func (l Limit) String() string { return fmt.Sprintf("%d/%s", l.Requests, l.Per) }

// Valid reports whether the limit can be used.
func (l Limit) Valid() bool { return l.Requests > 0 && l.Per > 0 }

// ParseLimit reads "10/10s".
func ParseLimit(s string) (Limit, error) {
	n, per, ok := strings.Cut(s, "/")
	if !ok {
		return Limit{}, fmt.Errorf("rate %q: want requests/duration, as 10/10s", s)
	}
	r, err := strconv.Atoi(n)
	if err != nil || r <= 0 {
		return Limit{}, fmt.Errorf("rate %q: requests must be a positive number", s)
	}
	d, err := time.ParseDuration(per)
	if err != nil || d <= 0 {
		return Limit{}, fmt.Errorf("rate %q: bad duration", s)
	}
	return Limit{Requests: r, Per: d}, nil
}

// gate paces the calls made with one token. WB counts requests per seller
// account, so every client of a process using the same token shares one
// gate. It is a token bucket like WB's, one request smaller: requests
// reach WB a little later than they leave, and the spare request absorbs
// that delay so that the client never runs ahead of WB's own bucket.
type gate struct {
	lim *rate.Limiter

	mu    sync.Mutex
	until time.Time // WB said to wait until then (a 429)
}

var gates sync.Map // token digest + limit → *gate

func gateFor(token string, l Limit) *gate {
	key := fmt.Sprintf("%x|%s", sha256.Sum256([]byte(token)), l)
	if g, ok := gates.Load(key); ok {
		return g.(*gate)
	}
	burst := max(l.Requests-1, 1)
	g, _ := gates.LoadOrStore(key, &gate{lim: rate.NewLimiter(rate.Every(l.Interval()), burst)})
	return g.(*gate)
}

// errNoTime: the caller's deadline comes before the call could be made. It
// is a context.DeadlineExceeded, as the deadline has in effect passed.
var errNoTime = fmt.Errorf("the deadline comes before WB's rate limit allows the call: %w", context.DeadlineExceeded)

// wait blocks until a request may be sent.
func (g *gate) wait(ctx context.Context) error {
	for {
		g.mu.Lock()
		d := time.Until(g.until)
		g.mu.Unlock()
		if d > 0 {
			if dl, ok := ctx.Deadline(); ok && time.Now().Add(d).After(dl) {
				return errNoTime
			}
			t := time.NewTimer(d)
			select {
			case <-ctx.Done():
				t.Stop()
				return ctx.Err()
			case <-t.C:
			}
			continue
		}
		if err := g.lim.Wait(ctx); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return errNoTime
		}
		g.mu.Lock()
		blocked := time.Now().Before(g.until)
		g.mu.Unlock()
		if !blocked { // else a 429 arrived while waiting: wait for it
			return nil
		}
	}
}

// remaining lowers the bucket to what WB says is left (X-Ratelimit-
// Remaining): other clients of the same account may have used some.
func (g *gate) remaining(n int) {
	now := time.Now()
	if excess := int(math.Floor(g.lim.TokensAt(now))) - n; excess > 0 {
		g.lim.ReserveN(now, excess)
	}
}

// block stops every call for d (X-Ratelimit-Retry) and empties the bucket:
// WB's is empty too.
func (g *gate) block(d time.Duration) {
	now := time.Now()
	g.mu.Lock()
	if until := now.Add(d); until.After(g.until) {
		g.until = until
	}
	g.mu.Unlock()
	if n := int(math.Floor(g.lim.TokensAt(now))); n > 0 {
		g.lim.ReserveN(now, n)
	}
}

// seconds reads a header holding seconds ("2", or "0.25" from a sandbox
// run faster than WB).
func seconds(v string) (time.Duration, bool) {
	if v == "" {
		return 0, false
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || f < 0 || f > 24*3600 {
		return 0, false
	}
	return time.Duration(f * float64(time.Second)), true
}
