// Package ident keeps the caller's identity in the request's context, for
// the handlers behind the authentication middleware.
package ident

import (
	"context"
	"net/http"
	"slices"
)

// Principal is an authenticated caller.
type Principal struct {
	Subject string
	Roles   []string
}

// Has reports whether the principal holds role.
func (p *Principal) Has(role string) bool { return slices.Contains(p.Roles, role) }

// Authenticator authenticates a request.
type Authenticator interface {
	Authenticate(r *http.Request) (*Principal, error)
}

type principalKey struct{}

// WithPrincipal returns ctx carrying p.
func WithPrincipal(ctx context.Context, p *Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// FromContext returns the principal ctx carries.
func FromContext(ctx context.Context) (*Principal, bool) {
	p, ok := ctx.Value(principalKey{}).(*Principal)
	return p, ok
}

// Current returns the principal of r, nil when none.
func Current(r *http.Request) *Principal {
	p, _ := FromContext(r.Context())
	return p
}

type traceKey struct{}

// WithTrace returns ctx carrying the trace id.
func WithTrace(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, traceKey{}, id)
}

// Trace returns the trace id ctx carries.
func Trace(ctx context.Context) (string, bool) {
	id, ok := ctx.Value(traceKey{}).(string)
	return id, ok
}
