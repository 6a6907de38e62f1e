// Package seg verifies signed tokens of three dot-separated segments; it
// imports nothing of HTTP or gRPC. Its segments decode through a helper of
// its own, and the expiry is compared as a time.
package seg

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// The verification errors.
var (
	ErrMalformed = errors.New("seg: malformed")      // want ErrMalformed:`unauthenticated \(unknown\)`
	ErrSignature = errors.New("seg: bad signature")  // want ErrSignature:`unauthenticated \(unknown\)`
	ErrExpired   = errors.New("seg: expired")        // want ErrExpired:`unauthenticated \(unknown\)`
	ErrAudience  = errors.New("seg: wrong audience") // want ErrAudience:`unauthenticated \(unknown\)`
	// ErrSuspended: the account the token names is suspended (a claim
	// that is no part of the token's validity).
	ErrSuspended = errors.New("seg: suspended")
)

// Claims are a token's claims.
type Claims struct {
	Subject   string   `json:"sub"`
	Audience  []string `json:"aud"`
	ExpiresAt int64    `json:"exp"`
	Status    string   `json:"status"`
}

// Verifier checks tokens signed with its key.
type Verifier struct {
	Key      []byte
	Audience string
	Now      func() time.Time
}

// Verify returns the claims of a valid token.
func (v *Verifier) Verify(raw string) (*Claims, error) {
	parts := strings.Split(raw, ".")
	if len(parts) != 3 {
		return nil, ErrMalformed
	}
	mac := hmac.New(sha256.New, v.Key)
	mac.Write([]byte(parts[0] + "." + parts[1]))
	sig, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil || !hmac.Equal(sig, mac.Sum(nil)) {
		return nil, ErrSignature
	}
	var c Claims
	if err := decode(parts[1], &c); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	if c.ExpiresAt != 0 && v.Now().After(time.Unix(c.ExpiresAt, 0)) {
		return nil, fmt.Errorf("%w at %d", ErrExpired, c.ExpiresAt)
	}
	if c.Status == "suspended" {
		return nil, ErrSuspended
	}
	for _, a := range c.Audience {
		if a == v.Audience {
			return &c, nil
		}
	}
	return nil, ErrAudience
}

func decode(segment string, into any) error { // want decode:`decodes parameters into others 2`
	b, err := base64.RawURLEncoding.DecodeString(segment)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, into)
}
