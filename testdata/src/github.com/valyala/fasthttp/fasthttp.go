// Package fasthttp is a test stub of the real fasthttp API subset, written for authchallenge fixtures.
package fasthttp

import (
	"net"
	"time"
)

const (
	StatusOK                  = 200
	StatusNoContent           = 204
	StatusFound               = 302
	StatusBadRequest          = 400
	StatusUnauthorized        = 401
	StatusForbidden           = 403
	StatusNotFound            = 404
	StatusTooManyRequests     = 429
	StatusInternalServerError = 500
)

type RequestHandler func(ctx *RequestCtx)

type Logger interface {
	Printf(format string, args ...any)
}

func ListenAndServe(addr string, handler RequestHandler) error { return nil }

type Args struct {
	buf []byte
}

func (a *Args) Len() int { return 0 }

func (a *Args) Peek(key string) []byte { return nil }

func (a *Args) Has(key string) bool { return false }

type URI struct {
	path []byte
}

func (u *URI) Host() []byte { return nil }

func (u *URI) Path() []byte { return u.path }

func (u *URI) QueryString() []byte { return nil }

func (u *URI) QueryArgs() *Args { return &Args{} }

func (u *URI) Scheme() []byte { return nil }

func (u *URI) String() string { return "" }

type header struct {
	contentType []byte
}

func (h *header) SetContentType(contentType string) {}

func (h *header) SetContentTypeBytes(contentType []byte) {}

func (h *header) SetNoDefaultContentType(noDefaultContentType bool) {}

type RequestHeader struct {
	header

	h []byte
}

func (h *RequestHeader) Len() int { return 0 }

func (h *RequestHeader) Method() []byte { return nil }

func (h *RequestHeader) ContentType() []byte { return nil }

func (h *RequestHeader) UserAgent() []byte { return nil }

func (h *RequestHeader) Peek(key string) []byte { return nil }

func (h *RequestHeader) PeekBytes(key []byte) []byte { return nil }

func (h *RequestHeader) Cookie(key string) []byte { return nil }

func (h *RequestHeader) Set(key, value string) {}

func (h *RequestHeader) Add(key, value string) {}

func (h *RequestHeader) Del(key string) {}

func (h *RequestHeader) SetBytesKV(key, value []byte) {}

func (h *RequestHeader) SetCanonical(key, value []byte) {}

func (h *RequestHeader) VisitAll(f func(key, value []byte)) {}

type ResponseHeader struct {
	header

	h          []byte
	statusCode int
}

func (h *ResponseHeader) StatusCode() int { return h.statusCode }

func (h *ResponseHeader) SetStatusCode(statusCode int) { h.statusCode = statusCode }

func (h *ResponseHeader) ContentType() []byte { return nil }

func (h *ResponseHeader) Len() int { return 0 }

func (h *ResponseHeader) Peek(key string) []byte { return nil }

func (h *ResponseHeader) PeekBytes(key []byte) []byte { return nil }

func (h *ResponseHeader) PeekAll(key string) [][]byte { return nil }

func (h *ResponseHeader) Set(key, value string) {}

func (h *ResponseHeader) SetBytesK(key []byte, value string) {}

func (h *ResponseHeader) SetBytesV(key string, value []byte) {}

func (h *ResponseHeader) SetBytesKV(key, value []byte) {}

func (h *ResponseHeader) SetCanonical(key, value []byte) {}

func (h *ResponseHeader) Add(key, value string) {}

func (h *ResponseHeader) AddBytesK(key []byte, value string) {}

func (h *ResponseHeader) AddBytesV(key string, value []byte) {}

func (h *ResponseHeader) AddBytesKV(key, value []byte) {}

func (h *ResponseHeader) Del(key string) {}

func (h *ResponseHeader) DelBytes(key []byte) {}

func (h *ResponseHeader) Reset() {}

func (h *ResponseHeader) VisitAll(f func(key, value []byte)) {}

type Request struct {
	Header RequestHeader

	UseHostHeader bool

	body []byte
	uri  URI
}

func (req *Request) Body() []byte { return req.body }

func (req *Request) SetBody(body []byte) { req.body = body }

func (req *Request) Host() []byte { return nil }

func (req *Request) RequestURI() []byte { return nil }

func (req *Request) URI() *URI { return &req.uri }

func (req *Request) Reset() {}

type Response struct {
	Header ResponseHeader

	ImmediateHeaderFlush bool

	StreamBody bool

	SkipBody bool

	body []byte
}

func (resp *Response) StatusCode() int { return resp.Header.StatusCode() }

func (resp *Response) SetStatusCode(statusCode int) { resp.Header.SetStatusCode(statusCode) }

func (resp *Response) Body() []byte { return resp.body }

func (resp *Response) SetBody(body []byte) { resp.body = body }

func (resp *Response) SetBodyString(body string) { resp.body = []byte(body) }

func (resp *Response) AppendBody(p []byte) { resp.body = append(resp.body, p...) }

func (resp *Response) AppendBodyString(s string) { resp.body = append(resp.body, s...) }

func (resp *Response) ResetBody() { resp.body = nil }

func (resp *Response) Reset() {}

type RequestCtx struct {
	Response Response

	Request Request

	userValues map[any]any
}

func (ctx *RequestCtx) SetStatusCode(statusCode int) { ctx.Response.SetStatusCode(statusCode) }

func (ctx *RequestCtx) SetContentType(contentType string) {}

func (ctx *RequestCtx) SetBody(body []byte) {}

func (ctx *RequestCtx) SetBodyString(body string) {}

func (ctx *RequestCtx) ResetBody() {}

func (ctx *RequestCtx) Error(msg string, statusCode int) {}

func (ctx *RequestCtx) Success(contentType string, body []byte) {}

func (ctx *RequestCtx) SuccessString(contentType, body string) {}

func (ctx *RequestCtx) Redirect(uri string, statusCode int) {}

func (ctx *RequestCtx) NotFound() {}

func (ctx *RequestCtx) Write(p []byte) (int, error) { return len(p), nil }

func (ctx *RequestCtx) WriteString(s string) (int, error) { return len(s), nil }

func (ctx *RequestCtx) Method() []byte { return nil }

func (ctx *RequestCtx) Path() []byte { return nil }

func (ctx *RequestCtx) Host() []byte { return nil }

func (ctx *RequestCtx) RequestURI() []byte { return nil }

func (ctx *RequestCtx) URI() *URI { return ctx.Request.URI() }

func (ctx *RequestCtx) QueryArgs() *Args { return &Args{} }

func (ctx *RequestCtx) PostArgs() *Args { return &Args{} }

func (ctx *RequestCtx) FormValue(key string) []byte { return nil }

func (ctx *RequestCtx) PostBody() []byte { return nil }

func (ctx *RequestCtx) UserAgent() []byte { return nil }

func (ctx *RequestCtx) IsTLS() bool { return false }

func (ctx *RequestCtx) IsGet() bool { return false }

func (ctx *RequestCtx) IsPost() bool { return false }

func (ctx *RequestCtx) RemoteAddr() net.Addr { return nil }

func (ctx *RequestCtx) RemoteIP() net.IP { return nil }

func (ctx *RequestCtx) UserValue(key any) any { return ctx.userValues[key] }

func (ctx *RequestCtx) SetUserValue(key, value any) {}

func (ctx *RequestCtx) Logger() Logger { return nil }

func (ctx *RequestCtx) ID() uint64 { return 0 }

func (ctx *RequestCtx) Time() time.Time { return time.Time{} }

func (ctx *RequestCtx) Deadline() (deadline time.Time, ok bool) { return time.Time{}, false }

func (ctx *RequestCtx) Done() <-chan struct{} { return nil }

func (ctx *RequestCtx) Err() error { return nil }

func (ctx *RequestCtx) Value(key any) any { return nil }

func (ctx *RequestCtx) String() string { return "" }
