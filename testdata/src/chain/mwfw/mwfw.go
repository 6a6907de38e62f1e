package mwfw

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
)

func ginSession() gin.HandlerFunc {
	return func(c *gin.Context) {
		if _, err := c.Cookie("session"); err != nil {
			c.AbortWithStatus(http.StatusForbidden)
			return
		}
		c.Next()
	}
}

func ginBearer() gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.GetHeader("Authorization") == "" {
			c.Header("WWW-Authenticate", `Bearer realm="api"`)
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Next()
	}
}

func ginLoad(c *gin.Context) { c.Next() }

// Gin wires gin stacks.
func Gin(r *gin.Engine) {
	r.Use(ginSession(), ginBearer())                // want `ginSession\(…\) rejects requests without a challenge`
	r.Use(ginLoad, ginBearer())                     // silent: pass-through first
	g := r.Group("/api", ginSession(), ginBearer()) // want `ginSession\(…\) rejects`
	_ = g
}

func echoSession(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if _, err := c.Cookie("session"); err != nil {
			return echo.ErrForbidden
		}
		return next(c)
	}
}

func echoBearer(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if c.Request().Header.Get("Authorization") == "" {
			c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="api"`)
			return echo.ErrUnauthorized
		}
		return next(c)
	}
}

// Echo wires echo stacks.
func Echo(e *echo.Echo) {
	e.Use(echoSession, echoBearer) // want `echoSession rejects requests without a challenge`
	e.Use(echoBearer, echoSession) // silent: bearing first
}

func fiberSession(c *fiber.Ctx) error {
	if c.Cookies("session") == "" {
		return c.SendStatus(fiber.StatusForbidden)
	}
	return c.Next()
}

func fiberBearer(c *fiber.Ctx) error {
	if c.Get(fiber.HeaderAuthorization) == "" {
		c.Set(fiber.HeaderWWWAuthenticate, `Bearer realm="api"`)
		return c.SendStatus(fiber.StatusUnauthorized)
	}
	return c.Next()
}

// Fiber wires fiber stacks.
func Fiber(app *fiber.App) {
	app.Use(fiberSession, fiberBearer) // want `fiberSession rejects requests without a challenge`
	app.Use(fiberBearer, fiberSession) // silent: bearing first
}
