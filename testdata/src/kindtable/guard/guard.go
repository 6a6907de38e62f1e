// Package guard answers a failed Basic check with a code its base package
// maps to 403 and gives the meaning of authorization: the misuse is here,
// at the write, not in the base package's table.
package guard

import (
	"crypto/subtle"
	"net/http"

	"kindtable/apperr"
)

// Operators checks the operator password.
func Operators(pass string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, p, ok := r.BasicAuth()
		if !ok {
			w.Header().Set("WWW-Authenticate", `Basic realm="ops"`)
			apperr.Write(w, apperr.Wrap(apperr.CodeUnauthenticated, "sign in", nil))
			return
		}
		if subtle.ConstantTimeCompare([]byte(p), []byte(pass)) != 1 {
			apperr.Write(w, apperr.Wrap(apperr.CodePermission, "bad password", nil)) // want `403 answers an authentication failure`
			return
		}
		if r.Method == http.MethodDelete {
			apperr.Write(w, apperr.Denied("read-only operator")) // silent: authorization
			return
		}
		next.ServeHTTP(w, r)
	})
}
