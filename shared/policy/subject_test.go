package policy

import (
	"slices"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
)

// TestSubjectFromRegister decides external marketing on consents derived
// from register events: both purposes must be in force for the channel,
// and the decision names the record ids it relied on.
func TestSubjectFromRegister(t *testing.T) {
	old := now.AddDate(0, -1, 0)
	ev := func(id, action, purpose, channel string, at time.Time) agentiq.ConsentEvent {
		return agentiq.ConsentEvent{RecordID: id, Action: action, Purpose: purpose, Channel: channel, At: at,
			Method: "web_form", EvidenceRef: "ev-" + id}
	}
	ad := func(id, ch string) agentiq.ConsentEvent {
		return ev(id, agentiq.ConsentGiven, PurposeAdvertising, ch, old)
	}
	pd := func(id, ch string) agentiq.ConsentEvent {
		return ev(id, agentiq.ConsentGiven, PurposePDMarketing, ch, old)
	}
	optOut := []agentiq.ConsentEvent{
		ev("w-ad", agentiq.ConsentWithdrawn, PurposeAdvertising, "*", now.Add(-time.Minute)),
		ev("w-pd", agentiq.ConsentWithdrawn, PurposePDMarketing, "*", now.Add(-time.Minute)),
	}
	tests := []struct {
		name    string
		events  []agentiq.ConsentEvent
		want    agentiq.Verdict
		reasons []string
		records []string
	}{
		{"both in force", []agentiq.ConsentEvent{ad("a1", "sms"), pd("p1", "*")}, agentiq.Allow, nil, []string{"a1", "p1"}},
		{"advertising only", []agentiq.ConsentEvent{ad("a1", "sms")}, agentiq.Deny, []string{"no_pd_marketing_consent"}, nil},
		{"for another channel", []agentiq.ConsentEvent{ad("a1", "email"), pd("p1", "email")}, agentiq.Deny,
			[]string{"no_ad_consent", "no_pd_marketing_consent"}, nil},
		{"after a STOP reply", append([]agentiq.ConsentEvent{ad("a1", "sms"), pd("p1", "sms")}, optOut...), agentiq.Deny,
			[]string{"consent_withdrawn"}, nil},
		{"given again after the withdrawal", append([]agentiq.ConsentEvent{ad("a1", "sms"), pd("p1", "sms"),
			ev("a2", agentiq.ConsentGiven, PurposeAdvertising, "sms", now.Add(-time.Second)),
			ev("p2", agentiq.ConsentGiven, PurposePDMarketing, "*", now.Add(-time.Second))}, optOut...),
			agentiq.Allow, nil, []string{"a2", "p2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := extRequest(agentiq.ChannelSMS)
			r.Subject = SubjectFromRegister(agentiq.Subject{Timezone: "Europe/Moscow"}, tt.events, agentiq.ChannelSMS)
			d := decide(t, r)
			if d.Decision != tt.want || !slices.Equal(d.Reasons, append([]string{}, tt.reasons...)) {
				t.Errorf("%s %v, want %s %v", d.Decision, d.Reasons, tt.want, tt.reasons)
			}
			if !slices.Equal(d.ConsentRecordIDs, tt.records) {
				t.Errorf("relied on %v, want %v", d.ConsentRecordIDs, tt.records)
			}
		})
	}
}
