// Package echoapp holds echo authentication code for the nochallenge rule.
// A handler that returns an *echo.HTTPError with code 401 makes echo's error
// handler write a 401, so the returned value is where the finding goes.
package echoapp

import (
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

var errNoKey = errors.New("no api key")

// Keys maps API keys to client names.
type Keys map[string]string

func (k Keys) client(c echo.Context) (string, error) {
	key := c.Request().Header.Get("X-Api-Key")
	if key == "" {
		return "", errNoKey
	}
	name, ok := k[key]
	if !ok {
		return "", errors.New("api key not recognised")
	}
	return name, nil
}

// RequireKey rejects unknown callers with echo's shared 401 error.
func RequireKey(k Keys) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			name, err := k.client(c)
			if errors.Is(err, errNoKey) {
				return echo.ErrUnauthorized // want nochallenge
			}
			if err != nil {
				return echo.ErrUnauthorized.WithInternal(err) // want nochallenge
			}
			c.Set("client", name)
			return next(c)
		}
	}
}

// Whoami answers with the caller's client name.
func Whoami(k Keys) echo.HandlerFunc {
	return func(c echo.Context) error {
		name, err := k.client(c)
		if err != nil {
			return echo.NewHTTPError(http.StatusUnauthorized, "api key required") // want nochallenge
		}
		return c.JSON(http.StatusOK, map[string]string{"client": name})
	}
}

// Revoke forgets a key.
func Revoke(k Keys) echo.HandlerFunc {
	return func(c echo.Context) error {
		key := c.Request().Header.Get("X-Api-Key")
		if _, ok := k[key]; !ok {
			return c.NoContent(401) // want nochallenge
		}
		delete(k, key)
		return c.NoContent(http.StatusNoContent)
	}
}

// RequireKeyChallenge names the scheme before returning the shared 401.
func RequireKeyChallenge(k Keys) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if _, err := k.client(c); err != nil {
				// silent: challenge set on the response before returning echo.ErrUnauthorized
				c.Response().Header().Set(echo.HeaderWWWAuthenticate, `ApiKey realm="partners", header="X-Api-Key"`)
				return echo.ErrUnauthorized
			}
			return next(c)
		}
	}
}

// BearerProvider checks bearer tokens. It sets the challenge on every
// failure so that callers only have to pick the error.
type BearerProvider struct {
	Realm  string
	Tokens map[string]string
}

// Authenticate returns the token's subject, or an error after setting the
// challenge on w.
func (p *BearerProvider) Authenticate(w http.ResponseWriter, r *http.Request) (string, error) {
	tok, ok := strings.CutPrefix(r.Header.Get(echo.HeaderAuthorization), "Bearer ")
	if !ok || tok == "" {
		w.Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="`+p.Realm+`"`)
		return "", errors.New("missing bearer token")
	}
	sub, found := p.Tokens[tok]
	if !found {
		w.Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="`+p.Realm+`", error="invalid_token"`)
		return "", errors.New("unknown bearer token")
	}
	return sub, nil
}

// Feed serves the caller's feed after the provider has vetted it.
func Feed(p *BearerProvider) echo.HandlerFunc {
	return func(c echo.Context) error {
		sub, err := p.Authenticate(c.Response(), c.Request())
		if err != nil {
			// silent: the provider set the challenge on w before returning the error
			return echo.NewHTTPError(http.StatusUnauthorized, err.Error())
		}
		return c.String(http.StatusOK, "feed for "+sub)
	}
}

// Purge is for one client only.
func Purge(c echo.Context) error {
	if c.Get("client") != "ops" {
		// silent: 403 is not this rule's business
		return echo.ErrForbidden
	}
	return c.NoContent(http.StatusAccepted)
}

// ProxyGate guards an egress route that wants proxy credentials.
func ProxyGate(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if c.Request().Header.Get("Proxy-Authorization") == "" {
			// silent: 407 error value returned after Proxy-Authenticate is set
			c.Response().Header().Add("Proxy-Authenticate", `Basic realm="egress"`)
			return echo.ErrProxyAuthRequired
		}
		return next(c)
	}
}

// New wires the handlers above. /basic uses echo's own BasicAuth middleware.
func New(k Keys, p *BearerProvider, basicUsers map[string]string) *echo.Echo {
	e := echo.New()
	e.GET("/whoami", Whoami(k))
	e.POST("/revoke", Revoke(k))
	e.GET("/feed", Feed(p))

	g := e.Group("/v1", RequireKey(k))
	g.GET("/ping", func(c echo.Context) error { return c.String(http.StatusOK, "pong") })

	partners := e.Group("/partners", RequireKeyChallenge(k))
	partners.POST("/purge", Purge)

	e.Any("/egress/*", func(c echo.Context) error { return c.NoContent(http.StatusBadGateway) }, ProxyGate)

	// silent: library middleware echo BasicAuth sets its own challenge
	basic := e.Group("/basic", middleware.BasicAuth(func(user, pass string, c echo.Context) (bool, error) {
		want, ok := basicUsers[user]
		return ok && want == pass, nil
	}))
	basic.GET("/ping", func(c echo.Context) error { return c.String(http.StatusOK, "pong") })
	return e
}
