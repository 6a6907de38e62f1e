// Package foreign maps the service's errors to statuses; the token package
// it hands bearer tokens to returns errs.ErrInvalidToken for a bad one.
package foreign

import (
	"errors"
	"net/http"
	"strings"

	"authforbidden/foreign/errs"
	"authforbidden/foreign/tok"
)

var statusByErr = map[error]int{
	errs.ErrInvalidToken: http.StatusForbidden, // want `error-to-status table maps an authentication failure \(ErrInvalidToken`
	errs.ErrHoldLimit:    http.StatusForbidden,
}

func statusFor(err error) int {
	for e, s := range statusByErr {
		if errors.Is(err, e) {
			return s
		}
	}
	return http.StatusInternalServerError
}

// Loans verifies the bearer token with the token package.
func Loans(w http.ResponseWriter, r *http.Request) {
	raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		w.Header().Set("WWW-Authenticate", `Bearer realm="loans"`)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	if _, err := tok.Verify(raw); err != nil {
		w.WriteHeader(statusFor(err))
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
