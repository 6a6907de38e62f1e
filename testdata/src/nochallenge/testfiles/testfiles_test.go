package testfiles

import (
	"net/http"
	"testing"
)

// fakeUpstream stands in for another server in a test: its bare 401 is not
// the service's answer, and by default it is not reported.
func fakeUpstream(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusUnauthorized)
}

func TestDeny(t *testing.T) {
	http.HandleFunc("/upstream", fakeUpstream)
	http.HandleFunc("/inline", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "no", http.StatusUnauthorized)
	})
}
