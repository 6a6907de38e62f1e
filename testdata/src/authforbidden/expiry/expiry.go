// Package expiry verifies bearer tokens through an interface whose
// implementation is not in view: the claims it returns are the token's,
// and their expiry compared with the current time is the token's validity
// (an authentication failure), while their other fields are authorization.
package expiry

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"
)

// Claims are a verified token's.
type Claims struct {
	Subject string
	Expiry  time.Time
	Level   int
}

// Verifier checks a token's signature.
type Verifier interface {
	Verify(ctx context.Context, raw string) (*Claims, error)
}

var (
	ErrExpired = errors.New("token expired")
	ErrLevel   = errors.New("level too low")
	ErrLate    = errors.New("order too late")
)

// Auth checks bearer tokens.
type Auth struct{ V Verifier }

func (a *Auth) check(r *http.Request) (*Claims, error) {
	raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return nil, errors.New("no token")
	}
	c, err := a.V.Verify(r.Context(), raw)
	if err != nil {
		return nil, err
	}
	if time.Now().After(c.Expiry) {
		return nil, ErrExpired
	}
	if c.Level < 3 {
		return nil, ErrLevel
	}
	return c, nil
}

// Order is not an identity: its deadline is no credential's.
type Order struct{ Deadline time.Time }

func late(o *Order) error {
	if time.Now().After(o.Deadline) {
		return ErrLate
	}
	return nil
}

// Handle answers the errors of check and late.
func (a *Auth) Handle(w http.ResponseWriter, r *http.Request) {
	_, err := a.check(r)
	if err == nil {
		err = late(&Order{})
	}
	switch {
	case errors.Is(err, ErrExpired):
		w.WriteHeader(http.StatusForbidden) // want `403 answers an authentication failure`
	case errors.Is(err, ErrLevel):
		w.WriteHeader(http.StatusForbidden) // silent: the level is authorization
	case errors.Is(err, ErrLate):
		w.WriteHeader(http.StatusForbidden) // silent: an order's deadline is no credential's validity
	case err != nil:
		w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
		w.WriteHeader(http.StatusUnauthorized)
	}
}
