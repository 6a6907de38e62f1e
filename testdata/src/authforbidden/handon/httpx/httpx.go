// Package httpx writes errors with the status a switch maps them to: 403
// for an expired token. Error hands its error on to the switch, so a call
// of Error answers 403 only when given an error that may be expired.
package httpx

import (
	"errors"
	"net/http"

	"authforbidden/handon/tokens"
)

var ErrBusy = errors.New("busy")

// StatusFor maps an error to its status.
func StatusFor(err error) int {
	switch {
	case errors.Is(err, tokens.ErrExpired):
		return http.StatusForbidden
	case errors.Is(err, tokens.ErrInvalid):
		return http.StatusUnauthorized
	}
	return http.StatusServiceUnavailable
}

// Error writes err with its status.
func Error(w http.ResponseWriter, err error) {
	status := StatusFor(err)
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
	}
	w.WriteHeader(status)
}
