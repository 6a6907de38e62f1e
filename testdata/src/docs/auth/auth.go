// Package auth holds the schemes of the docs' chain examples: a session
// cookie (no challenge), a token and a bearer scheme (with challenges).
package auth

import (
	"errors"
	"net/http"
	"strings"
)

// User is an authenticated caller.
type User struct{ Name string }

var errNoCredentials = errors.New("no credentials")

// Authenticator is one way to authenticate a request; Challenge names its
// scheme for a failed request, "" when it has none.
type Authenticator interface {
	Authenticate(r *http.Request) (*User, error)
	Challenge(r *http.Request) string
}

// SessionAuth reads a session cookie: it has no challenge.
type SessionAuth struct{}

func (SessionAuth) Authenticate(r *http.Request) (*User, error) {
	c, err := r.Cookie("session")
	if err != nil {
		return nil, errNoCredentials
	}
	return &User{Name: c.Value}, nil
}

func (SessionAuth) Challenge(r *http.Request) string { return "" }

// TokenAuth reads "Token <key>".
type TokenAuth struct{}

func (TokenAuth) Authenticate(r *http.Request) (*User, error) {
	if !strings.HasPrefix(r.Header.Get("Authorization"), "Token ") {
		return nil, errNoCredentials
	}
	return &User{Name: "token"}, nil
}

func (TokenAuth) Challenge(r *http.Request) string { return `Token realm="api"` }

// BearerAuth reads an OAuth 2 bearer token.
type BearerAuth struct{}

func (BearerAuth) Authenticate(r *http.Request) (*User, error) {
	if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") {
		return nil, errNoCredentials
	}
	return &User{Name: "bearer"}, nil
}

func (BearerAuth) Challenge(r *http.Request) string { return `Bearer realm="api"` }
