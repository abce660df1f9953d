package reports

import (
	"encoding/json"
	"strconv"
	"time"
	"unicode/utf8"

	agentiq "github.com/agentiq/agentiq/shared"
)

// decodeDecision decodes a decision record. Decision records are most of a
// chain and decoding them is most of a large report's work, so a direct
// scan reads the canonical JSON the chain holds; anything it does not
// expect (an escape in a string, a key in another case, a value of another
// type, invalid JSON) goes to encoding/json, whose result it equals
// whenever it answers (FuzzDecodeDecision checks this).
func decodeDecision(data []byte, d *agentiq.DecisionRecord) error {
	if scanDecision(data, d) {
		return nil
	}
	*d = agentiq.DecisionRecord{}
	return json.Unmarshal(data, d)
}

// factScan is a cursor over JSON text.
type factScan struct {
	b []byte
	i int
}

// scanDecision fills d from a flat JSON object, or says it cannot.
func scanDecision(b []byte, d *agentiq.DecisionRecord) bool {
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
		if dst := stringField(d, key); dst != nil {
			ok = s.strInto(dst)
		} else {
			switch key {
			case "reasons":
				d.Reasons, ok = s.strs()
			case "consent_ids":
				d.ConsentIDs, ok = s.strs()
			case "buyer_intents":
				var in []string
				if in, ok = s.strs(); ok {
					d.BuyerIntents = nil
					if in != nil {
						d.BuyerIntents = make([]agentiq.Intent, len(in))
						for i, v := range in {
							d.BuyerIntents[i] = agentiq.Intent(v)
						}
					}
				}
			case "dry_run":
				ok = s.boolean(&d.DryRun)
			case "uncertain":
				ok = s.boolean(&d.Uncertain)
			case "decided_at":
				ok = s.time(&d.DecidedAt)
			case "buyer_message_at":
				d.BuyerMessageAt, ok = s.timePtr(d.BuyerMessageAt)
			case "sent_at":
				d.SentAt, ok = s.timePtr(d.SentAt)
			case "wait_seconds":
				ok = s.float(&d.WaitSeconds)
			default:
				ok = s.skip(0)
			}
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

// stringField is the string field a key names, or nil.
func stringField(d *agentiq.DecisionRecord, key string) *string {
	switch key {
	case "decision_id":
		return &d.DecisionID
	case "channel":
		return (*string)(&d.Channel)
	case "chat_id":
		return &d.ChatID
	case "event_id":
		return &d.EventID
	case "subject_key":
		return &d.SubjectKey
	case "trigger":
		return &d.Trigger
	case "template_id":
		return &d.TemplateID
	case "operator":
		return &d.Operator
	case "rules_version":
		return &d.RulesVersion
	case "decision":
		return (*string)(&d.Decision)
	case "scenario":
		return (*string)(&d.Scenario)
	case "message_type":
		return (*string)(&d.MessageType)
	case "priority":
		return (*string)(&d.Priority)
	case "window":
		return (*string)(&d.Window)
	case "case_id":
		return &d.CaseID
	case "reason_code":
		return &d.ReasonCode
	case "draft_sha256":
		return &d.DraftSHA256
	case "excerpt":
		return &d.Excerpt
	case "outcome":
		return (*string)(&d.Outcome)
	case "error":
		return &d.Error
	case "moderation_id":
		return &d.ModerationID
	case "settles":
		return &d.Settles
	}
	return nil
}

// strInto reads a string into dst; null leaves dst as it was, as
// encoding/json does.
func (s *factScan) strInto(dst *string) bool {
	s.ws()
	if s.lit("null") {
		return true
	}
	v, ok := s.str()
	*dst = v
	return ok
}

// float reads a number as encoding/json reads one into a float64.
func (s *factScan) float(dst *float64) bool {
	s.ws()
	if s.lit("null") {
		return true
	}
	start := s.i
	if !s.number() {
		return false
	}
	v, err := strconv.ParseFloat(string(s.b[start:s.i]), 64)
	if err != nil {
		return false
	}
	*dst = v
	return true
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

// str reads a string. One with escapes or invalid UTF-8 (rare in the
// chain) is decoded by encoding/json itself, token alone.
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
				return s.slowStr(start - 1)
			}
			s.i = j + 1
			return string(v), true
		case c == '\\':
			return s.slowStr(start - 1)
		case c < 0x20:
			return "", false
		}
	}
	return "", false
}

func (s *factScan) slowStr(start int) (string, bool) {
	s.i = start
	if !s.skipStr() {
		return "", false
	}
	var v string
	if json.Unmarshal(s.b[start:s.i], &v) != nil {
		return "", false
	}
	return v, true
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
