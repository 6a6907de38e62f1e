// Package flowfw: the same data flow in gin, echo, fiber and chi.
package flowfw

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"

	"failure/tokens"
)

// Keys are the API keys of a service.
type Keys map[string]string

// GinBearer cuts the bearer token from gin's GetHeader.
func GinBearer() gin.HandlerFunc {
	return func(c *gin.Context) {
		tok := strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer ")
		if _, err := tokens.Parse(tok, 0); err != nil {
			c.AbortWithStatus(http.StatusForbidden) // want `403 answers an authentication failure \(the credential check Parse \(Authorization header\) failed\)`
			return
		}
		c.Next()
	}
}

// GinKey checks an API key in a custom header: challenge-less.
func (k Keys) GinKey(c *gin.Context) {
	if _, ok := k[c.GetHeader("X-API-Key")]; !ok {
		c.AbortWithStatus(http.StatusForbidden) // silent: an API key has no challenge
		return
	}
	c.Next()
}

// EchoBearer reads the header through echo's request.
func EchoBearer(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Request().Header.Get(echo.HeaderAuthorization)
		sub, err := tokens.Parse(strings.TrimPrefix(h, "Bearer "), 0)
		if err != nil {
			return echo.ErrForbidden // want `403 answers an authentication failure \(the credential check Parse \(Authorization header\) failed\)`
		}
		if sub != "root" {
			return echo.ErrForbidden // silent: the token checked out; the caller may not act
		}
		return next(c)
	}
}

// EchoSession is a session-only app: a cookie.
func EchoSession(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if _, err := c.Cookie("sid"); err != nil {
			return echo.ErrForbidden // silent: a session has no challenge
		}
		return next(c)
	}
}

// FiberBearer answers an empty Authorization with 403.
func FiberBearer(c *fiber.Ctx) error {
	h := c.Get(fiber.HeaderAuthorization)
	if h == "" {
		return c.SendStatus(fiber.StatusForbidden) // want `the Authorization header is missing or malformed`
	}
	return c.Next()
}

// FiberQueryKey checks a key in the query string: challenge-less.
func (k Keys) FiberQueryKey(c *fiber.Ctx) error {
	if _, ok := k[c.Query("key")]; !ok {
		return fiber.ErrForbidden // silent: a key in the URL has no challenge
	}
	return c.Next()
}

// ChiBasic is a chi middleware over Basic credentials.
func ChiBasic(users Keys) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			u, p, ok := r.BasicAuth()
			if !ok || users[u] != p {
				w.WriteHeader(http.StatusForbidden) // want `403 answers an authentication failure`
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// Routes mounts the chi middleware.
func Routes(users Keys) http.Handler {
	r := chi.NewRouter()
	r.Use(ChiBasic(users))
	return r
}
