package api

import (
	"context"
	"log/slog"

	"github.com/agentiq/agentiq/shared/config"
	"github.com/agentiq/agentiq/shared/consent"
	"github.com/agentiq/agentiq/shared/respond"
)

// FromSettings wires the handler as the functions' settings say: the
// opened store, the responder (the policy and the send path to WB) the
// settings make, the store's pseudonym key for consent subjects, how
// reports run (rep), and the audit chain's checkpoints with their key
// (read through getenv: the bucket and the key's secret in the cloud).
func FromSettings(ctx context.Context, set config.Settings, st config.Store, toks respond.Tokens, rep Reporting, getenv func(string) string, log *slog.Logger) (*Handler, error) {
	r, err := respond.FromSettings(set, st, toks, log)
	if err != nil {
		return nil, err
	}
	pseudo, err := set.Pseudonymizer(ctx)
	if err != nil {
		return nil, err
	}
	cps, err := set.CheckpointLog(ctx, getenv)
	if err != nil {
		return nil, err
	}
	key, err := set.CheckpointKey(ctx, getenv)
	if err != nil {
		return nil, err
	}
	return New(Config{Store: st, Responder: r, SubjectKeys: consent.SubjectKeys(pseudo), Reporting: rep,
		Checkpoints: cps, CheckpointKey: key, Logger: log})
}
