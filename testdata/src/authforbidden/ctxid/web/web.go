// Package web serves the pages browsers sign in to with a session cookie:
// a session answers without a challenge, and 403 is a fair answer for one.
package web

import (
	"net/http"

	"authforbidden/ctxid/ident"
	"authforbidden/ctxid/session"
)

// Routes mounts the pages.
func Routes(s session.Store) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/account", session.Load(s)(http.HandlerFunc(account)))
	return mux
}

func account(w http.ResponseWriter, r *http.Request) {
	if _, ok := ident.FromContext(r.Context()); !ok {
		http.Error(w, "sign in first", http.StatusForbidden)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
