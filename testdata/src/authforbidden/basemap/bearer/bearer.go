// Package bearer checks bearer tokens and returns the service's errors
// when a check fails.
package bearer

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"authforbidden/basemap/apierr"
)

type token struct {
	sub     string
	expires time.Time
}

// verifySignature checks the token's signature.
func verifySignature(raw string) error {
	if _, sig, ok := strings.Cut(raw, "."); !ok || sig != "signed" {
		return errors.New("bad signature")
	}
	return nil
}

var tokens = map[string]token{}

// Authenticate checks the request's bearer token.
func Authenticate(r *http.Request) (string, error) {
	raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return "", apierr.ErrBadToken
	}
	if legacy, ok := strings.CutPrefix(raw, "v1."); ok {
		if err := verifySignature(legacy); err != nil {
			return "", apierr.ErrOldClients // a legacy client's token
		}
	}
	t, found := tokens[raw]
	if !found {
		return "", apierr.ErrBadToken
	}
	if time.Now().After(t.expires) {
		return "", apierr.ErrExpired
	}
	if err := verifySignature(raw); err != nil {
		return "", apierr.ErrRevoked
	}
	return t.sub, nil
}

// Accept returns ErrAccepted when the token is good, and a failure otherwise.
func Accept(r *http.Request) error {
	if _, err := Authenticate(r); err != nil {
		return err
	}
	return apierr.ErrAccepted
}

// Session checks a second token store and answers with the service's
// error kinds.
func Session(r *http.Request) (string, error) {
	raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return "", apierr.ErrBadToken
	}
	if err := verifySignature(raw); err != nil {
		return "", &apierr.Error{Kind: apierr.KindExpired}
	}
	return raw, nil
}

// Stale checks the token's signature and answers a bad one with the
// service's failure of kind KindStale: the mapping that gives it 403 is
// reported, and this return, which answers with that 403, is the same
// cause.
func Stale(r *http.Request) (string, error) {
	raw, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if err := verifySignature(raw); err != nil {
		return "", apierr.Fail(apierr.KindStale)
	}
	return raw, nil
}
