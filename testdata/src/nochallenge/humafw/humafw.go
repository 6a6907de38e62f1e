package humafw

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"
)

type Input struct{ Authorization string }

type Output struct{ Body string }

// Routes registers the operations.
func Routes(api huma.API) {
	huma.Get(api, "/me", func(ctx context.Context, in *Input) (*Output, error) {
		if in.Authorization == "" {
			return nil, huma.Error401Unauthorized("sign in") // want `error carrying 401 returned without a WWW-Authenticate challenge`
		}
		return &Output{Body: "me"}, nil
	})
	huma.Get(api, "/admin", func(ctx context.Context, in *Input) (*Output, error) {
		if in.Authorization != "admin" {
			return nil, huma.Error403Forbidden("admins only")
		}
		return &Output{}, nil
	})
	huma.Get(api, "/missing", func(ctx context.Context, in *Input) (*Output, error) {
		return nil, huma.Error404NotFound("no such thing")
	})
	api.UseMiddleware(RequireKey(api), Challenged(api))
}

// RequireKey answers a bare 401 through huma's error writer.
func RequireKey(api huma.API) func(ctx huma.Context, next func(huma.Context)) {
	return func(ctx huma.Context, next func(huma.Context)) {
		if ctx.Header("Authorization") == "" {
			huma.WriteErr(api, ctx, http.StatusUnauthorized, "missing credentials") // want `401 response without`
			return
		}
		next(ctx)
	}
}

// Challenged sets the challenge before answering 401.
func Challenged(api huma.API) func(ctx huma.Context, next func(huma.Context)) {
	return func(ctx huma.Context, next func(huma.Context)) {
		if ctx.Header("Authorization") == "" {
			ctx.SetHeader("WWW-Authenticate", `Bearer realm="api"`)
			huma.WriteErr(api, ctx, http.StatusUnauthorized, "missing credentials")
			return
		}
		next(ctx)
	}
}

// Bare sets the status on the context without a challenge.
func Bare(ctx huma.Context, next func(huma.Context)) {
	if ctx.Header("Authorization") == "" {
		ctx.SetStatus(401) // want `401 response without`
		return
	}
	next(ctx)
}

// Forbidden answers an authorization failure.
func Forbidden(ctx huma.Context, next func(huma.Context)) {
	if ctx.Header("X-Role") != "admin" {
		ctx.SetStatus(http.StatusForbidden)
		return
	}
	next(ctx)
}
