package middleware

import (
	"github.com/labstack/echo/v4"
)

type BasicAuthConfig struct {
	Skipper Skipper

	Validator BasicAuthValidator

	Realm string
}

type BasicAuthValidator func(string, string, echo.Context) (bool, error)

var DefaultBasicAuthConfig = BasicAuthConfig{
	Skipper: DefaultSkipper,
	Realm:   "Restricted",
}

func BasicAuth(fn BasicAuthValidator) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc { return next }
}

func BasicAuthWithConfig(config BasicAuthConfig) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc { return next }
}
