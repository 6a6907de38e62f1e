package hertzfw

import (
	"context"
	"net/http"

	"github.com/cloudwego/hertz/pkg/app"
)

// RequireToken rejects calls without a bearer token.
func RequireToken() app.HandlerFunc {
	return func(c context.Context, ctx *app.RequestContext) {
		if len(ctx.GetHeader("Authorization")) == 0 {
			ctx.AbortWithStatus(http.StatusUnauthorized) // want `401 response without a WWW-Authenticate challenge`
			return
		}
		ctx.Next(c)
	}
}

// Profile answers a bare 401 with a message.
func Profile(c context.Context, ctx *app.RequestContext) {
	if ctx.Query("session") == "" {
		ctx.AbortWithMsg("sign in first", http.StatusUnauthorized) // want `401 response without`
		return
	}
	ctx.String(http.StatusOK, "profile")
}

// Keys writes the status on the response.
func Keys(c context.Context, ctx *app.RequestContext) {
	if len(ctx.GetHeader("Authorization")) == 0 {
		ctx.Response.SetStatusCode(401) // want `401 response without`
	}
}

// Challenged sets the challenge through the context first.
func Challenged(c context.Context, ctx *app.RequestContext) {
	if len(ctx.GetHeader("Authorization")) == 0 {
		ctx.Header("WWW-Authenticate", `Bearer realm="api"`)
		ctx.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	ctx.JSON(http.StatusOK, nil)
}

// ChallengedOnResponse sets the challenge on the response header.
func ChallengedOnResponse(c context.Context, ctx *app.RequestContext) {
	if len(ctx.GetHeader("Authorization")) == 0 {
		ctx.Response.Header.Set("WWW-Authenticate", `Basic realm="ops"`)
		ctx.JSON(http.StatusUnauthorized, map[string]string{"error": "unauthorized"})
	}
}

// Admin answers a failed role check with 403.
func Admin(c context.Context, ctx *app.RequestContext) {
	if ctx.Query("role") != "admin" {
		ctx.AbortWithStatusJSON(http.StatusForbidden, map[string]string{"error": "forbidden"})
	}
}

// Missing answers 404.
func Missing(c context.Context, ctx *app.RequestContext) {
	ctx.String(http.StatusNotFound, "no such key")
}
