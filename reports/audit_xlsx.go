package reports

import (
	"context"
	"fmt"
	"io"
	"math"

	"github.com/xuri/excelize/v2"
)

// sumRow is one figure of a summary, the same in the XLSX and the PDF.
type sumRow struct {
	Section, Measure string
	Value            any     // int64 or string
	Share            float64 // a fraction; shown only when HasShare
	HasShare         bool
	First, Last      any // time.Time for rules versions
}

func shareRow(section, measure string, part, whole int64) sumRow {
	r := sumRow{Section: section, Measure: measure, Value: part}
	if whole > 0 {
		r.Share, r.HasShare = float64(part)/float64(whole), true
	}
	return r
}

// auditSummary lists the audit report's figures.
func auditSummary(a *auditAgg, req *Request) []sumRow {
	l := req.Lang
	sec := tr(l, "summary")
	dur := func(d *durations, q float64) string {
		v, ok := d.quantile(q)
		if !ok {
			return tr(l, "f.na")
		}
		s := durationText(l, v)
		if d.approximate() {
			s += " " + tr(l, "f.approx")
		}
		return s
	}
	rows := []sumRow{
		{Section: sec, Measure: tr(l, "f.records"), Value: a.records},
		{Section: sec, Measure: tr(l, "f.decisions"), Value: a.decisions},
		{Section: sec, Measure: tr(l, "f.buyer"), Value: a.autoDecided},
		shareRow(sec, tr(l, "f.auto"), a.autoSent, a.autoDecided),
		{Section: sec, Measure: tr(l, "f.frt.median"), Value: dur(&a.frt, 0.5)},
		{Section: sec, Measure: tr(l, "f.frt.p90"), Value: dur(&a.frt, 0.9)},
		{Section: sec, Measure: tr(l, "f.frt.n"), Value: a.frt.n},
		shareRow(sec, tr(l, "f.unknown"), a.unknown, a.decisions),
		shareRow(sec, tr(l, "f.dryrun"), a.dryRun, a.decisions),
		{Section: sec, Measure: tr(l, "f.optouts"), Value: a.optOuts},
		{Section: sec, Measure: tr(l, "f.failures"), Value: a.failures},
		{Section: sec, Measure: tr(l, "f.moderation"), Value: a.moderations},
		{Section: sec, Measure: tr(l, "f.mod.median"), Value: dur(&a.modWait, 0.5)},
		{Section: sec, Measure: tr(l, "f.mod.p90"), Value: dur(&a.modWait, 0.9)},
	}
	for _, g := range []struct {
		key   string
		c     counter
		whole int64
	}{
		{"by.outcome", a.byOutcome, a.decisions},
		{"by.decision", a.byVerdict, a.decisions},
		{"by.reason", a.byReason, a.decisions},
		{"by.scenario", a.byScenario, a.decisions},
		{"by.channel", a.byChannel, a.decisions},
		{"by.trigger", a.byTrigger, a.decisions},
		{"by.kind", a.byKind, a.records},
	} {
		for _, kc := range g.c.sorted() {
			rows = append(rows, shareRow(tr(l, g.key), kc.Key, kc.Count, g.whole))
		}
	}
	for _, s := range a.rules.spans() {
		rows = append(rows, sumRow{Section: tr(l, "rules"), Measure: s.Version, Value: s.Count, First: s.First, Last: s.Last})
	}
	return rows
}

var summaryCols = []xcol{{"section", 34}, {"key", 52}, {"value", 26}, {"share", 10}, {"first", 20}, {"last", 20}}

// writeSummarySheet writes the first sheet: the header, the chain
// verification (red when broken), notes and the figures.
func writeSummarySheet(b *xbook, name, title, versions string, blocks []block, notes []string, rows []sumRow) error {
	headerRow := 6 + blockLines(blocks) + len(notes) + 2
	s, err := b.stream(name, summaryCols, headerRow)
	if err != nil {
		return err
	}
	if err := s.headBlock(title, versions, blocks); err != nil {
		return err
	}
	for _, n := range notes {
		if err := s.add(nil, n); err != nil {
			return err
		}
	}
	s.skip(headerRow - s.row - 1)
	if err := s.header(summaryCols); err != nil {
		return err
	}
	for _, r := range rows {
		var share any
		if r.HasShare {
			share = styled{r.Share, b.pct}
		}
		if err := s.add(r.Section, r.Measure, r.Value, share, r.First, r.Last); err != nil {
			return err
		}
	}
	return s.finish("Summary")
}

var logCols = []xcol{
	{"c.seq", 9}, {"c.at", 19}, {"c.kind", 11}, {"c.decision_id", 28}, {"c.channel", 10}, {"c.chat", 16},
	{"c.subject", 18}, {"c.trigger", 12}, {"c.operator", 12}, {"c.template", 16}, {"c.scenario", 14},
	{"c.priority", 9}, {"c.type", 11}, {"c.verdict", 10}, {"c.reasons", 30}, {"c.outcome", 12},
	{"c.dryrun", 8}, {"c.buyer_at", 19}, {"c.decided_at", 19}, {"c.sent_at", 19}, {"c.rules", 16},
	{"c.consents", 24}, {"c.excerpt", 60}, {"c.details", 40}, {"c.hash", 20},
}

func (s *xsheet) logRow(r *logRow) error {
	var dry any // only the dry-run rows say so: a million "no" cells cost time and say nothing
	if r.DryRun {
		dry = true
	}
	return s.add(r.Seq, r.At, r.Kind, r.DecisionID, r.Channel, r.Chat, r.Subject, r.Trigger, r.Operator,
		r.Template, r.Scenario, r.Priority, r.MsgType, r.Verdict, r.Reasons, r.Outcome, dry,
		r.BuyerAt, r.DecidedAt, r.SentAt, r.Rules, r.Consents, r.Excerpt, r.Details, r.Hash)
}

var modCols = []xcol{
	{"c.at", 19}, {"c.moderation", 28}, {"c.decision_id", 28}, {"c.chat", 16}, {"c.action", 18},
	{"c.moderator", 18}, {"c.status", 12}, {"c.outcome", 14}, {"c.wait", 12},
}

func (s *xsheet) modRow(m *modRow) error {
	return s.add(m.At, m.ModerationID, m.DecisionID, m.Chat, m.Action, m.Moderator, m.Status, m.Outcome,
		float64(int64(m.WaitSeconds/60*10+0.5))/10)
}

// writeAuditXLSX writes the audit report as XLSX: the summary first, then
// decisions per day with a chart, the moderation log and the full log.
func writeAuditXLSX(ctx context.Context, w io.Writer, src Source, req *Request) error {
	l := req.Lang
	names := []string{tr(l, "summary"), tr(l, "daily"), tr(l, "moderation"), tr(l, "log")}
	b, err := newBook(req, names)
	if err != nil {
		return err
	}
	defer b.f.Close()
	logS, err := b.listing(names[3], logCols, "Log")
	if err != nil {
		return err
	}
	modS, err := b.listing(names[2], modCols, "Moderation")
	if err != nil {
		return err
	}
	var a *auditAgg
	err = pipeRows(ctx, func(emit func(*logRow) error) error {
		var err error
		a, err = runAudit(ctx, src, req, math.MaxInt64, emit)
		return err
	}, func(r *logRow) error {
		if r.moderation != nil {
			if err := modS.modRow(r.moderation); err != nil {
				return err
			}
		}
		return logS.logRow(r)
	})
	if err != nil {
		return err
	}
	if err := logS.done(); err != nil {
		return err
	}
	if err := modS.done(); err != nil {
		return err
	}
	if err := req.chainReady(); err != nil {
		return err
	}
	notes := []string{tr(l, "note.auto"), tr(l, "note.frt"), trf(l, "note.times", req.Zone.String())}
	if err := writeSummarySheet(b, names[0], tr(l, "audit.title"), a.rules.text(),
		[]block{{tr(l, "chain"), chainLines(req, &a.link), chainBroken(req, &a.link)}}, notes, auditSummary(a, req)); err != nil {
		return err
	}
	if err := writeDailySheet(b, names[1], a.dayList(req)); err != nil {
		return err
	}
	return b.write(w)
}

// writeDailySheet writes decisions per day and a native stacked column
// chart of them. The sheet is small (a row a day), so it is written in the
// normal mode, which charts need.
func writeDailySheet(b *xbook, name string, days []day) error {
	l := b.req.Lang
	f := b.f
	head := []any{tr(l, "date"), tr(l, "g.sent"), tr(l, "g.held"), tr(l, "g.refused"), tr(l, "g.other"), tr(l, "total")}
	if err := f.SetSheetRow(name, "A1", &head); err != nil {
		return err
	}
	if err := f.SetCellStyle(name, "A1", "F1", b.head); err != nil {
		return err
	}
	for i, d := range days {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		row := []any{d.Date, d.Sent, d.Held, d.Refused, d.Other, d.Sent + d.Held + d.Refused + d.Other}
		if err := f.SetSheetRow(name, cell, &row); err != nil {
			return err
		}
	}
	last := len(days) + 1
	if len(days) > 0 {
		if err := f.SetCellStyle(name, "A2", fmt.Sprintf("A%d", last), b.day); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(name, "A", "A", 13); err != nil {
		return err
	}
	if err := f.SetColWidth(name, "B", "F", 16); err != nil {
		return err
	}
	if err := f.SetRowHeight(name, 1, 32); err != nil {
		return err
	}
	if err := f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := f.AutoFilter(name, fmt.Sprintf("A1:F%d", max(last, 2)), nil); err != nil {
		return err
	}
	// the used range, which excelize leaves at "A1" (see xbook.dims)
	if err := f.SetSheetDimension(name, fmt.Sprintf("A1:F%d", last)); err != nil {
		return err
	}
	if len(days) == 0 {
		return nil
	}
	ref := "'" + name + "'!"
	var series []excelize.ChartSeries
	colors := []string{"2E7D32", "F9A825", "C62828", "90A4AE"}
	for i, col := range []string{"B", "C", "D", "E"} {
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("%s$%s$1", ref, col),
			Categories: fmt.Sprintf("%s$A$2:$A$%d", ref, last),
			Values:     fmt.Sprintf("%s$%s$2:$%s$%d", ref, col, col, last),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colors[i]}},
		})
	}
	return f.AddChart(name, "H2", &excelize.Chart{
		Type:      excelize.ColStacked,
		Series:    series,
		Title:     []excelize.RichTextRun{{Text: tr(l, "daily")}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Dimension: excelize.ChartDimension{Width: 900, Height: 420},
		XAxis:     excelize.ChartAxis{NumFmt: excelize.ChartNumFmt{CustomNumFmt: map[Lang]string{LangRU: "dd.mm", LangEN: "mm-dd"}[l]}},
	})
}
