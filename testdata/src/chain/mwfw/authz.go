package mwfw

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// identity is what an authenticating middleware stored.
type identity struct {
	Tenant string
	Roles  []string
}

func current(c *gin.Context) *identity {
	id, _ := c.Get("identity")
	v, _ := id.(*identity)
	return v
}

// sameTenant authorizes an identity set earlier: it reads no credentials.
func sameTenant() gin.HandlerFunc {
	return func(c *gin.Context) {
		if id := current(c); id != nil && id.Tenant != c.Param("tenant") {
			c.AbortWithStatusJSON(http.StatusForbidden, gin.H{"error": "tenant mismatch"})
			return
		}
		c.Next()
	}
}

// requireRole challenges a request that reached it without an identity
// and refuses one without the role: authorization, reading no credentials.
func requireRole(role string) gin.HandlerFunc {
	return func(c *gin.Context) {
		id := current(c)
		if id == nil {
			c.Header("WWW-Authenticate", `Bearer realm="api"`)
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		for _, r := range id.Roles {
			if r == role {
				c.Next()
				return
			}
		}
		c.AbortWithStatus(http.StatusForbidden)
	}
}

// GinAuthz wires authorization middleware after authentication.
func GinAuthz(r *gin.Engine) {
	// The tenant check rejects before requireRole challenges, but neither
	// authenticates: each judges the identity ginBearer established.
	r.Group("/tenants/:tenant").Use(ginBearer(), sameTenant(), requireRole("admin"))
	// An authenticator that rejects without a challenge before one that
	// challenges is still reported, with authorization after them.
	r.Group("/console").Use(ginSession(), ginBearer(), sameTenant()) // want `ginSession\(…\) rejects requests without a challenge`
	// Authorization before a challenging authenticator: the tenant check
	// reads no credentials, so it is not the scheme that turns the
	// bearer's requests away.
	r.Group("/reports").Use(sameTenant(), ginBearer())
}
