package reports

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestConsentReportClean(t *testing.T) {
	src := cleanFixture().source()
	sheets := readXLSX(t, build(t, src, request(KindConsent, FormatXLSX)))
	var titles []string
	for _, s := range sheets {
		titles = append(titles, s.Title)
	}
	if want := "Сводка|Исключения|Реестр согласий|Маркетинг|Отзывы и отписки"; strings.Join(titles, "|") != want {
		t.Fatalf("sheets %v, want %s", titles, want)
	}
	sum, exc, reg, mkt, stops := &sheets[0], &sheets[1], &sheets[2], &sheets[3], &sheets[4]
	if len(exc.Rows) != 1 {
		t.Errorf("clean data set: exceptions sheet has %d rows, want only its header", len(exc.Rows))
	}
	if fig := summaryFigures(t, sum); fig["Сводка/Исключений"] != "0" || fig["Сводка/Разрешённых маркетинговых решений во внешних каналах"] != "29" {
		t.Errorf("summary: %v", fig)
	}
	// the register's events of the period (those of October are not listed)
	if len(reg.Rows) != 3 || reg.Rows[1][0].T != "d" {
		t.Errorf("register sheet: %d rows, first date %+v; want the 2 events of November, dated", len(reg.Rows), reg.Rows[1][0])
	}
	// each allowed marketing decision with the consents it relied on
	id, ad, pd := mkt.column(t, "Решение"), mkt.column(t, "Согласие на рекламу (38-ФЗ)"), mkt.column(t, "Согласие на обработку ПДн (152-ФЗ)")
	row := mkt.find(id, "dm-000")
	if row == nil || row[ad].V != "c-ad-1" || row[pd].V != "c-pd-1" {
		t.Errorf("dm-000 not linked to c-ad-1 and c-pd-1: %+v", row)
	}
	if len(mkt.Rows)-1 != 29 { // 30, less the one refused after the withdrawal
		t.Errorf("marketing sheet has %d rows, want 29", len(mkt.Rows)-1)
	}
	// subject 3's withdrawal: marketing stopped at once (the policy refused it)
	kind, stop := stops.column(t, "Вид"), stops.column(t, "Прекращён через")
	w := stops.find(stops.column(t, "Субъект (псевдоним)"), "sub-3")
	if w == nil || w[kind].V != "отзыв согласия" || w[stop].V != "прекращён сразу" {
		t.Errorf("withdrawal row %+v", w)
	}
	if len(stops.Rows)-1 != 3 {
		t.Errorf("want 1 withdrawal and 2 opt-outs, got %d rows", len(stops.Rows)-1)
	}

	pdf := build(t, src, request(KindConsent, FormatPDF))
	page1 := pdfPages(t, pdf, 1, 1)
	for _, want := range []string{"Отчёт о согласиях", "Проверка цепочки аудита", "Исключений нет"} {
		if !strings.Contains(page1, want) {
			t.Errorf("page 1 lacks %q", want)
		}
	}
}

func TestConsentReportViolations(t *testing.T) {
	src := withViolations(cleanFixture()).source()
	sheets := readXLSX(t, build(t, src, request(KindConsent, FormatXLSX)))
	sum, exc, stops := &sheets[0], &sheets[1], &sheets[4]
	id, problem := exc.column(t, "Решение"), exc.column(t, "Нарушение")
	want := map[string]string{
		"dm-901":            "согласие c-ad-3 отозвано до решения",
		"dm-902":            "нет действующего согласия на обработку ПДн для маркетинга",
		"d-wb-after-optout": "маркетинг после отписки от 10.11.2026 11:00:00",
	}
	if len(exc.Rows)-1 != len(want) {
		t.Errorf("exceptions: %d rows, want %d", len(exc.Rows)-1, len(want))
	}
	for d, why := range want {
		row := exc.find(id, d)
		if row == nil {
			t.Errorf("exception %s not listed", d)
			continue
		}
		if !strings.Contains(row[problem].V.(string), why) || !row[problem].Red {
			t.Errorf("exception %s: %+v, want %q in red", d, row[problem], why)
		}
		if c := row[exc.column(t, "Решено")]; c.T != "d" || !c.Red {
			t.Errorf("exception %s decided at %+v, want a date in red", d, c)
		}
	}
	found := false
	for _, row := range sum.Rows[:12] {
		for _, c := range row {
			if c != nil && c.T == "s" && strings.Contains(c.V.(string), "НАЙДЕНО ИСКЛЮЧЕНИЙ: 3") {
				found = c.Red
			}
		}
	}
	if !found {
		t.Errorf("the first sheet does not show the exceptions in red")
	}
	// marketing went on 4 d 21 h 30 min after subject 3 withdrew
	w := stops.find(stops.column(t, "Субъект (псевдоним)"), "sub-3")
	if got := w[stops.column(t, "Прекращён через")].V; got != "4 д 21 ч" {
		t.Errorf("withdrawal stopped after %v, want 4 д 21 ч", got)
	}

	page1 := pdfPages(t, build(t, src, request(KindConsent, FormatPDF)), 1, 1)
	flat := regexp.MustCompile(`\s+`).ReplaceAllString(page1, " ")
	for _, want := range []string{"НАЙДЕНО ИСКЛЮЧЕНИЙ: 3", "dm-901", "dm-902", "d-wb-after-optout"} {
		if !strings.Contains(flat, want) {
			t.Errorf("PDF page 1 lacks %q", want)
		}
	}
}

func TestCellText(t *testing.T) {
	for in, want := range map[string]string{
		`=HYPERLINK("http://x","y")`: `'=HYPERLINK("http://x","y")`,
		"+1":                         "'+1", "-2": "'-2", "@x": "'@x", "\tx": "'\tx", "\rx": "'\rx",
		"a=1": "a=1", "Привет": "Привет", "x\x00y\x1f": "xy", "": "",
	} {
		if got := cellText(in); got != want {
			t.Errorf("cellText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDurationsQuantile(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 10, exactLimit, 200_000} {
		var d durations
		vals := make([]float64, n)
		for i := range vals {
			vals[i] = r.ExpFloat64() * 120
			d.add(vals[i])
		}
		slices.Sort(vals)
		for _, q := range []float64{0.5, 0.9} {
			got, _ := d.quantile(q)
			want := vals[int(math.Ceil(q*float64(n)))-1]
			if math.Abs(got-want) > 0.011*want+minDuration {
				t.Errorf("n=%d q=%.1f: %.3f, want %.3f within 1%%", n, q, got, want)
			}
		}
		if len(d.exact) > exactLimit || len(d.buckets) > maxBuckets {
			t.Errorf("n=%d: %d exact values, %d buckets: memory must stay bounded", n, len(d.exact), len(d.buckets))
		}
	}
	var d durations
	if _, ok := d.quantile(0.5); ok {
		t.Errorf("no values, but a quantile")
	}
}

func TestRequestErrors(t *testing.T) {
	for name, r := range map[string]Request{
		"no seller": {Kind: KindAudit, Format: FormatPDF, From: periodLo, To: periodHi},
		"kind":      {Seller: "s", Kind: "x", Format: FormatPDF, From: periodLo, To: periodHi},
		"format":    {Seller: "s", Kind: KindAudit, Format: "csv", From: periodLo, To: periodHi},
		"lang":      {Seller: "s", Kind: KindAudit, Format: FormatPDF, Lang: "de", From: periodLo, To: periodHi},
		"period":    {Seller: "s", Kind: KindAudit, Format: FormatPDF, From: periodHi, To: periodLo},
	} {
		if err := Write(context.Background(), &countWriter{}, &MemSource{}, r); !errors.Is(err, ErrRequest) {
			t.Errorf("%s: %v, want ErrRequest", name, err)
		}
	}
}

// A source failing midway fails the report with its error; nothing panics.
func TestSourceError(t *testing.T) {
	boom := errors.New("store unavailable")
	for _, k := range []Kind{KindAudit, KindConsent} {
		for _, f := range []Format{FormatXLSX, FormatPDF} {
			err := Write(context.Background(), &countWriter{}, failingSource{boom}, request(k, f))
			if !errors.Is(err, boom) {
				t.Errorf("%s %s: %v, want the source's error", k, f, err)
			}
		}
	}
}

type failingSource struct{ err error }

func (s failingSource) Audit(ctx context.Context, seller string, from, to time.Time, fn func(r agentiqRecord) error) error {
	src := cleanFixture().source()
	n := 0
	return src.Audit(ctx, seller, from, to, func(r agentiqRecord) error {
		if n++; n > 100 {
			return s.err
		}
		return fn(r)
	})
}

func (s failingSource) ConsentEvents(ctx context.Context, seller string, from, to time.Time, fn func(agentiqEvent) error) error {
	return cleanFixture().source().ConsentEvents(ctx, seller, from, to, fn)
}

// The period's own check names the first bad record for a changed, a
// deleted and a swapped record (a chain rewritten with recomputed hashes
// needs the checkpoint: the whole chain's verification, req.Chain).
func TestLinkCheck(t *testing.T) {
	for name, c := range map[string]struct {
		change func([]agentiqRecord) []agentiqRecord
		want   string
	}{
		"intact":  {func(r []agentiqRecord) []agentiqRecord { return r }, ""},
		"changed": {func(r []agentiqRecord) []agentiqRecord { r[9].Kind = "x"; return r }, "запись №10 изменена (хеш не совпадает с содержимым)"},
		"deleted": {func(r []agentiqRecord) []agentiqRecord { return append(r[:9:9], r[10:]...) }, "запись №11 следует за №9 (пропуск или перестановка)"},
		"swapped": {func(r []agentiqRecord) []agentiqRecord { r[9], r[10] = r[10], r[9]; return r }, "запись №11 следует за №9 (пропуск или перестановка)"},
	} {
		recs := c.change(cleanFixture().source().Records[:20])
		var l linkCheck
		for _, r := range recs {
			l.add(r)
		}
		if got := map[bool]string{true: l.text(LangRU), false: ""}[l.firstBad != 0]; got != c.want {
			t.Errorf("%s: %q, want %q", name, got, c.want)
		}
	}
}

// A register event with long fields (up to 1,024 bytes each) stays on its
// page in the PDF: long cells are cut, the XLSX keeps them whole.
func TestLongCellsStayOnThePage(t *testing.T) {
	f := cleanFixture()
	long := consentEvent("c-long", "sub-9", "given", "advertising", "sms", periodLo.Add(time.Hour))
	long.Method, long.Source = strings.Repeat("метод ", 170), strings.Repeat("источник ", 110)
	f.consents = append(f.consents, long)
	pdf := build(t, f.source(), request(KindConsent, FormatPDF))
	if dir := os.Getenv("AGENTIQ_REPORT_DIR"); dir != "" {
		_ = os.WriteFile(filepath.Join(dir, "long-consent.pdf"), pdf, 0o600)
	}
	text := pdfPages(t, pdf, 1, 0)
	if !strings.Contains(text, "c-long") {
		t.Errorf("the long event is not listed")
	}
	sheets := readXLSX(t, build(t, f.source(), request(KindConsent, FormatXLSX)))
	reg := &sheets[2]
	if row := reg.find(reg.column(t, "Запись согласия"), "c-long"); row == nil || row[reg.column(t, "Способ")].V != long.Method {
		t.Errorf("the XLSX does not keep the long method whole")
	}
}
