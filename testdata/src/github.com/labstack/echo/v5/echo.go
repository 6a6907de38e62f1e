// Package echo is a test stub of the real echo v5 API subset, written for authchallenge fixtures.
package echo

import (
	"errors"
	"io/fs"
	"log/slog"
	"net/http"
)

const Version = "5.4.4"

const (
	MIMEApplicationJSON = "application/json"
	MIMEApplicationXML  = "application/xml"
	MIMETextHTML        = "text/html"
	MIMETextPlain       = "text/plain"
	MIMEOctetStream     = "application/octet-stream"
)

const (
	HeaderAccept              = "Accept"
	HeaderAllow               = "Allow"
	HeaderAuthorization       = "Authorization"
	HeaderContentLength       = "Content-Length"
	HeaderContentType         = "Content-Type"
	HeaderCookie              = "Cookie"
	HeaderSetCookie           = "Set-Cookie"
	HeaderLocation            = "Location"
	HeaderRetryAfter          = "Retry-After"
	HeaderVary                = "Vary"
	HeaderWWWAuthenticate     = "WWW-Authenticate"
	HeaderXForwardedFor       = "X-Forwarded-For"
	HeaderXRealIP             = "X-Real-Ip"
	HeaderXRequestID          = "X-Request-Id"
	HeaderOrigin              = "Origin"
	HeaderCacheControl        = "Cache-Control"
	HeaderXCSRFToken          = "X-CSRF-Token"
	HeaderXContentTypeOptions = "X-Content-Type-Options"
)

type HandlerFunc func(c *Context) error

type MiddlewareFunc func(next HandlerFunc) HandlerFunc

type HTTPErrorHandler func(c *Context, err error)

type IPExtractor func(*http.Request) string

type Binder interface {
	Bind(c *Context, target any) error
}

type Validator interface {
	Validate(i any) error
}

type HTTPStatusCoder interface {
	StatusCode() int
}

type Route struct {
	Method string
	Path   string
	Name   string

	Handler     HandlerFunc
	Middlewares []MiddlewareFunc
}

type RouteInfo struct {
	Name       string
	Method     string
	Path       string
	Parameters []string
}

type Routes []RouteInfo

type PathValue struct {
	Name  string
	Value string
}

type PathValues []PathValue

func (p PathValues) Get(name string) (string, bool) { return "", false }

func (p PathValues) GetOr(name string, defaultValue string) string { return defaultValue }

type Config struct {
	Logger *slog.Logger

	HTTPErrorHandler HTTPErrorHandler

	OnAddRoute func(route Route) error

	Filesystem fs.FS

	Binder Binder

	Validator Validator

	IPExtractor IPExtractor

	FormParseMaxMemory int64
}

type Echo struct {
	Binder Binder

	Filesystem fs.FS

	Validator        Validator
	IPExtractor      IPExtractor
	OnAddRoute       func(route Route) error
	HTTPErrorHandler HTTPErrorHandler
	Logger           *slog.Logger

	middleware    []MiddlewareFunc
	premiddleware []MiddlewareFunc
}

type HTTPError struct {
	Code    int    `json:"-"`
	Message string `json:"message"`
	err     error
}

func NewHTTPError(code int, message string) *HTTPError {
	return &HTTPError{Code: code, Message: message}
}

func (he *HTTPError) Error() string { return he.Message }

func (he *HTTPError) StatusCode() int { return he.Code }

func (he HTTPError) Wrap(err error) error { return err }

func (he *HTTPError) Unwrap() error { return he.err }

type httpError struct {
	code int
}

func (he httpError) StatusCode() int { return he.code }

func (he httpError) Error() string { return "" }

func (he httpError) Wrap(err error) error { return err }

var (
	ErrBadRequest          = &httpError{http.StatusBadRequest}
	ErrUnauthorized        = &httpError{http.StatusUnauthorized}
	ErrForbidden           = &httpError{http.StatusForbidden}
	ErrNotFound            = &httpError{http.StatusNotFound}
	ErrMethodNotAllowed    = &httpError{http.StatusMethodNotAllowed}
	ErrTooManyRequests     = &httpError{http.StatusTooManyRequests}
	ErrInternalServerError = &httpError{http.StatusInternalServerError}
	ErrServiceUnavailable  = &httpError{http.StatusServiceUnavailable}
)

var (
	ErrValidatorNotRegistered = errors.New("validator not registered")
	ErrCookieNotFound         = errors.New("cookie not found")
)

func StatusCode(err error) int { return 0 }

func DefaultHTTPErrorHandler(exposeError bool) HTTPErrorHandler {
	return func(c *Context, err error) {}
}

func New() *Echo { return &Echo{} }

func NewWithConfig(config Config) *Echo { return &Echo{} }

func (e *Echo) NewContext(r *http.Request, w http.ResponseWriter) *Context {
	return NewContext(r, w)
}

func (e *Echo) Pre(middleware ...MiddlewareFunc) {}

func (e *Echo) PreMiddlewares() []MiddlewareFunc { return e.premiddleware }

func (e *Echo) Use(middleware ...MiddlewareFunc) {}

func (e *Echo) Middlewares() []MiddlewareFunc { return e.middleware }

func (e *Echo) CONNECT(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo {
	return RouteInfo{}
}

func (e *Echo) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo {
	return RouteInfo{}
}

func (e *Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo { return RouteInfo{} }

func (e *Echo) HEAD(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo { return RouteInfo{} }

func (e *Echo) OPTIONS(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo {
	return RouteInfo{}
}

func (e *Echo) PATCH(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo { return RouteInfo{} }

func (e *Echo) POST(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo { return RouteInfo{} }

func (e *Echo) PUT(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo { return RouteInfo{} }

func (e *Echo) QUERY(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo { return RouteInfo{} }

func (e *Echo) TRACE(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo { return RouteInfo{} }

func (e *Echo) RouteNotFound(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo {
	return RouteInfo{}
}

func (e *Echo) Any(path string, handler HandlerFunc, middleware ...MiddlewareFunc) RouteInfo {
	return RouteInfo{}
}

func (e *Echo) Match(methods []string, path string, handler HandlerFunc, middleware ...MiddlewareFunc) Routes {
	return nil
}

func (e *Echo) Static(pathPrefix, fsRoot string, middleware ...MiddlewareFunc) RouteInfo {
	return RouteInfo{}
}

func (e *Echo) File(path, file string, middleware ...MiddlewareFunc) RouteInfo { return RouteInfo{} }

func (e *Echo) AddRoute(route Route) (RouteInfo, error) { return RouteInfo{}, nil }

func (e *Echo) Add(method, path string, handler HandlerFunc, middleware ...MiddlewareFunc) RouteInfo {
	return RouteInfo{}
}

func (e *Echo) Group(prefix string, m ...MiddlewareFunc) (g *Group) {
	return &Group{prefix: prefix, echo: e}
}

func (e *Echo) AcquireContext() *Context { return &Context{echo: e} }

func (e *Echo) ReleaseContext(c *Context) {}

func (e *Echo) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

func (e *Echo) Start(address string) error { return nil }

func WrapHandler(h http.Handler) HandlerFunc {
	return func(c *Context) error { return nil }
}

func WrapMiddleware(m func(http.Handler) http.Handler) MiddlewareFunc {
	return func(next HandlerFunc) HandlerFunc { return next }
}
