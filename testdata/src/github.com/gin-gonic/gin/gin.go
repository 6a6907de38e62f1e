// Package gin is a test stub of the real gin API subset, written for authchallenge fixtures.
package gin

import (
	"html/template"
	"net/http"

	"github.com/gin-gonic/gin/render"
)

const (
	AuthUserKey      = "user"
	AuthProxyUserKey = "proxy_user"
	Version          = "v1.12.0"
)

const (
	DebugMode   = "debug"
	ReleaseMode = "release"
	TestMode    = "test"
)

func SetMode(value string) {}

func Mode() string { return "" }

type H map[string]any

type Accounts map[string]string

type HandlerFunc func(*Context)

type HandlersChain []HandlerFunc

func (c HandlersChain) Last() HandlerFunc { return nil }

type OptionFunc func(*Engine)

type Param struct {
	Key   string
	Value string
}

type Params []Param

func (ps Params) Get(name string) (string, bool) { return "", false }

func (ps Params) ByName(name string) (va string) { return "" }

type IRoutes interface {
	Use(...HandlerFunc) IRoutes

	Handle(string, string, ...HandlerFunc) IRoutes
	Any(string, ...HandlerFunc) IRoutes
	GET(string, ...HandlerFunc) IRoutes
	POST(string, ...HandlerFunc) IRoutes
	DELETE(string, ...HandlerFunc) IRoutes
	PATCH(string, ...HandlerFunc) IRoutes
	PUT(string, ...HandlerFunc) IRoutes
	OPTIONS(string, ...HandlerFunc) IRoutes
	HEAD(string, ...HandlerFunc) IRoutes
	Match([]string, string, ...HandlerFunc) IRoutes

	StaticFile(string, string) IRoutes
	StaticFileFS(string, string, http.FileSystem) IRoutes
	Static(string, string) IRoutes
	StaticFS(string, http.FileSystem) IRoutes
}

type IRouter interface {
	IRoutes
	Group(string, ...HandlerFunc) *RouterGroup
}

type RouterGroup struct {
	Handlers HandlersChain
	basePath string
	engine   *Engine
	root     bool
}

var _ IRouter = (*RouterGroup)(nil)

func (group *RouterGroup) Use(middleware ...HandlerFunc) IRoutes { return group }

func (group *RouterGroup) Group(relativePath string, handlers ...HandlerFunc) *RouterGroup {
	return &RouterGroup{engine: group.engine}
}

func (group *RouterGroup) BasePath() string { return group.basePath }

func (group *RouterGroup) Handle(httpMethod, relativePath string, handlers ...HandlerFunc) IRoutes {
	return group
}

func (group *RouterGroup) POST(relativePath string, handlers ...HandlerFunc) IRoutes { return group }

func (group *RouterGroup) GET(relativePath string, handlers ...HandlerFunc) IRoutes { return group }

func (group *RouterGroup) DELETE(relativePath string, handlers ...HandlerFunc) IRoutes { return group }

func (group *RouterGroup) PATCH(relativePath string, handlers ...HandlerFunc) IRoutes { return group }

func (group *RouterGroup) PUT(relativePath string, handlers ...HandlerFunc) IRoutes { return group }

func (group *RouterGroup) OPTIONS(relativePath string, handlers ...HandlerFunc) IRoutes {
	return group
}

func (group *RouterGroup) HEAD(relativePath string, handlers ...HandlerFunc) IRoutes { return group }

func (group *RouterGroup) Any(relativePath string, handlers ...HandlerFunc) IRoutes { return group }

func (group *RouterGroup) Match(methods []string, relativePath string, handlers ...HandlerFunc) IRoutes {
	return group
}

func (group *RouterGroup) StaticFile(relativePath, filepath string) IRoutes { return group }

func (group *RouterGroup) StaticFileFS(relativePath, filepath string, fs http.FileSystem) IRoutes {
	return group
}

func (group *RouterGroup) Static(relativePath, root string) IRoutes { return group }

func (group *RouterGroup) StaticFS(relativePath string, fs http.FileSystem) IRoutes { return group }

type Engine struct {
	RouterGroup

	RedirectTrailingSlash  bool
	RedirectFixedPath      bool
	HandleMethodNotAllowed bool
	ForwardedByClientIP    bool
	UseRawPath             bool
	UnescapePathValues     bool
	RemoveExtraSlash       bool
	RemoteIPHeaders        []string
	TrustedPlatform        string
	MaxMultipartMemory     int64
	ContextWithFallback    bool
	HTMLRender             render.HTMLRender
	FuncMap                template.FuncMap
}

var _ IRouter = (*Engine)(nil)

func New(opts ...OptionFunc) *Engine { return &Engine{} }

func Default(opts ...OptionFunc) *Engine { return &Engine{} }

func (engine *Engine) With(opts ...OptionFunc) *Engine { return engine }

func (engine *Engine) Use(middleware ...HandlerFunc) IRoutes { return engine }

func (engine *Engine) NoRoute(handlers ...HandlerFunc) {}

func (engine *Engine) NoMethod(handlers ...HandlerFunc) {}

func (engine *Engine) Handler() http.Handler { return engine }

func (engine *Engine) HandleContext(c *Context) {}

func (engine *Engine) SetTrustedProxies(trustedProxies []string) error { return nil }

func (engine *Engine) Run(addr ...string) (err error) { return nil }

func (engine *Engine) RunTLS(addr, certFile, keyFile string) (err error) { return nil }

func (engine *Engine) ServeHTTP(w http.ResponseWriter, req *http.Request) {}

func WrapF(f http.HandlerFunc) HandlerFunc { return func(c *Context) {} }

func WrapH(h http.Handler) HandlerFunc { return func(c *Context) {} }

func Logger() HandlerFunc { return func(c *Context) {} }

func Recovery() HandlerFunc { return func(c *Context) {} }

func CreateTestContext(w http.ResponseWriter) (c *Context, r *Engine) {
	r = New()
	return &Context{engine: r}, r
}
