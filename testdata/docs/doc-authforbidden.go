// Context of the authforbidden doc examples: a method handler of a server
// that checks Basic credentials.
package example

import (
	"crypto/subtle"
	"net/http"
)

type Server struct{ user, pass string }

// check compares the credentials in constant time.
func (s *Server) check(user, pass string) bool {
	return subtle.ConstantTimeCompare([]byte(user), []byte(s.user)) == 1 &&
		subtle.ConstantTimeCompare([]byte(pass), []byte(s.pass)) == 1
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	//docs:example
	w.WriteHeader(http.StatusNoContent)
}
