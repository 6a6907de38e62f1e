package demo

import (
	"errors"
	"net/http"
	"strings"
)

// User is an authenticated caller.
type User struct{ Name string }

var errBadCredentials = errors.New("bad credentials")

// Authenticator is Django REST Framework's BaseAuthentication in Go:
// Authenticate returns no user and no error when the request carries none
// of its credentials; AuthenticateHeader is the WWW-Authenticate value for a
// refused request, "" for none.
type Authenticator interface {
	Authenticate(r *http.Request) (*User, error)
	AuthenticateHeader(r *http.Request) string
}

// SessionAuth reads the session cookie of the browser app: no challenge.
type SessionAuth struct{}

func (SessionAuth) Authenticate(r *http.Request) (*User, error) {
	c, err := r.Cookie("session")
	if err != nil {
		return nil, nil
	}
	return &User{Name: c.Value}, nil
}

func (SessionAuth) AuthenticateHeader(r *http.Request) string { return "" }

// TokenAuth reads a bearer token: clients refresh it when they get 401.
type TokenAuth struct{ Token string }

func (t TokenAuth) Authenticate(r *http.Request) (*User, error) {
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return nil, nil
	}
	if tok != t.Token {
		return nil, errBadCredentials
	}
	return &User{Name: "api"}, nil
}

func (t TokenAuth) AuthenticateHeader(r *http.Request) string { return `Bearer realm="demo"` }

// View is DRF's APIView: it tries its authenticators in order, and when
// none accepts the request it asks the first one for the challenge —
// 401 with it, 403 without one.
type View struct {
	auths   []Authenticator
	handler http.HandlerFunc
}

// NewView returns a view over auths, tried in order.
func NewView(h http.HandlerFunc, auths ...Authenticator) *View {
	return &View{auths: auths, handler: h}
}

func (v *View) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, a := range v.auths {
		u, err := a.Authenticate(r)
		if err != nil {
			break
		}
		if u != nil {
			v.handler(w, r)
			return
		}
	}
	v.notAuthenticated(w, r)
}

// notAuthenticated is DRF's get_authenticate_header and permission_denied:
// the challenge comes from auths[0], whatever failed.
func (v *View) notAuthenticated(w http.ResponseWriter, r *http.Request) {
	if h := v.auths[0].AuthenticateHeader(r); h != "" {
		w.Header().Set("WWW-Authenticate", h)
		http.Error(w, "not authenticated", http.StatusUnauthorized)
		return
	}
	http.Error(w, "not authenticated", http.StatusForbidden)
}
