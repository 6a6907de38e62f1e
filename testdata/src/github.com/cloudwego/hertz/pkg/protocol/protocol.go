// Package protocol is a test stub of the real hertz API subset, written for
// authchallenge fixtures.
package protocol

type RequestHeader struct{ h map[string]string }

func (h *RequestHeader) Get(key string) string { return h.h[key] }
func (h *RequestHeader) Set(key, value string) { h.h[key] = value }

type Request struct {
	Header RequestHeader
}

type ResponseHeader struct {
	status int
	h      map[string]string
}

func (h *ResponseHeader) Set(key, value string)        { h.h[key] = value }
func (h *ResponseHeader) Add(key, value string)        { h.h[key] = value }
func (h *ResponseHeader) SetStatusCode(statusCode int) { h.status = statusCode }
func (h *ResponseHeader) StatusCode() int              { return h.status }

type Response struct {
	Header ResponseHeader
}

func (resp *Response) SetStatusCode(statusCode int) { resp.Header.SetStatusCode(statusCode) }
func (resp *Response) StatusCode() int              { return resp.Header.StatusCode() }
func (resp *Response) SetBodyString(body string)    {}
