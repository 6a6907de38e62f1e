package fiberfw

import (
	"github.com/gofiber/fiber/v2"
)

// Register mounts the handlers.
func Register(app *fiber.App) {
	app.Use(RequireKey())
	app.Get("/a", sendStatus)
	app.Get("/b", statusJSON)
	app.Get("/c", newError)
	app.Get("/ok1", headerFirst)
	app.Get("/ok2", forbidden)
	app.Get("/ok3", appendChallenge)
}

// RequireKey is a fiber middleware.
func RequireKey() fiber.Handler {
	return func(c *fiber.Ctx) error {
		if c.Get("X-Api-Key") == "" {
			return fiber.ErrUnauthorized // want `error carrying 401 returned without a WWW-Authenticate challenge`
		}
		return c.Next()
	}
}

func sendStatus(c *fiber.Ctx) error {
	if c.Get(fiber.HeaderAuthorization) == "" {
		return c.SendStatus(fiber.StatusUnauthorized) // want `^401 response without`
	}
	return nil
}

func statusJSON(c *fiber.Ctx) error {
	if c.Get(fiber.HeaderAuthorization) == "" {
		return c.Status(401).JSON(fiber.Map{"error": "unauthorized"}) // want `^401 response without`
	}
	return nil
}

func newError(c *fiber.Ctx) error {
	if c.Get(fiber.HeaderAuthorization) == "" {
		return fiber.NewError(fiber.StatusUnauthorized, "no token") // want `error carrying 401 returned`
	}
	return nil
}

func headerFirst(c *fiber.Ctx) error {
	if c.Get(fiber.HeaderAuthorization) == "" {
		c.Set(fiber.HeaderWWWAuthenticate, `Bearer realm="api"`)
		return c.SendStatus(fiber.StatusUnauthorized)
	}
	return nil
}

func forbidden(c *fiber.Ctx) error {
	return c.SendStatus(fiber.StatusForbidden)
}

func appendChallenge(c *fiber.Ctx) error {
	c.Append("WWW-Authenticate", `Basic realm="x"`)
	return fiber.ErrUnauthorized
}
