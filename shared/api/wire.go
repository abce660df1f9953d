package api

import (
	"log/slog"

	"github.com/agentiq/agentiq/shared/config"
	"github.com/agentiq/agentiq/shared/policy"
	"github.com/agentiq/agentiq/shared/respond"
	"github.com/agentiq/agentiq/shared/wb"
)

// FromSettings wires the handler as the functions' settings say: the
// opened store, the default policy, and the responder's send path to WB
// with the sellers' tokens.
func FromSettings(set config.Settings, st config.Store, toks respond.Tokens, log *slog.Logger) (*Handler, error) {
	eng, err := policy.Default()
	if err != nil {
		return nil, err
	}
	r, err := respond.New(respond.Config{Store: st, Engine: eng, Logger: log,
		Senders: respond.WBSenders{Tokens: toks, Pool: &wb.Pool{BaseURL: set.WBBaseURL, Limit: set.WBRate}}})
	if err != nil {
		return nil, err
	}
	return New(Config{Store: st, Responder: r, Logger: log})
}
