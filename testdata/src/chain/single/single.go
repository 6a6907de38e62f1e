// Package single: a positional lookup on a collection that holds one
// scheme asks the scheme that failed; one that holds several does not.
package single

import (
	"net/http"

	"chain/auth"
)

// Status guards the health page with one scheme today.
type Status struct{ schemes []auth.Authenticator }

// NewStatus fills the collection with its one scheme.
func NewStatus() *Status {
	return &Status{schemes: []auth.Authenticator{auth.BasicAuth{}}}
}

func (s *Status) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, a := range s.schemes {
		if _, err := a.Authenticate(r); err == nil {
			w.WriteHeader(http.StatusOK)
			return
		}
	}
	w.Header().Set("WWW-Authenticate", s.schemes[0].Challenge(r))
	w.WriteHeader(http.StatusUnauthorized)
}

// Admin guards the admin pages with two schemes.
type Admin struct{ schemes []auth.Authenticator }

// NewAdmin fills the collection with both.
func NewAdmin() *Admin {
	return &Admin{schemes: []auth.Authenticator{auth.BasicAuth{}, auth.SessionAuth{}}}
}

func (s *Admin) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, a := range s.schemes {
		if _, err := a.Authenticate(r); err == nil {
			w.WriteHeader(http.StatusOK)
			return
		}
	}
	w.Header().Set("WWW-Authenticate", s.schemes[0].Challenge(r)) // want `challenge taken from Admin.schemes\[0\] whatever failed`
	w.WriteHeader(http.StatusUnauthorized)
}

// A local collection of one scheme: silent; of two: reported.
func LocalOne(w http.ResponseWriter, r *http.Request) {
	schemes := []auth.Authenticator{auth.BasicAuth{}}
	for _, a := range schemes {
		if _, err := a.Authenticate(r); err == nil {
			w.WriteHeader(http.StatusOK)
			return
		}
	}
	w.Header().Set("WWW-Authenticate", schemes[0].Challenge(r))
	w.WriteHeader(http.StatusUnauthorized)
}

func LocalTwo(w http.ResponseWriter, r *http.Request) {
	schemes := []auth.Authenticator{auth.BasicAuth{}, auth.SessionAuth{}}
	for _, a := range schemes {
		if _, err := a.Authenticate(r); err == nil {
			w.WriteHeader(http.StatusOK)
			return
		}
	}
	w.Header().Set("WWW-Authenticate", schemes[0].Challenge(r)) // want `challenge taken from .*\[0\] whatever failed`
	w.WriteHeader(http.StatusUnauthorized)
}
