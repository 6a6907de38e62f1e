// Package fwhandlers replaces the answer of fiber's basicauth, which sets
// the Basic challenge itself, with one of its own: the framework calls it,
// nothing sets the challenge before it, and it answers for itself.
package fwhandlers

import (
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/basicauth"
)

// Ops mounts the operators' routes.
func Ops(app *fiber.App, users map[string]string) {
	app.Use(basicauth.New(basicauth.Config{
		Users: users,
		Realm: "ops",
		Unauthorized: func(c *fiber.Ctx) error {
			return c.SendStatus(fiber.StatusUnauthorized) // want `401 response without a WWW-Authenticate challenge`
		},
	}))
	app.Use(basicauth.New(basicauth.Config{
		Users: users,
		Realm: "debug",
		Unauthorized: func(c *fiber.Ctx) error {
			c.Set(fiber.HeaderWWWAuthenticate, `Basic realm="debug"`)
			return c.SendStatus(fiber.StatusUnauthorized) // silent: it sets the challenge
		},
	}))
	app.Use(basicauth.New(basicauth.Config{Users: users, Realm: "ops"})) // silent: fiber's own answer challenges
	app.Use(basicauth.New(basicauth.Config{
		Users: users,
		Unauthorized: func(c *fiber.Ctx) error {
			return c.SendStatus(fiber.StatusForbidden) // silent: no 401 (authforbidden's to judge)
		},
	}))
}
