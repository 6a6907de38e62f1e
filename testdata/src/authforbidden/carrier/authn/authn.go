// Package authn holds authenticators that answer through the service's own
// error type.
package authn

import (
	"errors"
	"net/http"
	"strings"

	"authforbidden/carrier/apierr"
)

// Identity is who a request comes from.
type Identity struct{ Name string }

// Tokens checks bearer tokens read from the request.
type Tokens struct{ Known map[string]string }

// Authenticate returns the caller, or a problem carrying 403 when the token
// is missing or unknown: reported where the problem is returned.
func (t *Tokens) Authenticate(r *http.Request) (*Identity, error) {
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return nil, apierr.Make(http.StatusForbidden, "no token") // want `403 answers an authentication failure \(the Authorization header is missing or malformed\)`
	}
	name, found := t.Known[tok]
	if !found {
		return nil, apierr.Denied.Detailed("unknown token") // want `403 answers an authentication failure \(.*\), with the 403 set at apierr.go:33: `
	}
	return &Identity{Name: name}, nil
}

// Sessions checks a session cookie: a scheme without a challenge.
type Sessions struct{ Live map[string]string }

// Authenticate answers a missing session with the shared 403: silent.
func (s *Sessions) Authenticate(r *http.Request) (*Identity, error) {
	c, err := r.Cookie("sid")
	if err != nil {
		return nil, apierr.Denied // silent: a cookie session has no challenge
	}
	name, ok := s.Live[c.Value]
	if !ok {
		return nil, apierr.Denied.Detailed("expired session") // silent: a cookie session has no challenge
	}
	return &Identity{Name: name}, nil
}

// Require answers a caller without the role with 403: authorization.
func Require(id *Identity, role string) error {
	if id.Name != role {
		return apierr.Denied.Detailed("requires " + role) // silent: the caller is known and may not act
	}
	return nil
}

// Verify checks a token its callers hand it.
func Verify(tok string) error {
	if tok != "good" {
		return errors.New("bad token")
	}
	return nil
}
