package ginfw

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// Register mounts the handlers.
func Register(r *gin.Engine) {
	r.Use(RequireToken())
	r.GET("/a", abortBare)
	r.GET("/b", jsonBare)
	r.GET("/c", stringBare)
	r.GET("/d", abortJSON)
	r.GET("/ok1", headerFirst)
	r.GET("/ok2", helperFirst)
	r.GET("/ok3", forbidden)
	r.GET("/ok4", writerHeader)
	r.GET("/ok5", func(c *gin.Context) {
		challenge(c)
		deny(c)
	})
}

// RequireToken rejects calls without a bearer token.
func RequireToken() gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.GetHeader("Authorization") == "" {
			c.AbortWithStatus(http.StatusUnauthorized) // want `401 response without a WWW-Authenticate challenge`
			return
		}
		c.Next()
	}
}

func abortBare(c *gin.Context) {
	if c.Query("key") == "" {
		c.AbortWithStatus(401) // want `401 response without`
	}
}

func jsonBare(c *gin.Context) {
	if _, _, ok := c.Request.BasicAuth(); !ok {
		c.JSON(http.StatusUnauthorized, gin.H{"error": "unauthorized"}) // want `401 response without`
	}
}

func stringBare(c *gin.Context) {
	if c.GetHeader("Authorization") == "" {
		c.String(http.StatusUnauthorized, "login first") // want `401 response without`
	}
}

func abortJSON(c *gin.Context) {
	if c.GetHeader("Authorization") == "" {
		c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "no token"}) // want `401 response without`
	}
}

// Me is an exported gin handler: mounted by some router.
func Me(c *gin.Context) {
	if _, ok := c.Get("user"); !ok {
		deny(c) // want `call to deny writes 401 \(ginfw.go:\d+\)`
	}
}

func deny(c *gin.Context) {
	c.AbortWithStatus(http.StatusUnauthorized)
}

func challenge(c *gin.Context) {
	c.Header("WWW-Authenticate", `Bearer realm="api"`)
}

func headerFirst(c *gin.Context) {
	if c.GetHeader("Authorization") == "" {
		c.Header("Www-Authenticate", `Bearer realm="api"`)
		c.AbortWithStatus(http.StatusUnauthorized)
	}
}

func helperFirst(c *gin.Context) {
	if c.GetHeader("Authorization") == "" {
		challenge(c)
		c.JSON(http.StatusUnauthorized, gin.H{"error": "no token"})
	}
}

func forbidden(c *gin.Context) {
	c.AbortWithStatus(http.StatusForbidden)
}

func writerHeader(c *gin.Context) {
	c.Writer.Header().Set("WWW-Authenticate", `Basic realm="x"`)
	c.Writer.WriteHeader(http.StatusUnauthorized)
}
