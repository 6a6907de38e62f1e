// Package authapp exercises the authforbidden, grpcauthcode, chainorder and
// firstchallenge rules on the real frameworks. Lines that must be reported
// end in `// want RULE`; the others are silent shapes.
package authapp

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/justinas/alice"
	"github.com/labstack/echo/v4"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// ErrTokenExpired is returned for an expired token.
var ErrTokenExpired = errors.New("token expired")

type claims struct{ Role string }

func verifyToken(token string) (*claims, error) {
	if token == "" {
		return nil, ErrTokenExpired
	}
	return &claims{Role: "user"}, nil
}

// BearerOnly answers a bad token with 403: the client will not refresh.
func BearerOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		c, err := verifyToken(tok)
		if err != nil {
			http.Error(w, "forbidden", http.StatusForbidden) // want authforbidden
			return
		}
		if c.Role != "admin" {
			// silent: authorization after authentication
			http.Error(w, "admins only", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// GinToken answers a missing token with 403.
func GinToken() gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.GetHeader("Authorization") == "" {
			c.AbortWithStatus(http.StatusForbidden) // want authforbidden
			return
		}
		c.Next()
	}
}

// EchoToken returns echo.ErrForbidden for an expired token.
func EchoToken(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		_, err := verifyToken(c.Request().Header.Get("Authorization"))
		if errors.Is(err, ErrTokenExpired) {
			return echo.ErrForbidden // want authforbidden
		}
		if _, err := c.Cookie("session"); err != nil {
			// silent: a session cookie has no challenge
			return echo.ErrForbidden
		}
		return next(c)
	}
}

// Unary is a gRPC interceptor body.
func Unary(ctx context.Context) error {
	md, ok := metadata.FromIncomingContext(ctx)
	if !ok {
		return status.Error(codes.PermissionDenied, "no metadata") // want grpcauthcode
	}
	c, err := verifyToken(strings.Join(md.Get("authorization"), ""))
	if err != nil {
		// silent: the right code
		return status.Error(codes.Unauthenticated, "bad token")
	}
	if c.Role != "admin" {
		// silent: authenticated, not allowed
		return status.Error(codes.PermissionDenied, "admins only")
	}
	return nil
}

// RequireSession redirects callers without a session to the login page.
func RequireSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := r.Cookie("session"); err != nil {
			http.Redirect(w, r, "/login", http.StatusFound)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// RequireBearer challenges.
func RequireBearer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Router stacks the middleware on real chi and alice.
func Router(h http.Handler) http.Handler {
	r := chi.NewRouter()
	r.Use(RequireSession, RequireBearer) // want chainorder
	r.With(RequireBearer, RequireSession).Handle("/api", h)
	_ = alice.New(RequireSession, RequireBearer).Then(h) // want chainorder
	return r
}

// GinSession rejects anonymous callers.
func GinSession(c *gin.Context) {
	if _, err := c.Cookie("session"); err != nil {
		c.AbortWithStatus(http.StatusForbidden)
		return
	}
	c.Next()
}

// GinBearer challenges.
func GinBearer(c *gin.Context) {
	if c.GetHeader("Authorization") == "" {
		c.Header("WWW-Authenticate", `Bearer realm="api"`)
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.Next()
}

// Gin stacks gin middleware.
func Gin(e *gin.Engine) {
	e.Use(GinSession, GinBearer) // want chainorder
	api := e.Group("/api")
	api.Use(GinBearer, GinSession)
}

// EchoSession rejects anonymous callers.
func EchoSession(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if _, err := c.Cookie("session"); err != nil {
			return echo.ErrForbidden
		}
		return next(c)
	}
}

// EchoBearer challenges.
func EchoBearer(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if c.Request().Header.Get("Authorization") == "" {
			c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="api"`)
			return echo.ErrUnauthorized
		}
		return next(c)
	}
}

// Echo stacks echo middleware.
func Echo(e *echo.Echo) {
	e.Use(EchoSession, EchoBearer) // want chainorder
	g := e.Group("/v2")
	g.Use(EchoBearer, EchoSession)
}

// Authenticator is a scheme with a challenge.
type Authenticator interface {
	Authenticate(r *http.Request) (*claims, error)
	Challenge() string
}

// Session has no challenge.
type Session struct{}

// Authenticate reads the session cookie.
func (Session) Authenticate(r *http.Request) (*claims, error) {
	if _, err := r.Cookie("session"); err != nil {
		return nil, err
	}
	return &claims{}, nil
}

// Challenge is empty: cookies have no challenge.
func (Session) Challenge() string { return "" }

// Bearer challenges.
type Bearer struct{}

// Authenticate verifies the bearer token.
func (Bearer) Authenticate(r *http.Request) (*claims, error) {
	return verifyToken(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "))
}

// Challenge names the scheme.
func (Bearer) Challenge() string { return `Bearer realm="api"` }

// Chain answers failures DRF's way: with the first scheme's challenge.
type Chain []Authenticator

func (c Chain) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, a := range c {
		if _, err := a.Authenticate(r); err == nil {
			return
		}
	}
	if ch := c[0].Challenge(); ch != "" { // want firstchallenge
		w.Header().Set("WWW-Authenticate", ch)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusForbidden)
}

// Chains builds one in DRF's order.
var Chains = Chain{Session{}, Bearer{}} // want chainorder
