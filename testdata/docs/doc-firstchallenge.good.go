// Context of the firstchallenge doc's good example: the bad example's
// method, with every scheme's challenge set in place of the lookup on
// s.auths[0].
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
	for _, a := range s.auths {
		if id, err := a.Authenticate(r); err == nil {
			return id, nil
		}
	}
	//docs:example
	w.WriteHeader(http.StatusUnauthorized)
	return "", errors.New("unauthenticated")
}
