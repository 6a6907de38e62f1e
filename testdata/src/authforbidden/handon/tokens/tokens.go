// Package tokens verifies bearer tokens; it imports nothing HTTP-related.
package tokens

import (
	"crypto/subtle"
	"errors"
	"strings"
)

var (
	ErrExpired = errors.New("tokens: expired")
	ErrInvalid = errors.New("tokens: invalid")
)

// Verify checks a token.
func Verify(tok, secret string) error {
	body, stamp, ok := strings.Cut(tok, "@")
	if !ok || subtle.ConstantTimeCompare([]byte(body), []byte(secret)) != 1 {
		return ErrInvalid
	}
	if stamp < "2026" {
		return ErrExpired
	}
	return nil
}
