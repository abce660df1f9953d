package reports

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/bolt"
)

func jobService(t *testing.T) (*Service, *bolt.Store) {
	t.Helper()
	s, _ := service(t)
	st := s.Sellers.(*bolt.Store)
	s.Jobs = st
	return s, st
}

func queue(t *testing.T, st *bolt.Store, id, kind, format, from, to string) {
	t.Helper()
	j := agentiq.ReportJob{SellerID: seller, ID: id, Kind: kind, Format: format, From: from, To: to, Lang: "ru",
		Status: agentiq.ReportQueued, RequestedBy: "olga", CreatedAt: periodHi, UpdatedAt: periodHi}
	if err := st.PutReportJob(context.Background(), j); err != nil {
		t.Fatal(err)
	}
}

// TestRunJob: a job the API recorded is run from its record (the invoke
// names only the job), ends done with where the report is, or failed with
// why; a finished job is not run again.
func TestRunJob(t *testing.T) {
	ctx := context.Background()
	s, st := jobService(t)
	s.Retention = 400 * 24 * time.Hour
	queue(t, st, "rep-ok", "audit", "xlsx", "2026-11-01", "2026-11-30")
	queue(t, st, "rep-bad", "consent", "pdf", "2026-11-30", "2026-11-01")
	tests := []struct {
		id      string
		status  agentiq.ReportStatus
		errPart string
	}{
		{"rep-ok", agentiq.ReportDone, ""},
		{"rep-bad", agentiq.ReportFailed, "before it starts"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			ev, _ := json.Marshal(map[string]string{"seller": seller, "job_id": tt.id})
			res, err := s.Handle(ctx, ev)
			if (err != nil) != (tt.errPart != "") {
				t.Fatalf("handle: %+v, %v", res, err)
			}
			j, err := st.ReportJob(ctx, seller, tt.id)
			if err != nil {
				t.Fatal(err)
			}
			if j.Status != tt.status || !strings.Contains(j.Error, tt.errPart) || !j.UpdatedAt.After(periodHi) {
				t.Fatalf("job %+v", j)
			}
			// It expires with its report, the bucket's retention after it ended.
			if !j.ExpiresAt.Equal(j.UpdatedAt.Add(s.Retention)) {
				t.Errorf("job ends %s, expires %s; want %s later", j.UpdatedAt, j.ExpiresAt, s.Retention)
			}
			if tt.status == agentiq.ReportDone {
				data, err := os.ReadFile(j.Location)
				if err != nil || int64(len(data)) != j.Bytes || !bytes.HasPrefix(data, []byte("PK")) || !strings.HasSuffix(j.Key, ".xlsx") {
					t.Errorf("report %s (%d bytes): %v", j.Location, j.Bytes, err)
				}
			}
			// Delivered again (an async invoke's retry): nothing is redone.
			if _, err := s.RunJob(ctx, seller, tt.id); err != nil {
				t.Errorf("again: %v", err)
			}
			if again, _ := st.ReportJob(ctx, seller, tt.id); !again.UpdatedAt.Equal(j.UpdatedAt) {
				t.Errorf("a finished job was run again: %+v", again)
			}
		})
	}
	if _, err := s.RunJob(ctx, seller, "rep-none"); !errors.Is(err, ErrRequest) {
		t.Errorf("unknown job: %v", err)
	}
	if _, err := s.RunJob(ctx, "dormant", "rep-ok"); !errors.Is(err, ErrRequest) {
		t.Errorf("another seller's job: %v", err)
	}
}

// TestBackground: jobs started in the process end and say so.
func TestBackground(t *testing.T) {
	s, st := jobService(t)
	queue(t, st, "rep-pdf", "consent", "pdf", "2026-11-01", "2026-11-30")
	done := make(chan agentiq.ReportJob, 1)
	b := &Background{Service: s, Finished: func(j agentiq.ReportJob) { done <- j }}
	ctx, cancel := context.WithCancel(context.Background())
	if err := b.StartReport(ctx, agentiq.ReportJob{SellerID: seller, ID: "rep-pdf"}); err != nil {
		t.Fatal(err)
	}
	cancel() // the request that started it is over; the job goes on
	select {
	case j := <-done:
		data, err := os.ReadFile(j.Location)
		if j.Status != agentiq.ReportDone || err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
			t.Errorf("job %+v: %v", j, err)
		}
	case <-time.After(time.Minute):
		t.Fatal("the job never finished")
	}
	b.Wait()
}
