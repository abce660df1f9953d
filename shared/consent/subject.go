package consent

import (
	"context"
	"errors"
	"fmt"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/policy"
)

// SubjectReader is what PolicySubject reads.
type SubjectReader interface {
	Subject(ctx context.Context, seller, subjectKey string) (agentiq.Subject, error)
	ConsentEvents(ctx context.Context, seller, subjectKey string) ([]agentiq.ConsentEvent, error)
}

// PolicySubject reads a subject's state and consent events and returns
// the decision request's subject for a message on channel ch, its
// consents derived from the register with their record ids. A subject
// with nothing recorded has no consents (its marketing is denied).
func PolicySubject(ctx context.Context, st SubjectReader, seller, subjectKey string, ch agentiq.Channel) (*policy.Subject, error) {
	sub, err := st.Subject(ctx, seller, subjectKey)
	if err != nil && !errors.Is(err, agentiq.ErrNotFound) {
		return nil, fmt.Errorf("policy subject: %w", err)
	}
	events, err := st.ConsentEvents(ctx, seller, subjectKey)
	if err != nil {
		return nil, fmt.Errorf("policy subject: %w", err)
	}
	return policy.SubjectFromRegister(sub, events, ch), nil
}
