package reports

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
)

// grant is a given consent of the register.
type grant struct {
	id, subject, purpose, channel string
	at                            time.Time
}

// stop is a withdrawal or an opt-out, and the marketing allowed after it.
type stop struct {
	optOut            bool
	id, subject, chat string
	purpose, channel  string
	at                time.Time
	method, evidence  string
	after             int64     // marketing decisions allowed after it
	lastAfter         time.Time // the last of them
}

// marketingRow is an allowed marketing decision on an external channel.
type marketingRow struct {
	DecidedAt                  time.Time
	DecisionID, Channel        string
	Subject, Scenario, Outcome string
	AdIDs, PDIDs               string
	Covered                    bool
}

// exceptionRow is marketing allowed without valid consent or after an
// opt-out or a withdrawal.
type exceptionRow struct {
	DecidedAt                          time.Time
	DecisionID, Channel, Chat, Subject string
	ConsentIDs, Problem                string
}

// consentAgg checks, in one pass over the period's audit records, every
// allowed marketing decision against the consent register. The register
// (every event up to the period's end) and the period's withdrawals and
// opt-outs are held in memory: they grow with the register, not with the
// number of audit records.
type consentAgg struct {
	lang                            Lang
	zone                            *time.Location
	grants                          map[string]grant
	withdrawals                     map[string][]*stop // by subject: every withdrawal up to the period's end
	stops                           []*stop            // the period's withdrawals and opt-outs, in time order
	optOutChat, optOutSubject       map[string][]*stop
	events, given, withdrawn        int64
	records, marketing, wbMarketing int64
	exceptions                      int64
	rules                           versionSet
	link                            linkCheck
	unreadable                      int64
}

// registerSince is where the register is read from: a consent relied on
// in the period may have been given long before it.
var registerSince = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// loadRegister reads the register up to the period's end, calling inPeriod
// for the events of the period.
func loadRegister(ctx context.Context, src Source, req *Request, inPeriod func(agentiq.ConsentEvent) error) (*consentAgg, error) {
	c := &consentAgg{lang: req.Lang, zone: req.Zone, grants: map[string]grant{}, withdrawals: map[string][]*stop{},
		optOutChat: map[string][]*stop{}, optOutSubject: map[string][]*stop{}, rules: versionSet{}}
	err := src.ConsentEvents(ctx, req.Seller, registerSince, req.To, func(e agentiq.ConsentEvent) error {
		switch e.Action {
		case agentiq.ConsentGiven:
			c.grants[e.RecordID] = grant{id: e.RecordID, subject: e.SubjectKey, purpose: e.Purpose, channel: e.Channel, at: e.At}
		case agentiq.ConsentWithdrawn:
			s := &stop{id: e.RecordID, subject: e.SubjectKey, purpose: e.Purpose, channel: e.Channel, at: e.At,
				method: e.Method, evidence: e.EvidenceRef}
			c.withdrawals[e.SubjectKey] = append(c.withdrawals[e.SubjectKey], s)
			if !e.At.Before(req.From) {
				c.stops = append(c.stops, s)
			}
		}
		if e.At.Before(req.From) {
			return nil
		}
		c.events++
		if e.Action == agentiq.ConsentGiven {
			c.given++
		} else {
			c.withdrawn++
		}
		return inPeriod(e)
	})
	if err != nil {
		return nil, fmt.Errorf("read the consent register: %w", err)
	}
	return c, nil
}

// runConsent streams the period's audit records through the checks.
func runConsent(ctx context.Context, src Source, req *Request, c *consentAgg,
	onMarketing func(*marketingRow) error, onException func(*exceptionRow) error) error {
	err := decodeAudit(ctx, src, req, &c.link, 0, func(lr *logRow) error {
		c.records++
		if req.Progress != nil && c.records%5000 == 0 {
			req.Progress(c.records)
		}
		switch {
		case lr.bad:
			c.unreadable++
		case lr.optOut != nil:
			o := lr.optOut
			at := o.At
			if at.IsZero() {
				at = lr.At
			}
			s := &stop{optOut: true, subject: o.SubjectKey, chat: o.ChatID, channel: string(o.Channel), at: at,
				method: o.Source, evidence: o.EventID, id: lr.Ref}
			c.stops = append(c.stops, s)
			if o.ChatID != "" {
				c.optOutChat[o.ChatID] = append(c.optOutChat[o.ChatID], s)
			}
			if o.SubjectKey != "" {
				c.optOutSubject[o.SubjectKey] = append(c.optOutSubject[o.SubjectKey], s)
			}
		case lr.decision != nil:
			d := lr.decision
			c.rules.add(d.RulesVersion, d.DecidedAt)
			if d.Decision != agentiq.Allow || !isMarketing(d) {
				return nil
			}
			return c.decision(d, onMarketing, onException)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("read audit records: %w", err)
	}
	if req.Progress != nil {
		req.Progress(c.records)
	}
	slices.SortStableFunc(c.stops, func(a, b *stop) int { return a.at.Compare(b.at) })
	return nil
}

func (c *consentAgg) decision(d *agentiq.DecisionRecord, onMarketing func(*marketingRow) error, onException func(*exceptionRow) error) error {
	l := c.lang
	at := d.DecidedAt
	var problems []string
	// opt-outs of the chat or the subject before the decision
	var outs []*stop
	if d.ChatID != "" {
		outs = append(outs, c.optOutChat[d.ChatID]...)
	}
	if d.SubjectKey != "" && d.Channel.External() {
		outs = append(outs, c.optOutSubject[d.SubjectKey]...)
	}
	for _, s := range outs {
		if s.at.Before(at) {
			s.after++
			s.lastAfter = later(s.lastAfter, at)
			problems = append(problems, trf(l, "x.after_optout", s.at.In(c.zone).Format(timeLayout(l))))
		}
	}
	if !d.Channel.External() {
		c.wbMarketing++
	} else {
		c.marketing++
		row := marketingRow{DecidedAt: at, DecisionID: d.DecisionID, Channel: string(d.Channel), Subject: d.SubjectKey,
			Scenario: string(d.Scenario), Outcome: string(d.Outcome)}
		var ad, pd []string
		for _, id := range d.ConsentIDs {
			switch c.grants[id].purpose {
			case agentiq.PurposeAdvertising:
				ad = append(ad, id)
			case agentiq.PurposePDMarketing:
				pd = append(pd, id)
			default:
				ad = append(ad, id+" (?)")
			}
		}
		row.AdIDs, row.PDIDs = strings.Join(ad, ", "), strings.Join(pd, ", ")
		relied := map[string]time.Time{}
		for _, p := range []string{agentiq.PurposeAdvertising, agentiq.PurposePDMarketing} {
			g, why := c.covers(d, p)
			if why != "" {
				problems = append(problems, why)
				continue
			}
			relied[p] = g.at
		}
		row.Covered = len(problems) == 0
		// the subject's withdrawals this marketing came after, unless it
		// relied on a consent given again since
		for _, w := range c.withdrawals[d.SubjectKey] {
			if w.at.Before(at) && (w.channel == "*" || w.channel == string(d.Channel)) {
				if g, ok := relied[w.purpose]; ok && g.After(w.at) {
					continue
				}
				w.after++
				w.lastAfter = later(w.lastAfter, at)
			}
		}
		if err := onMarketing(&row); err != nil {
			return err
		}
	}
	if len(problems) == 0 {
		return nil
	}
	c.exceptions++
	return onException(&exceptionRow{DecidedAt: at, DecisionID: d.DecisionID, Channel: string(d.Channel), Chat: d.ChatID,
		Subject: d.SubjectKey, ConsentIDs: strings.Join(d.ConsentIDs, ", "), Problem: strings.Join(problems, "; ")})
}

// covers finds the consent of purpose p, among those the decision relied
// on, in force at the decision for its subject and channel; else says why
// there is none. A withdrawal on the channel or on "*" ends a consent for
// that channel, even one given for "*".
func (c *consentAgg) covers(d *agentiq.DecisionRecord, p string) (grant, string) {
	l := c.lang
	var why []string
	for _, id := range d.ConsentIDs {
		g, ok := c.grants[id]
		if !ok {
			why = append(why, trf(l, "x.unknown_id", id))
			continue
		}
		if g.purpose != p {
			continue
		}
		if (d.SubjectKey != "" && g.subject != d.SubjectKey) || (g.channel != "*" && g.channel != string(d.Channel)) {
			why = append(why, trf(l, "x.wrong_subject", id))
			continue
		}
		if g.at.After(d.DecidedAt) {
			continue
		}
		withdrawn := false
		for _, w := range c.withdrawals[g.subject] {
			if w.purpose == p && (w.channel == "*" || w.channel == string(d.Channel) || w.channel == g.channel) &&
				!w.at.Before(g.at) && !w.at.After(d.DecidedAt) {
				withdrawn = true
				break
			}
		}
		if withdrawn {
			why = append(why, trf(l, "x.withdrawn", id))
			continue
		}
		return g, ""
	}
	key := "x.no_ad"
	if p == agentiq.PurposePDMarketing {
		key = "x.no_pd"
	}
	return grant{}, strings.Join(append([]string{tr(l, key)}, dedupe(why)...), ": ")
}

// stopText is how long marketing went on after a stop.
func stopText(l Lang, s *stop) string {
	if s.after == 0 {
		return tr(l, "stopped.now")
	}
	return durationText(l, s.lastAfter.Sub(s.at).Seconds())
}

// consentSummary lists the consent report's figures.
func consentSummary(c *consentAgg, req *Request) []sumRow {
	l := req.Lang
	sec := tr(l, "summary")
	return []sumRow{
		{Section: sec, Measure: tr(l, "f.events"), Value: c.events},
		{Section: sec, Measure: tr(l, "f.given"), Value: c.given},
		{Section: sec, Measure: tr(l, "f.withdrawn"), Value: c.withdrawn},
		{Section: sec, Measure: tr(l, "f.optouts"), Value: int64(len(c.stops)) - int64(c.countWithdrawalsInPeriod())},
		{Section: sec, Measure: tr(l, "f.marketing"), Value: c.marketing},
		{Section: sec, Measure: tr(l, "f.wbmarketing"), Value: c.wbMarketing},
		{Section: sec, Measure: tr(l, "f.exceptions"), Value: c.exceptions},
		{Section: sec, Measure: tr(l, "f.records"), Value: c.records},
	}
}

func (c *consentAgg) countWithdrawalsInPeriod() int {
	n := 0
	for _, s := range c.stops {
		if !s.optOut {
			n++
		}
	}
	return n
}

// exceptionBlock is the exceptions' status for the first page.
func (c *consentAgg) exceptionBlock() block {
	if c.exceptions == 0 {
		return block{tr(c.lang, "exceptions"), []string{tr(c.lang, "exceptions.none")}, false}
	}
	return block{tr(c.lang, "exceptions"), []string{trf(c.lang, "exceptions.some", c.exceptions)}, true}
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func dedupe(s []string) []string {
	seen := map[string]bool{}
	out := s[:0]
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
