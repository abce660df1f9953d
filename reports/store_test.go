package reports

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/bolt"
	"github.com/agentiq/agentiq/shared/ingest"
	"github.com/agentiq/agentiq/shared/storetest"
)

// StoreSource reads the same records from the embedded store as the
// in-memory source holds, for any period, a page at a time.
func TestStoreSourceBolt(t *testing.T) {
	ctx := context.Background()
	st, err := bolt.Open(bolt.Config{Path: filepath.Join(t.TempDir(), "agentiq.db"),
		Ingest: ingest.Options{Pseudonyms: storetest.Pseudonyms()}})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.PutSeller(ctx, agentiq.Seller{ID: seller, Name: "Тест", Active: true, CreatedAt: periodLo}); err != nil {
		t.Fatal(err)
	}
	f := cleanFixture()
	for _, e := range sortedEntries(f.entries) {
		if _, err := st.Append(ctx, seller, e); err != nil {
			t.Fatal(err)
		}
	}
	mem := f.source()
	src := NewStoreSource(st)
	src.PageSize = 7
	for _, p := range [][2]time.Time{
		{periodLo, periodHi},
		{time.Date(2026, 11, 10, 0, 0, 0, 0, msk), time.Date(2026, 11, 11, 0, 0, 0, 0, msk)},
		{time.Date(2026, 11, 10, 11, 0, 0, 0, msk), time.Date(2026, 11, 10, 11, 0, 0, 1, msk)},
		{time.Date(2025, 1, 1, 0, 0, 0, 0, msk), time.Date(2025, 2, 1, 0, 0, 0, 0, msk)},
		{time.Date(2027, 1, 1, 0, 0, 0, 0, msk), time.Date(2027, 2, 1, 0, 0, 0, 0, msk)},
	} {
		var want, got []int64
		_ = mem.Audit(ctx, seller, p[0], p[1], func(r agentiq.AuditRecord) error { want = append(want, r.Seq); return nil })
		if err := src.Audit(ctx, seller, p[0], p[1], func(r agentiq.AuditRecord) error { got = append(got, r.Seq); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) || (len(got) > 0 && (got[0] != want[0] || got[len(got)-1] != want[len(want)-1])) {
			t.Errorf("%v–%v: store gives %d records, memory %d", p[0], p[1], len(got), len(want))
		}
	}
	// the store has no consent register yet: the report says so by being empty
	n := 0
	if err := src.ConsentEvents(ctx, seller, registerSince, periodHi, func(agentiq.ConsentEvent) error { n++; return nil }); err != nil || n != 0 {
		t.Errorf("consent events %d, %v", n, err)
	}
}
