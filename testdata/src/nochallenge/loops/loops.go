// Package loops: a challenge added for each scheme of a chain counts as set
// after the loop, as the docs advise.
package loops

import "net/http"

type authenticator interface {
	Authenticate(r *http.Request) error
	Challenge() string
}

type chain struct{ auths []authenticator }

// ServeHTTP tries every scheme, then challenges with all of them.
func (c *chain) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, a := range c.auths {
		if a.Authenticate(r) == nil {
			return
		}
	}
	for _, a := range c.auths {
		if ch := a.Challenge(); ch != "" {
			w.Header().Add("WWW-Authenticate", ch)
		}
	}
	if len(c.auths) == 0 {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	http.Error(w, "unauthorized", http.StatusUnauthorized) // silent
}

// Challenges ranges over a list of challenge strings.
func Challenges(w http.ResponseWriter, r *http.Request) {
	for _, ch := range []string{`Bearer realm="api"`, `Basic realm="api"`} {
		w.Header().Add("WWW-Authenticate", ch)
	}
	w.WriteHeader(http.StatusUnauthorized) // silent
}

// Unrelated sets another header in its loop.
func Unrelated(w http.ResponseWriter, r *http.Request) {
	for _, v := range []string{"a", "b"} {
		w.Header().Add("Vary", v)
	}
	w.WriteHeader(http.StatusUnauthorized) // want `401 response without a WWW-Authenticate challenge`
}
