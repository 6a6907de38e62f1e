// Context of the README's authforbidden examples: a method handler of a
// server that verifies bearer tokens.
package example

import (
	"errors"
	"net/http"
	"strings"
)

// User is an authenticated caller.
type User struct{ Name string }

var errInvalidToken = errors.New("invalid token")

type Server struct{ key string }

// bearer returns the token of the Authorization header.
func bearer(r *http.Request) string {
	return strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
}

// VerifyToken returns the caller a valid token names.
func (s *Server) VerifyToken(token string) (*User, error) {
	if token == "" || token != s.key {
		return nil, errInvalidToken
	}
	return &User{Name: "subject"}, nil
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	//docs:example
	w.WriteHeader(http.StatusNoContent)
}
