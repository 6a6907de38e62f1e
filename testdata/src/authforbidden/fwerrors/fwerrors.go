// Package fwerrors: failures answered through the frameworks' own error
// values and constructors, built here or in another package.
package fwerrors

import (
	"net/http"
	"strings"

	"github.com/danielgtaylor/huma/v2"
	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"

	"authforbidden/fwerrors/deny"
	"failure/tokens"
)

// Echo answers a bad token with echo.NewHTTPError(403).
func Echo(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		tok := strings.TrimPrefix(c.Request().Header.Get(echo.HeaderAuthorization), "Bearer ")
		sub, err := tokens.Parse(tok, 0)
		if err != nil {
			return echo.NewHTTPError(http.StatusForbidden, "bad token") // want `403 answers an authentication failure \(the credential check Parse \(Authorization header\) failed\)`
		}
		if sub != "admin" {
			return echo.NewHTTPError(http.StatusForbidden, "admins only") // silent: the caller is known and may not act
		}
		return next(c)
	}
}

// Fiber answers through a helper of another package that builds the error.
func Fiber(c *fiber.Ctx) error {
	sub, err := tokens.Parse(strings.TrimPrefix(c.Get("Authorization"), "Bearer "), 0)
	if err != nil {
		return deny.Fiber("bad token") // want `403 answers an authentication failure \(the credential check Parse \(Authorization header\) failed\)`
	}
	if !strings.HasPrefix(sub, "team-") {
		return deny.Fiber("not a team member") // silent: the token checked out; the caller may not act
	}
	return c.Next()
}

// FiberKey answers a bad API key with 403: a custom header has no challenge.
func FiberKey(c *fiber.Ctx) error {
	if c.Get("X-API-Key") != "k" {
		return deny.Fiber("bad key") // silent: an API key has no challenge
	}
	return c.Next()
}

// Gin aborts with an error and 403.
func Gin(c *gin.Context) {
	if _, err := tokens.Parse(strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer "), 0); err != nil {
		c.AbortWithError(http.StatusForbidden, err) // want `403 answers an authentication failure \(the credential check Parse \(Authorization header\) failed\)`
		return
	}
	c.Next()
}

// GinSession aborts with 403 when the session cookie is missing.
func GinSession(c *gin.Context) {
	if _, err := c.Request.Cookie("sid"); err != nil {
		c.AbortWithError(http.StatusForbidden, err) // silent: a session has no challenge
		return
	}
	c.Next()
}

// Huma is a huma middleware answering a bad token with 403.
func Huma(api huma.API) func(huma.Context, func(huma.Context)) {
	return func(ctx huma.Context, next func(huma.Context)) {
		if _, err := tokens.Parse(strings.TrimPrefix(ctx.Header("Authorization"), "Bearer "), 0); err != nil {
			huma.WriteErr(api, ctx, http.StatusForbidden, "bad token") // want `403 answers an authentication failure \(the credential check Parse \(Authorization header\) failed\)`
			return
		}
		next(ctx)
	}
}

// HumaChallenged sets the challenge first.
func HumaChallenged(api huma.API) func(huma.Context, func(huma.Context)) {
	return func(ctx huma.Context, next func(huma.Context)) {
		if _, err := tokens.Parse(strings.TrimPrefix(ctx.Header("Authorization"), "Bearer "), 0); err != nil {
			ctx.SetHeader("WWW-Authenticate", `Bearer realm="api"`)
			huma.WriteErr(api, ctx, http.StatusForbidden, "bad token") // silent: a challenge was set on the way
			return
		}
		next(ctx)
	}
}
