// Context of the README's firstchallenge good example: the bad example's
// handler, with the challenges set as the good example does in place of the
// lookup on s.auths[0].
package example

import (
	"errors"
	"net/http"
)

type Authenticator interface {
	Authenticate(r *http.Request) (string, error)
	Challenge(r *http.Request) string
}

type Server struct{ auths []Authenticator }

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, a := range s.auths {
		if _, err := a.Authenticate(r); err == nil {
			return
		}
	}
	//docs:example
	w.WriteHeader(http.StatusUnauthorized)
}

var _ = errors.New
