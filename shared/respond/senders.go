package respond

import (
	"context"

	agentiq "github.com/agentiq/agentiq/shared"
	"github.com/agentiq/agentiq/shared/wb"
)

// Tokens finds a seller's WB API token.
type Tokens interface {
	Token(ctx context.Context, s agentiq.Seller) (wb.Token, error)
}

// WBSenders are the sellers' WB clients, made from their tokens.
type WBSenders struct {
	Tokens Tokens
	Pool   *wb.Pool
}

// Sender returns the seller's WB client.
func (w WBSenders) Sender(ctx context.Context, s agentiq.Seller) (Sender, error) {
	tok, err := w.Tokens.Token(ctx, s)
	if err != nil {
		return nil, err
	}
	return w.Pool.Client(s.ID, tok)
}
