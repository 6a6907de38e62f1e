package echo

import (
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/url"
)

type Context struct {
	request    *http.Request
	response   http.ResponseWriter
	pathValues *PathValues
	path       string
	store      map[string]any
	echo       *Echo
	logger     *slog.Logger
}

func NewContext(r *http.Request, w http.ResponseWriter, opts ...any) *Context {
	return &Context{request: r, response: w}
}

func (c *Context) Reset(r *http.Request, w http.ResponseWriter) {}

func (c *Context) Request() *http.Request { return c.request }

func (c *Context) SetRequest(r *http.Request) { c.request = r }

func (c *Context) Response() http.ResponseWriter { return c.response }

func (c *Context) SetResponse(r http.ResponseWriter) { c.response = r }

func (c *Context) IsTLS() bool { return false }

func (c *Context) IsWebSocket() bool { return false }

func (c *Context) Scheme() string { return "" }

func (c *Context) RealIP() string { return "" }

func (c *Context) Path() string { return c.path }

func (c *Context) SetPath(p string) { c.path = p }

func (c *Context) Param(name string) string { return "" }

func (c *Context) ParamOr(name, defaultValue string) string { return defaultValue }

func (c *Context) PathValues() PathValues { return nil }

func (c *Context) SetPathValues(pathValues PathValues) {}

func (c *Context) QueryParam(name string) string { return "" }

func (c *Context) QueryParamOr(name, defaultValue string) string { return defaultValue }

func (c *Context) QueryParams() url.Values { return nil }

func (c *Context) QueryString() string { return "" }

func (c *Context) FormValue(name string) string { return "" }

func (c *Context) FormValueOr(name, defaultValue string) string { return defaultValue }

func (c *Context) FormValues() (url.Values, error) { return nil, nil }

func (c *Context) FormFile(name string) (*multipart.FileHeader, error) { return nil, nil }

func (c *Context) MultipartForm() (*multipart.Form, error) { return nil, nil }

func (c *Context) Cookie(name string) (*http.Cookie, error) { return nil, ErrCookieNotFound }

func (c *Context) SetCookie(cookie *http.Cookie) {}

func (c *Context) Cookies() []*http.Cookie { return nil }

func (c *Context) Get(key string) any { return c.store[key] }

func (c *Context) Set(key string, val any) {}

func (c *Context) Bind(i any) error { return nil }

func (c *Context) Validate(i any) error { return nil }

func (c *Context) ValidateCtx(i any) error { return nil }

func (c *Context) Render(code int, name string, data any) (err error) { return nil }

func (c *Context) HTML(code int, html string) (err error) { return nil }

func (c *Context) HTMLBlob(code int, b []byte) (err error) { return nil }

func (c *Context) String(code int, s string) (err error) { return nil }

func (c *Context) JSON(code int, i any) (err error) { return nil }

func (c *Context) JSONPretty(code int, i any, indent string) (err error) { return nil }

func (c *Context) JSONBlob(code int, b []byte) (err error) { return nil }

func (c *Context) JSONP(code int, callback string, i any) (err error) { return nil }

func (c *Context) JSONPBlob(code int, callback string, b []byte) (err error) { return nil }

func (c *Context) XML(code int, i any) (err error) { return nil }

func (c *Context) XMLPretty(code int, i any, indent string) (err error) { return nil }

func (c *Context) XMLBlob(code int, b []byte) (err error) { return nil }

func (c *Context) Blob(code int, contentType string, b []byte) (err error) { return nil }

func (c *Context) Stream(code int, contentType string, r io.Reader) (err error) { return nil }

func (c *Context) File(file string) error { return nil }

func (c *Context) Attachment(file, name string) error { return nil }

func (c *Context) Inline(file, name string) error { return nil }

func (c *Context) NoContent(code int) error { return nil }

func (c *Context) Redirect(code int, url string) error { return nil }

func (c *Context) Echo() *Echo { return c.echo }

func (c *Context) Logger() *slog.Logger { return c.logger }

func (c *Context) SetLogger(logger *slog.Logger) { c.logger = logger }
