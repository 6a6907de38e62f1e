// Package apperr's errors carry their status and, for a 401, the challenge
// to send: Write sets WWW-Authenticate only when the error has one, so an
// error built without it answers 401 with no challenge.
package apperr

import (
	"errors"
	"net/http"
)

// Error is a status, a challenge for 401s, and a message.
type Error struct {
	Status    int
	Challenge string
	Msg       string
}

func (e *Error) Error() string { return e.Msg }

// Unauthorized asks for the given challenge.
func Unauthorized(challenge, msg string) *Error {
	return &Error{Status: http.StatusUnauthorized, Challenge: challenge, Msg: msg}
}

// SignIn is a 401 without a challenge.
func SignIn(msg string) *Error {
	return &Error{Status: http.StatusUnauthorized, Msg: msg}
}

// Write answers err.
func Write(w http.ResponseWriter, err error) {
	var e *Error
	if !errors.As(err, &e) {
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	if e.Challenge != "" {
		w.Header().Set("WWW-Authenticate", e.Challenge)
	}
	w.WriteHeader(e.Status)
}
