// Package gate answers with token.StatusFor, which maps the claims
// library's stale error to 403: a call given the error of a failed
// verification may be given any of the library's errors, and answer 403;
// one given an error of its own may not.
package gate

import (
	"errors"
	"net/http"
	"strings"

	"example.com/app/token"
)

var errLocked = errors.New("locked")

func challenge(w http.ResponseWriter, status int) {
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
	}
	w.WriteHeader(status)
}

// Guard answers a failed verification with the status StatusFor maps its
// error to: 403 for a stale token.
func Guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok {
			challenge(w, http.StatusUnauthorized)
			return
		}
		if _, err := token.Verify(raw); err != nil {
			st := token.StatusFor(err)
			if st == http.StatusUnauthorized {
				w.Header().Set("WWW-Authenticate", `Bearer realm="api", error="invalid_token"`)
			}
			w.WriteHeader(st) // want `403 answers an authentication failure`
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Locked answers with StatusFor an error that is none of the library's:
// it cannot be 403.
func Locked(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("locked") != "" {
		st := token.StatusFor(errLocked)
		if st == http.StatusUnauthorized {
			w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
		}
		w.WriteHeader(st) // silent: errLocked is never 403
	}
}
