// Package tokenunused answers the token package's errors but never hands
// it a credential: whether token.ErrExpired means a failed authentication
// here is a guess, and the rule stays silent.
package tokenunused

import (
	"errors"
	"net/http"

	"tokens/token"
)

func renderError(w http.ResponseWriter, err error) {
	code := http.StatusInternalServerError
	if errors.Is(err, token.ErrExpired) {
		code = http.StatusForbidden
	}
	w.WriteHeader(code)
}

// OnError is the hook the router calls.
var OnError = renderError
