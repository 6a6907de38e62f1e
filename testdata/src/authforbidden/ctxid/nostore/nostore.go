// Package nostore reads the principal some middleware it cannot see keeps:
// which scheme that is, nothing here says.
package nostore

import (
	"net/http"

	"authforbidden/ctxid/ident"
)

// Profile answers the caller's profile.
func Profile(w http.ResponseWriter, r *http.Request) {
	p, ok := ident.FromContext(r.Context())
	if !ok {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	w.Write([]byte(p.Subject))
}
