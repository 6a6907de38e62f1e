// Package lib defines a gate whose schemes are an exported field: it tries
// them; the challenge is looked up in package look.
package lib

import "net/http"

// Scheme is one way to authenticate.
type Scheme interface {
	Verify(r *http.Request) bool
	Challenge() string
}

// Cookie has no challenge.
type Cookie struct{}

func (Cookie) Verify(r *http.Request) bool { return false }
func (Cookie) Challenge() string           { return "" }

// Basic challenges.
type Basic struct{}

func (Basic) Verify(r *http.Request) bool { _, _, ok := r.BasicAuth(); return ok }
func (Basic) Challenge() string           { return `Basic realm="x"` }

// Gate tries its schemes.
type Gate struct{ Schemes []Scheme }

// Allow reports whether one of the schemes accepts r.
func (g *Gate) Allow(r *http.Request) bool {
	for _, s := range g.Schemes {
		if s.Verify(r) {
			return true
		}
	}
	return false
}

// Head returns the first element of xs (the zero value if there is none).
func Head[T any](xs []T) T {
	var zero T
	if len(xs) > 0 {
		zero = xs[0]
	}
	return zero
}
