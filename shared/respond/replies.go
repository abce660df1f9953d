package respond

import (
	"bytes"
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"sync"

	"go.yaml.in/yaml/v3"

	agentiq "github.com/agentiq/agentiq/shared"
)

//go:embed replies.yaml
var defaultRepliesData []byte

var defaultReplies = sync.OnceValues(func() (*agentiq.Replies, error) { return ParseReplies(defaultRepliesData) })

// DefaultReplies returns the embedded reply catalogue (shared: do not
// change it).
func DefaultReplies() (*agentiq.Replies, error) { return defaultReplies() }

// ParseReplies reads and checks a reply catalogue in the shape of
// replies.yaml (YAML or JSON).
func ParseReplies(data []byte) (*agentiq.Replies, error) {
	var r agentiq.Replies
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&r); err != nil {
		return nil, fmt.Errorf("replies: %w", err)
	}
	if err := r.Validate(); err != nil {
		return nil, fmt.Errorf("replies: %w", err)
	}
	return &r, nil
}

// choice is the reply picked for a buyer message.
type choice struct {
	mode     agentiq.ReplyMode
	template agentiq.Template
	text     string
	reason   string // why nothing is sent automatically, for a human or no reply
}

// choose picks the reply to an inbox item — the chat's newest buyer
// message — from the seller's catalogue, for everything the buyer wrote
// since the seller last did: the first of those intents in primary
// order, except that an opt-out is always acknowledged (and never
// answered with an offer), and an offer is made only to the newest
// message's own request (the marketing window is that message's). If any
// of the intents is one a human answers, the draft goes to a human.
func choose(r *agentiq.Replies, it agentiq.InboxItem, chat agentiq.ChatState) (choice, error) {
	intents := slices.DeleteFunc(agentiq.MergeIntents(chat.UnansweredIntents, it.Intents), func(in agentiq.Intent) bool {
		return (in == agentiq.IntentPromoRequest || in == agentiq.IntentAnalogRequest) && !slices.Contains(it.Intents, in)
	})
	primary := agentiq.IntentOther
	switch {
	case slices.Contains(intents, agentiq.IntentOptOut):
		// No offer to a buyer who asked to stop: not even for a human.
		primary = agentiq.IntentOptOut
		intents = slices.DeleteFunc(intents, func(in agentiq.Intent) bool {
			return in == agentiq.IntentPromoRequest || in == agentiq.IntentAnalogRequest
		})
	case len(intents) > 0:
		primary = intents[0]
	}
	ir := r.Intents[primary]
	if ir.Mode == agentiq.ReplyNone || ir.Mode == "" {
		return choice{mode: agentiq.ReplyNone, reason: "no_reply_configured"}, nil
	}
	id := ir.Template
	if ir.CaseTemplate != "" && chat.OpenCase != nil && chat.OpenCase.ClosedAt == nil {
		id = ir.CaseTemplate
	}
	t, ok := r.Template(id)
	if !ok {
		return choice{}, fmt.Errorf("%w: the seller's replies have no template %q for %s", agentiq.ErrInvalid, id, primary)
	}
	c := choice{mode: ir.Mode, template: t, text: t.Fill(fields(chat))}
	if c.mode == agentiq.ReplyAuto {
		for _, in := range intents {
			if r.Intents[in].Mode == agentiq.ReplyHuman {
				c.mode = agentiq.ReplyHuman
				break
			}
		}
	}
	if c.mode == agentiq.ReplyHuman {
		c.reason = "reply_mode_human"
	}
	if it.Uncertain && c.mode == agentiq.ReplyAuto {
		c.mode, c.reason = agentiq.ReplyHuman, "uncertain_intent"
	}
	return c, nil
}

// fields are the non-personal data a template may name.
func fields(c agentiq.ChatState) map[string]string {
	f := map[string]string{}
	if c.NmID != 0 {
		f["article"] = strconv.FormatInt(c.NmID, 10)
	}
	return f
}
