package safeconsumer

import (
	"net/http"
	"strings"

	"chain/safe"
)

// Failing asks the scheme that failed.
func Failing(schemes []safe.Scheme, w http.ResponseWriter, r *http.Request) {
	for _, s := range schemes {
		if !s.Verify(r) {
			if c := s.Challenge(); c != "" {
				w.Header().Set("WWW-Authenticate", c)
			}
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
	}
}

// Joined answers with every scheme's challenge.
func Joined(schemes []safe.Scheme, w http.ResponseWriter) {
	var all []string
	for _, s := range schemes {
		if c := s.Challenge(); c != "" {
			all = append(all, c)
		}
	}
	w.Header().Set("WWW-Authenticate", strings.Join(all, ", "))
	w.WriteHeader(http.StatusUnauthorized)
}
