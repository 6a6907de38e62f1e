// Package drf is Django REST Framework's view and authenticator design,
// written in Go: a view holds its authenticators in a field, tries them in
// one method (perform_authentication) and, when the request is refused,
// asks the first of them for the challenge in another
// (get_authenticate_header).
package drf

import (
	"errors"
	"net/http"
)

// User is an authenticated caller.
type User struct{ Name string }

// ErrAuthenticationFailed is returned for credentials that are present and
// wrong.
var ErrAuthenticationFailed = errors.New("authentication failed")

// Authenticator is BaseAuthentication: Authenticate returns (nil, nil) when
// the request carries none of its credentials; AuthenticateHeader is the
// WWW-Authenticate value for a refused request ("" for none).
type Authenticator interface {
	Authenticate(r *http.Request) (*User, error)
	AuthenticateHeader(r *http.Request) string
}

// SessionAuthentication reads the session cookie: it has no challenge.
type SessionAuthentication struct{}

func (SessionAuthentication) Authenticate(r *http.Request) (*User, error) {
	c, err := r.Cookie("sessionid")
	if err != nil {
		return nil, nil
	}
	return &User{Name: c.Value}, nil
}

func (SessionAuthentication) AuthenticateHeader(r *http.Request) string { return "" }

// TokenAuthentication reads "Authorization: Token <key>".
type TokenAuthentication struct{ Keyword string }

func (t TokenAuthentication) Authenticate(r *http.Request) (*User, error) {
	h := r.Header.Get("Authorization")
	if h == "" {
		return nil, nil
	}
	if h != "Token secret" {
		return nil, ErrAuthenticationFailed
	}
	return &User{Name: "token"}, nil
}

func (t TokenAuthentication) AuthenticateHeader(r *http.Request) string { return "Token" }

// BasicAuthentication reads Basic credentials.
type BasicAuthentication struct{}

func (BasicAuthentication) Authenticate(r *http.Request) (*User, error) {
	name, _, ok := r.BasicAuth()
	if !ok {
		return nil, nil
	}
	return &User{Name: name}, nil
}

func (BasicAuthentication) AuthenticateHeader(r *http.Request) string { return `Basic realm="api"` }

// HandlerFunc is an endpoint that needs a user.
type HandlerFunc func(w http.ResponseWriter, r *http.Request, u *User)

// APIView is a view with authentication_classes.
type APIView struct {
	authenticators []Authenticator
	handler        HandlerFunc
}

// NewAPIView returns a view trying auths in order.
func NewAPIView(h HandlerFunc, auths ...Authenticator) *APIView {
	return &APIView{authenticators: auths, handler: h}
}

func (v *APIView) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	u, err := v.performAuthentication(r)
	if err != nil || u == nil {
		v.permissionDenied(w, r)
		return
	}
	v.handler(w, r, u)
}

// performAuthentication is Request._authenticate.
func (v *APIView) performAuthentication(r *http.Request) (*User, error) {
	for _, a := range v.authenticators {
		u, err := a.Authenticate(r)
		if err != nil {
			return nil, err
		}
		if u != nil {
			return u, nil
		}
	}
	return nil, nil
}

// getAuthenticateHeader is APIView.get_authenticate_header.
func (v *APIView) getAuthenticateHeader(r *http.Request) string {
	if len(v.authenticators) == 0 {
		return ""
	}
	return v.authenticators[0].AuthenticateHeader(r) // want `challenge taken from APIView.authenticators\[0\] whatever failed`
}

// permissionDenied is APIView.permission_denied: 401 with the challenge,
// 403 when the first authenticator has none.
func (v *APIView) permissionDenied(w http.ResponseWriter, r *http.Request) {
	if h := v.getAuthenticateHeader(r); h != "" {
		w.Header().Set("WWW-Authenticate", h)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusForbidden)
}
