package ownc

import web "net/http"

// Aliased imports net/http under another name.
func Aliased(w web.ResponseWriter, r *web.Request) {
	if r.Header.Get("Authorization") == "" {
		w.WriteHeader(web.StatusForbidden) // want `403 answers an authentication failure`
	}
}
