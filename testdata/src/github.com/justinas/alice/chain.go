// Package alice is a test stub of the real alice API subset, written for authchallenge fixtures.
package alice

import "net/http"

type Constructor func(http.Handler) http.Handler

type Chain struct {
	constructors []Constructor
}

func New(constructors ...Constructor) Chain { return Chain{constructors: constructors} }

func (c Chain) Then(h http.Handler) http.Handler { return h }

func (c Chain) ThenFunc(fn http.HandlerFunc) http.Handler { return fn }

func (c Chain) Append(constructors ...Constructor) Chain { return c }

func (c Chain) Extend(chain Chain) Chain { return c }
