// Package echo is a test stub of the real echo v4 API subset, written for authchallenge fixtures.
package echo

import (
	"errors"
	stdLog "log"
	"net"
	"net/http"
)

const Version = "4.16.0"

const (
	MIMEApplicationJSON            = "application/json"
	MIMEApplicationJSONCharsetUTF8 = MIMEApplicationJSON + "; " + charsetUTF8
	MIMEApplicationXML             = "application/xml"
	MIMETextHTML                   = "text/html"
	MIMETextHTMLCharsetUTF8        = MIMETextHTML + "; " + charsetUTF8
	MIMETextPlain                  = "text/plain"
	MIMETextPlainCharsetUTF8       = MIMETextPlain + "; " + charsetUTF8
	MIMEOctetStream                = "application/octet-stream"
)

const charsetUTF8 = "charset=UTF-8"

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

type HandlerFunc func(c Context) error

type MiddlewareFunc func(next HandlerFunc) HandlerFunc

type HTTPErrorHandler func(err error, c Context)

type IPExtractor func(*http.Request) string

type Map map[string]interface{}

type Binder interface {
	Bind(i interface{}, c Context) error
}

type Validator interface {
	Validate(i interface{}) error
}

type Route struct {
	Method string `json:"method"`
	Path   string `json:"path"`
	Name   string `json:"name"`
}

type Echo struct {
	StdLogger        *stdLog.Logger
	Server           *http.Server
	TLSServer        *http.Server
	Listener         net.Listener
	TLSListener      net.Listener
	HTTPErrorHandler HTTPErrorHandler
	Binder           Binder
	Validator        Validator
	IPExtractor      IPExtractor
	ListenerNetwork  string

	OnAddRouteHandler func(host string, route Route, handler HandlerFunc, middleware []MiddlewareFunc)
	DisableHTTP2      bool
	Debug             bool
	HideBanner        bool
	HidePort          bool
}

var (
	ErrBadRequest             = NewHTTPError(http.StatusBadRequest)
	ErrUnauthorized           = NewHTTPError(http.StatusUnauthorized)
	ErrForbidden              = NewHTTPError(http.StatusForbidden)
	ErrNotFound               = NewHTTPError(http.StatusNotFound)
	ErrMethodNotAllowed       = NewHTTPError(http.StatusMethodNotAllowed)
	ErrTooManyRequests        = NewHTTPError(http.StatusTooManyRequests)
	ErrInternalServerError    = NewHTTPError(http.StatusInternalServerError)
	ErrServiceUnavailable     = NewHTTPError(http.StatusServiceUnavailable)
	ErrUnprocessableEntity    = NewHTTPError(http.StatusUnprocessableEntity)
	ErrCookieNotFound         = errors.New("cookie not found")
	ErrValidatorNotRegistered = errors.New("validator not registered")
)

var (
	NotFoundHandler = func(c Context) error {
		return ErrNotFound
	}

	MethodNotAllowedHandler = func(c Context) error {
		return ErrMethodNotAllowed
	}
)

type HTTPError struct {
	Internal error       `json:"-"`
	Message  interface{} `json:"message"`
	Code     int         `json:"-"`
}

func NewHTTPError(code int, message ...interface{}) *HTTPError { return &HTTPError{Code: code} }

func (he *HTTPError) Error() string { return "" }

func (he *HTTPError) SetInternal(err error) *HTTPError { return he }

func (he *HTTPError) WithInternal(err error) *HTTPError { return he }

func (he *HTTPError) Unwrap() error { return he.Internal }

func New() (e *Echo) { return &Echo{} }

func (e *Echo) NewContext(r *http.Request, w http.ResponseWriter) Context { return nil }

func (e *Echo) DefaultHTTPErrorHandler(err error, c Context) {}

func (e *Echo) Pre(middleware ...MiddlewareFunc) {}

func (e *Echo) Use(middleware ...MiddlewareFunc) {}

func (e *Echo) CONNECT(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }

func (e *Echo) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }

func (e *Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }

func (e *Echo) HEAD(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }

func (e *Echo) OPTIONS(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }

func (e *Echo) PATCH(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }

func (e *Echo) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }

func (e *Echo) PUT(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }

func (e *Echo) TRACE(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }

func (e *Echo) RouteNotFound(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }

func (e *Echo) Any(path string, handler HandlerFunc, middleware ...MiddlewareFunc) []*Route {
	return nil
}

func (e *Echo) Match(methods []string, path string, handler HandlerFunc, middleware ...MiddlewareFunc) []*Route {
	return nil
}

func (e *Echo) Static(pathPrefix, fsRoot string) *Route { return nil }

func (e *Echo) Add(method, path string, handler HandlerFunc, middleware ...MiddlewareFunc) *Route {
	return nil
}

func (e *Echo) Host(name string, m ...MiddlewareFunc) (g *Group) { return &Group{echo: e} }

func (e *Echo) Group(prefix string, m ...MiddlewareFunc) (g *Group) {
	return &Group{prefix: prefix, echo: e}
}

func (e *Echo) Routes() []*Route { return nil }

func (e *Echo) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

func (e *Echo) Start(address string) error { return nil }

func (e *Echo) StartTLS(address string, certFile, keyFile interface{}) (err error) { return nil }

func (e *Echo) StartServer(s *http.Server) (err error) { return nil }

func (e *Echo) Close() error { return nil }

func WrapHandler(h http.Handler) HandlerFunc {
	return func(c Context) error { return nil }
}

func WrapMiddleware(m func(http.Handler) http.Handler) MiddlewareFunc {
	return func(next HandlerFunc) HandlerFunc { return next }
}
