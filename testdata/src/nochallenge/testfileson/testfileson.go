// Package testfileson is testfiles checked with -tests=true: the test
// file's findings are reported too.
package testfileson

import "net/http"

// Deny is the service's answer: reported whatever -tests says.
func Deny(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusUnauthorized) // want `401 response without a WWW-Authenticate challenge`
}

// Challenge answers 401 with its challenge: silent.
func Challenge(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
	w.WriteHeader(http.StatusUnauthorized)
}
