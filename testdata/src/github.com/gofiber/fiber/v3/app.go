// Package fiber is a test stub of the real fiber v3 API subset, written for authchallenge fixtures.
package fiber

import (
	"net/http"
	"time"

	"github.com/valyala/fasthttp"
)

const Version = "3.1.0"

type Handler = func(Ctx) error

type ErrorHandler = func(Ctx, error) error

type Map map[string]any

type Config struct {
	ServerHeader  string `json:"server_header"`
	StrictRouting bool   `json:"strict_routing"`
	CaseSensitive bool   `json:"case_sensitive"`
	BodyLimit     int    `json:"body_limit"`

	ReadTimeout  time.Duration `json:"read_timeout"`
	WriteTimeout time.Duration `json:"write_timeout"`
	IdleTimeout  time.Duration `json:"idle_timeout"`

	ProxyHeader string `json:"proxy_header"`

	ErrorHandler ErrorHandler `json:"-"`

	AppName string `json:"app_name"`

	TrustProxy bool `json:"trust_proxy"`
}

type Route struct {
	group *Group

	Method   string    `json:"method"`
	Name     string    `json:"name"`
	Path     string    `json:"path"`
	Params   []string  `json:"params"`
	Handlers []Handler `json:"-"`
}

type Router interface {
	Use(args ...any) Router

	Get(path string, handler any, handlers ...any) Router
	Head(path string, handler any, handlers ...any) Router
	Post(path string, handler any, handlers ...any) Router
	Put(path string, handler any, handlers ...any) Router
	Delete(path string, handler any, handlers ...any) Router
	Connect(path string, handler any, handlers ...any) Router
	Options(path string, handler any, handlers ...any) Router
	Trace(path string, handler any, handlers ...any) Router
	Patch(path string, handler any, handlers ...any) Router

	Add(methods []string, path string, handler any, handlers ...any) Router
	All(path string, handler any, handlers ...any) Router

	Group(prefix string, handlers ...any) Router

	Route(prefix string, fn func(router Router), name ...string) Router

	Name(name string) Router
}

type App struct {
	config Config
}

var _ Router = (*App)(nil)

func New(config ...Config) *App { return &App{} }

func (app *App) Config() Config { return app.config }

func (app *App) ErrorHandler(ctx Ctx, err error) error { return nil }

func (app *App) Handler() fasthttp.RequestHandler { return func(ctx *fasthttp.RequestCtx) {} }

func (app *App) Use(args ...any) Router { return app }

func (app *App) Get(path string, handler any, handlers ...any) Router { return app }

func (app *App) Head(path string, handler any, handlers ...any) Router { return app }

func (app *App) Post(path string, handler any, handlers ...any) Router { return app }

func (app *App) Put(path string, handler any, handlers ...any) Router { return app }

func (app *App) Delete(path string, handler any, handlers ...any) Router { return app }

func (app *App) Connect(path string, handler any, handlers ...any) Router { return app }

func (app *App) Options(path string, handler any, handlers ...any) Router { return app }

func (app *App) Trace(path string, handler any, handlers ...any) Router { return app }

func (app *App) Patch(path string, handler any, handlers ...any) Router { return app }

func (app *App) Add(methods []string, path string, handler any, handlers ...any) Router {
	return app
}

func (app *App) All(path string, handler any, handlers ...any) Router { return app }

func (app *App) Group(prefix string, handlers ...any) Router {
	return &Group{app: app, Prefix: prefix}
}

func (app *App) Route(prefix string, fn func(router Router), name ...string) Router { return app }

func (app *App) Name(name string) Router { return app }

func (app *App) GetRoutes(filterUseOption ...bool) []Route { return nil }

func (app *App) Listen(addr string, config ...ListenConfig) error { return nil }

func (app *App) Shutdown() error { return nil }

func (app *App) Test(req *http.Request, config ...TestConfig) (*http.Response, error) {
	return nil, nil
}

type ListenConfig struct {
	DisableStartupMessage bool `json:"disable_startup_message"`
}

type TestConfig struct {
	Timeout time.Duration

	FailOnTimeout bool
}

type Group struct {
	app    *App
	parent *Group
	name   string

	Prefix string
}

var _ Router = (*Group)(nil)

func (grp *Group) Use(args ...any) Router { return grp }

func (grp *Group) Get(path string, handler any, handlers ...any) Router { return grp }

func (grp *Group) Head(path string, handler any, handlers ...any) Router { return grp }

func (grp *Group) Post(path string, handler any, handlers ...any) Router { return grp }

func (grp *Group) Put(path string, handler any, handlers ...any) Router { return grp }

func (grp *Group) Delete(path string, handler any, handlers ...any) Router { return grp }

func (grp *Group) Connect(path string, handler any, handlers ...any) Router { return grp }

func (grp *Group) Options(path string, handler any, handlers ...any) Router { return grp }

func (grp *Group) Trace(path string, handler any, handlers ...any) Router { return grp }

func (grp *Group) Patch(path string, handler any, handlers ...any) Router { return grp }

func (grp *Group) Add(methods []string, path string, handler any, handlers ...any) Router {
	return grp
}

func (grp *Group) All(path string, handler any, handlers ...any) Router { return grp }

func (grp *Group) Group(prefix string, handlers ...any) Router {
	return &Group{app: grp.app, parent: grp, Prefix: grp.Prefix + prefix}
}

func (grp *Group) Route(prefix string, fn func(router Router), name ...string) Router { return grp }

func (grp *Group) Name(name string) Router { return grp }
