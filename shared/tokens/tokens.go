// Package tokens finds each seller's WB API token where its TokenRef
// says: AWS Secrets Manager in the cloud (one secret per seller, cached for
// the life of the Lambda container), the environment locally. Tokens are
// never stored with the seller, and never logged.
package tokens

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"

	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/wb"
)

// DefaultEnv is the variable holding the token of a seller whose TokenRef
// is empty (a local setup).
const DefaultEnv = "WB_API_TOKEN"

// ErrNoToken: the seller's token could not be found.
var ErrNoToken = errors.New("no WB API token")

// Ref kinds: "env:NAME", "secretsmanager:NAME-OR-ARN" (an ARN of Secrets
// Manager may also be given bare).
const (
	envPrefix     = "env:"
	secretsPrefix = "secretsmanager:"
	arnPrefix     = "arn:aws:secretsmanager:"
)

// SecretsAPI is the part of the Secrets Manager client used here.
type SecretsAPI interface {
	GetSecretValue(ctx context.Context, in *secretsmanager.GetSecretValueInput, opts ...func(*secretsmanager.Options)) (*secretsmanager.GetSecretValueOutput, error)
}

// Source finds tokens. The zero Source reads the environment only.
type Source struct {
	// Secrets reads secretsmanager refs; nil refuses them.
	Secrets SecretsAPI
	// Getenv reads the environment; nil is os.LookupEnv.
	Getenv func(string) (string, bool)

	mu    sync.Mutex
	cache map[string]wb.Token // secret id → token, for the container's life
}

// Token returns the seller's token.
func (s *Source) Token(ctx context.Context, sel agentiq.Seller) (wb.Token, error) {
	ref := strings.TrimSpace(sel.TokenRef)
	switch {
	case ref == "":
		return s.env(sel, DefaultEnv)
	case strings.HasPrefix(ref, envPrefix):
		return s.env(sel, strings.TrimPrefix(ref, envPrefix))
	case strings.HasPrefix(ref, secretsPrefix):
		return s.secret(ctx, sel, strings.TrimPrefix(ref, secretsPrefix))
	case strings.HasPrefix(ref, arnPrefix):
		return s.secret(ctx, sel, ref)
	}
	return "", fmt.Errorf("seller %s: %w: token reference %q is neither env:NAME nor secretsmanager:ID", sel.ID, ErrNoToken, ref)
}

func (s *Source) env(sel agentiq.Seller, name string) (wb.Token, error) {
	get := s.Getenv
	if get == nil {
		get = os.LookupEnv
	}
	v, ok := get(name)
	if v = strings.TrimSpace(v); !ok || v == "" {
		return "", fmt.Errorf("seller %s: %w: set %s", sel.ID, ErrNoToken, name)
	}
	return wb.Token(v), nil
}

func (s *Source) secret(ctx context.Context, sel agentiq.Seller, id string) (wb.Token, error) {
	s.mu.Lock()
	tok, ok := s.cache[id]
	s.mu.Unlock()
	if ok {
		return tok, nil
	}
	if s.Secrets == nil {
		return "", fmt.Errorf("seller %s: %w: Secrets Manager is not configured for %q", sel.ID, ErrNoToken, id)
	}
	out, err := s.Secrets.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: &id})
	if err != nil {
		return "", fmt.Errorf("seller %s: %w: reading secret %q: %w", sel.ID, ErrNoToken, id, err)
	}
	if out.SecretString == nil {
		return "", fmt.Errorf("seller %s: %w: secret %q holds no string", sel.ID, ErrNoToken, id)
	}
	tok, err = parseSecret(*out.SecretString)
	if err != nil {
		return "", fmt.Errorf("seller %s: %w: secret %q: %w", sel.ID, ErrNoToken, id, err)
	}
	s.mu.Lock()
	if s.cache == nil {
		s.cache = map[string]wb.Token{}
	}
	s.cache[id] = tok
	s.mu.Unlock()
	return tok, nil
}

// parseSecret takes the token itself, or JSON {"token": "…"} (the shape
// the console's key/value editor writes).
func parseSecret(v string) (wb.Token, error) {
	v = strings.TrimSpace(v)
	if strings.HasPrefix(v, "{") {
		var m map[string]string
		if err := json.Unmarshal([]byte(v), &m); err != nil {
			return "", errors.New("a JSON secret must be {\"token\": \"…\"}")
		}
		v = strings.TrimSpace(m["token"])
	}
	if v == "" {
		return "", errors.New("the secret is empty")
	}
	return wb.Token(v), nil
}

// Forget drops a cached token (WB refused it: it may have been rotated),
// so the next call reads the secret again.
func (s *Source) Forget(sel agentiq.Seller) {
	ref := strings.TrimPrefix(strings.TrimSpace(sel.TokenRef), secretsPrefix)
	s.mu.Lock()
	delete(s.cache, ref)
	s.mu.Unlock()
}

// Secret reads the string secret id (a name or an ARN), for settings kept
// in Secrets Manager rather than in the environment. JSON {"<field>": "…"}
// gives that field (the console's key/value editor writes JSON); anything
// else is the value itself.
func Secret(ctx context.Context, sm SecretsAPI, id, field string) (string, error) {
	out, err := sm.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: &id})
	if err != nil {
		return "", fmt.Errorf("reading secret %q: %w", id, err)
	}
	if out.SecretString == nil {
		return "", fmt.Errorf("secret %q holds no string", id)
	}
	v := strings.TrimSpace(*out.SecretString)
	if strings.HasPrefix(v, "{") {
		var m map[string]string
		if err := json.Unmarshal([]byte(v), &m); err != nil {
			return "", fmt.Errorf("secret %q: a JSON secret must be {%q: \"…\"}", id, field)
		}
		v = strings.TrimSpace(m[field])
	}
	if v == "" {
		return "", fmt.Errorf("secret %q is empty", id)
	}
	return v, nil
}
