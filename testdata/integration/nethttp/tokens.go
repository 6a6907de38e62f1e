package nethttp

import (
	"errors"
	"net/http"
	"strings"
)

var (
	errNoToken    = errors.New("no bearer token")
	errBadToken   = errors.New("bearer token not recognised")
	errNotAllowed = errors.New("caller may not do this")
)

// bearerToken pulls the token out of an "Authorization: Bearer …" header.
func bearerToken(r *http.Request) (string, error) {
	h := r.Header.Get("Authorization")
	if h == "" {
		return "", errNoToken
	}
	scheme, tok, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || tok == "" {
		return "", errBadToken
	}
	return tok, nil
}

// TokenStore is a toy set of known tokens and the scopes they carry.
type TokenStore map[string][]string

func (s TokenStore) scopes(tok string) ([]string, bool) {
	sc, ok := s[tok]
	return sc, ok
}

func hasScope(scopes []string, want string) bool {
	for _, s := range scopes {
		if s == want {
			return true
		}
	}
	return false
}
