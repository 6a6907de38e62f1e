// Package middleware is a test stub of the real echo v4 middleware API subset, written for authchallenge fixtures.
package middleware

import (
	"github.com/labstack/echo/v4"
)

type Skipper func(c echo.Context) bool

type BeforeFunc func(c echo.Context)

func DefaultSkipper(echo.Context) bool { return false }

func Recover() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc { return next }
}

func Logger() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc { return next }
}

func CORS() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc { return next }
}

func RequestID() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc { return next }
}
