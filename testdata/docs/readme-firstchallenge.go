// Context of the README's firstchallenge bad example: a view laid out as
// Django REST Framework's APIView, whose ServeHTTP tries its authenticators
// in order and calls deny when all fail.
package example

import (
	"net/http"

	"docs/auth"
)

type View struct {
	h     http.Handler
	auths []auth.Authenticator
}

func (v *View) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, a := range v.auths {
		if u, err := a.Authenticate(r); err == nil && u != nil {
			v.h.ServeHTTP(w, r)
			return
		}
	}
	v.deny(w, r)
}

//docs:example
