package lambdainvoke_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/lambda"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/lambdainvoke"
)

// TestStartReport: the real SDK client against a stand-in of Lambda's
// Invoke endpoint: the job goes as an asynchronous (Event) invocation of
// the named function, and a refusal is an error.
func TestStartReport(t *testing.T) {
	job := agentiq.ReportJob{SellerID: "s1", ID: "rep-1", Kind: "audit", Format: "pdf", From: "2026-11-01", To: "2026-11-30", Lang: "en",
		Status: agentiq.ReportQueued, CreatedAt: time.Now()}
	tests := []struct {
		name    string
		status  int
		answer  string
		wantErr bool
	}{
		{"accepted", 202, "", false},
		{"no such function", 404, `{"Type":"User","message":"Function not found"}`, true},
		{"throttled", 429, `{"Type":"User","message":"Rate exceeded"}`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got struct {
				method, path, invocation string
				body                     map[string]string
			}
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				data, _ := io.ReadAll(r.Body)
				got.method, got.path, got.invocation = r.Method, r.URL.Path, r.Header.Get("X-Amz-Invocation-Type")
				_ = json.Unmarshal(data, &got.body)
				if tt.status >= 400 {
					w.Header().Set("X-Amzn-ErrorType", "ResourceNotFoundException")
				}
				w.WriteHeader(tt.status)
				_, _ = io.WriteString(w, tt.answer)
			}))
			defer srv.Close()
			client := lambda.New(lambda.Options{Region: "eu-central-1", BaseEndpoint: aws.String(srv.URL),
				Credentials:      credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "test-secret", ""),
				RetryMaxAttempts: 1})
			err := lambdainvoke.Reporter{Client: client, Function: "agentiq-ReporterFunction"}.StartReport(context.Background(), job)
			if (err != nil) != tt.wantErr {
				t.Fatalf("error %v", err)
			}
			if got.method != "POST" || got.path != "/2015-03-31/functions/agentiq-ReporterFunction/invocations" || got.invocation != "Event" {
				t.Errorf("request %s %s invocation %q", got.method, got.path, got.invocation)
			}
			want := map[string]string{"seller": "s1", "kind": "audit", "format": "pdf", "from": "2026-11-01", "to": "2026-11-30", "lang": "en", "job_id": "rep-1"}
			for k, v := range want {
				if got.body[k] != v {
					t.Errorf("payload %s = %q, want %q", k, got.body[k], v)
				}
			}
			if err != nil && strings.Contains(err.Error(), "test-secret") {
				t.Errorf("the error shows a secret: %v", err)
			}
		})
	}
	if err := (lambdainvoke.Reporter{}).StartReport(context.Background(), job); err == nil {
		t.Error("no client: no error")
	}
}
