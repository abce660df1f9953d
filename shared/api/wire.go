package api

import (
	"log/slog"

	"github.com/agentiq/agentiq/shared/config"
	"github.com/agentiq/agentiq/shared/respond"
)

// FromSettings wires the handler as the functions' settings say: the
// opened store, and the responder (the policy and the send path to WB)
// the settings make.
func FromSettings(set config.Settings, st config.Store, toks respond.Tokens, log *slog.Logger) (*Handler, error) {
	r, err := respond.FromSettings(set, st, toks, log)
	if err != nil {
		return nil, err
	}
	return New(Config{Store: st, Responder: r, Logger: log})
}
