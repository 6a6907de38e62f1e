// Package web answers through apperr.Write: the challenge goes out only
// with the errors built with one.
package web

import (
	"net/http"

	"nochallenge/challengefield/apperr"
)

// Me answers the ways a request can fail to sign in.
func Me(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Query().Get("case") {
	case "none":
		apperr.Write(w, apperr.SignIn("sign in")) // want `error carrying 401 written by Write`
	case "empty":
		apperr.Write(w, apperr.Unauthorized("", "sign in")) // want `error carrying 401 written by Write`
	case "bearer":
		apperr.Write(w, apperr.Unauthorized(`Bearer realm="api"`, "sign in")) // silent: it has a challenge
	case "literal":
		apperr.Write(w, &apperr.Error{Status: http.StatusUnauthorized, Challenge: `Basic realm="api"`}) // silent
	case "bare":
		apperr.Write(w, &apperr.Error{Status: http.StatusUnauthorized, Msg: "no"}) // want `error carrying 401 written by Write`
	case "caller":
		w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
		apperr.Write(w, apperr.SignIn("sign in")) // silent: the caller set the challenge
	}
}

// Configured answers with a challenge whose value is not known here: the
// error may carry one, and nothing is reported.
func Configured(w http.ResponseWriter, challenge string) {
	apperr.Write(w, apperr.Unauthorized(challenge, "sign in")) // silent: not known to be empty
}
