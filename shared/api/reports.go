package api

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/aws/aws-lambda-go/events"

	agentiq "github.com/agentiq/agentiq/shared"
)

// The officer's on-demand reports: a request records a job and starts it
// (in the cloud the ReporterFunction, invoked asynchronously; locally a
// goroutine of agentiq api); polling the job gives its status and, when
// done, a download URL.

// ReportStarter starts a recorded report job and returns without waiting
// for it.
type ReportStarter interface {
	StartReport(ctx context.Context, j agentiq.ReportJob) error
}

// Presigner makes short-lived download URLs of the reports bucket
// (s3store.Bucket).
type Presigner interface {
	Presign(ctx context.Context, key string, ttl time.Duration) (string, error)
}

// Reporting is how the API runs reports and hands them out: Downloads in
// the cloud, Dir locally (the folder the local runner writes to, whose
// files GET …/reports/{id}/file serves). Without a Starter the report
// routes answer 503.
type Reporting struct {
	Starter   ReportStarter
	Downloads Presigner
	Dir       string
}

// DownloadTTL is how long a presigned download URL works.
const DownloadTTL = 15 * time.Minute

// ReportRequest is an officer's request for a report. Dates are
// YYYY-MM-DD in the seller's time zone; to is inclusive.
type ReportRequest struct {
	Kind   string `json:"kind"`
	Format string `json:"format"`
	From   string `json:"from"`
	To     string `json:"to"`
	Lang   string `json:"lang"`
}

// ReportStatus is a report job as the officer sees it.
type ReportStatus struct {
	ID          string               `json:"id"`
	Kind        string               `json:"kind"`
	Format      string               `json:"format"`
	From        string               `json:"from"`
	To          string               `json:"to"`
	Lang        string               `json:"lang"`
	Status      agentiq.ReportStatus `json:"status"`
	RequestedBy string               `json:"requested_by"`
	CreatedAt   time.Time            `json:"created_at"`
	UpdatedAt   time.Time            `json:"updated_at"`
	Bytes       int64                `json:"bytes,omitempty"`
	Error       string               `json:"error,omitempty"`
	// ExpiresAt is when the report, and this job with it, is deleted.
	ExpiresAt *time.Time `json:"expires_at,omitempty"`
	// DownloadURL is set once the report is done: a presigned URL in the
	// cloud (until DownloadExpiresAt), agentiq api's file route locally.
	DownloadURL       string     `json:"download_url,omitempty"`
	DownloadExpiresAt *time.Time `json:"download_expires_at,omitempty"`
}

// maxReportDays bounds a report's period.
const maxReportDays = 400

func (b *ReportRequest) check() error {
	switch {
	case b.Kind != "audit" && b.Kind != "consent":
		return apiErr(400, "invalid_request", "kind must be audit or consent.")
	case b.Format != "xlsx" && b.Format != "pdf":
		return apiErr(400, "invalid_request", "format must be xlsx or pdf.")
	}
	if b.Lang == "" {
		b.Lang = "ru"
	}
	if b.Lang != "ru" && b.Lang != "en" {
		return apiErr(400, "invalid_request", "lang must be ru or en.")
	}
	from, err1 := time.Parse(time.DateOnly, b.From)
	to, err2 := time.Parse(time.DateOnly, b.To)
	switch {
	case err1 != nil || err2 != nil:
		return apiErr(400, "invalid_request", "from and to must be dates, as 2026-11-01 (to is inclusive).")
	case to.Before(from):
		return apiErr(400, "invalid_request", "The period ends before it starts.")
	case to.Sub(from) > maxReportDays*24*time.Hour:
		return apiErr(400, "invalid_request", fmt.Sprintf("The period is longer than %d days; ask for it in parts.", maxReportDays))
	}
	return nil
}

// reportJobID derives a job's id from the request's idempotency key, so
// that a retry whose first answer was lost finds the same job.
func reportJobID(seller, key string) string {
	h := sha256.Sum256([]byte(seller + "\x00" + key))
	return "rep-" + hex.EncodeToString(h[:12])
}

func (h *Handler) createReport(ctx context.Context, r *request) (int, any, error) {
	var b ReportRequest
	if err := decode(r.body, &b); err != nil {
		return 0, nil, err
	}
	if err := b.check(); err != nil {
		return 0, nil, err
	}
	rep := h.cfg.Reporting
	if rep.Starter == nil {
		return 0, nil, apiErr(503, "reports_unavailable", "This deployment runs no reports on request.")
	}
	now := h.cfg.Now().UTC()
	j := agentiq.ReportJob{SellerID: r.seller.ID, ID: reportJobID(r.seller.ID, header(r.ev, IdempotencyHeader)), Kind: b.Kind,
		Format: b.Format, From: b.From, To: b.To, Lang: b.Lang, Status: agentiq.ReportQueued, RequestedBy: r.who.sub,
		CreatedAt: now, UpdatedAt: now}
	err := h.cfg.Store.PutReportJob(ctx, j)
	if errors.Is(err, agentiq.ErrExists) { // a retry: the job is under way
		if j, err = h.cfg.Store.ReportJob(ctx, r.seller.ID, j.ID); err != nil {
			return 0, nil, internal(err)
		}
		return 202, h.reportStatus(ctx, r, j), nil
	}
	if err != nil {
		return 0, nil, err
	}
	if err := rep.Starter.StartReport(ctx, j); err != nil {
		j.Status, j.Error, j.UpdatedAt = agentiq.ReportFailed, "the report could not be started; ask again with a new Idempotency-Key", h.cfg.Now().UTC()
		if _, uerr := h.cfg.Store.UpdateReportJob(ctx, j); uerr != nil {
			h.cfg.Logger.Error("report job not marked failed", "job", j.ID, "error", uerr.Error())
		}
		return 0, nil, internal(fmt.Errorf("start report job %s: %w", j.ID, err))
	}
	return 202, h.reportStatus(ctx, r, j), nil
}

func (h *Handler) job(ctx context.Context, r *request) (agentiq.ReportJob, error) {
	j, err := h.cfg.Store.ReportJob(ctx, r.seller.ID, r.params["id"])
	if errors.Is(err, agentiq.ErrNotFound) {
		return j, apiErr(404, "unknown_report", "The seller has no report job with this id.")
	}
	if err != nil {
		return j, internal(err)
	}
	return j, nil
}

func (h *Handler) getReport(ctx context.Context, r *request) (int, any, error) {
	j, err := h.job(ctx, r)
	if err != nil {
		return 0, nil, err
	}
	return 200, h.reportStatus(ctx, r, j), nil
}

// reportStatus shows a job; a done one with where to download it. A
// failure to presign is logged and the URL left out: the next poll tries
// again.
func (h *Handler) reportStatus(ctx context.Context, r *request, j agentiq.ReportJob) ReportStatus {
	out := ReportStatus{ID: j.ID, Kind: j.Kind, Format: j.Format, From: j.From, To: j.To, Lang: j.Lang, Status: j.Status,
		RequestedBy: j.RequestedBy, CreatedAt: j.CreatedAt, UpdatedAt: j.UpdatedAt, Bytes: j.Bytes, Error: j.Error}
	if !j.ExpiresAt.IsZero() {
		out.ExpiresAt = &j.ExpiresAt
	}
	if j.Status != agentiq.ReportDone {
		return out
	}
	rep := h.cfg.Reporting
	switch {
	case rep.Downloads != nil:
		u, err := rep.Downloads.Presign(ctx, j.Key, DownloadTTL)
		if err != nil {
			h.cfg.Logger.Error("presign report", "job", j.ID, "error", err.Error())
			return out
		}
		exp := h.cfg.Now().UTC().Add(DownloadTTL).Truncate(time.Second)
		out.DownloadURL, out.DownloadExpiresAt = u, &exp
	case rep.Dir != "":
		out.DownloadURL = baseURL(r) + "/v1/sellers/" + j.SellerID + "/reports/" + j.ID + "/file"
	}
	return out
}

// baseURL is the scheme and host the request came to (agentiq api).
func baseURL(r *request) string {
	host := r.ev.RequestContext.DomainName
	if host == "" {
		host = header(r.ev, "host")
	}
	if host == "" {
		return ""
	}
	scheme := "http"
	if p := header(r.ev, "x-forwarded-proto"); p == "https" {
		scheme = p
	}
	return scheme + "://" + host
}

// contentTypes of the reports' formats.
var contentTypes = map[string]string{
	"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	"pdf":  "application/pdf",
}

// reportFile serves a finished report from the local reports folder
// (agentiq api); in the cloud reports are downloaded from S3.
func (h *Handler) reportFile(ctx context.Context, r *request) (int, any, error) {
	dir := h.cfg.Reporting.Dir
	if dir == "" {
		return 0, nil, apiErr(404, "not_found", "Reports are downloaded from the presigned URL their status gives.")
	}
	j, err := h.job(ctx, r)
	if err != nil {
		return 0, nil, err
	}
	if j.Status != agentiq.ReportDone {
		return 0, nil, apiErr(409, "report_not_ready", fmt.Sprintf("The report is %s, not done.", j.Status))
	}
	// The key is the writer's; it must still lie in the seller's folder.
	if !strings.HasPrefix(j.Key, j.SellerID+"/") || strings.Contains(j.Key, "..") || path.Clean(j.Key) != j.Key {
		return 0, nil, internal(fmt.Errorf("report job %s: key %q outside the seller's folder", j.ID, j.Key))
	}
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(j.Key)))
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil, apiErr(410, "report_gone", "The report's file is no longer there; ask for the report again.")
	}
	if err != nil {
		return 0, nil, internal(err)
	}
	ct := contentTypes[j.Format]
	if ct == "" {
		ct = "application/octet-stream"
	}
	return 200, events.APIGatewayV2HTTPResponse{StatusCode: 200, IsBase64Encoded: true, Body: base64.StdEncoding.EncodeToString(data),
		Headers: map[string]string{"Content-Type": ct, "Cache-Control": "no-store",
			"Content-Disposition": `attachment; filename="` + path.Base(j.Key) + `"`}}, nil
}
