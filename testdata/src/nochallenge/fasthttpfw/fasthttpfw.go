package fasthttpfw

import "github.com/valyala/fasthttp"

var headerWWWAuthenticate = []byte("WWW-Authenticate")

// Handler is a fasthttp request handler.
func Handler(ctx *fasthttp.RequestCtx) {
	if len(ctx.Request.Header.Peek("Authorization")) == 0 {
		ctx.SetStatusCode(fasthttp.StatusUnauthorized) // want `401 response without`
		return
	}
	if string(ctx.Path()) == "/basic" {
		ctx.Response.Header.SetBytesKV(headerWWWAuthenticate, []byte(`Basic realm="x"`))
		ctx.Error("unauthorized", fasthttp.StatusUnauthorized)
		return
	}
	ctx.SetStatusCode(fasthttp.StatusOK)
}
