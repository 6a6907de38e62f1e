package fiber

import (
	"context"
	"io"
	"mime/multipart"
	"time"

	"github.com/valyala/fasthttp"
)

type Cookie struct {
	Name        string    `json:"name"`
	Value       string    `json:"value"`
	Path        string    `json:"path"`
	Domain      string    `json:"domain"`
	MaxAge      int       `json:"max_age"`
	Expires     time.Time `json:"expires"`
	Secure      bool      `json:"secure"`
	HTTPOnly    bool      `json:"http_only"`
	SameSite    string    `json:"same_site"`
	SessionOnly bool      `json:"session_only"`
}

type Ctx struct {
	app        *App
	route      *Route
	indexRoute int
	fasthttp   *fasthttp.RequestCtx
}

func (c *Ctx) App() *App { return c.app }

func (c *Ctx) Append(field string, values ...string) {}

func (c *Ctx) BaseURL() string { return "" }

func (c *Ctx) Body() []byte { return nil }

func (c *Ctx) BodyRaw() []byte { return nil }

func (c *Ctx) BodyParser(out interface{}) error { return nil }

func (c *Ctx) ClearCookie(key ...string) {}

func (c *Ctx) Context() *fasthttp.RequestCtx { return c.fasthttp }

func (c *Ctx) UserContext() context.Context { return context.Background() }

func (c *Ctx) SetUserContext(ctx context.Context) {}

func (c *Ctx) Cookie(cookie *Cookie) {}

func (c *Ctx) Cookies(key string, defaultValue ...string) string { return "" }

func (c *Ctx) FormFile(key string) (*multipart.FileHeader, error) { return nil, nil }

func (c *Ctx) FormValue(key string, defaultValue ...string) string { return "" }

func (c *Ctx) Get(key string, defaultValue ...string) string { return "" }

func (c *Ctx) GetReqHeaders() map[string][]string { return nil }

func (c *Ctx) GetRespHeader(key string, defaultValue ...string) string { return "" }

func (c *Ctx) GetRespHeaders() map[string][]string { return nil }

func (c *Ctx) Hostname() string { return "" }

func (c *Ctx) IP() string { return "" }

func (c *Ctx) IPs() []string { return nil }

func (c *Ctx) JSON(data interface{}, ctype ...string) error { return nil }

func (c *Ctx) JSONP(data interface{}, callback ...string) error { return nil }

func (c *Ctx) XML(data interface{}) error { return nil }

func (c *Ctx) Locals(key interface{}, value ...interface{}) interface{} { return nil }

func (c *Ctx) Location(path string) {}

func (c *Ctx) Method(override ...string) string { return "" }

func (c *Ctx) Next() error { return nil }

func (c *Ctx) OriginalURL() string { return "" }

func (c *Ctx) Params(key string, defaultValue ...string) string { return "" }

func (c *Ctx) AllParams() map[string]string { return nil }

func (c *Ctx) Path(override ...string) string { return "" }

func (c *Ctx) Protocol() string { return "" }

func (c *Ctx) Query(key string, defaultValue ...string) string { return "" }

func (c *Ctx) Queries() map[string]string { return nil }

func (c *Ctx) Redirect(location string, status ...int) error { return nil }

func (c *Ctx) Render(name string, bind interface{}, layouts ...string) error { return nil }

func (c *Ctx) Request() *fasthttp.Request { return &c.fasthttp.Request }

func (c *Ctx) Response() *fasthttp.Response { return &c.fasthttp.Response }

func (c *Ctx) Route() *Route { return c.route }

func (c *Ctx) Secure() bool { return false }

func (c *Ctx) Send(body []byte) error { return nil }

func (c *Ctx) SendFile(file string, compress ...bool) error { return nil }

func (c *Ctx) SendStatus(status int) error { return nil }

func (c *Ctx) SendString(body string) error { return nil }

func (c *Ctx) SendStream(stream io.Reader, size ...int) error { return nil }

func (c *Ctx) Set(key, val string) {}

func (c *Ctx) Status(status int) *Ctx { return c }

func (c *Ctx) String() string { return "" }

func (c *Ctx) Type(extension string, charset ...string) *Ctx { return c }

func (c *Ctx) Vary(fields ...string) {}

func (c *Ctx) Write(p []byte) (int, error) { return len(p), nil }

func (c *Ctx) WriteString(s string) (int, error) { return len(s), nil }

func (c *Ctx) Writef(f string, a ...interface{}) (int, error) { return 0, nil }

func (c *Ctx) XHR() bool { return false }
