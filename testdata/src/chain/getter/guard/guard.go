// Package guard answers a failed chain with the last scheme's challenge,
// read through the chain's getter.
package guard

import (
	"net/http"

	"chain/getter/auth"
)

// Guard checks requests with c.
func Guard(c *auth.Chain, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if c.Authenticate(r) {
			next.ServeHTTP(w, r)
			return
		}
		schemes := c.Schemes()
		if ch := schemes[len(schemes)-1].Challenge(); ch != "" { // want `challenge taken from the last of Chain.schemes whatever failed`
			w.Header().Set("WWW-Authenticate", ch)
		}
		w.WriteHeader(http.StatusUnauthorized)
	})
}

// First answers with the first scheme of a list of its own: a consumer of
// the same interface with another policy, so that a chain is judged by the
// consumers of the collection it becomes, not by the interface's.
func First(list []auth.Authenticator) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, s := range list {
			if s.Authenticate(r) == nil {
				return
			}
		}
		w.Header().Set("WWW-Authenticate", list[0].Challenge()) // want `challenge taken from list\[0\] whatever failed`
		w.WriteHeader(http.StatusUnauthorized)
	})
}
