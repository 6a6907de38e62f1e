// Package mw tries its schemes in order and answers with the challenge
// ChallengeFor gives for one of them.
package mw

import (
	"net/http"

	"chain/optional/authn"
)

// First answers with the first scheme's challenge, whatever failed.
func First(schemes []authn.Authenticator) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, s := range schemes {
			if s.Authenticate(r) == nil {
				return
			}
		}
		if ch := authn.ChallengeFor(schemes[0], r); ch != "" { // want `challenge taken from schemes\[0\] whatever failed`
			w.Header().Set("WWW-Authenticate", ch)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.WriteHeader(http.StatusForbidden)
	})
}

// Failing answers with the challenge of the scheme that failed: silent.
func Failing(schemes []authn.Authenticator) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, s := range schemes {
			if s.Authenticate(r) == nil {
				return
			}
			if ch := authn.ChallengeFor(s, r); ch != "" { // silent: the one tried
				w.Header().Set("WWW-Authenticate", ch)
				w.WriteHeader(http.StatusUnauthorized)
				return
			}
		}
		w.WriteHeader(http.StatusForbidden)
	})
}
