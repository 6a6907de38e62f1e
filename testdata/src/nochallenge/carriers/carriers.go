// Package carriers holds 401s carried by the service's own types: a
// protocol error handed to a writing helper, errors of an own handler type
// answered by its error handler, and an error library's constructors,
// copies and wrappers across packages.
package carriers

import (
	"errors"
	"fmt"
	"net/http"

	pkgerrors "github.com/pkg/errors"

	"nochallenge/carriers/apierr"
)

// a. a protocol error struct with a status field, written by a helper.
type protoError struct {
	Name   string
	Status int
}

var errInvalidClient = &protoError{Name: "invalid_client", Status: 401}

func writeProtoError(w http.ResponseWriter, e *protoError) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(e.Status)
}

// Token is the token endpoint.
func Token(w http.ResponseWriter, r *http.Request) {
	if _, _, ok := r.BasicAuth(); !ok {
		writeProtoError(w, errInvalidClient) // want `error carrying 401 written by writeProtoError \(status set at carriers.go:\d+\) without a WWW-Authenticate challenge`
		return
	}
	if r.FormValue("grant_type") == "" {
		writeProtoError(w, &protoError{Name: "invalid_request", Status: http.StatusBadRequest}) // silent: 400
		return
	}
}

// TokenChallenged sets the challenge before the helper answers.
func TokenChallenged(w http.ResponseWriter, r *http.Request) {
	if _, _, ok := r.BasicAuth(); !ok {
		w.Header().Set("WWW-Authenticate", `Basic realm="token"`)
		writeProtoError(w, errInvalidClient) // silent: challenged
	}
}

// b. a handler type of the service's own whose errors reach a status
// write in its ServeHTTP.
type apiError struct {
	code int
	msg  string
}

func (e *apiError) Error() string { return e.msg }

func unauthorized(msg string) error { return &apiError{code: 401, msg: msg} }

func withCode(code int, msg string) error { return &apiError{code: code, msg: msg} }

type handlerFunc func(w http.ResponseWriter, r *http.Request) error

func (h handlerFunc) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := h(w, r); err != nil {
		var ae *apiError
		if errors.As(err, &ae) {
			w.WriteHeader(ae.code)
			return
		}
		w.WriteHeader(http.StatusInternalServerError)
	}
}

// Routes mounts the service's handlers.
func Routes(mux *http.ServeMux) {
	mux.Handle("/things", handlerFunc(getThing))
	mux.Handle("/challenged", handlerFunc(getChallenged))
	mux.Handle("/param", handlerFunc(getParam))
	mux.Handle("/a", handlerFunc(getA))
	mux.Handle("/b", handlerFunc(getB))
}

// d. one carrier returned by two handlers, neither of which challenges:
// one finding, where its status was set.
var errLoginRequired = &apiError{code: http.StatusUnauthorized, msg: "login required"} // want `401 set here reaches the client without a WWW-Authenticate challenge \(returned to the framework at carriers.go:\d+, and 1 more place; neither sets one first\)`

func getA(w http.ResponseWriter, r *http.Request) error {
	if r.Header.Get("Authorization") == "" {
		return errLoginRequired
	}
	return nil
}

func getB(w http.ResponseWriter, r *http.Request) error {
	if _, _, ok := r.BasicAuth(); !ok {
		return errLoginRequired
	}
	return nil
}

func getThing(w http.ResponseWriter, r *http.Request) error {
	if r.Header.Get("Authorization") == "" {
		return unauthorized("no token") // want `error carrying 401 \(from unauthorized\) returned \(status set at carriers.go:\d+\) without a WWW-Authenticate challenge`
	}
	return nil
}

func getChallenged(w http.ResponseWriter, r *http.Request) error {
	if r.Header.Get("Authorization") == "" {
		w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
		return unauthorized("no token") // silent: the handler set the challenge
	}
	return nil
}

func getParam(w http.ResponseWriter, r *http.Request) error {
	if r.Header.Get("Authorization") == "" {
		return withCode(http.StatusBadRequest, "no token") // silent: the carrier's status is a parameter
	}
	return nil
}

// c. an error library in another package: constructors, With… copies,
// errors.WithStack and %w wrapping, a package-level carrier.
func authenticate(r *http.Request) error {
	switch {
	case r.Header.Get("Authorization") == "":
		return pkgerrors.WithStack(apierr.Unauthorized().WithReason("no token"))
	case r.Header.Get("X-Expired") != "":
		return fmt.Errorf("authenticate: %w", apierr.ErrExpired)
	}
	return nil
}

// Library answers through the library's writer.
func Library(w http.ResponseWriter, r *http.Request) {
	if err := authenticate(r); err != nil {
		apierr.Write(w, err) // want `error carrying 401 written by Write \(status set at apierr.go:\d+\) without a WWW-Authenticate challenge`
		return
	}
	apierr.Write(w, apierr.Forbidden()) // silent for this rule: 403
	apierr.Write(w, apierr.New(http.StatusNotFound, "gone"))
}

// LibraryChallenged sets the challenge first.
func LibraryChallenged(w http.ResponseWriter, r *http.Request) {
	if err := authenticate(r); err != nil {
		w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
		apierr.Write(w, err) // silent: challenged
	}
}
