package reports

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
)

func TestAuditXLSXReadBack(t *testing.T) {
	f := cleanFixture()
	data := build(t, f.source(), request(KindAudit, FormatXLSX))
	sheets := readXLSX(t, data)
	var titles []string
	for _, s := range sheets {
		titles = append(titles, s.Title)
	}
	if want := "Сводка|Решения по дням|Журнал модерации|Журнал решений"; strings.Join(titles, "|") != want {
		t.Fatalf("sheets %v, want %s", titles, want)
	}
	sum, daily, mods, log := &sheets[0], &sheets[1], &sheets[2], &sheets[3]

	// the decision log: a row per record, dates as dates, hostile text as text
	if got := len(log.Rows) - 1; got != len(f.entries) {
		t.Errorf("log has %d rows, want one per audit record: %d", got, len(f.entries))
	}
	if log.Freeze == nil || *log.Freeze != "A2" {
		t.Errorf("log header not frozen: %v", log.Freeze)
	}
	if len(log.Tables) != 1 || !strings.HasPrefix(log.Tables[0], "A1:") {
		t.Errorf("log has no filtered table: %v", log.Tables)
	}
	if w := log.Widths["W"]; w < 40 {
		t.Errorf("excerpt column width %v: too narrow to read", w)
	}
	at, decided := log.column(t, "Время записи"), log.column(t, "Решено")
	for i, row := range log.Rows[1:] {
		if row[at] == nil || row[at].T != "d" {
			t.Fatalf("log row %d: recorded-at is not a date: %+v", i+2, row[at])
		}
	}
	if c := log.Rows[1][decided]; c == nil || c.T != "d" || c.V != "2026-11-01T09:00:00" {
		t.Errorf("first decision's time %+v, want the date 2026-11-01 09:00 (Moscow wall time)", c)
	}
	ex := log.column(t, "Фрагмент текста (обезличен)")
	seen := map[string]bool{}
	for _, row := range log.Rows[1:] {
		if c := row[ex]; c != nil {
			if c.T != "s" {
				t.Errorf("excerpt %v read as type %s", c.V, c.T)
			}
			seen[c.V.(string)] = true
		}
	}
	for _, want := range []string{`'=HYPERLINK("http://x","y")`, "'+1", "'-2", "'@x", "'\tтабуляция в начале",
		"'\rвозврат каретки", "Здравствуйте! Ёлка доставлена, спасибо 🎄"} {
		if !seen[want] {
			t.Errorf("excerpt %q not in the log as text", want)
		}
	}
	// moderation: who, what, how long
	if got, want := len(mods.Rows)-1, countKind(f, agentiq.AuditModeration); got != want {
		t.Errorf("moderation log has %d rows, want %d", got, want)
	}
	if mods.find(mods.column(t, "Модератор"), "'@ops") == nil {
		t.Errorf("moderator @ops not written as text")
	}
	// per day: real dates, filters, a native chart
	if daily.Rows[1][0].T != "d" || !strings.HasPrefix(daily.Rows[1][0].V.(string), "2026-11-01") {
		t.Errorf("first day %+v, want the date 2026-11-01", daily.Rows[1][0])
	}
	if len(daily.Rows) != 31 {
		t.Errorf("per-day sheet has %d rows, want a header and 30 days", len(daily.Rows))
	}
	if daily.Filter == nil || daily.Freeze == nil {
		t.Errorf("per-day sheet: filter %v, frozen %v", daily.Filter, daily.Freeze)
	}
	if !hasZipPart(t, data, "xl/charts/chart") {
		t.Errorf("no native chart in the workbook")
	}
	// the summary: chain first, figures as the data has them
	if !strings.Contains(sum.text(6, 1), "не выполнялась") || !strings.Contains(sum.text(7, 1), fmt.Sprintf("связаны без разрывов: %d", len(f.entries))) {
		t.Errorf("chain lines %q / %q", sum.text(6, 1), sum.text(7, 1))
	}
	fig := summaryFigures(t, sum)
	want := expectAudit(f)
	for k, v := range want {
		if fig[k] != v {
			t.Errorf("summary %q = %q, want %q", k, fig[k], v)
		}
	}
}

// summaryFigures maps "section/measure" to the value (and share) shown.
func summaryFigures(t *testing.T, s *xsheetRead) map[string]string {
	t.Helper()
	out := map[string]string{}
	start := -1
	for i := range s.Rows {
		if s.text(i, 0) == "Раздел" || s.text(i, 0) == "Section" {
			start = i
		}
	}
	if start < 0 {
		t.Fatalf("summary has no table header")
	}
	if s.Freeze == nil || *s.Freeze != fmt.Sprintf("A%d", start+2) {
		t.Errorf("summary header (row %d) not frozen: %v", start+1, s.Freeze)
	}
	for _, row := range s.Rows[start+1:] {
		if len(row) < 3 || row[0] == nil {
			continue
		}
		v := ""
		switch c := row[2]; {
		case c == nil:
		case c.T == "n":
			v = strconv.FormatFloat(c.V.(float64), 'f', -1, 64)
		default:
			v = fmt.Sprint(c.V)
		}
		if len(row) > 3 && row[3] != nil {
			v += " " + shareText(row[3].V.(float64))
		}
		out[row[0].V.(string)+"/"+row[1].V.(string)] = v
	}
	return out
}

func countKind(f *fixture, kind string) int {
	n := 0
	for _, e := range f.entries {
		if e.Kind == kind {
			n++
		}
	}
	return n
}

// expectAudit counts the fixture's figures directly from its entries.
func expectAudit(f *fixture) map[string]string {
	var decisions, auto, sent, unknown, dry, refused, old int
	var frt []float64
	for _, e := range f.entries {
		if e.Kind != agentiq.AuditDecision {
			continue
		}
		var d agentiq.DecisionRecord
		_ = json.Unmarshal(e.Data, &d)
		decisions++
		if d.Trigger == agentiq.TriggerAutoReply {
			auto++
			if d.Outcome == agentiq.OutcomeSent {
				sent++
				frt = append(frt, d.SentAt.Sub(*d.BuyerMessageAt).Seconds())
			}
		}
		switch {
		case d.Outcome == agentiq.OutcomeUnknown:
			unknown++
		case d.Outcome == agentiq.OutcomeRefused:
			refused++
		}
		if d.DryRun {
			dry++
		}
		if d.RulesVersion == "rules-2026.10.1" {
			old++
		}
	}
	slices.Sort(frt)
	pct := func(a, b int) string { return fmt.Sprintf("%d %.1f%%", a, 100*float64(a)/float64(b)) }
	return map[string]string{
		"Сводка/Записей аудита за период":                       strconv.Itoa(len(f.entries)),
		"Сводка/Решений":                                        strconv.Itoa(decisions),
		"Сводка/Сообщений покупателей обработано автоматически": strconv.Itoa(auto),
		"Сводка/Доля отвеченных автоматически":                  pct(sent, auto),
		"Сводка/Отправок с неизвестным исходом":                 pct(unknown, decisions),
		"Сводка/Доля пробного режима (dry run)":                 pct(dry, decisions),
		"Сводка/Отписок":                                        strconv.Itoa(countKind(f, agentiq.AuditOptOut)),
		"Сводка/Сбоев обработки":                                strconv.Itoa(countKind(f, agentiq.AuditFailure)),
		"Сводка/Решений модератора":                             strconv.Itoa(countKind(f, agentiq.AuditModeration)),
		"Сводка/Время первого ответа, медиана":                  durationText(LangRU, frt[(len(frt)+1)/2-1]),
		"Сводка/Время первого ответа, 90-й перцентиль":          durationText(LangRU, frt[int(math.Ceil(0.9*float64(len(frt))))-1]),
		"Решения по исходу/refused":                             pct(refused, decisions),
		"Версии правил/rules-2026.10.1":                         strconv.Itoa(old),
		"Записи аудита по видам/decision":                       pct(decisions, len(f.entries)),
		"Причины (сработавшие правила)/'=1+1":                   pct(30, decisions),
	}
}

func TestAuditPDFMatchesXLSX(t *testing.T) {
	f := cleanFixture()
	src := f.source()
	sheets := readXLSX(t, build(t, src, request(KindAudit, FormatXLSX)))
	pdf := build(t, src, request(KindAudit, FormatPDF))
	all := pdfPages(t, pdf, 1, 0)
	page1 := pdfPages(t, pdf, 1, 1)
	for _, h := range []string{"Отчёт аудита решений", "Проверка цепочки аудита", "Сводка", "Решения по исходу"} {
		if !strings.Contains(page1, h) {
			t.Errorf("page 1 lacks %q", h)
		}
	}
	for _, h := range []string{"Решения по дням", "Журнал модерации", "Приложение: журнал записей аудита", "Стр. 1 из "} {
		if !strings.Contains(all, h) {
			t.Errorf("the PDF lacks %q", h)
		}
	}
	// every page has the header and its number
	pages := strings.Split(all, "\f")
	n := len(pages) - 1
	for i, p := range pages[:n] {
		if !strings.Contains(p, "Продавец: s1") || !strings.Contains(p, "Период: 01.11.2026 – 30.11.2026") ||
			!strings.Contains(p, "rules-2026.10.1") || !strings.Contains(p, fmt.Sprintf("Стр. %d из %d", i+1, n)) {
			t.Errorf("page %d lacks the header or its number:\n%s", i+1, clip(p, 400))
		}
	}
	// the summary's figures: the same as the XLSX's
	space := regexp.MustCompile(`\s+`)
	flat := space.ReplaceAllString(all, " ")
	for k, v := range summaryFigures(t, &sheets[0]) {
		measure := strings.TrimPrefix(k[strings.Index(k, "/")+1:], "'")
		if measure == "…" || strings.HasPrefix(k, "Версии правил/") {
			continue
		}
		if !strings.Contains(flat, measure+" "+v) {
			t.Errorf("PDF does not show %q as %q (the XLSX's figure)", measure, v)
		}
	}
	if n := len(f.entries); !strings.Contains(flat, fmt.Sprintf("Показаны первые %d из %d записей", n, n)) {
		t.Errorf("appendix does not say how many records it shows")
	}
}

func TestAuditPDFAppendixCap(t *testing.T) {
	req := request(KindAudit, FormatPDF)
	req.DetailRows = 50
	f := cleanFixture()
	text := pdfPages(t, build(t, f.source(), req), 1, 0)
	flat := regexp.MustCompile(`\s+`).ReplaceAllString(text, " ")
	if !strings.Contains(flat, fmt.Sprintf("Показаны первые 50 из %d записей.", len(f.entries))+" Полный журнал — в XLSX-версии отчёта (лист «Журнал решений»)") {
		t.Errorf("capped appendix does not say so")
	}
}

// tamper changes one record's content without recomputing its hash.
func tamper(src *MemSource, seq int64) {
	for i := range src.Records {
		if src.Records[i].Seq == seq {
			src.Records[i].Data = json.RawMessage(strings.Replace(string(src.Records[i].Data), `"decision":"deny"`, `"decision":"allow"`, 1))
			src.Records[i].Data = append(json.RawMessage(nil), src.Records[i].Data...)
			src.Records[i].Ref += "x"
		}
	}
}

func TestTamperedChainOnFirstPage(t *testing.T) {
	for _, kind := range []Kind{KindAudit, KindConsent} {
		t.Run(string(kind), func(t *testing.T) {
			src := cleanFixture().source()
			tamper(src, 42)
			// the period's own links, checked as the report reads them
			pdf := build(t, src, request(kind, FormatPDF))
			page1 := pdfPages(t, pdf, 1, 1)
			if !strings.Contains(page1, "ЗАПИСИ ПЕРИОДА: запись №42 изменена") {
				t.Errorf("page 1 does not show the altered record:\n%s", clip(page1, 800))
			}
			// and the whole chain's verification, as the caller passes it
			req := request(kind, FormatPDF)
			req.Chain = &ChainStatus{Verified: false, Records: 41, FirstBad: 42, Problem: "record 42 was altered",
				CheckpointSeq: 40, CheckpointAt: time.Date(2026, 11, 5, 0, 0, 0, 0, msk), CheckpointHash: "ab12cd34ef56ab12cd34"}
			page1 = pdfPages(t, build(t, src, req), 1, 1)
			for _, want := range []string{"ЦЕПОЧКА НАРУШЕНА: первая повреждённая запись №42", "Контрольная точка: запись №40, 05.11.2026 00:00:00"} {
				if !strings.Contains(page1, want) {
					t.Errorf("page 1 lacks %q", want)
				}
			}
			req.Format = FormatXLSX
			first := readXLSX(t, build(t, src, req))[0]
			found := false
			for _, row := range first.Rows[:12] {
				for _, c := range row {
					if c != nil && c.T == "s" && strings.Contains(c.V.(string), "ЦЕПОЧКА НАРУШЕНА: первая повреждённая запись №42") {
						found = true
						if !c.Red {
							t.Errorf("the broken chain is not shown in red")
						}
					}
				}
			}
			if !found {
				t.Errorf("the first sheet does not show the broken chain")
			}
		})
	}
}

func TestEnglish(t *testing.T) {
	req := request(KindAudit, FormatPDF)
	req.Lang = LangEN
	text := pdfPages(t, build(t, cleanFixture().source(), req), 1, 1)
	for _, want := range []string{"Audit report", "Seller: s1", "Period: 2026-11-01 – 2026-11-30", "Page 1 of", "Decisions by outcome"} {
		if !strings.Contains(text, want) {
			t.Errorf("English page 1 lacks %q", want)
		}
	}
	req.Format = FormatXLSX
	if s := readXLSX(t, build(t, cleanFixture().source(), req)); s[0].Title != "Summary" || s[3].Title != "Decision log" {
		t.Errorf("English sheets %q, %q", s[0].Title, s[3].Title)
	}
}

// Past Excel's 1,048,576 rows the log goes on in "Журнал решений (2)", …,
// each sheet with its header, filters and frozen row (shown here with
// sheets of 100 rows).
func TestLogContinuesOnNewSheets(t *testing.T) {
	defer func(n int) { maxRows = n }(maxRows)
	maxRows = 100
	f := cleanFixture()
	sheets := readXLSX(t, build(t, f.source(), request(KindAudit, FormatXLSX)))
	var titles []string
	rows, seq := 0, 0.0
	for _, s := range sheets {
		titles = append(titles, s.Title)
		if !strings.HasPrefix(s.Title, "Журнал решений") {
			continue
		}
		if s.text(0, 0) != "№" || len(s.Tables) != 1 || s.Freeze == nil || len(s.Rows) > 100 {
			t.Errorf("sheet %q: header %q, tables %v, frozen %v, %d rows", s.Title, s.text(0, 0), s.Tables, s.Freeze, len(s.Rows))
		}
		for _, r := range s.Rows[1:] {
			if v := r[0].V.(float64); v != seq+1 {
				t.Fatalf("sheet %q: record %v follows %v", s.Title, v, seq)
			}
			seq++
			rows++
		}
	}
	want := "Сводка|Решения по дням|Журнал модерации|Журнал решений|Журнал решений (2)|Журнал решений (3)|Журнал решений (4)"
	if strings.Join(titles, "|") != want || rows != len(f.entries) {
		t.Errorf("sheets %v with %d log rows; want %s with %d", titles, rows, want, len(f.entries))
	}
}
