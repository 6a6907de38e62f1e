// Package known holds the facts about types that the models share: how a
// named type is spelled, and which types carry a request's credentials.
package known

import "go/types"

// NamedOf returns the package path and name of t's named type, through
// pointers and aliases (zero for an unnamed type).
func NamedOf(t types.Type) [2]string {
	if t == nil {
		return [2]string{}
	}
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	if n, ok := t.(*types.Named); ok && n.Obj().Pkg() != nil {
		return [2]string{n.Obj().Pkg().Path(), n.Obj().Name()}
	}
	return [2]string{}
}

// RequestTypes are the parameter types that carry a request's credentials:
// a method taking one is an authentication method.
var RequestTypes = map[[2]string]bool{
	{"net/http", "Request"}: true, {"net/http", "Header"}: true,
	{"github.com/gin-gonic/gin", "Context"}:    true,
	{"github.com/labstack/echo/v4", "Context"}: true, {"github.com/labstack/echo/v5", "Context"}: true,
	{"github.com/gofiber/fiber/v2", "Ctx"}: true, {"github.com/gofiber/fiber/v3", "Ctx"}: true,
	{"github.com/valyala/fasthttp", "RequestCtx"}: true,
	{"google.golang.org/grpc/metadata", "MD"}:     true,
}
