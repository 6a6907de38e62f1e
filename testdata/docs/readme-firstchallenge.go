// Context of the README's firstchallenge bad example: a handler of a server
// that tries its authenticators in order, then answers 401.
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
	//docs:example
	w.WriteHeader(http.StatusUnauthorized)
}

var _ = errors.New
