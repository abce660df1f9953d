package storetest

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
)

func testReportJobs(t *testing.T, open Factory) {
	s := newStore(t, open, Config{}, "s1", "s2")
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
