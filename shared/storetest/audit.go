package storetest

import (
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/auditchain"
)

func entry(i int) agentiq.AuditEntry {
	data, _ := json.Marshal(map[string]any{"decision": "allow", "n": i})
	return agentiq.AuditEntry{At: T0.Add(time.Duration(i) * time.Minute), Kind: "decision", Ref: fmt.Sprintf("d-%d", i), Data: data}
}

func testAuditChain(t *testing.T, open Factory) {
	s := newStore(t, open, Config{})
	head, err := s.AuditHead(ctx, "s1")
	must(t, err)
	if head.Seq != 0 {
		t.Fatalf("empty chain head %d", head.Seq)
	}
	for i := 1; i <= 5; i++ {
		r, err := s.Append(ctx, "s1", entry(i))
		must(t, err)
		if r.Seq != int64(i) {
			t.Fatalf("record %d got seq %d", i, r.Seq)
		}
	}
	all, err := s.AuditSeq(ctx, "s1", 1, 5)
	must(t, err)
	if err := agentiq.VerifyChain(agentiq.AuditRecord{}, all); err != nil {
		t.Fatal(err)
	}
	mid, err := s.AuditSeq(ctx, "s1", 3, 4)
	must(t, err)
	if len(mid) != 2 || mid[0].Seq != 3 {
		t.Errorf("records 3..4: %+v", mid)
	}
	if err := agentiq.VerifyChain(all[1], mid); err != nil {
		t.Errorf("a stretch from the middle: %v", err)
	}
	// minutes 2, 3 and 4 fall in [T0+2m, T0+5m)
	between, err := s.AuditBetween(ctx, "s1", T0.Add(2*time.Minute), T0.Add(5*time.Minute))
	must(t, err)
	if len(between) != 3 || between[0].Seq != 2 || between[2].Seq != 4 {
		t.Errorf("records between: %d from %v", len(between), between)
	}
	// a changed record no longer verifies
	tampered := slices.Clone(all)
	tampered[2].Data = json.RawMessage(`{"decision":"deny","n":3}`)
	if agentiq.VerifyChain(agentiq.AuditRecord{}, tampered) == nil {
		t.Error("an altered record verified")
	}
	if agentiq.VerifyChain(agentiq.AuditRecord{}, append(slices.Clone(all[:2]), all[3:]...)) == nil {
		t.Error("a removed record verified")
	}
	_, err = s.Append(ctx, "s1", agentiq.AuditEntry{At: T0, Kind: "decision", Data: json.RawMessage(`{bad`)})
	wantErr(t, err, agentiq.ErrInvalid)
	// an entry dated before the newest record takes the newest record's time
	late, err := s.Append(ctx, "s1", agentiq.AuditEntry{At: T0, Kind: "decision", Data: json.RawMessage(`{}`)})
	must(t, err)
	if !late.At.Equal(all[4].At) {
		t.Errorf("late entry dated %v, want %v", late.At, all[4].At)
	}
	none, err := s.AuditBetween(ctx, "s1", T0.Add(time.Hour), T0.Add(2*time.Hour))
	must(t, err)
	if len(none) != 0 {
		t.Errorf("%d records in an empty range", len(none))
	}
	everything, err := s.AuditBetween(ctx, "s1", T0.Add(-time.Hour), T0.Add(time.Hour))
	must(t, err)
	if len(everything) != 6 {
		t.Errorf("%d records in the whole range, want 6", len(everything))
	}
}

func testAuditConcurrency(t *testing.T, open Factory) {
	s := newStore(t, open, Config{})
	const n = 50
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := s.Append(ctx, "s1", entry(i))
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		must(t, err)
	}
	all, err := s.AuditSeq(ctx, "s1", 1, n+10)
	must(t, err)
	if len(all) != n {
		t.Fatalf("%d records after %d appends", len(all), n)
	}
	for i, r := range all {
		if r.Seq != int64(i+1) {
			t.Fatalf("record %d has seq %d: a gap or a duplicate", i, r.Seq)
		}
	}
	if err := agentiq.VerifyChain(agentiq.AuditRecord{}, all); err != nil {
		t.Fatal(err)
	}
}

// testAuditVerify: the chain verifies, and is checkpointed and checked
// against the checkpoint, through the store's own reads.
func testAuditVerify(t *testing.T, open Factory) {
	s := newStore(t, open, Config{})
	log := auditchain.FileLog{Dir: t.TempDir()}
	key := []byte("storetest-checkpoint-key-0123456789ab")
	w := auditchain.Writer{Store: s, Log: log, Key: key, Now: fixedClock(T0)}
	for i := 1; i <= 12; i++ {
		_, err := s.Append(ctx, "s1", entry(i))
		must(t, err)
		if i == 8 {
			c, err := w.Write(ctx, "s1")
			must(t, err)
			if c == nil || c.Seq != 8 {
				t.Fatalf("checkpoint %+v", c)
			}
		}
	}
	// consent events are part of the same chain
	_, err := s.RegisterConsent(ctx, consentEvent("c-1", "subject", agentiq.PurposeAdvertising, "sms", T0))
	must(t, err)
	tests := []struct {
		from    int64
		checked int64
	}{{1, 13}, {8, 6}, {13, 1}, {14, 0}}
	for _, tt := range tests {
		res, err := auditchain.VerifyLog(ctx, s, log, key, "s1", tt.from)
		must(t, err)
		if !res.OK || res.Checked != tt.checked || res.Head != 13 || !res.CheckpointOK || res.Checkpoint.Seq != 8 {
			t.Errorf("from %d: %+v", tt.from, res)
		}
	}
	res, err := auditchain.Verify(ctx, s, "s2-none", 1, nil)
	must(t, err)
	if !res.OK || res.Head != 0 || res.Checked != 0 {
		t.Errorf("an empty chain: %+v", res)
	}
}
