// Package token wraps a claims library's decoding and maps its errors to
// the statuses to answer with: its callers hand it the error they got.
package token

import (
	"errors"
	"net/http"

	"example.com/claimslib"
)

// Verify checks a bearer token.
func Verify(raw string) (*claimslib.Claims, error) {
	return claimslib.Decode(raw)
}

// StatusFor is the status an error of Verify is answered with.
func StatusFor(err error) int {
	switch {
	case errors.Is(err, claimslib.ErrStale):
		return http.StatusForbidden
	case errors.Is(err, claimslib.ErrGarbled):
		return http.StatusBadRequest
	}
	return http.StatusUnauthorized
}
