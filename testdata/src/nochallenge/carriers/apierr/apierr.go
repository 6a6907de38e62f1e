// Package apierr is an error library of the service's own: constructors
// return a value whose Code field holds the status, refined by With…
// methods that return a copy.
package apierr

import (
	"errors"
	"net/http"
)

// Error is an API error with the status it is answered with.
type Error struct {
	Code   int
	Reason string
}

func (e *Error) Error() string { return e.Reason }

// WithReason returns a copy with another reason.
func (e Error) WithReason(reason string) *Error {
	e.Reason = reason
	return &e
}

// Unauthorized is the answer to missing or bad credentials.
func Unauthorized() *Error { return &Error{Code: http.StatusUnauthorized, Reason: "unauthorized"} }

// Forbidden is the answer to a caller that may not act.
func Forbidden() *Error { return &Error{Code: http.StatusForbidden, Reason: "forbidden"} }

// New builds an error with the status it is given: it carries no status
// of its own.
func New(code int, reason string) *Error { return &Error{Code: code, Reason: reason} }

// ErrExpired is a package-level carrier.
var ErrExpired = &Error{Code: http.StatusUnauthorized, Reason: "token expired"}

// Write answers with the status err carries (500 for other errors).
func Write(w http.ResponseWriter, err error) {
	var e *Error
	if errors.As(err, &e) {
		w.WriteHeader(e.Code)
		return
	}
	w.WriteHeader(http.StatusInternalServerError)
}
