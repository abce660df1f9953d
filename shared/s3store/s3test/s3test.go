// Package s3test runs versitygw (an S3 gateway on a local folder) for
// tests: installed with go install at a pinned version when not found,
// started on a free loopback port with the posix backend and versioning,
// and stopped when the tests end.
package s3test

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/agentiq/agentiq/shared/internal/gomod"
)

// Module is the pinned versitygw.
const Module = "github.com/versity/versitygw/cmd/versitygw@v1.8.0"

// Credentials of the gateway's root user: test values, not secrets.
const (
	AccessKey = "agentiq-test"
	SecretKey = "agentiq-test-secret"
	Region    = "us-east-1"
)

// Gateway is a running versitygw.
type Gateway struct {
	URL  string
	cmd  *exec.Cmd
	logs *os.File
}

// Binary finds versitygw: $VERSITYGW, the repository's bin/versitygw
// (make tools puts it there), or installs it there with go install.
func Binary() (string, error) {
	if p := os.Getenv("VERSITYGW"); p != "" {
		return p, nil
	}
	root, err := gomod.Root()
	if err != nil {
		return "", fmt.Errorf("s3test: %w", err)
	}
	bin := filepath.Join(root, "bin")
	p := filepath.Join(bin, "versitygw")
	if _, err := os.Stat(p); err == nil {
		return p, nil
	}
	cmd := exec.Command("go", "install", Module)
	cmd.Env = append(os.Environ(), "GOBIN="+bin)
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go install %s: %v\n%s", Module, err, out)
	}
	return p, nil
}

// Start runs a gateway with its data under dir.
func Start(dir string) (*Gateway, error) {
	bin, err := Binary()
	if err != nil {
		return nil, err
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	addr := l.Addr().String()
	if err := l.Close(); err != nil {
		return nil, err
	}
	root, versions := filepath.Join(dir, "root"), filepath.Join(dir, "versions")
	for _, d := range []string{root, versions} {
		if err := os.MkdirAll(d, 0o750); err != nil {
			return nil, err
		}
	}
	logs, err := os.Create(filepath.Join(dir, "versitygw.log"))
	if err != nil {
		return nil, err
	}
	// #nosec G204 -- the pinned versitygw, for tests
	cmd := exec.Command(bin, "--port", addr, "--region", Region, "posix", "--versioning-dir", versions, root)
	cmd.Env = append(os.Environ(), "ROOT_ACCESS_KEY="+AccessKey, "ROOT_SECRET_KEY="+SecretKey)
	cmd.Stdout, cmd.Stderr = logs, logs
	if err := cmd.Start(); err != nil {
		_ = logs.Close()
		return nil, err
	}
	g := &Gateway{URL: "http://" + addr, cmd: cmd, logs: logs}
	// ready when it accepts connections
	deadline := time.Now().Add(30 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			_ = c.Close()
			return g, nil
		}
		if time.Now().After(deadline) {
			g.Stop()
			raw, _ := os.ReadFile(logs.Name())
			return nil, fmt.Errorf("versitygw did not start on %s: %s", addr, strings.TrimSpace(string(raw)))
		}
		time.Sleep(20 * time.Millisecond) // polling for readiness, not ordering
	}
}

// Stop stops the gateway.
func (g *Gateway) Stop() {
	if g.cmd.Process != nil {
		_ = g.cmd.Process.Kill()
		_ = g.cmd.Wait()
	}
	_ = g.logs.Close()
}

// Client returns an S3 client of the gateway (path-style addressing).
func (g *Gateway) Client() *s3.Client {
	return s3.New(s3.Options{
		Region:       Region,
		BaseEndpoint: aws.String(g.URL),
		Credentials:  credentials.NewStaticCredentialsProvider(AccessKey, SecretKey, ""),
		UsePathStyle: true,
	})
}

// LockedBucket creates a bucket with Object Lock enabled.
func (g *Gateway) LockedBucket(ctx context.Context, name string) error {
	_, err := g.Client().CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String(name), ObjectLockEnabledForBucket: aws.Bool(true)})
	return err
}
