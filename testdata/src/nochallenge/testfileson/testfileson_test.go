package testfileson

import (
	"net/http"
	"testing"
)

// fakeUpstream: with -tests=true, a test double's bare 401 is reported too.
func fakeUpstream(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusUnauthorized) // want `401 response without a WWW-Authenticate challenge`
}

// fakeChallenge sets its challenge: silent with -tests=true as well.
func fakeChallenge(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("WWW-Authenticate", "Basic")
	w.WriteHeader(http.StatusUnauthorized)
}

func TestDeny(t *testing.T) {
	http.HandleFunc("/upstream", fakeUpstream)
	http.HandleFunc("/challenge", fakeChallenge)
	http.HandleFunc("/inline", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "no", http.StatusUnauthorized) // want `401 response without a WWW-Authenticate challenge`
	})
}
