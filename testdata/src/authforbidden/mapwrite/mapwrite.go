// Package mapwrite answers token errors through a helper that writes what
// a status mapping returns: the mapping's 403 for a bad signature is the
// finding, once, and neither the helper's write nor its calls repeat it.
// respond hands its error on to the same mapping: a call given a failed
// check's error may answer 403, one given another error may not.
package mapwrite

import (
	"crypto/subtle"
	"errors"
	"net/http"
	"strings"
)

var (
	ErrBadSignature = errors.New("bad signature")
	ErrExpired      = errors.New("expired")
	errBusy         = errors.New("busy")
)

// Verifier checks tokens against its secret.
type Verifier struct{ Secret string }

// Verify checks a token.
func (v Verifier) Verify(tok string) error {
	if !strings.HasPrefix(tok, "v1.") {
		return ErrExpired
	}
	if subtle.ConstantTimeCompare([]byte(tok), []byte(v.Secret)) != 1 {
		return ErrBadSignature
	}
	return nil
}

func statusFor(err error) int {
	switch {
	case errors.Is(err, ErrBadSignature):
		return http.StatusForbidden // want `status mapping answers an authentication failure`
	case errors.Is(err, ErrExpired):
		return http.StatusUnauthorized
	}
	return http.StatusInternalServerError
}

func writeTokenError(w http.ResponseWriter, err error) {
	status := statusFor(err)
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="api", error="invalid_token"`)
	}
	w.WriteHeader(status) // silent: the mapping above is the finding
}

// Guard answers a failed verification through writeTokenError.
func Guard(v Verifier, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok {
			w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		if err := v.Verify(tok); err != nil {
			if errors.Is(err, ErrBadSignature) || errors.Is(err, ErrExpired) {
				writeTokenError(w, err) // silent: the same cause as the mapping
				return
			}
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Busy answers an error of its own through the helper: never 403.
func Busy(w http.ResponseWriter) {
	writeTokenError(w, errBusy) // silent
}
