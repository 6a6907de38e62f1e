package server

import (
	"net/http"

	"chain/auth"
)

// Guard tries its authenticators in order and, when all fail, takes the
// challenge from the first one: the DRF policy.
type Guard struct{ auths []auth.Authenticator }

// New returns a guard over auths.
func New(auths ...auth.Authenticator) *Guard { return &Guard{auths: auths} }

func (g *Guard) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, a := range g.auths {
		if u, err := a.Authenticate(r); err == nil && u != nil {
			return
		}
	}
	if c := g.auths[0].Challenge(r); c != "" { // want `challenge taken from Guard.auths\[0\] whatever failed: after trying every authenticator in Guard.auths, ask the one that failed for its Challenge \(keep it when its check fails, then break\)`
		w.Header().Set("WWW-Authenticate", c)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusForbidden)
}

// describe looks at one authenticator: no loop tried several here.
func describe(auths []auth.Authenticator, r *http.Request) string {
	return auths[0].Challenge(r)
}
