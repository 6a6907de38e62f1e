package gin

import (
	"bufio"
	"net"
	"net/http"
)

type ResponseWriter interface {
	http.ResponseWriter
	http.Hijacker
	http.Flusher
	http.CloseNotifier

	Status() int

	Size() int

	WriteString(string) (int, error)

	Written() bool

	WriteHeaderNow()

	Pusher() http.Pusher
}

type responseWriter struct {
	http.ResponseWriter
	size   int
	status int
}

var _ ResponseWriter = (*responseWriter)(nil)

func (w *responseWriter) WriteHeader(code int) {}

func (w *responseWriter) WriteHeaderNow() {}

func (w *responseWriter) Write(data []byte) (n int, err error) { return len(data), nil }

func (w *responseWriter) WriteString(s string) (n int, err error) { return len(s), nil }

func (w *responseWriter) Status() int { return w.status }

func (w *responseWriter) Size() int { return w.size }

func (w *responseWriter) Written() bool { return false }

func (w *responseWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) { return nil, nil, nil }

func (w *responseWriter) CloseNotify() <-chan bool { return nil }

func (w *responseWriter) Flush() {}

func (w *responseWriter) Pusher() (pusher http.Pusher) { return nil }
