package api_test

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/api"
	"github.com/agentiq/agentiq/shared/consent"
	"github.com/agentiq/agentiq/shared/respond"
	"github.com/agentiq/agentiq/shared/storetest"
)

// raws are the ways one person's phone is written in these tests: none may
// ever appear in an answer or the audit chain.
var raws = []string{"+7 (916) 555-44-33", "89165554433", "9165554433", "555-44-33", "79165554433"}

func noRaw(t *testing.T, what string, body []byte) {
	t.Helper()
	for _, r := range raws {
		if strings.Contains(string(body), r) {
			t.Errorf("%s shows the raw subject id %q: %s", what, r, body)
		}
	}
}

func given(id, subject, purpose, channel string, at time.Time) map[string]any {
	return map[string]any{"record_id": id, "subject": subject, "action": "given", "purpose": purpose, "channel": channel,
		"at": at.Format(time.RFC3339), "method": "web_form", "source": "https://shop.example/subscribe", "text_version": "v3",
		"text_sha256": strings.Repeat("ab", 32), "evidence_ref": "form-" + id}
}

// TestConsentFlow: an integrator registers consents for a phone written
// two ways, an external marketing message is then allowed on them, a STOP
// reply withdraws them (the next message is denied), and an officer reads
// the subject's register — under a pseudonym only, every write idempotent.
func TestConsentFlow(t *testing.T) {
	for _, s := range stores {
		t.Run(s.name, func(t *testing.T) { testConsentFlow(t, newEnvOn(t, 1, s.open(t))) })
	}
}

func testConsentFlow(t *testing.T, e *env) {
	crm := e.tok(t, "s1", "crm-bot", api.RoleIntegrator)
	officer := e.tok(t, "s1", "olga", api.RoleOfficer)
	subject, _ := consent.SubjectKeys(storetest.Pseudonyms())("79165554433")
	at := e.now.Add(-24 * time.Hour)

	key := e.key()
	first := e.call(t, "POST", "/v1/sellers/s1/consents", crm, key, given("r-ad", raws[0], "advertising", "sms", at))
	var ans api.ConsentAnswer
	first.into(t, &ans)
	if first.status != 201 || !ans.Created || ans.Event.SubjectKey != subject || ans.Event.CollectedBy != "crm-bot" ||
		ans.Event.Jurisdiction != "RU" || ans.Event.RecordedAt.IsZero() {
		t.Fatalf("register: %d %s", first.status, first.body)
	}
	noRaw(t, "the answer", first.body)
	records := e.auditLen(t)
	if again := e.call(t, "POST", "/v1/sellers/s1/consents", crm, key, given("r-ad", raws[0], "advertising", "sms", at)); again.status != 201 ||
		string(again.body) != string(first.body) || again.header.Get(api.ReplayedHeader) != "true" {
		t.Errorf("replay: %d %s", again.status, again.body)
	}
	if same := e.call(t, "POST", "/v1/sellers/s1/consents", crm, e.key(), given("r-ad", raws[0], "advertising", "sms", at)); same.status != 200 ||
		!strings.Contains(string(same.body), `"created":false`) {
		t.Errorf("the same record under a new key: %d %s", same.status, same.body)
	}
	if other := e.call(t, "POST", "/v1/sellers/s1/consents", crm, e.key(), given("r-ad", raws[0], "advertising", "viber", at)); other.status != 409 ||
		other.code() != "consent_record_conflict" {
		t.Errorf("the record id with other content: %d %s", other.status, other.body)
	}
	if got := e.auditLen(t); got != records {
		t.Errorf("replays appended %d audit records", got-records)
	}
	e.call(t, "POST", "/v1/sellers/s1/consents", crm, e.key(), given("r-pd", raws[1], "pd_marketing", "*", at))

	// Marketing by SMS is allowed on both consents, and says which.
	msg := map[string]any{"channel": "sms", "subject_key": subject, "scenario": "promo", "message_type": "marketing",
		"text": "Новая коллекция уже в магазине. Отписаться: ответьте STOP."}
	var res respond.TriggerResult
	e.call(t, "POST", "/v1/sellers/s1/messages", crm, e.key(), msg).into(t, &res)
	if res.Decision != agentiq.Allow || !slices.Contains(res.ConsentRecords, "r-ad") || !slices.Contains(res.ConsentRecords, "r-pd") {
		t.Fatalf("marketing with both consents: %+v", res)
	}

	// A STOP reply, reported twice: withdrawn once.
	stop := map[string]any{"subject": raws[2], "channel": "sms", "message_id": "sms-4711", "at": e.now.Add(-time.Hour).Format(time.RFC3339)}
	a := e.call(t, "POST", "/v1/sellers/s1/opt-outs", crm, e.key(), stop)
	var out api.OptOutAnswer
	a.into(t, &out)
	if a.status != 200 || out.SubjectKey != subject || len(out.Events) != 2 {
		t.Fatalf("opt-out: %d %s", a.status, a.body)
	}
	for _, ev := range out.Events {
		if ev.Action != agentiq.ConsentWithdrawn || ev.Method != consent.MethodStopReply || ev.EvidenceRef != "sms-4711" || ev.Channel != "*" {
			t.Errorf("withdrawal %+v", ev)
		}
	}
	noRaw(t, "the opt-out's answer", a.body)
	records = e.auditLen(t)
	if b := e.call(t, "POST", "/v1/sellers/s1/opt-outs", crm, e.key(), stop); b.status != 200 || e.auditLen(t) != records {
		t.Errorf("the same STOP again: %d %s, %d new audit records", b.status, b.body, e.auditLen(t)-records)
	}
	res = respond.TriggerResult{}
	e.call(t, "POST", "/v1/sellers/s1/messages", crm, e.key(), msg).into(t, &res)
	if res.Decision != agentiq.Deny || !slices.ContainsFunc(res.Reasons, func(r string) bool { return r == "opted_out" || r == "consent_withdrawn" }) {
		t.Errorf("marketing after STOP: %+v", res)
	}

	// The officer looks the person up by the phone as written anywhere.
	var list api.ConsentList
	got := e.call(t, "GET", "/v1/sellers/s1/consents?subject="+url.QueryEscape(raws[0]), officer, "", nil)
	got.into(t, &list)
	noRaw(t, "the look-up's answer", got.body)
	if list.SubjectKey != subject || list.Count != 4 || len(list.Grants) != 2 {
		t.Fatalf("by subject: %s", got.body)
	}
	for _, g := range list.Grants {
		if g.WithdrawnAt == nil || g.InForce(e.now) {
			t.Errorf("grant %+v still in force after STOP", g)
		}
	}
	recs, err := e.store.AuditSeq(t.Context(), "s1", 1, e.auditLen(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		noRaw(t, fmt.Sprintf("audit record %d", r.Seq), r.Data)
	}
}

// TestConsentPages: the officer reads a period's register a page at a
// time; the pages together are the period's events, in order, once each.
func TestConsentPages(t *testing.T) {
	e := newEnv(t, 1)
	crm := e.tok(t, "s1", "crm-bot", api.RoleIntegrator)
	officer := e.tok(t, "s1", "olga", api.RoleOfficer)
	base := e.now.Add(-48 * time.Hour)
	var want []string
	for i := range 7 {
		id := fmt.Sprintf("p-%d", i)
		at := base.Add(time.Duration(i/2) * time.Hour) // pairs share a time: ties go by record id
		e.call(t, "POST", "/v1/sellers/s1/consents", crm, e.key(), given(id, fmt.Sprintf("client%d@example.ru", i), "advertising", "email", at))
		want = append(want, id)
	}
	// Outside the period: not listed.
	e.call(t, "POST", "/v1/sellers/s1/consents", crm, e.key(), given("old", "old@example.ru", "advertising", "email", base.Add(-time.Hour)))
	q := url.Values{"from": {base.Format(time.RFC3339)}, "to": {e.now.Format(time.RFC3339)}, "limit": {"3"}}
	var got []string
	for pages := 0; ; pages++ {
		if pages > 5 {
			t.Fatal("the cursor never ends")
		}
		var l api.ConsentList
		e.call(t, "GET", "/v1/sellers/s1/consents?"+q.Encode(), officer, "", nil).into(t, &l)
		for _, ev := range l.Events {
			got = append(got, ev.RecordID)
		}
		if l.NextCursor == "" {
			break
		}
		if l.Count != 3 {
			t.Errorf("a full page has %d events", l.Count)
		}
		q.Set("cursor", l.NextCursor)
	}
	if !slices.Equal(got, want) {
		t.Errorf("pages %v, want %v", got, want)
	}
}

// TestConsentBadRequests: bad consent writes and look-ups get 4xx in the
// one shape, name no raw subject id, and register nothing.
func TestConsentBadRequests(t *testing.T) {
	e := newEnv(t, 1)
	tok := e.tok(t, "s1", "alice", api.RoleIntegrator, api.RoleOfficer)
	at := e.now.Add(-time.Hour)
	with := func(k string, v any) map[string]any {
		b := given("bad-1", raws[0], "advertising", "sms", at)
		if v == nil {
			delete(b, k)
		} else {
			b[k] = v
		}
		return b
	}
	before := e.auditLen(t)
	cases := []struct {
		name, method, path string
		body               any
		status             int
		code               string
	}{
		{"not a phone or e-mail", "POST", "/v1/sellers/s1/consents", with("subject", "call 555-44-33 please"), 400, "invalid_subject"},
		{"no subject", "POST", "/v1/sellers/s1/consents", with("subject", nil), 400, "invalid_subject"},
		{"subject_key instead", "POST", "/v1/sellers/s1/consents", with("subject_key", "p1_x"), 400, "unknown_field"},
		{"unknown purpose", "POST", "/v1/sellers/s1/consents", with("purpose", "spam"), 400, "invalid_request"},
		{"unknown channel", "POST", "/v1/sellers/s1/consents", with("channel", "pigeon"), 400, "invalid_request"},
		{"given without evidence", "POST", "/v1/sellers/s1/consents", with("evidence_ref", nil), 400, "invalid_request"},
		{"no time", "POST", "/v1/sellers/s1/consents", with("at", nil), 400, "invalid_request"},
		{"bad text hash", "POST", "/v1/sellers/s1/consents", with("text_sha256", "abc"), 400, "invalid_request"},
		{"bad record id", "POST", "/v1/sellers/s1/consents", with("record_id", "a b"), 400, "invalid_request"},
		{"opt-out from the WB chat", "POST", "/v1/sellers/s1/opt-outs", map[string]any{"subject": raws[0], "channel": "wb_chat", "message_id": "m"}, 400, "invalid_request"},
		{"opt-out without message", "POST", "/v1/sellers/s1/opt-outs", map[string]any{"subject": raws[0], "channel": "sms"}, 400, "invalid_request"},
		{"opt-out of nobody", "POST", "/v1/sellers/s1/opt-outs", map[string]any{"subject": "555-44-33", "channel": "sms", "message_id": "m"}, 400, "invalid_subject"},
		{"look-up of nobody", "GET", "/v1/sellers/s1/consents?subject=555-44-33", nil, 400, "invalid_subject"},
		{"bad cursor", "GET", "/v1/sellers/s1/consents?cursor=zzz", nil, 400, "bad_query"},
		{"bad period", "GET", "/v1/sellers/s1/consents?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", nil, 400, "bad_query"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := e.raw(t, c.method, c.path, tok, e.key(), c.body)
			if a.status != c.status || a.code() != c.code {
				t.Errorf("%d %s, want %d %s", a.status, a.body, c.status, c.code)
			}
			noRaw(t, "the error", a.body)
		})
	}
	if after := e.auditLen(t); after != before {
		t.Errorf("bad requests appended %d audit records", after-before)
	}
}
