// Package config reads the functions' settings from the environment and
// opens what they name: the store (the embedded one locally, DynamoDB in
// the cloud), the token source and the logger. Every function's main
// wires itself with it, so that all of them read the same variables.
package config

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/auditchain"
	"github.com/agentiq/agentiq/shared/bolt"
	"github.com/agentiq/agentiq/shared/dynamo"
	"github.com/agentiq/agentiq/shared/ingest"
	"github.com/agentiq/agentiq/shared/pii"
	"github.com/agentiq/agentiq/shared/s3store"
	"github.com/agentiq/agentiq/shared/tokens"
	"github.com/agentiq/agentiq/shared/wb"
)

// localMaxTxnItems is the most writes DynamoDB Local takes in one
// transaction (as shared/dynamo/dynamotest.MaxTxnItems).
const localMaxTxnItems = 10

// Stores.
const (
	StoreBolt   = "bolt"
	StoreDynamo = "dynamodb"
)

// Settings are what the functions read from the environment. The
// variable of each is in its comment; README.md lists them all.
type Settings struct {
	Store    string // AGENTIQ_STORE: bolt (default) or dynamodb
	BoltPath string // AGENTIQ_BOLT_PATH: default out/agentiq.db
	Table    string // AGENTIQ_TABLE: the DynamoDB table
	// DynamoEndpoint points the DynamoDB client elsewhere, as at DynamoDB
	// Local (AGENTIQ_DYNAMODB_ENDPOINT).
	DynamoEndpoint string
	// PseudonymKey keys the HMAC pseudonyms of WB client ids
	// (AGENTIQ_PSEUDONYM_KEY, hex or base64, at least 16 bytes). Required
	// with DynamoDB; with the embedded store an unset key is generated
	// once and kept beside the database file (0600).
	PseudonymKey []byte
	// PseudonymKeySecret is the Secrets Manager secret (ARN or name)
	// holding the key, read at init by OpenStore when AGENTIQ_PSEUDONYM_KEY
	// is unset (AGENTIQ_PSEUDONYM_KEY_SECRET): so in the cloud the key
	// is never in the function's configuration.
	PseudonymKeySecret string
	TextTTL            time.Duration // AGENTIQ_TEXT_TTL: how long inbox texts are kept (default 720h)
	WBBaseURL          string        // WB_API_BASE_URL: default WB's production host
	WBRate             wb.Limit      // WB_API_RATE: default 10/10s, WB's limit
	// LocalSeller is created on an empty embedded store, with its token
	// from WB_API_TOKEN (AGENTIQ_SELLER, default "demo").
	LocalSeller     string
	PollConcurrency int           // AGENTIQ_POLL_CONCURRENCY: sellers polled at once (default 4)
	PollMargin      time.Duration // AGENTIQ_POLL_MARGIN: time kept free before the deadline (default 5s)
	LogLevel        slog.Level    // AGENTIQ_LOG_LEVEL: debug, info (default), warn, error
	// ReportRetention is how long the reports bucket keeps a report (its
	// lifecycle rule), in whole days (AGENTIQ_REPORT_RETENTION_DAYS): a
	// finished report job expires with its report. Zero: kept.
	ReportRetention time.Duration
}

// FromEnv reads the settings. Every bad value is reported, each with its
// variable.
func FromEnv(getenv func(string) string) (Settings, error) {
	s := Settings{
		Store:              strings.ToLower(strings.TrimSpace(getenv("AGENTIQ_STORE"))),
		BoltPath:           getenv("AGENTIQ_BOLT_PATH"),
		Table:              getenv("AGENTIQ_TABLE"),
		DynamoEndpoint:     getenv("AGENTIQ_DYNAMODB_ENDPOINT"),
		PseudonymKeySecret: strings.TrimSpace(getenv("AGENTIQ_PSEUDONYM_KEY_SECRET")),
		TextTTL:            ingest.DefaultTextTTL,
		WBBaseURL:          strings.TrimSpace(getenv("WB_API_BASE_URL")),
		WBRate:             wb.ChatLimit,
		LocalSeller:        getenv("AGENTIQ_SELLER"),
		PollConcurrency:    4,
		PollMargin:         5 * time.Second,
	}
	var errs []error
	bad := func(name, v, want string) { errs = append(errs, fmt.Errorf("%s=%q: want %s", name, v, want)) }
	switch s.Store {
	case "":
		s.Store = StoreBolt
	case StoreBolt, StoreDynamo:
	default:
		bad("AGENTIQ_STORE", s.Store, "bolt or dynamodb")
	}
	if s.BoltPath == "" {
		s.BoltPath = filepath.Join("out", "agentiq.db")
	}
	if s.Store == StoreDynamo && s.Table == "" {
		errs = append(errs, errors.New("AGENTIQ_TABLE is required with AGENTIQ_STORE=dynamodb"))
	}
	if v := getenv("AGENTIQ_PSEUDONYM_KEY"); v != "" {
		k, err := decodeKey(v)
		if err != nil {
			errs = append(errs, fmt.Errorf("AGENTIQ_PSEUDONYM_KEY: %w", err))
		}
		s.PseudonymKey = k
	} else if s.Store == StoreDynamo && s.PseudonymKeySecret == "" {
		errs = append(errs, errors.New("AGENTIQ_PSEUDONYM_KEY_SECRET (or AGENTIQ_PSEUDONYM_KEY) is required with AGENTIQ_STORE=dynamodb"))
	}
	duration := func(name string, dst *time.Duration) {
		if v := getenv(name); v != "" {
			d, err := time.ParseDuration(v)
			if err != nil || d <= 0 {
				bad(name, v, "a positive duration, as 720h or 5s")
				return
			}
			*dst = d
		}
	}
	duration("AGENTIQ_TEXT_TTL", &s.TextTTL)
	duration("AGENTIQ_POLL_MARGIN", &s.PollMargin)
	if v := getenv("AGENTIQ_POLL_CONCURRENCY"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 64 {
			bad("AGENTIQ_POLL_CONCURRENCY", v, "a number from 1 to 64")
		}
		s.PollConcurrency = n
	}
	if v := getenv("AGENTIQ_REPORT_RETENTION_DAYS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 36500 {
			bad("AGENTIQ_REPORT_RETENTION_DAYS", v, "whole days, 1 to 36500")
		}
		s.ReportRetention = time.Duration(n) * 24 * time.Hour
	}
	if v := getenv("WB_API_RATE"); v != "" {
		l, err := wb.ParseLimit(v)
		if err != nil {
			bad("WB_API_RATE", v, "requests/period, as 10/10s")
		}
		s.WBRate = l
	}
	if s.LocalSeller == "" {
		s.LocalSeller = "demo"
	}
	if v := getenv("AGENTIQ_LOG_LEVEL"); v != "" {
		if err := s.LogLevel.UnmarshalText([]byte(v)); err != nil {
			bad("AGENTIQ_LOG_LEVEL", v, "debug, info, warn or error")
		}
	}
	return s, errors.Join(errs...)
}

func decodeKey(v string) ([]byte, error) {
	v = strings.TrimSpace(v)
	k, err := hex.DecodeString(v)
	if err != nil {
		if k, err = base64.StdEncoding.DecodeString(v); err != nil {
			return nil, errors.New("want hex or base64")
		}
	}
	if len(k) < 16 {
		return nil, fmt.Errorf("%d bytes, want at least 16", len(k))
	}
	return k, nil
}

// Logger is a function's logger: JSON lines on w (stderr in the
// functions), each with the function's name.
func (s Settings) Logger(w io.Writer, function string) *slog.Logger {
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: s.LogLevel})).With("function", function)
}

// Store is an opened store.
type Store interface {
	agentiq.Store
}

// Pseudonymizer returns the keyed pseudonymizer of the configured store:
// AGENTIQ_PSEUDONYM_KEY, the secret AGENTIQ_PSEUDONYM_KEY_SECRET names
// (read once), or the embedded store's key kept beside its file.
func (s *Settings) Pseudonymizer(ctx context.Context) (*pii.Pseudonymizer, error) {
	if s.PseudonymKey == nil && s.PseudonymKeySecret != "" {
		cfg, err := s.aws(ctx)
		if err != nil {
			return nil, err
		}
		if err := s.ReadPseudonymKey(ctx, secretsmanager.NewFromConfig(cfg)); err != nil {
			return nil, err
		}
	}
	key := s.PseudonymKey
	if key == nil {
		var err error
		if key, err = s.localKey(); err != nil {
			return nil, err
		}
	}
	pseudo, err := pii.NewPseudonymizer(key)
	if err != nil {
		return nil, fmt.Errorf("pseudonym key: %w", err)
	}
	return pseudo, nil
}

// OpenStore opens the configured store; close releases it.
func (s *Settings) OpenStore(ctx context.Context) (st Store, closeFn func() error, err error) {
	pseudo, err := s.Pseudonymizer(ctx)
	if err != nil {
		return nil, nil, err
	}
	opts := ingest.Options{Pseudonyms: pseudo, TextTTL: s.TextTTL}
	if s.DynamoEndpoint != "" {
		// DynamoDB Local takes at most 10 writes in a transaction
		// (DynamoDB takes 100).
		opts.MaxTxnItems = localMaxTxnItems
	}
	switch s.Store {
	case StoreDynamo:
		db, err := s.dynamoClient(ctx)
		if err != nil {
			return nil, nil, err
		}
		ds, err := dynamo.New(db, dynamo.Config{Table: s.Table, Ingest: opts})
		if err != nil {
			return nil, nil, err
		}
		return ds, func() error { return nil }, nil
	default:
		if err := os.MkdirAll(filepath.Dir(s.BoltPath), 0o750); err != nil {
			return nil, nil, fmt.Errorf("store folder: %w", err)
		}
		bs, err := bolt.Open(bolt.Config{Path: s.BoltPath, Ingest: opts})
		if err != nil {
			return nil, nil, err
		}
		return bs, bs.Close, nil
	}
}

// ReadPseudonymKey reads the pseudonym key from the secret
// PseudonymKeySecret names: the key itself (hex or base64), or JSON
// {"key": "…"}. Errors name the secret, never its value.
func (s *Settings) ReadPseudonymKey(ctx context.Context, sm tokens.SecretsAPI) error {
	v, err := tokens.Secret(ctx, sm, s.PseudonymKeySecret, "key")
	if err != nil {
		return fmt.Errorf("AGENTIQ_PSEUDONYM_KEY_SECRET: %w", err)
	}
	k, err := decodeKey(v)
	if err != nil {
		return fmt.Errorf("AGENTIQ_PSEUDONYM_KEY_SECRET: secret %q: %w", s.PseudonymKeySecret, err)
	}
	s.PseudonymKey = k
	return nil
}

// localKey reads the embedded store's pseudonym key from beside its file,
// making one the first time.
func (s *Settings) localKey() ([]byte, error) {
	if s.Store != StoreBolt {
		return nil, errors.New("AGENTIQ_PSEUDONYM_KEY_SECRET (or AGENTIQ_PSEUDONYM_KEY) is required")
	}
	path := s.BoltPath + ".key"
	if b, err := os.ReadFile(path); err == nil {
		k, err := decodeKey(string(b))
		if err != nil {
			return nil, fmt.Errorf("pseudonym key %s: %w", path, err)
		}
		return k, nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("pseudonym key: %w", err)
	}
	k := make([]byte, 32)
	if _, err := rand.Read(k); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return nil, err
	}
	if err := os.WriteFile(path, []byte(hex.EncodeToString(k)+"\n"), 0o600); err != nil {
		return nil, fmt.Errorf("pseudonym key: %w", err)
	}
	return k, nil
}

func (s *Settings) dynamoClient(ctx context.Context) (*dynamodb.Client, error) {
	cfg, err := s.aws(ctx)
	if err != nil {
		return nil, err
	}
	return dynamodb.NewFromConfig(cfg, func(o *dynamodb.Options) {
		if s.DynamoEndpoint != "" {
			o.BaseEndpoint = aws.String(s.DynamoEndpoint)
			// DynamoDB Local's CRC32 of error bodies does not match them.
			o.DisableValidateResponseChecksum = true
			// DynamoDB Local on a loaded machine has dropped a burst of
			// connections mid-response (a report's audit query failed its
			// three attempts within one second); more attempts, with the
			// standard backoff, outlast such a burst.
			o.RetryMaxAttempts = 8
		}
	}), nil
}

// PrepareLocalTable readies the table of DynamoDB Local
// (AGENTIQ_DYNAMODB_ENDPOINT) for a local run on st, the opened store:
// with reset it is deleted first, so that the run starts afresh; a missing
// table is created. It reports whether it created the table. Without an
// endpoint it does nothing: the cloud's table comes from template.yaml and
// is never deleted.
func (s *Settings) PrepareLocalTable(ctx context.Context, st Store, reset bool) (bool, error) {
	ds, ok := st.(*dynamo.Store)
	if s.Store != StoreDynamo || s.DynamoEndpoint == "" || !ok {
		return false, nil
	}
	db, err := s.dynamoClient(ctx)
	if err != nil {
		return false, err
	}
	var missing *ddbtypes.ResourceNotFoundException
	if reset {
		if _, err := db.DeleteTable(ctx, &dynamodb.DeleteTableInput{TableName: &s.Table}); err != nil && !errors.As(err, &missing) {
			return false, fmt.Errorf("reset table %s: %w", s.Table, err)
		}
	}
	if _, err := db.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: &s.Table}); err == nil {
		return false, nil
	} else if !errors.As(err, &missing) {
		return false, fmt.Errorf("table %s at %s: %w", s.Table, s.DynamoEndpoint, err)
	}
	if err := ds.CreateTable(ctx); err != nil {
		return false, err
	}
	w := dynamodb.NewTableExistsWaiter(db, func(o *dynamodb.TableExistsWaiterOptions) { o.MinDelay = 100 * time.Millisecond })
	if err := w.Wait(ctx, &dynamodb.DescribeTableInput{TableName: &s.Table}, 30*time.Second); err != nil {
		return false, fmt.Errorf("table %s: %w", s.Table, err)
	}
	return true, nil
}

// AWS is the SDK's configuration (region required), for clients of other
// services a function needs.
func (s *Settings) AWS(ctx context.Context) (aws.Config, error) { return s.aws(ctx) }

func (s *Settings) aws(ctx context.Context) (aws.Config, error) {
	cfg, err := awsconfig.LoadDefaultConfig(ctx)
	if err != nil {
		return cfg, fmt.Errorf("AWS configuration: %w", err)
	}
	if cfg.Region == "" {
		return cfg, errors.New("AWS configuration: no region (set AWS_REGION)")
	}
	return cfg, nil
}

// Tokens is the token source: the environment, and Secrets Manager when
// an AWS region is configured (always so in Lambda).
func (s *Settings) Tokens(ctx context.Context, getenv func(string) string) *tokens.Source {
	src := &tokens.Source{}
	if getenv("AWS_REGION") != "" || getenv("AWS_DEFAULT_REGION") != "" {
		if cfg, err := s.aws(ctx); err == nil {
			src.Secrets = secretsmanager.NewFromConfig(cfg)
		}
	}
	return src
}

// EnsureLocalSeller gives a local store with no seller — the embedded
// one, or DynamoDB Local (AGENTIQ_DYNAMODB_ENDPOINT set) — the local one,
// whose token is WB_API_TOKEN, so that a fresh checkout runs as is. It
// reports whether it created it. In the cloud it does nothing.
func (s *Settings) EnsureLocalSeller(ctx context.Context, st agentiq.SellerStore, now time.Time) (bool, error) {
	if s.Store != StoreBolt && s.DynamoEndpoint == "" {
		return false, nil
	}
	all, err := st.Sellers(ctx)
	if err != nil || len(all) > 0 {
		return false, err
	}
	err = st.PutSeller(ctx, agentiq.Seller{ID: s.LocalSeller, Name: "Локальный продавец", Timezone: "Europe/Moscow",
		TokenRef: "env:" + tokens.DefaultEnv, Active: true, CreatedAt: now.UTC()})
	return err == nil, err
}

// OpenFunctionStore opens the store for a function: on an empty embedded
// store it also creates the local seller (logged), so that a fresh
// checkout runs as is. cleanup closes it.
func (s *Settings) OpenFunctionStore(ctx context.Context, log *slog.Logger) (st Store, cleanup func(), err error) {
	st, closeStore, err := s.OpenStore(ctx)
	if err != nil {
		return nil, nil, err
	}
	cleanup = func() { _ = closeStore() }
	made, err := s.EnsureLocalSeller(ctx, st, time.Now())
	if err != nil {
		cleanup()
		return nil, nil, err
	}
	if made {
		log.Info("local seller created", "seller", s.LocalSeller, "token", "from WB_API_TOKEN")
	}
	return st, cleanup, nil
}

// Bucket is an S3 bucket through the AWS configuration (the SDK's
// AWS_ENDPOINT_URL_S3 points it at versitygw locally; path-style
// addressing then, as a local endpoint has no bucket subdomains).
func (s *Settings) Bucket(ctx context.Context, name string) (*s3store.Bucket, error) {
	cfg, err := s.aws(ctx)
	if err != nil {
		return nil, err
	}
	local := os.Getenv("AWS_ENDPOINT_URL_S3") != ""
	return s3store.New(s3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = local }), name), nil
}

// CheckpointDir is where local audit-chain checkpoints are kept: beside
// the embedded store, in a folder of its own for a DynamoDB table (a
// chain on DynamoDB Local is not the embedded store's chain).
func (s *Settings) CheckpointDir() string {
	dir := filepath.Join(filepath.Dir(s.BoltPath), "checkpoints")
	if s.Store == StoreDynamo {
		return filepath.Join(dir, "dynamodb-"+s.Table)
	}
	return dir
}

// CheckpointBucketEnv names the checkpoint bucket (cloud).
const CheckpointBucketEnv = "AGENTIQ_CHECKPOINT_BUCKET"

// CheckpointLog is where audit-chain checkpoints are kept: the locked
// bucket AGENTIQ_CHECKPOINT_BUCKET names (the cloud's way), else the
// folder beside the store (CheckpointDir).
func (s *Settings) CheckpointLog(ctx context.Context, getenv func(string) string) (auditchain.Log, error) {
	if bucket := getenv(CheckpointBucketEnv); bucket != "" {
		return s.Bucket(ctx, bucket)
	}
	return auditchain.FileLog{Dir: s.CheckpointDir()}, nil
}

// CheckpointKeySecretEnv names the Secrets Manager secret (ARN) holding
// the key that signs audit-chain checkpoints in the cloud.
const CheckpointKeySecretEnv = "AGENTIQ_CHECKPOINT_KEY_SECRET"

// CheckpointKey is the key that signs audit-chain checkpoints: read from
// the secret AGENTIQ_CHECKPOINT_KEY_SECRET names when set (the cloud's
// way; errors name the secret, never its value), else the local key kept
// beside the embedded store (made the first time).
func (s *Settings) CheckpointKey(ctx context.Context, getenv func(string) string) ([]byte, error) {
	arn := getenv(CheckpointKeySecretEnv)
	if arn == "" {
		return auditchain.LocalKey(s.BoltPath + ".checkpoint-key")
	}
	cfg, err := s.aws(ctx)
	if err != nil {
		return nil, err
	}
	return ReadCheckpointKey(ctx, secretsmanager.NewFromConfig(cfg), arn)
}

// ReadCheckpointKey reads the checkpoint key from the secret arn: the key
// itself (hex or base64), or JSON {"key": "…"}.
func ReadCheckpointKey(ctx context.Context, sm tokens.SecretsAPI, arn string) ([]byte, error) {
	v, err := tokens.Secret(ctx, sm, arn, "key")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", CheckpointKeySecretEnv, err)
	}
	k, err := decodeKey(v)
	if err != nil {
		return nil, fmt.Errorf("%s: secret %q: %w", CheckpointKeySecretEnv, arn, err)
	}
	return k, nil
}
