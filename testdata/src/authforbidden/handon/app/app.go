// Package app answers a failed verification through httpx.Error.
package app

import (
	"net/http"
	"strings"

	"authforbidden/handon/httpx"
	"authforbidden/handon/tokens"
)

// Guard checks bearer tokens.
func Guard(secret string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok {
			w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		if err := tokens.Verify(raw, secret); err != nil {
			httpx.Error(w, err) // want `403 answers an authentication failure`
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Busy answers an error of its own: never 403.
func Busy(w http.ResponseWriter, r *http.Request) {
	httpx.Error(w, httpx.ErrBusy) // silent
}
