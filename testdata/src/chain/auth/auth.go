package auth

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
)

// User is an authenticated caller.
type User struct{ Name string }

var errNoCredentials = errors.New("no credentials")

// Authenticator is one way to authenticate a request; Challenge names the
// scheme for a failed request ("" when it has none).
type Authenticator interface {
	Authenticate(r *http.Request) (*User, error)
	Challenge(r *http.Request) string
}

// SessionAuth reads a session cookie: no challenge.
type SessionAuth struct{}

func (SessionAuth) Authenticate(r *http.Request) (*User, error) {
	c, err := r.Cookie("session")
	if err != nil {
		return nil, errNoCredentials
	}
	return &User{Name: c.Value}, nil
}

func (SessionAuth) Challenge(r *http.Request) string { return "" } // want Challenge:`returns ""`

// TokenAuth is a token scheme with a realm.
type TokenAuth struct{ Realm string }

func (t *TokenAuth) Authenticate(r *http.Request) (*User, error) {
	if r.Header.Get("Authorization") == "" {
		return nil, errNoCredentials
	}
	return &User{Name: "token"}, nil
}

func (t *TokenAuth) Challenge(r *http.Request) string { // want Challenge:`returns challenge "Token realm=\\""`
	return `Token realm="` + t.Realm + `"`
}

// BearerAuth is OAuth 2 bearer authentication.
type BearerAuth struct{ realm string }

func (b BearerAuth) Authenticate(r *http.Request) (*User, error) { return nil, errNoCredentials }

func (b BearerAuth) Challenge(r *http.Request) string { // want Challenge:`returns challenge "Bearer realm="`
	return fmt.Sprintf("Bearer realm=%q", b.realm)
}

// BasicAuth answers with a quoted realm.
type BasicAuth struct{ realm string }

func (b BasicAuth) Authenticate(r *http.Request) (*User, error) {
	if _, _, ok := r.BasicAuth(); !ok {
		return nil, errNoCredentials
	}
	return &User{}, nil
}

func (b BasicAuth) Challenge(r *http.Request) string { // want Challenge:`returns challenge "Basic realm="`
	return "Basic realm=" + strconv.Quote(b.realm)
}

// APIKeyAuth reads a key from a custom header: no challenge.
type APIKeyAuth struct{}

func (APIKeyAuth) Authenticate(r *http.Request) (*User, error) { return nil, errNoCredentials }

func (APIKeyAuth) Challenge(r *http.Request) string { return "" } // want Challenge:`returns ""`

// DynamicAuth's challenge comes from configuration: unknown.
type DynamicAuth struct{ challenge string }

func (d DynamicAuth) Authenticate(r *http.Request) (*User, error) { return nil, errNoCredentials }

func (d DynamicAuth) Challenge(r *http.Request) string { return d.challenge }
