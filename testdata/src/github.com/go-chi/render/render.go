// Package render is a test stub of the real go-chi/render API subset, written for authchallenge fixtures.
package render

import (
	"io"
	"net/http"
)

type M map[string]interface{}

type Renderer interface {
	Render(w http.ResponseWriter, r *http.Request) error
}

type Binder interface {
	Bind(r *http.Request) error
}

type contextKey struct {
	name string
}

func (k *contextKey) String() string { return k.name }

var (
	StatusCtxKey      = &contextKey{"Status"}
	ContentTypeCtxKey = &contextKey{"ContentType"}
)

type ContentType int

const (
	ContentTypeUnknown ContentType = iota
	ContentTypePlainText
	ContentTypeHTML
	ContentTypeJSON
	ContentTypeXML
	ContentTypeForm
	ContentTypeEventStream
)

func Status(r *http.Request, status int) {}

func Bind(r *http.Request, v Binder) error { return nil }

func Render(w http.ResponseWriter, r *http.Request, v Renderer) error { return nil }

func RenderList(w http.ResponseWriter, r *http.Request, l []Renderer) error { return nil }

var Respond = DefaultResponder

var Decode = DefaultDecoder

func DefaultResponder(w http.ResponseWriter, r *http.Request, v interface{}) {}

func DefaultDecoder(r *http.Request, v interface{}) error { return nil }

func DecodeJSON(r io.Reader, v interface{}) error { return nil }

func PlainText(w http.ResponseWriter, r *http.Request, v string) {}

func Data(w http.ResponseWriter, r *http.Request, v []byte) {}

func HTML(w http.ResponseWriter, r *http.Request, v string) {}

func JSON(w http.ResponseWriter, r *http.Request, v interface{}) {}

func XML(w http.ResponseWriter, r *http.Request, v interface{}) {}

func NoContent(w http.ResponseWriter, r *http.Request) {}

func SetContentType(contentType ContentType) func(next http.Handler) http.Handler {
	return func(next http.Handler) http.Handler { return next }
}

func GetRequestContentType(r *http.Request) ContentType { return ContentTypeUnknown }

func GetAcceptedContentType(r *http.Request) ContentType { return ContentTypeUnknown }
