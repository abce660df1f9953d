package reports

import (
	"encoding/json"
	"time"
	"unicode/utf8"

	agentiq "github.com/agentiq/agentiq/shared"
)

// decodeFacts decodes the facts of a decision record. Decision records are
// most of a chain and decoding them is most of a large report's work, so a
// direct scan reads the canonical JSON the chain holds; anything it does
// not expect (an escape in a field it keeps, a key in another case, a
// value of another type, invalid JSON) goes to encoding/json, whose result
// it equals whenever it answers (FuzzDecodeFacts checks this).
func decodeFacts(data []byte, d *agentiq.DecisionRecord) error {
	var f decisionFacts
	if !scanFacts(data, &f) {
		f = decisionFacts{}
		if err := json.Unmarshal(data, &f); err != nil {
			return err
		}
	}
	*d = agentiq.DecisionRecord{DecisionID: f.DecisionID, Channel: f.Channel, ChatID: f.ChatID, SubjectKey: f.SubjectKey,
		Trigger: f.Trigger, RulesVersion: f.RulesVersion, Decision: f.Decision, Reasons: f.Reasons, Scenario: f.Scenario,
		MessageType: f.MessageType, Priority: f.Priority, Outcome: f.Outcome, DryRun: f.DryRun,
		BuyerMessageAt: f.BuyerMessageAt, DecidedAt: f.DecidedAt, SentAt: f.SentAt, ConsentIDs: f.ConsentIDs}
	return nil
}

// decisionFacts is the part of a decision record that the figures and the
// consent checks use.
type decisionFacts struct {
	DecisionID     string              `json:"decision_id"`
	Channel        agentiq.Channel     `json:"channel"`
	ChatID         string              `json:"chat_id"`
	SubjectKey     string              `json:"subject_key"`
	Trigger        string              `json:"trigger"`
	RulesVersion   string              `json:"rules_version"`
	Decision       agentiq.Verdict     `json:"decision"`
	Reasons        []string            `json:"reasons"`
	Scenario       agentiq.Scenario    `json:"scenario"`
	MessageType    agentiq.MessageType `json:"message_type"`
	Priority       agentiq.Priority    `json:"priority"`
	Outcome        agentiq.Outcome     `json:"outcome"`
	DryRun         bool                `json:"dry_run"`
	BuyerMessageAt *time.Time          `json:"buyer_message_at"`
	DecidedAt      time.Time           `json:"decided_at"`
	SentAt         *time.Time          `json:"sent_at"`
	ConsentIDs     []string            `json:"consent_ids"`
}

// factScan is a cursor over JSON text.
type factScan struct {
	b []byte
	i int
}

// scanFacts fills f from a flat JSON object, or says it cannot.
func scanFacts(b []byte, f *decisionFacts) bool {
	s := &factScan{b: b}
	if !s.byte('{') {
		return false
	}
	if s.byte('}') {
		return s.end()
	}
	for {
		key, ok := s.key()
		if !ok || !s.byte(':') {
			return false
		}
		ok = true
		str := func(dst *string) {
			s.ws()
			if s.lit("null") { // encoding/json leaves a string as it was
				return
			}
			*dst, ok = s.str()
		}
		switch key {
		case "decision_id":
			str(&f.DecisionID)
		case "channel":
			str((*string)(&f.Channel))
		case "chat_id":
			str(&f.ChatID)
		case "subject_key":
			str(&f.SubjectKey)
		case "trigger":
			str(&f.Trigger)
		case "rules_version":
			str(&f.RulesVersion)
		case "decision":
			str((*string)(&f.Decision))
		case "scenario":
			str((*string)(&f.Scenario))
		case "message_type":
			str((*string)(&f.MessageType))
		case "priority":
			str((*string)(&f.Priority))
		case "outcome":
			str((*string)(&f.Outcome))
		case "reasons":
			f.Reasons, ok = s.strs()
		case "consent_ids":
			f.ConsentIDs, ok = s.strs()
		case "dry_run":
			ok = s.boolean(&f.DryRun)
		case "decided_at":
			ok = s.time(&f.DecidedAt)
		case "buyer_message_at":
			f.BuyerMessageAt, ok = s.timePtr(f.BuyerMessageAt)
		case "sent_at":
			f.SentAt, ok = s.timePtr(f.SentAt)
		default:
			ok = s.skip(0)
		}
		if !ok {
			return false
		}
		if s.byte(',') {
			continue
		}
		return s.byte('}') && s.end()
	}
}

func (s *factScan) ws() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// byte consumes c after white space.
func (s *factScan) byte(c byte) bool {
	s.ws()
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

func (s *factScan) end() bool {
	s.ws()
	return s.i == len(s.b)
}

// key reads an object key: only lower-case letters, digits and _, so that
// encoding/json's case-insensitive matching would match it to the same
// field (or to none).
func (s *factScan) key() (string, bool) {
	s.ws()
	if s.i >= len(s.b) || s.b[s.i] != '"' {
		return "", false
	}
	start := s.i + 1
	for j := start; j < len(s.b); j++ {
		c := s.b[j]
		switch {
		case c == '"':
			s.i = j + 1
			return string(s.b[start:j]), true
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '_':
		default:
			return "", false
		}
	}
	return "", false
}

// str reads a string without escapes, in valid UTF-8.
func (s *factScan) str() (string, bool) {
	s.ws()
	if s.i >= len(s.b) || s.b[s.i] != '"' {
		return "", false
	}
	start := s.i + 1
	for j := start; j < len(s.b); j++ {
		switch c := s.b[j]; {
		case c == '"':
			v := s.b[start:j]
			if !utf8.Valid(v) {
				return "", false
			}
			s.i = j + 1
			return string(v), true
		case c == '\\' || c < 0x20:
			return "", false
		}
	}
	return "", false
}

// strs reads an array of strings; null is nil, as encoding/json has it.
func (s *factScan) strs() ([]string, bool) {
	s.ws()
	if s.lit("null") {
		return nil, true
	}
	if !s.byte('[') {
		return nil, false
	}
	out := []string{}
	if s.byte(']') {
		return out, true
	}
	for {
		s.ws()
		if s.i >= len(s.b) || s.b[s.i] != '"' {
			return nil, false // null elements and other types: encoding/json
		}
		v, ok := s.str()
		if !ok {
			return nil, false
		}
		out = append(out, v)
		if s.byte(',') {
			continue
		}
		return out, s.byte(']')
	}
}

func (s *factScan) boolean(dst *bool) bool {
	s.ws()
	switch {
	case s.lit("true"):
		*dst = true
	case s.lit("false"):
		*dst = false
	case s.lit("null"):
	default:
		return false
	}
	return true
}

// time reads a time as encoding/json does: through time.Time's own
// UnmarshalJSON, on the quoted text.
func (s *factScan) time(dst *time.Time) bool {
	s.ws()
	if s.lit("null") {
		return true
	}
	start := s.i
	if _, ok := s.str(); !ok {
		return false
	}
	return dst.UnmarshalJSON(s.b[start:s.i]) == nil
}

func (s *factScan) timePtr(old *time.Time) (*time.Time, bool) {
	s.ws()
	if s.lit("null") {
		return nil, true
	}
	t := new(time.Time)
	if old != nil {
		*t = *old
	}
	return t, s.time(t)
}

func (s *factScan) lit(w string) bool {
	if len(s.b)-s.i >= len(w) && string(s.b[s.i:s.i+len(w)]) == w {
		s.i += len(w)
		return true
	}
	return false
}

// skip passes over any valid JSON value.
func (s *factScan) skip(depth int) bool {
	if depth > 100 {
		return false
	}
	s.ws()
	if s.i >= len(s.b) {
		return false
	}
	switch c := s.b[s.i]; {
	case c == '"':
		return s.skipStr()
	case c == '{':
		s.i++
		if s.byte('}') {
			return true
		}
		for {
			s.ws()
			if s.i >= len(s.b) || s.b[s.i] != '"' || !s.skipStr() || !s.byte(':') || !s.skip(depth+1) {
				return false
			}
			if s.byte(',') {
				continue
			}
			return s.byte('}')
		}
	case c == '[':
		s.i++
		if s.byte(']') {
			return true
		}
		for {
			if !s.skip(depth + 1) {
				return false
			}
			if s.byte(',') {
				continue
			}
			return s.byte(']')
		}
	case c == 't':
		return s.lit("true")
	case c == 'f':
		return s.lit("false")
	case c == 'n':
		return s.lit("null")
	}
	return s.number()
}

func (s *factScan) skipStr() bool {
	for j := s.i + 1; j < len(s.b); j++ {
		switch c := s.b[j]; {
		case c == '"':
			s.i = j + 1
			return true
		case c < 0x20:
			return false
		case c == '\\':
			j++
			if j >= len(s.b) {
				return false
			}
			switch s.b[j] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if j+4 >= len(s.b) {
					return false
				}
				for _, h := range s.b[j+1 : j+5] {
					if !isHex(h) {
						return false
					}
				}
				j += 4
			default:
				return false
			}
		}
	}
	return false
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// number passes over a JSON number.
func (s *factScan) number() bool {
	b, i := s.b, s.i
	digits := func() bool {
		start := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		return i > start
	}
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case !digits():
		return false
	}
	if i < len(b) && b[i] == '.' {
		i++
		if !digits() {
			return false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if !digits() {
			return false
		}
	}
	s.i = i
	return true
}
