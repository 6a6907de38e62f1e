package fiber3fw

import "github.com/gofiber/fiber/v3"

// RequireKey is a fiber v3 middleware: Ctx is an interface in v3.
func RequireKey() fiber.Handler {
	return func(c fiber.Ctx) error {
		if c.Get("X-Api-Key") == "" {
			return c.SendStatus(fiber.StatusUnauthorized) // want `401 response without`
		}
		if c.Get("Authorization") == "" {
			c.Set(fiber.HeaderWWWAuthenticate, `Bearer realm="api"`)
			return fiber.ErrUnauthorized
		}
		return c.Next()
	}
}

// Deny is a handler that uses the concrete context type through a helper.
func Deny(c fiber.Ctx) error {
	if d, ok := c.(*fiber.DefaultCtx); ok {
		return deny(d) // reported once, at the write
	}
	return nil
}

func deny(c *fiber.DefaultCtx) error {
	if c.Get("Authorization") == "" {
		c.Set("WWW-Authenticate", `Bearer realm="api"`)
		return c.SendStatus(fiber.StatusUnauthorized)
	}
	return c.SendStatus(fiber.StatusUnauthorized) // want `401 response without a WWW-Authenticate challenge, and its caller does not set one first`
}
