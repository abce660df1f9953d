package respond

import (
	"bytes"
	_ "embed"
	"fmt"
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
// message — from the seller's catalogue: for the first, in primary order,
// of the intents of every buyer message the seller has not answered.
func choose(r *agentiq.Replies, it agentiq.InboxItem, chat agentiq.ChatState) (choice, error) {
	primary := agentiq.IntentOther
	if in := agentiq.MergeIntents(chat.UnansweredIntents, it.Intents); len(in) > 0 {
		primary = in[0]
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
	if ir.Mode == agentiq.ReplyHuman {
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
