// Command agentiq is the product's command-line tool. The policy commands
// follow POLICY.md §6: JSON Lines in, one JSON line out per line in, in
// order; a malformed line gets {"id":…, "error":…} and the run goes on.
//
//	agentiq classify            buyer messages  → intents, scenario, window
//	agentiq lint                seller drafts   → content flags
//	agentiq decide [--rules F]  decision requests → allow / review / deny
//	agentiq version             the rules_version of the rules in use
//	agentiq wb-sandbox          serve a WB buyer-chat sandbox
//	agentiq run                 the whole pipeline locally, on the embedded store
//	agentiq respond             answer the pending buyer messages
//	agentiq api                 the operator's and integrator's HTTP API, locally
//	agentiq report audit|consent  a seller's report for a period, XLSX or PDF
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"unicode/utf8"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/intent"
	"github.com/agentiq/agentiq/shared/policy"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `usage: agentiq <command> [flags]

commands:
  classify   classify buyer messages: {"id","text"} → {"id","intent","intents","scenario","priority","window","confidence","uncertain"}
  lint       flag seller drafts:      {"id","text"} → {"id","flags"}
  decide     decide on requests (POLICY.md §5) → {"id","decision","reasons","priority","rules_version"}
  version    print the rules_version of the rules in use
  train      retrain the linear models from the repository's labelled data (make train)
  wb-sandbox serve a WB buyer-chat sandbox (agentiq wb-sandbox --help)
  run        the whole pipeline locally on the embedded store (agentiq run --help)
  respond    answer pending buyer messages through the policy (agentiq respond --help)
  consent    import a seller's consent register (agentiq consent import --help)
  audit      verify a seller's audit chain, or checkpoint it (agentiq audit --help)
  api        serve the operator's and integrator's API locally (agentiq api --help)
  report     write an audit or consent-evidence report, XLSX or PDF (agentiq report --help)

flags of classify, lint and decide:
  --rules FILE   rules file (default: embedded; or $AGENTIQ_RULES)
  --explain      decide: add the rules that fired, flags, buyer intents and consents relied on;
                 classify and lint: add the lexicon's evidence and the model's strongest features
  --workers N    lines handled at once (default: number of CPUs)
`

// MaxTextBytes bounds a message text. WB chat messages are at most 1000
// characters; a text this long is refused rather than analysed in part.
const MaxTextBytes = 64 << 10

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, args := args[0], args[1:]
	switch cmd {
	case "wb-sandbox":
		return runSandbox(args, stderr)
	case "run":
		return runPipeline(args, stdout, stderr)
	case "respond":
		return runRespond(args, stdout, stderr)
	case "consent":
		return runConsent(args, stdin, stdout, stderr)
	case "audit":
		return runAudit(args, stdout, stderr)
	case "train":
		return runTrain(args, stdout, stderr)
	case "api":
		return runAPI(args, stdout, stderr)
	case "report":
		return runReport(args, stdout, stderr)
	}
	fs := flag.NewFlagSet("agentiq "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	rulesPath := fs.String("rules", os.Getenv("AGENTIQ_RULES"), "rules file")
	explain := fs.Bool("explain", false, "explain decisions")
	workers := fs.Int("workers", 0, "lines handled at once")
	switch cmd {
	case "classify", "lint", "decide", "version":
		if err := fs.Parse(args); err != nil {
			return 2
		}
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "agentiq: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
	batchGC()
	engine, err := policy.Load(*rulesPath)
	if err != nil {
		fmt.Fprintf(stderr, "agentiq: %v\n", err)
		return 1
	}
	var h handler
	switch cmd {
	case "version":
		fmt.Fprintln(stdout, engine.Version())
		return 0
	case "classify":
		h = classifyHandler(engine, *explain)
	case "lint":
		h = lintHandler(engine, *explain)
	case "decide":
		h = decideHandler(engine, *explain)
	}
	if err := process(stdin, stdout, h, *workers); err != nil {
		fmt.Fprintf(stderr, "agentiq: %v\n", err)
		return 1
	}
	return 0
}

// batchGC lets the heap grow to five times what is live before a
// collection, unless GOGC says otherwise. What is live in these commands is
// almost all the compiled lexicons and models (about 13 MB); with Go's
// default a collection came every 13 MB of garbage, some 1,400 decide
// lines, and re-marked all of them each time: an eighth of the CPU. A
// filter over JSON Lines can spend some tens of MB more to save that.
func batchGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}

// textLine is the input of classify and lint.
type textLine struct {
	ID   json.RawMessage `json:"id"`
	Text *string         `json:"text"`
}

func decodeText(line []byte) (textLine, error) {
	var t textLine
	if err := json.Unmarshal(line, &t); err != nil {
		return t, fmt.Errorf("malformed JSON: %v", strings.TrimPrefix(err.Error(), "json: "))
	}
	if t.ID == nil {
		t.ID = json.RawMessage("null")
	}
	switch {
	case t.Text == nil:
		return t, fmt.Errorf("text is required")
	case len(*t.Text) > MaxTextBytes:
		return t, fmt.Errorf("text is %d bytes, more than the %d allowed", len(*t.Text), MaxTextBytes)
	case !utf8.ValidString(*t.Text):
		return t, fmt.Errorf("text is not valid UTF-8")
	}
	return t, nil
}

type classifyOut struct {
	ID       json.RawMessage  `json:"id"`
	Intent   agentiq.Intent   `json:"intent"`
	Intents  []agentiq.Intent `json:"intents"`
	Scenario agentiq.Scenario `json:"scenario"`
	Priority agentiq.Priority `json:"priority"`
	Window   agentiq.Window   `json:"window"`
	// Beyond POLICY.md §6 (extra fields, so backward compatible): how sure
	// the classifier is, and whether a person should read the message.
	Confidence float64             `json:"confidence"`
	Uncertain  bool                `json:"uncertain"`
	Explain    *intent.Explanation `json:"explain,omitempty"`
}

func classifyHandler(e *policy.Engine, explain bool) handler {
	c := e.Classifier()
	return func(line []byte) any {
		in, err := decodeText(line)
		if err != nil {
			return errorLine{ID: lineIDOr(in.ID, line), Error: err.Error()}
		}
		r := c.Classify(*in.Text)
		out := classifyOut{ID: in.ID, Intent: r.Intent, Intents: r.Intents, Scenario: r.Scenario,
			Priority: r.Priority, Window: r.Window, Confidence: r.Confidence, Uncertain: r.Uncertain}
		if explain {
			x := c.Explain(*in.Text, r)
			out.Explain = &x
		}
		return out
	}
}

type lintOut struct {
	ID      json.RawMessage   `json:"id"`
	Flags   []agentiq.Flag    `json:"flags"`
	Explain map[string]string `json:"explain,omitempty"`
}

func lintHandler(e *policy.Engine, explain bool) handler {
	l := e.Linter()
	return func(line []byte) any {
		in, err := decodeText(line)
		if err != nil {
			return errorLine{ID: lineIDOr(in.ID, line), Error: err.Error()}
		}
		r := l.Lint(*in.Text)
		out := lintOut{ID: in.ID, Flags: r.Flags}
		if explain {
			out.Explain = map[string]string{}
			for f, ev := range r.Evidence {
				out.Explain[string(f)] = ev
			}
		}
		return out
	}
}

type decideOut struct {
	ID           json.RawMessage  `json:"id"`
	Decision     agentiq.Verdict  `json:"decision"`
	Reasons      []string         `json:"reasons"`
	Priority     agentiq.Priority `json:"priority"`
	RulesVersion string           `json:"rules_version"`
}

type explainedOut struct {
	ID json.RawMessage `json:"id"`
	policy.Decision
}

func decideHandler(e *policy.Engine, explain bool) handler {
	return func(line []byte) any {
		req, err := policy.Decode(line)
		if err != nil {
			return errorLine{ID: lineID(line), Error: err.Error()}
		}
		id := requestID(line, req.ID)
		if len(req.Message.Text) > MaxTextBytes {
			return errorLine{ID: id, Error: fmt.Sprintf("message.text is %d bytes, more than the %d allowed", len(req.Message.Text), MaxTextBytes)}
		}
		if req.Chat != nil && len(req.Chat.LastBuyerText) > MaxTextBytes {
			return errorLine{ID: id, Error: fmt.Sprintf("chat.last_buyer_text is %d bytes, more than the %d allowed", len(req.Chat.LastBuyerText), MaxTextBytes)}
		}
		d, err := e.Decide(req)
		if err != nil {
			return errorLine{ID: id, Error: err.Error()}
		}
		if explain {
			return explainedOut{ID: id, Decision: d}
		}
		return decideOut{ID: id, Decision: d.Decision, Reasons: d.Reasons, Priority: d.Priority, RulesVersion: d.RulesVersion}
	}
}

// requestID is lineID(line) for a line that decoded to a request with
// the given id, without a second parse of the line when the answer is
// plain: with no backslash in the line (so no escape in any string) and
// the key "id" written once, in lower case, and in no other case (JSON
// keys match case-insensitively), the top-level id is that key's string,
// written exactly as id. An id holding U+FFFD may stand for invalid UTF-8
// in the line, which lineID copies as it is.
func requestID(line []byte, id string) json.RawMessage {
	if id == "" || bytes.IndexByte(line, '\\') >= 0 || strings.ContainsRune(id, utf8.RuneError) ||
		bytes.Count(line, []byte(`"id"`)) != 1 || bytes.Contains(line, []byte(`"ID"`)) ||
		bytes.Contains(line, []byte(`"Id"`)) || bytes.Contains(line, []byte(`"iD"`)) {
		return lineID(line)
	}
	raw := make([]byte, 0, len(id)+2)
	raw = append(raw, '"')
	raw = append(raw, id...)
	return append(raw, '"')
}

func lineIDOr(id json.RawMessage, line []byte) json.RawMessage {
	if id != nil && isScalar(id) {
		return id
	}
	return lineID(line)
}
