// Context of the firstchallenge doc's bad example: a server method that
// tries the authenticators in order and answers 401 when all fail.
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

func (s *Server) Authenticate(w http.ResponseWriter, r *http.Request) (string, error) {
	//docs:example
	w.WriteHeader(http.StatusUnauthorized)
	return "", errors.New("unauthenticated")
}
