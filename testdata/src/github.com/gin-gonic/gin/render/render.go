// Package render is a test stub of the real gin render API subset, written for authchallenge fixtures.
package render

import "net/http"

type Render interface {
	Render(http.ResponseWriter) error
	WriteContentType(w http.ResponseWriter)
}

type HTMLRender interface {
	Instance(string, any) Render
}

type JSON struct {
	Data any
}

func (r JSON) Render(w http.ResponseWriter) error { return nil }

func (r JSON) WriteContentType(w http.ResponseWriter) {}

type Data struct {
	ContentType string
	Data        []byte
}

func (r Data) Render(w http.ResponseWriter) (err error) { return nil }

func (r Data) WriteContentType(w http.ResponseWriter) {}

type String struct {
	Format string
	Data   []any
}

func (r String) Render(w http.ResponseWriter) error { return nil }

func (r String) WriteContentType(w http.ResponseWriter) {}
