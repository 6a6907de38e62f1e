// Package statusvar: a status held in a variable, 403 by default and 401
// (with a challenge) only for some failures; a status mapping of another
// package whose result is written.
package statusvar

import (
	"errors"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"authforbidden/statusvar/codes"
	"failure/tokens"
)

func bearer(r *http.Request) string {
	return strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
}

// Default answers 403 unless the token expired.
func Default(w http.ResponseWriter, r *http.Request) {
	if _, err := tokens.Parse(bearer(r), 0); err != nil {
		code := http.StatusForbidden
		if errors.Is(err, tokens.ErrExpired) {
			w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
			code = http.StatusUnauthorized
		}
		w.WriteHeader(code) // want `403 answers an authentication failure \(the credential check Parse \(Authorization header\) failed\)`
		return
	}
}

// Both sets the challenge whichever status goes out.
func Both(w http.ResponseWriter, r *http.Request) {
	if _, err := tokens.Parse(bearer(r), 0); err != nil {
		code := http.StatusForbidden
		w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
		if errors.Is(err, tokens.ErrExpired) {
			code = http.StatusUnauthorized
		}
		w.WriteHeader(code) // silent: the challenge goes with the 403 as well
		return
	}
}

// Always401 only ever holds 401 when it is written.
func Always401(w http.ResponseWriter, r *http.Request) {
	if _, err := tokens.Parse(bearer(r), 0); err != nil {
		code := http.StatusForbidden
		if err != nil {
			w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
			code = http.StatusUnauthorized
		}
		w.WriteHeader(code) // silent: on every path that reaches it the status is 401 with a challenge
		return
	}
}

// Role holds 403 for a caller without the role, after the token checked out.
func Role(w http.ResponseWriter, r *http.Request) {
	sub, err := tokens.Parse(bearer(r), 0)
	if err != nil {
		w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	code := http.StatusOK
	if sub != "admin" {
		code = http.StatusForbidden
	}
	w.WriteHeader(code) // silent: the caller is known and may not act
}

// check returns codes.ErrNone when no token was sent, and the error of the
// token's check otherwise.
func check(r *http.Request) (string, error) {
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return "", codes.ErrNone
	}
	return tokens.Parse(tok, 0)
}

// Mapped writes what a mapping of another package returns, challenged only
// when it is 401.
func Mapped() gin.HandlerFunc {
	return func(c *gin.Context) {
		if _, err := check(c.Request); err != nil {
			status := codes.StatusFor(err)
			if status == http.StatusUnauthorized {
				c.Header("WWW-Authenticate", `Bearer realm="api"`)
			}
			c.AbortWithStatus(status) // want `403 answers an authentication failure \(the credential check check \(Authorization header\) failed\)`
			return
		}
		c.Next()
	}
}

// MappedParse maps only the errors of the token's check, none of which the
// mapping answers with 403.
func MappedParse() gin.HandlerFunc {
	return func(c *gin.Context) {
		if _, err := tokens.Parse(strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer "), 0); err != nil {
			status := codes.StatusFor(err)
			if status == http.StatusUnauthorized {
				c.Header("WWW-Authenticate", `Bearer realm="api"`)
			}
			c.AbortWithStatus(status) // silent: 403 is the mapping's answer to codes.ErrNone only, which Parse never returns
			return
		}
		c.Next()
	}
}

// MappedChallenged sets the challenge for every status the mapping returns.
func MappedChallenged() gin.HandlerFunc {
	return func(c *gin.Context) {
		if _, err := check(c.Request); err != nil {
			status := codes.StatusFor(err)
			c.Header("WWW-Authenticate", `Bearer realm="api"`)
			c.AbortWithStatus(status) // silent: a challenge was set on the way
			return
		}
		c.Next()
	}
}

// Session maps the failure of a session lookup: no challenge to give.
func Session() gin.HandlerFunc {
	return func(c *gin.Context) {
		ck, err := c.Request.Cookie("sid")
		if err != nil || ck.Value == "" {
			status := codes.StatusFor(err)
			if status == http.StatusUnauthorized {
				c.Header("WWW-Authenticate", `Bearer realm="api"`)
			}
			c.AbortWithStatus(status) // silent: a session cookie has no challenge
			return
		}
		c.Next()
	}
}
