package tokens

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	agentiq "github.com/agentiq/agentiq/shared"
)

// secretsServer speaks Secrets Manager's JSON protocol for GetSecretValue,
// so that the real SDK client is used over real HTTP.
func secretsServer(t *testing.T, secrets map[string]string, calls *atomic.Int64) *secretsmanager.Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		if r.Header.Get("X-Amz-Target") != "secretsmanager.GetSecretValue" || !strings.HasPrefix(r.Header.Get("Authorization"), "AWS4-HMAC-SHA256") {
			w.WriteHeader(400)
			return
		}
		var in struct{ SecretId string }
		json.NewDecoder(r.Body).Decode(&in)
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		v, ok := secrets[in.SecretId]
		if !ok {
			w.WriteHeader(400)
			json.NewEncoder(w).Encode(map[string]string{"__type": "ResourceNotFoundException", "Message": "Secrets Manager can't find the specified secret."})
			return
		}
		json.NewEncoder(w).Encode(map[string]string{"ARN": "arn:aws:secretsmanager:eu-central-1:123:secret:" + in.SecretId, "Name": in.SecretId, "SecretString": v})
	}))
	t.Cleanup(srv.Close)
	return secretsmanager.New(secretsmanager.Options{Region: "eu-central-1", BaseEndpoint: aws.String(srv.URL),
		Credentials: credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", "")})
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
