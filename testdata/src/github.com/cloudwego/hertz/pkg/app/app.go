// Package app is a test stub of the real hertz API subset, written for
// authchallenge fixtures.
package app

import (
	"context"

	"github.com/cloudwego/hertz/pkg/protocol"
)

type HandlerFunc func(c context.Context, ctx *RequestContext)

type HandlersChain []HandlerFunc

type RequestContext struct {
	Request  protocol.Request
	Response protocol.Response
	handlers HandlersChain
	index    int8
	Keys     map[string]interface{}
}

func (ctx *RequestContext) Next(c context.Context)                                {}
func (ctx *RequestContext) Abort()                                                {}
func (ctx *RequestContext) AbortWithStatus(code int)                              {}
func (ctx *RequestContext) AbortWithMsg(msg string, statusCode int)               {}
func (ctx *RequestContext) AbortWithStatusJSON(code int, jsonObj interface{})     {}
func (ctx *RequestContext) SetStatusCode(statusCode int)                          {}
func (ctx *RequestContext) Status(code int)                                       {}
func (ctx *RequestContext) JSON(code int, obj interface{})                        {}
func (ctx *RequestContext) String(code int, format string, values ...interface{}) {}
func (ctx *RequestContext) Data(code int, contentType string, data []byte)        {}
func (ctx *RequestContext) Redirect(statusCode int, uri []byte)                   {}
func (ctx *RequestContext) Header(key, value string)                              {}
func (ctx *RequestContext) GetHeader(key string) []byte                           { return nil }
func (ctx *RequestContext) Cookie(key string) []byte                              { return nil }
func (ctx *RequestContext) Query(key string) string                               { return "" }
func (ctx *RequestContext) Set(key string, value interface{})                     {}
