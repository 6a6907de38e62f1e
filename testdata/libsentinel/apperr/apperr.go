// Package apperr holds this module's errors; it imports nothing of HTTP.
package apperr

import "errors"

// ErrFrozen: the account is frozen. Nothing in the module says it means
// unauthenticated.
var ErrFrozen = errors.New("account frozen")
