package reports

import (
	"context"
	"io"

	agentiq "github.com/agentiq/agentiq/shared"
)

var registerCols = []xcol{
	{"c.event_at", 19}, {"c.record", 24}, {"c.subject", 20}, {"c.action", 11}, {"c.purpose", 13},
	{"c.channel", 10}, {"c.method", 16}, {"c.source", 18}, {"c.text_version", 12}, {"c.text_sha", 20},
	{"c.evidence", 24}, {"c.collected_by", 16}, {"c.jurisdiction", 10}, {"c.recorded_at", 19},
}

func registerRow(e *agentiq.ConsentEvent) []any {
	return []any{e.At, e.RecordID, e.SubjectKey, e.Action, e.Purpose, e.Channel, e.Method, e.Source, e.TextVersion,
		e.TextSHA256, e.EvidenceRef, e.CollectedBy, e.Jurisdiction, e.RecordedAt}
}

var marketingCols = []xcol{
	{"c.decided_at", 19}, {"c.decision_id", 28}, {"c.channel", 10}, {"c.subject", 20}, {"c.scenario", 13},
	{"c.outcome", 11}, {"c.ad_ids", 26}, {"c.pd_ids", 26}, {"c.valid", 11},
}

func (m *marketingRow) cells() []any {
	return []any{m.DecidedAt, m.DecisionID, m.Channel, m.Subject, m.Scenario, m.Outcome, m.AdIDs, m.PDIDs, m.Covered}
}

var exceptionCols = []xcol{
	{"c.decided_at", 19}, {"c.decision_id", 28}, {"c.channel", 10}, {"c.chat", 16}, {"c.subject", 20},
	{"c.consents", 30}, {"c.problem", 70},
}

func (e *exceptionRow) cells() []any {
	return []any{e.DecidedAt, e.DecisionID, e.Channel, e.Chat, e.Subject, e.ConsentIDs, e.Problem}
}

var stopCols = []xcol{
	{"c.event_at", 19}, {"c.kind", 16}, {"c.subject", 20}, {"c.chat", 16}, {"c.purpose", 13}, {"c.channel", 10},
	{"c.method", 16}, {"c.evidence", 24}, {"c.after_n", 12}, {"c.last_after", 19}, {"c.stop", 22},
}

func stopCells(l Lang, s *stop) []any {
	kind := tr(l, "kind.withdrawal")
	if s.optOut {
		kind = tr(l, "kind.optout")
	}
	return []any{s.at, kind, s.subject, s.chat, s.purpose, s.channel, s.method, s.evidence, s.after, s.lastAfter, stopText(l, s)}
}

// writeConsentXLSX writes the consent-evidence report as XLSX: the summary
// (chain and exceptions first), the exceptions, the register's events,
// external marketing with the consents it relied on, and withdrawals and
// opt-outs with when marketing stopped.
func writeConsentXLSX(ctx context.Context, w io.Writer, src Source, req *Request) error {
	l := req.Lang
	names := []string{tr(l, "summary"), tr(l, "sheet.exceptions"), tr(l, "sheet.register"), tr(l, "sheet.marketing"), tr(l, "sheet.stops")}
	b, err := newBook(req, names)
	if err != nil {
		return err
	}
	defer b.f.Close()
	regS, err := b.listing(names[2], registerCols, "Register")
	if err != nil {
		return err
	}
	c, err := loadRegister(ctx, src, req, func(e agentiq.ConsentEvent) error { return regS.add(registerRow(&e)...) })
	if err != nil {
		return err
	}
	if err := regS.done(); err != nil {
		return err
	}
	mS, err := b.listing(names[3], marketingCols, "Marketing")
	if err != nil {
		return err
	}
	xS, err := b.listing(names[1], exceptionCols, "Exceptions")
	if err != nil {
		return err
	}
	err = runConsent(ctx, src, req, c,
		func(m *marketingRow) error { return mS.add(m.cells()...) },
		func(e *exceptionRow) error {
			cells := e.cells()
			for i := range cells {
				cells[i] = styled{cells[i], b.red}
			}
			return xS.add(cells...)
		})
	if err != nil {
		return err
	}
	if err := mS.done(); err != nil {
		return err
	}
	if err := xS.done(); err != nil {
		return err
	}
	sS, err := b.listing(names[4], stopCols, "Stops")
	if err != nil {
		return err
	}
	for _, s := range c.stops {
		if err := sS.add(stopCells(l, s)...); err != nil {
			return err
		}
	}
	if err := sS.done(); err != nil {
		return err
	}
	if err := req.chainReady(); err != nil {
		return err
	}
	blocks := []block{{tr(l, "chain"), chainLines(req, &c.link), chainBroken(req, &c.link)}, c.exceptionBlock()}
	notes := []string{tr(l, "note.consent"), tr(l, "note.stop"), trf(l, "note.times", req.Zone.String())}
	if err := writeSummarySheet(b, names[0], tr(l, "consent.title"), c.rules.text(), blocks, notes, consentSummary(c, req)); err != nil {
		return err
	}
	return b.write(w)
}
