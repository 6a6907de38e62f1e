// Package tokenuse verifies bearer tokens with a token package that never
// imports net/http: what that package does with the text it is handed is
// learned from its code, and its errors are authentication failures here,
// where the package hands it a bearer token.
package tokenuse

import (
	"errors"
	"net/http"

	"tokens/token"
)

var errQuota = errors.New("quota exceeded")

// Server answers with the token package.
type Server struct{ signer *token.Signer }

// A bearer token cut by the token package is still the credential: its
// failed verification answered 403 is reported.
func (s *Server) report(w http.ResponseWriter, r *http.Request) {
	raw, ok := token.FromAuthorization(r.Header.Get("Authorization"))
	if !ok {
		w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	if _, err := s.signer.Verify(raw); err != nil {
		w.WriteHeader(http.StatusForbidden) // want `403 answers an authentication failure`
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// The same, answered as the protocol asks: silent.
func (s *Server) reportFixed(w http.ResponseWriter, r *http.Request) {
	raw, ok := token.FromAuthorization(r.Header.Get("Authorization"))
	if !ok {
		w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	if _, err := s.signer.Verify(raw); err != nil {
		w.Header().Set("WWW-Authenticate", `Bearer realm="api", error="invalid_token"`)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// renderError answers the errors the handlers return; it is handed errors
// of every kind, and answers token.ErrExpired, which the token package
// returns for the tokens this package hands it, with 403.
func renderError(w http.ResponseWriter, err error) {
	code := http.StatusInternalServerError
	switch {
	case errors.Is(err, token.ErrExpired):
		code = http.StatusForbidden // want `403 set here answers an authentication failure \(the error is ErrExpired\)`
	case errors.Is(err, errQuota):
		code = http.StatusForbidden
	}
	w.WriteHeader(code)
}

// OnError is the hook the router calls.
var OnError = renderError
