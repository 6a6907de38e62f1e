// Context of the firstchallenge doc's first good example: the bad
// example's view, whose ServeHTTP keeps the authenticator that failed and
// asks it for the challenge, and offers every scheme's challenge when no
// scheme's credentials were sent.
package example

import (
	"net/http"

	"docs/auth"
)

type Authenticator = auth.Authenticator

type View struct {
	auths []Authenticator
}

func (v *View) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	//docs:example
	for _, a := range v.auths {
		if c := a.Challenge(r); c != "" {
			w.Header().Add("WWW-Authenticate", c)
		}
	}
	w.WriteHeader(http.StatusUnauthorized)
}
