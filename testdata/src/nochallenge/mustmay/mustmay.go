// Package mustmay: a call counts as setting only the challenges its callee
// sets on every path (or, on the caller's failure branch, those it sets
// whenever it fails); interface calls resolve through the known
// implementations.
package mustmay

import (
	"errors"
	"net/http"
)

var errExpired = errors.New("expired")

// a. a helper that clears the session cookie through an interface on one
// error path: it sets no challenge.
type sessionStore interface {
	Clear(w http.ResponseWriter)
}

type cookieStore struct{ name string }

func (c cookieStore) Clear(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: c.name, MaxAge: -1})
}

type server struct {
	store sessionStore
	chal  challenger
	other opaque
}

func (s *server) fail(w http.ResponseWriter, err error) {
	if errors.Is(err, errExpired) {
		s.store.Clear(w)
	}
}

// Cookie answers 401 after the cookie-clearing helper.
func (s *server) Cookie(w http.ResponseWriter, r *http.Request) {
	if _, err := r.Cookie("session"); err != nil {
		s.fail(w, err)
		http.Error(w, "unauthorized", http.StatusUnauthorized) // want `401 response without a WWW-Authenticate challenge`
	}
}

// b. a helper that sets the challenge on one path only.
func maybeChallenge(w http.ResponseWriter, bearer bool) {
	if bearer {
		w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
	}
}

// May answers 401 after a helper that may set the challenge.
func May(w http.ResponseWriter, r *http.Request) {
	maybeChallenge(w, r.URL.Query().Has("bearer"))
	w.WriteHeader(http.StatusUnauthorized) // want `401 response without a WWW-Authenticate challenge`
}

// c. a helper that must set the challenge: silent.
func challenge(w http.ResponseWriter) {
	w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
}

// Must answers 401 after a helper that sets the challenge on every path.
func Must(w http.ResponseWriter, r *http.Request) {
	challenge(w)
	w.WriteHeader(http.StatusUnauthorized) // silent
}

// d. an interface whose every known implementation sets the challenge.
type challenger interface {
	Challenge(w http.ResponseWriter)
}

type bearerChallenger struct{}

func (bearerChallenger) Challenge(w http.ResponseWriter) {
	w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
}

type basicChallenger struct{ realm string }

func (b *basicChallenger) Challenge(w http.ResponseWriter) {
	w.Header().Set("WWW-Authenticate", `Basic realm="`+b.realm+`"`)
}

// Implemented answers 401 after the interface call: silent.
func (s *server) Implemented(w http.ResponseWriter, r *http.Request) {
	s.chal.Challenge(w)
	w.WriteHeader(http.StatusUnauthorized) // silent
}

// e. an interface with no known implementation: unknown, silent (and
// listed by the model as unresolved).
type opaque interface {
	Decorate(w http.ResponseWriter)
}

// Unresolved answers 401 after a call the model cannot see into.
func (s *server) Unresolved(w http.ResponseWriter, r *http.Request) {
	s.other.Decorate(w)
	w.WriteHeader(http.StatusUnauthorized) // silent: unknown
}

// f. a provider that sets the challenge whenever it fails: the caller's
// failure branch counts it as set.
type basicProvider struct{ realm string }

func (p basicProvider) check(w http.ResponseWriter, r *http.Request) error {
	if _, _, ok := r.BasicAuth(); !ok {
		w.Header().Set("WWW-Authenticate", `Basic realm="`+p.realm+`"`)
		return errors.New("no credentials")
	}
	return nil
}

// OnFail answers 401 on the provider's failure.
func OnFail(w http.ResponseWriter, r *http.Request) {
	p := basicProvider{realm: "api"}
	err := p.check(w, r)
	if err != nil {
		w.WriteHeader(http.StatusUnauthorized) // silent: set when check fails
		return
	}
	if r.Header.Get("X-Extra") == "" {
		w.WriteHeader(http.StatusUnauthorized) // want `401 response without a WWW-Authenticate challenge`
	}
}

// g. a middleware of the package that sets the challenge before it
// invokes the handler it wraps: the handler's 401 is challenged.
func withRealm(realm string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("WWW-Authenticate", `Basic realm="`+realm+`"`)
		h.ServeHTTP(w, r)
	})
}

func withLog(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(w, r)
	})
}

func share(w http.ResponseWriter, r *http.Request) {
	if _, _, ok := r.BasicAuth(); !ok {
		http.Error(w, "sign in", http.StatusUnauthorized) // silent: withRealm set the challenge
	}
}

func plain(w http.ResponseWriter, r *http.Request) {
	if _, _, ok := r.BasicAuth(); !ok {
		http.Error(w, "sign in", http.StatusUnauthorized) // want `401 response without a WWW-Authenticate challenge, and its caller does not set one first`
	}
}

// Mount wraps the handlers.
func Mount(mux *http.ServeMux) {
	mux.Handle("/share", withRealm("share", http.HandlerFunc(share)))
	mux.Handle("/plain", withLog(http.HandlerFunc(plain)))
}
