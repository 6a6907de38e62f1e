// Package helpers builds its schemes' challenges through helpers: one of
// another package, one of its own, and one that builds no challenge. A
// scheme whose Challenge method returns what a helper builds is as
// challenge-bearing as the helper's answer.
package helpers

import (
	"fmt"
	"net/http"

	"chain/helpers/realm"
)

// Authenticator is one scheme.
type Authenticator interface {
	Authenticate(r *http.Request) (string, error)
	Challenge() string
}

type TokenAuth struct{ Realm string }

func (TokenAuth) Authenticate(r *http.Request) (string, error) { return "", nil }

func (a TokenAuth) Challenge() string { return realm.Bearer(a.Realm) }

type BasicAuth struct{ Realm string }

func (BasicAuth) Authenticate(r *http.Request) (string, error) { return "", nil }

func (a BasicAuth) Challenge() string { return basic(a.Realm) }

func basic(r string) string {
	return fmt.Sprintf(`Basic realm=%q, charset="UTF-8"`, r)
}

type CodeAuth struct{ Realm string }

func (CodeAuth) Authenticate(r *http.Request) (string, error) { return "", nil }

func (a CodeAuth) Challenge() string { return realm.Token(a.Realm, "invalid_token") }

type MaybeAuth struct{ Realm string }

func (MaybeAuth) Authenticate(r *http.Request) (string, error) { return "", nil }

func (a MaybeAuth) Challenge() string { return realm.Maybe(a.Realm) }

type CookieAuth struct{}

func (CookieAuth) Authenticate(r *http.Request) (string, error) { return "", nil }

func (CookieAuth) Challenge() string { return "" }

type LabelAuth struct{ Realm string }

func (LabelAuth) Authenticate(r *http.Request) (string, error) { return "", nil }

func (a LabelAuth) Challenge() string { return realm.Label(a.Realm) }

// Chain tries its schemes in order and answers with the first one's
// challenge.
type Chain []Authenticator

func (c Chain) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, a := range c {
		if _, err := a.Authenticate(r); err == nil {
			return
		}
	}
	if ch := c[0].Challenge(); ch != "" {
		w.Header().Set("WWW-Authenticate", ch)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusForbidden)
}

var (
	Imported = Chain{CookieAuth{}, TokenAuth{Realm: "api"}} // want `CookieAuth is challenge-less but sits first`
	Own      = Chain{CookieAuth{}, BasicAuth{Realm: "ops"}} // want `CookieAuth is challenge-less but sits first`
	Label    = Chain{CookieAuth{}, LabelAuth{Realm: "ops"}} // silent: LabelAuth's answer is no challenge: unknown
	Good     = Chain{TokenAuth{Realm: "api"}, CookieAuth{}} // silent: bearing first
	Built    = Chain{CookieAuth{}, CodeAuth{Realm: "api"}}  // want `CookieAuth is challenge-less but sits first`
	Maybe    = Chain{CookieAuth{}, MaybeAuth{Realm: "api"}} // silent: MaybeAuth's answer is not known
)
