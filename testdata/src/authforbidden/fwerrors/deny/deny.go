// Package deny builds the framework errors a service answers with.
package deny

import (
	"net/http"

	"github.com/gofiber/fiber/v2"
)

// Fiber returns fiber's error carrying 403.
func Fiber(msg string) error {
	return fiber.NewError(http.StatusForbidden, msg)
}
