// Package auth keeps its schemes in an unexported field, tries them in its
// own method, and hands them out through a getter: a lookup on what the
// getter returns, in another package, is a lookup on the field.
package auth

import "net/http"

// Authenticator is one scheme.
type Authenticator interface {
	Authenticate(r *http.Request) error
	Challenge() string
}

type Bearer struct{}

func (Bearer) Authenticate(r *http.Request) error { return nil }

func (Bearer) Challenge() string { return `Bearer realm="api"` }

type Key struct{}

func (Key) Authenticate(r *http.Request) error { return nil }

func (Key) Challenge() string { return "" }

// Chain tries its schemes in order.
type Chain struct{ schemes []Authenticator }

// NewChain keeps the schemes in order.
func NewChain(schemes ...Authenticator) *Chain { return &Chain{schemes: schemes} }

// Schemes returns the schemes, in order.
func (c *Chain) Schemes() []Authenticator { return c.schemes }

// Authenticate reports whether a scheme accepted the request.
func (c *Chain) Authenticate(r *http.Request) bool {
	for _, s := range c.schemes {
		if s.Authenticate(r) == nil {
			return true
		}
	}
	return false
}
