package nethttp

import "net/http"

// LegacyStatusHandler answers 401 without a challenge on purpose: an old
// client treats any WWW-Authenticate as a login prompt. The finding is
// suppressed for golangci-lint with a //nolint comment naming the linter
// (authchallenge); the standalone command does not read //nolint and still
// reports it.
func LegacyStatusHandler(w http.ResponseWriter, r *http.Request) {
	if _, err := bearerToken(r); err != nil {
		w.WriteHeader(http.StatusUnauthorized) //nolint:authchallenge // want nochallenge
		return
	}
	w.Write([]byte("status\n"))
}
