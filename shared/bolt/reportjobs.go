package bolt

import (
	"context"
	"fmt"

	bbolt "go.etcd.io/bbolt"

	agentiq "github.com/agentiq/agentiq/shared"
)

// bReportJobs holds the report jobs requested through the API: seller,
// job id → job.
var bReportJobs = []byte("report_jobs")

// PutReportJob stores a new job; ErrExists if the id is taken.
func (s *Store) PutReportJob(ctx context.Context, j agentiq.ReportJob) error {
	if err := j.Validate(); err != nil {
		return err
	}
	return s.update(ctx, func(tx *bbolt.Tx) error {
		if err := knownSeller(tx, j.SellerID); err != nil {
			return err
		}
		b := tx.Bucket(bReportJobs)
		k := key(j.SellerID, j.ID)
		if b.Get(k) != nil {
			return fmt.Errorf("report job %s: %w", j.ID, agentiq.ErrExists)
		}
		return put(b, k, j)
	})
}

// ReportJob returns a job; one past its retention is gone, as Expire
// would have deleted it.
func (s *Store) ReportJob(ctx context.Context, seller, id string) (agentiq.ReportJob, error) {
	j, err := one[agentiq.ReportJob](ctx, s, bReportJobs, key(seller, id), "report job "+id)
	if err == nil && j.Expired(s.cfg.Now()) {
		return agentiq.ReportJob{}, fmt.Errorf("report job %s: %w", id, agentiq.ErrNotFound)
	}
	return j, err
}

// UpdateReportJob replaces a job that is not finished.
func (s *Store) UpdateReportJob(ctx context.Context, j agentiq.ReportJob) (agentiq.ReportJob, error) {
	if err := j.Validate(); err != nil {
		return j, err
	}
	err := s.update(ctx, func(tx *bbolt.Tx) error {
		b := tx.Bucket(bReportJobs)
		k := key(j.SellerID, j.ID)
		prior, ok, err := get[agentiq.ReportJob](b, k)
		switch {
		case err != nil:
			return err
		case !ok:
			return fmt.Errorf("report job %s: %w", j.ID, agentiq.ErrNotFound)
		case prior.Expired(s.cfg.Now()):
			return fmt.Errorf("report job %s: %w", j.ID, agentiq.ErrNotFound)
		case prior.Status.Final():
			return fmt.Errorf("report job %s is %s: %w", j.ID, prior.Status, agentiq.ErrConflict)
		}
		if !j.ExpiresAt.IsZero() {
			if err := expireAt(tx, j.ExpiresAt, bReportJobs, k); err != nil {
				return err
			}
		}
		return put(b, k, j)
	})
	return j, err
}
