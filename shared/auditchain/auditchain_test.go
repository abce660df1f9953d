package auditchain_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/auditchain"
	"github.com/agentiq/agentiq/shared/bolt"
	"github.com/agentiq/agentiq/shared/bolt/bolttest"
	"github.com/agentiq/agentiq/shared/ingest"
	"github.com/agentiq/agentiq/shared/pii"
)

var (
	ctx = context.Background()
	t0  = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	key = []byte("checkpoint-test-key-0123456789abcdef")
)

func open(t *testing.T, path string) *bolt.Store {
	t.Helper()
	p, _ := pii.NewPseudonymizer([]byte("auditchain-test-pseudonym-key"))
	st, err := bolt.Open(bolt.Config{Path: path, Ingest: ingest.Options{Pseudonyms: p}, Now: func() time.Time { return t0 }})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// chain makes a store whose seller s1 has n records, checkpointed every
// 10 (at 10 and 20 for n = 25), and returns its file and checkpoint log;
// the store is closed.
func chain(t *testing.T, n int) (string, auditchain.FileLog) {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "agentiq.db")
	log := auditchain.FileLog{Dir: filepath.Join(dir, "checkpoints")}
	st := open(t, path)
	defer st.Close()
	if err := st.PutSeller(ctx, agentiq.Seller{ID: "s1", Name: "Магазин", Active: true, CreatedAt: t0}); err != nil {
		t.Fatal(err)
	}
	w := auditchain.Writer{Store: st, Log: log, Key: key, Now: func() time.Time { return t0.Add(time.Hour) }}
	for i := 1; i <= n; i++ {
		data, _ := json.Marshal(map[string]any{"decision": "allow", "n": i})
		if _, err := st.Append(ctx, "s1", agentiq.AuditEntry{At: t0.Add(time.Duration(i) * time.Minute), Kind: agentiq.AuditDecision, Ref: fmt.Sprintf("d-%d", i), Data: data}); err != nil {
			t.Fatal(err)
		}
		if _, err := w.WriteIfDue(ctx, "s1", 10); err != nil {
			t.Fatal(err)
		}
	}
	return path, log
}

func TestTamper(t *testing.T) {
	deny := func(r *agentiq.AuditRecord) { r.Data = json.RawMessage(`{"decision":"deny"}`) }
	tests := []struct {
		name    string
		tamper  func(path string) error
		from    int64
		ok      bool
		bad     int64
		problem string
	}{
		{"intact", func(string) error { return nil }, 0, true, 0, ""},
		{"one record's content changed", func(p string) error { return bolttest.Alter(p, "s1", 7, deny) }, 0, false, 7, agentiq.ChainAltered},
		{"one record deleted", func(p string) error { return bolttest.Delete(p, "s1", 7) }, 0, false, 7, agentiq.ChainMissing},
		{"two records swapped", func(p string) error { return bolttest.Swap(p, "s1", 7, 8) }, 0, false, 7, agentiq.ChainReordered},
		{"two records far apart swapped", func(p string) error { return bolttest.Swap(p, "s1", 3, 17) }, 0, false, 3, agentiq.ChainReordered},
		{"one record rewritten with its hash", func(p string) error {
			return bolttest.Alter(p, "s1", 12, func(r *agentiq.AuditRecord) {
				deny(r)
				r.Hash = agentiq.ChainHash(r.SellerID, r.Seq, r.At, r.Kind, r.Ref, r.Data, r.PrevHash)
			})
		}, 0, false, 12, agentiq.ChainForked},
		{"backdated, later hashes recomputed", func(p string) error {
			return bolttest.Rewrite(p, "s1", 9, func(r *agentiq.AuditRecord) { r.At = t0 })
		}, 0, false, 9, agentiq.ChainBackdated},
		// every link verifies: only the checkpoints see it; the last one
		// it still matches is at 10
		{"rewritten from a record on, hashes recomputed", func(p string) error { return bolttest.Rewrite(p, "s1", 15, deny) }, 0, false, 11, agentiq.ChainCheckpoint},
		{"rewritten from the start", func(p string) error { return bolttest.Rewrite(p, "s1", 1, deny) }, 0, false, 1, agentiq.ChainCheckpoint},
		{"cut short after the checkpoint's record", func(p string) error {
			for seq := int64(16); seq <= 25; seq++ {
				if err := bolttest.Delete(p, "s1", seq); err != nil {
					return err
				}
			}
			return nil
		}, 0, false, 16, agentiq.ChainMissing},
		{"from a later record, an earlier change is not read", func(p string) error { return bolttest.Alter(p, "s1", 7, deny) }, 21, true, 0, ""},
		{"from a later record, a rewrite is still seen", func(p string) error { return bolttest.Rewrite(p, "s1", 15, deny) }, 21, false, 11, agentiq.ChainCheckpoint},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path, log := chain(t, 25)
			if err := tt.tamper(path); err != nil {
				t.Fatal(err)
			}
			st := open(t, path)
			defer st.Close()
			res, err := auditchain.VerifyLog(ctx, st, log, key, "s1", tt.from)
			if err != nil {
				t.Fatal(err)
			}
			if res.OK != tt.ok || res.FirstBad != tt.bad || res.Problem != tt.problem {
				t.Errorf("ok=%v first bad %d (%s: %s), want ok=%v %d (%s)", res.OK, res.FirstBad, res.Problem, res.Detail, tt.ok, tt.bad, tt.problem)
			}
			if res.Checkpoint == nil || res.Checkpoint.Seq != 20 {
				t.Errorf("checked against %+v, want the checkpoint at 20", res.Checkpoint)
			}
			if tt.ok && (!res.CheckpointOK || res.Checked != 25-max(tt.from, 1)+1) {
				t.Errorf("intact: checkpoint ok %v, %d checked", res.CheckpointOK, res.Checked)
			}
			if !tt.ok && !strings.Contains(res.Err().Error(), fmt.Sprint(res.FirstBad)) && tt.problem != agentiq.ChainCheckpoint {
				t.Errorf("the error %q does not name record %d", res.Err(), res.FirstBad)
			}
		})
	}
}

// TestVerifyLatestOnly: with only the latest checkpoint, a rewrite is
// named by the checkpoint's sequence number.
func TestVerifyLatestOnly(t *testing.T) {
	path, log := chain(t, 25)
	if err := bolttest.Rewrite(path, "s1", 15, func(r *agentiq.AuditRecord) { r.Ref = "x" }); err != nil {
		t.Fatal(err)
	}
	st := open(t, path)
	defer st.Close()
	cp, err := log.LatestCheckpoint(ctx, "s1")
	if err != nil || cp == nil {
		t.Fatal(cp, err)
	}
	res, err := auditchain.Verify(ctx, st, "s1", 1, cp)
	if err != nil || res.OK || res.FirstBad != 20 || res.Problem != agentiq.ChainCheckpoint {
		t.Errorf("%+v %v", res, err)
	}
	if res, _ := auditchain.Verify(ctx, st, "s1", 1, nil); !res.OK {
		t.Errorf("without a checkpoint a consistent rewrite verifies link by link, got %+v", res)
	}
}

func TestForgedCheckpoint(t *testing.T) {
	path, log := chain(t, 25)
	file := filepath.Join(log.Dir, "s1.jsonl")
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	// move the latest checkpoint onto a rewritten chain's hash
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	var c auditchain.Checkpoint
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &c); err != nil {
		t.Fatal(err)
	}
	c.Hash = strings.Repeat("0", 64)
	forged, _ := json.Marshal(c)
	lines[len(lines)-1] = string(forged)
	if err := os.WriteFile(file, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	st := open(t, path)
	defer st.Close()
	if _, err := auditchain.VerifyLog(ctx, st, log, key, "s1", 1); !errors.Is(err, auditchain.ErrSignature) {
		t.Errorf("a forged checkpoint: %v", err)
	}
	if _, err := auditchain.VerifyLog(ctx, st, log, []byte("another-key-0123456789abcdef-0123"), "s1", 1); !errors.Is(err, auditchain.ErrSignature) {
		t.Errorf("another key: %v", err)
	}
}

func TestWriterRefusesBrokenChain(t *testing.T) {
	path, log := chain(t, 25)
	if err := bolttest.Alter(path, "s1", 22, func(r *agentiq.AuditRecord) { r.Kind = "x" }); err != nil {
		t.Fatal(err)
	}
	st := open(t, path)
	defer st.Close()
	w := auditchain.Writer{Store: st, Log: log, Key: key}
	_, err := w.Write(ctx, "s1")
	var ce *agentiq.ChainError
	if !errors.As(err, &ce) || ce.Seq != 22 {
		t.Errorf("anchoring a broken chain: %v", err)
	}
	all, _ := log.Checkpoints(ctx, "s1")
	if len(all) != 2 {
		t.Errorf("%d checkpoints, want the 2 made before", len(all))
	}
}

func TestWriter(t *testing.T) {
	path, log := chain(t, 25)
	st := open(t, path)
	defer st.Close()
	w := auditchain.Writer{Store: st, Log: log, Key: key, Now: func() time.Time { return t0.Add(2 * time.Hour) }}
	c, err := w.WriteIfDue(ctx, "s1", 10)
	if err != nil || c == nil || c.Seq != 20 {
		t.Fatalf("not due: %+v %v", c, err)
	}
	c, err = w.Write(ctx, "s1")
	if err != nil || c == nil || c.Seq != 25 || c.Check(key) != nil {
		t.Fatalf("write: %+v %v", c, err)
	}
	again, err := w.Write(ctx, "s1")
	if err != nil || again.Seq != 25 || again.CreatedAt != c.CreatedAt {
		t.Errorf("the head has not moved: %+v %v", again, err)
	}
	if err := st.PutSeller(ctx, agentiq.Seller{ID: "empty", Name: "x", CreatedAt: t0}); err != nil {
		t.Fatal(err)
	}
	if c, err := w.Write(ctx, "empty"); c != nil || err != nil {
		t.Errorf("an empty chain: %+v %v", c, err)
	}
	if _, err := (&auditchain.Writer{Store: st, Log: log, Key: []byte("short")}).Write(ctx, "s1"); err == nil {
		t.Error("a short key was accepted")
	}
}

// TestVerifyAround: with the stretch (5, 18) left to the caller (a report
// checks its period as it reads it), every change at or outside its
// bounds is found, a change inside it is not read, and a rewrite inside
// it is still caught by the checkpoint its stretch holds (at 10).
func TestVerifyAround(t *testing.T) {
	deny := func(r *agentiq.AuditRecord) { r.Data = json.RawMessage(`{"decision":"deny"}`) }
	tests := []struct {
		name    string
		tamper  func(path string) error
		ok      bool
		bad     int64
		problem string
	}{
		{"intact", func(string) error { return nil }, true, 0, ""},
		{"a change inside, left to the caller", func(p string) error { return bolttest.Alter(p, "s1", 12, deny) }, true, 0, ""},
		{"a change at the lower bound", func(p string) error { return bolttest.Alter(p, "s1", 5, deny) }, false, 5, agentiq.ChainAltered},
		{"a change at the upper bound", func(p string) error { return bolttest.Alter(p, "s1", 18, deny) }, false, 18, agentiq.ChainAltered},
		{"a change before", func(p string) error { return bolttest.Alter(p, "s1", 2, deny) }, false, 2, agentiq.ChainAltered},
		{"a change after", func(p string) error { return bolttest.Alter(p, "s1", 23, deny) }, false, 23, agentiq.ChainAltered},
		{"rewritten from inside, hashes recomputed", func(p string) error { return bolttest.Rewrite(p, "s1", 7, deny) }, false, 10, agentiq.ChainCheckpoint},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path, log := chain(t, 25)
			if err := tt.tamper(path); err != nil {
				t.Fatal(err)
			}
			st := open(t, path)
			defer st.Close()
			cps, err := log.Checkpoints(ctx, "s1")
			if err != nil || len(cps) < 1 {
				t.Fatalf("checkpoints %v, %v", cps, err)
			}
			cp := cps[0] // at 10, inside the skipped stretch
			res, err := auditchain.VerifyAround(ctx, st, "s1", 5, 18, &cp)
			if err != nil {
				t.Fatal(err)
			}
			if res.OK != tt.ok || res.FirstBad != tt.bad || res.Problem != tt.problem {
				t.Errorf("ok=%v first bad %d (%s: %s), want ok=%v %d (%s)", res.OK, res.FirstBad, res.Problem, res.Detail, tt.ok, tt.bad, tt.problem)
			}
			if tt.ok && (res.Checked != 25-12 || !res.CheckpointOK) {
				t.Errorf("intact: %d checked (want 13: 1–5 and 18–25), checkpoint ok %v", res.Checked, res.CheckpointOK)
			}
		})
	}
}
