// Package server holds the positional consumer of the docs' chainorder
// example: Guard answers every failure with the challenge of its first
// authenticator, as Django REST Framework does.
package server

import (
	"net/http"

	"docs/auth"
)

// Guard tries its authenticators in order.
type Guard struct{ auths []auth.Authenticator }

// New returns a guard over auths.
func New(auths ...auth.Authenticator) *Guard { return &Guard{auths: auths} }

func (g *Guard) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, a := range g.auths {
		if u, err := a.Authenticate(r); err == nil && u != nil {
			return
		}
	}
	if c := g.auths[0].Challenge(r); c != "" {
		w.Header().Set("WWW-Authenticate", c)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusForbidden)
}
