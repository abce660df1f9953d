package respond_test

import (
	"context"
	"errors"
	"math/rand/v2"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/respond"
	"github.com/agentiq/agentiq/shared/wb/wbsandbox"
)

// personalData finds phones, e-mails and card numbers in a text.
var personalData = regexp.MustCompile(`[\w.+-]+@[\w.-]+|\+?\d[\d ()-]{9,}\d`)

// allAuto answers every intent automatically, marketing replies too, so
// that the policy (not the reply modes) decides what is held.
func allAuto(t testing.TB) *agentiq.Replies {
	t.Helper()
	def, err := respond.DefaultReplies()
	if err != nil {
		t.Fatal(err)
	}
	r := *def
	r.Intents = map[agentiq.Intent]agentiq.IntentReply{}
	for in, ir := range def.Intents {
		ir.Mode = agentiq.ReplyAuto
		r.Intents[in] = ir
	}
	return &r
}

func endToEnd(t *testing.T, st agentiq.Store) {
	w := newWorld(t, st, wbsandbox.Config{}, agentiq.Seller{})
	ctx := context.Background()
	rep, err := w.responder(t, nil).Run(ctx, w.seller.ID)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Failed != 0 || rep.Busy != 0 {
		t.Fatalf("report %+v", rep)
	}
	ds := w.check(t)
	if rep.Items != len(ds) || len(ds) < 300 {
		t.Errorf("%d items answered, %d decisions", rep.Items, len(ds))
	}
	// The default is conservative, and the script is varied: each way a
	// message can end shows up.
	for _, o := range []agentiq.Outcome{agentiq.OutcomeSent, agentiq.OutcomeHeld, agentiq.OutcomeNoReply} {
		if rep.ByOutcome[o] == 0 {
			t.Errorf("no %s decision in %v", o, rep.ByOutcome)
		}
	}
	for _, d := range ds {
		if d.Outcome == agentiq.OutcomeSent && d.MessageType == agentiq.Marketing {
			t.Errorf("marketing %s sent by default (template %s): it goes to a human", d.DecisionID, d.TemplateID)
		}
		if d.RulesVersion == "" || d.Trigger != agentiq.TriggerAutoReply || d.Operator != "bot" || d.DecidedAt.IsZero() {
			t.Errorf("decision record %+v", d)
		}
	}
	// No buyer's name, phone, e-mail or card number in the audit chain or
	// the moderation queue (the script writes them into messages).
	var pd []string
	for _, c := range w.sb.Script(w.token).Chats {
		pd = append(pd, c.ClientName)
	}
	for _, e := range w.sb.Script(w.token).Events {
		if e.PII && e.Message != nil {
			pd = append(pd, personalData.FindAllString(e.Message.Text, -1)...)
		}
	}
	if len(pd) < 10 {
		t.Fatalf("the script has %d pieces of personal data: the check checks nothing", len(pd))
	}
	mod, err := w.store.PendingModeration(ctx, w.seller.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	var stored strings.Builder
	for _, r := range w.audit(t) {
		stored.Write(r.Data)
	}
	for _, m := range mod {
		stored.WriteString(m.Draft + " " + strings.Join(m.Reasons, " "))
	}
	for _, p := range pd {
		if strings.Contains(stored.String(), p) {
			t.Errorf("%q is stored in the audit chain or the moderation queue", p)
		}
	}
	// A second run finds nothing to do and sends nothing.
	before := len(w.sb.Sent(w.token))
	rep, err = w.responder(t, nil).Run(ctx, w.seller.ID)
	if err != nil || rep.Items != 0 || len(w.sb.Sent(w.token)) != before {
		t.Errorf("second run: %+v, %v; WB got %d more", rep, err, len(w.sb.Sent(w.token))-before)
	}
}

func TestEndToEndBolt(t *testing.T)   { endToEnd(t, boltStore(t)) }
func TestEndToEndDynamo(t *testing.T) { endToEnd(t, dynamoStore(t)) }

// TestMarketingAndOptOut: with marketing answered automatically, a
// customer_request reply goes out only inside its window, and never to a
// chat that opted out.
func TestMarketingAndOptOut(t *testing.T) {
	w := newWorld(t, boltStore(t), wbsandbox.Config{}, agentiq.Seller{Replies: allAuto(t)})
	rep, err := w.responder(t, nil).Run(context.Background(), w.seller.ID)
	if err != nil {
		t.Fatal(err)
	}
	ds := w.check(t)
	var marketing, optOuts int
	for _, d := range ds {
		if d.Window == agentiq.CustomerRequest {
			marketing++
			requested := false
			for _, in := range d.BuyerIntents {
				requested = requested || in == agentiq.IntentPromoRequest || in == agentiq.IntentAnalogRequest
			}
			if d.Decision != agentiq.Deny && !requested {
				t.Errorf("%s: marketing %s without a request (%v)", d.DecisionID, d.Decision, d.BuyerIntents)
			}
		}
		for _, in := range d.BuyerIntents {
			if in == agentiq.IntentOptOut {
				optOuts++
			}
		}
	}
	if marketing == 0 || optOuts == 0 {
		t.Fatalf("the script gave %d marketing replies and %d opt-outs: the test tests nothing", marketing, optOuts)
	}
	recs := w.audit(t)
	var optOutRecords int
	for _, r := range recs {
		if r.Kind == agentiq.AuditOptOut {
			optOutRecords++
		}
	}
	if optOutRecords == 0 || optOutRecords > optOuts {
		t.Errorf("%d opt-out records for %d opt-out messages", optOutRecords, optOuts)
	}
	// Each opt-out withdrew both marketing consents in the register, with
	// the message as evidence.
	withdrawn := 0
	for _, r := range recs {
		if r.Kind == agentiq.AuditConsent && strings.Contains(string(r.Data), `"withdrawn"`) {
			withdrawn++
		}
	}
	if withdrawn != 2*optOutRecords {
		t.Errorf("%d withdrawals registered for %d opt-outs", withdrawn, optOutRecords)
	}
	t.Logf("report %+v", rep)
}

// TestDryRun: everything is decided and audited, nothing reaches WB.
func TestDryRun(t *testing.T) {
	w := newWorld(t, boltStore(t), wbsandbox.Config{Seed: smallSeed(20, 1)}, agentiq.Seller{DryRun: true})
	rep, err := w.responder(t, nil).Run(context.Background(), w.seller.ID)
	if err != nil {
		t.Fatal(err)
	}
	ds := w.check(t)
	if n := len(w.sb.Sent(w.token)); n != 0 {
		t.Errorf("dry run: WB got %d messages", n)
	}
	if rep.ByOutcome[agentiq.OutcomeDryRun] == 0 {
		t.Errorf("no dry-run decision: %v", rep.ByOutcome)
	}
	for _, d := range ds {
		if !d.DryRun {
			t.Errorf("%s not marked dry_run", d.DecisionID)
		}
	}
}

// TestBadInput: what cannot be answered ends as a recorded decision with
// a clear reason, and nothing is lost.
func TestBadInput(t *testing.T) {
	ctx := context.Background()
	t.Run("no reply signature", func(t *testing.T) {
		w := newWorld(t, boltStore(t), wbsandbox.Config{Seed: smallSeed(10, 2)}, agentiq.Seller{})
		items, _ := w.store.PendingInbox(ctx, w.seller.ID, 0)
		for _, it := range items {
			if _, err := agentiq.UpdateChatFunc(ctx, w.store, w.seller.ID, it.ChatID, func(c *agentiq.ChatState) error {
				c.ReplySign = ""
				return nil
			}); err != nil {
				t.Fatal(err)
			}
		}
		rep, err := w.responder(t, nil).Run(ctx, w.seller.ID)
		if err != nil {
			t.Fatal(err)
		}
		// A message younger than SignWait waits for its sign (the poller
		// fetches it just after ingesting); an older one goes to a human.
		if rep.Failed == 0 {
			t.Errorf("a fresh message did not wait for its reply signature: %+v", rep)
		}
		w.clock.Add(respond.SignWait)
		if _, err := w.responder(t, nil).Run(ctx, w.seller.ID); err != nil {
			t.Fatal(err)
		}
		ds := w.check(t)
		failed := 0
		for _, d := range ds {
			if d.Outcome == agentiq.OutcomeFailed {
				failed++
				if !strings.Contains(d.Error, "reply signature") {
					t.Errorf("failed without a clear reason: %q", d.Error)
				}
			}
		}
		if failed == 0 || len(w.sb.Sent(w.token)) != 0 {
			t.Errorf("%d failed, WB got %d", failed, len(w.sb.Sent(w.token)))
		}
	})
	t.Run("seller without templates", func(t *testing.T) {
		w := newWorld(t, boltStore(t), wbsandbox.Config{Seed: smallSeed(6, 3)}, agentiq.Seller{Replies: &agentiq.Replies{Version: "empty"}})
		if _, err := w.responder(t, nil).Run(ctx, w.seller.ID); err != nil {
			t.Fatal(err)
		}
		for _, d := range w.check(t) {
			if d.Outcome != agentiq.OutcomeNoReply && (d.Outcome != agentiq.OutcomeProcessErr || d.Reasons[0] != "replies_invalid") {
				t.Errorf("%s: %s %v", d.DecisionID, d.Outcome, d.Reasons)
			}
		}
	})
	t.Run("template that fails lint", func(t *testing.T) {
		r := allAuto(t)
		r.Templates = append([]agentiq.Template(nil), r.Templates...)
		for i := range r.Templates {
			r.Templates[i].Text += " Пишите нам в WhatsApp: wa.me/79990000000"
		}
		w := newWorld(t, boltStore(t), wbsandbox.Config{Seed: smallSeed(10, 4)}, agentiq.Seller{Replies: r})
		if _, err := w.responder(t, nil).Run(ctx, w.seller.ID); err != nil {
			t.Fatal(err)
		}
		for _, d := range w.check(t) {
			if d.Outcome != agentiq.OutcomeNoReply && (d.Decision != agentiq.Deny || !strings.Contains(strings.Join(d.Reasons, ","), "external_link")) {
				t.Errorf("%s: %s %s %v", d.DecisionID, d.Decision, d.Outcome, d.Reasons)
			}
		}
		if len(w.sb.Sent(w.token)) != 0 {
			t.Errorf("WB got %d messages", len(w.sb.Sent(w.token)))
		}
	})
	t.Run("too long for WB", func(t *testing.T) {
		r := allAuto(t)
		r.Templates = append([]agentiq.Template(nil), r.Templates...)
		for i := range r.Templates {
			r.Templates[i].Text += strings.Repeat(" Спасибо, что выбрали нас.", 45)
		}
		w := newWorld(t, boltStore(t), wbsandbox.Config{Seed: smallSeed(10, 5)}, agentiq.Seller{Replies: r})
		if _, err := w.responder(t, nil).Run(ctx, w.seller.ID); err != nil {
			t.Fatal(err)
		}
		failed := 0
		for _, d := range w.check(t) {
			if d.Outcome == agentiq.OutcomeFailed {
				failed++
				if !strings.Contains(d.Error, "1000") {
					t.Errorf("too long, but: %q", d.Error)
				}
			}
		}
		if failed == 0 {
			t.Error("no send failed")
		}
	})
}

// errCrash stands for the process dying.
var errCrash = errors.New("crash")

// TestCrashes stops the responder at every step boundary, at random
// items, with WB failing sends (5xx, 429, connections dropped after WB
// took the message), then reruns it as the next invocation would.
func TestCrashes(t *testing.T) {
	runs := 500
	if testing.Short() {
		runs = 50
	}
	steps := []respond.Step{respond.StepDecided, respond.StepSendCreated, respond.StepWBAnswered, respond.StepSendFinished,
		respond.StepChatUpdated, respond.StepAudited}
	crashed := map[respond.Step]int{}
	var unknown, sent int
	for i := 0; i < runs; i++ {
		rng := rand.New(rand.NewPCG(uint64(i), 11))
		step := steps[rng.IntN(len(steps))]
		nth := rng.IntN(6)
		w := newWorld(t, boltStore(t), wbsandbox.Config{Seed: smallSeed(6, uint64(i)), FaultSeed: uint64(i),
			Faults: wbsandbox.Faults{ServerError: 0.1, RateLimit: 0.1, Drop: 0.1, TakenError: 0.1}}, agentiq.Seller{Replies: allAuto(t)})
		ctx := context.Background()
		var seen atomic.Int64
		r := w.responder(t, func(c *respond.Config) {
			c.Concurrency = 1 + rng.IntN(3)
			c.AfterStep = func(_ context.Context, _ string, s respond.Step) error {
				if s == step && seen.Add(1) > int64(nth) {
					return errCrash
				}
				return nil
			}
		})
		if _, err := r.Run(ctx, w.seller.ID); err != nil {
			if !errors.Is(err, errCrash) {
				t.Fatalf("run %d: %v", i, err)
			}
			crashed[step]++
		}
		// Retries come at once, from two workers at the same time (a
		// stream redelivery beside a sweep); then, after the lease of
		// the dead one, until everything is answered.
		for rerun := 0; ; rerun++ {
			if rerun > 0 {
				w.clock.Add(3 * time.Minute)
			}
			reps := make([]respond.Report, 2)
			errs := make([]error, 2)
			var wg sync.WaitGroup
			for k := range reps {
				wg.Add(1)
				go func() {
					defer wg.Done()
					reps[k], errs[k] = w.responder(t, nil).Run(ctx, w.seller.ID)
				}()
			}
			wg.Wait()
			for k := range reps {
				if errs[k] != nil {
					t.Fatalf("run %d, rerun %d: %v", i, rerun, errs[k])
				}
			}
			pending, err := w.store.PendingInbox(ctx, w.seller.ID, 0)
			if err != nil {
				t.Fatal(err)
			}
			if len(pending) == 0 {
				break
			}
			if rerun > 5 {
				t.Fatalf("run %d: %d items still pending after %d reruns: %+v", i, len(pending), rerun, reps)
			}
		}
		for _, d := range w.check(t) {
			switch d.Outcome {
			case agentiq.OutcomeUnknown:
				unknown++
			case agentiq.OutcomeSent:
				sent++
			}
		}
		if t.Failed() {
			t.Fatalf("run %d (crash after %s #%d) broke the rules", i, step, nth+1)
		}
	}
	t.Logf("%d runs: crashes %v; %d sent, %d unknown (held for a human)", runs, crashed, sent, unknown)
	for _, s := range steps {
		if crashed[s] == 0 {
			t.Errorf("no run crashed after %s", s)
		}
	}
}
