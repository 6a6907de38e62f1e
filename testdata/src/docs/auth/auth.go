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

var errBadCredentials = errors.New("bad credentials")

// Authenticator is one way to authenticate a request, as in Django REST
// Framework: Authenticate returns nil and no error when the request carries
// none of its credentials, and an error when it carries them and they are
// wrong. Challenge names its scheme for a failed request, "" when it has
// none.
type Authenticator interface {
	Authenticate(r *http.Request) (*User, error)
	Challenge(r *http.Request) string
}

// SessionAuth reads a session cookie: it has no challenge.
type SessionAuth struct{}

func (SessionAuth) Authenticate(r *http.Request) (*User, error) {
	c, err := r.Cookie("session")
	if err != nil {
		return nil, nil
	}
	if c.Value == "" {
		return nil, errBadCredentials
	}
	return &User{Name: c.Value}, nil
}

func (SessionAuth) Challenge(r *http.Request) string { return "" }

// TokenAuth reads "Token <key>".
type TokenAuth struct{}

func (TokenAuth) Authenticate(r *http.Request) (*User, error) {
	key, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Token ")
	if !ok {
		return nil, nil
	}
	if key == "" {
		return nil, errBadCredentials
	}
	return &User{Name: "token"}, nil
}

func (TokenAuth) Challenge(r *http.Request) string { return `Token realm="api"` }

// BearerAuth reads an OAuth 2 bearer token.
type BearerAuth struct{}

func (BearerAuth) Authenticate(r *http.Request) (*User, error) {
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return nil, nil
	}
	if token == "" {
		return nil, errBadCredentials
	}
	return &User{Name: "bearer"}, nil
}

func (BearerAuth) Challenge(r *http.Request) string { return `Bearer realm="api"` }
