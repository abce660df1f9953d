// Package lambdainvoke starts Lambda functions asynchronously: the API
// starts the ReporterFunction on a report job this way, and returns while
// the report is written.
package lambdainvoke

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"

	agentiq "github.com/agentiq/agentiq/shared"
)

// FunctionEnv names the ReporterFunction in the API's environment.
const FunctionEnv = "AGENTIQ_REPORTER_FUNCTION"

// Invoker is the part of the Lambda client used (*lambda.Client).
type Invoker interface {
	Invoke(ctx context.Context, in *lambda.InvokeInput, optFns ...func(*lambda.Options)) (*lambda.InvokeOutput, error)
}

// Reporter starts report jobs on the ReporterFunction.
type Reporter struct {
	Client   Invoker
	Function string // name or ARN
}

// payload is the reporter's job event (reports.Job): the job's record
// says what to write; the rest is for the function's logs.
type payload struct {
	Seller string `json:"seller"`
	Kind   string `json:"kind"`
	Format string `json:"format"`
	From   string `json:"from"`
	To     string `json:"to"`
	Lang   string `json:"lang,omitempty"`
	JobID  string `json:"job_id"`
}

// StartReport invokes the function with the job, asynchronously
// (InvocationType Event): Lambda queues the event, answers 202 and
// retries a failed run; the job's record tells the API how it went.
func (r Reporter) StartReport(ctx context.Context, j agentiq.ReportJob) error {
	if r.Client == nil || r.Function == "" {
		return errors.New("lambdainvoke: no client or function configured")
	}
	body, err := json.Marshal(payload{Seller: j.SellerID, Kind: j.Kind, Format: j.Format, From: j.From, To: j.To, Lang: j.Lang, JobID: j.ID})
	if err != nil {
		return err
	}
	out, err := r.Client.Invoke(ctx, &lambda.InvokeInput{FunctionName: aws.String(r.Function),
		InvocationType: types.InvocationTypeEvent, Payload: body})
	if err != nil {
		return fmt.Errorf("invoke %s: %w", r.Function, err)
	}
	if out.StatusCode != 202 {
		return fmt.Errorf("invoke %s: status %d, want 202", r.Function, out.StatusCode)
	}
	return nil
}
