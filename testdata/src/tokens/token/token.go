// Package token signs and verifies compact tokens. It never sees a request:
// its callers hand it the Authorization value or the token as text.
package token

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
)

var (
	ErrMalformed = errors.New("token: malformed")
	ErrSignature = errors.New("token: bad signature")
	ErrExpired   = errors.New("token: expired")
)

// Claims are what a token says.
type Claims struct {
	Subject string
	Expires int64
}

// FromAuthorization cuts the bearer token out of an Authorization value:
// it tests the value's form only, and hands back the token.
func FromAuthorization(h string) (string, bool) {
	const prefix = "Bearer "
	if len(h) <= len(prefix) || !strings.EqualFold(h[:len(prefix)], prefix) {
		return "", false
	}
	return strings.TrimSpace(h[len(prefix):]), true
}

// Signer verifies tokens.
type Signer struct {
	Key []byte
	Now func() int64
}

// Verify checks a token's signature and expiry and returns its claims.
func (s *Signer) Verify(tok string) (*Claims, error) {
	payload, sig, ok := strings.Cut(tok, ".")
	if !ok {
		return nil, ErrMalformed
	}
	want, err := base64.RawURLEncoding.DecodeString(sig)
	if err != nil {
		return nil, ErrMalformed
	}
	mac := hmac.New(sha256.New, s.Key)
	mac.Write([]byte(payload))
	if !hmac.Equal(want, mac.Sum(nil)) {
		return nil, ErrSignature
	}
	raw, err := base64.RawURLEncoding.DecodeString(payload)
	if err != nil {
		return nil, ErrMalformed
	}
	var c Claims
	if err := json.Unmarshal(raw, &c); err != nil {
		return nil, ErrMalformed
	}
	if s.Now() > c.Expires {
		return nil, ErrExpired
	}
	return &c, nil
}
