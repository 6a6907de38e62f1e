// Package libmw stacks the frameworks' own Basic authentication middleware,
// which challenges, behind middleware of its own that rejects without one.
package libmw

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/labstack/echo/v4"
	echomw "github.com/labstack/echo/v4/middleware"
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

func echoSession(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if _, err := c.Cookie("session"); err != nil {
			return echo.ErrForbidden
		}
		return next(c)
	}
}

func chiSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := r.Cookie("session"); err != nil {
			w.WriteHeader(http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func valid(user, pass string, c echo.Context) (bool, error) { return user == "ops" && pass == "x", nil }

// Routes wires the stacks: the session first turns away the Basic clients.
func Routes(r *gin.Engine, e *echo.Echo, mux chi.Router, accounts gin.Accounts) {
	r.Group("/ops", ginSession(), gin.BasicAuth(accounts)) // want `ginSession\(…\) rejects requests without a challenge \(401/403 or a redirect\) and runs before BasicAuth\(…\)`
	r.Group("/ok", gin.BasicAuth(accounts), ginSession())
	e.Group("/back", echoSession, echomw.BasicAuth(valid)) // want `echoSession rejects requests without a challenge`
	e.Group("/fine", echomw.BasicAuth(valid), echoSession)
	mux.With(chiSession, middleware.BasicAuth("ops", nil)).Get("/", nil) // want `chiSession rejects requests without a challenge`
	mux.With(middleware.BasicAuth("ops", nil), chiSession).Get("/x", nil)
}
