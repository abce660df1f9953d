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
