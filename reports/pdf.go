package reports

import (
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// pdoc is a PDF report being written: A4, Go's fonts (Cyrillic included),
// a header on every page naming the seller, period, generation time and
// rules versions, and "page N of M" at the foot.
type pdoc struct {
	p        *fpdf.Fpdf
	req      *Request
	title    string
	versions string
}

const (
	lineH        = 4.2 // mm, a table line at 8 pt
	margin       = 12.0
	maxCellRunes = 400
)

func newPDF(req *Request, title, versions string) *pdoc {
	p := fpdf.New("P", "mm", "A4", "")
	d := &pdoc{p: p, req: req, title: title, versions: versions}
	p.AddUTF8FontFromBytes("go", "", goregular.TTF)
	p.AddUTF8FontFromBytes("go", "B", gobold.TTF)
	p.SetMargins(margin, 30, margin)
	p.SetAutoPageBreak(true, 16)
	p.AliasNbPages("{nb}")
	p.SetTitle(title+" — "+req.Seller, true)
	p.SetCreator("agentiq", true)
	l := req.Lang
	p.SetHeaderFuncMode(func() {
		w, _ := p.GetPageSize()
		p.SetTextColor(0, 0, 0)
		p.SetXY(margin, 8)
		p.SetFont("go", "B", 11)
		p.CellFormat(w-2*margin, 5, pdfText(title), "", 1, "L", false, 0, "")
		p.SetFont("go", "", 8)
		line := fmt.Sprintf("%s: %s   ·   %s: %s   ·   %s: %s (%s)", tr(l, "seller"), req.Seller, tr(l, "period"),
			periodText(req), tr(l, "generated"), req.Generated.In(req.Zone).Format(timeLayout(l)), req.Zone)
		p.MultiCell(w-2*margin, 3.8, pdfText(line), "", "L", false)
		p.MultiCell(w-2*margin, 3.8, pdfText(tr(l, "rules")+": "+versions), "", "L", false)
		p.SetDrawColor(120, 120, 120)
		p.SetLineWidth(0.3)
		y := p.GetY() + 1
		p.Line(margin, y, w-margin, y)
		p.SetXY(margin, y+3)
	}, true)
	p.SetFooterFunc(func() {
		w, h := p.GetPageSize()
		p.SetXY(margin, h-11)
		p.SetFont("go", "", 8)
		p.SetTextColor(60, 60, 60)
		p.CellFormat(w-2*margin, 4, fmt.Sprintf(tr(l, "page"), p.PageNo(), "{nb}"), "", 0, "C", false, 0, "")
	})
	p.AddPage()
	return d
}

func (d *pdoc) output(w io.Writer) error {
	if err := d.p.Output(w); err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	return nil
}

func (d *pdoc) width() float64 {
	w, _ := d.p.GetPageSize()
	return w - 2*margin
}

// heading starts a section, on a new page when little room is left.
func (d *pdoc) heading(text string) {
	d.room(20)
	d.p.Ln(2)
	d.p.SetFont("go", "B", 11)
	d.p.SetTextColor(0, 0, 0)
	d.p.MultiCell(d.width(), 6, pdfText(text), "", "L", false)
	d.p.Ln(1)
}

// para writes a paragraph of small text.
func (d *pdoc) para(text string) {
	d.p.SetFont("go", "", 8)
	d.p.SetTextColor(60, 60, 60)
	d.p.MultiCell(d.width(), 3.8, pdfText(text), "", "L", false)
	d.p.SetTextColor(0, 0, 0)
}

// room moves to a new page unless h mm are left on this one.
func (d *pdoc) room(h float64) {
	_, ph := d.p.GetPageSize()
	if d.p.GetY()+h > ph-16 {
		d.p.AddPage()
	}
}

// box draws a framed block of lines: red on pink when alarm, else green.
func (d *pdoc) box(title string, lines []string, alarm bool) {
	p := d.p
	w := d.width()
	p.SetFont("go", "", 9)
	var wrapped []string
	for _, l := range lines {
		wrapped = append(wrapped, p.SplitText(pdfText(l), w-6)...)
	}
	h := 8 + float64(len(wrapped))*4.6 + 2
	d.room(h)
	x, y := p.GetX(), p.GetY()
	if alarm {
		p.SetFillColor(255, 228, 228)
		p.SetDrawColor(192, 0, 0)
	} else {
		p.SetFillColor(232, 245, 233)
		p.SetDrawColor(46, 125, 50)
	}
	p.SetLineWidth(0.6)
	p.Rect(x, y, w, h, "FD")
	p.SetXY(x+3, y+2)
	p.SetFont("go", "B", 10)
	if alarm {
		p.SetTextColor(192, 0, 0)
	} else {
		p.SetTextColor(27, 94, 32)
	}
	p.CellFormat(w-6, 5, pdfText(title), "", 2, "L", false, 0, "")
	p.SetFont("go", "", 9)
	if alarm {
		p.SetFont("go", "B", 9)
	}
	for _, l := range wrapped {
		p.SetX(x + 3)
		p.CellFormat(w-6, 4.6, l, "", 2, "L", false, 0, "")
	}
	p.SetTextColor(0, 0, 0)
	p.SetDrawColor(0, 0, 0)
	p.SetXY(x, y+h+3)
}

// pcol is a column of a PDF table: its label and share of the width.
type pcol struct {
	label string
	w     float64 // relative width
	right bool    // align right (numbers)
}

// table draws rows under a header repeated on every page; cells wrap, so
// nothing is clipped. red marks rows to draw in red.
func (d *pdoc) table(cols []pcol, rows [][]string, red func(i int) bool) {
	p := d.p
	total := 0.0
	for _, c := range cols {
		total += c.w
	}
	ws := make([]float64, len(cols))
	for i, c := range cols {
		ws[i] = d.width() * c.w / total
	}
	header := func() {
		p.SetFont("go", "B", 7.5)
		p.SetFillColor(217, 225, 242)
		d.row(cols, ws, func(i int) string { return cols[i].label }, true)
	}
	d.room(3 * lineH)
	header()
	for i, r := range rows {
		for j := range r { // a cell never outgrows a page; the XLSX has the whole text
			r[j] = clip(r[j], maxCellRunes)
		}
		p.SetFont("go", "", 7.5)
		h := d.rowHeight(ws, func(j int) string { return r[j] })
		_, ph := p.GetPageSize()
		if p.GetY()+h > ph-16 {
			p.AddPage()
			header()
			p.SetFont("go", "", 7.5)
		}
		if red != nil && red(i) {
			p.SetTextColor(192, 0, 0)
		}
		d.row(cols, ws, func(j int) string { return r[j] }, false)
		p.SetTextColor(0, 0, 0)
	}
	p.Ln(2)
}

func (d *pdoc) rowHeight(ws []float64, text func(int) string) float64 {
	n := 1
	for j, w := range ws {
		n = max(n, len(d.p.SplitText(pdfText(text(j)), w)))
	}
	return float64(n)*lineH + 1
}

func (d *pdoc) row(cols []pcol, ws []float64, text func(int) string, fill bool) {
	p := d.p
	h := d.rowHeight(ws, text)
	x0, y0 := p.GetX(), p.GetY()
	x := x0
	p.SetDrawColor(190, 190, 190)
	p.SetLineWidth(0.2)
	for j, w := range ws {
		style := "D"
		if fill {
			style = "FD"
		}
		p.Rect(x, y0, w, h, style)
		align := "L"
		if cols[j].right && !fill {
			align = "R"
		}
		for k, line := range p.SplitText(pdfText(text(j)), w) {
			p.SetXY(x, y0+0.5+float64(k)*lineH)
			p.CellFormat(w, lineH, line, "", 0, align, false, 0, "")
		}
		x += w
	}
	p.SetXY(x0, y0+h)
}

var (
	glyphsOnce sync.Once
	glyphs     []bool // glyphs[r]: goregular has a glyph for r
)

// pdfText makes text safe for the PDF font: characters the Go fonts lack
// (emoji, other scripts) become "?" instead of boxes or a crash, and
// control characters become spaces.
func pdfText(s string) string {
	glyphsOnce.Do(func() {
		glyphs = make([]bool, 0x10000)
		f, err := sfnt.Parse(goregular.TTF)
		if err != nil {
			return
		}
		var buf sfnt.Buffer
		for r := 0x20; r < 0x10000; r++ {
			if g, err := f.GlyphIndex(&buf, rune(r)); err == nil && g != 0 {
				glyphs[r] = true
			}
		}
	})
	ok := true
	for _, r := range s {
		if r >= 0x10000 || !glyphs[r] {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r < 0x20 || r == 0x7f:
			return ' '
		case r >= 0x10000 || !glyphs[r]:
			return '?'
		}
		return r
	}, s)
}
