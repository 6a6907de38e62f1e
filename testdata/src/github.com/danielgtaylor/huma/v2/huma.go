// Package huma is a test stub of the real huma v2 API subset, written for
// authchallenge fixtures.
package huma

import (
	"context"
	"net/http"
)

type Context interface {
	Context() context.Context
	Method() string
	Header(name string) string
	SetStatus(code int)
	Status() int
	SetHeader(name, value string)
	AppendHeader(name, value string)
}

type API interface {
	UseMiddleware(middlewares ...func(ctx Context, next func(Context)))
}

type Operation struct {
	OperationID string
	Method      string
	Path        string
}

func Register[I, O any](api API, op Operation, handler func(context.Context, *I) (*O, error)) {}

func Get[I, O any](api API, path string, handler func(context.Context, *I) (*O, error)) {}

type StatusError interface {
	GetStatus() int
	Error() string
}

type ErrorModel struct {
	Title  string
	Status int
	Detail string
}

func (e *ErrorModel) Error() string  { return e.Detail }
func (e *ErrorModel) GetStatus() int { return e.Status }

var NewError = func(status int, msg string, errs ...error) StatusError {
	return &ErrorModel{Status: status, Title: http.StatusText(status), Detail: msg}
}

func WriteErr(api API, ctx Context, status int, msg string, errs ...error) error { return nil }

func Error400BadRequest(msg string, errs ...error) StatusError   { return NewError(400, msg, errs...) }
func Error401Unauthorized(msg string, errs ...error) StatusError { return NewError(401, msg, errs...) }
func Error403Forbidden(msg string, errs ...error) StatusError    { return NewError(403, msg, errs...) }
func Error404NotFound(msg string, errs ...error) StatusError     { return NewError(404, msg, errs...) }
