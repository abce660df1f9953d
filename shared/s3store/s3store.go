// Package s3store keeps agentiq's objects in Amazon S3: audit-chain
// checkpoints in a bucket with Object Lock (compliance mode: no one, root
// included, can delete or shorten a locked version before its retention
// ends), and generated reports in a private bucket, handed out as
// presigned GET URLs valid at most 15 minutes.
package s3store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/agentiq/agentiq/shared/auditchain"
)

// MaxPresignTTL is the longest a presigned report URL may live.
const MaxPresignTTL = 15 * time.Minute

// DefaultRetention is how long a checkpoint is locked: the 3 years of
// limitation for claims (Civil Code art. 196) plus a margin.
const DefaultRetention = 3*365*24*time.Hour + 30*24*time.Hour

// Bucket is one S3 bucket.
type Bucket struct {
	client *s3.Client
	name   string
	// Retention is how long PutCheckpoint locks a checkpoint.
	Retention time.Duration
	// Now is the clock of retention dates and presigned URLs; nil means
	// time.Now.
	Now func() time.Time
}

// New returns the bucket name through client.
func New(client *s3.Client, name string) *Bucket {
	return &Bucket{client: client, name: name, Retention: DefaultRetention}
}

// Name is the bucket's name.
func (b *Bucket) Name() string { return b.name }

func (b *Bucket) now() time.Time {
	if b.Now != nil {
		return b.Now()
	}
	return time.Now()
}

var _ auditchain.History = (*Bucket)(nil)

var sellerRe = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// checkpointKey names a checkpoint so that the newest sorts first: S3
// lists keys in ascending order, and the latest is then one short list.
func checkpointKey(seller string, seq int64) string {
	return fmt.Sprintf("checkpoints/%s/%019d.json", seller, int64(1<<62)-seq)
}

// PutCheckpoint writes a checkpoint as its own object, locked in
// compliance mode until now + Retention.
func (b *Bucket) PutCheckpoint(ctx context.Context, c auditchain.Checkpoint) error {
	if !sellerRe.MatchString(c.SellerID) || c.Seq < 1 {
		return fmt.Errorf("s3 checkpoint: bad seller %q or sequence %d", c.SellerID, c.Seq)
	}
	body, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("s3 checkpoint: %w", err)
	}
	_, err = b.client.PutObject(ctx, &s3.PutObjectInput{
		Bucket: aws.String(b.name), Key: aws.String(checkpointKey(c.SellerID, c.Seq)),
		Body: strings.NewReader(string(body)), ContentType: aws.String("application/json"),
		ObjectLockMode:            types.ObjectLockModeCompliance,
		ObjectLockRetainUntilDate: aws.Time(b.now().Add(b.Retention).UTC()),
		ChecksumAlgorithm:         types.ChecksumAlgorithmSha256,
	})
	if err != nil {
		return fmt.Errorf("s3 checkpoint %s/%d: %w", c.SellerID, c.Seq, err)
	}
	return nil
}

// LatestCheckpoint returns the checkpoint with the highest sequence
// number, or nil. It reads each key's first (locked) version: a delete
// marker or a newer version put over it — which Object Lock allows —
// neither hides nor replaces a checkpoint.
func (b *Bucket) LatestCheckpoint(ctx context.Context, seller string) (*auditchain.Checkpoint, error) {
	all, err := b.checkpoints(ctx, seller, true)
	if err != nil || len(all) == 0 {
		return nil, err
	}
	return &all[0], nil
}

// Checkpoints returns every checkpoint of the seller, oldest first.
func (b *Bucket) Checkpoints(ctx context.Context, seller string) ([]auditchain.Checkpoint, error) {
	all, err := b.checkpoints(ctx, seller, false)
	slices.Reverse(all)
	return all, err
}

// checkpoints reads the seller's checkpoints, newest first (only the
// newest when latest), each from the oldest version of its key.
func (b *Bucket) checkpoints(ctx context.Context, seller string, latest bool) ([]auditchain.Checkpoint, error) {
	if !sellerRe.MatchString(seller) {
		return nil, fmt.Errorf("s3 checkpoint: bad seller %q", seller)
	}
	type version struct{ key, id string }
	var firsts []version // per key (in key order), its oldest version
	p := s3.NewListObjectVersionsPaginator(b.client, &s3.ListObjectVersionsInput{Bucket: aws.String(b.name),
		Prefix: aws.String("checkpoints/" + seller + "/")})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("s3 checkpoints of %s: %w", seller, err)
		}
		for _, v := range page.Versions { // each key's versions come newest first
			k := aws.ToString(v.Key)
			if n := len(firsts); n > 0 && firsts[n-1].key == k {
				firsts[n-1].id = aws.ToString(v.VersionId)
				continue
			}
			if latest && len(firsts) == 1 {
				break
			}
			firsts = append(firsts, version{k, aws.ToString(v.VersionId)})
		}
		if latest && len(firsts) == 1 && len(page.Versions) > 0 && aws.ToString(page.Versions[len(page.Versions)-1].Key) != firsts[0].key {
			break
		}
	}
	out := make([]auditchain.Checkpoint, 0, len(firsts))
	for _, v := range firsts {
		c, err := b.readCheckpoint(ctx, v.key, v.id)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

func (b *Bucket) readCheckpoint(ctx context.Context, key, version string) (auditchain.Checkpoint, error) {
	var c auditchain.Checkpoint
	in := &s3.GetObjectInput{Bucket: aws.String(b.name), Key: aws.String(key)}
	if version != "" && version != "null" {
		in.VersionId = aws.String(version)
	}
	obj, err := b.client.GetObject(ctx, in)
	if err != nil {
		return c, fmt.Errorf("s3 checkpoint %s: %w", key, err)
	}
	defer obj.Body.Close()
	if err := json.NewDecoder(io.LimitReader(obj.Body, 64<<10)).Decode(&c); err != nil {
		return c, fmt.Errorf("s3 checkpoint %s: not a checkpoint: %w", key, err)
	}
	return c, nil
}

// Put uploads a report (the reports' sink) and returns its location,
// s3://bucket/key. A body that cannot seek is spooled to a temporary file
// first, so that its length is known and memory stays flat.
func (b *Bucket) Put(ctx context.Context, key string, r io.Reader) (string, error) {
	if key == "" || strings.HasPrefix(key, "/") || strings.Contains(key, "..") {
		return "", fmt.Errorf("s3 put: bad key %q", key)
	}
	body, ok := r.(io.ReadSeeker)
	if !ok {
		f, err := os.CreateTemp("", "agentiq-upload-*")
		if err != nil {
			return "", fmt.Errorf("s3 put %s: %w", key, err)
		}
		defer os.Remove(f.Name())
		defer f.Close()
		if _, err := io.Copy(f, r); err != nil {
			return "", fmt.Errorf("s3 put %s: %w", key, err)
		}
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return "", fmt.Errorf("s3 put %s: %w", key, err)
		}
		body = f
	}
	_, err := b.client.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String(b.name), Key: aws.String(key), Body: body,
		ContentType: aws.String(contentType(key))})
	if err != nil {
		return "", fmt.Errorf("s3 put %s: %w", key, err)
	}
	return "s3://" + b.name + "/" + key, nil
}

// PutReport uploads a report; it is Put.
func (b *Bucket) PutReport(ctx context.Context, key string, r io.Reader) (string, error) {
	return b.Put(ctx, key, r)
}

func contentType(key string) string {
	switch {
	case strings.HasSuffix(key, ".xlsx"):
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case strings.HasSuffix(key, ".pdf"):
		return "application/pdf"
	case strings.HasSuffix(key, ".json"):
		return "application/json"
	}
	return "application/octet-stream"
}

// ErrTTL is a presigned URL lifetime outside (0, 15 min].
var ErrTTL = errors.New("a presigned URL lives more than 0 and at most 15 minutes")

// Presign returns a GET URL for key that works for ttl (at most 15
// minutes) from now by the bucket's clock.
func (b *Bucket) Presign(ctx context.Context, key string, ttl time.Duration) (string, error) {
	if ttl <= 0 || ttl > MaxPresignTTL {
		return "", fmt.Errorf("presign %s: %w", key, ErrTTL)
	}
	p := s3.NewPresignClient(b.client, func(o *s3.PresignOptions) {
		o.Expires = ttl
		o.Presigner = clockSigner{v4.NewSigner(), b.now}
	})
	req, err := p.PresignGetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(b.name), Key: aws.String(key)})
	if err != nil {
		return "", fmt.Errorf("presign %s: %w", key, err)
	}
	return req.URL, nil
}

// clockSigner signs at the bucket's clock rather than the SDK's.
type clockSigner struct {
	*v4.Signer
	now func() time.Time
}

func (s clockSigner) PresignHTTP(ctx context.Context, cred aws.Credentials, r *http.Request, payloadHash, service, region string, _ time.Time, optFns ...func(*v4.SignerOptions)) (string, http.Header, error) {
	return s.Signer.PresignHTTP(ctx, cred, r, payloadHash, service, region, s.now(), optFns...)
}
