// Package namedtype: the chain is a named slice type whose methods loop in
// one place and ask a fixed position in another; the collection is the
// type wherever its methods take it.
package namedtype

import (
	"net/http"

	"chain/auth"
)

// Chain tries its authenticators in order.
type Chain []auth.Authenticator

// Resolve returns the first user a scheme accepts.
func (c Chain) Resolve(r *http.Request) (*auth.User, error) {
	var last error
	for _, a := range c {
		u, err := a.Authenticate(r)
		if err != nil {
			last = err
			continue
		}
		return u, nil
	}
	return nil, last
}

// challenge asks the first scheme, whatever failed.
func (c Chain) challenge(r *http.Request) string {
	if len(c) == 0 {
		return ""
	}
	return c[0].Challenge(r) // want `challenge taken from c\[0\] whatever failed`
}

// ServeHTTP answers a failed request with the first scheme's challenge.
func (c Chain) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if _, err := c.Resolve(r); err != nil {
		if ch := c.challenge(r); ch != "" {
			w.Header().Set("WWW-Authenticate", ch)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.WriteHeader(http.StatusForbidden)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// Site puts the session first: every failed bearer request gets a 403.
var Site = Chain{
	auth.SessionAuth{}, // want `SessionAuth is challenge-less but sits first`
	auth.BearerAuth{},
}

// API puts the bearer scheme first: silent.
var API = Chain{
	auth.BearerAuth{},
	auth.SessionAuth{},
}
