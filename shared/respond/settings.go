package respond

import (
	"log/slog"

	"github.com/agentiq/agentiq/shared/config"
	"github.com/agentiq/agentiq/shared/policy"
	"github.com/agentiq/agentiq/shared/wb"
)

// FromSettings wires a responder from the functions' settings: the store,
// the sellers' WB clients from the token source (WB's address and limit),
// the default policy.
func FromSettings(set config.Settings, st Store, toks Tokens, log *slog.Logger) (*Responder, error) {
	eng, err := policy.Default()
	if err != nil {
		return nil, err
	}
	return New(Config{Store: st, Engine: eng, Logger: log,
		Senders: WBSenders{Tokens: toks, Pool: &wb.Pool{BaseURL: set.WBBaseURL, Limit: set.WBRate}}})
}
