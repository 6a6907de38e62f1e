// Context of the nochallenge doc examples: the failure answer of a
// net/http server that tried its authenticators in order.
package example

import (
	"net/http"

	"docs/auth"
)

type Server struct {
	h     http.Handler
	auths []auth.Authenticator
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, a := range s.auths {
		if u, err := a.Authenticate(r); err == nil && u != nil {
			s.h.ServeHTTP(w, r)
			return
		}
	}
	s.deny(w, r)
}

func (s *Server) deny(w http.ResponseWriter, r *http.Request) {
	//docs:example
}
