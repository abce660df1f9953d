package bolt_test

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/bolt"
	"github.com/agentiq/agentiq/shared/ingest"
	"github.com/agentiq/agentiq/shared/storetest"
)

func open(t *testing.T, c storetest.Config) storetest.Store {
	s, err := bolt.Open(bolt.Config{
		Path:      filepath.Join(t.TempDir(), "agentiq.db"),
		Ingest:    ingest.Options{Pseudonyms: storetest.Pseudonyms(), MaxTxnItems: c.MaxTxnItems},
		Now:       c.Now,
		BeforeTxn: c.BeforeTxn,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestContract runs the store contract against the embedded store.
func TestContract(t *testing.T) { storetest.Run(t, open) }

// Letting go of the mapped pages loses nothing: what was read before is
// read again from the file, and writes go on.
func TestReleasePages(t *testing.T) {
	ctx := context.Background()
	s, err := bolt.Open(bolt.Config{Path: filepath.Join(t.TempDir(), "agentiq.db"), Ingest: ingest.Options{Pseudonyms: storetest.Pseudonyms()}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.PutSeller(ctx, agentiq.Seller{ID: "s1", Active: true, CreatedAt: storetest.T0}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 50; i++ {
		if _, err := s.Append(ctx, "s1", agentiq.AuditEntry{At: storetest.T0.Add(time.Duration(i) * time.Second), Kind: "decision",
			Data: json.RawMessage(fmt.Sprintf(`{"n":%d,"pad":%q}`, i, strings.Repeat("я", 500)))}); err != nil {
			t.Fatal(err)
		}
	}
	before, err := s.AuditSeq(ctx, "s1", 1, 50)
	if err != nil {
		t.Fatal(err)
	}
	for round := 0; round < 3; round++ {
		if err := s.ReleasePages(); err != nil {
			t.Fatal(err)
		}
		after, err := s.AuditSeq(ctx, "s1", 1, 50)
		if err != nil || len(after) != 50 || agentiq.VerifyChain(agentiq.AuditRecord{}, after) != nil || after[49].Hash != before[49].Hash {
			t.Fatalf("round %d: %d records, %v", round, len(after), err)
		}
		if _, err := s.Append(ctx, "s1", agentiq.AuditEntry{At: storetest.T0.Add(time.Hour), Kind: "decision"}); err != nil {
			t.Fatal(err)
		}
	}
}

// Expire deletes a finished report job once its retention passes, as
// DynamoDB's TTL does, and leaves the others.
func TestExpireReportJobs(t *testing.T) {
	ctx := context.Background()
	now := storetest.T0
	s, err := bolt.Open(bolt.Config{Path: filepath.Join(t.TempDir(), "agentiq.db"), Ingest: ingest.Options{Pseudonyms: storetest.Pseudonyms()},
		Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.PutSeller(ctx, agentiq.Seller{ID: "s1", Active: true, CreatedAt: now}); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"old", "kept"} {
		j := agentiq.ReportJob{SellerID: "s1", ID: id, Status: agentiq.ReportRunning, CreatedAt: now, UpdatedAt: now}
		if err := s.PutReportJob(ctx, j); err != nil {
			t.Fatal(err)
		}
		j.Status = agentiq.ReportDone
		if id == "old" {
			j.ExpiresAt = now.Add(24 * time.Hour)
		}
		if _, err := s.UpdateReportJob(ctx, j); err != nil {
			t.Fatal(err)
		}
	}
	now = now.Add(25 * time.Hour)
	if n, err := s.Expire(ctx); err != nil || n != 1 {
		t.Fatalf("expired %d, %v; want 1", n, err)
	}
	stored := 0
	if err := s.Dump(ctx, func(where string, v []byte) error {
		if strings.HasPrefix(where, "report_jobs") {
			stored++
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if stored != 1 {
		t.Errorf("%d report jobs stored after expiry, want 1 (kept)", stored)
	}
}
