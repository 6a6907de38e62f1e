package fiber

import (
	"bufio"
	"context"
	"crypto/tls"
	"io"
	"mime/multipart"
	"time"

	"github.com/valyala/fasthttp"
)

type Cookie struct {
	Expires     time.Time `json:"expires"`
	Name        string    `json:"name"`
	Value       string    `json:"value"`
	Path        string    `json:"path"`
	Domain      string    `json:"domain"`
	SameSite    string    `json:"same_site"`
	MaxAge      int       `json:"max_age"`
	Secure      bool      `json:"secure"`
	HTTPOnly    bool      `json:"http_only"`
	Partitioned bool      `json:"partitioned"`
	SessionOnly bool      `json:"session_only"`
}

type Ctx interface {
	App() *App
	BaseURL() string
	RequestCtx() *fasthttp.RequestCtx
	Context() context.Context
	SetContext(ctx context.Context)
	Deadline() (time.Time, bool)
	Done() <-chan struct{}
	Err() error
	Request() *fasthttp.Request
	Response() *fasthttp.Response
	Get(key string, defaultValue ...string) string
	GetHeaders() map[string][]string
	GetReqHeaders() map[string][]string
	GetRespHeader(key string, defaultValue ...string) string
	GetRespHeaders() map[string][]string
	ClientHelloInfo() *tls.ClientHelloInfo
	Next() error
	RestartRouting() error
	OriginalURL() string
	Path(override ...string) string
	RequestID() string
	Redirect() *Redirect
	Route() *Route
	FullPath() string
	Matched() bool
	IsMiddleware() bool
	HasBody() bool
	IsWebSocket() bool
	IsPreflight() bool
	Secure() bool
	Status(status int) Ctx
	String() string
	Value(key any) any
	XHR() bool
	FullURL() string
	UserAgent() string
	Referer() string
	HasHeader(key string) bool
	IsJSON() bool
	AcceptsJSON() bool
	Accepts(offers ...string) string
	BodyRaw() []byte
	Body() []byte
	Cookies(key string, defaultValue ...string) string
	FormFile(key string) (*multipart.FileHeader, error)
	FormValue(key string, defaultValue ...string) string
	Host() string
	Hostname() string
	Port() string
	IP() string
	IPs() []string
	Is(extension string) bool
	Locals(key any, value ...any) any
	Method(override ...string) string
	MultipartForm() (*multipart.Form, error)
	Params(key string, defaultValue ...string) string
	Scheme() string
	Protocol() string
	Query(key string, defaultValue ...string) string
	Queries() map[string]string
	IsProxyTrusted() bool
	IsFromLocal() bool
	Append(field string, values ...string)
	Attachment(filename ...string)
	ClearCookie(key ...string)
	Cookie(cookie *Cookie)
	AutoFormat(body any) error
	JSON(data any, ctype ...string) error
	JSONP(data any, callback ...string) error
	XML(data any) error
	Location(path string)
	Render(name string, bind any, layouts ...string) error
	Send(body []byte) error
	SendStatus(status int) error
	SendString(body string) error
	SendStream(stream io.Reader, size ...int) error
	SendStreamWriter(streamWriter func(*bufio.Writer)) error
	Set(key, val string)
	Type(extension string, charset ...string) Ctx
	Vary(fields ...string)
	Write(p []byte) (int, error)
	Writef(f string, a ...any) (int, error)
	WriteString(s string) (int, error)
	Drop() error
	End() error
}

type DefaultCtx struct {
	DefaultReq
	DefaultRes
	app      *App
	route    *Route
	fasthttp *fasthttp.RequestCtx
	redirect *Redirect
}

var _ Ctx = (*DefaultCtx)(nil)

func NewDefaultCtx(app *App) *DefaultCtx {
	c := &DefaultCtx{app: app}
	c.DefaultReq.c = c
	c.DefaultRes.c = c
	return c
}

func (c *DefaultCtx) App() *App { return c.app }

func (c *DefaultCtx) BaseURL() string { return "" }

func (c *DefaultCtx) RequestCtx() *fasthttp.RequestCtx { return c.fasthttp }

func (c *DefaultCtx) Context() context.Context { return context.Background() }

func (c *DefaultCtx) SetContext(ctx context.Context) {}

func (c *DefaultCtx) Deadline() (time.Time, bool) { return time.Time{}, false }

func (c *DefaultCtx) Done() <-chan struct{} { return nil }

func (c *DefaultCtx) Err() error { return nil }

func (c *DefaultCtx) Request() *fasthttp.Request { return &c.fasthttp.Request }

func (c *DefaultCtx) Response() *fasthttp.Response { return &c.fasthttp.Response }

func (c *DefaultCtx) Get(key string, defaultValue ...string) string { return "" }

func (c *DefaultCtx) GetHeaders() map[string][]string { return nil }

func (c *DefaultCtx) GetReqHeaders() map[string][]string { return nil }

func (c *DefaultCtx) GetRespHeader(key string, defaultValue ...string) string { return "" }

func (c *DefaultCtx) GetRespHeaders() map[string][]string { return nil }

func (c *DefaultCtx) ClientHelloInfo() *tls.ClientHelloInfo { return nil }

func (c *DefaultCtx) Next() error { return nil }

func (c *DefaultCtx) RestartRouting() error { return nil }

func (c *DefaultCtx) OriginalURL() string { return "" }

func (c *DefaultCtx) Path(override ...string) string { return "" }

func (c *DefaultCtx) RequestID() string { return "" }

func (c *DefaultCtx) Redirect() *Redirect { return c.redirect }

func (c *DefaultCtx) Route() *Route { return c.route }

func (c *DefaultCtx) FullPath() string { return "" }

func (c *DefaultCtx) Matched() bool { return false }

func (c *DefaultCtx) IsMiddleware() bool { return false }

func (c *DefaultCtx) HasBody() bool { return false }

func (c *DefaultCtx) IsWebSocket() bool { return false }

func (c *DefaultCtx) IsPreflight() bool { return false }

func (c *DefaultCtx) Secure() bool { return false }

func (c *DefaultCtx) Status(status int) Ctx { return c }

func (c *DefaultCtx) String() string { return "" }

func (c *DefaultCtx) Value(key any) any { return nil }

func (c *DefaultCtx) XHR() bool { return false }

func (c *DefaultCtx) FullURL() string { return "" }

func (c *DefaultCtx) UserAgent() string { return "" }

func (c *DefaultCtx) Referer() string { return "" }

func (c *DefaultCtx) HasHeader(key string) bool { return false }

func (c *DefaultCtx) IsJSON() bool { return false }

func (c *DefaultCtx) AcceptsJSON() bool { return false }

type DefaultReq struct {
	c *DefaultCtx
}

func (r *DefaultReq) Accepts(offers ...string) string { return "" }

func (r *DefaultReq) App() *App { return r.c.app }

func (r *DefaultReq) BaseURL() string { return "" }

func (r *DefaultReq) BodyRaw() []byte { return nil }

func (r *DefaultReq) Body() []byte { return nil }

func (r *DefaultReq) RequestCtx() *fasthttp.RequestCtx { return r.c.fasthttp }

func (r *DefaultReq) Cookies(key string, defaultValue ...string) string { return "" }

func (r *DefaultReq) Request() *fasthttp.Request { return &r.c.fasthttp.Request }

func (r *DefaultReq) FormFile(key string) (*multipart.FileHeader, error) { return nil, nil }

func (r *DefaultReq) FormValue(key string, defaultValue ...string) string { return "" }

func (r *DefaultReq) Get(key string, defaultValue ...string) string { return "" }

func (r *DefaultReq) GetHeaders() map[string][]string { return nil }

func (r *DefaultReq) Host() string { return "" }

func (r *DefaultReq) Hostname() string { return "" }

func (r *DefaultReq) Port() string { return "" }

func (r *DefaultReq) IP() string { return "" }

func (r *DefaultReq) IPs() []string { return nil }

func (r *DefaultReq) Is(extension string) bool { return false }

func (r *DefaultReq) Locals(key any, value ...any) any { return nil }

func (r *DefaultReq) Method(override ...string) string { return "" }

func (r *DefaultReq) MultipartForm() (*multipart.Form, error) { return nil, nil }

func (r *DefaultReq) OriginalURL() string { return "" }

func (r *DefaultReq) Params(key string, defaultValue ...string) string { return "" }

func (r *DefaultReq) Scheme() string { return "" }

func (r *DefaultReq) Protocol() string { return "" }

func (r *DefaultReq) Query(key string, defaultValue ...string) string { return "" }

func (r *DefaultReq) Queries() map[string]string { return nil }

func (r *DefaultReq) Route() *Route { return r.c.route }

func (r *DefaultReq) IsProxyTrusted() bool { return false }

func (r *DefaultReq) IsFromLocal() bool { return false }

type DefaultRes struct {
	c *DefaultCtx
}

func (r *DefaultRes) App() *App { return r.c.app }

func (r *DefaultRes) Append(field string, values ...string) {}

func (r *DefaultRes) Attachment(filename ...string) {}

func (r *DefaultRes) AutoFormat(body any) error { return nil }

func (r *DefaultRes) ClearCookie(key ...string) {}

func (r *DefaultRes) Cookie(cookie *Cookie) {}

func (r *DefaultRes) Drop() error { return nil }

func (r *DefaultRes) End() error { return nil }

func (r *DefaultRes) Get(key string, defaultValue ...string) string { return "" }

func (r *DefaultRes) GetHeaders() map[string][]string { return nil }

func (r *DefaultRes) JSON(data any, ctype ...string) error { return nil }

func (r *DefaultRes) JSONP(data any, callback ...string) error { return nil }

func (r *DefaultRes) Location(path string) {}

func (r *DefaultRes) OriginalURL() string { return "" }

func (r *DefaultRes) Redirect() *Redirect { return r.c.redirect }

func (r *DefaultRes) Render(name string, bind any, layouts ...string) error { return nil }

func (r *DefaultRes) RequestCtx() *fasthttp.RequestCtx { return r.c.fasthttp }

func (r *DefaultRes) Response() *fasthttp.Response { return &r.c.fasthttp.Response }

func (r *DefaultRes) Send(body []byte) error { return nil }

func (r *DefaultRes) SendStatus(status int) error { return nil }

func (r *DefaultRes) SendStream(stream io.Reader, size ...int) error { return nil }

func (r *DefaultRes) SendStreamWriter(streamWriter func(*bufio.Writer)) error { return nil }

func (r *DefaultRes) SendString(body string) error { return nil }

func (r *DefaultRes) Set(key, val string) {}

func (r *DefaultRes) Status(status int) Ctx { return r.c }

func (r *DefaultRes) Type(extension string, charset ...string) Ctx { return r.c }

func (r *DefaultRes) Vary(fields ...string) {}

func (r *DefaultRes) Write(p []byte) (int, error) { return len(p), nil }

func (r *DefaultRes) WriteString(s string) (int, error) { return len(s), nil }

func (r *DefaultRes) Writef(f string, a ...any) (int, error) { return 0, nil }

func (r *DefaultRes) XML(data any) error { return nil }

type Redirect struct {
	c      *DefaultCtx
	status int
}

func (r *Redirect) Status(code int) *Redirect { r.status = code; return r }

func (r *Redirect) To(location string) error { return nil }

func (r *Redirect) Back(fallback ...string) error { return nil }

func (r *Redirect) With(key, value string, level ...uint8) *Redirect { return r }

func Locals[V any](c Ctx, key any, value ...V) V {
	var zero V
	return zero
}

func StoreInContext(c Ctx, key, value any) {}

func ValueFromContext[T any](ctx, key any) (T, bool) {
	var zero T
	return zero, false
}
