package wb

import (
	"net/http"
	"strings"
	"sync"
)

// Pool keeps one client per seller and token for a process's life (a
// Lambda container's), making a new one when the token changes. Clients
// of one token share its pacing wherever they are made.
type Pool struct {
	BaseURL    string
	HTTPClient *http.Client
	Limit      Limit
	Retry      Retry

	mu      sync.Mutex
	clients map[string]*Client // seller, token → client
}

// Client returns the seller's client for tok.
func (p *Pool) Client(seller string, tok Token) (*Client, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	key := seller + "\x00" + string(tok)
	if c, ok := p.clients[key]; ok {
		return c, nil
	}
	c, err := New(Config{BaseURL: p.BaseURL, Token: tok, HTTPClient: p.HTTPClient, Limit: p.Limit, Retry: p.Retry})
	if err != nil {
		return nil, err
	}
	if p.clients == nil {
		p.clients = map[string]*Client{}
	}
	for k := range p.clients { // drop the seller's client for an older token
		if strings.HasPrefix(k, seller+"\x00") {
			delete(p.clients, k)
		}
	}
	p.clients[key] = c
	return c, nil
}
