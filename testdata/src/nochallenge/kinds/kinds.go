// Package kinds answers through an error type whose constructors look the
// status up by kind (authforbidden/kinds/apperr): each call builds the
// status of the kind it passes.
package kinds

import (
	"net/http"

	"authforbidden/kinds/apperr"
)

// Refuse answers a known caller with Forbidden: a 403, never the table's
// 401.
func Refuse(w http.ResponseWriter, r *http.Request) {
	apperr.Write(w, apperr.Forbidden("admins only"))
}

// Anonymous answers with the unauthenticated kind: a 401 with no
// challenge.
func Anonymous(w http.ResponseWriter, r *http.Request) {
	apperr.Write(w, apperr.New(apperr.KindUnauthenticated, "sign in")) // want `401`
}
