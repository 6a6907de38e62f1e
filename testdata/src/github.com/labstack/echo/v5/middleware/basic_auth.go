package middleware

import (
	"github.com/labstack/echo/v5"
)

type BasicAuthConfig struct {
	Skipper Skipper

	Validator BasicAuthValidator

	Realm string

	AllowedCheckLimit uint
}

type BasicAuthValidator func(c *echo.Context, user string, password string) (bool, error)

func BasicAuth(fn BasicAuthValidator) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc { return next }
}

func BasicAuthWithConfig(config BasicAuthConfig) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc { return next }
}

func (config BasicAuthConfig) ToMiddleware() (echo.MiddlewareFunc, error) {
	return func(next echo.HandlerFunc) echo.HandlerFunc { return next }, nil
}
