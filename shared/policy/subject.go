package policy

import (
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
)

// SubjectFromRegister builds the request's subject for a message on
// channel ch from what the store keeps: the subject's state (opt-out,
// marketing history; the zero Subject when none is recorded) and its
// consent events, from which the consents are derived with their record
// ids (agentiq.ConsentGrants), so that a decision names the records it
// relied on.
func SubjectFromRegister(sub agentiq.Subject, events []agentiq.ConsentEvent, ch agentiq.Channel) *Subject {
	out := &Subject{Timezone: sub.Timezone, OptedOutAt: sub.OptedOutAt,
		MarketingSentAt: append([]time.Time(nil), sub.MarketingSentAt[ch]...), Consents: []Consent{}}
	for _, g := range agentiq.ConsentGrants(events, ch) {
		out.Consents = append(out.Consents, Consent{RecordID: g.RecordID, Purpose: g.Purpose, Channel: g.Channel,
			GrantedAt: g.GrantedAt, WithdrawnAt: g.WithdrawnAt, Source: g.Source, EvidenceRef: g.EvidenceRef})
	}
	return out
}
