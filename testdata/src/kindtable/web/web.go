// Package web answers through apperr.Write, whose status depends on the
// code of the error it is given: a call is judged by that code, not by
// every status the table holds.
package web

import (
	"errors"
	"net/http"

	"kindtable/apperr"
)

type store interface {
	Find(id string) (string, error)
}

var errMissing = errors.New("missing")

// Item answers with codes that never map to 401: nothing to report.
func Item(s store) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, err := s.Find(r.URL.Query().Get("id"))
		if errors.Is(err, errMissing) {
			apperr.Write(w, apperr.Wrap(apperr.CodeNotFound, "no such item", err)) // silent: 404
			return
		}
		if err != nil {
			apperr.Write(w, err) // silent: a code not known here
			return
		}
		if v == "" {
			apperr.Write(w, apperr.Denied("not yours")) // silent: 403, not 401
			return
		}
		_, _ = w.Write([]byte(v))
	}
}

// Me answers a missing token 401 through the table, with no challenge.
func Me(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") == "" {
		apperr.Write(w, apperr.Wrap(apperr.CodeUnauthenticated, "sign in", nil)) // want `error carrying 401 written by Write \(status set at apperr.go:\d+\) without a WWW-Authenticate challenge`
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// Fixed sets the challenge first.
func Fixed(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") == "" {
		w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
		apperr.Write(w, apperr.Wrap(apperr.CodeUnauthenticated, "sign in", nil)) // silent: challenged
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// Account answers through Respond, whose status is the one the error's
// code maps to, read through a method of the error.
func Account(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") == "" {
		apperr.Respond(w, apperr.Wrap(apperr.CodeUnauthenticated, "sign in", nil)) // want `error carrying 401 written by Respond \(status set at apperr.go:\d+\) without a WWW-Authenticate challenge`
		return
	}
	if r.URL.Query().Get("id") == "" {
		apperr.Respond(w, apperr.Wrap(apperr.CodeNotFound, "no id", nil)) // silent: 404
		return
	}
	apperr.Respond(w, apperr.Denied("not yours")) // silent: 403
}
