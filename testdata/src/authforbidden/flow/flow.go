// Package flow: failures found by where the credentials flow, whatever the
// code calls them.
package flow

import (
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"net/http"
	"strings"

	"failure/sessions"
	"failure/tokens"
)

// Server holds the stores.
type Server struct {
	partners map[string]string
	sessions *sessions.Store
	auth     Authenticator
	now      int64
}

// Authenticator is a scheme the code cannot see into.
type Authenticator interface {
	Authenticate(r *http.Request) (string, error)
}

// parse is a verifier whose parameter is not named like a credential.
func parse(s string) (map[string]string, error) {
	if s == "" {
		return nil, errors.New("empty")
	}
	return map[string]string{"sub": s}, nil
}

// A bearer token cut from Authorization and handed to a parse function.
func (s *Server) bearerParse(w http.ResponseWriter, r *http.Request) {
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	if _, err := parse(raw); err != nil {
		w.WriteHeader(http.StatusForbidden) // want `403 answers an authentication failure \(the credential check parse \(Authorization header\) failed\)`
		return
	}
}

// A verifier in another package returning a string identity and an error.
func (s *Server) stringIdentity(w http.ResponseWriter, r *http.Request) {
	tok, ok := tokens.FromRequest(r)
	if !ok {
		http.Error(w, "no token", http.StatusForbidden) // want `403 answers an authentication failure \(the Authorization header is missing or malformed\)`
		return
	}
	sub, err := tokens.Parse(tok, s.now)
	if err != nil {
		http.Error(w, "bad token", http.StatusForbidden) // want `the credential check Parse \(Authorization header\) failed`
		return
	}
	if err := tokens.Charge(sub, 1); err != nil {
		http.Error(w, "quota", http.StatusForbidden) // silent: the token checked out; this is a quota
		return
	}
}

// Basic credentials decoded by hand and compared against a map.
func (s *Server) basicByHand(w http.ResponseWriter, r *http.Request) {
	enc, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Basic ")
	if !ok {
		w.WriteHeader(http.StatusForbidden) // want `the Authorization header is missing or malformed`
		return
	}
	dec, err := base64.StdEncoding.DecodeString(enc)
	if err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	user, pass, _ := strings.Cut(string(dec), ":")
	want, found := s.partners[user]
	if !found || subtle.ConstantTimeCompare([]byte(pass), []byte(want)) != 1 {
		w.WriteHeader(http.StatusForbidden) // want `the presented Authorization header did not match the stored secret`
		return
	}
	if user != "ops" {
		w.WriteHeader(http.StatusForbidden) // silent: the partner is known, and may not act
		return
	}
}

// A session-only web app: the session store reads a cookie.
func (s *Server) sessionOnly(w http.ResponseWriter, r *http.Request) {
	sess, err := s.sessions.Get(r, "sid")
	if err != nil {
		w.WriteHeader(http.StatusForbidden) // silent: a session has no challenge
		return
	}
	if sess == nil {
		http.Redirect(w, r, "/login", http.StatusSeeOther) // silent: a redirect to the login page
		return
	}
}

// A check that takes only the request through an interface: what it reads
// cannot be seen.
func (s *Server) opaque(w http.ResponseWriter, r *http.Request) {
	if _, err := s.auth.Authenticate(r); err != nil {
		w.WriteHeader(http.StatusForbidden) // silent: the scheme behind the interface is unknown
		return
	}
}

// An S3-style API: a bad AWS4-HMAC-SHA256 signature is 403 by its protocol.
func (s *Server) sigv4(w http.ResponseWriter, r *http.Request) {
	authz := r.Header.Get("Authorization")
	if authz == "" {
		w.WriteHeader(http.StatusForbidden) // silent: the credential turns out to be a SigV4 signature
		return
	}
	if !s.verifySigV4(authz) {
		w.WriteHeader(http.StatusForbidden) // silent: SigV4 answers a bad signature with 403
		return
	}
}

func (s *Server) verifySigV4(h string) bool {
	rest, ok := strings.CutPrefix(h, "AWS4-HMAC-SHA256 ")
	if !ok {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(rest), []byte("sig")) == 1
}

// errBadToken is returned only when a token fails: an unauthenticated error
// by where it is returned.
var errBadToken = errors.New("rejected")

// errUnauthorizedRegion is named like an authentication error but returned
// for a region the caller may not use: not one.
var errUnauthorizedRegion = errors.New("region not allowed") // want errUnauthorizedRegion:"maps to 403 at flow.go:156"

func (s *Server) check(r *http.Request) error {
	tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	if _, err := parse(tok); err != nil {
		return errBadToken
	}
	if r.Header.Get("X-Region") == "cn" {
		return errUnauthorizedRegion
	}
	return nil
}

// statusOf maps the errors of check to statuses.
func statusOf(err error) int {
	switch {
	case errors.Is(err, errBadToken):
		return http.StatusForbidden // want `status mapping answers an authentication failure \(the error is errBadToken\) with 403`
	case errors.Is(err, errUnauthorizedRegion):
		return http.StatusForbidden // silent: not an authentication error, whatever its name
	}
	return http.StatusInternalServerError
}

func (s *Server) mapped(w http.ResponseWriter, r *http.Request) {
	if err := s.check(r); err != nil {
		w.WriteHeader(statusOf(err))
	}
}

var statusByErr = map[error]int{
	errBadToken:           http.StatusForbidden, // want `error-to-status table maps an authentication failure \(errBadToken, returned when credentials fail\) to 403`
	errUnauthorizedRegion: http.StatusForbidden,
}

// forbid is one helper answering 403 for several failure paths: one finding,
// at its write.
func forbid(w http.ResponseWriter) {
	w.WriteHeader(http.StatusForbidden) // want `forbid answers 2 authentication failures with 403 \(first: the Authorization header is missing or malformed\)`
}

func (s *Server) helperA(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") == "" {
		forbid(w)
		return
	}
}

func (s *Server) helperB(w http.ResponseWriter, r *http.Request) {
	if _, _, ok := r.BasicAuth(); !ok {
		forbid(w)
		return
	}
	forbid(w) // silent: after the credentials were found (not a failure path)
}

// Mount mounts the handlers.
func (s *Server) Mount(mux *http.ServeMux) {
	mux.HandleFunc("/1", s.bearerParse)
	mux.HandleFunc("/2", s.stringIdentity)
	mux.HandleFunc("/3", s.basicByHand)
	mux.HandleFunc("/4", s.sessionOnly)
	mux.HandleFunc("/5", s.opaque)
	mux.HandleFunc("/6", s.sigv4)
	mux.HandleFunc("/7", s.mapped)
	mux.HandleFunc("/8", s.helperA)
	mux.HandleFunc("/9", s.helperB)
}

// A measure of the credential compared with a constant tests its form: a
// token without the two dots of a JWT, or Basic credentials without their
// colon, is a malformed credential, which 403 answers wrongly.
func (s *Server) tokenShape(w http.ResponseWriter, r *http.Request) {
	raw, found := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !found || strings.Count(raw, ".") != 2 {
		w.WriteHeader(http.StatusForbidden) // want `403 answers an authentication failure`
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) basicShape(w http.ResponseWriter, r *http.Request) {
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Basic ")
	dec, err := base64.StdEncoding.DecodeString(raw)
	if err != nil {
		http.Error(w, "malformed", http.StatusBadRequest)
		return
	}
	if strings.IndexByte(string(dec), ':') == -1 {
		http.Error(w, "malformed", http.StatusForbidden) // want `403 answers an authentication failure`
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// The same measures, answered with 401 and a challenge, and measures of
// values that are not credentials, stay silent.
func (s *Server) tokenShapeChallenged(w http.ResponseWriter, r *http.Request) {
	raw, found := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !found || strings.Count(raw, ".") != 2 {
		w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) pathShape(w http.ResponseWriter, r *http.Request) {
	if strings.Count(r.URL.Path, "/") != 3 {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// A well-formed token of a caller who may not act: the 403 follows a test
// of the token's form that passed.
func (s *Server) tokenScope(w http.ResponseWriter, r *http.Request) {
	raw, found := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !found || strings.Count(raw, ".") != 2 {
		w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	claims, err := parse(raw)
	if err != nil {
		w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	if claims["scope"] != "admin" {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
