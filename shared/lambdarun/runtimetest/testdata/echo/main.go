// Command echo is a bootstrap for runtimetest's own tests: it answers an
// event with itself, and fails on {"fail": "…"}.
package main

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/aws/aws-lambda-go/lambda"
)

type event struct {
	Fail string `json:"fail,omitempty"`
	Echo string `json:"echo,omitempty"`
}

func main() {
	lambda.Start(func(_ context.Context, e event) (json.RawMessage, error) {
		if e.Fail != "" {
			return nil, errors.New(e.Fail)
		}
		return json.Marshal(e)
	})
}
