// Package sessions is a session store: it reads a cookie, so a check through
// it is challenge-less.
package sessions

import (
	"errors"
	"net/http"
)

// Session is a signed-in browser session.
type Session struct{ User string }

// Store keeps sessions.
type Store struct{ byID map[string]*Session }

// Get returns the request's session.
func (s *Store) Get(r *http.Request, name string) (*Session, error) { // want Get:`checks challenge-less credentials \(cookie\)`
	c, err := r.Cookie(name)
	if err != nil {
		return nil, err
	}
	sess, ok := s.byID[c.Value]
	if !ok {
		return nil, errors.New("no session")
	}
	return sess, nil
}
