package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/api"
)

type doFunc func(method, path, token, key string, body string) (int, []byte)

// testAPIConsentsAndReports, against `agentiq api` after `agentiq run`:
// the register imported by `agentiq consent import` is found by the same
// phone number written another way (one pseudonym key), and an audit
// report asked for over HTTP is written by the server and downloaded from
// the URL its status gives: a workbook Excel's own reader opens.
func testAPIConsentsAndReports(t *testing.T, do doFunc, officer string, done chan agentiq.ReportJob) {
	status, body := do("GET", "/v1/sellers/demo/consents?subject=89165554433", officer, "", "")
	var list api.ConsentList
	if err := json.Unmarshal(body, &list); status != 200 || err != nil || list.Count != 1 || list.Events[0].RecordID != "crm-77" {
		t.Errorf("the imported consent through the API: %d %s", status, body)
	}
	if strings.Contains(string(body), "5554433") {
		t.Errorf("the raw phone in the answer: %s", body)
	}

	now := time.Now()
	req := `{"kind":"audit","format":"xlsx","from":"` + now.AddDate(0, 0, -30).Format(time.DateOnly) + `","to":"` + now.Format(time.DateOnly) + `"}`
	status, body = do("POST", "/v1/sellers/demo/reports", officer, "report-1", req)
	var st api.ReportStatus
	if err := json.Unmarshal(body, &st); status != 202 || err != nil {
		t.Fatalf("report request: %d %s", status, body)
	}
	select {
	case j := <-done:
		if j.ID != st.ID || j.Status != agentiq.ReportDone {
			t.Fatalf("job %+v", j)
		}
	case <-time.After(2 * time.Minute):
		t.Fatal("the report never finished")
	}
	status, body = do("GET", "/v1/sellers/demo/reports/"+st.ID, officer, "", "")
	if err := json.Unmarshal(body, &st); status != 200 || err != nil || st.Status != agentiq.ReportDone || !strings.HasSuffix(st.DownloadURL, "/file") {
		t.Fatalf("report status: %d %s", status, body)
	}
	path := st.DownloadURL[strings.Index(st.DownloadURL, "/v1/"):]
	status, data := do("GET", path, officer, "", "")
	if status != 200 || int64(len(data)) != st.Bytes {
		t.Fatalf("download: %d, %d bytes of %d", status, len(data), st.Bytes)
	}
	if err := exec.Command("/usr/bin/python3", "-c", "import openpyxl").Run(); err != nil {
		t.Log("python3-openpyxl is not installed (make report-tools): the workbook is not read back")
		return
	}
	file := filepath.Join(t.TempDir(), "report.xlsx")
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("/usr/bin/python3", "-c", "import sys, openpyxl; wb = openpyxl.load_workbook(sys.argv[1], read_only=True); print(len(wb.sheetnames))", file).CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) == "0" {
		t.Errorf("openpyxl cannot read the download: %v %s", err, out)
	}
}
