// Package funcval: HTTP middleware that runs its credential check through
// a function value; the check is what the known values of the function's
// type (or those the package hands the parameter) read.
package funcval

import (
	"net/http"
	"strings"

	"failure/tokens"
)

// Authn authenticates a request and returns its subject.
type Authn func(r *http.Request) (string, error)

// Probe inspects a request; its values read no credentials.
type Probe func(r *http.Request) (string, error)

// Bearer is an Authn over bearer tokens.
func Bearer(now int64) Authn {
	return func(r *http.Request) (string, error) {
		tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok {
			return "", http.ErrNoCookie
		}
		return tokens.Parse(tok, now)
	}
}

// Path is a Probe.
func Path(r *http.Request) (string, error) {
	if r.URL.Path == "" {
		return "", http.ErrMissingFile
	}
	return r.URL.Path, nil
}

var probes = []Probe{Path}

// Require answers a failed Authn with 403.
func Require(a Authn, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sub, err := a(r)
		if err != nil {
			w.WriteHeader(http.StatusForbidden) // want `403 answers an authentication failure`
			return
		}
		if sub != "admin" {
			w.WriteHeader(http.StatusForbidden) // silent: authenticated, not allowed
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Inspect answers a failed Probe with 403.
func Inspect(p Probe, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := p(r); err != nil {
			w.WriteHeader(http.StatusForbidden) // silent: a Probe checks no credentials
			return
		}
		next.ServeHTTP(w, r)
	})
}

func sessionOf(r *http.Request) (string, error) {
	c, err := r.Cookie("sid")
	if err != nil {
		return "", err
	}
	return c.Value, nil
}

// guard takes its check as a parameter; the package hands it a session
// reader, which has no challenge.
func guard(check func(*http.Request) (string, error), next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := check(r); err != nil {
			w.WriteHeader(http.StatusForbidden) // silent: a cookie session has no challenge
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Portal is the session-only part of the site.
var Portal = guard(sessionOf, http.NotFoundHandler())
