package policy

import (
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/lint"
)

// fact is a named yes/no question about a request, used by the rules.
type fact func(*evalCtx) bool

const factDenied = "denied"

// facts is the vocabulary of rule conditions; README.md lists it.
var facts = map[string]fact{
	"marketing": func(c *evalCtx) bool { return c.marketing },
	"service":   func(c *evalCtx) bool { return !c.marketing },

	"window.none":              windowIs(agentiq.NoWindow),
	"window.customer_request":  windowIs(agentiq.CustomerRequest),
	"window.compensation_case": windowIs(agentiq.CompensationCase),

	"channel.foreign_messenger":       func(c *evalCtx) bool { return c.set.foreign[c.req.Channel] },
	"sender.restricted_org":           func(c *evalCtx) bool { return c.set.restrictedOrg[c.orgType()] },
	"now.after_foreign_messenger_ban": func(c *evalCtx) bool { return !c.req.Now.Before(c.set.banStart) },

	"chat.unanswered_limit": func(c *evalCtx) bool {
		return c.req.Chat != nil && c.req.Chat.SellerMessagesSinceBuyer >= c.set.unansweredLimit
	},
	"chat.opted_out": func(c *evalCtx) bool {
		return c.req.Chat != nil && notAfter(c.req.Chat.OptedOutAt, c.req.Now)
	},
	"chat.last_buyer_opted_out": func(c *evalCtx) bool {
		return containsIntent(c.buyerIntents(), agentiq.IntentOptOut)
	},
	"chat.inactive": func(c *evalCtx) bool {
		ch := c.req.Chat
		return ch == nil || ch.LastBuyerMessageAt == nil || c.req.Now.Sub(*ch.LastBuyerMessageAt) > c.set.inactiveAfter
	},
	"chat.frequency_cap": func(c *evalCtx) bool {
		if c.req.Chat == nil {
			return false
		}
		return c.countSince(c.req.Chat.MarketingSentAt, c.set.chatCap.Days) >= c.set.chatCap.Max
	},
	"chat.last_sender_not_buyer": func(c *evalCtx) bool {
		return c.req.Chat == nil || c.req.Chat.LastSender != "buyer"
	},
	"chat.no_request_intent": func(c *evalCtx) bool {
		for _, i := range c.set.requestIntents {
			if containsIntent(c.buyerIntents(), i) {
				return false
			}
		}
		return true
	},
	"case.not_open": func(c *evalCtx) bool {
		id := c.req.Message.CaseID
		if id == "" || c.req.Chat == nil || c.req.Chat.OpenCase == nil {
			return true
		}
		oc := c.req.Chat.OpenCase
		closed := notAfter(oc.ClosedAt, c.req.Now)
		return oc.ID != id || closed || oc.OpenedAt.After(c.req.Now) || !c.set.caseTypes[oc.Type]
	},
	"case.reason_code_missing": func(c *evalCtx) bool { return c.req.Message.ReasonCode != c.set.reasonCode },

	"subject.opted_out": func(c *evalCtx) bool {
		return c.req.Subject != nil && notAfter(c.req.Subject.OptedOutAt, c.req.Now)
	},
	"consent.advertising_missing": func(c *evalCtx) bool {
		st := c.consent(PurposeAdvertising)
		return !st.valid && !st.withdrawn
	},
	"consent.pd_marketing_missing": func(c *evalCtx) bool {
		st := c.consent(PurposePDMarketing)
		return !st.valid && !st.withdrawn
	},
	"consent.withdrawn": func(c *evalCtx) bool {
		ad, pd := c.consent(PurposeAdvertising), c.consent(PurposePDMarketing)
		return !ad.valid && ad.withdrawn || !pd.valid && pd.withdrawn
	},
	"subject.quiet_hours": func(c *evalCtx) bool {
		local := c.req.Now.In(c.loc)
		m := local.Hour()*60 + local.Minute()
		s, e := c.set.quietStart, c.set.quietEnd
		if s <= e {
			return m >= s && m < e
		}
		return m >= s || m < e
	},
	"subject.frequency_cap": func(c *evalCtx) bool {
		if c.req.Subject == nil {
			return false
		}
		for _, cp := range c.set.subjectCaps {
			if c.countSince(c.req.Subject.MarketingSentAt, cp.Days) >= cp.Max {
				return true
			}
		}
		return false
	},

	factDenied: func(c *evalCtx) bool { return c.denied },
}

func init() {
	for _, f := range agentiq.Flags {
		f := f
		facts["flag."+string(f)] = func(c *evalCtx) bool { return c.lint().Has(f) }
	}
	for _, s := range []agentiq.Scenario{agentiq.ScenarioService, agentiq.ScenarioRecovery, agentiq.ScenarioTrustCX,
		agentiq.ScenarioEducation, agentiq.ScenarioServiceMixed, agentiq.ScenarioReactivation,
		agentiq.ScenarioPromo, agentiq.ScenarioLoyalty} {
		s := s
		facts["scenario."+string(s)] = func(c *evalCtx) bool { return c.req.Message.Scenario == s }
	}
}

func windowIs(w agentiq.Window) fact {
	return func(c *evalCtx) bool { return c.req.Message.MarketingWindow == w }
}

// notAfter reports whether t is set and not later than now.
func notAfter(t *time.Time, now time.Time) bool { return t != nil && !t.After(now) }

// evalCtx holds one request under evaluation and what has been worked out
// about it; the costly parts (lint, classification) are computed once, and
// only when a rule needs them.
type evalCtx struct {
	e         *Engine
	set       *settings
	req       *Request
	loc       *time.Location
	marketing bool
	denied    bool

	linted  bool
	lintRes lint.Result

	classified bool
	intents    []agentiq.Intent

	consents map[string]consentState
}

type consentState struct {
	valid     bool
	withdrawn bool
	evidence  string   // evidence_ref of the first consent in force
	records   []string // record ids of every consent in force
}

func (c *evalCtx) orgType() string {
	if c.req.Sender.OrgType == "" {
		return "seller"
	}
	return c.req.Sender.OrgType
}

func (c *evalCtx) lint() lint.Result {
	if !c.linted {
		c.lintRes = c.e.linter.Lint(c.req.Message.Text)
		c.linted = true
	}
	return c.lintRes
}

// buyerIntents are the intents of the buyer's last message: as given, or
// classified from its text.
func (c *evalCtx) buyerIntents() []agentiq.Intent {
	if !c.classified {
		c.classified = true
		if ch := c.req.Chat; ch != nil {
			switch {
			case len(ch.LastBuyerIntents) > 0:
				c.intents = ch.LastBuyerIntents
			case ch.LastBuyerText != "":
				c.intents = c.e.classifier.Classify(ch.LastBuyerText).Intents
			}
		}
	}
	return c.intents
}

// countSince counts times in the interval (now − days, now], with the days
// counted on the subject's own calendar.
func (c *evalCtx) countSince(ts []time.Time, days int) int {
	from := c.req.Now.In(c.loc).AddDate(0, 0, -days)
	n := 0
	for _, t := range ts {
		if t.After(from) && !t.After(c.req.Now) {
			n++
		}
	}
	return n
}

// consent reports whether a consent for purpose on the request's channel
// counts at now, or exists but was withdrawn.
func (c *evalCtx) consent(purpose string) consentState {
	if st, ok := c.consents[purpose]; ok {
		return st
	}
	var st consentState
	if s := c.req.Subject; s != nil {
		for _, k := range s.Consents {
			if k.Purpose != purpose || k.Channel != "*" && k.Channel != string(c.req.Channel) {
				continue
			}
			switch {
			case k.GrantedAt.After(c.req.Now):
				// not yet granted
			case k.WithdrawnAt == nil || k.WithdrawnAt.After(c.req.Now):
				if !st.valid {
					st.valid, st.evidence = true, k.EvidenceRef
				}
				if k.RecordID != "" {
					st.records = append(st.records, k.RecordID)
				}
			default:
				st.withdrawn = true
			}
		}
	}
	if c.consents == nil {
		c.consents = map[string]consentState{}
	}
	c.consents[purpose] = st
	return st
}
