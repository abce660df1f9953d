package storetest

import (
	"encoding/json"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
)

func testIdempotency(t *testing.T, open Factory) {
	now := T0
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	s := newStore(t, open, Config{Now: clock}, "s1", "s2")
	r := agentiq.IdempotencyRecord{SellerID: "s1", Key: "http POST /approve k-1", BodyHash: "h1", Status: 200,
		Response: json.RawMessage(`{"outcome":"sent"}`), CreatedAt: T0}
	_, err := s.Idempotent(ctx, "s1", r.Key)
	wantErr(t, err, agentiq.ErrNotFound)
	recs, err := s.PutIdempotent(ctx, r, entry(1), entry(2))
	must(t, err)
	if len(recs) != 2 || recs[0].Seq != 1 || recs[1].PrevHash != recs[0].Hash {
		t.Fatalf("records %+v", recs)
	}
	got, err := s.Idempotent(ctx, "s1", r.Key)
	must(t, err)
	if got.BodyHash != "h1" || got.Status != 200 || string(got.Response) != `{"outcome":"sent"}` || !got.ExpiresAt.After(T0) {
		t.Errorf("record %+v", got)
	}
	// A replay writes nothing: neither the record nor its audit entries.
	r2 := r
	r2.BodyHash, r2.Response = "h2", json.RawMessage(`{"outcome":"refused"}`)
	_, err = s.PutIdempotent(ctx, r2, entry(3))
	wantErr(t, err, agentiq.ErrExists)
	_, err = s.PutIdempotent(ctx, r2)
	wantErr(t, err, agentiq.ErrExists)
	if got, _ := s.Idempotent(ctx, "s1", r.Key); got.BodyHash != "h1" {
		t.Errorf("a replay replaced the first answer: %+v", got)
	}
	head, err := s.AuditHead(ctx, "s1")
	must(t, err)
	if head.Seq != 2 {
		t.Errorf("a replay appended: head %d", head.Seq)
	}
	// Keys are per seller.
	_, err = s.Idempotent(ctx, "s2", r.Key)
	wantErr(t, err, agentiq.ErrNotFound)
	r3 := r
	r3.SellerID = "s2"
	_, err = s.PutIdempotent(ctx, r3)
	must(t, err)
	// Bad input writes nothing.
	for _, bad := range []agentiq.IdempotencyRecord{
		{SellerID: "s1", Key: "", CreatedAt: T0},
		{SellerID: "s1", Key: "k", Response: json.RawMessage(`{`), CreatedAt: T0},
		{SellerID: "s1", Key: "k"},
	} {
		_, err := s.PutIdempotent(ctx, bad)
		wantErr(t, err, agentiq.ErrInvalid)
	}
	_, err = s.PutIdempotent(ctx, agentiq.IdempotencyRecord{SellerID: "s1", Key: "k", CreatedAt: T0}, agentiq.AuditEntry{Kind: "x"})
	wantErr(t, err, agentiq.ErrInvalid)
	_, err = s.Idempotent(ctx, "s1", "k")
	wantErr(t, err, agentiq.ErrNotFound)
	_, err = s.PutIdempotent(ctx, agentiq.IdempotencyRecord{SellerID: "nobody", Key: "k", CreatedAt: T0})
	wantErr(t, err, agentiq.ErrUnknownSeller)

	// Concurrent first tries: one wins, its entries once.
	var wg sync.WaitGroup
	var won atomic.Int64
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rr := agentiq.IdempotencyRecord{SellerID: "s1", Key: "race", CreatedAt: T0, Response: json.RawMessage(`{}`)}
			if _, err := s.PutIdempotent(ctx, rr, entry(10+w)); err == nil {
				won.Add(1)
			} else if !errors.Is(err, agentiq.ErrExists) {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if won.Load() != 1 {
		t.Errorf("%d first tries won, want 1", won.Load())
	}
	all, err := s.AuditSeq(ctx, "s1", 1, 100)
	must(t, err)
	if len(all) != 3 {
		t.Errorf("%d records, want 3", len(all))
	}
	must(t, agentiq.VerifyChain(agentiq.AuditRecord{}, all))

	// Past its retention a key is free again.
	mu.Lock()
	now = T0.Add(agentiq.IdempotencyRetention + time.Second)
	mu.Unlock()
	_, err = s.Idempotent(ctx, "s1", r.Key)
	wantErr(t, err, agentiq.ErrNotFound)
	r4 := r
	r4.CreatedAt, r4.BodyHash = now, "h4"
	_, err = s.PutIdempotent(ctx, r4)
	must(t, err)
	if got, _ := s.Idempotent(ctx, "s1", r.Key); got.BodyHash != "h4" {
		t.Errorf("after expiry: %+v", got)
	}
}

func testModerationItem(t *testing.T, open Factory) {
	s := newStore(t, open, Config{}, "s1", "s2")
	m := agentiq.ModerationItem{SellerID: "s1", ID: "d-1", Kind: agentiq.ModerationDraft, ChatID: "c1", Draft: "Скидка 10%",
		Reasons: []string{"promo_lexicon"}, RulesVersion: "v+1", Scenario: agentiq.ScenarioPromo, Window: agentiq.CustomerRequest,
		TemplateID: "t1", Status: agentiq.ModerationPending, CreatedAt: T0}
	must(t, s.EnqueueModeration(ctx, m))
	got, err := s.Moderation(ctx, "s1", "d-1")
	must(t, err)
	if got.Status != agentiq.ModerationPending || got.Scenario != agentiq.ScenarioPromo || got.Window != agentiq.CustomerRequest || got.TemplateID != "t1" {
		t.Errorf("item %+v", got)
	}
	_, err = s.Moderation(ctx, "s2", "d-1")
	wantErr(t, err, agentiq.ErrNotFound)
	_, err = s.Moderation(ctx, "s1", "d-9")
	wantErr(t, err, agentiq.ErrNotFound)
	_, err = s.ResolveModeration(ctx, "s1", "d-1", agentiq.ModerationRejected, "oper-1", T0.Add(time.Minute))
	must(t, err)
	got, err = s.Moderation(ctx, "s1", "d-1")
	must(t, err)
	if got.Status != agentiq.ModerationRejected || got.Moderator != "oper-1" || got.ResolvedAt == nil {
		t.Errorf("resolved item %+v", got)
	}
}
