package configured

import "net/http"

// ServeTest is a test server answering 401: not checked with -tests=false.
func ServeTest(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusUnauthorized)
}
