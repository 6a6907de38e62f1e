// Package apierr declares the service's errors and the statuses they are
// answered with. Which of them are authentication failures is known only
// to the packages that return them (bearer, session, authz), which import
// this one: they report the mappings below.
package apierr

import (
	"errors"
	"net/http"

	"google.golang.org/grpc/codes"
)

var (
	ErrBadToken   = errors.New("bad token")
	ErrExpired    = errors.New("token expired")
	ErrRevoked    = errors.New("token revoked")
	ErrNoSession  = errors.New("no session")
	ErrForbidden  = errors.New("forbidden")
	ErrAccepted   = errors.New("accepted")
	ErrOldClients = errors.New("old clients")
	ErrUnused     = errors.New("never returned")
)

var statusByErr = map[error]int{
	ErrBadToken:   http.StatusForbidden, // want `status mapping at apierr.go:[0-9]+ answers apierr.ErrBadToken with 403, and the packages that import it return that error when authentication fails`
	ErrNoSession:  http.StatusForbidden, // a cookie session has no challenge: 403 is its answer
	ErrForbidden:  http.StatusForbidden, // an authorisation decision, not a failed credential
	ErrUnused:     http.StatusForbidden, // no package returns it
	ErrOldClients: http.StatusForbidden, //authchallenge:ignore authforbidden old clients retry forever on 401
}

// Status answers err with a status.
func Status(err error) int {
	if s, ok := statusByErr[err]; ok {
		return s
	}
	switch {
	case errors.Is(err, ErrExpired):
		return http.StatusForbidden // want `status mapping at apierr.go:[0-9]+ answers apierr.ErrExpired with 403`
	case err == ErrRevoked:
		return http.StatusForbidden // want `status mapping at apierr.go:[0-9]+ answers apierr.ErrRevoked with 403`
	}
	if !errors.Is(err, ErrAccepted) {
		return http.StatusForbidden // not ErrAccepted: this branch is taken when the match fails
	}
	return http.StatusOK
}

// Kind classifies an Error.
type Kind int

const (
	KindInternal Kind = iota
	KindExpired
	KindDenied
	KindStale
)

// Error is the service's error: its kind decides the status.
type Error struct{ Kind Kind }

func (e *Error) Error() string { return "error" }

var statusByKind = map[Kind]int{
	KindInternal: http.StatusInternalServerError,
	KindExpired:  http.StatusForbidden, // want `status mapping at apierr.go:[0-9]+ answers apierr.KindExpired with 403, and the packages that import it return errors of that kind when authentication fails`
	KindDenied:   http.StatusForbidden, // an authorisation decision
	KindStale:    http.StatusForbidden, // want `status mapping at apierr.go:[0-9]+ answers apierr.KindStale with 403`
}

// Failure carries the status of its kind, looked up when it is built.
type Failure struct {
	Kind   Kind
	Status int
}

func (f *Failure) Error() string { return "failure" }

// Fail builds a Failure of kind k.
func Fail(k Kind) *Failure { return &Failure{Kind: k, Status: statusByKind[k]} }

// Write answers with err's status.
func Write(w http.ResponseWriter, err error) {
	var f *Failure
	if errors.As(err, &f) {
		w.WriteHeader(f.Status)
		return
	}
	w.WriteHeader(http.StatusInternalServerError)
}

// KindStatus answers an Error with the status of its kind.
func KindStatus(err error) int {
	var e *Error
	if errors.As(err, &e) {
		return statusByKind[e.Kind]
	}
	return http.StatusInternalServerError
}

var codeByErr = map[error]codes.Code{
	ErrBadToken:  codes.PermissionDenied, // want `code mapping at apierr.go:[0-9]+ answers apierr.ErrBadToken with PermissionDenied, and the packages that import it return that error when authentication fails`
	ErrForbidden: codes.PermissionDenied, // an authorisation decision
}

// Code answers err with a gRPC code.
func Code(err error) codes.Code {
	switch {
	case errors.Is(err, ErrExpired):
		return codes.PermissionDenied // want `code mapping at apierr.go:[0-9]+ answers apierr.ErrExpired with PermissionDenied`
	case errors.Is(err, ErrNoSession):
		return codes.PermissionDenied // a cookie session's failure: no challenge to ask for
	}
	return codeByErr[err]
}
