// Package basicauth is a test stub of the real fiber v2 basicauth API subset, written for authchallenge fixtures.
package basicauth

import (
	"github.com/gofiber/fiber/v2"
)

type Config struct {
	Next func(c *fiber.Ctx) bool

	Users map[string]string

	Realm string

	Authorizer func(string, string) bool

	Unauthorized fiber.Handler

	ContextUsername interface{}

	ContextPassword interface{}
}

var ConfigDefault = Config{
	Users:           map[string]string{},
	Realm:           "Restricted",
	ContextUsername: "username",
	ContextPassword: "password",
}

func New(config Config) fiber.Handler {
	return func(c *fiber.Ctx) error { return c.Next() }
}
