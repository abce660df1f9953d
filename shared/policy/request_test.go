package policy

import (
	"errors"
	"strings"
	"testing"
)

const minimal = `{"id":"r1","now":"2026-03-10T12:00:00+03:00","channel":"wb_chat","message":{"text":"Здравствуйте","message_type":"service"}}`

func TestDecodeMinimal(t *testing.T) {
	r, err := Decode([]byte(minimal))
	if err != nil {
		t.Fatal(err)
	}
	if r.ID != "r1" || r.Chat != nil || r.Subject != nil || r.Sender.OrgType != "" {
		t.Errorf("unexpected request %+v", r)
	}
}

func TestDecodeErrors(t *testing.T) {
	repl := func(from, to string) string { return strings.Replace(minimal, from, to, 1) }
	tests := []struct {
		name, in, want string
	}{
		{"not JSON", `{"id":`, "malformed JSON"},
		{"not an object", `[1,2]`, "want a JSON object"},
		{"trailing data", minimal + `{}`, "trailing data"},
		{"bad time", repl("2026-03-10T12:00:00+03:00", "10.03.2026"), "RFC 3339"},
		{"time without offset", repl("2026-03-10T12:00:00+03:00", "2026-03-10T12:00:00"), "RFC 3339"},
		{"missing now", repl(`"now":"2026-03-10T12:00:00+03:00",`, ""), "now is required"},
		{"missing channel", repl(`"channel":"wb_chat",`, ""), "channel is required"},
		{"unknown channel", repl("wb_chat", "icq"), `unknown channel "icq"`},
		{"unknown message type", repl(`"message_type":"service"`, `"message_type":"advert"`), "message_type"},
		{"no type and no scenario", repl(`,"message_type":"service"`, ""), "message_type or message.scenario is required"},
		{"unknown scenario", repl(`"message_type":"service"`, `"scenario":"spam"`), "unknown message.scenario"},
		{"unknown window", repl(`"message_type":"service"`, `"message_type":"marketing","marketing_window":"any"`), "marketing_window"},
		{"wrong type of a field", repl(`"text":"Здравствуйте"`, `"text":5`), "message.text: want a string"},
		{"negative count", repl(`}}`, `},"chat":{"seller_messages_since_buyer":-1}}`), "negative"},
		{"unknown last sender", repl(`}}`, `},"chat":{"last_sender":"bot"}}`), "last_sender"},
		{"unknown intent", repl(`}}`, `},"chat":{"last_buyer_intents":["spam"]}}`), "unknown intent"},
		{"case without opened_at", repl(`}}`, `},"chat":{"open_case":{"id":"c"}}}`), "opened_at"},
		{"bad time zone", repl(`}}`, `},"subject":{"timezone":"Mars/Olympus"}}`), "timezone"},
		{"local time zone refused", repl(`}}`, `},"subject":{"timezone":"Local"}}`), "timezone"},
		{"consent on an unknown channel", repl(`}}`, `},"subject":{"consents":[{"purpose":"advertising","channel":"fax","granted_at":"2026-01-01T00:00:00Z"}]}}`), "unknown channel"},
		{"consent without granted_at", repl(`}}`, `},"subject":{"consents":[{"purpose":"advertising","channel":"*"}]}}`), "granted_at"},
		{"too large", `{"id":"` + strings.Repeat("x", MaxRequestBytes) + `"}`, "more than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode([]byte(tt.in))
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v is not an *InputError", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestDecodeIgnoresUnknownFields(t *testing.T) {
	in := strings.Replace(minimal, `"id":"r1"`, `"id":"r1","future_field":{"x":1}`, 1)
	if _, err := Decode([]byte(in)); err != nil {
		t.Errorf("unknown field refused: %v", err)
	}
}
