package lint

import "github.com/agentiq/agentiq/shared/rutext"

var (
	rutextFold    = rutext.Fold
	rutextAnalyze = rutext.Analyze
)
