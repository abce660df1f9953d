package poll

import (
	"io"
	"log/slog"

	"github.com/agentiq/agentiq/shared/config"
	"github.com/agentiq/agentiq/shared/emf"
	"github.com/agentiq/agentiq/shared/intent"
)

// FromSettings wires a poller from the functions' settings: the store, the
// token source, the default classifier, WB's address and limit, metrics on
// w. (It lives here, not in config, so that a function that does not poll
// does not carry the classifier.)
func FromSettings(set config.Settings, st Store, toks Tokens, log *slog.Logger, metrics io.Writer) (*Poller, error) {
	cl, err := intent.Default()
	if err != nil {
		return nil, err
	}
	return New(Config{
		Store: st, Tokens: toks, Classifier: cl,
		BaseURL: set.WBBaseURL, Limit: set.WBRate,
		Concurrency: set.PollConcurrency, Margin: set.PollMargin,
		Logger: log, Metrics: emf.New(metrics, "agentiq"),
	})
}
