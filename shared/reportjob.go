package agentiq

import (
	"context"
	"fmt"
	"time"
	"unicode/utf8"
)

// ReportStatus is where a requested report is.
type ReportStatus string

// Report job statuses: queued → running → done or failed. done and failed
// are final.
const (
	ReportQueued  ReportStatus = "queued"
	ReportRunning ReportStatus = "running"
	ReportDone    ReportStatus = "done"
	ReportFailed  ReportStatus = "failed"
)

// Final reports whether a job in this status never changes again.
func (s ReportStatus) Final() bool { return s == ReportDone || s == ReportFailed }

// Valid reports whether s is a status.
func (s ReportStatus) Valid() bool {
	return s == ReportQueued || s == ReportRunning || s.Final()
}

// ReportJob is a report a compliance officer asked for through the API,
// and how far it got. The report itself lives in the reports bucket (or
// folder) under Key.
type ReportJob struct {
	SellerID    string       `json:"seller_id"`
	ID          string       `json:"id"`
	Kind        string       `json:"kind"`   // audit or consent
	Format      string       `json:"format"` // xlsx or pdf
	From        string       `json:"from"`   // YYYY-MM-DD, the seller's time zone
	To          string       `json:"to"`     // inclusive
	Lang        string       `json:"lang"`
	Status      ReportStatus `json:"status"`
	RequestedBy string       `json:"requested_by"` // the officer's sub
	Key         string       `json:"key,omitempty"`
	Location    string       `json:"location,omitempty"` // where the writer put it (a path or s3:// URL)
	Bytes       int64        `json:"bytes,omitempty"`
	Error       string       `json:"error,omitempty"` // why it failed
	CreatedAt   time.Time    `json:"created_at"`
	UpdatedAt   time.Time    `json:"updated_at"`
	// ExpiresAt, set when the job finishes, is when its report leaves the
	// reports bucket (the bucket's lifecycle); the job's record goes with
	// it, so no job points at a report that is gone. Zero: kept.
	ExpiresAt time.Time `json:"expires_at,omitempty"`
}

// Expired reports whether the job's retention has passed at now.
func (j ReportJob) Expired(now time.Time) bool {
	return !j.ExpiresAt.IsZero() && !j.ExpiresAt.After(now)
}

// Validate checks a job before it is stored.
func (j ReportJob) Validate() error {
	switch {
	case j.SellerID == "" || !recordIDRe.MatchString(j.ID):
		return fmt.Errorf("%w: a report job needs a seller and an id of 1–128 letters, digits, _ . : -", ErrInvalid)
	case !j.Status.Valid():
		return fmt.Errorf("%w: report job status %q", ErrInvalid, j.Status)
	case j.CreatedAt.IsZero():
		return fmt.Errorf("%w: a report job needs a creation time", ErrInvalid)
	}
	for _, s := range []string{j.Kind, j.Format, j.From, j.To, j.Lang, j.RequestedBy, j.Key, j.Location, j.Error} {
		if !utf8.ValidString(s) || len(s) > 4096 {
			return fmt.Errorf("%w: report job %s: a field is not valid UTF-8 or longer than 4096 bytes", ErrInvalid, j.ID)
		}
	}
	return nil
}

// ReportJobStore keeps the report jobs requested through the API.
type ReportJobStore interface {
	// PutReportJob stores a new job; ErrExists if the seller has a job
	// with its id (nothing is written).
	PutReportJob(ctx context.Context, j ReportJob) error
	// ReportJob returns a job (ErrNotFound if the seller has none with
	// that id, or its retention has passed).
	ReportJob(ctx context.Context, seller, id string) (ReportJob, error)
	// UpdateReportJob replaces a job's record and returns it:
	// ErrNotFound if there is none, ErrConflict if the stored job is
	// already done or failed (a finished job never changes, so a retried
	// run cannot undo it).
	UpdateReportJob(ctx context.Context, j ReportJob) (ReportJob, error)
}
