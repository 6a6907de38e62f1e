// Package session checks a session cookie: a scheme without a challenge,
// whose failure 403 may answer.
package session

import (
	"net/http"

	"authforbidden/basemap/apierr"
)

var sessions = map[string]string{}

// User returns the session's user.
func User(r *http.Request) (string, error) {
	c, err := r.Cookie("session")
	if err != nil {
		return "", apierr.ErrNoSession
	}
	u, ok := sessions[c.Value]
	if !ok {
		return "", apierr.ErrNoSession
	}
	return u, nil
}
