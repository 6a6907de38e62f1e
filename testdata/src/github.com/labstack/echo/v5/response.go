package echo

import (
	"bufio"
	"log/slog"
	"net"
	"net/http"
)

type Response struct {
	http.ResponseWriter
	logger      *slog.Logger
	beforeFuncs []func()
	afterFuncs  []func()
	Status      int
	Size        int64
	Committed   bool
}

func NewResponse(w http.ResponseWriter, logger *slog.Logger) (r *Response) {
	return &Response{ResponseWriter: w, logger: logger}
}

func (r *Response) Before(fn func()) {}

func (r *Response) After(fn func()) {}

func (r *Response) WriteHeader(code int) {}

func (r *Response) Write(b []byte) (n int, err error) { return len(b), nil }

func (r *Response) Flush() {}

func (r *Response) Hijack() (net.Conn, *bufio.ReadWriter, error) { return nil, nil, nil }

func (r *Response) Unwrap() http.ResponseWriter { return r.ResponseWriter }

func UnwrapResponse(rw http.ResponseWriter) (*Response, error) { return nil, nil }
