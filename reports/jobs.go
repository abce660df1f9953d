package reports

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
)

// JobStore keeps the report jobs the API records (agentiq.ReportJobStore).
type JobStore interface {
	ReportJob(ctx context.Context, seller, id string) (agentiq.ReportJob, error)
	UpdateReportJob(ctx context.Context, j agentiq.ReportJob) (agentiq.ReportJob, error)
}

// RunJob writes the report a recorded job asks for and records how it
// went: running, then done (with where the report is) or failed (with
// why). The job's record, not the caller, says what to write. A job
// already finished is returned as it is — an asynchronous invoke may be
// delivered twice — and so is one another run has just finished. A
// finished job expires with its report (Service.Retention).
func (s *Service) RunJob(ctx context.Context, seller, id string) (agentiq.ReportJob, error) {
	if s.Jobs == nil {
		return agentiq.ReportJob{}, fmt.Errorf("%w: report job %s: no job store configured", ErrRequest, id)
	}
	j, err := s.Jobs.ReportJob(ctx, seller, id)
	if err != nil {
		if errors.Is(err, agentiq.ErrNotFound) {
			return j, fmt.Errorf("%w: seller %s has no report job %s", ErrRequest, seller, id)
		}
		return j, fmt.Errorf("report job %s: %w", id, err)
	}
	if j.Status.Final() {
		return j, nil
	}
	now := s.now()
	j.Status, j.UpdatedAt = agentiq.ReportRunning, now
	if j, err = s.Jobs.UpdateReportJob(ctx, j); err != nil {
		return s.settled(ctx, j, err)
	}
	w, werr := s.One(ctx, Job{Seller: j.SellerID, Kind: Kind(j.Kind), Format: Format(j.Format), From: j.From, To: j.To, Lang: Lang(j.Lang)})
	if werr != nil {
		j.Status, j.Error = agentiq.ReportFailed, werr.Error()
		if s.Log != nil {
			s.Log.Error("report job failed", "seller", j.SellerID, "job", j.ID, "error", werr.Error())
		}
	} else {
		j.Status, j.Key, j.Location, j.Bytes = agentiq.ReportDone, w.Key, w.Location, w.Bytes
	}
	j.UpdatedAt = s.now()
	if s.Retention > 0 {
		j.ExpiresAt = j.UpdatedAt.Add(s.Retention)
	}
	if j, err = s.Jobs.UpdateReportJob(context.WithoutCancel(ctx), j); err != nil {
		return s.settled(ctx, j, err)
	}
	if werr != nil {
		return j, werr
	}
	return j, nil
}

// settled answers a conflict on a job's record: another run finished it.
func (s *Service) settled(ctx context.Context, j agentiq.ReportJob, err error) (agentiq.ReportJob, error) {
	if errors.Is(err, agentiq.ErrConflict) {
		if cur, rerr := s.Jobs.ReportJob(ctx, j.SellerID, j.ID); rerr == nil && cur.Status.Final() {
			return cur, nil
		}
	}
	return j, fmt.Errorf("report job %s: %w", j.ID, err)
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now().UTC()
	}
	return time.Now().UTC()
}

// Background runs report jobs in this process, one goroutine each: the
// local server's (agentiq api) stand-in for invoking the ReporterFunction.
type Background struct {
	Service *Service
	// Finished, when set, is told each job as it ends (tests wait on it).
	Finished func(agentiq.ReportJob)
	wg       sync.WaitGroup
}

// StartReport starts a recorded job and returns at once. The job outlives
// the request that started it (its context's values are kept, its
// cancellation is not).
func (b *Background) StartReport(ctx context.Context, j agentiq.ReportJob) error {
	b.wg.Add(1)
	go func() {
		defer b.wg.Done()
		done, err := b.Service.RunJob(context.WithoutCancel(ctx), j.SellerID, j.ID)
		if err != nil && b.Service.Log != nil {
			b.Service.Log.Warn("report job", "job", j.ID, "status", done.Status, "error", err.Error())
		}
		if b.Finished != nil {
			b.Finished(done)
		}
	}()
	return nil
}

// Wait waits for the jobs started so far.
func (b *Background) Wait() { b.wg.Wait() }
