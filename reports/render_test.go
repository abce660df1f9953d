package reports

import (
	"os"
	"path/filepath"
	"testing"
	"time"
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
	tampered := cleanFixture().source()
	tamper(tampered, 42)
	req := request(KindAudit, FormatPDF)
	req.Chain = &ChainStatus{FirstBad: 42, Records: 41, Problem: "record 42 was altered", CheckpointSeq: 40,
		CheckpointAt: periodLo.Add(100 * time.Hour), CheckpointHash: "ab12cd34ef56ab12cd34"}
	if err := os.WriteFile(filepath.Join(dir, "tampered-audit.pdf"), build(t, tampered, req), 0o600); err != nil {
		t.Fatal(err)
	}
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
