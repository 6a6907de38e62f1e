// Package compose stacks middleware with the composers of package stack:
// the order their loops make decides which runs first.
package compose

import (
	"net/http"

	"chain/compose/stack"
)

// RequireSession answers 401 without a challenge when no session cookie.
func RequireSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := r.Cookie("session"); err != nil {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// RequireBearer challenges.
func RequireBearer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Routes wires the stacks.
func Routes(h http.Handler) {
	_ = stack.Chain(RequireSession, RequireBearer) // want `RequireSession rejects requests without a challenge \(401/403 or a redirect\) and runs before RequireBearer`
	_ = stack.Chain(RequireBearer, RequireSession)
	_ = stack.Compose(h, RequireBearer, RequireSession) // want `RequireSession rejects requests without a challenge \(401/403 or a redirect\) and runs before RequireBearer`
	_ = stack.Compose(h, RequireSession, RequireBearer)
	admin := []stack.Middleware{RequireSession, RequireBearer} // want `RequireSession rejects requests without a challenge`
	_ = stack.Chain(admin...)
	_ = stack.Each(h, RequireSession, RequireBearer)
}
