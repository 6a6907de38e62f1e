// Package errs declares the service's errors; other packages return them.
package errs

import "errors"

var (
	ErrInvalidToken = errors.New("invalid token")
	ErrHoldLimit    = errors.New("too many holds")
)
