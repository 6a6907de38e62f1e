package gin

import (
	"io"
	"net/http"
	"time"

	"github.com/gin-gonic/gin/render"
)

type Context struct {
	writermem responseWriter
	Request   *http.Request
	Writer    ResponseWriter

	Params   Params
	handlers HandlersChain
	index    int8
	fullPath string

	engine *Engine

	Keys map[any]any

	Errors errorMsgs

	Accepted []string
}

func (c *Context) Copy() *Context { cp := *c; return &cp }

func (c *Context) HandlerName() string { return "" }

func (c *Context) Handler() HandlerFunc { return nil }

func (c *Context) FullPath() string { return c.fullPath }

func (c *Context) Next() {}

func (c *Context) IsAborted() bool { return false }

func (c *Context) Abort() {}

func (c *Context) AbortWithStatus(code int) {}

func (c *Context) AbortWithStatusJSON(code int, jsonObj any) {}

func (c *Context) AbortWithStatusPureJSON(code int, jsonObj any) {}

func (c *Context) AbortWithError(code int, err error) *Error { return &Error{Err: err} }

func (c *Context) Error(err error) *Error { return &Error{Err: err} }

func (c *Context) Set(key any, value any) {}

func (c *Context) Get(key any) (value any, exists bool) { return nil, false }

func (c *Context) MustGet(key any) any { return nil }

func (c *Context) Delete(key any) {}

func (c *Context) GetString(key any) string { return "" }

func (c *Context) GetBool(key any) bool { return false }

func (c *Context) GetInt(key any) int { return 0 }

func (c *Context) GetInt64(key any) int64 { return 0 }

func (c *Context) GetStringSlice(key any) []string { return nil }

func (c *Context) GetStringMap(key any) map[string]any { return nil }

func (c *Context) Param(key string) string { return "" }

func (c *Context) Query(key string) (value string) { return "" }

func (c *Context) DefaultQuery(key, defaultValue string) string { return defaultValue }

func (c *Context) GetQuery(key string) (string, bool) { return "", false }

func (c *Context) PostForm(key string) (value string) { return "" }

func (c *Context) GetPostForm(key string) (string, bool) { return "", false }

func (c *Context) ShouldBindJSON(obj any) error { return nil }

func (c *Context) BindJSON(obj any) error { return nil }

func (c *Context) ShouldBind(obj any) error { return nil }

func (c *Context) ClientIP() string { return "" }

func (c *Context) RemoteIP() string { return "" }

func (c *Context) ContentType() string { return "" }

func (c *Context) Status(code int) {}

func (c *Context) Header(key, value string) {}

func (c *Context) GetHeader(key string) string { return "" }

func (c *Context) GetRawData() ([]byte, error) { return nil, nil }

func (c *Context) SetSameSite(samesite http.SameSite) {}

func (c *Context) SetCookie(name, value string, maxAge int, path, domain string, secure, httpOnly bool) {
}

func (c *Context) SetCookieData(cookie *http.Cookie) {}

func (c *Context) Cookie(name string) (string, error) { return "", nil }

func (c *Context) HTML(code int, name string, obj any) {}

func (c *Context) IndentedJSON(code int, obj any) {}

func (c *Context) SecureJSON(code int, obj any) {}

func (c *Context) JSONP(code int, obj any) {}

func (c *Context) JSON(code int, obj any) {}

func (c *Context) AsciiJSON(code int, obj any) {}

func (c *Context) PureJSON(code int, obj any) {}

func (c *Context) XML(code int, obj any) {}

func (c *Context) YAML(code int, obj any) {}

func (c *Context) TOML(code int, obj any) {}

func (c *Context) ProtoBuf(code int, obj any) {}

func (c *Context) Render(code int, r render.Render) {}

func (c *Context) DataFromReader(code int, contentLength int64, contentType string, reader io.Reader, extraHeaders map[string]string) {
}

type Negotiate struct {
	Offered      []string
	HTMLName     string
	HTMLData     any
	JSONData     any
	XMLData      any
	YAMLData     any
	Data         any
	TOMLData     any
	PROTOBUFData any
	BSONData     any
}

func (c *Context) Negotiate(code int, config Negotiate) {}

func (c *Context) NegotiateFormat(offered ...string) string { return "" }

func (c *Context) String(code int, format string, values ...any) {}

func (c *Context) Redirect(code int, location string) {}

func (c *Context) Data(code int, contentType string, data []byte) {}

func (c *Context) File(filepath string) {}

func (c *Context) Deadline() (deadline time.Time, ok bool) { return time.Time{}, false }

func (c *Context) Done() <-chan struct{} { return nil }

func (c *Context) Err() error { return nil }

func (c *Context) Value(key any) any { return nil }
