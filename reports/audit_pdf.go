package reports

import (
	"context"
	"fmt"
	"io"
	"math"
	"strconv"
	"time"
)

// writeAuditPDF writes the audit report as PDF: the chain verification and
// the summary on page 1, the chart, the moderation log, and an appendix of
// the decision log capped at req.DetailRows rows (the XLSX has them all).
func writeAuditPDF(ctx context.Context, w io.Writer, src Source, req *Request) error {
	var logs []logRow
	var mods []modRow
	var nmods int64
	a, err := runAudit(ctx, src, req, int64(req.DetailRows), func(r *logRow) error {
		if r.moderation != nil {
			nmods++
			if len(mods) < req.DetailRows {
				mods = append(mods, *r.moderation)
			}
		}
		if len(logs) < req.DetailRows {
			r.decision, r.optOut, r.moderation = nil, nil, nil
			logs = append(logs, *r)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := req.chainReady(); err != nil {
		return err
	}
	l := req.Lang
	d := newPDF(req, tr(l, "audit.title"), a.rules.text())
	d.box(tr(l, "chain"), chainLines(req, &a.link), chainBroken(req, &a.link))
	d.summary(auditSummary(a, req))
	d.para(tr(l, "note.auto") + " " + tr(l, "note.frt") + " " + trf(l, "note.times", req.Zone.String()))

	d.room(100) // the heading with its chart
	d.heading(tr(l, "daily"))
	d.chart(a.dayList(req))

	d.heading(tr(l, "moderation"))
	if nmods == 0 {
		d.para(tr(l, "empty"))
	} else {
		if nmods > int64(len(mods)) {
			d.para(trf(l, "list.cap", len(mods), nmods))
		}
		rows := make([][]string, len(mods))
		for i, m := range mods {
			rows[i] = []string{m.At.In(req.Zone).Format(timeLayout(l)), m.ModerationID, m.Action, m.Moderator,
				m.Status, m.Outcome, durationText(l, m.WaitSeconds)}
		}
		d.table([]pcol{{tr(l, "c.at"), 16, false}, {tr(l, "c.moderation"), 24, false}, {tr(l, "c.action"), 14, false},
			{tr(l, "c.moderator"), 14, false}, {tr(l, "c.status"), 10, false}, {tr(l, "c.outcome"), 11, false},
			{tr(l, "c.waited"), 11, true}}, rows, nil)
	}

	// the appendix, landscape for its width
	d.p.AddPageFormat("L", d.p.GetPageSizeStr("A4"))
	d.heading(tr(l, "appendix"))
	if a.records == 0 {
		d.para(tr(l, "empty"))
	} else {
		d.para(trf(l, "appendix.cap", len(logs), a.records, tr(l, "log")))
		rows := make([][]string, len(logs))
		for i, r := range logs {
			what := r.Verdict
			if r.Reasons != "" {
				what += ": " + r.Reasons
			}
			rows[i] = []string{strconv.FormatInt(r.Seq, 10), r.At.In(req.Zone).Format(timeLayout(l)), r.Kind, r.Channel,
				r.Trigger, r.Scenario, what, r.Outcome, r.Rules, r.Excerpt, r.Details}
		}
		d.table([]pcol{{tr(l, "c.seq"), 5, true}, {tr(l, "c.at"), 15, false}, {tr(l, "c.kind"), 10, false},
			{tr(l, "c.channel"), 8, false}, {tr(l, "c.trigger"), 9, false}, {tr(l, "c.scenario"), 11, false},
			{tr(l, "c.verdict"), 16, false}, {tr(l, "c.outcome"), 9, false}, {tr(l, "c.rules"), 13, false},
			{tr(l, "c.excerpt"), 26, false}, {tr(l, "c.details"), 20, false}}, rows, nil)
	}
	return d.output(w)
}

// summary draws summary rows, a table per section.
func (d *pdoc) summary(rows []sumRow) {
	l := d.req.Lang
	for i := 0; i < len(rows); {
		j := i
		for j < len(rows) && rows[j].Section == rows[i].Section {
			j++
		}
		d.heading(rows[i].Section)
		cells := make([][]string, 0, j-i)
		rulesRows := rows[i].First != nil
		for _, r := range rows[i:j] {
			c := []string{r.Measure, valueText(r.Value), ""}
			if r.HasShare {
				c[2] = shareText(r.Share)
			}
			if rulesRows {
				c[2] = r.First.(time.Time).In(d.req.Zone).Format(timeLayout(l))
				c = append(c, r.Last.(time.Time).In(d.req.Zone).Format(timeLayout(l)))
			}
			cells = append(cells, c)
		}
		if rulesRows {
			d.table([]pcol{{tr(l, "rules"), 40, false}, {tr(l, "count"), 14, true}, {tr(l, "first"), 23, false},
				{tr(l, "last"), 23, false}}, cells, nil)
		} else if hasShare(rows[i:j]) {
			d.table([]pcol{{tr(l, "key"), 60, false}, {tr(l, "value"), 28, true}, {tr(l, "share"), 12, true}}, cells, nil)
		} else {
			for k := range cells {
				cells[k] = cells[k][:2]
			}
			d.table([]pcol{{tr(l, "key"), 70, false}, {tr(l, "value"), 30, true}}, cells, nil)
		}
		i = j
	}
}

func hasShare(rows []sumRow) bool {
	for _, r := range rows {
		if r.HasShare {
			return true
		}
	}
	return false
}

func valueText(v any) string {
	switch v := v.(type) {
	case int64:
		return strconv.FormatInt(v, 10)
	case string:
		return v
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

// shareText is how both the PDF and the tests show a share.
func shareText(f float64) string { return fmt.Sprintf("%.1f%%", f*100) }

// chart draws decisions per day as stacked columns.
func (d *pdoc) chart(days []day) {
	l := d.req.Lang
	p := d.p
	if len(days) == 0 {
		d.para(tr(l, "empty"))
		return
	}
	const h = 62.0
	d.room(h + 22)
	x0, y0 := p.GetX()+12, p.GetY()+2
	w := d.width() - 12
	var peak int64 = 1
	for _, dd := range days {
		peak = max(peak, dd.Sent+dd.Held+dd.Refused+dd.Other)
	}
	step := niceStep(float64(peak) / 4)
	top := math.Ceil(float64(peak)/step) * step
	p.SetFont("go", "", 7)
	p.SetDrawColor(200, 200, 200)
	p.SetLineWidth(0.2)
	for v := 0.0; v <= top+step/2; v += step {
		y := y0 + h - h*v/top
		p.Line(x0, y, x0+w, y)
		p.SetXY(x0-13, y-2)
		p.CellFormat(12, 4, strconv.FormatInt(int64(v), 10), "", 0, "R", false, 0, "")
	}
	colors := [][3]int{{46, 125, 50}, {249, 168, 37}, {198, 40, 40}, {144, 164, 174}}
	slot := w / float64(len(days))
	bw := slot * 0.7
	every := int(math.Ceil(float64(len(days)) / 16))
	for i, dd := range days {
		x := x0 + float64(i)*slot + (slot-bw)/2
		y := y0 + h
		for k, v := range []int64{dd.Sent, dd.Held, dd.Refused, dd.Other} {
			if v == 0 {
				continue
			}
			bh := h * float64(v) / top
			p.SetFillColor(colors[k][0], colors[k][1], colors[k][2])
			p.Rect(x, y-bh, bw, bh, "F")
			y -= bh
		}
		if i%every == 0 {
			p.SetXY(x0+float64(i)*slot-5+slot/2, y0+h+1)
			p.CellFormat(10, 4, dd.Date.Format(map[Lang]string{LangRU: "02.01", LangEN: "01-02"}[l]), "", 0, "C", false, 0, "")
		}
	}
	p.SetDrawColor(0, 0, 0)
	p.Line(x0, y0+h, x0+w, y0+h)
	// legend
	lx, ly := x0, y0+h+7
	p.SetFont("go", "", 8)
	for k, key := range []string{"g.sent", "g.held", "g.refused", "g.other"} {
		p.SetFillColor(colors[k][0], colors[k][1], colors[k][2])
		p.Rect(lx, ly+0.8, 3, 3, "F")
		p.SetXY(lx+4, ly)
		t := pdfText(tr(l, key))
		p.CellFormat(p.GetStringWidth(t)+2, 4.6, t, "", 0, "L", false, 0, "")
		lx += p.GetStringWidth(t) + 12
	}
	p.SetXY(margin, ly+8)
}

// niceStep rounds a step up to 1, 2 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	if raw <= 1 {
		return 1
	}
	pow := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*pow >= raw {
			return m * pow
		}
	}
	return 10 * pow
}
