package agentiq

import (
	"slices"
	"testing"
	"time"
)

func TestConsentState(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	ev := func(id, action, purpose, channel string, h int) ConsentEvent {
		return ConsentEvent{RecordID: id, Action: action, Purpose: purpose, Channel: channel, At: t0.Add(time.Duration(h) * time.Hour)}
	}
	give := func(id, ch string, h int) ConsentEvent { return ev(id, ConsentGiven, PurposeAdvertising, ch, h) }
	take := func(id, ch string, h int) ConsentEvent { return ev(id, ConsentWithdrawn, PurposeAdvertising, ch, h) }
	tests := []struct {
		name   string
		events []ConsentEvent
		ch     Channel
		at     int // hours after t0
		want   []string
	}{
		{"nothing registered", nil, ChannelSMS, 0, nil},
		{"given for the channel", []ConsentEvent{give("a", "sms", -1)}, ChannelSMS, 0, []string{"a"}},
		{"given exactly now counts", []ConsentEvent{give("a", "sms", 0)}, ChannelSMS, 0, []string{"a"}},
		{"given later does not", []ConsentEvent{give("a", "sms", 1)}, ChannelSMS, 0, nil},
		{"given for another channel", []ConsentEvent{give("a", "email", -1)}, ChannelSMS, 0, nil},
		{"given for every channel", []ConsentEvent{give("a", "*", -1)}, ChannelSMS, 0, []string{"a"}},
		{"withdrawn on every channel", []ConsentEvent{give("a", "sms", -2), take("w", "*", -1)}, ChannelSMS, 0, nil},
		{"withdrawn exactly now", []ConsentEvent{give("a", "sms", -2), take("w", "sms", 0)}, ChannelSMS, 0, nil},
		{"withdrawn later still counts", []ConsentEvent{give("a", "sms", -2), take("w", "sms", 1)}, ChannelSMS, 0, []string{"a"}},
		{"withdrawn for this channel only", []ConsentEvent{give("a", "*", -2), take("w", "sms", -1)}, ChannelSMS, 0, nil},
		{"a * consent withdrawn elsewhere holds here", []ConsentEvent{give("a", "*", -2), take("w", "email", -1)}, ChannelSMS, 0, []string{"a"}},
		{"given again after a withdrawal", []ConsentEvent{give("a", "sms", -3), take("w", "sms", -2), give("b", "sms", -1)}, ChannelSMS, 0, []string{"b"}},
		{"events in any order", []ConsentEvent{give("b", "sms", -1), take("w", "sms", -2), give("a", "sms", -3)}, ChannelSMS, 0, []string{"b"}},
		{"a withdrawal of the other purpose", []ConsentEvent{give("a", "sms", -2), ev("w", ConsentWithdrawn, PurposePDMarketing, "*", -1)}, ChannelSMS, 0, []string{"a"}},
		{"a withdrawal before the grant", []ConsentEvent{take("w", "sms", -2), give("a", "sms", -1)}, ChannelSMS, 0, []string{"a"}},
		{"two in force", []ConsentEvent{give("a", "sms", -2), give("b", "*", -1)}, ChannelSMS, 0, []string{"a", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ConsentState(tt.events, PurposeAdvertising, tt.ch, t0.Add(time.Duration(tt.at)*time.Hour))
			if !slices.Equal(got, tt.want) {
				t.Errorf("in force %v, want %v", got, tt.want)
			}
		})
	}
}

func TestConsentGrantsEveryChannel(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	events := []ConsentEvent{
		{RecordID: "a", Action: ConsentGiven, Purpose: PurposeAdvertising, Channel: "*", At: t0},
		{RecordID: "b", Action: ConsentGiven, Purpose: PurposeAdvertising, Channel: "sms", At: t0},
		{RecordID: "w", Action: ConsentWithdrawn, Purpose: PurposeAdvertising, Channel: "sms", At: t0.Add(time.Hour)},
	}
	g := ConsentGrants(events, "")
	if len(g) != 2 || g[0].WithdrawnAt != nil || g[1].WithdrawnBy != "w" {
		t.Errorf("grants seen from every channel: %+v", g)
	}
}

func TestFingerprintIgnoresRecordedAt(t *testing.T) {
	e := ConsentEvent{RecordID: "a", At: time.Date(2026, 3, 1, 15, 0, 0, 0, time.FixedZone("MSK", 3*3600))}
	f := e
	f.RecordedAt, f.At = time.Now(), e.At.UTC()
	if e.Fingerprint() != f.Fingerprint() {
		t.Error("the same event at another registration time has another fingerprint")
	}
	f.EvidenceRef = "other"
	if e.Fingerprint() == f.Fingerprint() {
		t.Error("a different event has the same fingerprint")
	}
}
