package echo

import (
	"bufio"
	"net"
	"net/http"
)

type Response struct {
	echo        *Echo
	beforeFuncs []func()
	afterFuncs  []func()
	Writer      http.ResponseWriter
	Status      int
	Size        int64
	Committed   bool
}

func NewResponse(w http.ResponseWriter, e *Echo) (r *Response) {
	return &Response{Writer: w, echo: e}
}

func (r *Response) Header() http.Header { return r.Writer.Header() }

func (r *Response) Before(fn func()) {}

func (r *Response) After(fn func()) {}

func (r *Response) WriteHeader(code int) {}

func (r *Response) Write(b []byte) (n int, err error) { return len(b), nil }

func (r *Response) Flush() {}

func (r *Response) Hijack() (net.Conn, *bufio.ReadWriter, error) { return nil, nil, nil }

func (r *Response) Unwrap() http.ResponseWriter { return r.Writer }
