// Package basicauth is a test stub of the real fiber v3 basicauth API subset, written for authchallenge fixtures.
package basicauth

import (
	"github.com/gofiber/fiber/v3"
)

type Config struct {
	Next func(c fiber.Ctx) bool

	Users map[string]string

	Authorizer func(string, string, fiber.Ctx) bool

	Unauthorized fiber.Handler

	BadRequest fiber.Handler

	Realm string

	Charset string

	HeaderLimit int
}

var ConfigDefault = Config{
	Users:       map[string]string{},
	Realm:       "Restricted",
	Charset:     "UTF-8",
	HeaderLimit: 8192,
}

func New(config ...Config) fiber.Handler {
	return func(c fiber.Ctx) error { return c.Next() }
}

func UsernameFromContext(ctx any) string { return "" }
