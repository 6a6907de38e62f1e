package middleware

import (
	"github.com/labstack/echo/v4"
)

type KeyAuthConfig struct {
	Skipper Skipper

	KeyLookup string

	AuthScheme string

	Validator KeyAuthValidator

	ErrorHandler KeyAuthErrorHandler

	ContinueOnIgnoredError bool
}

type KeyAuthValidator func(auth string, c echo.Context) (bool, error)

type KeyAuthErrorHandler func(err error, c echo.Context) error

type ErrKeyAuthMissing struct {
	Err error
}

func (e *ErrKeyAuthMissing) Error() string { return "" }

func (e *ErrKeyAuthMissing) Unwrap() error { return e.Err }

var DefaultKeyAuthConfig = KeyAuthConfig{
	Skipper:    DefaultSkipper,
	KeyLookup:  "header:" + echo.HeaderAuthorization,
	AuthScheme: "Bearer",
}

func KeyAuth(fn KeyAuthValidator) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc { return next }
}

func KeyAuthWithConfig(config KeyAuthConfig) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc { return next }
}
