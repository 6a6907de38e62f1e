// Package ownc: fixes that compile whatever spells the 403, and that follow
// the file's indentation.
package ownc

import (
	"net/http"

	"authforbidden/ownc/codes"
)

// Challenge answers a missing token the right way (the package's one
// challenge).
func Challenge(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") == "" {
		w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
		w.WriteHeader(http.StatusUnauthorized)
	}
}

// OwnCodes writes the 403 through the package's own constant.
func OwnCodes(w http.ResponseWriter, r *http.Request) {
	if _, _, ok := r.BasicAuth(); !ok {
		w.WriteHeader(codes.Forbidden) // want `403 answers an authentication failure \(no Basic credentials\)`
	}
}

// Spaced is indented with spaces.
func Spaced(w http.ResponseWriter, r *http.Request) {
    if r.Header.Get("Authorization") == "" {
        http.Error(w, "no token", http.StatusForbidden) // want `403 answers an authentication failure`
    }
}
