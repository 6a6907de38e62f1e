// Package keyauth is a test stub of the real fiber v2 keyauth API subset, written for authchallenge fixtures.
package keyauth

import (
	"errors"

	"github.com/gofiber/fiber/v2"
)

var ErrMissingOrMalformedAPIKey = errors.New("missing or malformed API Key")

type Config struct {
	Next func(*fiber.Ctx) bool

	SuccessHandler fiber.Handler

	ErrorHandler fiber.ErrorHandler

	KeyLookup string

	AuthScheme string

	Validator func(*fiber.Ctx, string) (bool, error)

	ContextKey interface{}
}

var ConfigDefault = Config{
	KeyLookup:  "header:" + fiber.HeaderAuthorization,
	AuthScheme: "Bearer",
	ContextKey: "token",
}

func New(config ...Config) fiber.Handler {
	return func(c *fiber.Ctx) error { return c.Next() }
}
