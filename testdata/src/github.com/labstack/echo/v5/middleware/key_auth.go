package middleware

import (
	"net/http"

	"github.com/labstack/echo/v5"
)

type ExtractorSource string

const (
	ExtractorSourceHeader    ExtractorSource = "header"
	ExtractorSourceQuery     ExtractorSource = "query"
	ExtractorSourcePathParam ExtractorSource = "param"
	ExtractorSourceCookie    ExtractorSource = "cookie"
	ExtractorSourceForm      ExtractorSource = "form"
)

type KeyAuthConfig struct {
	Skipper Skipper

	KeyLookup string

	AllowedCheckLimit uint

	Validator KeyAuthValidator

	ErrorHandler KeyAuthErrorHandler

	ContinueOnIgnoredError bool
}

type KeyAuthValidator func(c *echo.Context, key string, source ExtractorSource) (bool, error)

type KeyAuthErrorHandler func(c *echo.Context, err error) error

var (
	ErrKeyMissing = echo.NewHTTPError(http.StatusUnauthorized, "missing key")
	ErrInvalidKey = echo.NewHTTPError(http.StatusUnauthorized, "invalid key")
)

var DefaultKeyAuthConfig = KeyAuthConfig{
	Skipper:   DefaultSkipper,
	KeyLookup: "header:" + echo.HeaderAuthorization + ":Bearer ",
}

func KeyAuth(fn KeyAuthValidator) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc { return next }
}

func KeyAuthWithConfig(config KeyAuthConfig) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc { return next }
}

func (config KeyAuthConfig) ToMiddleware() (echo.MiddlewareFunc, error) {
	return func(next echo.HandlerFunc) echo.HandlerFunc { return next }, nil
}
