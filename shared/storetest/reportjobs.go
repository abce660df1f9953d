package storetest

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
)

func testReportJobs(t *testing.T, open Factory) {
	now := T0
	s := newStore(t, open, Config{Now: func() time.Time { return now }}, "s1", "s2")
	j := agentiq.ReportJob{SellerID: "s1", ID: "rep-1", Kind: "audit", Format: "xlsx", From: "2026-11-01", To: "2026-11-30",
		Lang: "ru", Status: agentiq.ReportQueued, RequestedBy: "olga", CreatedAt: T0, UpdatedAt: T0}
	_, err := s.ReportJob(ctx, "s1", j.ID)
	wantErr(t, err, agentiq.ErrNotFound)
	_, err = s.UpdateReportJob(ctx, j)
	wantErr(t, err, agentiq.ErrNotFound)
	must(t, s.PutReportJob(ctx, j))
	got, err := s.ReportJob(ctx, "s1", j.ID)
	must(t, err)
	if got.Status != agentiq.ReportQueued || got.RequestedBy != "olga" || got.To != "2026-11-30" || !got.CreatedAt.Equal(T0) {
		t.Errorf("job %+v", got)
	}
	// The id is taken: nothing is replaced.
	other := j
	other.Kind = "consent"
	wantErr(t, s.PutReportJob(ctx, other), agentiq.ErrExists)
	if got, _ := s.ReportJob(ctx, "s1", j.ID); got.Kind != "audit" {
		t.Errorf("a second put replaced the job: %+v", got)
	}
	// Jobs are per seller.
	_, err = s.ReportJob(ctx, "s2", j.ID)
	wantErr(t, err, agentiq.ErrNotFound)
	wantErr(t, s.PutReportJob(ctx, agentiq.ReportJob{SellerID: "nobody", ID: "x", Status: agentiq.ReportQueued, CreatedAt: T0}), agentiq.ErrUnknownSeller)
	// Bad input writes nothing.
	for _, bad := range []agentiq.ReportJob{
		{SellerID: "s1", ID: "", Status: agentiq.ReportQueued, CreatedAt: T0},
		{SellerID: "s1", ID: "a b", Status: agentiq.ReportQueued, CreatedAt: T0},
		{SellerID: "s1", ID: "rep-2", Status: "lost", CreatedAt: T0},
		{SellerID: "s1", ID: "rep-2", Status: agentiq.ReportQueued},
		{SellerID: "s1", ID: "rep-2", Status: agentiq.ReportQueued, CreatedAt: T0, Error: "\xff"},
	} {
		wantErr(t, s.PutReportJob(ctx, bad), agentiq.ErrInvalid)
	}
	_, err = s.ReportJob(ctx, "s1", "rep-2")
	wantErr(t, err, agentiq.ErrNotFound)

	// queued → running → done; then it never changes.
	run := j
	run.Status, run.UpdatedAt = agentiq.ReportRunning, T0.Add(time.Second)
	_, err = s.UpdateReportJob(ctx, run)
	must(t, err)
	done := run
	done.Status, done.Key, done.Location, done.Bytes, done.UpdatedAt = agentiq.ReportDone, "s1/2026-11/r.xlsx", "s3://b/s1/2026-11/r.xlsx", 4096, T0.Add(time.Minute)
	_, err = s.UpdateReportJob(ctx, done)
	must(t, err)
	got, err = s.ReportJob(ctx, "s1", j.ID)
	must(t, err)
	if got.Status != agentiq.ReportDone || got.Key != done.Key || got.Bytes != 4096 || !got.UpdatedAt.Equal(done.UpdatedAt) {
		t.Errorf("done job %+v", got)
	}
	_, err = s.UpdateReportJob(ctx, run)
	wantErr(t, err, agentiq.ErrConflict)
	if got, _ := s.ReportJob(ctx, "s1", j.ID); got.Status != agentiq.ReportDone {
		t.Errorf("a finished job changed: %+v", got)
	}

	// A finished job with a retention is gone once it passes, as its
	// report is: the API answers 404 instead of a link to nothing.
	kept := agentiq.ReportJob{SellerID: "s1", ID: "rep-kept", Status: agentiq.ReportRunning, CreatedAt: T0, UpdatedAt: T0}
	must(t, s.PutReportJob(ctx, kept))
	kept.Status, kept.Key, kept.ExpiresAt = agentiq.ReportDone, "s1/k.pdf", T0.Add(400*24*time.Hour)
	_, err = s.UpdateReportJob(ctx, kept)
	must(t, err)
	now = T0.Add(399 * 24 * time.Hour)
	if got, err := s.ReportJob(ctx, "s1", kept.ID); err != nil || !got.ExpiresAt.Equal(kept.ExpiresAt) {
		t.Errorf("a job within its retention: %+v, %v", got, err)
	}
	now = T0.Add(400 * 24 * time.Hour)
	_, err = s.ReportJob(ctx, "s1", kept.ID)
	wantErr(t, err, agentiq.ErrNotFound)
	_, err = s.UpdateReportJob(ctx, kept)
	wantErr(t, err, agentiq.ErrNotFound)
	// A job with no retention stays.
	if _, err := s.ReportJob(ctx, "s1", j.ID); err != nil {
		t.Errorf("a job without retention expired: %v", err)
	}
	now = T0

	// Concurrent finishers of one running job: the first wins, the
	// others conflict.
	r := agentiq.ReportJob{SellerID: "s1", ID: "rep-race", Status: agentiq.ReportRunning, CreatedAt: T0, UpdatedAt: T0}
	must(t, s.PutReportJob(ctx, r))
	var wg sync.WaitGroup
	var won atomic.Int64
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f := r
			f.Status, f.Bytes = agentiq.ReportFailed, int64(w+1)
			if w%2 == 0 {
				f.Status = agentiq.ReportDone
			}
			if _, err := s.UpdateReportJob(ctx, f); err == nil {
				won.Add(1)
			}
		}()
	}
	wg.Wait()
	// The bolt store serialises writes, so exactly one wins; DynamoDB's
	// conditional put likewise.
	if won.Load() != 1 {
		t.Errorf("%d finishers won, want 1", won.Load())
	}
}
