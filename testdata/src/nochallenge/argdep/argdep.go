// Package argdep: helpers whose 401 depends on their arguments.
package argdep

import (
	"errors"
	"fmt"
	"net/http"
)

var (
	ErrNoToken  = errors.New("no token")
	ErrBadToken = errors.New("bad token")
	ErrDisk     = errors.New("disk")
	ErrParse    = errors.New("parse")
)

// a. an error switch: 401 for the authentication errors only. Every call
// that reaches the 401 sets no challenge: one finding, at the write.
func writeError(w http.ResponseWriter, err error) {
	switch {
	case errors.Is(err, ErrNoToken), errors.Is(err, ErrBadToken):
		w.WriteHeader(http.StatusUnauthorized) // want `401 response without a WWW-Authenticate challenge, and none of its 2 callers does set one first`
	case errors.Is(err, ErrDisk):
		w.WriteHeader(http.StatusInternalServerError)
	default:
		w.WriteHeader(http.StatusBadRequest)
	}
}

// Handlers call the switch with authentication and unrelated errors.
func Handlers(mux *http.ServeMux, load func() error) {
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, ErrNoToken)
	})
	mux.HandleFunc("/b", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, fmt.Errorf("auth: %w", ErrBadToken))
	})
	mux.HandleFunc("/c", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, ErrDisk) // silent: never 401
		writeError(w, ErrParse)
	})
	mux.HandleFunc("/d", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, load()) // silent: what load returns is unknown
	})
}

// b. a status chosen by a tag switch into a variable.
func statusFor(w http.ResponseWriter, err error) {
	code := http.StatusInternalServerError
	switch err {
	case ErrNoToken:
		code = http.StatusUnauthorized
	case ErrParse:
		code = http.StatusBadRequest
	}
	w.WriteHeader(code)
}

// Tagged calls it with unrelated errors only: silent.
func Tagged(w http.ResponseWriter, r *http.Request) {
	statusFor(w, ErrParse)
	statusFor(w, ErrDisk)
}

// c. a form renderer that answers 401 only when invalid is true.
func renderLogin(w http.ResponseWriter, invalid bool) {
	if invalid {
		w.WriteHeader(http.StatusUnauthorized) // want `401 response without a WWW-Authenticate challenge, and its caller does not set one first`
	}
	_, _ = w.Write([]byte("<form>"))
}

// Login renders the form, and renders it again with 401 after a failure.
func Login(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodGet {
		renderLogin(w, false) // silent: no 401
		return
	}
	if r.FormValue("password") == "" {
		renderLogin(w, true)
	}
}
