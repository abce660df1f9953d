package reports

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	agentiq "github.com/agentiq/agentiq/shared"
)

// logRow is one audit record as the decision log shows it.
type logRow struct {
	Seq                        int64
	At                         time.Time
	Kind, Ref                  string
	DecisionID, Channel, Chat  string
	Subject, Trigger, Operator string
	Template, Scenario         string
	Priority, MsgType, Verdict string
	Reasons, Outcome           string
	DryRun                     bool
	BuyerAt, DecidedAt, SentAt time.Time // zero when absent
	Rules, Excerpt, Consents   string
	Details, Hash              string
	moderation                 *modRow // set for moderation records
	decision                   *agentiq.DecisionRecord
	optOut                     *agentiq.OptOutRecord
	failure, bad               bool // a failure record; data that could not be read
}

// modRow is one moderator's action.
type modRow struct {
	At                                 time.Time
	ModerationID, DecisionID, Chat     string
	Action, Moderator, Status, Outcome string
	WaitSeconds                        float64
}

// counter counts by key, with at most maxKeys distinct keys: hostile or
// broken data cannot make it grow without bound.
type counter map[string]int64

const maxKeys = 500

func (c counter) add(k string) {
	if k == "" {
		k = "—"
	}
	if _, ok := c[k]; !ok && len(c) >= maxKeys {
		k = "…"
	}
	c[k]++
}

type keyCount struct {
	Key   string
	Count int64
}

// sorted lists the counts, largest first, then by key.
func (c counter) sorted() []keyCount {
	out := make([]keyCount, 0, len(c))
	for k, v := range c {
		out = append(out, keyCount{k, v})
	}
	slices.SortFunc(out, func(a, b keyCount) int {
		if a.Count != b.Count {
			return cmp.Compare(b.Count, a.Count)
		}
		return strings.Compare(a.Key, b.Key)
	})
	return out
}

// span is when a rules version was in force.
type span struct {
	Version     string
	First, Last time.Time
	Count       int64
}

// day counts the decisions of one day by outcome group.
type day struct {
	Date                       time.Time // midnight in the report's zone
	Sent, Held, Refused, Other int64
}

// auditAgg aggregates the audit records of a period in one pass.
type auditAgg struct {
	zone                                       *time.Location
	records, decisions                         int64
	byKind, byOutcome, byVerdict, byReason     counter
	byScenario, byChannel, byTrigger           counter
	autoDecided, autoSent, unknown, dryRun     int64
	frt, modWait                               durations
	rules                                      versionSet
	days                                       map[string]*day
	optOuts, failures, moderations, unreadable int64
	link                                       linkCheck
}

func newAuditAgg(zone *time.Location) *auditAgg {
	return &auditAgg{zone: zone, byKind: counter{}, byOutcome: counter{}, byVerdict: counter{}, byReason: counter{},
		byScenario: counter{}, byChannel: counter{}, byTrigger: counter{}, rules: versionSet{}, days: map[string]*day{}}
}

// runAudit streams the period's records through the aggregate, calling row
// for each, in sequence order. Decision records after the first full are
// not laid out as rows: the PDF shows no more.
func runAudit(ctx context.Context, src Source, req *Request, full int64, row func(*logRow) error) (*auditAgg, error) {
	a := newAuditAgg(req.Zone)
	err := decodeAudit(ctx, src, req, &a.link, full, func(lr *logRow) error {
		a.apply(lr)
		if req.Progress != nil && a.records%5000 == 0 {
			req.Progress(a.records)
		}
		return row(lr)
	})
	if err != nil {
		return nil, fmt.Errorf("read audit records: %w", err)
	}
	if req.Progress != nil {
		req.Progress(a.records)
	}
	return a, nil
}

func isMarketing(d *agentiq.DecisionRecord) bool {
	return d.MessageType == agentiq.Marketing || d.Priority == agentiq.P3 || d.Scenario.MessageType() == agentiq.Marketing
}

// add decodes a record and counts it.
func (a *auditAgg) add(r agentiq.AuditRecord, full bool) logRow {
	lr := decodeRecord(r, full)
	a.apply(&lr)
	return lr
}

// apply counts a decoded record.
func (a *auditAgg) apply(lr *logRow) {
	a.records++
	a.byKind.add(lr.Kind)
	switch {
	case lr.bad:
		a.unreadable++
	case lr.decision != nil:
		a.decision(lr.decision)
	case lr.moderation != nil:
		a.moderations++
		a.modWait.add(lr.moderation.WaitSeconds)
	case lr.optOut != nil:
		a.optOuts++
	case lr.failure:
		a.failures++
	}
}

// decodeRecord decodes a record's data for the log (full) or for the
// figures only. It has no side effects: records are decoded in parallel.
func decodeRecord(r agentiq.AuditRecord, full bool) logRow {
	lr := logRow{Seq: r.Seq, At: r.At, Kind: r.Kind, Ref: r.Ref, Hash: r.Hash}
	fail := func(err error) logRow {
		lr.bad = true
		lr.Details = "unreadable data: " + err.Error()
		return lr
	}
	switch r.Kind {
	case agentiq.AuditDecision:
		d := new(agentiq.DecisionRecord)
		if err := decodeDecision(r.Data, d); err != nil {
			return fail(err)
		}
		if !full { // the figures only: no row is shown
			lr.decision = d
			return lr
		}
		lr.decision = d
		lr.DecisionID, lr.Channel, lr.Chat, lr.Subject = d.DecisionID, string(d.Channel), d.ChatID, d.SubjectKey
		lr.Trigger, lr.Operator, lr.Template = d.Trigger, d.Operator, d.TemplateID
		lr.Scenario, lr.Priority, lr.MsgType = string(d.Scenario), string(d.Priority), string(d.MessageType)
		lr.Verdict, lr.Reasons, lr.Outcome = string(d.Decision), strings.Join(d.Reasons, ", "), string(d.Outcome)
		lr.DryRun, lr.DecidedAt, lr.Rules, lr.Excerpt = d.DryRun, d.DecidedAt, d.RulesVersion, d.Excerpt
		lr.BuyerAt, lr.SentAt = timeOf(d.BuyerMessageAt), timeOf(d.SentAt)
		lr.Consents = strings.Join(d.ConsentIDs, ", ")
		var det []string
		if d.Error != "" {
			det = append(det, "error: "+d.Error)
		}
		if d.Settles != "" {
			det = append(det, fmt.Sprintf("settles %s after %s", d.Settles, durationText(LangEN, d.WaitSeconds)))
		}
		if d.Uncertain {
			det = append(det, "uncertain classification")
		}
		lr.Details = strings.Join(det, "; ")
	case agentiq.AuditModeration:
		m := new(agentiq.ModerationRecord)
		if err := json.Unmarshal(r.Data, m); err != nil {
			return fail(err)
		}
		lr.DecisionID, lr.Chat, lr.Operator, lr.Outcome = m.DecisionID, m.ChatID, m.Moderator, string(m.Outcome)
		lr.Details = fmt.Sprintf("%s %s: %s", m.Action, m.ModerationID, m.Status)
		lr.moderation = &modRow{At: r.At, ModerationID: m.ModerationID, DecisionID: m.DecisionID, Chat: m.ChatID,
			Action: m.Action, Moderator: m.Moderator, Status: string(m.Status), Outcome: string(m.Outcome), WaitSeconds: m.WaitSeconds}
	case agentiq.AuditOptOut:
		o := new(agentiq.OptOutRecord)
		if err := json.Unmarshal(r.Data, o); err != nil {
			return fail(err)
		}
		lr.optOut = o
		lr.Channel, lr.Chat, lr.Subject = string(o.Channel), o.ChatID, o.SubjectKey
		lr.Details = strings.TrimSpace(fmt.Sprintf("opt-out via %s %s", o.Source, o.EventID))
		lr.Excerpt = o.Evidence
	case agentiq.AuditFailure:
		f := new(agentiq.FailureRecord)
		if err := json.Unmarshal(r.Data, f); err != nil {
			return fail(err)
		}
		lr.failure = true
		lr.Chat = f.ChatID
		lr.Details = fmt.Sprintf("%d attempts: %s", f.Attempts, f.Error)
	default:
		// consent events, checkpoints and kinds added later: their facts as
		// stored (no personal data is kept in the chain).
		lr.Details = clip(string(r.Data), 300)
	}
	return lr
}

func (a *auditAgg) decision(d *agentiq.DecisionRecord) {
	a.decisions++
	a.byOutcome.add(string(d.Outcome))
	v := string(d.Decision)
	if v == "" {
		v = "none" // no draft was decided: the message needed no reply of its own
	}
	a.byVerdict.add(v)
	for _, r := range d.Reasons {
		a.byReason.add(r)
	}
	sc := string(d.Scenario)
	if sc != "" && d.Priority != "" {
		sc += " (" + string(d.Priority) + ")"
	}
	a.byScenario.add(sc)
	a.byChannel.add(string(d.Channel))
	a.byTrigger.add(d.Trigger)
	if d.Trigger == agentiq.TriggerAutoReply {
		a.autoDecided++
		if d.Outcome == agentiq.OutcomeSent {
			a.autoSent++
			if d.BuyerMessageAt != nil && d.SentAt != nil {
				a.frt.add(d.SentAt.Sub(*d.BuyerMessageAt).Seconds())
			}
		}
	}
	if d.Outcome == agentiq.OutcomeUnknown {
		a.unknown++
	}
	if d.DryRun {
		a.dryRun++
	}
	at := d.DecidedAt
	a.rules.add(d.RulesVersion, at)
	if at.IsZero() {
		return
	}
	local := at.In(a.zone)
	key := local.Format("2006-01-02")
	dc := a.days[key]
	if dc == nil {
		y, m, dd := local.Date()
		dc = &day{Date: time.Date(y, m, dd, 0, 0, 0, 0, a.zone)}
		a.days[key] = dc
	}
	switch d.Outcome {
	case agentiq.OutcomeSent, agentiq.OutcomeDelivered:
		dc.Sent++
	case agentiq.OutcomeHeld, agentiq.OutcomeRejected:
		dc.Held++
	case agentiq.OutcomeRefused:
		dc.Refused++
	default:
		dc.Other++
	}
}

// dayList lists every day of the period, those without decisions too.
func (a *auditAgg) dayList(req *Request) []day {
	var out []day
	from := req.From.In(a.zone)
	d := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, a.zone)
	for n := 0; d.Before(req.To) && n < 3700; n++ {
		if c := a.days[d.Format("2006-01-02")]; c != nil {
			out = append(out, *c)
		} else {
			out = append(out, day{Date: d})
		}
		d = d.AddDate(0, 0, 1)
	}
	// days outside the period (a decision dated apart from its record)
	for _, k := range slices.Sorted(maps.Keys(a.days)) {
		if c := a.days[k]; c.Date.Before(from) || !c.Date.Before(req.To) {
			out = append(out, *c)
		}
	}
	slices.SortFunc(out, func(x, y day) int { return x.Date.Compare(y.Date) })
	return out
}

// versionSet tracks the rules versions in force: first and last use.
type versionSet map[string]*span

func (vs versionSet) add(v string, at time.Time) {
	if v == "" {
		return
	}
	s := vs[v]
	if s == nil {
		if len(vs) >= maxKeys {
			v = "…"
			s = vs[v]
		}
		if s == nil {
			s = &span{Version: v, First: at, Last: at}
			vs[v] = s
		}
	}
	s.Count++
	if at.Before(s.First) {
		s.First = at
	}
	if at.After(s.Last) {
		s.Last = at
	}
}

// spans lists the versions, oldest first.
func (vs versionSet) spans() []span {
	out := make([]span, 0, len(vs))
	for _, s := range vs {
		out = append(out, *s)
	}
	slices.SortFunc(out, func(x, y span) int { return x.First.Compare(y.First) })
	return out
}

// text lists the versions for the page header.
func (vs versionSet) text() string {
	var names []string
	for _, s := range vs.spans() {
		names = append(names, s.Version)
	}
	if len(names) == 0 {
		return "—"
	}
	if len(names) > 3 {
		return strings.Join(names[:3], ", ") + fmt.Sprintf(" (+%d)", len(names)-3)
	}
	return strings.Join(names, ", ")
}

// linkCheck checks, as records pass, that the period's records follow each
// other in the chain: sequence numbers without gaps, each linked to the one
// before, each hash matching its content. The first record's link to the
// record before the period is the whole-chain verification's to check.
type linkCheck struct {
	prev     agentiq.AuditRecord
	n        int64
	firstBad int64
	problem  string // a key of texts, with the sequence numbers below
	a, b     int64
}

func (c *linkCheck) add(r agentiq.AuditRecord) {
	c.n++
	if c.firstBad != 0 {
		return
	}
	bad := func(key string, b int64) { c.firstBad, c.problem, c.a, c.b = r.Seq, key, r.Seq, b }
	switch {
	case c.n > 1 && r.Seq != c.prev.Seq+1:
		bad("link.follows", c.prev.Seq)
	case c.n > 1 && r.PrevHash != c.prev.Hash:
		bad("link.unlinked", c.prev.Seq)
	case r.Hash != agentiq.ChainHash(r.SellerID, r.Seq, r.At, r.Kind, r.Ref, r.Data, r.PrevHash):
		bad("link.altered", 0)
	case c.n > 1 && r.At.Before(c.prev.At):
		bad("link.dated", c.prev.Seq)
	}
	c.prev = r
}

// text says what is wrong, in the report's language.
func (c *linkCheck) text(l Lang) string {
	if c.problem == "link.altered" {
		return trf(l, c.problem, c.a)
	}
	return trf(l, c.problem, c.a, c.b)
}

// chainBroken says whether either check found the chain broken.
func chainBroken(req *Request, l *linkCheck) bool {
	return (req.Chain != nil && !req.Chain.Verified) || l.firstBad != 0
}

// chainLines are the lines of the chain verification result.
func chainLines(req *Request, l *linkCheck) []string {
	var out []string
	switch c := req.Chain; {
	case c == nil:
		out = append(out, tr(req.Lang, "chain.none"))
	case c.Verified:
		out = append(out, trf(req.Lang, "chain.ok", c.Records))
	default:
		out = append(out, trf(req.Lang, "chain.bad", c.FirstBad, c.Problem))
	}
	if c := req.Chain; c != nil {
		if c.CheckpointSeq > 0 {
			out = append(out, trf(req.Lang, "chain.checkpoint", c.CheckpointSeq,
				c.CheckpointAt.In(req.Zone).Format(timeLayout(req.Lang)), clip(c.CheckpointHash, 16)))
		} else {
			out = append(out, tr(req.Lang, "chain.nocheckpoint"))
		}
	}
	if l.firstBad != 0 {
		out = append(out, trf(req.Lang, "chain.period.bad", l.text(req.Lang)))
	} else {
		out = append(out, trf(req.Lang, "chain.period.ok", l.n))
	}
	return out
}

func timeOf(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return *t
}

// clip cuts s to at most n runes.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
