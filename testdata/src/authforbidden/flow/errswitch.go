package flow

import (
	"errors"
	"net/http"
	"strings"
)

var (
	errNoToken      = errors.New("no bearer token")
	errTokenExpired = errors.New("token expired")
	errOtherTenant  = errors.New("resource of another tenant")
)

// fail writes the status it is given.
func fail(w http.ResponseWriter, status int, msg string) {
	http.Error(w, msg, status)
}

// writeTokenError answers 401 with a challenge for a missing token, and
// 403 for an expired token or another tenant's resource: which status a
// call answers depends on the error it passes.
func writeTokenError(w http.ResponseWriter, err error) {
	status := http.StatusInternalServerError
	switch {
	case errors.Is(err, errNoToken):
		w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
		status = http.StatusUnauthorized
	case errors.Is(err, errTokenExpired), errors.Is(err, errOtherTenant):
		status = http.StatusForbidden // want `writeTokenError answers an authentication failure with 403`
	}
	fail(w, status, err.Error())
}

// A missing token passed to the error switch is answered with 401 and a
// challenge: the 403 branch cannot be reached with it. A token that does
// not match is passed as expired, which the switch answers with 403: the
// switch decides it, and is reported once, where it sets the 403.
func (s *Server) tokenMissing(w http.ResponseWriter, r *http.Request) {
	raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		writeTokenError(w, errNoToken)
		return
	}
	if raw != s.partners["ci"] {
		writeTokenError(w, errTokenExpired)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// Another tenant's resource, after the token checked out, is authorization.
func (s *Server) tenantResource(w http.ResponseWriter, r *http.Request) {
	raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || raw != s.partners["ci"] {
		writeTokenError(w, errNoToken)
		return
	}
	if r.URL.Query().Get("tenant") != "ci" {
		writeTokenError(w, errOtherTenant)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// writeTokenErrorDirect writes the 403 itself in the case of an expired
// token: the case is a failure path of its own (errTokenExpired is returned
// on failure paths only), and the switch decides the call's answer: one
// finding, where it decides.
func writeTokenErrorDirect(w http.ResponseWriter, err error) {
	switch {
	case errors.Is(err, errNoToken):
		w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
		http.Error(w, err.Error(), http.StatusUnauthorized)
	case errors.Is(err, errTokenExpired):
		http.Error(w, err.Error(), http.StatusForbidden) // want `writeTokenErrorDirect answers an authentication failure with 403`
	default:
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

func (s *Server) tokenExpiredDirect(w http.ResponseWriter, r *http.Request) {
	raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		writeTokenErrorDirect(w, errNoToken)
		return
	}
	if raw != s.partners["ci"] {
		writeTokenErrorDirect(w, errTokenExpired)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
