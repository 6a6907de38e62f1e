// Package ginapp holds gin authentication code for the nochallenge rule.
package ginapp

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

// Sessions maps session tokens to user names.
type Sessions map[string]string

func (s Sessions) lookup(c *gin.Context) (string, bool) {
	tok, ok := strings.CutPrefix(c.GetHeader("Authorization"), "Bearer ")
	if !ok || tok == "" {
		return "", false
	}
	user, found := s[tok]
	return user, found
}

// RequireSession aborts unknown callers without a challenge.
func RequireSession(s Sessions) gin.HandlerFunc {
	return func(c *gin.Context) {
		user, ok := s.lookup(c)
		if !ok {
			c.AbortWithStatus(http.StatusUnauthorized) // want nochallenge
			return
		}
		c.Set("user", user)
		c.Next()
	}
}

// RequireSessionJSON does the same with a JSON body.
func RequireSessionJSON(s Sessions) gin.HandlerFunc {
	return func(c *gin.Context) {
		if _, ok := s.lookup(c); !ok {
			c.AbortWithStatusJSON(401, gin.H{"error": "session required"}) // want nochallenge
			return
		}
		c.Next()
	}
}

// Me answers with the caller's name.
func Me(s Sessions) gin.HandlerFunc {
	return func(c *gin.Context) {
		user, ok := s.lookup(c)
		if !ok {
			c.JSON(http.StatusUnauthorized, gin.H{"error": "not logged in"}) // want nochallenge
			return
		}
		c.JSON(http.StatusOK, gin.H{"user": user})
	}
}

// Logout ends a session.
func Logout(s Sessions) gin.HandlerFunc {
	return func(c *gin.Context) {
		tok, ok := strings.CutPrefix(c.GetHeader("Authorization"), "Bearer ")
		if !ok {
			c.String(401, "no session to end") // want nochallenge
			return
		}
		delete(s, tok)
		c.Status(http.StatusNoContent)
	}
}

// RequireSessionChallenge names the scheme before aborting.
func RequireSessionChallenge(s Sessions) gin.HandlerFunc {
	return func(c *gin.Context) {
		user, ok := s.lookup(c)
		if !ok {
			// silent: c.Header sets the challenge before AbortWithStatus
			c.Header("WWW-Authenticate", `Bearer realm="app"`)
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Set("user", user)
		c.Next()
	}
}

// challenge sets the bearer challenge on the gin response.
func challenge(c *gin.Context, errCode string) {
	v := `Bearer realm="app"`
	if errCode != "" {
		v += `, error="` + errCode + `"`
	}
	c.Writer.Header().Set("WWW-Authenticate", v)
}

// Token refreshes a session and refuses through the challenge helper.
func Token(s Sessions) gin.HandlerFunc {
	return func(c *gin.Context) {
		user, ok := s.lookup(c)
		if !ok {
			// silent: helper sets the challenge first
			challenge(c, "invalid_token")
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "invalid_token"})
			return
		}
		c.JSON(http.StatusOK, gin.H{"user": user, "token": "fresh"})
	}
}

// RequireRole refuses authenticated callers without the role.
func RequireRole(role string) gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.GetString("user") != role {
			// silent: 403 is not this rule's business
			c.AbortWithStatusJSON(http.StatusForbidden, gin.H{"error": "forbidden"})
			return
		}
		c.Next()
	}
}

// Router wires the handlers above. The /ops group uses gin's own
// BasicAuth and BasicAuthForProxy middleware.
func Router(s Sessions, ops gin.Accounts) *gin.Engine {
	r := gin.New()
	r.GET("/me", Me(s))
	r.POST("/logout", Logout(s))
	r.POST("/token", Token(s))

	api := r.Group("/api", RequireSession(s))
	api.GET("/ping", func(c *gin.Context) { c.String(http.StatusOK, "pong") })

	v2 := r.Group("/v2", RequireSessionJSON(s))
	v2.GET("/ping", func(c *gin.Context) { c.String(http.StatusOK, "pong") })

	app := r.Group("/app", RequireSessionChallenge(s), RequireRole("admin"))
	app.GET("/stats", func(c *gin.Context) { c.JSON(http.StatusOK, gin.H{"ok": true}) })

	// silent: library middleware gin.BasicAuth sets its own challenge
	opsGroup := r.Group("/ops", gin.BasicAuth(ops))
	opsGroup.GET("/health", func(c *gin.Context) { c.String(http.StatusOK, "ok") })

	// the session guard turns away the Basic clients before gin.BasicAuth asks them
	backoffice := r.Group("/backoffice", RequireSession(s), gin.BasicAuth(ops)) // want chainorder
	backoffice.GET("/queue", func(c *gin.Context) { c.String(http.StatusOK, "queue") })

	// silent: library middleware gin.BasicAuthForProxy answers 407 with Proxy-Authenticate
	egress := r.Group("/egress", gin.BasicAuthForProxy(ops, "egress"))
	egress.Any("/*path", func(c *gin.Context) { c.Status(http.StatusBadGateway) })
	return r
}
