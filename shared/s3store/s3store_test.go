package s3store_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/agentiq/agentiq/shared/auditchain"
	"github.com/agentiq/agentiq/shared/s3store"
	"github.com/agentiq/agentiq/shared/s3store/s3test"
)

var gw *s3test.Gateway

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "versitygw-*")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	gw, err = s3test.Start(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	gw.Stop()
	os.RemoveAll(dir)
	os.Exit(code)
}

var ctx = context.Background()

var key = []byte("s3store-test-checkpoint-key-0123456789")

func bucket(t *testing.T, name string) *s3store.Bucket {
	t.Helper()
	if err := gw.LockedBucket(ctx, name); err != nil {
		t.Fatal(err)
	}
	return s3store.New(gw.Client(), name)
}

func checkpoint(seller string, seq int64) auditchain.Checkpoint {
	t := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	return auditchain.Sign(auditchain.Checkpoint{SellerID: seller, Seq: seq, Hash: fmt.Sprintf("%064d", seq),
		RecordAt: t.Add(time.Duration(seq) * time.Minute), CreatedAt: t.Add(time.Hour)}, key)
}

func TestCheckpoints(t *testing.T) {
	b := bucket(t, "checkpoints-1")
	if c, err := b.LatestCheckpoint(ctx, "s1"); c != nil || err != nil {
		t.Fatalf("no checkpoint yet: %+v %v", c, err)
	}
	for _, seq := range []int64{5, 120, 30} {
		if err := b.PutCheckpoint(ctx, checkpoint("s1", seq)); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.PutCheckpoint(ctx, checkpoint("s2", 999)); err != nil {
		t.Fatal(err)
	}
	latest, err := b.LatestCheckpoint(ctx, "s1")
	if err != nil || latest == nil || latest.Seq != 120 || latest.Check(key) != nil {
		t.Fatalf("latest %+v %v", latest, err)
	}
	all, err := b.Checkpoints(ctx, "s1")
	if err != nil || len(all) != 3 || all[0].Seq != 5 || all[2].Seq != 120 {
		t.Errorf("history %+v %v", all, err)
	}
	// neither a delete marker nor a version put over the newest hides it
	c := gw.Client()
	objKey := aws.String(fmt.Sprintf("checkpoints/s1/%019d.json", int64(1<<62)-120))
	if _, err := c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("checkpoints-1"), Key: objKey, Body: strings.NewReader(`{"seller_id":"s1","seq":120,"hash":"forged"}`)}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("checkpoints-1"), Key: objKey}); err != nil {
		t.Fatal(err)
	}
	latest, err = b.LatestCheckpoint(ctx, "s1")
	if err != nil || latest == nil || latest.Seq != 120 || latest.Check(key) != nil {
		t.Errorf("latest after an overwrite and a delete marker: %+v %v", latest, err)
	}
	if all, _ := b.Checkpoints(ctx, "s1"); len(all) != 3 || all[2].Check(key) != nil {
		t.Errorf("history after an overwrite and a delete marker: %+v", all)
	}
	if _, err := b.LatestCheckpoint(ctx, "../s1"); err == nil {
		t.Error("a seller id with a path in it was accepted")
	}
}

// TestObjectLock: a checkpoint is locked in compliance mode, and the
// locked version can be neither deleted nor have its retention shortened.
func TestObjectLock(t *testing.T) {
	b := bucket(t, "checkpoints-2")
	now := time.Now().UTC().Truncate(time.Second)
	b.Now = func() time.Time { return now }
	b.Retention = 48 * time.Hour
	if err := b.PutCheckpoint(ctx, checkpoint("s1", 7)); err != nil {
		t.Fatal(err)
	}
	c := gw.Client()
	name := aws.String("checkpoints-2")
	list, err := c.ListObjectVersions(ctx, &s3.ListObjectVersionsInput{Bucket: name})
	if err != nil || len(list.Versions) != 1 {
		t.Fatalf("versions %+v %v", list, err)
	}
	objKey, version := list.Versions[0].Key, list.Versions[0].VersionId
	ret, err := c.GetObjectRetention(ctx, &s3.GetObjectRetentionInput{Bucket: name, Key: objKey, VersionId: version})
	if err != nil {
		t.Fatal(err)
	}
	if ret.Retention.Mode != types.ObjectLockRetentionModeCompliance || !ret.Retention.RetainUntilDate.Equal(now.Add(48*time.Hour)) {
		t.Errorf("retention %s until %v, want COMPLIANCE until %v", ret.Retention.Mode, ret.Retention.RetainUntilDate, now.Add(48*time.Hour))
	}

	refused := []struct {
		name string
		do   func() error
	}{
		{"delete the locked version", func() error {
			_, err := c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: name, Key: objKey, VersionId: version})
			return err
		}},
		{"delete it bypassing governance", func() error {
			_, err := c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: name, Key: objKey, VersionId: version, BypassGovernanceRetention: aws.Bool(true)})
			return err
		}},
		{"shorten its retention", func() error {
			_, err := c.PutObjectRetention(ctx, &s3.PutObjectRetentionInput{Bucket: name, Key: objKey, VersionId: version,
				Retention: &types.ObjectLockRetention{Mode: types.ObjectLockRetentionModeCompliance, RetainUntilDate: aws.Time(now.Add(time.Hour))}})
			return err
		}},
		{"turn it into governance mode", func() error {
			_, err := c.PutObjectRetention(ctx, &s3.PutObjectRetentionInput{Bucket: name, Key: objKey, VersionId: version,
				Retention: &types.ObjectLockRetention{Mode: types.ObjectLockRetentionModeGovernance, RetainUntilDate: aws.Time(now.Add(72 * time.Hour))}})
			return err
		}},
	}
	for _, r := range refused {
		err := r.do()
		if err == nil {
			t.Errorf("%s: allowed", r.name)
			continue
		}
		t.Logf("%s: refused: %v", r.name, err)
	}
	// overwriting the key makes a new version; the locked one stays as it was
	if _, err := c.PutObject(ctx, &s3.PutObjectInput{Bucket: name, Key: objKey, Body: strings.NewReader(`{"forged":true}`)}); err != nil {
		t.Logf("overwrite refused: %v", err)
	} else {
		t.Log("overwrite: a new version was made")
	}
	old, err := c.GetObject(ctx, &s3.GetObjectInput{Bucket: name, Key: objKey, VersionId: version})
	if err != nil {
		t.Fatalf("the locked version after an overwrite: %v", err)
	}
	body, _ := io.ReadAll(old.Body)
	old.Body.Close()
	if !bytes.Contains(body, []byte(`"seq":7`)) {
		t.Errorf("the locked version now holds %s", body)
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func TestReportsAndPresign(t *testing.T) {
	b := bucket(t, "reports-1")
	report := strings.Repeat("отчёт ", 50000)
	// a body that cannot seek, as a report writer streams it
	loc, err := b.Put(ctx, "s1/2026-02/audit.xlsx", io.MultiReader(strings.NewReader(report)))
	if err != nil || loc != "s3://reports-1/s1/2026-02/audit.xlsx" {
		t.Fatalf("put: %q %v", loc, err)
	}
	if _, err := b.PutReport(ctx, "s1/2026-02/consent.pdf", strings.NewReader("%PDF-1.7")); err != nil {
		t.Fatal(err)
	}
	url, err := b.Presign(ctx, "s1/2026-02/audit.xlsx", 2*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if code, body := get(t, url); code != http.StatusOK || body != report {
		t.Errorf("presigned download: %d, %d bytes", code, len(body))
	}
	if code, _ := get(t, strings.Replace(url, "audit.xlsx", "consent.pdf", 1)); code != http.StatusForbidden {
		t.Errorf("the URL of one report opened another: %d", code)
	}

	// signed a minute ago for 2 s: its expiry has passed by the server's clock
	expired := *b
	expired.Now = func() time.Time { return time.Now().Add(-time.Minute) }
	url, err = expired.Presign(ctx, "s1/2026-02/audit.xlsx", 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if code, body := get(t, url); code != http.StatusForbidden || !strings.Contains(body, "xpired") {
		t.Errorf("an expired URL: %d %s", code, body)
	}
	for _, ttl := range []time.Duration{0, -time.Second, 15*time.Minute + time.Second} {
		if _, err := b.Presign(ctx, "s1/2026-02/audit.xlsx", ttl); !errors.Is(err, s3store.ErrTTL) {
			t.Errorf("ttl %v: %v", ttl, err)
		}
	}
	if _, err := b.Presign(ctx, "x", s3store.MaxPresignTTL); err != nil {
		t.Errorf("15 minutes: %v", err)
	}
	if _, err := b.Put(ctx, "../escape", strings.NewReader("x")); err == nil {
		t.Error("a key with .. was accepted")
	}
}

// TestCheckpointNeedsObjectLock: a bucket without Object Lock cannot take
// a locked checkpoint, so a misconfigured bucket fails loudly.
func TestCheckpointNeedsObjectLock(t *testing.T) {
	if _, err := gw.Client().CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("plain-1")}); err != nil {
		t.Fatal(err)
	}
	err := s3store.New(gw.Client(), "plain-1").PutCheckpoint(ctx, checkpoint("s1", 1))
	if err == nil {
		t.Fatal("a checkpoint was put in a bucket without Object Lock")
	}
	t.Logf("refused: %v", err)
}
