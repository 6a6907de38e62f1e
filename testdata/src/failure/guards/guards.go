// Package guards: what the nearest condition before a 401 checked, for the
// rule that says a 401 has the wrong status.
package guards

import (
	"crypto/hmac"
	"io"
	"net/http"
	"strings"
)

// User is an identity.
type User struct{ Admin bool }

func verify(s string) (*User, error) { return &User{}, nil }

func credentials(w http.ResponseWriter, r *http.Request) {
	if _, err := verify(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")); err != nil {
		w.WriteHeader(http.StatusUnauthorized) // want `guard: credentials`
	}
}

func authorization(w http.ResponseWriter, r *http.Request) {
	u, err := verify(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "))
	if err != nil {
		return
	}
	if !u.Admin {
		w.WriteHeader(http.StatusUnauthorized) // want `guard: authorization`
	}
}

func integrity(w http.ResponseWriter, r *http.Request, key []byte) {
	body, _ := io.ReadAll(r.Body)
	if !hmac.Equal(body, key) {
		w.WriteHeader(http.StatusUnauthorized) // want `guard: integrity`
	}
}

func other(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.WriteHeader(http.StatusUnauthorized) // want `guard: other`
	}
}
