// Package humaapp holds huma operations and middleware for the nochallenge
// rule, on the real huma module.
package humaapp

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"
)

// MeInput is the input of the /me operation.
type MeInput struct {
	Authorization string `header:"Authorization"`
}

// MeOutput is its answer.
type MeOutput struct {
	Body struct {
		User string `json:"user"`
	}
}

// New builds the API.
func New(mux *http.ServeMux) huma.API {
	api := humago.New(mux, huma.DefaultConfig("reports", "1.0.0"))
	api.UseMiddleware(RequireKey(api))
	huma.Get(api, "/me", func(ctx context.Context, in *MeInput) (*MeOutput, error) {
		if in.Authorization == "" {
			return nil, huma.Error401Unauthorized("sign in first") // want nochallenge
		}
		return &MeOutput{}, nil
	})
	huma.Get(api, "/admin", func(ctx context.Context, in *MeInput) (*MeOutput, error) {
		if in.Authorization != "Bearer admin" {
			return nil, huma.Error403Forbidden("admins only")
		}
		return &MeOutput{}, nil
	})
	return api
}

// RequireKey challenges callers without credentials: silent.
func RequireKey(api huma.API) func(ctx huma.Context, next func(huma.Context)) {
	return func(ctx huma.Context, next func(huma.Context)) {
		if ctx.Header("Authorization") == "" {
			ctx.SetHeader("WWW-Authenticate", `Bearer realm="reports"`)
			_ = huma.WriteErr(api, ctx, http.StatusUnauthorized, "missing credentials")
			return
		}
		next(ctx)
	}
}

// Bare answers a missing key with a bare 401.
func Bare(ctx huma.Context, next func(huma.Context)) {
	if ctx.Header("Authorization") == "" {
		ctx.SetStatus(http.StatusUnauthorized) // want nochallenge
		return
	}
	next(ctx)
}
