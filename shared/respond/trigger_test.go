package respond_test

import (
	"context"
	"errors"
	"testing"
	"time"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/respond"
	"github.com/agentiq/agentiq/shared/wb/wbsandbox"
)

// TestTriggerCrashes stops an integrator's WB-chat trigger at each step
// and retries it with the same key: one message at most reaches WB, one
// decision record is kept, and the retry answers as the first would.
func TestTriggerCrashes(t *testing.T) {
	for _, s := range stores {
		t.Run(s.name, func(t *testing.T) {
			steps := []respond.Step{respond.StepDecided, respond.StepSendCreated, respond.StepWBAnswered, respond.StepSendFinished, respond.StepAudited}
			w := newWorld(t, s.open(t), wbsandbox.Config{Seed: smallSeed(len(steps), 6)}, agentiq.Seller{})
			ctx := context.Background()
			chats := w.sb.Script(w.token).Chats
			for i, step := range steps {
				t.Run(string(step), func(t *testing.T) {
					chat := chats[i].ID
					tr := respond.TriggerRequest{Key: "crm-" + string(step), Operator: "crm-1", Channel: agentiq.ChannelWBChat, ChatID: chat,
						Scenario: agentiq.ScenarioService, Text: "Здравствуйте! Ваш заказ передан в доставку."}
					crashing := w.responder(t, func(c *respond.Config) {
						c.AfterStep = func(_ context.Context, _ string, s respond.Step) error {
							if s == step {
								return errCrash
							}
							return nil
						}
					})
					if _, err := crashing.Trigger(ctx, w.seller.ID, tr); !errors.Is(err, errCrash) {
						t.Fatalf("no crash: %v", err)
					}
					r := w.responder(t, nil)
					res, err := r.Trigger(ctx, w.seller.ID, tr)
					if errors.Is(err, respond.ErrBusy) {
						w.clock.Add(3 * time.Minute)
						res, err = r.Trigger(ctx, w.seller.ID, tr)
					}
					if err != nil {
						t.Fatal(err)
					}
					again, err := r.Trigger(ctx, w.seller.ID, tr)
					if err != nil || again.DecisionID != res.DecisionID || again.Outcome != res.Outcome {
						t.Errorf("replay %+v, %v", again, err)
					}
					n := len(sentTo(w, chat))
					switch {
					case res.Outcome == agentiq.OutcomeSent && n == 1:
					case res.Outcome == agentiq.OutcomeUnknown && n <= 1 && res.ModerationID != "":
					default:
						t.Errorf("outcome %s with %d messages at WB", res.Outcome, n)
					}
					if d := byRef(t, w, agentiq.AuditDecision, res.DecisionID); len(d) != 1 {
						t.Errorf("%d decision records", len(d))
					}
				})
			}
		})
	}
}
