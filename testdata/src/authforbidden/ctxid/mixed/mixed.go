// Package mixed mounts pages behind sessions and calls behind tokens: the
// identity a handler finds missing may be either scheme's, and which one
// failed decides whether 403 is wrong.
package mixed

import (
	"net/http"

	"authforbidden/ctxid/bearer"
	"authforbidden/ctxid/ident"
	"authforbidden/ctxid/session"
)

// Routes mounts both.
func Routes(s session.Store, v bearer.Verifier) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/page", session.Load(s)(http.HandlerFunc(whoami)))
	mux.Handle("/api/whoami", bearer.Require(v)(http.HandlerFunc(whoami)))
	return mux
}

func whoami(w http.ResponseWriter, r *http.Request) {
	p := ident.Current(r)
	if p == nil {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	w.Write([]byte(p.Subject))
}
