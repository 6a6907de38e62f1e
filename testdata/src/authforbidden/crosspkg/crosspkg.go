package crosspkg

import (
	"net/http"

	"failure/sources"
)

// Session answers a missing session with 403: quiet by design.
func Session(w http.ResponseWriter, r *http.Request) {
	if _, err := sources.FromSession(r); err != nil {
		w.WriteHeader(http.StatusForbidden) // silent: the scheme is a session cookie (fact from another package)
	}
}

// Basic answers bad Basic credentials with 403.
func Basic(w http.ResponseWriter, r *http.Request) {
	if _, err := sources.FromBasic(r); err != nil {
		w.WriteHeader(http.StatusForbidden) // want `403 answers an authentication failure \(the credential check FromBasic \(Basic credentials\) failed\)`
	}
}

// Key answers a missing API key with 403: quiet by design.
func Key(w http.ResponseWriter, r *http.Request) {
	if _, err := sources.FromKey(r); err != nil {
		w.WriteHeader(http.StatusForbidden) // silent: an API key in a custom header
	}
}
