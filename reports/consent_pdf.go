package reports

import (
	"context"
	"io"
	"strconv"
	"strings"

	agentiq "github.com/agentiq/agentiq/shared"
)

// writeConsentPDF writes the consent-evidence report as PDF: the chain and
// the exceptions on page 1, then the summary, the exceptions, external
// marketing with its consents, withdrawals and opt-outs, and the register's
// events; each listing capped at req.DetailRows rows (the XLSX has them all).
func writeConsentPDF(ctx context.Context, w io.Writer, src Source, req *Request) error {
	l := req.Lang
	capN := req.DetailRows
	var events []agentiq.ConsentEvent
	c, err := loadRegister(ctx, src, req, func(e agentiq.ConsentEvent) error {
		if len(events) < capN {
			events = append(events, e)
		}
		return nil
	})
	if err != nil {
		return err
	}
	var mrows []marketingRow
	var xrows []exceptionRow
	err = runConsent(ctx, src, req, c,
		func(m *marketingRow) error {
			if len(mrows) < capN {
				mrows = append(mrows, *m)
			}
			return nil
		},
		func(e *exceptionRow) error {
			if len(xrows) < capN {
				xrows = append(xrows, *e)
			}
			return nil
		})
	if err != nil {
		return err
	}
	if err := req.chainReady(); err != nil {
		return err
	}
	tl := timeLayout(l)
	d := newPDF(req, tr(l, "consent.title"), c.rules.text())
	d.box(tr(l, "chain"), chainLines(req, &c.link), chainBroken(req, &c.link))
	xb := c.exceptionBlock()
	d.box(xb.label, xb.lines, xb.bad)
	d.summary(consentSummary(c, req))
	d.para(tr(l, "note.consent") + " " + tr(l, "note.stop") + " " + trf(l, "note.times", req.Zone.String()))

	capNote := func(shown int, total int64) {
		if total > int64(shown) {
			d.para(trf(l, "list.cap", shown, total))
		}
	}
	d.heading(tr(l, "exceptions"))
	if c.exceptions == 0 {
		d.para(tr(l, "exceptions.none"))
	} else {
		capNote(len(xrows), c.exceptions)
		rows := make([][]string, len(xrows))
		for i, e := range xrows {
			who := e.Subject
			if who == "" {
				who = e.Chat
			}
			rows[i] = []string{e.DecidedAt.In(req.Zone).Format(tl), e.DecisionID, e.Channel, who, e.ConsentIDs, e.Problem}
		}
		d.table([]pcol{{tr(l, "c.decided_at"), 17, false}, {tr(l, "c.decision_id"), 16, false}, {tr(l, "c.channel"), 9, false},
			{tr(l, "c.subject"), 15, false}, {tr(l, "c.consents"), 16, false}, {tr(l, "c.problem"), 27, false}},
			rows, func(int) bool { return true })
	}

	d.heading(tr(l, "marketing"))
	if c.marketing == 0 {
		d.para(tr(l, "empty"))
	} else {
		capNote(len(mrows), c.marketing)
		rows := make([][]string, len(mrows))
		for i, m := range mrows {
			rows[i] = []string{m.DecidedAt.In(req.Zone).Format(tl), m.DecisionID, m.Channel, m.Subject, m.AdIDs, m.PDIDs,
				map[bool]string{true: tr(l, "yes"), false: tr(l, "no")}[m.Covered]}
		}
		d.table([]pcol{{tr(l, "c.decided_at"), 17, false}, {tr(l, "c.decision_id"), 16, false}, {tr(l, "c.channel"), 9, false},
			{tr(l, "c.subject"), 14, false}, {tr(l, "c.ad_ids"), 17, false}, {tr(l, "c.pd_ids"), 17, false},
			{tr(l, "c.valid"), 10, false}}, rows, func(i int) bool { return !mrows[i].Covered })
	}

	d.heading(tr(l, "withdrawals"))
	if len(c.stops) == 0 {
		d.para(tr(l, "empty"))
	} else {
		shown := c.stops[:min(len(c.stops), capN)]
		capNote(len(shown), int64(len(c.stops)))
		rows := make([][]string, len(shown))
		for i, s := range shown {
			cells := stopCells(l, s)
			who := s.subject
			if who == "" {
				who = s.chat
			}
			last := ""
			if s.after > 0 {
				last = s.lastAfter.In(req.Zone).Format(tl)
			}
			what := strings.TrimPrefix(s.purpose+" / "+s.channel, " / ")
			rows[i] = []string{s.at.In(req.Zone).Format(tl), cells[1].(string), who, what, s.method + " " + s.evidence,
				strconv.FormatInt(s.after, 10), last, stopText(l, s)}
		}
		d.table([]pcol{{tr(l, "c.event_at"), 13, false}, {tr(l, "c.kind"), 10, false}, {tr(l, "c.subject"), 12, false},
			{tr(l, "c.purpose"), 14, false}, {tr(l, "c.evidence"), 18, false}, {tr(l, "c.after_n"), 9, true},
			{tr(l, "c.last_after"), 13, false}, {tr(l, "c.stop"), 12, false}}, rows, func(i int) bool { return shown[i].after > 0 })
	}

	d.heading(tr(l, "register"))
	if c.events == 0 {
		d.para(tr(l, "empty"))
	} else {
		capNote(len(events), c.events)
		rows := make([][]string, len(events))
		for i, e := range events {
			rows[i] = []string{e.At.In(req.Zone).Format(tl), e.RecordID, e.SubjectKey, e.Action, e.Purpose + " / " + e.Channel,
				e.Method + " " + e.Source, e.TextVersion + " " + clip(e.TextSHA256, 12), e.EvidenceRef}
		}
		d.table([]pcol{{tr(l, "c.event_at"), 14, false}, {tr(l, "c.record"), 14, false}, {tr(l, "c.subject"), 13, false},
			{tr(l, "c.action"), 9, false}, {tr(l, "c.purpose"), 14, false}, {tr(l, "c.method"), 13, false},
			{tr(l, "c.text_version"), 11, false}, {tr(l, "c.evidence"), 13, false}}, rows, nil)
	}
	return d.output(w)
}
