// Package sandboxtest serves the WB sandbox over real HTTP for tests.
package sandboxtest

import (
	"net/http/httptest"
	"testing"

	"github.com/agentiq/agentiq/shared/wb/wbsandbox"
)

// Start serves a sandbox made from cfg on a loopback port until the test
// ends, and returns it with its base URL.
func Start(tb testing.TB, cfg wbsandbox.Config) (*wbsandbox.Server, string) {
	tb.Helper()
	sb, err := wbsandbox.New(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	srv := httptest.NewServer(sb)
	tb.Cleanup(srv.Close)
	return sb, srv.URL
}

// ExpectClean fails the test, when it ends, if the sandbox saw a request or
// gave an answer that does not match WB's OpenAPI file, or a request over
// WB's rate limit: what a well-behaved client never causes.
func ExpectClean(tb testing.TB, sb *wbsandbox.Server) {
	tb.Cleanup(func() {
		if st := sb.Stats(); st.InvalidRequests != 0 || st.InvalidResponses != 0 || st.Violations != 0 {
			tb.Errorf("sandbox: %d invalid requests, %d invalid answers, %d rate-limit violations",
				st.InvalidRequests, st.InvalidResponses, st.Violations)
		}
	})
}
