package reports

import (
	"os"
	"path/filepath"
	"testing"
)

// TestRenderForReview writes the fixed data set's reports to
// $AGENTIQ_REPORT_DIR (when set) for a person to look at, e.g. rendered
// with pdftoppm -png -r 60.
func TestRenderForReview(t *testing.T) {
	dir := os.Getenv("AGENTIQ_REPORT_DIR")
	if dir == "" {
		t.Skip("set AGENTIQ_REPORT_DIR to write the reports for review")
	}
	src := withViolations(cleanFixture()).source()
	for _, l := range []Lang{LangRU, LangEN} {
		for _, k := range []Kind{KindAudit, KindConsent} {
			for _, f := range []Format{FormatXLSX, FormatPDF} {
				req := request(k, f)
				req.Lang = l
				if err := os.WriteFile(filepath.Join(dir, FileName(req)), build(t, src, req), 0o600); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}
