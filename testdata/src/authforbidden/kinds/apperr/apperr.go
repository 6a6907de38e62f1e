// Package apperr is a team's error type: each kind has its HTTP status and
// gRPC code in a table, and the constructors look them up.
package apperr

import (
	"net/http"

	"google.golang.org/grpc/codes"
)

// Kind classifies an error.
type Kind int

const (
	KindInternal Kind = iota
	KindUnauthenticated
	KindTokenExpired
	KindForbidden
)

var statusByKind = map[Kind]int{
	KindInternal:        http.StatusInternalServerError,
	KindUnauthenticated: http.StatusUnauthorized,
	KindTokenExpired:    http.StatusForbidden, // want `status mapping at apperr.go:24 answers apperr.KindTokenExpired with 403, and the packages that import it return errors of that kind when authentication fails`
	KindForbidden:       http.StatusForbidden,
}

var codeByKind = map[Kind]codes.Code{
	KindInternal:        codes.Internal,
	KindUnauthenticated: codes.Unauthenticated,
	KindTokenExpired:    codes.Unauthenticated,
	KindForbidden:       codes.PermissionDenied,
}

// Error carries its status.
type Error struct {
	Kind   Kind
	Status int
	Code   codes.Code
	Msg    string
	Err    error
}

func (e *Error) Error() string { return e.Msg }

// New builds an error of a kind, with the kind's status and code.
func New(kind Kind, msg string) *Error {
	return &Error{Kind: kind, Status: statusByKind[kind], Code: codeByKind[kind], Msg: msg}
}

// Wrap is New with a cause.
func Wrap(kind Kind, msg string, err error) *Error {
	e := New(kind, msg)
	e.Err = err
	return e
}

// Forbidden is for a known caller who may not act.
func Forbidden(msg string) *Error { return New(KindForbidden, msg) }

// Write answers with the error's status.
func Write(w http.ResponseWriter, err error) {
	if e, ok := err.(*Error); ok {
		w.WriteHeader(e.Status)
		return
	}
	w.WriteHeader(http.StatusInternalServerError)
}
