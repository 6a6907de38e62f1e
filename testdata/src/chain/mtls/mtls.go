// Package mtls: services call with client certificates, people with bearer
// tokens. A client certificate is a scheme without a challenge: before the
// bearer middleware, its 403 answers every caller without a certificate,
// people with an expired token included.
package mtls

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

// clientCert admits callers whose certificate names a known service.
func clientCert(services map[string]bool) gin.HandlerFunc {
	return func(c *gin.Context) {
		state := c.Request.TLS
		if state == nil || len(state.PeerCertificates) == 0 {
			c.AbortWithStatusJSON(http.StatusForbidden, gin.H{"error": "client certificate required"})
			return
		}
		if !services[state.PeerCertificates[0].Subject.CommonName] {
			c.AbortWithStatus(http.StatusForbidden)
			return
		}
		c.Next()
	}
}

// httpsOnly refuses plain HTTP: no certificate is read, so it is no scheme.
func httpsOnly() gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.Request.TLS == nil {
			c.AbortWithStatus(http.StatusForbidden)
			return
		}
		c.Next()
	}
}

// bearer admits known tokens and challenges the others.
func bearer(tokens map[string]bool) gin.HandlerFunc {
	return func(c *gin.Context) {
		tok, ok := strings.CutPrefix(c.GetHeader("Authorization"), "Bearer ")
		if !ok || !tokens[tok] {
			c.Header("WWW-Authenticate", `Bearer realm="api"`)
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Next()
	}
}

func jobs(c *gin.Context) { c.Status(http.StatusNoContent) }

// Routes mounts the groups.
func Routes(r *gin.Engine, services, tokens map[string]bool) {
	internal := r.Group("/internal", clientCert(services), bearer(tokens)) // want `clientCert\(…\) rejects`
	internal.GET("/jobs", jobs)
	ops := r.Group("/ops", bearer(tokens), clientCert(services))
	ops.GET("/jobs", jobs)
	secure := r.Group("/secure", httpsOnly(), bearer(tokens))
	secure.GET("/jobs", jobs)
}
