package carriers // want package:"analyzed"

// The facts of a carrier library: its status field, the constructors and
// variables that carry a constant status, the helper that writes the
// status its argument carries, and conditions on arguments.

import (
	"errors"
	"net/http"
)

// Error carries the status in Code.
type Error struct {
	Code   int // want Code:"status field"
	Reason string
}

func (e *Error) Error() string { return e.Reason }

// Unauthorized returns a carrier of 401.
func Unauthorized() *Error { // want Unauthorized:`response\(returns error 401; returns carriers.Error\)`
	return &Error{Code: http.StatusUnauthorized}
}

// WithCode carries the status it is given: no constant status of its own;
// a call of it with a constant builds a carrier of that status.
func WithCode(code int) *Error { return &Error{Code: code} } // want WithCode:`response\(builds a carrier of status param 1; returns carriers.Error\)`

// ErrForbidden is a package-level carrier.
var ErrForbidden = &Error{Code: http.StatusForbidden} // want ErrForbidden:`response\(returns error 403\)`

// Write writes the status err carries.
func Write(w http.ResponseWriter, err error) { // want Write:`response\(writes the status carried by param 2\)`
	var e *Error
	if errors.As(err, &e) {
		w.WriteHeader(e.Code)
	}
}

// ErrNoToken is an authentication sentinel.
var ErrNoToken = errors.New("no token")

// WriteAuth answers 401 only for ErrNoToken.
func WriteAuth(w http.ResponseWriter, err error) { // want WriteAuth:`response\(rejects 401; writes 401 without challenge at carriers.go:\d+ when param 2 is carriers.ErrNoToken\)`
	if errors.Is(err, ErrNoToken) {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusInternalServerError)
}

// Render answers 401 only when invalid is true.
func Render(w http.ResponseWriter, invalid bool) { // want Render:`response\(rejects 401; writes 401 without challenge at carriers.go:\d+ when param 2 is true\)`
	if invalid {
		w.WriteHeader(http.StatusUnauthorized)
	}
}

// Check sets the challenge whenever it fails.
func Check(w http.ResponseWriter, r *http.Request) error { // want Check:`response\(may set WWW-Authenticate; sets WWW-Authenticate when it fails\)`
	if r.Header.Get("Authorization") == "" {
		w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
		return errors.New("no token")
	}
	return nil
}

// MaySet sets the challenge on one path only.
func MaySet(w http.ResponseWriter, bearer bool) { // want MaySet:`response\(may set WWW-Authenticate\)`
	if bearer {
		w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
	}
}
