package reports

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// The reports are read back with tools that share no code with the
// writer: Debian's python3-openpyxl for XLSX, poppler's pdftotext for PDF.

var aptOnce sync.Once

// requireTools makes sure openpyxl and poppler are installed, installing
// them with apt-get when running as root (as `make test` does), else skips.
func requireTools(t *testing.T) {
	t.Helper()
	have := func() bool {
		_, e1 := exec.LookPath("pdftotext")
		_, e2 := exec.LookPath("pdftoppm")
		return e1 == nil && e2 == nil && exec.Command("/usr/bin/python3", "-c", "import openpyxl").Run() == nil
	}
	if have() {
		return
	}
	aptOnce.Do(func() {
		if os.Geteuid() != 0 {
			return
		}
		_ = exec.Command("apt-get", "update", "-qq").Run()
		_ = exec.Command("apt-get", "install", "-y", "-qq", "python3-openpyxl", "poppler-utils").Run()
	})
	if !have() {
		t.Skip("needs /usr/bin/python3 with openpyxl and poppler-utils: apt-get install -y python3-openpyxl poppler-utils (make report-tools)")
	}
}

type xcell struct {
	T   string `json:"t"`
	V   any    `json:"v"`
	Fmt string `json:"fmt"`
	Red bool   `json:"red"`
}

type xsheetRead struct {
	Title  string             `json:"title"`
	Freeze *string            `json:"freeze"`
	Filter *string            `json:"filter"`
	Tables []string           `json:"tables"`
	Widths map[string]float64 `json:"widths"`
	Rows   [][]*xcell         `json:"rows"`
	RORows int                `json:"ro_rows"` // rows seen in openpyxl's read-only mode
	ROCols int                `json:"ro_cols"`
}

func (s *xsheetRead) text(row, col int) string {
	if row >= len(s.Rows) || col >= len(s.Rows[row]) || s.Rows[row][col] == nil {
		return ""
	}
	v, _ := s.Rows[row][col].V.(string)
	return v
}

// column finds a header's column in row 0.
func (s *xsheetRead) column(t *testing.T, header string) int {
	t.Helper()
	for i := range s.Rows[0] {
		if s.text(0, i) == header {
			return i
		}
	}
	t.Fatalf("sheet %q: no column %q in %v", s.Title, header, s.Rows[0])
	return -1
}

// find returns the first row whose column col holds v.
func (s *xsheetRead) find(col int, v string) []*xcell {
	for i := range s.Rows {
		if s.text(i, col) == v {
			return s.Rows[i]
		}
	}
	return nil
}

func build(t *testing.T, src Source, req Request) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(context.Background(), &buf, src, req); err != nil {
		t.Fatalf("%s %s: %v", req.Kind, req.Format, err)
	}
	return buf.Bytes()
}

func readXLSX(t *testing.T, data []byte) []xsheetRead {
	t.Helper()
	requireTools(t)
	path := filepath.Join(t.TempDir(), "r.xlsx")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("/usr/bin/python3", "testdata/readxlsx.py", path).Output()
	if err != nil {
		var ee *exec.ExitError
		if e, ok := err.(*exec.ExitError); ok {
			ee = e
		}
		t.Fatalf("openpyxl could not read the report: %v %s", err, func() []byte {
			if ee != nil {
				return ee.Stderr
			}
			return nil
		}())
	}
	var sheets []xsheetRead
	if err := json.Unmarshal(out, &sheets); err != nil {
		t.Fatal(err)
	}
	// a reader that trusts each sheet's used range (openpyxl's read-only
	// mode, pandas) sees every row and column
	for _, s := range sheets {
		cols := 0
		for _, r := range s.Rows {
			cols = max(cols, len(r))
		}
		if s.RORows != len(s.Rows) || s.ROCols != cols {
			t.Errorf("sheet %q: a read-only reader sees %d rows × %d columns, the sheet holds %d × %d", s.Title, s.RORows, s.ROCols, len(s.Rows), cols)
		}
	}
	// no formula anywhere, and every sheet a reader can filter
	for _, s := range sheets {
		for i, row := range s.Rows {
			for j, c := range row {
				if c != nil && c.T == "f" {
					t.Errorf("sheet %q row %d col %d is a formula: %v", s.Title, i+1, j+1, c.V)
				}
			}
		}
	}
	// and no formula element in the package, read as raw XML
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		if bytes.Contains(b, []byte("<f>")) || bytes.Contains(b, []byte("<f ")) {
			t.Errorf("%s holds a formula element", f.Name)
		}
	}
	return sheets
}

func hasZipPart(t *testing.T, data []byte, prefix string) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, prefix) {
			return true
		}
	}
	return false
}

// pdfText extracts a PDF's text, pages first..last (0: to the end).
func pdfPages(t *testing.T, data []byte, first, last int) string {
	t.Helper()
	requireTools(t)
	path := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	args := []string{"-layout", "-f", itoa(first)}
	if last > 0 {
		args = append(args, "-l", itoa(last))
	}
	out, err := exec.Command("pdftotext", append(args, path, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}
