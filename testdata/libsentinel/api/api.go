// Package api verifies bearer tokens with a library it does not own. The
// library's errors matched against the error of a failed verification are
// ways the verification said no; its own errors are judged by what the
// analysis reads of them (apperr.ErrFrozen: silent).
package api

import (
	"errors"
	"net/http"
	"strings"

	"example.com/app/apperr"
	"example.com/jwtlib"
)

// Handler answers a tampered token with 403.
func Handler(key []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok {
			w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		c, err := jwtlib.Parse(raw, key)
		if errors.Is(err, apperr.ErrFrozen) {
			http.Error(w, "account frozen", http.StatusForbidden)
			return
		}
		if errors.Is(err, jwtlib.ErrSignature) {
			http.Error(w, "tampered token", http.StatusForbidden) // want `403 answers an authentication failure \(the error is ErrSignature\)`
			return
		}
		if errors.Is(err, jwtlib.ErrExpired) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="api", error="invalid_token"`)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		if err != nil {
			w.Header().Set("WWW-Authenticate", `Bearer realm="api", error="invalid_token"`)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.Write([]byte(c.Subject))
	}
}
