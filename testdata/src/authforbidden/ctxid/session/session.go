// Package session signs browser users in by cookie.
package session

import (
	"net/http"

	"authforbidden/ctxid/ident"
)

// Store finds the principal of a session.
type Store interface {
	Lookup(id string) (*ident.Principal, bool)
}

// Load sends visitors without a session to the sign-in page.
func Load(s Store) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			c, err := r.Cookie("sid")
			if err != nil {
				http.Redirect(w, r, "/signin", http.StatusFound)
				return
			}
			p, ok := s.Lookup(c.Value)
			if !ok {
				http.Redirect(w, r, "/signin", http.StatusFound)
				return
			}
			next.ServeHTTP(w, r.WithContext(ident.WithPrincipal(r.Context(), p)))
		})
	}
}
