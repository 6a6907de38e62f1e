// Package hertzapp holds hertz handlers for the nochallenge rule, on the
// real hertz module.
package hertzapp

import (
	"context"
	"net/http"
	"strings"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/app/server"
)

// Routes mounts the handlers on a hertz server.
func Routes(h *server.Hertz) {
	api := h.Group("/api", RequireBearer())
	api.GET("/me", Me)
	h.GET("/ops", OpsKey)
	h.GET("/report", Report)
}

// RequireBearer rejects requests without a bearer token, with the
// challenge: silent.
func RequireBearer() app.HandlerFunc {
	return func(c context.Context, ctx *app.RequestContext) {
		if !strings.HasPrefix(string(ctx.GetHeader("Authorization")), "Bearer ") {
			ctx.Header("WWW-Authenticate", `Bearer realm="api"`)
			ctx.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		ctx.Next(c)
	}
}

// Me answers the signed-in caller.
func Me(c context.Context, ctx *app.RequestContext) {
	ctx.JSON(http.StatusOK, map[string]string{"user": "me"})
}

// OpsKey answers a missing key with a bare 401.
func OpsKey(c context.Context, ctx *app.RequestContext) {
	if len(ctx.GetHeader("Authorization")) == 0 {
		ctx.AbortWithMsg("missing credentials", http.StatusUnauthorized) // want nochallenge
		return
	}
	ctx.String(http.StatusOK, "ok")
}

// Report refuses callers who are not admins: 403 is right.
func Report(c context.Context, ctx *app.RequestContext) {
	if ctx.Query("role") != "admin" {
		ctx.AbortWithStatusJSON(http.StatusForbidden, map[string]string{"error": "forbidden"})
		return
	}
	ctx.String(http.StatusOK, "report")
}
