package consent_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/consent"
	"github.com/agentiq/agentiq/shared/policy"
)

// TestMarketingFollowsTheRegister decides external marketing on a stored
// register: allowed only with both consents in force for the channel,
// naming their records; denied after a STOP reply.
func TestMarketingFollowsTheRegister(t *testing.T) {
	st, _ := openStore(t)
	keys := consent.SubjectKeys(pseudonyms(t))
	register := `{"record_id":"ad-1","subject":"+79165554433","action":"given","purpose":"advertising","channel":"sms","at":"2026-02-01T10:00:00+03:00","method":"web_form","evidence_ref":"f-1"}
{"record_id":"pd-1","subject":"+79165554433","action":"given","purpose":"pd_marketing","channel":"*","at":"2026-02-01T10:00:00+03:00","method":"web_form","evidence_ref":"f-1"}
`
	if rep, err := consent.Import(ctx, st, "s1", strings.NewReader(register), keys); err != nil || rep.Imported != 2 {
		t.Fatalf("%+v %v", rep, err)
	}
	engine, err := policy.Default()
	if err != nil {
		t.Fatal(err)
	}
	subject, _ := keys("8 916 555 44 33")
	decide := func(ch agentiq.Channel, now time.Time) policy.Decision {
		t.Helper()
		s, err := consent.PolicySubject(ctx, st, "s1", subject, ch)
		if err != nil {
			t.Fatal(err)
		}
		d, err := engine.Decide(&policy.Request{ID: "m", Now: now, Channel: ch, Subject: s, Message: policy.Message{
			Text: "Распродажа пледов: −20%. Отписаться: ответьте STOP.", MessageType: agentiq.Marketing, Scenario: agentiq.ScenarioPromo}})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	noon := time.Date(2026, 3, 2, 12, 0, 0, 0, time.FixedZone("MSK", 3*3600))
	if d := decide(agentiq.ChannelSMS, noon); d.Decision != agentiq.Allow || !slices.Equal(d.ConsentRecordIDs, []string{"ad-1", "pd-1"}) {
		t.Errorf("sms with both consents: %s %v relying on %v", d.Decision, d.Reasons, d.ConsentRecordIDs)
	}
	if d := decide(agentiq.ChannelEmail, noon); d.Decision != agentiq.Deny || !slices.Equal(d.Reasons, []string{"no_ad_consent"}) {
		t.Errorf("e-mail with pd_marketing only: %s %v", d.Decision, d.Reasons)
	}
	if _, err := consent.WithdrawForOptOut(ctx, st, "s1", subject, agentiq.ChannelSMS, noon.Add(time.Hour), "sms-reply-9", consent.MethodStopReply); err != nil {
		t.Fatal(err)
	}
	if d := decide(agentiq.ChannelSMS, noon.Add(2*time.Hour)); d.Decision != agentiq.Deny || !slices.Contains(d.Reasons, "consent_withdrawn") || !slices.Contains(d.Reasons, "opted_out") {
		t.Errorf("after STOP: %s %v", d.Decision, d.Reasons)
	}
	if d := decide(agentiq.ChannelSMS, noon.Add(30*time.Minute)); d.Decision != agentiq.Allow {
		t.Errorf("a decision dated before the STOP: %s %v", d.Decision, d.Reasons)
	}
	nobody, _ := keys("nobody@example.com")
	s, err := consent.PolicySubject(ctx, st, "s1", nobody, agentiq.ChannelEmail)
	if err != nil || len(s.Consents) != 0 {
		t.Errorf("an unknown subject: %+v %v", s, err)
	}
}
