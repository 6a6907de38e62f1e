package response

// This file is the one table of hard-coded knowledge about the standard
// library and the web frameworks. Facts are never assumed to exist for these
// packages (Bazel nogo does not analyze them, and the standalone driver loads
// them from export data), so everything the model knows about them is here.

// Framework import paths. A package that imports none of these (and no
// package with response facts) is skipped by the fast path.
const (
	pkgHTTP       = "net/http"
	pkgGin        = "github.com/gin-gonic/gin"
	pkgEcho4      = "github.com/labstack/echo/v4"
	pkgEcho5      = "github.com/labstack/echo/v5"
	pkgFiber2     = "github.com/gofiber/fiber/v2"
	pkgFiber3     = "github.com/gofiber/fiber/v3"
	pkgFasthttp   = "github.com/valyala/fasthttp"
	pkgChiRender  = "github.com/go-chi/render"
	pkgK8sWriters = "k8s.io/apiserver/pkg/endpoints/handlers/responsewriters"
	pkgK8sErrors  = "k8s.io/apimachinery/pkg/api/errors"
)

// httpPackages are the packages whose import makes a package worth analysing.
var httpPackages = map[string]bool{
	pkgHTTP: true, pkgGin: true, pkgEcho4: true, pkgEcho5: true,
	pkgFiber2: true, pkgFiber3: true, pkgFasthttp: true, pkgChiRender: true,
	pkgK8sWriters: true,
}

// knownPackages are packages whose functions are fully described by this
// table: a call into them has no response effect unless listed here. Every
// standard library package is known too (see isStdlib).
var knownPackages = map[string]bool{
	pkgGin: true, pkgEcho4: true, pkgEcho5: true, pkgFiber2: true, pkgFiber3: true,
	pkgFasthttp: true, pkgChiRender: true, pkgK8sErrors: true,
	"github.com/go-chi/chi/v5": true, "github.com/gorilla/mux": true,
	"github.com/justinas/alice": true,
}

// member names a function (recv == "") or a method of a named type.
type member struct {
	pkg, recv, name string
}

// writerTypes are the named types through which a handler answers a request.
// Any other type whose method set has Header, Write and WriteHeader (an
// http.ResponseWriter wrapper) is a writer too.
var writerTypes = map[[2]string]bool{
	{pkgHTTP, "ResponseWriter"}: true, {pkgHTTP, "Header"}: true,
	{pkgGin, "Context"}: true, {pkgGin, "ResponseWriter"}: true,
	{pkgEcho4, "Context"}: true, {pkgEcho4, "Response"}: true,
	{pkgEcho5, "Context"}: true, {pkgEcho5, "Response"}: true,
	{pkgFiber2, "Ctx"}: true, {pkgFiber3, "Ctx"}: true, {pkgFiber3, "DefaultCtx"}: true, {pkgFiber3, "DefaultRes"}: true,
	{pkgFasthttp, "RequestCtx"}: true, {pkgFasthttp, "Response"}: true,
	{pkgFasthttp, "ResponseHeader"}: true,
}

// contextTypes are the writer types that are request contexts too: code
// hands them to validators, loggers and the next handler, so an unknown
// callee given one is not assumed to set a challenge (one given an
// http.ResponseWriter or a header map is).
var contextTypes = map[[2]string]bool{
	{pkgGin, "Context"}: true, {pkgEcho4, "Context"}: true, {pkgEcho5, "Context"}: true,
	{pkgFiber2, "Ctx"}: true, {pkgFiber3, "Ctx"}: true, {pkgFiber3, "DefaultCtx"}: true,
	{pkgFasthttp, "RequestCtx"}: true,
}

// statusArg: calls that write the status given in argument i.
var statusArg = map[member]int{
	{pkgHTTP, "", "Error"}:    2,
	{pkgHTTP, "", "Redirect"}: 3,

	{pkgGin, "Context", "AbortWithStatus"}:         0,
	{pkgGin, "Context", "AbortWithStatusJSON"}:     0,
	{pkgGin, "Context", "AbortWithStatusPureJSON"}: 0,
	{pkgGin, "Context", "AbortWithError"}:          0,
	{pkgGin, "Context", "Status"}:                  0,
	{pkgGin, "Context", "JSON"}:                    0,
	{pkgGin, "Context", "IndentedJSON"}:            0,
	{pkgGin, "Context", "SecureJSON"}:              0,
	{pkgGin, "Context", "JSONP"}:                   0,
	{pkgGin, "Context", "AsciiJSON"}:               0,
	{pkgGin, "Context", "PureJSON"}:                0,
	{pkgGin, "Context", "XML"}:                     0,
	{pkgGin, "Context", "YAML"}:                    0,
	{pkgGin, "Context", "TOML"}:                    0,
	{pkgGin, "Context", "ProtoBuf"}:                0,
	{pkgGin, "Context", "String"}:                  0,
	{pkgGin, "Context", "Data"}:                    0,
	{pkgGin, "Context", "DataFromReader"}:          0,
	{pkgGin, "Context", "HTML"}:                    0,
	{pkgGin, "Context", "Redirect"}:                0,
	{pkgGin, "Context", "Render"}:                  0,
	{pkgGin, "Context", "Negotiate"}:               0,

	{pkgChiRender, "", "Status"}: 1,

	{pkgFasthttp, "RequestCtx", "SetStatusCode"}:     0,
	{pkgFasthttp, "RequestCtx", "Error"}:             1,
	{pkgFasthttp, "Response", "SetStatusCode"}:       0,
	{pkgFasthttp, "ResponseHeader", "SetStatusCode"}: 0,

	{pkgK8sWriters, "", "WriteRawJSON"}:          0,
	{pkgK8sWriters, "", "WriteObjectNegotiated"}: 5,
}

func init() {
	// echo's Context answer methods take the status first, in v4 (an
	// interface) and v5 (a struct) alike.
	for _, p := range []string{pkgEcho4, pkgEcho5} {
		for _, m := range []string{"NoContent", "JSON", "JSONPretty", "JSONBlob", "JSONP", "JSONPBlob",
			"XML", "XMLPretty", "XMLBlob", "String", "HTML", "HTMLBlob", "Blob", "Stream", "Render", "Redirect"} {
			statusArg[member{p, "Context", m}] = 0
		}
	}
	// fiber v2 (*Ctx) and v3 (the Ctx interface; on the DefaultCtx struct
	// the response methods are declared on the embedded *DefaultRes, and
	// only Status on *DefaultCtx itself).
	for _, t := range [][2]string{{pkgFiber2, "Ctx"}, {pkgFiber3, "Ctx"}, {pkgFiber3, "DefaultRes"}} {
		statusArg[member{t[0], t[1], "SendStatus"}] = 0
		statusArg[member{t[0], t[1], "Status"}] = 0
		headerArg[member{t[0], t[1], "Set"}] = 0
		headerArg[member{t[0], t[1], "Append"}] = 0
	}
	statusArg[member{pkgFiber3, "DefaultCtx", "Status"}] = 0
}

// errorArg: calls that answer with the status carried by the error in
// argument i (a framework's error handler, kubernetes' negotiated writer).
var errorArg = map[member]int{
	{pkgEcho4, "Context", "Error"}:         0,
	{pkgEcho5, "Context", "Error"}:         0,
	{pkgK8sWriters, "", "ErrorNegotiated"}: 0,
}

// headerArg: calls that set the response header named by argument i. The
// methods of http.Header (Set, Add) and index assignments to it are handled
// by type, not listed here.
var headerArg = map[member]int{
	{pkgGin, "Context", "Header"}:                   0,
	{pkgFasthttp, "ResponseHeader", "Set"}:          0,
	{pkgFasthttp, "ResponseHeader", "Add"}:          0,
	{pkgFasthttp, "ResponseHeader", "SetCanonical"}: 0,
	{pkgFasthttp, "ResponseHeader", "SetBytesK"}:    0,
	{pkgFasthttp, "ResponseHeader", "SetBytesV"}:    0,
	{pkgFasthttp, "ResponseHeader", "SetBytesKV"}:   0,
	{pkgFasthttp, "ResponseHeader", "AddBytesK"}:    0,
	{pkgFasthttp, "ResponseHeader", "AddBytesV"}:    0,
	{pkgFasthttp, "ResponseHeader", "AddBytesKV"}:   0,
}

// errorVars: package-level error values that carry a status.
var errorVars = map[member]int{
	{pkgEcho4, "", "ErrUnauthorized"}:       401,
	{pkgEcho4, "", "ErrForbidden"}:          403,
	{pkgEcho5, "", "ErrUnauthorized"}:       401,
	{pkgEcho5, "", "ErrForbidden"}:          403,
	{pkgFiber2, "", "ErrUnauthorized"}:      401,
	{pkgFiber2, "", "ErrForbidden"}:         403,
	{pkgFiber2, "", "ErrProxyAuthRequired"}: 407,
	{pkgFiber3, "", "ErrUnauthorized"}:      401,
	{pkgFiber3, "", "ErrForbidden"}:         403,
	{pkgFiber3, "", "ErrProxyAuthRequired"}: 407,
}

// errorCtors: functions returning an error that carries the status in
// argument i (i >= 0) or a fixed status (-status).
var errorCtors = map[member]int{
	{pkgEcho4, "", "NewHTTPError"}:        0,
	{pkgEcho5, "", "NewHTTPError"}:        0,
	{pkgFiber2, "", "NewError"}:           0,
	{pkgFiber3, "", "NewError"}:           0,
	{pkgK8sErrors, "", "NewUnauthorized"}: -401,
	{pkgK8sErrors, "", "NewForbidden"}:    -403,
}

// errorMethods: methods of status errors that return the same error (or a
// copy with the same status).
var errorMethods = map[member]bool{
	{pkgEcho4, "HTTPError", "SetInternal"}:  true,
	{pkgEcho4, "HTTPError", "WithInternal"}: true,
	{pkgEcho5, "HTTPError", "Wrap"}:         true,
}

// errorTypes: struct types whose named field holds the status, for
// composite literals such as &echo.HTTPError{Code: 401}.
var errorTypes = map[[2]string]string{
	{pkgEcho4, "HTTPError"}: "Code",
	{pkgEcho5, "HTTPError"}: "Code",
	{pkgFiber2, "Error"}:    "Code",
	{pkgFiber3, "Error"}:    "Code",
}

// handlerSigs: the framework handler function types. A function of one of
// these shapes that is exported (or escapes) is called by the framework.
var handlerParams = map[[2]string]bool{
	{pkgGin, "Context"}:         true,
	{pkgEcho4, "Context"}:       true,
	{pkgEcho5, "Context"}:       true,
	{pkgFiber2, "Ctx"}:          true,
	{pkgFiber3, "Ctx"}:          true,
	{pkgFasthttp, "RequestCtx"}: true,
}

// noReturn: calls after which control does not continue.
var noReturn = map[member]bool{
	{"os", "", "Exit"}:     true,
	{"log", "", "Fatal"}:   true,
	{"log", "", "Fatalf"}:  true,
	{"log", "", "Fatalln"}: true,
	{"log", "", "Panic"}:   true,
	{"log", "", "Panicf"}:  true,
	{"log", "", "Panicln"}: true,
}
