// Package errhandler returns another package's sentinels from its
// middleware and answers them in one echo error handler: an error that this
// package returns only when the credentials fail is an authentication
// failure wherever it is answered.
package errhandler

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"authforbidden/errhandler/tokens"
)

type claims struct{ Subject string }

func parse(raw string) (*claims, error) { return &claims{Subject: raw}, nil }

var requests = map[string]int{}

// Bearer returns tokens.ErrMalformed only when the Authorization header
// holds no bearer token.
func Bearer(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Request().Header.Get(echo.HeaderAuthorization)
		raw, ok := strings.CutPrefix(h, "Bearer ")
		if !ok {
			return fmt.Errorf("bearer: %w", tokens.ErrMalformed)
		}
		cl, err := parse(raw)
		if err != nil {
			return fmt.Errorf("bearer: %w", tokens.ErrMalformed)
		}
		c.Set("subject", cl.Subject)
		return next(c)
	}
}

// Limit returns tokens.ErrRateLimited for a client that asked too often:
// not a failure of its credentials.
func Limit(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if requests[c.RealIP()]++; requests[c.RealIP()] > 100 {
			return tokens.ErrRateLimited
		}
		return next(c)
	}
}

// Suspended returns tokens.ErrSuspended for a known, suspended subject,
// and, like every handler, for no failure of the credentials.
func Suspended(c echo.Context) error {
	if c.Get("subject") == "mallory" {
		return tokens.ErrSuspended
	}
	return c.NoContent(http.StatusNoContent)
}

// ErrorHandler answers every error the middleware and handlers return.
func ErrorHandler(err error, c echo.Context) {
	switch {
	case errors.Is(err, tokens.ErrMalformed):
		_ = c.JSON(http.StatusForbidden, map[string]string{"error": "malformed token"}) // want `403 answers an authentication failure \(the error is ErrMalformed\)`
	case errors.Is(err, tokens.ErrRateLimited):
		_ = c.JSON(http.StatusTooManyRequests, map[string]string{"error": "slow down"})
	case errors.Is(err, tokens.ErrSuspended):
		_ = c.JSON(http.StatusForbidden, map[string]string{"error": "suspended"})
	default:
		_ = c.JSON(http.StatusInternalServerError, map[string]string{"error": "internal"})
	}
}

// FixedErrorHandler answers the same errors as this project recommends.
func FixedErrorHandler(err error, c echo.Context) {
	switch {
	case errors.Is(err, tokens.ErrMalformed):
		c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="api", error="invalid_token"`)
		_ = c.JSON(http.StatusUnauthorized, map[string]string{"error": "malformed token"})
	case errors.Is(err, tokens.ErrSuspended):
		_ = c.JSON(http.StatusForbidden, map[string]string{"error": "suspended"})
	default:
		_ = c.JSON(http.StatusInternalServerError, map[string]string{"error": "internal"})
	}
}

// Serve wires the middleware and the handler.
func Serve() *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = ErrorHandler
	e.Use(Bearer, Limit)
	e.GET("/me", Suspended)
	return e
}
