// Package authn's schemes answer with a challenge only if they implement
// an optional interface, asked through a helper: ChallengeFor(a, r) asks
// its parameter, so a call of it is a lookup of what it is given.
package authn

import "net/http"

// Authenticator is one scheme.
type Authenticator interface {
	Authenticate(r *http.Request) error
}

// Challenger is what a scheme with a challenge implements too.
type Challenger interface {
	Challenge(r *http.Request) string
}

// ChallengeFor returns a's challenge, or "" when it has none.
func ChallengeFor(a Authenticator, r *http.Request) string {
	if c, ok := a.(Challenger); ok {
		return c.Challenge(r)
	}
	return ""
}

type Bearer struct{}

func (Bearer) Authenticate(r *http.Request) error { return nil }

func (Bearer) Challenge(r *http.Request) string { return `Bearer realm="api"` }

type Cookie struct{}

func (Cookie) Authenticate(r *http.Request) error { return nil }
