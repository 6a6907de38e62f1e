// Context of the chainorder doc's good example: the bad example's handler,
// whose failure answer asks auths[0] for the challenge, with the reordered
// literal in place of the bad one.
package example

import (
	"net/http"
	"strings"
)

type Authenticator interface {
	Authenticate(r *http.Request) (string, bool)
	Challenge(r *http.Request) string
}

// SessionAuth reads a session cookie: no challenge.
type SessionAuth struct{}

func (*SessionAuth) Authenticate(r *http.Request) (string, bool) {
	c, err := r.Cookie("session")
	if err != nil {
		return "", false
	}
	return c.Value, true
}

func (*SessionAuth) Challenge(r *http.Request) string { return "" }

// TokenAuth reads "Token <key>".
type TokenAuth struct{}

func (*TokenAuth) Authenticate(r *http.Request) (string, bool) {
	return "token", strings.HasPrefix(r.Header.Get("Authorization"), "Token ")
}

func (*TokenAuth) Challenge(r *http.Request) string { return `Token realm="api"` }

// BearerAuth reads an OAuth 2 bearer token.
type BearerAuth struct{}

func (*BearerAuth) Authenticate(r *http.Request) (string, bool) {
	return "bearer", strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ")
}

func (*BearerAuth) Challenge(r *http.Request) string { return `Bearer realm="api"` }

func Handler(w http.ResponseWriter, r *http.Request) {
	//docs:example
	w.Header().Set("WWW-Authenticate", auths[0].Challenge(r))
	w.WriteHeader(http.StatusUnauthorized)
}
