package policy

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"go.yaml.in/yaml/v3"

	agentiq "github.com/agentiq/agentiq/shared"
)

// rulesFile is the shape of rules.yaml.
type rulesFile struct {
	Version  string     `yaml:"version" json:"version"`
	Settings Settings   `yaml:"settings" json:"settings"`
	Rules    []RuleSpec `yaml:"rules" json:"rules"`
}

// Settings are the thresholds and lists the facts use.
type Settings struct {
	DefaultTimezone        string                       `yaml:"default_timezone" json:"default_timezone"`
	ChatInactiveAfter      string                       `yaml:"chat_inactive_after" json:"chat_inactive_after"`
	UnansweredLimit        int                          `yaml:"unanswered_limit" json:"unanswered_limit"`
	ChatMarketingCap       Cap                          `yaml:"chat_marketing_cap" json:"chat_marketing_cap"`
	SubjectMarketingCaps   []Cap                        `yaml:"subject_marketing_caps" json:"subject_marketing_caps"`
	QuietHours             QuietHours                   `yaml:"quiet_hours" json:"quiet_hours"`
	ForeignMessengers      []agentiq.Channel            `yaml:"foreign_messengers" json:"foreign_messengers"`
	ForeignMessengerBan    DateInZone                   `yaml:"foreign_messenger_ban" json:"foreign_messenger_ban"`
	RestrictedOrgTypes     []string                     `yaml:"restricted_org_types" json:"restricted_org_types"`
	CompensationCaseTypes  []string                     `yaml:"compensation_case_types" json:"compensation_case_types"`
	CompensationReasonCode string                       `yaml:"compensation_reason_code" json:"compensation_reason_code"`
	RequestIntents         []agentiq.Intent             `yaml:"request_intents" json:"request_intents"`
	ChannelGroups          map[string][]agentiq.Channel `yaml:"channel_groups" json:"channel_groups"`
}

// Cap is a frequency cap: deny when Max messages already went out in the
// last Days days.
type Cap struct {
	Days int `yaml:"days" json:"days"`
	Max  int `yaml:"max" json:"max"`
}

// QuietHours is the local interval [Start, End), "HH:MM"; it may wrap
// midnight.
type QuietHours struct {
	Start string `yaml:"start" json:"start"`
	End   string `yaml:"end" json:"end"`
}

// DateInZone is a calendar date read in a time zone.
type DateInZone struct {
	From     string `yaml:"from" json:"from"`
	Timezone string `yaml:"timezone" json:"timezone"`
}

// RuleSpec is one rule entry: one reason, its decision, where and when.
type RuleSpec struct {
	ID       string   `yaml:"id" json:"id"`
	Reason   string   `yaml:"reason" json:"reason"`
	Decision string   `yaml:"decision" json:"decision"`
	Channels []string `yaml:"channels" json:"channels"`
	When     []string `yaml:"when" json:"when"`
	Any      []string `yaml:"any" json:"any,omitempty"`
}

// compiled settings.
type settings struct {
	defaultLoc      *time.Location
	inactiveAfter   time.Duration
	unansweredLimit int
	chatCap         Cap
	subjectCaps     []Cap
	quietStart      int // minutes after midnight
	quietEnd        int
	foreign         map[agentiq.Channel]bool
	banStart        time.Time
	restrictedOrg   map[string]bool
	caseTypes       map[string]bool
	reasonCode      string
	requestIntents  []agentiq.Intent
}

type cond struct {
	fact fact
	neg  bool
	name string
}

type rule struct {
	id, reason string
	verdict    agentiq.Verdict
	channels   uint64 // the channels it applies to, by channelBit
	when, any  []cond
	late       bool // uses "denied": evaluated after every other rule
}

var (
	idRe     = regexp.MustCompile(`^[a-z][a-z0-9_.-]*$`)
	reasonRe = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
)

func parseRules(data []byte) (*rulesFile, error) {
	var f rulesFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("rules: %w", err)
	}
	if f.Version == "" {
		return nil, fmt.Errorf("rules: version is required")
	}
	if len(f.Rules) == 0 {
		return nil, fmt.Errorf("rules: no rules")
	}
	return &f, nil
}

func compileSettings(s Settings) (settings, error) {
	var c settings
	var err error
	if c.defaultLoc, err = location(s.DefaultTimezone); err != nil || s.DefaultTimezone == "" {
		return c, fmt.Errorf("default_timezone %q is not a time zone", s.DefaultTimezone)
	}
	if c.inactiveAfter, err = time.ParseDuration(s.ChatInactiveAfter); err != nil || c.inactiveAfter <= 0 {
		return c, fmt.Errorf("chat_inactive_after %q: want a positive duration like 72h", s.ChatInactiveAfter)
	}
	if s.UnansweredLimit < 1 {
		return c, fmt.Errorf("unanswered_limit must be at least 1")
	}
	c.unansweredLimit = s.UnansweredLimit
	for _, cp := range append([]Cap{s.ChatMarketingCap}, s.SubjectMarketingCaps...) {
		if cp.Days < 1 || cp.Max < 1 {
			return c, fmt.Errorf("caps need days ≥ 1 and max ≥ 1, got %+v", cp)
		}
	}
	c.chatCap, c.subjectCaps = s.ChatMarketingCap, s.SubjectMarketingCaps
	if c.quietStart, err = clock(s.QuietHours.Start); err != nil {
		return c, fmt.Errorf("quiet_hours.start: %w", err)
	}
	if c.quietEnd, err = clock(s.QuietHours.End); err != nil {
		return c, fmt.Errorf("quiet_hours.end: %w", err)
	}
	c.foreign = map[agentiq.Channel]bool{}
	for _, ch := range s.ForeignMessengers {
		if !ch.Valid() {
			return c, fmt.Errorf("foreign_messengers: unknown channel %q", ch)
		}
		c.foreign[ch] = true
	}
	banLoc, err := location(s.ForeignMessengerBan.Timezone)
	if err != nil || s.ForeignMessengerBan.Timezone == "" {
		return c, fmt.Errorf("foreign_messenger_ban.timezone %q is not a time zone", s.ForeignMessengerBan.Timezone)
	}
	if c.banStart, err = time.ParseInLocation("2006-01-02", s.ForeignMessengerBan.From, banLoc); err != nil {
		return c, fmt.Errorf("foreign_messenger_ban.from %q: want YYYY-MM-DD", s.ForeignMessengerBan.From)
	}
	c.restrictedOrg = setOf(s.RestrictedOrgTypes)
	c.caseTypes = setOf(s.CompensationCaseTypes)
	if s.CompensationReasonCode == "" {
		return c, fmt.Errorf("compensation_reason_code is required")
	}
	c.reasonCode = s.CompensationReasonCode
	if len(s.RequestIntents) == 0 {
		return c, fmt.Errorf("request_intents is empty")
	}
	for _, i := range s.RequestIntents {
		if !validIntent(i) {
			return c, fmt.Errorf("request_intents: unknown intent %q", i)
		}
	}
	c.requestIntents = s.RequestIntents
	return c, nil
}

func setOf(xs []string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

func clock(s string) (int, error) {
	t, err := time.Parse("15:04", s)
	if err != nil {
		return 0, fmt.Errorf("%q: want HH:MM", s)
	}
	return t.Hour()*60 + t.Minute(), nil
}

func compileRules(f *rulesFile) ([]rule, error) {
	var out []rule
	seen := map[string]bool{}
	for i, spec := range f.Rules {
		where := fmt.Sprintf("rule %d (%s)", i+1, spec.ID)
		switch {
		case !idRe.MatchString(spec.ID):
			return nil, fmt.Errorf("%s: id must be lower case letters, digits, . _ -", where)
		case seen[spec.ID]:
			return nil, fmt.Errorf("%s: duplicate id", where)
		case !reasonRe.MatchString(spec.Reason):
			return nil, fmt.Errorf("%s: reason %q must be a snake_case code", where, spec.Reason)
		case len(spec.Channels) == 0:
			return nil, fmt.Errorf("%s: channels is empty", where)
		case len(spec.When) == 0 && len(spec.Any) == 0:
			return nil, fmt.Errorf("%s: a rule needs when or any", where)
		}
		seen[spec.ID] = true
		v, err := agentiq.ParseVerdict(spec.Decision)
		if err != nil || v == agentiq.Allow {
			return nil, fmt.Errorf("%s: decision must be deny or review", where)
		}
		r := rule{id: spec.ID, reason: spec.Reason, verdict: v}
		for _, ch := range spec.Channels {
			if group, ok := f.Settings.ChannelGroups[ch]; ok {
				for _, g := range group {
					if !g.Valid() {
						return nil, fmt.Errorf("%s: channel group %q has unknown channel %q", where, ch, g)
					}
					r.channels |= channelBit(g)
				}
				continue
			}
			if !agentiq.Channel(ch).Valid() {
				return nil, fmt.Errorf("%s: unknown channel or group %q", where, ch)
			}
			r.channels |= channelBit(agentiq.Channel(ch))
		}
		for _, list := range []struct {
			src  []string
			into *[]cond
		}{{spec.When, &r.when}, {spec.Any, &r.any}} {
			for _, name := range list.src {
				c, err := compileCond(name)
				if err != nil {
					return nil, fmt.Errorf("%s: %w", where, err)
				}
				if strings.TrimPrefix(name, "!") == factDenied {
					r.late = true
				}
				*list.into = append(*list.into, c)
			}
		}
		out = append(out, r)
	}
	return out, nil
}

func compileCond(name string) (cond, error) {
	neg := strings.HasPrefix(name, "!")
	key := strings.TrimPrefix(name, "!")
	f, ok := facts[key]
	if !ok {
		return cond{}, fmt.Errorf("unknown fact %q (see README.md, Decision facts)", key)
	}
	return cond{fact: f, neg: neg, name: name}, nil
}

// version returns the declared version plus a short hash over the parsed
// rules and the lexicons, so that any change in what decides shows.
func version(f *rulesFile, lexiconDigests ...string) (string, error) {
	canon, err := json.Marshal(f)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	h.Write(canon)
	for _, d := range lexiconDigests {
		h.Write([]byte{0})
		h.Write([]byte(d))
	}
	return f.Version + "+" + hex.EncodeToString(h.Sum(nil))[:12], nil
}

var locations sync.Map // name → *time.Location

// location loads a time zone once; time.LoadLocation reads tzdata each call.
func location(name string) (*time.Location, error) {
	if l, ok := locations.Load(name); ok {
		return l.(*time.Location), nil
	}
	if name == "" || strings.EqualFold(name, "local") {
		return nil, fmt.Errorf("time zone %q is not allowed", name)
	}
	l, err := time.LoadLocation(name)
	if err != nil {
		return nil, err
	}
	locations.Store(name, l)
	return l, nil
}

func containsIntent(xs []agentiq.Intent, i agentiq.Intent) bool { return slices.Contains(xs, i) }

// channelBit is a channel's bit in a rule's channel set: its place in
// agentiq.Channels. A bit test per rule costs less than a map lookup, and
// Decide runs every rule.
func channelBit(ch agentiq.Channel) uint64 {
	if i := slices.Index(agentiq.Channels, ch); i >= 0 && i < 64 {
		return 1 << i
	}
	return 0
}
