// Package view holds the positional consumer of the docs' chainorder
// examples, laid out as Django REST Framework's APIView: ServeHTTP tries
// the authenticators in order, and another method answers the failure with
// the challenge of the first one.
package view

import (
	"net/http"

	"docs/auth"
)

// View serves h to requests one of its authenticators accepts.
type View struct {
	h     http.Handler
	auths []auth.Authenticator
}

// NewView returns a view of h behind auths, tried in order.
func NewView(h http.Handler, auths ...auth.Authenticator) *View {
	return &View{h: h, auths: auths}
}

func (v *View) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, a := range v.auths {
		if u, err := a.Authenticate(r); err == nil && u != nil {
			v.h.ServeHTTP(w, r)
			return
		}
	}
	v.permissionDenied(w, r)
}

// permissionDenied answers 401 with the challenge of the first
// authenticator, or 403 when it has none, as DRF does.
func (v *View) permissionDenied(w http.ResponseWriter, r *http.Request) {
	if c := v.auths[0].Challenge(r); c != "" {
		w.Header().Set("WWW-Authenticate", c)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusForbidden)
}
