package config

import (
	"bytes"
	"context"
	"encoding/hex"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/agentiq/agentiq/shared/tokens/secretstest"
)

// In the cloud the pseudonym key is read at init from Secrets Manager by
// the ARN in AGENTIQ_PSEUDONYM_KEY_SECRET; errors name the secret and
// never show its value.
func TestPseudonymKeySecret(t *testing.T) {
	const keyHex = "00112233445566778899aabbccddeeff0011223344556677"
	const arn = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:agentiq/pseudonym-key-AbCdEf"
	var calls atomic.Int64
	sm := secretstest.Start(t, map[string]string{
		arn:               keyHex,
		"json":            `{"key": "` + keyHex + `"}`,
		"short":           "0011aabbccdd",
		"json-other":      `{"token": "x"}`,
		"not-json-object": `{"key": 1}`,
	}, &calls)
	want, _ := hex.DecodeString(keyHex)

	set, err := FromEnv(getenv(map[string]string{"AGENTIQ_STORE": "dynamodb", "AGENTIQ_TABLE": "t", "AGENTIQ_PSEUDONYM_KEY_SECRET": arn}))
	if err != nil {
		t.Fatalf("a secret ARN alone should do: %v", err)
	}
	if set.PseudonymKey != nil {
		t.Fatal("the key was set before it was read")
	}
	for _, id := range []string{arn, "json"} {
		s := set
		s.PseudonymKeySecret = id
		if err := s.ReadPseudonymKey(context.Background(), sm); err != nil || !bytes.Equal(s.PseudonymKey, want) {
			t.Errorf("%s: key %x, %v", id, s.PseudonymKey, err)
		}
	}
	for _, id := range []string{"missing", "short", "json-other", "not-json-object"} {
		s := set
		s.PseudonymKeySecret = id
		err := s.ReadPseudonymKey(context.Background(), sm)
		if err == nil || s.PseudonymKey != nil {
			t.Errorf("%s: no error", id)
			continue
		}
		if !strings.Contains(err.Error(), "AGENTIQ_PSEUDONYM_KEY_SECRET") || !strings.Contains(err.Error(), id) || strings.Contains(err.Error(), "0011aabbccdd") {
			t.Errorf("%s: unclear or leaking error %q", id, err)
		}
	}
	if calls.Load() != 6 {
		t.Errorf("%d calls to Secrets Manager, want 6", calls.Load())
	}
	// Neither a key nor a secret: refused with both names.
	_, err = FromEnv(getenv(map[string]string{"AGENTIQ_STORE": "dynamodb", "AGENTIQ_TABLE": "t"}))
	if err == nil || !strings.Contains(err.Error(), "AGENTIQ_PSEUDONYM_KEY_SECRET") {
		t.Errorf("%v", err)
	}
}

// The checkpoint key is read from the secret the reporter is given; a
// missing or short one is an error naming the secret, never its value.
func TestCheckpointKeySecret(t *testing.T) {
	const keyHex = "ffeeddccbbaa99887766554433221100ffeeddccbbaa9988"
	const arn = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:agentiq/checkpoint-key-AbCdEf"
	sm := secretstest.Start(t, map[string]string{arn: keyHex, "short": "ffeedd"}, nil)
	want, _ := hex.DecodeString(keyHex)
	if k, err := ReadCheckpointKey(context.Background(), sm, arn); err != nil || !bytes.Equal(k, want) {
		t.Errorf("key %x, %v", k, err)
	}
	for _, id := range []string{"missing", "short"} {
		k, err := ReadCheckpointKey(context.Background(), sm, id)
		if err == nil || k != nil || !strings.Contains(err.Error(), CheckpointKeySecretEnv) || strings.Contains(err.Error(), "ffeedd") {
			t.Errorf("%s: key %x, error %v", id, k, err)
		}
	}
}
