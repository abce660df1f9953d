package api

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-lambda-go/events"
	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

// The local server's token expectations.
const (
	LocalIssuer   = "agentiq-local"
	LocalAudience = "agentiq-api"
)

// Keys sign and verify the local server's tokens: an Ed25519 key, kept as
// a private JWK file (0600) beside the store.
type Keys struct {
	priv ed25519.PrivateKey
	kid  string
	// Issuer and Audience a token must name.
	Issuer, Audience string
	// Now is the clock tokens are checked against.
	Now func() time.Time
}

// LoadKeys reads the key at path, making one the first time.
func LoadKeys(path string) (*Keys, error) {
	k := &Keys{Issuer: LocalIssuer, Audience: LocalAudience, Now: time.Now}
	data, err := os.ReadFile(path)
	switch {
	case err == nil:
		var jwk jose.JSONWebKey
		if err := jwk.UnmarshalJSON(data); err != nil {
			return nil, fmt.Errorf("api key %s: %w", path, err)
		}
		priv, ok := jwk.Key.(ed25519.PrivateKey)
		if !ok {
			return nil, fmt.Errorf("api key %s: not an Ed25519 private key", path)
		}
		k.priv, k.kid = priv, jwk.KeyID
		return k, nil
	case !errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("api key: %w", err)
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	k.priv, k.kid = priv, fmt.Sprintf("agentiq-%d", time.Now().Unix())
	data, err = json.MarshalIndent(jose.JSONWebKey{Key: priv, KeyID: k.kid, Algorithm: string(jose.EdDSA), Use: "sig"}, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return nil, err
	}
	if err := os.WriteFile(path, append(data, '\n'), 0o600); err != nil {
		return nil, fmt.Errorf("api key: %w", err)
	}
	return k, nil
}

// NewKeys makes a key held in memory only (tests).
func NewKeys() (*Keys, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	return &Keys{priv: priv, kid: "test", Issuer: LocalIssuer, Audience: LocalAudience, Now: time.Now}, nil
}

// PublicJWK is the public key as a JWK, for whoever checks the tokens.
func (k *Keys) PublicJWK() ([]byte, error) {
	return json.Marshal(jose.JSONWebKey{Key: k.priv.Public(), KeyID: k.kid, Algorithm: string(jose.EdDSA), Use: "sig"})
}

// Token is what a minted token says.
type Token struct {
	Subject  string
	Seller   string
	Roles    []string
	TTL      time.Duration // default 12 h
	Issuer   string        // default the key's
	Audience string        // default the key's
}

type customClaims struct {
	Seller string   `json:"seller"`
	Roles  []string `json:"roles"`
}

// Mint signs a token (a developer's token for curl, or a test's).
func (k *Keys) Mint(t Token) (string, error) {
	if t.Subject == "" || t.Seller == "" {
		return "", errors.New("api: a token needs a subject and a seller")
	}
	if t.TTL == 0 {
		t.TTL = 12 * time.Hour
	}
	if t.Issuer == "" {
		t.Issuer = k.Issuer
	}
	if t.Audience == "" {
		t.Audience = k.Audience
	}
	sig, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.EdDSA, Key: k.priv}, (&jose.SignerOptions{}).WithType("JWT").WithHeader("kid", k.kid))
	if err != nil {
		return "", err
	}
	now := k.Now()
	std := jwt.Claims{Issuer: t.Issuer, Subject: t.Subject, Audience: jwt.Audience{t.Audience},
		IssuedAt: jwt.NewNumericDate(now), NotBefore: jwt.NewNumericDate(now.Add(-time.Minute)), Expiry: jwt.NewNumericDate(now.Add(t.TTL))}
	return jwt.Signed(sig).Claims(std).Claims(customClaims{Seller: t.Seller, Roles: t.Roles}).Serialize()
}

// Verify checks a bearer token — signed by this key with EdDSA (so
// unsigned and `alg: none` tokens fail to parse), not expired, of the
// expected issuer and audience — and returns its claims as API Gateway's
// JWT authorizer hands them over.
func (k *Keys) Verify(token string) (map[string]string, error) {
	tok, err := jwt.ParseSigned(token, []jose.SignatureAlgorithm{jose.EdDSA})
	if err != nil {
		return nil, fmt.Errorf("malformed or unsigned token: %w", err)
	}
	var std jwt.Claims
	var custom customClaims
	if err := tok.Claims(k.priv.Public(), &std, &custom); err != nil {
		return nil, fmt.Errorf("bad signature: %w", err)
	}
	if std.Expiry == nil {
		return nil, errors.New("the token has no expiry")
	}
	if err := std.ValidateWithLeeway(jwt.Expected{Issuer: k.Issuer, AnyAudience: jwt.Audience{k.Audience}, Time: k.Now()}, 30*time.Second); err != nil {
		return nil, err
	}
	return map[string]string{"sub": std.Subject, "iss": std.Issuer, "seller": custom.Seller, "roles": strings.Join(custom.Roles, " ")}, nil
}

// HTTP serves the handler over real HTTP: each request is checked for a
// valid bearer token and turned into API Gateway's v2 shape, as the cloud
// does before the function is called.
func HTTP(h *Handler, keys *Keys) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ev := events.APIGatewayV2HTTPRequest{Version: "2.0", RawPath: r.URL.EscapedPath(), RawQueryString: r.URL.RawQuery,
			Headers: map[string]string{}}
		for name, vs := range r.Header {
			ev.Headers[strings.ToLower(name)] = strings.Join(vs, ",")
		}
		ev.Headers["host"] = r.Host
		ev.RequestContext.HTTP.Method, ev.RequestContext.HTTP.Path, ev.RequestContext.DomainName = r.Method, r.URL.Path, r.Host
		ev.RequestContext.RequestID = fmt.Sprintf("local-%d", time.Now().UnixNano())
		ev.RequestContext.TimeEpoch = time.Now().UnixMilli()
		ev.RouteKey, ev.RequestContext.RouteKey = "$default", "$default"
		// The authorizer: a bad token never reaches the function.
		auth := r.Header.Get("Authorization")
		bearer, ok := strings.CutPrefix(auth, "Bearer ")
		if !ok || strings.TrimSpace(bearer) == "" {
			write(w, errorResponse(apiErr(401, "unauthorized", "A bearer token is required (Authorization: Bearer …).")))
			return
		}
		claims, err := keys.Verify(strings.TrimSpace(bearer))
		if err != nil {
			write(w, errorResponse(apiErr(401, "unauthorized", "The token is not valid: "+err.Error()+".")))
			return
		}
		ev.RequestContext.Authorizer = &events.APIGatewayV2HTTPRequestContextAuthorizerDescription{
			JWT: &events.APIGatewayV2HTTPRequestContextAuthorizerJWTDescription{Claims: claims}}
		body, err := io.ReadAll(io.LimitReader(r.Body, MaxBodyBytes+1))
		if err != nil {
			write(w, errorResponse(apiErr(400, "bad_json", "The body could not be read.")))
			return
		}
		ev.Body = string(body) // over the limit by a byte: the handler refuses it
		res, _ := h.Handle(r.Context(), ev)
		write(w, res)
	})
}

func write(w http.ResponseWriter, res events.APIGatewayV2HTTPResponse) {
	for k, v := range res.Headers {
		w.Header().Set(k, v)
	}
	if res.IsBase64Encoded { // a file, as API Gateway would decode it
		data, err := base64.StdEncoding.DecodeString(res.Body)
		if err != nil {
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(data)))
		w.WriteHeader(res.StatusCode)
		_, _ = w.Write(data)
		return
	}
	w.WriteHeader(res.StatusCode)
	_, _ = io.WriteString(w, res.Body)
}
