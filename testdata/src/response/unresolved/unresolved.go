package unresolved // want package:"analyzed"

import "net/http"

type decorator interface {
	Decorate(w http.ResponseWriter)
}

// Handle hands the writer to an interface with no known implementation.
func Handle(d decorator) http.HandlerFunc { // want Handle:`response\(builds handlers that set WWW-Authenticate\+Proxy-Authenticate, reject 401\)`
	return func(w http.ResponseWriter, r *http.Request) {
		d.Decorate(w)
		w.WriteHeader(http.StatusUnauthorized)
	}
}
