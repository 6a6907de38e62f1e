// Package keyauth is a test stub of the real fiber v3 keyauth API subset, written for authchallenge fixtures.
package keyauth

import (
	"errors"

	"github.com/gofiber/fiber/v3"
	"github.com/gofiber/fiber/v3/extractors"
)

const (
	ErrorInvalidRequest    = "invalid_request"
	ErrorInvalidToken      = "invalid_token"
	ErrorInsufficientScope = "insufficient_scope"
)

var ErrMissingOrMalformedAPIKey = errors.New("missing or invalid API Key")

type Config struct {
	Next func(c fiber.Ctx) bool

	SuccessHandler fiber.Handler

	ErrorHandler fiber.ErrorHandler

	Validator func(c fiber.Ctx, key string) (bool, error)

	Realm string

	Challenge string

	Error string

	ErrorDescription string

	ErrorURI string

	Scope string

	Extractor extractors.Extractor
}

var ConfigDefault = Config{
	Realm:     "Restricted",
	Extractor: extractors.FromAuthHeader("Bearer"),
}

func New(config ...Config) fiber.Handler {
	return func(c fiber.Ctx) error { return c.Next() }
}

func TokenFromContext(ctx any) string { return "" }
