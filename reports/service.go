package reports

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/aws/aws-lambda-go/events"

	agentiq "github.com/agentiq/agentiq/shared"
)

// Sink keeps written reports: a local folder here, S3 in the cloud.
type Sink interface {
	// Put stores the report read from r under key and says where it is
	// (a path, or a URL to download it).
	Put(ctx context.Context, key string, r io.Reader) (location string, err error)
}

// DirSink keeps reports in a local folder (git-ignored out/reports by
// default).
type DirSink struct{ Dir string }

var keyRe = regexp.MustCompile(`^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$`)

// Put writes the report to Dir/key, atomically: a failed write leaves no
// partial file.
func (d DirSink) Put(ctx context.Context, key string, r io.Reader) (string, error) {
	if !keyRe.MatchString(key) || strings.Contains(key, "..") {
		return "", fmt.Errorf("%w: report key %q", ErrRequest, key)
	}
	path := filepath.Join(d.Dir, filepath.FromSlash(key))
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return "", fmt.Errorf("report folder: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".report-*")
	if err != nil {
		return "", fmt.Errorf("report file: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := io.Copy(tmp, r); err != nil {
		_ = tmp.Close()
		return "", fmt.Errorf("write report %s: %w", key, err)
	}
	if err := tmp.Close(); err != nil {
		return "", fmt.Errorf("write report %s: %w", key, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return "", fmt.Errorf("write report %s: %w", key, err)
	}
	return path, nil
}

// Sellers is what the service needs of the seller store.
type Sellers interface {
	Seller(ctx context.Context, id string) (agentiq.Seller, error)
	Sellers(ctx context.Context) ([]agentiq.Seller, error)
}

// Service writes reports on a schedule or on request: the ReporterFunction's
// handler.
type Service struct {
	Source  Source
	Sellers Sellers
	Sink    Sink
	// Chain verifies a seller's whole chain; nil leaves the reports to say
	// it was not verified (they still check the period's own links).
	Chain func(ctx context.Context, seller string) (*ChainStatus, error)
	Log   *slog.Logger
	// TmpDir is where a report is built before it goes to the sink ("" is
	// the system's; /tmp in Lambda).
	TmpDir string
	// Jobs keeps the jobs the API records; a Job with a job id runs that
	// job (RunJob). Now is the clock of their records (nil: time.Now).
	Jobs JobStore
	Now  func() time.Time
	// Retention is how long the sink keeps a report (the reports bucket's
	// lifecycle): a finished job expires with its report. Zero: kept.
	Retention time.Duration
}

// Job is a request for one report: a direct invoke's payload. Dates are
// YYYY-MM-DD in the seller's time zone; to is inclusive.
type Job struct {
	Seller string `json:"seller"`
	Kind   Kind   `json:"kind"`
	Format Format `json:"format"`
	From   string `json:"from"`
	To     string `json:"to"`
	Lang   Lang   `json:"lang,omitempty"`
	// JobID names a job the API recorded: its record says what to write,
	// and is updated as the report is written (RunJob).
	JobID string `json:"job_id,omitempty"`
}

// Written is a report the service wrote.
type Written struct {
	Seller   string `json:"seller"`
	Kind     Kind   `json:"kind"`
	Format   Format `json:"format"`
	Lang     Lang   `json:"lang"`
	From     string `json:"from"`
	To       string `json:"to"`
	Key      string `json:"key"`
	Location string `json:"location"`
	Bytes    int64  `json:"bytes"`
}

// Result is what an invocation did.
type Result struct {
	Reports []Written `json:"reports"`
	Errors  []string  `json:"errors,omitempty"`
}

// Handle takes the function's event: an EventBridge schedule writes both
// reports in both formats for the previous month for every active seller;
// a Job writes that one report.
func (s *Service) Handle(ctx context.Context, event json.RawMessage) (Result, error) {
	var probe struct {
		Source     string `json:"source"`
		DetailType string `json:"detail-type"`
	}
	_ = json.Unmarshal(event, &probe)
	if probe.Source == "aws.events" || probe.DetailType != "" {
		var ev events.CloudWatchEvent
		if err := json.Unmarshal(event, &ev); err != nil {
			return Result{}, fmt.Errorf("%w: scheduled event: %v", ErrRequest, err)
		}
		return s.Monthly(ctx, ev.Time)
	}
	var job Job
	dec := json.NewDecoder(bytes.NewReader(event))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&job); err != nil {
		return Result{}, fmt.Errorf("%w: want {\"seller\",\"kind\",\"format\",\"from\",\"to\",\"lang\"}: %v", ErrRequest, err)
	}
	if job.JobID != "" {
		j, err := s.RunJob(ctx, job.Seller, job.JobID)
		if err != nil {
			return Result{Errors: []string{err.Error()}}, err
		}
		return Result{Reports: []Written{{Seller: j.SellerID, Kind: Kind(j.Kind), Format: Format(j.Format), Lang: Lang(j.Lang),
			From: j.From, To: j.To, Key: j.Key, Location: j.Location, Bytes: j.Bytes}}}, nil
	}
	w, err := s.One(ctx, job)
	if err != nil {
		return Result{Errors: []string{err.Error()}}, err
	}
	return Result{Reports: []Written{w}}, nil
}

// Monthly writes the month before now's month, for every active seller:
// both reports in both formats, in Russian. A seller's failure is
// reported and the others go on.
func (s *Service) Monthly(ctx context.Context, now time.Time) (Result, error) {
	if now.IsZero() {
		now = time.Now()
	}
	sellers, err := s.Sellers.Sellers(ctx)
	if err != nil {
		return Result{}, fmt.Errorf("sellers: %w", err)
	}
	var res Result
	for _, sl := range sellers {
		if !sl.Active {
			continue
		}
		zone := sellerZone(sl)
		local := now.In(zone)
		to := time.Date(local.Year(), local.Month(), 1, 0, 0, 0, 0, zone)
		r := s.Period(ctx, sl, to.AddDate(0, -1, 0), to, LangRU)
		res.Reports = append(res.Reports, r.Reports...)
		res.Errors = append(res.Errors, r.Errors...)
	}
	if len(res.Errors) > 0 {
		return res, fmt.Errorf("%d of %d reports failed: %s", len(res.Errors), len(res.Errors)+len(res.Reports), res.Errors[0])
	}
	return res, nil
}

// Period writes both reports in both formats for a seller and [from, to)
// — what the schedule does each month, and what `make run` can call for
// the demo seller. A report's failure is listed and the others go on.
func (s *Service) Period(ctx context.Context, sl agentiq.Seller, from, to time.Time, lang Lang) Result {
	var res Result
	zone := sellerZone(sl)
	for _, k := range []Kind{KindAudit, KindConsent} {
		for _, f := range []Format{FormatXLSX, FormatPDF} {
			w, err := s.write(ctx, Request{Seller: sl.ID, Kind: k, Format: f, Lang: lang, From: from, To: to, Zone: zone})
			if err != nil {
				res.Errors = append(res.Errors, fmt.Sprintf("%s %s %s: %v", sl.ID, k, f, err))
				continue
			}
			res.Reports = append(res.Reports, w)
		}
	}
	return res
}

// One writes the report a job asks for.
func (s *Service) One(ctx context.Context, job Job) (Written, error) {
	sl, err := s.Sellers.Seller(ctx, job.Seller)
	if err != nil {
		if errors.Is(err, agentiq.ErrNotFound) || errors.Is(err, agentiq.ErrUnknownSeller) {
			return Written{}, fmt.Errorf("%w: unknown seller %q", ErrRequest, job.Seller)
		}
		return Written{}, fmt.Errorf("seller %s: %w", job.Seller, err)
	}
	zone := sellerZone(sl)
	from, to, err := ParsePeriod(job.From, job.To, zone)
	if err != nil {
		return Written{}, err
	}
	return s.write(ctx, Request{Seller: sl.ID, Kind: job.Kind, Format: job.Format, Lang: job.Lang, From: from, To: to, Zone: zone})
}

// ParsePeriod reads an inclusive period of dates (YYYY-MM-DD) in zone as
// [from, to).
func ParsePeriod(from, to string, zone *time.Location) (time.Time, time.Time, error) {
	f, err := time.ParseInLocation("2006-01-02", from, zone)
	if err != nil {
		return f, f, fmt.Errorf("%w: from %q: want YYYY-MM-DD", ErrRequest, from)
	}
	t, err := time.ParseInLocation("2006-01-02", to, zone)
	if err != nil {
		return f, t, fmt.Errorf("%w: to %q: want YYYY-MM-DD", ErrRequest, to)
	}
	if t.Before(f) {
		return f, t, fmt.Errorf("%w: the period ends (%s) before it starts (%s)", ErrRequest, to, from)
	}
	return f, t.AddDate(0, 0, 1), nil
}

func sellerZone(s agentiq.Seller) *time.Location {
	name := s.Timezone
	if name == "" {
		name = DefaultZone
	}
	if z, err := time.LoadLocation(name); err == nil {
		return z
	}
	return time.FixedZone("MSK", 3*3600)
}

// write builds a report in a temporary file (a large XLSX is not held in
// memory) and puts it in the sink.
func (s *Service) write(ctx context.Context, req Request) (Written, error) {
	if err := req.Normalize(); err != nil {
		return Written{}, err
	}
	if s.Chain != nil {
		seller := req.Seller
		req.Verify = func(ctx context.Context) (*ChainStatus, error) { return s.Chain(ctx, seller) }
	}
	tmp, err := os.CreateTemp(s.TmpDir, "agentiq-report-*")
	if err != nil {
		return Written{}, fmt.Errorf("report file: %w", err)
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	start := time.Now()
	if err := Write(ctx, tmp, s.Source, req); err != nil {
		return Written{}, err
	}
	size, err := tmp.Seek(0, io.SeekCurrent)
	if err != nil {
		return Written{}, err
	}
	if _, err := tmp.Seek(0, io.SeekStart); err != nil {
		return Written{}, err
	}
	from := req.From.In(req.Zone)
	key := req.Seller + "/" + from.Format("2006-01") + "/" + FileName(req)
	loc, err := s.Sink.Put(ctx, key, tmp)
	if err != nil {
		return Written{}, err
	}
	last := req.To.In(req.Zone).Add(-time.Nanosecond)
	w := Written{Seller: req.Seller, Kind: req.Kind, Format: req.Format, Lang: req.Lang, From: from.Format("2006-01-02"),
		To: last.Format("2006-01-02"), Key: key, Location: loc, Bytes: size}
	if s.Log != nil {
		s.Log.Info("report written", "seller", w.Seller, "kind", w.Kind, "format", w.Format, "from", w.From, "to", w.To,
			"key", key, "bytes", size, "ms", time.Since(start).Milliseconds())
	}
	return w, nil
}
