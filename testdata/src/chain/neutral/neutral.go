// Package neutral's schemes read credentials gathered from HTTP or gRPC
// into a struct of its own: no method takes a request. That the interface
// is one of schemes shows in what they answer: a scheme's Challenge
// returns Bearer realm=…. An interface whose string method only ever
// answers plain words is none.
package neutral

import (
	"context"
	"fmt"
	"net/http"
)

// Credentials are what a request presented, whatever its transport.
type Credentials struct {
	Authorization string
	SessionID     string
}

// Authenticator is one scheme.
type Authenticator interface {
	Name() string
	Authenticate(ctx context.Context, c Credentials) (string, error)
	Challenge() string
}

type Bearer struct{ Realm string }

func (Bearer) Name() string { return "bearer" }

func (Bearer) Authenticate(ctx context.Context, c Credentials) (string, error) { return "", nil }

func (b Bearer) Challenge() string { return fmt.Sprintf("Bearer realm=%q", b.Realm) }

type Session struct{}

func (Session) Name() string { return "session" }

func (Session) Authenticate(ctx context.Context, c Credentials) (string, error) { return "", nil }

func (Session) Challenge() string { return "" }

// Legacy answers with the first scheme's challenge, whatever failed.
func Legacy(schemes []Authenticator) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c := Credentials{Authorization: r.Header.Get("Authorization")}
		for _, s := range schemes {
			if _, err := s.Authenticate(r.Context(), c); err == nil {
				return
			}
		}
		if ch := schemes[0].Challenge(); ch != "" { // want `challenge taken from schemes\[0\] whatever failed`
			w.Header().Set("WWW-Authenticate", ch)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.WriteHeader(http.StatusForbidden)
	})
}

var (
	Console = Legacy([]Authenticator{Session{}, Bearer{Realm: "admin"}}) // want `Session is challenge-less but sits first`
	API     = Legacy([]Authenticator{Bearer{Realm: "api"}, Session{}})
)

// Labeler's string method answers words, never a challenge: no scheme.
type Labeler interface {
	Label() string
	Check(ctx context.Context, c Credentials) error
}

type Plain struct{}

func (Plain) Label() string { return "Plain text" }

func (Plain) Check(ctx context.Context, c Credentials) error { return nil }

type Quiet struct{}

func (Quiet) Label() string { return "" }

func (Quiet) Check(ctx context.Context, c Credentials) error { return nil }

// Describe asks the first labeler, after trying them all: no chain.
func Describe(ls []Labeler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, l := range ls {
			if l.Check(r.Context(), Credentials{}) == nil {
				return
			}
		}
		w.Header().Set("X-Label", ls[0].Label()) // silent: Labeler is no scheme interface
		w.WriteHeader(http.StatusForbidden)
	})
}

var Labels = Describe([]Labeler{Quiet{}, Plain{}}) // silent
