// Package apperr is a service's error package: errors carry a code, and a
// table maps each code to the status the error is answered with. The code
// is a kind field: an error built with a constant code carries its entry's
// status, wherever it is written.
package apperr

import (
	"errors"
	"net/http"
)

// Code names what went wrong.
type Code string

const (
	CodeInternal        Code = "internal"
	CodeNotFound        Code = "not_found"
	CodeUnauthenticated Code = "unauthenticated"
	CodePermission      Code = "permission_denied"
)

var statusByCode = map[Code]int{
	CodeInternal:        http.StatusInternalServerError,
	CodeNotFound:        http.StatusNotFound,
	CodeUnauthenticated: http.StatusUnauthorized,
	CodePermission:      http.StatusForbidden,
}

// Error is the error handlers write.
type Error struct {
	Code Code
	Msg  string
	Err  error
}

func (e *Error) Error() string { return e.Msg }

func (e *Error) Unwrap() error { return e.Err }

// Wrap attaches a code to an error.
func Wrap(code Code, msg string, err error) *Error {
	return &Error{Code: code, Msg: msg, Err: err}
}

// Denied is a permission error: the package gives CodePermission its
// meaning, authorization.
func Denied(msg string) *Error {
	return &Error{Code: CodePermission, Msg: msg}
}

// StatusOf is the status err is answered with.
func StatusOf(err error) int {
	var e *Error
	if !errors.As(err, &e) {
		return http.StatusInternalServerError
	}
	if s, ok := statusByCode[e.Code]; ok {
		return s
	}
	return http.StatusInternalServerError
}

// HTTPStatus is the status the error is answered with: its code's.
func (e *Error) HTTPStatus() int {
	if s, ok := statusByCode[e.Code]; ok {
		return s
	}
	return http.StatusInternalServerError
}

// Respond answers an *Error with the status its code maps to, through a
// method of the error, and any other error with 500.
func Respond(w http.ResponseWriter, err error) {
	var e *Error
	if errors.As(err, &e) {
		writeErr(w, e)
		return
	}
	w.WriteHeader(http.StatusInternalServerError)
}

func writeErr(w http.ResponseWriter, e *Error) {
	w.WriteHeader(e.HTTPStatus())
}

// Write answers err with its status.
func Write(w http.ResponseWriter, err error) {
	w.WriteHeader(StatusOf(err))
	_, _ = w.Write([]byte(err.Error()))
}
