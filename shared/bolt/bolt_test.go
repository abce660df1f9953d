package bolt_test

import (
	"path/filepath"
	"testing"

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
