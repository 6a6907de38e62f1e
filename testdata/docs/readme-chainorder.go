// Context of the README's chainorder bad example: a router with a session
// middleware that redirects and a bearer middleware that challenges, and
// docs/view's View, which asks its first authenticator for the challenge.
package example

import (
	"net/http"

	"docs/auth"
	. "docs/view"

	"github.com/go-chi/chi/v5"
)

// RequireSession redirects requests without a session to the login page.
func RequireSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := r.Cookie("session"); err != nil {
			http.Redirect(w, r, "/login", http.StatusFound)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// RequireBearer challenges requests without a bearer token.
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

func Routes(h http.Handler) http.Handler {
	r := chi.NewRouter()
	//docs:example
	return r
}

var _ = auth.SessionAuth{}
