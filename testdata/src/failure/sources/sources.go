package sources

import (
	"errors"
	"net/http"
)

var errNo = errors.New("no") // want errNo:`unauthenticated \(challenge-bearing\)`

// User is a caller.
type User struct{}

// FromSession reads the session cookie: a challenge-less scheme.
func FromSession(r *http.Request) (*User, error) { // want FromSession:`checks challenge-less credentials \(cookie\)`
	if _, err := r.Cookie("sid"); err != nil {
		return nil, errNo
	}
	return &User{}, nil
}

// FromBasic reads Basic credentials: challenge-bearing.
func FromBasic(r *http.Request) (*User, error) { // want FromBasic:`checks challenge-bearing credentials \(Basic credentials\)`
	if _, _, ok := r.BasicAuth(); !ok {
		return nil, errNo
	}
	return &User{}, nil
}

// FromKey reads an API key header: challenge-less.
func FromKey(r *http.Request) (*User, error) { // want FromKey:`checks challenge-less credentials \(X-Api-Key header\)`
	if r.Header.Get("X-Api-Key") == "" {
		return nil, errNo
	}
	return &User{}, nil
}

// Path is not a credential check.
func Path(r *http.Request) string { return r.URL.Path }
