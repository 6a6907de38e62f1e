// Package middleware is a test stub of the real echo v5 middleware API subset, written for authchallenge fixtures.
package middleware

import (
	"github.com/labstack/echo/v5"
)

type Skipper func(c *echo.Context) bool

type BeforeFunc func(c *echo.Context)

func DefaultSkipper(c *echo.Context) bool { return false }

func Recover() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc { return next }
}

func RequestLogger() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc { return next }
}

func RequestID() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc { return next }
}

func CORS(allowOrigins ...string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc { return next }
}
