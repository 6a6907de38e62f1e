// Package fwhandlers gives the frameworks' key middleware the function they
// call when a key is missing or does not check out: its body is that
// scheme's failure path. Read from the Authorization header (their default
// lookup) the key is a bearer token, and a 403 there answers an
// authentication failure; read from a header of its own it is an API key,
// whose 403 is quiet by design.
package fwhandlers

import (
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/keyauth"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

type server struct{ tokens map[string]bool }

func (s *server) valid(key string, c echo.Context) (bool, error) { return s.tokens[key], nil }

func (s *server) rejected(err error, c echo.Context) error {
	return echo.ErrForbidden // want `403 answers an authentication failure \(the check of the Authorization header failed\)`
}

// Routes wires echo's KeyAuth.
func (s *server) Routes(e *echo.Echo) {
	e.Use(middleware.KeyAuthWithConfig(middleware.KeyAuthConfig{
		Validator:    s.valid,
		ErrorHandler: s.rejected, // the default lookup: a bearer token
	}))
	e.Group("/partners").Use(middleware.KeyAuthWithConfig(middleware.KeyAuthConfig{
		KeyLookup: "header:X-Partner-Key",
		Validator: s.valid,
		ErrorHandler: func(err error, c echo.Context) error {
			return echo.ErrForbidden // silent: an API key in a header of its own
		},
	}))
	e.Group("/tokens").Use(middleware.KeyAuthWithConfig(middleware.KeyAuthConfig{
		KeyLookup: "header:Authorization",
		Validator: s.valid,
		ErrorHandler: func(err error, c echo.Context) error {
			return echo.ErrUnauthorized // not 403: authforbidden's business ends here
		},
	}))
}

// Hooks wires fiber's keyauth with the default lookup.
func Hooks(app *fiber.App, valid func(*fiber.Ctx, string) (bool, error)) {
	app.Use(keyauth.New(keyauth.Config{
		Validator: valid,
		ErrorHandler: func(c *fiber.Ctx, err error) error {
			return c.Status(fiber.StatusForbidden).SendString("bad key") // want `403 answers an authentication failure`
		},
	}))
}

// Deny is an ordinary handler: its 403 is no middleware's failure.
func Deny(c *fiber.Ctx) error {
	return c.SendStatus(fiber.StatusForbidden)
}
