// Package ginid keeps the caller in gin's context.
package ginid

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

// User is a caller.
type User struct {
	Name  string
	Admin bool
}

// Tokens finds the user of an access token.
type Tokens interface {
	User(token string) (*User, error)
}

const userKey = "user"

// Auth authenticates bearer tokens.
func Auth(t Tokens) gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Set("request", c.GetHeader("X-Request-Id"))
		tok, ok := strings.CutPrefix(c.GetHeader("Authorization"), "Bearer ")
		if !ok {
			c.Header("WWW-Authenticate", `Bearer realm="shop"`)
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		u, err := t.User(tok)
		if err != nil {
			c.Header("WWW-Authenticate", `Bearer realm="shop", error="invalid_token"`)
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Set(userKey, u)
		c.Next()
	}
}

// Orders lists the caller's orders.
func Orders(c *gin.Context) {
	v, ok := c.Get(userKey)
	if !ok {
		c.AbortWithStatusJSON(http.StatusForbidden, gin.H{"error": "who are you"}) // want `403 answers an authentication failure \(no authenticated identity in the request context\)`
		return
	}
	u := v.(*User)
	if !u.Admin {
		c.AbortWithStatus(http.StatusForbidden)
		return
	}
	c.JSON(http.StatusOK, gin.H{"user": u.Name})
}

// Echo answers the request id kept by Auth: no identity.
func Echo(c *gin.Context) {
	if _, ok := c.Get("request"); !ok {
		c.AbortWithStatus(http.StatusForbidden)
		return
	}
	c.Status(http.StatusNoContent)
}
