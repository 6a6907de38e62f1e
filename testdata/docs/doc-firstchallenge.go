// Context of the firstchallenge doc's second good example: the bad
// example's view, whose deny sets every scheme's challenge in place of the
// lookup on v.auths[0].
package example

import (
	"net/http"

	"docs/auth"
)

type View struct {
	auths []auth.Authenticator
}

func (v *View) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, a := range v.auths {
		if u, err := a.Authenticate(r); err == nil && u != nil {
			return
		}
	}
	v.deny(w, r)
}

func (v *View) deny(w http.ResponseWriter, r *http.Request) {
	//docs:example
}
