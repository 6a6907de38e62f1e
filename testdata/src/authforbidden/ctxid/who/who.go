// Package who keeps the caller's name for the request; it imports nothing
// of HTTP.
package who

import "context"

type nameKey struct{}

// WithName returns ctx carrying the caller's name.
func WithName(ctx context.Context, name string) context.Context {
	return context.WithValue(ctx, nameKey{}, name)
}

// Name returns the caller's name ctx carries, "" when none.
func Name(ctx context.Context) string {
	n, _ := ctx.Value(nameKey{}).(string)
	return n
}
