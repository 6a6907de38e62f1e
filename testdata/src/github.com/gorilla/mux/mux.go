// Package mux is a test stub of the real gorilla/mux API subset, written for authchallenge fixtures.
package mux

import (
	"errors"
	"net/http"
)

var (
	ErrMethodMismatch = errors.New("method is not allowed")
	ErrNotFound       = errors.New("no matching route was found")
	SkipRouter        = errors.New("skip this router")
)

type MiddlewareFunc func(http.Handler) http.Handler

func (mw MiddlewareFunc) Middleware(handler http.Handler) http.Handler { return handler }

type MatcherFunc func(*http.Request, *RouteMatch) bool

type RouteMatch struct {
	Route   *Route
	Handler http.Handler
	Vars    map[string]string

	MatchErr error
}

type Router struct {
	NotFoundHandler http.Handler

	MethodNotAllowedHandler http.Handler

	KeepContext bool

	routes      []*Route
	middlewares []middleware
}

type middleware interface {
	Middleware(handler http.Handler) http.Handler
}

func NewRouter() *Router { return &Router{} }

func (r *Router) ServeHTTP(w http.ResponseWriter, req *http.Request) {}

func (r *Router) Match(req *http.Request, match *RouteMatch) bool { return false }

func (r *Router) Use(mwf ...MiddlewareFunc) {}

func (r *Router) NewRoute() *Route { return &Route{} }

func (r *Router) Get(name string) *Route { return nil }

func (r *Router) GetRoute(name string) *Route { return nil }

func (r *Router) StrictSlash(value bool) *Router { return r }

func (r *Router) SkipClean(value bool) *Router { return r }

func (r *Router) UseEncodedPath() *Router { return r }

func (r *Router) Name(name string) *Route { return r.NewRoute() }

func (r *Router) Handle(path string, handler http.Handler) *Route { return r.NewRoute() }

func (r *Router) HandleFunc(path string, f func(http.ResponseWriter, *http.Request)) *Route {
	return r.NewRoute()
}

func (r *Router) Headers(pairs ...string) *Route { return r.NewRoute() }

func (r *Router) Host(tpl string) *Route { return r.NewRoute() }

func (r *Router) MatcherFunc(f MatcherFunc) *Route { return r.NewRoute() }

func (r *Router) Methods(methods ...string) *Route { return r.NewRoute() }

func (r *Router) Path(tpl string) *Route { return r.NewRoute() }

func (r *Router) PathPrefix(tpl string) *Route { return r.NewRoute() }

func (r *Router) Queries(pairs ...string) *Route { return r.NewRoute() }

func (r *Router) Schemes(schemes ...string) *Route { return r.NewRoute() }

type Route struct {
	handler http.Handler
	name    string
	err     error
}

func (r *Route) Match(req *http.Request, match *RouteMatch) bool { return false }

func (r *Route) GetError() error { return r.err }

func (r *Route) Handler(handler http.Handler) *Route { r.handler = handler; return r }

func (r *Route) HandlerFunc(f func(http.ResponseWriter, *http.Request)) *Route { return r }

func (r *Route) GetHandler() http.Handler { return r.handler }

func (r *Route) Name(name string) *Route { r.name = name; return r }

func (r *Route) GetName() string { return r.name }

func (r *Route) Headers(pairs ...string) *Route { return r }

func (r *Route) Host(tpl string) *Route { return r }

func (r *Route) MatcherFunc(f MatcherFunc) *Route { return r }

func (r *Route) Methods(methods ...string) *Route { return r }

func (r *Route) Path(tpl string) *Route { return r }

func (r *Route) PathPrefix(tpl string) *Route { return r }

func (r *Route) Queries(pairs ...string) *Route { return r }

func (r *Route) Schemes(schemes ...string) *Route { return r }

func (r *Route) Subrouter() *Router { return &Router{} }

func (r *Route) GetPathTemplate() (string, error) { return "", nil }

func (r *Route) GetMethods() ([]string, error) { return nil, nil }

func Vars(r *http.Request) map[string]string { return nil }

func CurrentRoute(r *http.Request) *Route { return nil }

func CORSMethodMiddleware(r *Router) MiddlewareFunc {
	return func(next http.Handler) http.Handler { return next }
}
