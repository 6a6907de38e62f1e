// Package fiber is a test stub of the real fiber v2 API subset, written for authchallenge fixtures.
package fiber

import (
	"net/http"
	"time"

	"github.com/valyala/fasthttp"
)

const Version = "2.52.15"

type Handler = func(*Ctx) error

type ErrorHandler = func(*Ctx, error) error

type Map map[string]interface{}

type Request = fasthttp.Request

type Response = fasthttp.Response

type Args = fasthttp.Args

type Config struct {
	Prefork       bool   `json:"prefork"`
	ServerHeader  string `json:"server_header"`
	StrictRouting bool   `json:"strict_routing"`
	CaseSensitive bool   `json:"case_sensitive"`
	Immutable     bool   `json:"immutable"`
	BodyLimit     int    `json:"body_limit"`

	ReadTimeout  time.Duration `json:"read_timeout"`
	WriteTimeout time.Duration `json:"write_timeout"`
	IdleTimeout  time.Duration `json:"idle_timeout"`

	ProxyHeader string `json:"proxy_header"`

	ErrorHandler ErrorHandler `json:"-"`

	DisableStartupMessage bool   `json:"disable_startup_message"`
	AppName               string `json:"app_name"`

	EnableTrustedProxyCheck bool     `json:"enable_trusted_proxy_check"`
	TrustedProxies          []string `json:"trusted_proxies"`
}

type Static struct {
	Compress      bool          `json:"compress"`
	ByteRange     bool          `json:"byte_range"`
	Browse        bool          `json:"browse"`
	Download      bool          `json:"download"`
	Index         string        `json:"index"`
	CacheDuration time.Duration `json:"cache_duration"`
	MaxAge        int           `json:"max_age"`

	ModifyResponse Handler

	Next func(c *Ctx) bool
}

type Route struct {
	pos  uint32
	use  bool
	star bool
	root bool

	Method   string    `json:"method"`
	Name     string    `json:"name"`
	Path     string    `json:"path"`
	Params   []string  `json:"params"`
	Handlers []Handler `json:"-"`
}

type Router interface {
	Use(args ...interface{}) Router

	Get(path string, handlers ...Handler) Router
	Head(path string, handlers ...Handler) Router
	Post(path string, handlers ...Handler) Router
	Put(path string, handlers ...Handler) Router
	Delete(path string, handlers ...Handler) Router
	Connect(path string, handlers ...Handler) Router
	Options(path string, handlers ...Handler) Router
	Trace(path string, handlers ...Handler) Router
	Patch(path string, handlers ...Handler) Router

	Add(method, path string, handlers ...Handler) Router
	Static(prefix, root string, config ...Static) Router
	All(path string, handlers ...Handler) Router

	Group(prefix string, handlers ...Handler) Router

	Route(prefix string, fn func(router Router), name ...string) Router

	Mount(prefix string, fiber *App) Router

	Name(name string) Router
}

type App struct {
	config Config
}

var _ Router = (*App)(nil)

func New(config ...Config) *App { return &App{} }

func (app *App) Config() Config { return app.config }

func (app *App) ErrorHandler(ctx *Ctx, err error) error { return nil }

func (app *App) Handler() fasthttp.RequestHandler { return func(ctx *fasthttp.RequestCtx) {} }

func (app *App) AcquireCtx(fctx *fasthttp.RequestCtx) *Ctx { return &Ctx{app: app, fasthttp: fctx} }

func (app *App) ReleaseCtx(c *Ctx) {}

func (app *App) Use(args ...interface{}) Router { return app }

func (app *App) Get(path string, handlers ...Handler) Router { return app }

func (app *App) Head(path string, handlers ...Handler) Router { return app }

func (app *App) Post(path string, handlers ...Handler) Router { return app }

func (app *App) Put(path string, handlers ...Handler) Router { return app }

func (app *App) Delete(path string, handlers ...Handler) Router { return app }

func (app *App) Connect(path string, handlers ...Handler) Router { return app }

func (app *App) Options(path string, handlers ...Handler) Router { return app }

func (app *App) Trace(path string, handlers ...Handler) Router { return app }

func (app *App) Patch(path string, handlers ...Handler) Router { return app }

func (app *App) Add(method, path string, handlers ...Handler) Router { return app }

func (app *App) Static(prefix, root string, config ...Static) Router { return app }

func (app *App) All(path string, handlers ...Handler) Router { return app }

func (app *App) Group(prefix string, handlers ...Handler) Router {
	return &Group{app: app, Prefix: prefix}
}

func (app *App) Route(prefix string, fn func(router Router), name ...string) Router { return app }

func (app *App) Mount(prefix string, subApp *App) Router { return app }

func (app *App) Name(name string) Router { return app }

func (app *App) GetRoutes(filterUseOption ...bool) []Route { return nil }

func (app *App) Listen(addr string) error { return nil }

func (app *App) ListenTLS(addr, certFile, keyFile string) error { return nil }

func (app *App) Shutdown() error { return nil }

func (app *App) Test(req *http.Request, msTimeout ...int) (*http.Response, error) { return nil, nil }

type Group struct {
	app    *App
	parent *Group
	name   string

	Prefix string
}

var _ Router = (*Group)(nil)

func (grp *Group) Use(args ...interface{}) Router { return grp }

func (grp *Group) Get(path string, handlers ...Handler) Router { return grp }

func (grp *Group) Head(path string, handlers ...Handler) Router { return grp }

func (grp *Group) Post(path string, handlers ...Handler) Router { return grp }

func (grp *Group) Put(path string, handlers ...Handler) Router { return grp }

func (grp *Group) Delete(path string, handlers ...Handler) Router { return grp }

func (grp *Group) Connect(path string, handlers ...Handler) Router { return grp }

func (grp *Group) Options(path string, handlers ...Handler) Router { return grp }

func (grp *Group) Trace(path string, handlers ...Handler) Router { return grp }

func (grp *Group) Patch(path string, handlers ...Handler) Router { return grp }

func (grp *Group) Add(method, path string, handlers ...Handler) Router { return grp }

func (grp *Group) Static(prefix, root string, config ...Static) Router { return grp }

func (grp *Group) All(path string, handlers ...Handler) Router { return grp }

func (grp *Group) Group(prefix string, handlers ...Handler) Router {
	return &Group{app: grp.app, parent: grp, Prefix: grp.Prefix + prefix}
}

func (grp *Group) Route(prefix string, fn func(router Router), name ...string) Router { return grp }

func (grp *Group) Mount(prefix string, subApp *App) Router { return grp }

func (grp *Group) Name(name string) Router { return grp }
