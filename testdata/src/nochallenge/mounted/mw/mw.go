// Package mw holds the middleware the mounted fixture wraps its handlers in.
package mw

import "net/http"

// Middleware wraps a handler.
type Middleware func(http.Handler) http.Handler

// ChallengeOn401 sets the challenge on every request before the handler
// runs, so that the handler may answer a bare 401.
func ChallengeOn401(challenge string) Middleware {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("WWW-Authenticate", challenge)
			next.ServeHTTP(w, r)
		})
	}
}

// Logged logs and sets nothing.
func Logged(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r)
	})
}

// ChallengeIfAPI sets the challenge only under /api/: not on every path.
func ChallengeIfAPI(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if len(r.URL.Path) > 5 && r.URL.Path[:5] == "/api/" {
			w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
		}
		next.ServeHTTP(w, r)
	})
}
