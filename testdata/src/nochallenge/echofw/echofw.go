package echofw

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"
)

var errNoKey = errors.New("no key")

// errUnauthorized is a package-level 401 error value.
var errUnauthorized = echo.NewHTTPError(http.StatusUnauthorized, "unauthorized") // want `401 set here reaches the client without a WWW-Authenticate challenge \(returned to the framework at echofw.go:\d+, and 1 more place; neither sets one first\)`

// Register mounts the handlers.
func Register(e *echo.Echo) {
	e.Use(RequireKey)
	e.GET("/a", sentinel)
	e.GET("/b", constructed)
	e.GET("/c", noContent)
	e.GET("/d", literal)
	e.GET("/e", viaHelper)
	e.GET("/f", viaVariable)
	e.GET("/ok1", headerFirst)
	e.GET("/ok2", providerSetsChallenge)
	e.GET("/ok3", forbidden)
	e.GET("/ok4", convertedTo500)
	e.GET("/ok5", proxyChallenge)
}

// RequireKey is an echo middleware.
func RequireKey(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if c.Request().Header.Get("X-Api-Key") == "" {
			return echo.ErrUnauthorized // want `^error carrying 401 returned without a WWW-Authenticate challenge`
		}
		return next(c)
	}
}

func sentinel(c echo.Context) error {
	if c.QueryParam("token") == "" {
		return echo.ErrUnauthorized.WithInternal(errNoKey) // want `error carrying 401 returned`
	}
	return nil
}

func constructed(c echo.Context) error {
	if c.Request().Header.Get("Authorization") == "" {
		return echo.NewHTTPError(http.StatusUnauthorized, "missing token") // want `error carrying 401 returned`
	}
	return c.String(http.StatusOK, "ok")
}

func noContent(c echo.Context) error {
	if c.Request().Header.Get("Authorization") == "" {
		return c.NoContent(http.StatusUnauthorized) // want `^401 response without`
	}
	return nil
}

func literal(c echo.Context) error {
	return &echo.HTTPError{Code: http.StatusUnauthorized, Message: "no"} // want `error carrying 401 returned`
}

func checkKey(c echo.Context) error {
	if c.Request().Header.Get("X-Api-Key") == "" {
		return errUnauthorized
	}
	return nil
}

func viaHelper(c echo.Context) error {
	if err := checkKey(c); err != nil {
		return err // reported once, where errUnauthorized is built
	}
	return nil
}

func viaVariable(c echo.Context) error {
	err := checkKey(c)
	if err != nil {
		return err // reported once, where errUnauthorized is built
	}
	return nil
}

func headerFirst(c echo.Context) error {
	if c.Request().Header.Get("Authorization") == "" {
		c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="api"`)
		return echo.ErrUnauthorized
	}
	return nil
}

// d. a provider sets the challenge on the response and returns an error;
// its caller answers with a 401 error value.
type basicProvider struct{ realm string }

func (p *basicProvider) authenticate(c echo.Context) (string, error) {
	user, _, ok := c.Request().BasicAuth()
	if !ok {
		c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Basic realm="`+p.realm+`"`)
		return "", errNoKey
	}
	return user, nil
}

func providerSetsChallenge(c echo.Context) error {
	p := &basicProvider{realm: "api"}
	if _, err := p.authenticate(c); err != nil {
		return echo.NewHTTPError(http.StatusUnauthorized, err.Error())
	}
	return nil
}

func forbidden(c echo.Context) error {
	return echo.ErrForbidden
}

func convertedTo500(c echo.Context) error {
	if err := checkKey(c); err != nil {
		return c.String(http.StatusInternalServerError, "internal")
	}
	return nil
}

func proxyChallenge(c echo.Context) error {
	c.Response().Header().Set("Proxy-Authenticate", `Basic realm="proxy"`)
	return c.NoContent(http.StatusProxyAuthRequired)
}
