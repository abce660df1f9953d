package api_test

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/agentiq/agentiq/reports"
	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/api"
	"github.com/agentiq/agentiq/shared/s3store"
	"github.com/agentiq/agentiq/shared/s3store/s3test"
)

// reportEnv is an API whose report jobs run in the process (as agentiq
// api runs them) into sink; finished jobs are told on done.
func reportEnv(t *testing.T, sink reports.Sink, rep api.Reporting, tune ...func(*reports.Service)) (*env, chan agentiq.ReportJob) {
	t.Helper()
	st := boltStore(t)
	done := make(chan agentiq.ReportJob, 4)
	svc := &reports.Service{Source: reports.NewStoreSource(st), Sellers: st, Jobs: st, Sink: sink, TmpDir: t.TempDir()}
	for _, f := range tune {
		f(svc)
	}
	bg := &reports.Background{Service: svc, Finished: func(j agentiq.ReportJob) { done <- j }}
	t.Cleanup(bg.Wait)
	rep.Starter = bg
	return newEnvOn(t, 2, st, func(c *api.Config) { c.Reporting = rep }), done
}

// wait waits for the next job to finish (bounded: a hung job fails the
// test instead of hanging it).
func wait(t *testing.T, done chan agentiq.ReportJob) agentiq.ReportJob {
	t.Helper()
	select {
	case j := <-done:
		return j
	case <-time.After(2 * time.Minute):
		t.Fatal("the report job never finished")
	}
	return agentiq.ReportJob{}
}

var jobIDRe = regexp.MustCompile(`^rep-[0-9a-f]{24}$`)

// TestReportLocal: an officer asks for a report over HTTP, it is written
// in the background, its status then says done with agentiq api's own
// download URL, and that URL gives a real XLSX or PDF — to an officer of
// this seller only.
func TestReportLocal(t *testing.T) {
	dir := t.TempDir()
	e, done := reportEnv(t, reports.DirSink{Dir: dir}, api.Reporting{Dir: dir})
	officer := e.tok(t, "s1", "olga", api.RoleOfficer)
	today := e.now.Format(time.DateOnly)
	week := e.now.AddDate(0, 0, -7).Format(time.DateOnly)
	tests := []struct {
		kind, format, lang, ctype string
		real                      func([]byte) error
	}{
		{"audit", "xlsx", "ru", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", isXLSX},
		{"consent", "pdf", "en", "application/pdf", isPDF},
	}
	for _, tt := range tests {
		t.Run(tt.kind+"-"+tt.format, func(t *testing.T) {
			key := e.key()
			body := map[string]any{"kind": tt.kind, "format": tt.format, "from": week, "to": today, "lang": tt.lang}
			first := e.call(t, "POST", "/v1/sellers/s1/reports", officer, key, body)
			var st api.ReportStatus
			first.into(t, &st)
			if first.status != 202 || !jobIDRe.MatchString(st.ID) || st.RequestedBy != "olga" || st.Kind != tt.kind || st.Lang != tt.lang {
				t.Fatalf("request: %d %s", first.status, first.body)
			}
			if again := e.call(t, "POST", "/v1/sellers/s1/reports", officer, key, body); string(again.body) != string(first.body) {
				t.Errorf("replay: %d %s", again.status, again.body)
			}
			if j := wait(t, done); j.ID != st.ID || j.Status != agentiq.ReportDone {
				t.Fatalf("job %+v", j)
			}
			got := e.call(t, "GET", "/v1/sellers/s1/reports/"+st.ID, officer, "", nil)
			got.into(t, &st)
			want := e.srv.URL + "/v1/sellers/s1/reports/" + st.ID + "/file"
			if got.status != 200 || st.Status != agentiq.ReportDone || st.DownloadURL != want || st.Bytes == 0 || st.DownloadExpiresAt != nil {
				t.Fatalf("status: %d %s", got.status, got.body)
			}
			file := e.call(t, "GET", strings.TrimPrefix(st.DownloadURL, e.srv.URL), officer, "", nil)
			if file.status != 200 || file.header.Get("Content-Type") != tt.ctype || int64(len(file.body)) != st.Bytes ||
				!strings.Contains(file.header.Get("Content-Disposition"), "."+tt.format) {
				t.Fatalf("download: %d %v, %d bytes", file.status, file.header, len(file.body))
			}
			if err := tt.real(file.body); err != nil {
				t.Errorf("the download is not a real %s: %v", tt.format, err)
			}
			// The file is an officer's of this seller only.
			if a := e.call(t, "GET", strings.TrimPrefix(st.DownloadURL, e.srv.URL), e.tok(t, "s1", "op", api.RoleOperator), "", nil); a.status != 403 {
				t.Errorf("an operator downloaded it: %d", a.status)
			}
			if a := e.call(t, "GET", "/v1/sellers/s2/reports/"+st.ID+"/file", e.tok(t, "s2", "olga2", api.RoleOfficer), "", nil); a.code() != "unknown_report" {
				t.Errorf("another seller's officer: %d %s", a.status, a.body)
			}
		})
	}
}

func isXLSX(b []byte) error {
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return err
	}
	for _, f := range z.File {
		if f.Name == "xl/workbook.xml" {
			return nil
		}
	}
	return errors.New("no xl/workbook.xml")
}

func isPDF(b []byte) error {
	if !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.Contains(b[max(0, len(b)-64):], []byte("%%EOF")) {
		return errors.New("no PDF header or trailer")
	}
	return nil
}

// TestReportExpires: a finished job says when it expires with its report;
// past that the API answers 404, not a link to a report that is gone.
func TestReportExpires(t *testing.T) {
	dir := t.TempDir()
	const retention = 400 * 24 * time.Hour
	var finishAt time.Time // the reporter's clock when the job ends
	e, done := reportEnv(t, reports.DirSink{Dir: dir}, api.Reporting{Dir: dir}, func(s *reports.Service) {
		s.Retention, s.Now = retention, func() time.Time { return finishAt }
	})
	officer := e.tok(t, "s1", "olga", api.RoleOfficer)
	ask := func() api.ReportStatus {
		var st api.ReportStatus
		e.call(t, "POST", "/v1/sellers/s1/reports", officer, e.key(), map[string]any{"kind": "consent", "format": "xlsx",
			"from": e.now.AddDate(0, 0, -3).Format(time.DateOnly), "to": e.now.Format(time.DateOnly)}).into(t, &st)
		if j := wait(t, done); j.Status != agentiq.ReportDone {
			t.Fatalf("job %+v", j)
		}
		return st
	}
	finishAt = time.Now().UTC()
	fresh := ask()
	var st api.ReportStatus
	e.call(t, "GET", "/v1/sellers/s1/reports/"+fresh.ID, officer, "", nil).into(t, &st)
	if st.ExpiresAt == nil || !st.ExpiresAt.Equal(st.UpdatedAt.Add(retention)) || st.DownloadURL == "" {
		t.Errorf("a fresh report: %+v", st)
	}
	finishAt = time.Now().UTC().Add(-retention - time.Hour) // ended past its retention
	old := ask()
	for _, path := range []string{"/v1/sellers/s1/reports/" + old.ID, "/v1/sellers/s1/reports/" + old.ID + "/file"} {
		if a := e.call(t, "GET", path, officer, "", nil); a.status != 404 || a.code() != "unknown_report" {
			t.Errorf("GET %s of an expired report: %d %s", path, a.status, a.code())
		}
	}
}

// TestReportPresigned: in the cloud's arrangement — the report written to
// the reports bucket (versitygw) — a done job's status carries a presigned
// GET URL, valid at most 15 minutes, that downloads the report.
func TestReportPresigned(t *testing.T) {
	if testing.Short() {
		t.Skip("starts versitygw")
	}
	gw, err := s3test.Start(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(gw.Stop)
	if _, err := gw.Client().CreateBucket(context.Background(), &s3.CreateBucketInput{Bucket: aws.String("reports")}); err != nil {
		t.Fatal(err)
	}
	b := s3store.New(gw.Client(), "reports")
	e, done := reportEnv(t, b, api.Reporting{Downloads: b})
	officer := e.tok(t, "s1", "olga", api.RoleOfficer)
	var st api.ReportStatus
	e.call(t, "POST", "/v1/sellers/s1/reports", officer, e.key(), map[string]any{"kind": "audit", "format": "pdf",
		"from": e.now.AddDate(0, 0, -3).Format(time.DateOnly), "to": e.now.Format(time.DateOnly)}).into(t, &st)
	if j := wait(t, done); j.Status != agentiq.ReportDone || !strings.HasPrefix(j.Location, "s3://reports/s1/") {
		t.Fatalf("job %+v", j)
	}
	asked := time.Now()
	e.call(t, "GET", "/v1/sellers/s1/reports/"+st.ID, officer, "", nil).into(t, &st)
	if st.DownloadURL == "" || st.DownloadExpiresAt == nil || st.DownloadExpiresAt.After(asked.Add(api.DownloadTTL+time.Second)) ||
		!strings.Contains(st.DownloadURL, "X-Amz-Expires=900") {
		t.Fatalf("status %+v", st)
	}
	res, err := http.Get(st.DownloadURL)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	data, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 || int64(len(data)) != st.Bytes {
		t.Fatalf("presigned download: %d, %d bytes", res.StatusCode, len(data))
	}
	if err := isPDF(data); err != nil {
		t.Error(err)
	}
	// The file route is agentiq api's alone.
	if a := e.call(t, "GET", "/v1/sellers/s1/reports/"+st.ID+"/file", officer, "", nil); a.status != 404 {
		t.Errorf("the file route in the cloud: %d %s", a.status, a.body)
	}
}

// starter is a report runner that does not run: jobs stay queued, or
// fail to start.
type starter struct{ err error }

func (s starter) StartReport(context.Context, agentiq.ReportJob) error { return s.err }

// TestReportBadRequests: bad report requests and look-ups get 4xx in the
// one shape; a job that cannot start is marked failed.
func TestReportBadRequests(t *testing.T) {
	dir := t.TempDir()
	e := newEnvOn(t, 1, boltStore(t), func(c *api.Config) { c.Reporting = api.Reporting{Starter: starter{}, Dir: dir} })
	officer := e.tok(t, "s1", "olga", api.RoleOfficer)
	ok := map[string]any{"kind": "audit", "format": "xlsx", "from": "2026-11-01", "to": "2026-11-30"}
	with := func(k string, v any) map[string]any {
		b := map[string]any{}
		for k, v := range ok {
			b[k] = v
		}
		b[k] = v
		return b
	}
	cases := []struct {
		name   string
		body   any
		status int
		code   string
	}{
		{"unknown kind", with("kind", "sales"), 400, "invalid_request"},
		{"unknown format", with("format", "csv"), 400, "invalid_request"},
		{"unknown language", with("lang", "de"), 400, "invalid_request"},
		{"not a date", with("from", "01.11.2026"), 400, "invalid_request"},
		{"reversed period", with("to", "2026-10-01"), 400, "invalid_request"},
		{"too long a period", with("from", "2024-01-01"), 400, "invalid_request"},
		{"unknown field", with("seller", "s2"), 400, "unknown_field"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := e.raw(t, "POST", "/v1/sellers/s1/reports", officer, e.key(), c.body)
			if a.status != c.status || a.code() != c.code {
				t.Errorf("%d %s, want %d %s", a.status, a.body, c.status, c.code)
			}
		})
	}
	// Queued, not done: no URL, no file.
	var st api.ReportStatus
	e.call(t, "POST", "/v1/sellers/s1/reports", officer, e.key(), ok).into(t, &st)
	if st.Status != agentiq.ReportQueued || st.DownloadURL != "" {
		t.Errorf("queued job %+v", st)
	}
	if a := e.call(t, "GET", "/v1/sellers/s1/reports/"+st.ID+"/file", officer, "", nil); a.status != 409 || a.code() != "report_not_ready" {
		t.Errorf("file of a queued job: %d %s", a.status, a.body)
	}
	if a := e.call(t, "GET", "/v1/sellers/s1/reports/rep-000000000000000000000000", officer, "", nil); a.status != 404 || a.code() != "unknown_report" {
		t.Errorf("unknown job: %d %s", a.status, a.body)
	}
	// A done job whose file is gone.
	j, err := e.store.ReportJob(t.Context(), "s1", st.ID)
	if err != nil {
		t.Fatal(err)
	}
	j.Status, j.Key = agentiq.ReportDone, "s1/2026-11/gone.xlsx"
	if _, err := e.store.UpdateReportJob(t.Context(), j); err != nil {
		t.Fatal(err)
	}
	if a := e.call(t, "GET", "/v1/sellers/s1/reports/"+st.ID+"/file", officer, "", nil); a.status != 410 || a.code() != "report_gone" {
		t.Errorf("file gone: %d %s", a.status, a.body)
	}
	if _, err := os.Stat(filepath.Join(dir, "s1")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("something was written: %v", err)
	}

	// The runner refuses: the answer is 500 and the job says failed.
	e2 := newEnvOn(t, 1, boltStore(t), func(c *api.Config) { c.Reporting = api.Reporting{Starter: starter{errors.New("throttled")}} })
	key := e2.key()
	if a := e2.call(t, "POST", "/v1/sellers/s1/reports", e2.tok(t, "s1", "olga", api.RoleOfficer), key, ok); a.status != 500 {
		t.Fatalf("start refused: %d %s", a.status, a.body)
	}
	var failed api.ReportStatus
	again := e2.call(t, "POST", "/v1/sellers/s1/reports", e2.tok(t, "s1", "olga", api.RoleOfficer), key, ok)
	again.into(t, &failed)
	if failed.Status != agentiq.ReportFailed || failed.Error == "" {
		t.Errorf("the job after a refused start: %s", again.body)
	}
}
