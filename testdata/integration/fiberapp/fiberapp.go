// Package fiberapp holds fiber (v2) authentication code for the nochallenge
// rule. A handler that returns a *fiber.Error with code 401 makes fiber's
// error handler write a 401, so the returned value is where the finding goes.
package fiberapp

import (
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/basicauth"
)

// Devices maps device tokens to device ids.
type Devices map[string]string

func (d Devices) device(c *fiber.Ctx) (string, bool) {
	tok, ok := strings.CutPrefix(c.Get(fiber.HeaderAuthorization), "Device ")
	if !ok || tok == "" {
		return "", false
	}
	id, found := d[tok]
	return id, found
}

// RequireDevice refuses unknown devices with fiber's shared 401 error.
func RequireDevice(d Devices) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id, ok := d.device(c)
		if !ok {
			return fiber.ErrUnauthorized // want nochallenge
		}
		c.Locals("device", id)
		return c.Next()
	}
}

// Telemetry accepts readings from known devices.
func Telemetry(d Devices) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if _, ok := d.device(c); !ok {
			return fiber.NewError(fiber.StatusUnauthorized, "device token required") // want nochallenge
		}
		return c.SendStatus(fiber.StatusAccepted)
	}
}

// Config hands a device its configuration.
func Config(d Devices) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id, ok := d.device(c)
		if !ok {
			return c.SendStatus(401) // want nochallenge
		}
		return c.JSON(fiber.Map{"device": id, "interval": 30})
	}
}

// Firmware tells a device whether an update is due.
func Firmware(d Devices) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if _, ok := d.device(c); !ok {
			return c.Status(fiber.StatusUnauthorized).JSON(fiber.Map{"error": "unknown device"}) // want nochallenge
		}
		return c.JSON(fiber.Map{"update": false})
	}
}

// deviceChallenge sets the challenge for the Device scheme.
func deviceChallenge(c *fiber.Ctx) {
	c.Set(fiber.HeaderWWWAuthenticate, `Device realm="fleet"`)
}

// RequireDeviceChallenge names the scheme on every refusal.
func RequireDeviceChallenge(d Devices) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if _, ok := d.device(c); !ok {
			// silent: c.Set sets the challenge before SendStatus(401)
			c.Set(fiber.HeaderWWWAuthenticate, `Device realm="fleet"`)
			return c.SendStatus(fiber.StatusUnauthorized)
		}
		return c.Next()
	}
}

// Pair registers a device; a bad token gets the shared 401 error after the
// challenge is set.
func Pair(d Devices) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if _, ok := d.device(c); !ok {
			// silent: helper sets the challenge first, then the 401 error value
			deviceChallenge(c)
			return fiber.ErrUnauthorized
		}
		return c.SendStatus(fiber.StatusCreated)
	}
}

// Logs streams a device's logs.
func Logs(d Devices) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if _, ok := d.device(c); !ok {
			// silent: helper sets the challenge first, then Status(401).JSON
			deviceChallenge(c)
			return c.Status(fiber.StatusUnauthorized).JSON(fiber.Map{"error": "unknown device"})
		}
		return c.SendString("logs")
	}
}

// Decommission is reserved for the fleet controller.
func Decommission(c *fiber.Ctx) error {
	if c.Locals("device") != "controller" {
		// silent: 403 is not this rule's business
		return fiber.ErrForbidden
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// New wires the handlers above. /basic uses fiber's own basicauth middleware.
func New(d Devices, users map[string]string) *fiber.App {
	app := fiber.New()
	app.Post("/telemetry", Telemetry(d))
	app.Get("/config", Config(d))
	app.Get("/firmware", Firmware(d))
	app.Post("/pair", Pair(d))

	v1 := app.Group("/v1", RequireDevice(d))
	v1.Get("/ping", func(c *fiber.Ctx) error { return c.SendString("pong") })

	fleet := app.Group("/fleet", RequireDeviceChallenge(d))
	fleet.Get("/logs", Logs(d))
	fleet.Delete("/device", Decommission)

	// silent: library middleware basicauth sets its own challenge
	basic := app.Group("/basic", basicauth.New(basicauth.Config{Users: users, Realm: "fleet-ops"}))
	basic.Get("/ping", func(c *fiber.Ctx) error { return c.SendString("pong") })
	return app
}
