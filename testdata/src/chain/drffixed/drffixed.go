// Package drffixed is the drf design corrected: the view keeps the
// authenticator that refused the request and asks it for the challenge;
// when no authenticator found its credentials, every challenge is offered.
package drffixed

import (
	"errors"
	"net/http"
)

// User is an authenticated caller.
type User struct{ Name string }

// ErrAuthenticationFailed is returned for credentials that are present and
// wrong.
var ErrAuthenticationFailed = errors.New("authentication failed")

// Authenticator is BaseAuthentication.
type Authenticator interface {
	Authenticate(r *http.Request) (*User, error)
	AuthenticateHeader(r *http.Request) string
}

// SessionAuthentication has no challenge.
type SessionAuthentication struct{}

func (SessionAuthentication) Authenticate(r *http.Request) (*User, error) {
	c, err := r.Cookie("sessionid")
	if err != nil {
		return nil, nil
	}
	return &User{Name: c.Value}, nil
}

func (SessionAuthentication) AuthenticateHeader(r *http.Request) string { return "" }

// TokenAuthentication challenges with "Token".
type TokenAuthentication struct{}

func (TokenAuthentication) Authenticate(r *http.Request) (*User, error) {
	if r.Header.Get("Authorization") == "" {
		return nil, nil
	}
	return nil, ErrAuthenticationFailed
}

func (TokenAuthentication) AuthenticateHeader(r *http.Request) string { return "Token" }

// HandlerFunc is an endpoint that needs a user.
type HandlerFunc func(w http.ResponseWriter, r *http.Request, u *User)

// APIView keeps the authenticator that failed.
type APIView struct {
	authenticators []Authenticator
	handler        HandlerFunc
}

// NewAPIView returns a view trying auths in order.
func NewAPIView(h HandlerFunc, auths ...Authenticator) *APIView {
	return &APIView{authenticators: auths, handler: h}
}

func (v *APIView) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var failed Authenticator
	var user *User
	for _, a := range v.authenticators {
		u, err := a.Authenticate(r)
		if err != nil {
			failed = a // the one that refused the credentials it found
			break
		}
		if u != nil {
			user = u
			break
		}
	}
	if user != nil {
		v.handler(w, r, user)
		return
	}
	if failed != nil {
		v.refuse(w, r, failed.AuthenticateHeader(r))
		return
	}
	v.challengeAll(w, r)
}

// challengeAll offers every scheme's challenge: no credentials were sent.
func (v *APIView) challengeAll(w http.ResponseWriter, r *http.Request) {
	for _, a := range v.authenticators {
		if c := a.AuthenticateHeader(r); c != "" {
			w.Header().Add("WWW-Authenticate", c)
		}
	}
	if len(w.Header().Values("WWW-Authenticate")) == 0 {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	w.WriteHeader(http.StatusUnauthorized)
}

func (v *APIView) refuse(w http.ResponseWriter, r *http.Request, challenge string) {
	if challenge == "" {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	w.Header().Set("WWW-Authenticate", challenge)
	w.WriteHeader(http.StatusUnauthorized)
}
