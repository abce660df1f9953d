package tokens

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/tokens/secretstest"
)

func secretsServer(t *testing.T, secrets map[string]string, calls *atomic.Int64) *secretsmanager.Client {
	return secretstest.Start(t, secrets, calls)
}

func TestSource(t *testing.T) {
	var calls atomic.Int64
	sm := secretsServer(t, map[string]string{
		"agentiq/wb/s1": "tok-one",
		"agentiq/wb/s2": `{"token": "tok-two"}`,
		"agentiq/wb/s3": `{"other": "x"}`,
	}, &calls)
	env := map[string]string{"WB_API_TOKEN": "tok-local", "WB_TOKEN_S5": " tok-five "}
	src := &Source{Secrets: sm, Getenv: func(k string) (string, bool) { v, ok := env[k]; return v, ok }}
	ctx := context.Background()
	cases := []struct {
		ref  string
		want string // "" for an error
	}{
		{"", "tok-local"},
		{"env:WB_TOKEN_S5", "tok-five"},
		{"env:MISSING", ""},
		{"secretsmanager:agentiq/wb/s1", "tok-one"},
		{"secretsmanager:agentiq/wb/s2", "tok-two"},
		{"secretsmanager:agentiq/wb/s3", ""},
		{"secretsmanager:agentiq/wb/none", ""},
		{"vault:x", ""},
	}
	for _, tc := range cases {
		got, err := src.Token(ctx, agentiq.Seller{ID: "s", TokenRef: tc.ref})
		if tc.want == "" {
			if !errors.Is(err, ErrNoToken) {
				t.Errorf("ref %q: %q, %v; want ErrNoToken", tc.ref, string(got), err)
			}
			continue
		}
		if err != nil || string(got) != tc.want {
			t.Errorf("ref %q: %q, %v; want %q", tc.ref, string(got), err, tc.want)
		}
	}
	// Cached for the container's life: no second call for the same secret.
	before := calls.Load()
	s1 := agentiq.Seller{ID: "s1", TokenRef: "secretsmanager:agentiq/wb/s1"}
	if _, err := src.Token(ctx, s1); err != nil || calls.Load() != before {
		t.Errorf("a cached secret was read again (%d calls), %v", calls.Load()-before, err)
	}
	src.Forget(s1)
	if _, err := src.Token(ctx, s1); err != nil || calls.Load() != before+1 {
		t.Errorf("a forgotten secret was not read again, %v", err)
	}
}

func TestNoSecretsManager(t *testing.T) {
	src := &Source{}
	_, err := src.Token(context.Background(), agentiq.Seller{ID: "s", TokenRef: "arn:aws:secretsmanager:eu-central-1:1:secret:x"})
	if !errors.Is(err, ErrNoToken) || !strings.Contains(err.Error(), "not configured") {
		t.Errorf("%v", err)
	}
}
