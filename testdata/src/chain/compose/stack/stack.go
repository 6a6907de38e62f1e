// Package stack composes middleware of its own: Chain wraps the first
// outermost (a loop from the last down), Compose the last outermost (a
// range loop from the first up), Each applies every one to the same
// handler (no stack), Pick uses one.
package stack

import "net/http"

// Middleware wraps a handler.
type Middleware = func(http.Handler) http.Handler

// Chain composes mws so that mws[0] runs first.
func Chain(mws ...Middleware) Middleware {
	return func(h http.Handler) http.Handler {
		for i := len(mws) - 1; i >= 0; i-- {
			h = mws[i](h)
		}
		return h
	}
}

// Compose wraps in the order given: the last runs first.
func Compose(h http.Handler, mws ...Middleware) http.Handler {
	for _, mw := range mws {
		h = mw(h)
	}
	return h
}

// Each wraps h with each middleware separately: no stack.
func Each(h http.Handler, mws ...Middleware) []http.Handler {
	var out []http.Handler
	for _, mw := range mws {
		out = append(out, mw(h))
	}
	return out
}
