package frameworks

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
)

var errBadToken = errors.New("bad token")

// Verify checks a token.
func Verify(token string) (map[string]any, error) {
	if token == "" {
		return nil, errBadToken
	}
	return map[string]any{}, nil
}

// GinAuth answers a missing token with 403.
func GinAuth() gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.GetHeader("Authorization") == "" {
			c.AbortWithStatus(http.StatusForbidden) // want `403 answers an authentication failure`
			return
		}
		if _, err := Verify(c.GetHeader("Authorization")); err != nil {
			c.AbortWithStatusJSON(http.StatusForbidden, gin.H{"error": "bad token"}) // want `403 answers an authentication failure`
			return
		}
		c.Next()
	}
}

// GinAdmin is authorization after authentication: silent.
func GinAdmin(c *gin.Context) {
	if c.GetString("role") != "admin" {
		c.AbortWithStatus(http.StatusForbidden)
	}
}

// EchoAuth returns echo.ErrForbidden for a bad token.
func EchoAuth(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if _, err := Verify(c.Request().Header.Get("Authorization")); err != nil {
			return echo.ErrForbidden // want `403 answers an authentication failure`
		}
		return next(c)
	}
}

// Authenticator is an authenticator interface.
type Authenticator interface {
	Authenticate(c echo.Context) (map[string]any, error)
}

// TokenAuth is one: every error its Authenticate returns is a failure.
type TokenAuth struct{}

func (TokenAuth) Authenticate(c echo.Context) (map[string]any, error) {
	claims, err := Verify(c.Request().Header.Get("Authorization"))
	if err != nil {
		return nil, echo.ErrForbidden // want `the credential check Verify \(Authorization header\) failed`
	}
	if claims["aud"] != "api" {
		return nil, echo.NewHTTPError(http.StatusForbidden, "wrong audience") // want `403 answers an authentication failure \(returned by a check of the Authorization header\)`
	}
	return claims, nil
}

// EchoRole: authorization, silent.
func EchoRole(c echo.Context) error {
	if c.Get("role") != "admin" {
		return echo.ErrForbidden
	}
	return nil
}

// FiberAuth answers a missing key with 403.
func FiberAuth(c *fiber.Ctx) error {
	if c.Get(fiber.HeaderAuthorization) == "" {
		return c.SendStatus(fiber.StatusForbidden) // want `403 answers an authentication failure`
	}
	if _, err := Verify(c.Get(fiber.HeaderAuthorization)); err != nil {
		return fiber.ErrForbidden // want `403 answers an authentication failure`
	}
	return c.Next()
}

// EchoLegacy keeps a 403 on purpose.
func EchoLegacy(c echo.Context) error {
	if _, err := Verify(c.Request().Header.Get("Authorization")); err != nil {
		return echo.ErrForbidden //authchallenge:ignore authforbidden S3-compatible API: a bad signature is 403 by protocol
	}
	return nil
}

// FiberSession: a session cookie, silent.
func FiberSession(c *fiber.Ctx) error {
	if c.Cookies("session") == "" {
		return fiber.ErrForbidden
	}
	return c.Next()
}
