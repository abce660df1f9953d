package reports

import (
	"context"
	"os"
	"testing"
)

func TestSmoke(t *testing.T) {
	src := withViolations(cleanFixture()).source()
	for _, k := range []Kind{KindAudit, KindConsent} {
		for _, f := range []Format{FormatXLSX, FormatPDF} {
			out, _ := os.Create("/tmp/rep/" + string(k) + "." + string(f))
			if err := Write(context.Background(), out, src, request(k, f)); err != nil {
				t.Fatal(k, f, err)
			}
			out.Close()
		}
	}
}
