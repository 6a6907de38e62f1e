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

// Registry is filled by functional options and tries its schemes in order;
// the failure answer asks the first.
type Registry struct {
	schemes []Scheme
	name    string
}

// Option configures a Registry.
type Option func(*Registry)

// WithScheme adds a scheme.
func WithScheme(s Scheme) Option { return func(r *Registry) { r.schemes = append(r.schemes, s) } }

// WithName names the registry.
func WithName(n string) Option { return func(r *Registry) { r.name = n } }

// NewRegistry applies the options in order.
func NewRegistry(opts ...Option) *Registry {
	r := new(Registry)
	for _, o := range opts {
		o(r)
	}
	return r
}

// ServeHTTP answers a request no scheme accepts with the first scheme's
// challenge.
func (r *Registry) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	for _, s := range r.schemes {
		if s.Verify(req) {
			return
		}
	}
	if c := r.schemes[0].Challenge(); c != "" {
		w.Header().Set("WWW-Authenticate", c)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusForbidden)
}
