// Package middleware is a test stub of the real chi v5 middleware API subset, written for authchallenge fixtures.
package middleware

import (
	"context"
	"io"
	"net/http"
	"time"
)

func BasicAuth(realm string, creds map[string]string) func(next http.Handler) http.Handler {
	return func(next http.Handler) http.Handler { return next }
}

func Logger(next http.Handler) http.Handler { return next }

func Recoverer(next http.Handler) http.Handler { return next }

func RequestID(next http.Handler) http.Handler { return next }

func RealIP(h http.Handler) http.Handler { return h }

func NoCache(h http.Handler) http.Handler { return h }

func Timeout(timeout time.Duration) func(next http.Handler) http.Handler {
	return func(next http.Handler) http.Handler { return next }
}

func GetReqID(ctx context.Context) string { return "" }

type WrapResponseWriter interface {
	http.ResponseWriter
	Status() int
	BytesWritten() int
	Tee(io.Writer)
	Unwrap() http.ResponseWriter
	Discard()
}

func NewWrapResponseWriter(w http.ResponseWriter, protoMajor int) WrapResponseWriter {
	return &basicWriter{ResponseWriter: w}
}

type basicWriter struct {
	http.ResponseWriter
	tee         io.Writer
	code        int
	bytes       int
	wroteHeader bool
	discard     bool
}

func (b *basicWriter) WriteHeader(code int) { b.code = code }

func (b *basicWriter) Write(buf []byte) (int, error) { return len(buf), nil }

func (b *basicWriter) Status() int { return b.code }

func (b *basicWriter) BytesWritten() int { return b.bytes }

func (b *basicWriter) Tee(w io.Writer) { b.tee = w }

func (b *basicWriter) Unwrap() http.ResponseWriter { return b.ResponseWriter }

func (b *basicWriter) Discard() { b.discard = true }
