package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/api"
	"github.com/agentiq/agentiq/shared/auditchain"
)

// TestVerifyAgainstCheckpoint: /audit/verify checks the chain against the
// latest signed checkpoint, so a chain that no longer has the anchored
// hash, or a checkpoint signed with another key, does not verify — what
// recomputing the links alone cannot see.
func TestVerifyAgainstCheckpoint(t *testing.T) {
	ctx := context.Background()
	key := bytes.Repeat([]byte{7}, auditchain.MinKeyBytes)
	setup := func(t *testing.T) (*env, auditchain.FileLog, func(n int)) {
		log := auditchain.FileLog{Dir: t.TempDir()}
		e := newEnvOn(t, 1, boltStore(t), func(c *api.Config) { c.Checkpoints, c.CheckpointKey = log, key })
		appendN := func(n int) {
			for i := 0; i < n; i++ {
				if _, err := e.store.Append(ctx, "s1", agentiq.AuditEntry{At: e.now.Add(time.Duration(i) * time.Second), Kind: "decision",
					Data: json.RawMessage(fmt.Sprintf(`{"n":%d}`, i))}); err != nil {
					t.Fatal(err)
				}
			}
		}
		return e, log, appendN
	}
	verify := func(t *testing.T, e *env) api.Verification {
		var v api.Verification
		e.call(t, "GET", "/v1/sellers/s1/audit/verify", e.tok(t, "s1", "olga", api.RoleOfficer), "", nil).into(t, &v)
		return v
	}

	t.Run("anchored", func(t *testing.T) {
		e, log, appendN := setup(t)
		appendN(5)
		if v := verify(t, e); !v.Verified || v.Checkpoint != nil {
			t.Errorf("before any checkpoint: %+v", v)
		}
		cp, err := (&auditchain.Writer{Store: e.store, Log: log, Key: key}).Write(ctx, "s1")
		if err != nil {
			t.Fatal(err)
		}
		appendN(3)
		v := verify(t, e)
		if !v.Verified || !v.CheckpointOK || v.Checkpoint == nil || v.Checkpoint.Seq != cp.Seq || v.Checkpoint.Hash != cp.Hash || v.HeadSeq != cp.Seq+3 {
			t.Errorf("against the checkpoint at %d: %+v", cp.Seq, v)
		}
	})
	t.Run("chain does not match", func(t *testing.T) {
		e, log, appendN := setup(t)
		appendN(4)
		first, err := (&auditchain.Writer{Store: e.store, Log: log, Key: key}).Write(ctx, "s1")
		if err != nil {
			t.Fatal(err)
		}
		appendN(4)
		head, err := e.store.AuditHead(ctx, "s1")
		if err != nil {
			t.Fatal(err)
		}
		// The anchor says record 8 had another hash: the chain in the
		// store was rewritten after it was anchored.
		if err := log.PutCheckpoint(ctx, auditchain.Sign(auditchain.Checkpoint{SellerID: "s1", Seq: head.Seq,
			Hash: strings.Repeat("0", 64), RecordAt: head.At, CreatedAt: e.now}, key)); err != nil {
			t.Fatal(err)
		}
		v := verify(t, e)
		if v.Verified || v.CheckpointOK || v.Problem != agentiq.ChainCheckpoint || v.BrokenAt != first.Seq+1 || v.Checkpoint == nil {
			t.Errorf("a chain that lost its anchored hash: %+v", v)
		}
	})
	t.Run("forged checkpoint", func(t *testing.T) {
		e, log, appendN := setup(t)
		appendN(4)
		head, err := e.store.AuditHead(ctx, "s1")
		if err != nil {
			t.Fatal(err)
		}
		if err := log.PutCheckpoint(ctx, auditchain.Sign(auditchain.Checkpoint{SellerID: "s1", Seq: head.Seq, Hash: head.Hash,
			RecordAt: head.At, CreatedAt: e.now}, bytes.Repeat([]byte{9}, auditchain.MinKeyBytes))); err != nil {
			t.Fatal(err)
		}
		v := verify(t, e)
		if v.Verified || v.Problem != agentiq.ChainCheckpoint || !strings.Contains(v.Error, "another key") {
			t.Errorf("a checkpoint signed with another key: %+v", v)
		}
	})
}
