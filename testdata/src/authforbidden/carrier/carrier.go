// Package carrier: handlers that answer through the service's own error
// type, built in one place and written by a helper of another package.
package carrier

import (
	"net/http"
	"strings"

	"authforbidden/carrier/apierr"
	"authforbidden/carrier/authn"
)

var tokens = &authn.Tokens{}

// Handler writes the problem its authenticator returned: reported once, in
// the authenticator, where the problem carrying 403 is returned.
func Handler(w http.ResponseWriter, r *http.Request) {
	if _, err := tokens.Authenticate(r); err != nil {
		apierr.Render(w, err) // silent here: the same cause as the authenticator's return
		return
	}
}

// Built builds the problem on the failure path and writes it once after.
func Built(w http.ResponseWriter, r *http.Request) {
	var perr error
	tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	if err := authn.Verify(tok); err != nil {
		perr = apierr.Make(http.StatusForbidden, "bad token") // want `403 set here answers an authentication failure \(the credential check Verify \(Authorization header\) failed\) where it is written \(carrier.go:32\)`
	}
	if perr != nil {
		apierr.Render(w, perr)
		return
	}
}

// Inline writes a problem built in the write itself.
func Inline(w http.ResponseWriter, r *http.Request) {
	tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	if err := authn.Verify(tok); err != nil {
		apierr.Render(w, apierr.Make(http.StatusForbidden, "bad token")) // want `403 answers an authentication failure \(the credential check Verify \(Authorization header\) failed\)`
		return
	}
}

// Roles answers a missing role after a good token: authorization.
func Roles(w http.ResponseWriter, r *http.Request) {
	id, err := tokens.Authenticate(r)
	if err != nil {
		apierr.Render(w, err)
		return
	}
	if err := authn.Require(id, "admin"); err != nil {
		apierr.Render(w, err) // silent: the caller is known and may not act
		return
	}
	if id.Name == "guest" {
		apierr.Render(w, apierr.Make(http.StatusForbidden, "guests may not")) // silent: authorization
		return
	}
}

// Session writes the session authenticator's 403: challenge-less.
func Session(w http.ResponseWriter, r *http.Request) {
	s := &authn.Sessions{}
	if _, err := s.Authenticate(r); err != nil {
		apierr.Render(w, err) // silent: a cookie session has no challenge
		return
	}
}

// Challenged sets the challenge before writing the problem.
func Challenged(w http.ResponseWriter, r *http.Request) {
	tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	if err := authn.Verify(tok); err != nil {
		w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
		apierr.Render(w, apierr.Make(http.StatusForbidden, "bad token")) // silent: a challenge was set on the way
		return
	}
}

// NotFound answers a failed check with a carrier of 404: not a 403.
func NotFound(w http.ResponseWriter, r *http.Request) {
	tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	if err := authn.Verify(tok); err != nil {
		apierr.Render(w, apierr.Missing) // silent: 404 hides the resource
		return
	}
}
