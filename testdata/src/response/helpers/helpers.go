package helpers // want package:"analyzed"

// These response helpers are used from other packages; the response model
// exports what each does as a fact.

import (
	"errors"
	"net/http"
)

// HeaderName is the challenge header, spelled as some code bases do.
const HeaderName = "Www-Authenticate"

// Challenge sets a Bearer challenge.
func Challenge(w http.ResponseWriter, realm string) { // want Challenge:`response\(sets WWW-Authenticate\)`
	w.Header().Set(HeaderName, `Bearer realm="`+realm+`"`)
}

// Fill fills a header map, challenge included.
func Fill(h http.Header) { // want Fill:`response\(sets WWW-Authenticate\)`
	h.Set("Content-Type", "application/json")
	h["Www-Authenticate"] = []string{`Basic realm="files"`}
}

// Deny answers 401 and leaves the challenge to its callers.
func Deny(w http.ResponseWriter) { // want Deny:`response\(rejects 401; writes 401 without challenge at helpers.go:\d+\)`
	http.Error(w, "unauthorized", http.StatusUnauthorized)
}

// DenyWithChallenge answers 401 properly.
func DenyWithChallenge(w http.ResponseWriter) { // want DenyWithChallenge:`response\(sets WWW-Authenticate; rejects 401\)`
	Challenge(w, "api")
	w.WriteHeader(http.StatusUnauthorized)
}

// WriteStatus writes the status it is given.
func WriteStatus(w http.ResponseWriter, code int, msg string) { // want WriteStatus:`response\(writes status param 2\)`
	w.Header().Set("Content-Type", "text/plain")
	w.WriteHeader(code)
	_, _ = w.Write([]byte(msg))
}

// Respond always sets the challenge, then writes the status it is given.
func Respond(w http.ResponseWriter, code int) { // want Respond:`response\(sets WWW-Authenticate; writes status param 2\)`
	w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
	w.WriteHeader(code)
}

// ProxyDeny answers 407 without Proxy-Authenticate.
func ProxyDeny(w http.ResponseWriter) { // want ProxyDeny:`response\(rejects 407; writes 407 without challenge at helpers.go:\d+\)`
	w.WriteHeader(http.StatusProxyAuthRequired)
}

// ErrNoToken is returned when no token was presented.
var ErrNoToken = errors.New("no token")

// Log has nothing to do with responses: no fact.
func Log(r *http.Request) string { return r.URL.Path }

// RequireSession is a middleware constructor: the handler it builds
// redirects to the login page without a challenge.
func RequireSession(login string) func(http.Handler) http.Handler { // want RequireSession:`response\(builds handlers that set none, reject 3xx\)`
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if _, err := r.Cookie("session"); err != nil {
				http.Redirect(w, r, login, http.StatusFound)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// RequireBearer builds handlers that challenge.
func RequireBearer(next http.Handler) http.Handler { // want RequireBearer:`response\(builds handlers that set WWW-Authenticate, reject 401\)`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			Challenge(w, "api")
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}
