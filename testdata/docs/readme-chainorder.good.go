// Context of the README's chainorder good example: the bad example's
// router, with a bearer middleware that lets requests without a token
// through (and challenges a token it cannot verify), and docs/view's View,
// which asks its first authenticator for the challenge.
package example

import (
	"context"
	"net/http"
	"strings"

	"docs/auth"
	. "docs/view"

	"github.com/go-chi/chi/v5"
)

type userKey struct{}

// RequireSession redirects requests that are neither authenticated yet nor
// carry a session to the login page.
func RequireSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Context().Value(userKey{}) != nil {
			next.ServeHTTP(w, r)
			return
		}
		if _, err := r.Cookie("session"); err != nil {
			http.Redirect(w, r, "/login", http.StatusFound)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// RequireBearer challenges a bearer token it cannot verify, marks a request
// with a good one as authenticated, and lets requests without one through.
func RequireBearer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok {
			next.ServeHTTP(w, r)
			return
		}
		if token != "secret" {
			w.Header().Set("WWW-Authenticate", `Bearer realm="api", error="invalid_token"`)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey{}, "bearer")))
	})
}

func Routes(h http.Handler) http.Handler {
	r := chi.NewRouter()
	//docs:example
	return r
}

var _ = auth.SessionAuth{}
