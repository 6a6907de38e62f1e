// Package realworld pins real-world libraries that implement HTTP
// authentication so that the authchallenge linter can be run against
// their packages. It contains no code of its own: the blank imports
// below keep `go mod tidy` from dropping the modules, and list exactly
// the packages named in packages.txt.
package realworld

import (
	_ "k8s.io/apiserver/pkg/authentication/request/anonymous"
	_ "k8s.io/apiserver/pkg/authentication/request/bearertoken"
	_ "k8s.io/apiserver/pkg/authentication/request/headerrequest"
	_ "k8s.io/apiserver/pkg/authentication/request/union"
	_ "k8s.io/apiserver/pkg/authentication/request/x509"
	_ "k8s.io/apiserver/pkg/endpoints/filters"

	_ "github.com/labstack/echo/v4/middleware"

	_ "github.com/go-chi/jwtauth/v5"

	_ "github.com/goji/httpauth"

	_ "github.com/abbot/go-http-auth"

	_ "github.com/prometheus/exporter-toolkit/web"

	_ "github.com/gin-gonic/gin"

	_ "github.com/gofiber/fiber/v2/middleware/basicauth"
	_ "github.com/gofiber/fiber/v2/middleware/keyauth"

	_ "github.com/caddyserver/caddy/v2/modules/caddyhttp/caddyauth"

	_ "github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/auth"

	_ "github.com/ory/fosite"
)
