package reports

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// xbook is a workbook being written, with the styles every sheet uses.
type xbook struct {
	f       *excelize.File
	req     *Request
	date    int // a date-and-time cell
	day     int // a date cell
	head    int // a header cell
	bold    int
	red     int // a failure: red, bold, on pink
	redDate int // a date in a failure's row
	ok      int // a pass: dark green, bold
	pct     int
	wrap    int
	title   int
	// dims is each finished sheet's used range. The stream writer writes
	// a sheet's <dimension> before its rows, as "A1"; readers that trust it
	// (openpyxl's read-only mode, so pandas) would see one cell, so write
	// puts the real range there (dimZip).
	dims map[string]string
}

func newBook(req *Request, sheets []string) (*xbook, error) {
	f := excelize.NewFile()
	b := &xbook{f: f, req: req}
	dateFmt, dayFmt := "dd.mm.yyyy hh:mm:ss", "dd.mm.yyyy"
	if req.Lang == LangEN {
		dateFmt, dayFmt = "yyyy-mm-dd hh:mm:ss", "yyyy-mm-dd"
	}
	styles := []struct {
		dst *int
		s   *excelize.Style
	}{
		{&b.date, &excelize.Style{CustomNumFmt: &dateFmt}},
		{&b.day, &excelize.Style{CustomNumFmt: &dayFmt}},
		{&b.head, &excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}}},
		{&b.bold, &excelize.Style{Font: &excelize.Font{Bold: true}}},
		{&b.red, &excelize.Style{Font: &excelize.Font{Bold: true, Color: "C00000"},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFE0E0"}}}},
		{&b.redDate, &excelize.Style{CustomNumFmt: &dateFmt, Font: &excelize.Font{Bold: true, Color: "C00000"},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFE0E0"}}}},
		{&b.ok, &excelize.Style{Font: &excelize.Font{Bold: true, Color: "1E6B2F"}}},
		{&b.pct, &excelize.Style{NumFmt: 10}}, // 0.00%
		{&b.wrap, &excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&b.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
	}
	for _, s := range styles {
		id, err := f.NewStyle(s.s)
		if err != nil {
			_ = f.Close()
			return nil, fmt.Errorf("xlsx style: %w", err)
		}
		*s.dst = id
	}
	for i, name := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				_ = f.Close()
				return nil, fmt.Errorf("xlsx sheet %q: %w", name, err)
			}
			continue
		}
		if _, err := f.NewSheet(name); err != nil {
			_ = f.Close()
			return nil, fmt.Errorf("xlsx sheet %q: %w", name, err)
		}
	}
	f.SetActiveSheet(0)
	_ = f.SetDocProps(&excelize.DocProperties{Creator: "agentiq", Title: "agentiq " + string(req.Kind) + " " + req.Seller,
		Language: string(req.Lang)})
	return b, nil
}

// write saves the workbook to w and releases its temporary files. The zip
// goes straight to w (excelize would otherwise build the whole file in a
// memory buffer first), compressed at deflate's fastest level: a large
// sheet compresses well anyway, and the default level costs several times
// the time.
func (b *xbook) write(w io.Writer) error {
	defer b.f.Close()
	// A new workbook's sheets are xl/worksheets/sheet<ID>.xml.
	refs := map[string]string{}
	for id, name := range b.f.GetSheetMap() {
		if ref, ok := b.dims[name]; ok {
			refs[fmt.Sprintf("xl/worksheets/sheet%d.xml", id)] = ref
		}
	}
	b.f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		zw := zip.NewWriter(w)
		zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
			return flate.NewWriter(out, flate.BestSpeed)
		})
		return &dimZip{Writer: zw, refs: refs}
	})
	if _, err := b.f.WriteToBuffer(); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	return nil
}

// xcol is a column of a table: its label and width in characters.
type xcol struct {
	key   string
	width float64
}

// xsheet is a sheet written as a stream of rows, with one table (header,
// frozen below it, with filters) starting at row headerRow.
type xsheet struct {
	b         *xbook
	sw        *excelize.StreamWriter
	name      string
	row       int
	headerRow int
	ncols     int
	buf       []any
	// A listing continues on a new sheet ("<name> (2)", …) when a sheet
	// is full: Excel holds 1,048,576 rows.
	cols  []xcol
	table string
	part  int
}

// listing starts a sheet of one table, header in row 1, that continues on
// further sheets past Excel's row limit.
func (b *xbook) listing(name string, cols []xcol, table string) (*xsheet, error) {
	s, err := b.stream(name, cols, 1)
	if err != nil {
		return nil, err
	}
	s.cols, s.table, s.part = cols, table, 1
	return s, s.header(cols)
}

// maxRows is how many rows a sheet holds.
var maxRows = excelize.TotalRows

// roll ends a full sheet and goes on with the next part.
func (s *xsheet) roll() error {
	if err := s.finish(s.tableName()); err != nil {
		return err
	}
	base := s.name
	if s.part > 1 {
		base = base[:strings.LastIndex(base, " (")]
	}
	name := fmt.Sprintf("%s (%d)", base, s.part+1)
	if _, err := s.b.f.NewSheet(name); err != nil {
		return fmt.Errorf("xlsx sheet %q: %w", name, err)
	}
	next, err := s.b.stream(name, s.cols, 1)
	if err != nil {
		return err
	}
	next.cols, next.table, next.part = s.cols, s.table, s.part+1
	*s = *next
	return s.header(s.cols)
}

func (s *xsheet) tableName() string {
	if s.part > 1 {
		return fmt.Sprintf("%s%d", s.table, s.part)
	}
	return s.table
}

// done ends a listing.
func (s *xsheet) done() error { return s.finish(s.tableName()) }

// stream starts writing a sheet; a table's header is at headerRow.
func (b *xbook) stream(name string, cols []xcol, headerRow int) (*xsheet, error) {
	sw, err := b.f.NewStreamWriter(name)
	if err != nil {
		return nil, fmt.Errorf("xlsx sheet %q: %w", name, err)
	}
	for i, c := range cols {
		if err := sw.SetColWidth(i+1, i+1, c.width); err != nil {
			return nil, err
		}
	}
	if headerRow > 0 {
		tl, _ := excelize.CoordinatesToCellName(1, headerRow+1)
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: tl, ActivePane: "bottomLeft"}); err != nil {
			return nil, err
		}
	}
	return &xsheet{b: b, sw: sw, name: name, headerRow: headerRow, ncols: len(cols)}, nil
}

// header writes the table's header row (at headerRow).
func (s *xsheet) header(cols []xcol) error {
	vals := make([]any, len(cols))
	for i, c := range cols {
		vals[i] = excelize.Cell{StyleID: s.b.head, Value: tr(s.b.req.Lang, c.key)}
	}
	return s.raw(vals...)
}

// styled is a value written with a style.
type styled struct {
	v     any
	style int
}

// add writes a row of values: strings as text (never a formula), times as
// date cells in the report's zone, booleans as yes/no.
func (s *xsheet) add(vals ...any) error {
	if s.cols != nil && s.row >= maxRows {
		if err := s.roll(); err != nil {
			return err
		}
	}
	s.buf = s.buf[:0]
	for _, v := range vals {
		s.buf = append(s.buf, s.b.cell(v))
	}
	return s.raw(s.buf...)
}

func (s *xsheet) raw(vals ...any) error {
	s.row++
	cell, _ := excelize.CoordinatesToCellName(1, s.row)
	if err := s.sw.SetRow(cell, vals); err != nil {
		return fmt.Errorf("xlsx sheet %q row %d: %w", s.name, s.row, err)
	}
	return nil
}

// skip leaves n rows empty.
func (s *xsheet) skip(n int) { s.row += n }

// finish adds the table (filters on every column) and ends the sheet.
func (s *xsheet) finish(table string) error {
	if s.headerRow > 0 && table != "" && s.row >= s.headerRow {
		a, _ := excelize.CoordinatesToCellName(1, s.headerRow)
		z, _ := excelize.CoordinatesToCellName(s.ncols, max(s.row, s.headerRow+1))
		off := false
		if err := s.sw.AddTable(&excelize.Table{Range: a + ":" + z, Name: table, StyleName: "TableStyleLight1", ShowRowStripes: &off}); err != nil {
			return fmt.Errorf("xlsx sheet %q table: %w", s.name, err)
		}
	}
	if err := s.sw.Flush(); err != nil {
		return fmt.Errorf("xlsx sheet %q: %w", s.name, err)
	}
	if s.row > 0 {
		z, _ := excelize.CoordinatesToCellName(max(s.ncols, 1), s.row)
		if s.b.dims == nil {
			s.b.dims = map[string]string{}
		}
		s.b.dims[s.name] = "A1:" + z
	}
	return nil
}

// cell converts a value for the stream writer.
func (b *xbook) cell(v any) any {
	switch v := v.(type) {
	case nil:
		return nil
	case string:
		if v == "" {
			return nil
		}
		return cellText(v)
	case time.Time:
		if v.IsZero() {
			return nil
		}
		// as a date number, not through excelize's time conversion, which
		// reads the workbook's properties for every cell
		return excelize.Cell{StyleID: b.date, Value: excelSerial(v, b.req.Zone)}
	case bool:
		if v {
			return tr(b.req.Lang, "yes")
		}
		return tr(b.req.Lang, "no")
	case styled:
		inner := b.cell(v.v)
		if c, ok := inner.(excelize.Cell); ok { // a date: keep its number format
			style := v.style
			if style == b.red {
				style = b.redDate
			}
			return excelize.Cell{StyleID: style, Value: c.Value}
		}
		return excelize.Cell{StyleID: v.style, Value: inner}
	case excelize.Cell:
		return v
	}
	return v
}

// cellText makes a string safe as a cell: characters XML cannot hold are
// dropped, and a value a spreadsheet could take for a formula (starting
// with =, +, -, @, a tab or a carriage return) gets a leading apostrophe,
// besides being written as a text cell, so that no program reading or
// re-saving the file runs it (OWASP, CSV/formula injection).
func cellText(s string) string {
	if strings.IndexFunc(s, badXML) >= 0 {
		s = strings.Map(func(r rune) rune {
			if badXML(r) {
				return -1
			}
			return r
		}, s)
	}
	if s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0 {
		return "'" + s
	}
	return s
}

func badXML(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0xFFFE || r == 0xFFFF || (r >= 0xD800 && r <= 0xDFFF)
}

// block is a labelled status on a report's first page: red when bad.
type block struct {
	label string
	lines []string
	bad   bool
}

func blockLines(bs []block) int {
	n := 0
	for _, b := range bs {
		n += len(b.lines)
	}
	return n
}

// headBlock writes the report's header lines (title, seller, period,
// generation time, zone, rules versions) and the status blocks.
func (s *xsheet) headBlock(title, versions string, blocks []block) error {
	l := s.b.req.Lang
	r := s.b.req
	if err := s.add(styled{title, s.b.title}); err != nil {
		return err
	}
	for _, kv := range [][2]string{
		{tr(l, "seller"), r.Seller},
		{tr(l, "period"), periodText(r)},
		{tr(l, "generated"), r.Generated.In(r.Zone).Format(timeLayout(l))},
		{tr(l, "zone"), r.Zone.String()},
		{tr(l, "rules"), versions},
	} {
		if err := s.add(styled{kv[0], s.b.bold}, kv[1]); err != nil {
			return err
		}
	}
	for _, bl := range blocks {
		style := s.b.ok
		if bl.bad {
			style = s.b.red
		}
		for i, line := range bl.lines {
			var lab any
			if i == 0 {
				lab = styled{bl.label, style}
			}
			if err := s.add(lab, styled{line, style}); err != nil {
				return err
			}
		}
	}
	return nil
}

// dimZip is the workbook's zip writer, which gives each streamed sheet
// its used range: the stream writer's placeholder "<dimension ref="A1">",
// near the start of the sheet's XML, is replaced as the part goes by.
type dimZip struct {
	*zip.Writer
	refs map[string]string
	cur  *dimWriter
}

func (z *dimZip) Create(name string) (io.Writer, error) {
	if err := z.end(); err != nil {
		return nil, err
	}
	w, err := z.Writer.Create(name)
	if err != nil {
		return nil, err
	}
	if ref, ok := z.refs[name]; ok {
		z.cur = &dimWriter{w: w, ref: ref}
		return z.cur, nil
	}
	return w, nil
}

func (z *dimZip) Close() error {
	if err := z.end(); err != nil {
		return err
	}
	return z.Writer.Close()
}

func (z *dimZip) end() error {
	if z.cur == nil {
		return nil
	}
	err := z.cur.flush()
	z.cur = nil
	return err
}

// dimWriter holds a sheet's first bytes until the placeholder has passed.
type dimWriter struct {
	w    io.Writer
	ref  string
	buf  []byte
	done bool
}

var dimPlaceholder = []byte(`<dimension ref="A1">`)

func (d *dimWriter) Write(p []byte) (int, error) {
	if d.done {
		return d.w.Write(p)
	}
	d.buf = append(d.buf, p...)
	if i := bytes.Index(d.buf, dimPlaceholder); i >= 0 {
		fixed := append(append(append([]byte{}, d.buf[:i]...), `<dimension ref="`+d.ref+`">`...), d.buf[i+len(dimPlaceholder):]...)
		d.buf = fixed
		return len(p), d.flush()
	}
	// the placeholder follows the root element: past this, there is none
	if len(d.buf) > 64<<10 {
		return len(p), d.flush()
	}
	return len(p), nil
}

func (d *dimWriter) flush() error {
	if d.done {
		return nil
	}
	d.done = true
	_, err := d.w.Write(d.buf)
	d.buf = nil
	return err
}
