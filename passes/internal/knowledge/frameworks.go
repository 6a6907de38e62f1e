package knowledge

import (
	"go/types"
	"strings"
)

// Import paths the models name directly.
const (
	HTTP       = "net/http"
	Gin        = "github.com/gin-gonic/gin"
	Echo4      = "github.com/labstack/echo/v4"
	Echo5      = "github.com/labstack/echo/v5"
	Fiber2     = "github.com/gofiber/fiber/v2"
	Fiber3     = "github.com/gofiber/fiber/v3"
	Fasthttp   = "github.com/valyala/fasthttp"
	ChiRender  = "github.com/go-chi/render"
	Chi        = "github.com/go-chi/chi/v5"
	GorillaMux = "github.com/gorilla/mux"
	Alice      = "github.com/justinas/alice"
	K8sWriters = "k8s.io/apiserver/pkg/endpoints/handlers/responsewriters"
	K8sErrors  = "k8s.io/apimachinery/pkg/api/errors"
	GRPC       = "google.golang.org/grpc"
	Metadata   = "google.golang.org/grpc/metadata"
	HertzApp   = "github.com/cloudwego/hertz/pkg/app"
	HertzProto = "github.com/cloudwego/hertz/pkg/protocol"
	Huma       = "github.com/danielgtaylor/huma/v2"
	GRPCStatus = "google.golang.org/grpc/status"
	GRPCCodes  = "google.golang.org/grpc/codes"
)

// Framework is everything the models know about one package of the outside
// world. Members are spelled "Name" for a package-level function or
// variable and "Recv.Name" for a method of the package's named type Recv.
type Framework struct {
	// Path is the import path. Importing it makes a package matter
	// (Matters), unless the entry only lists calls that do not return.
	Path string
	// Described: every function of the package is described by its entry,
	// so a call into it that is not listed has no response effect. The
	// standard library is always described.
	Described bool

	// Writers are the named types through which a handler answers a
	// request. Any type whose method set has Header, Write and WriteHeader
	// (an http.ResponseWriter wrapper) is a writer too.
	Writers []string
	// Contexts are the writer types that are request contexts too: code
	// hands them to validators, loggers and the next handler, so an unknown
	// callee given one is not assumed to set a challenge.
	Contexts []string
	// Requests are the types that carry a request's credentials: a method
	// taking one is an authentication method.
	Requests []string
	// Handlers are the framework's handler shapes, each the list of its
	// parameters' types: a type of the package by name, another package's
	// as "path.Name", or "func" for any function (the next handler). A
	// function of one of these shapes, exported or escaping, is called by
	// the framework.
	Handlers [][]string

	// StatusArg: calls that write the status given in argument i.
	StatusArg map[string]int
	// ErrorArg: calls that answer with the status carried by the error in
	// argument i (a framework's error handler, a negotiated writer).
	ErrorArg map[string]int
	// HeaderArg: calls that set the response header named by argument i.
	HeaderArg map[string]int
	// ErrorVars: package-level error values that carry a status.
	ErrorVars map[string]int
	// ErrorCtors: functions returning an error that carries the status in
	// argument i (i >= 0) or a fixed status (-status).
	ErrorCtors map[string]int
	// ErrorMethods: methods of status errors that return the same error or
	// a copy with the same status.
	ErrorMethods []string
	// ErrorTypes: struct types whose named field holds the status, for
	// composite literals such as &echo.HTTPError{Code: 401}.
	ErrorTypes map[string]string
	// ErrorWraps: functions returning an error that wraps (and keeps the
	// status of) the error in argument i; -1: any argument, when the
	// format string in argument 0 has a %w verb (fmt.Errorf).
	ErrorWraps map[string]int
	// ErrorMatch: functions that test an error against a target, as
	// errors.Is (MatchIs: the target is a value) or errors.As (MatchAs: the
	// target points to a type).
	ErrorMatch map[string]Match
	// Formats: functions returning the string their format argument i
	// describes (fmt.Sprintf): its constant text before the first verb is
	// the result's prefix.
	Formats map[string]int
	// FormatsInto: functions writing the string their format argument
	// (Format) describes into the writer in argument Writer (fmt.Fprintf).
	FormatsInto map[string]FormatInto
	// Builders: types whose String method returns what was written into
	// them (strings.Builder), and their methods writing the string in
	// argument i (WriteString).
	Builders map[string]map[string]int
	// NameForms: functions returning another spelling of the header or
	// metadata name in their argument i (strings.ToLower,
	// http.CanonicalHeaderKey): names are case-insensitive, so the result
	// names the same header.
	NameForms map[string]int
	// Integrity: calls comparing a message's signature with the one
	// expected (a webhook's HMAC): a check of the request's integrity,
	// not of credentials.
	Integrity []string
	// CodeErrors: functions building a gRPC status error (or a status whose
	// Err method returns one) from the code in argument i.
	CodeErrors map[string]int
	// NoReturn: calls after which control does not continue.
	NoReturn []string

	// Credentials: calls that read a request's credentials, and what they
	// read (for the failure model's data flow).
	Credentials map[string]Credential
	// ValueStores: calls that keep a value for the rest of the request
	// under a key (context.WithValue, gin's and echo's Context.Set): the
	// key's and the value's arguments. A variadic value (fiber's
	// Ctx.Locals) is stored only when given.
	ValueStores map[string]KeyValue
	// ValueLoads: calls that read back the value kept under the key in
	// argument i (a context's Value, gin's and echo's Context.Get).
	ValueLoads map[string]int
	// Middleware: the names of the package's router methods and
	// constructors whose arguments are middleware run in order (any
	// receiver of the package: chi's Mux and Router, echo's Echo and Group).
	Middleware map[string]Stacking
	// Challengers: the package's middleware (constructors, or middleware
	// functions) that answer a request they reject with 401 and a
	// challenge: its Basic authentication middleware, whose code the
	// analysis does not read.
	Challengers []string
	// FailureHandlers: the fields of the package's authentication
	// middleware configurations ("KeyAuthConfig.ErrorHandler") holding the
	// function the middleware calls when the credentials are missing or
	// do not check out, and where it reads those credentials: the
	// function's body is that scheme's failure path.
	FailureHandlers map[string]Lookup
}

// Lookup says where a middleware reads the credentials it checks: the
// field of its configuration that holds a lookup ("header:Authorization",
// "query:api_key", "cookie:session"; empty: none) and the lookup used when
// the field is not set ("basic": HTTP Basic credentials).
type Lookup struct{ Field, Default string }

// FormatInto names the writer's and the format's arguments of a
// FormatsInto call.
type FormatInto struct{ Writer, Format int }

// KeyValue names the key's and the value's arguments of a ValueStores call.
type KeyValue struct{ Key, Value int }

// CredentialKind says what a credential getter reads.
type CredentialKind uint8

const (
	// HeaderValue: a request header, named by argument Arg; the
	// Authorization header carries challenge-bearing schemes, any other
	// (an API key) none.
	HeaderValue CredentialKind = iota + 1
	// BasicAuth: HTTP Basic credentials (challenge-bearing).
	BasicAuth
	// Cookie: a cookie (challenge-less: a session).
	Cookie
	// IncomingMetadata: a call's gRPC metadata (scheme not known yet).
	IncomingMetadata
	// AuthorizationValue: the value of the authorization metadata or
	// header, scheme prefix checked (challenge-bearing).
	AuthorizationValue
	// SecretComparison: a comparison of a credential with a secret.
	SecretComparison
	// QueryValue: a query or form parameter (challenge-less: a key in the
	// URL, a presigned signature).
	QueryValue
)

// Credential is what a credential getter reads.
type Credential struct {
	Kind CredentialKind
	Arg  int // for HeaderValue: the argument naming the header
}

// Match says how an error-matching function tests its error.
type Match uint8

const (
	MatchIs Match = iota + 1 // errors.Is(err, target)
	MatchAs                  // errors.As(err, &target)
)

// The methods by which any type is recognised as an http.ResponseWriter
// (with Header and Write) or an http.Handler, also one of the service's own
// that wraps or stands for one.
const (
	WriteHeaderMethod = "WriteHeader"
	HeaderMethod      = "Header"
	WriteMethod       = "Write"
	ServeHTTPMethod   = "ServeHTTP"
)

// ErrorPackage reports a package of error values and functions (errors,
// github.com/pkg/errors): one whose entry lists error matchers.
func ErrorPackage(path string) bool { return errorPackages[path] }

// gRPC's status codes the rules speak of (google.golang.org/grpc/codes),
// and the method of a *status.Status that returns its error.
const (
	CodeUnauthenticated  = 16
	CodePermissionDenied = 7
	UnauthenticatedName  = "Unauthenticated"
	PermissionDeniedName = "PermissionDenied"
	StatusErrMethod      = "Err"
)

// CredentialHeaders are the request headers (lower case) that carry
// challenge-bearing credentials (RFC 9110 §11.6.2 and §11.7.2); any other
// header a credential is read from (an API key) carries a challenge-less
// one.
var CredentialHeaders = map[string]bool{"authorization": true, "proxy-authorization": true}

// BearingSchemes are the authentication schemes (lower case) that name a
// challenge: Bearer (RFC 6750), Basic (RFC 7617), Digest, Negotiate, DPoP
// and the common Token scheme. A credential cut or checked by one of these
// prefixes is challenge-bearing.
var BearingSchemes = map[string]bool{"bearer": true, "basic": true, "token": true, "digest": true, "negotiate": true, "dpop": true}

// SigV4Scheme is AWS Signature Version 4's scheme (lower case): its
// protocol answers a bad signature with 403, so it is challenge-less.
const SigV4Scheme = "aws4-hmac-sha256"

// Transforming are the standard library packages whose functions keep a
// credential what it is (cut, split, decoded, hashed).
var Transforming = map[string]bool{
	"strings": true, "bytes": true, "strconv": true, "unicode/utf8": true, "encoding/base64": true,
	"encoding/hex": true, "encoding/base32": true, "encoding/json": true, "net/url": true, "crypto/sha256": true,
	"crypto/sha512": true, "crypto/sha1": true, "crypto/md5": true, "crypto/hmac": true, "path": true,
	"net/textproto": true, "mime": true,
}

// Comparing are the Transforming packages whose predicates compare a
// credential (a false is a mismatch); the errors of the others (decoders,
// parsers) mean a malformed credential.
var Comparing = map[string]bool{"strings": true, "bytes": true, "crypto/hmac": true}

// Derives are the standard library functions outside Transforming whose
// result stands for their argument (a token's exp claim as a time.Time):
// comparing the result compares the credential's claim. They check
// nothing themselves.
var Derives = map[Member]bool{
	{Pkg: "time", Name: "Unix"}: true, {Pkg: "time", Name: "UnixMilli"}: true, {Pkg: "time", Name: "UnixMicro"}: true,
}

// Orders are the standard library methods that order two values as the
// operators < and > do (time.Time's After and Before): a branch on one
// compares a credential's claim in time, as now > claims.Expires does.
var Orders = map[Member]bool{
	{Pkg: "time", Recv: "Time", Name: "After"}: true, {Pkg: "time", Recv: "Time", Name: "Before"}: true,
}

// RegisteredClaims are the JSON names of the claims RFC 7519 §4.1
// registers for a token's validity: its issuer, audience and lifetime. A
// verifier comparing one with what it expects checks the token, never an
// authorization (roles and scopes are other claims).
var RegisteredClaims = map[string]bool{"iss": true, "aud": true, "exp": true, "nbf": true, "iat": true}

// Verdicts are the JSON names of the members of an authorization server's
// answer about a token that say, when false, that the token is not valid:
// "active" of a token introspection response (RFC 7662 §2.2). A branch on
// one checks the credential, never an authorization.
var Verdicts = map[string]bool{"active": true}

// ClientCertificates are the fields holding the client certificates a TLS
// handshake verified (mutual TLS, a challenge-less scheme): the identity
// the handshake established, missing when the client sent none.
var ClientCertificates = map[TypeName]map[string]bool{
	{Pkg: "crypto/tls", Name: "ConnectionState"}: {"PeerCertificates": true, "VerifiedChains": true},
}

// TLSStates are the fields of a request holding its TLS connection state,
// nil without TLS: next to a read of the client certificates, nil means
// none were sent.
var TLSStates = map[TypeName]string{{Pkg: HTTP, Name: "Request"}: "TLS"}

// Decoders are the functions decoding the data in argument 0 into the
// value argument i points to (json.Unmarshal): what a credential decodes
// into holds it.
var Decoders = map[Member]int{{Pkg: "encoding/json", Name: "Unmarshal"}: 1}

// CodeType is gRPC's codes.Code.
var CodeType = TypeName{Pkg: GRPCCodes, Name: "Code"}

// Presence are the standard library predicates (of strings and bytes)
// whose false means the credential lacks its scheme (absent or malformed)
// rather than a mismatch.
var Presence = map[string]bool{"HasPrefix": true, "HasSuffix": true, "Contains": true, "CutPrefix": true, "Cut": true, "CutSuffix": true}

// IsStatusConst reports one of net/http's Status constants.
func IsStatusConst(c *types.Const) bool {
	return c != nil && c.Pkg() != nil && c.Pkg().Path() == HTTP && strings.HasPrefix(c.Name(), "Status")
}

// The challenge headers (RFC 9110 §11.6.1 and §11.7.1).
const (
	ChallengeHeader      = "WWW-Authenticate"
	ProxyChallengeHeader = "Proxy-Authenticate"
)

// Stacking says how a call stacks middleware.
type Stacking uint8

const (
	// Adds: the call adds its arguments to the receiver's stack; successive
	// calls on one receiver stack up (r.Use(a); r.Use(b)).
	Adds Stacking = iota + 1
	// Builds: the call returns a new stack of its arguments (r.With(a, b),
	// alice.New(a, b)).
	Builds
	// Group: the arguments after the prefix and handler are a stack
	// (echo's g := e.Group("/x", a, b)).
	Group
)

// Frameworks is the table. Adding a framework is one entry here, plus
// fixtures under testdata/src and a package in the integration module.
var Frameworks = []*Framework{
	{
		Path:     HTTP,
		Writers:  []string{"ResponseWriter", "Header"},
		Requests: []string{"Request", "Header"},
		Handlers: [][]string{{"ResponseWriter", "Request"}},
		StatusArg: map[string]int{
			"Error": 2, "Redirect": 3,
		},
		HeaderArg: methods("Header", 0, "Set", "Add"),
		NameForms: map[string]int{"CanonicalHeaderKey": 0},
		Credentials: map[string]Credential{
			"Header.Get": {Kind: HeaderValue}, "Header.Values": {Kind: HeaderValue},
			"Request.BasicAuth": {Kind: BasicAuth},
			"Request.Cookie":    {Kind: Cookie}, "Request.Cookies": {Kind: Cookie},
			"Request.FormValue": {Kind: QueryValue}, "Request.PostFormValue": {Kind: QueryValue},
		},
	},
	{Path: "strings", NameForms: map[string]int{"ToLower": 0, "ToUpper": 0, "TrimSpace": 0}},
	{Path: "net/textproto", NameForms: map[string]int{"CanonicalMIMEHeaderKey": 0}},
	{Path: "crypto/hmac", Integrity: []string{"Equal"}},
	{Path: GRPCStatus, CodeErrors: map[string]int{"Error": 0, "Errorf": 0, "New": 0, "Newf": 0}},
	{Path: "crypto/subtle", Credentials: map[string]Credential{"ConstantTimeCompare": {Kind: SecretComparison}}},
	{Path: "context", ValueStores: map[string]KeyValue{"WithValue": {1, 2}}, ValueLoads: map[string]int{"Context.Value": 0}},
	{Path: "os", NoReturn: []string{"Exit"}},
	{Path: "fmt", ErrorWraps: map[string]int{"Errorf": -1}, Formats: map[string]int{"Sprintf": 0},
		FormatsInto: map[string]FormatInto{"Fprintf": {Writer: 0, Format: 1}}},
	{Path: "strings", Builders: map[string]map[string]int{"Builder": {"WriteString": 0}}},
	{Path: "bytes", Builders: map[string]map[string]int{"Buffer": {"WriteString": 0}}},
	{Path: "errors", ErrorMatch: map[string]Match{"Is": MatchIs, "As": MatchAs}},
	{
		Path:       "github.com/pkg/errors",
		ErrorWraps: map[string]int{"Wrap": 0, "Wrapf": 0, "WithStack": 0, "WithMessage": 0, "WithMessagef": 0},
		ErrorMatch: map[string]Match{"Is": MatchIs, "As": MatchAs},
	},
	{Path: "log", NoReturn: []string{"Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"}},
	{
		Path:      Gin,
		Described: true,
		Writers:   []string{"Context", "ResponseWriter"},
		Contexts:  []string{"Context"},
		Requests:  []string{"Context"},
		Handlers:  [][]string{{"Context"}},
		StatusArg: methods("Context", 0, "AbortWithStatus", "AbortWithStatusJSON", "AbortWithStatusPureJSON",
			"AbortWithError", "Status", "JSON", "IndentedJSON", "SecureJSON", "JSONP", "AsciiJSON", "PureJSON",
			"XML", "YAML", "TOML", "ProtoBuf", "String", "Data", "DataFromReader", "HTML", "Redirect", "Render",
			"Negotiate"),
		HeaderArg: map[string]int{"Context.Header": 0},
		Credentials: map[string]Credential{"Context.GetHeader": {Kind: HeaderValue}, "Context.Cookie": {Kind: Cookie},
			"Context.Query": {Kind: QueryValue}, "Context.DefaultQuery": {Kind: QueryValue}},
		ValueStores: map[string]KeyValue{"Context.Set": {0, 1}},
		ValueLoads:  map[string]int{"Context.Get": 0, "Context.MustGet": 0, "Context.Value": 0},
		Middleware:  routerMethods,
		Challengers: []string{"BasicAuth", "BasicAuthForRealm"},
	},
	echo(Echo4, []string{"HTTPError.SetInternal", "HTTPError.WithInternal"}),
	echo(Echo5, []string{"HTTPError.Wrap"}),
	fiber(Fiber2, []string{"Ctx"}),
	fiber(Fiber3, []string{"Ctx", "DefaultRes"}, "DefaultCtx.Status"),
	{
		Path:      Fasthttp,
		Described: true,
		Writers:   []string{"RequestCtx", "Response", "ResponseHeader"},
		Contexts:  []string{"RequestCtx"},
		Requests:  []string{"RequestCtx"},
		Handlers:  [][]string{{"RequestCtx"}},
		StatusArg: map[string]int{
			"RequestCtx.SetStatusCode": 0, "RequestCtx.Error": 1,
			"Response.SetStatusCode": 0, "ResponseHeader.SetStatusCode": 0,
		},
		HeaderArg: methods("ResponseHeader", 0, "Set", "Add", "SetCanonical", "SetBytesK", "SetBytesV",
			"SetBytesKV", "AddBytesK", "AddBytesV", "AddBytesKV"),
		Credentials: map[string]Credential{"RequestHeader.Peek": {Kind: HeaderValue},
			"RequestHeader.Cookie": {Kind: Cookie}, "Args.Peek": {Kind: QueryValue}},
	},
	{Path: ChiRender, Described: true, StatusArg: map[string]int{"Status": 1}},
	{Path: Chi, Described: true, Middleware: routerMethods},
	// The frameworks' Basic authentication middleware: on a failure they
	// set WWW-Authenticate (Basic realm=...) and answer 401.
	{Path: Chi + "/middleware", Challengers: []string{"BasicAuth"}},
	{Path: Echo4 + "/middleware", Challengers: []string{"BasicAuth", "BasicAuthWithConfig"},
		FailureHandlers: map[string]Lookup{"KeyAuthConfig.ErrorHandler": {Field: "KeyLookup", Default: "header:Authorization"}}},
	{Path: Fiber2 + "/middleware/basicauth", Challengers: []string{"New"},
		FailureHandlers: map[string]Lookup{"Config.Unauthorized": {Default: "basic"}}},
	{Path: Fiber2 + "/middleware/keyauth",
		FailureHandlers: map[string]Lookup{"Config.ErrorHandler": {Field: "KeyLookup", Default: "header:Authorization"}}},
	{Path: GorillaMux, Described: true, Middleware: routerMethods},
	{Path: Alice, Described: true, Middleware: map[string]Stacking{"New": Builds, "Append": Builds}},
	{
		Path:      K8sWriters,
		StatusArg: map[string]int{"WriteRawJSON": 0, "WriteObjectNegotiated": 5},
		ErrorArg:  map[string]int{"ErrorNegotiated": 0},
	},
	{
		Path:       K8sErrors,
		Described:  true,
		ErrorCtors: map[string]int{"NewUnauthorized": -401, "NewForbidden": -403},
	},
	{
		// hertz: handlers are func(context.Context, *app.RequestContext).
		Path:      HertzApp,
		Described: true,
		Writers:   []string{"RequestContext"},
		Contexts:  []string{"RequestContext"},
		Requests:  []string{"RequestContext"},
		Handlers:  [][]string{{"context.Context", "RequestContext"}},
		StatusArg: with(methods("RequestContext", 0, "AbortWithStatus", "AbortWithStatusJSON", "AbortWithError",
			"SetStatusCode", "Status", "JSON", "PureJSON", "IndentedJSON", "String", "Data", "HTML", "XML",
			"ProtoBuf", "Render", "Redirect"), "RequestContext.AbortWithMsg", 1),
		HeaderArg:   map[string]int{"RequestContext.Header": 0},
		Credentials: map[string]Credential{"RequestContext.GetHeader": {Kind: HeaderValue}, "RequestContext.Cookie": {Kind: Cookie}},
		Middleware:  routerMethods,
	},
	{
		Path:        HertzProto,
		Described:   true,
		Writers:     []string{"Response", "ResponseHeader"},
		StatusArg:   map[string]int{"Response.SetStatusCode": 0, "ResponseHeader.SetStatusCode": 0},
		HeaderArg:   methods("ResponseHeader", 0, "Set", "Add"),
		Credentials: map[string]Credential{"RequestHeader.Get": {Kind: HeaderValue}},
	},
	{
		// huma: operation handlers return (*Output, error), and the error's
		// status (a huma.StatusError) is the answer; middleware takes the
		// huma.Context.
		Path:      Huma,
		Described: true,
		Writers:   []string{"Context"},
		Contexts:  []string{"Context"},
		Requests:  []string{"Context"},
		Handlers:  [][]string{{"Context", "func"}},
		StatusArg: map[string]int{"Context.SetStatus": 0, "WriteErr": 2},
		HeaderArg: methods("Context", 0, "SetHeader", "AppendHeader"),
		ErrorCtors: map[string]int{"Error401Unauthorized": -401, "Error403Forbidden": -403,
			"NewError": 0, "NewErrorWithContext": 1},
		ErrorTypes:  map[string]string{"ErrorModel": "Status"},
		Credentials: map[string]Credential{"Context.Header": {Kind: HeaderValue}},
		Middleware:  map[string]Stacking{"UseMiddleware": Adds},
	},
	{Path: GRPC, Described: true},
	{
		Path:        Metadata,
		Requests:    []string{"MD"},
		Credentials: map[string]Credential{"MD.Get": {Kind: HeaderValue}, "FromIncomingContext": {Kind: IncomingMetadata}},
	},
	{
		Path:        "github.com/grpc-ecosystem/go-grpc-middleware/auth",
		Credentials: map[string]Credential{"AuthFromMD": {Kind: AuthorizationValue}},
	},
	{
		Path:        "github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/auth",
		Credentials: map[string]Credential{"AuthFromMD": {Kind: AuthorizationValue}},
	},
}

// echo describes echo v4 (Context is an interface) and v5 (a struct): the
// answer methods take the status first in both.
func echo(path string, errorMethods []string) *Framework {
	return &Framework{
		Path:      path,
		Described: true,
		Writers:   []string{"Context", "Response"},
		Contexts:  []string{"Context"},
		Requests:  []string{"Context"},
		Handlers:  [][]string{{"Context"}},
		StatusArg: methods("Context", 0, "NoContent", "JSON", "JSONPretty", "JSONBlob", "JSONP", "JSONPBlob",
			"XML", "XMLPretty", "XMLBlob", "String", "HTML", "HTMLBlob", "Blob", "Stream", "Render", "Redirect"),
		ErrorArg:     map[string]int{"Context.Error": 0},
		ErrorVars:    map[string]int{"ErrUnauthorized": 401, "ErrForbidden": 403},
		ErrorCtors:   map[string]int{"NewHTTPError": 0},
		ErrorMethods: errorMethods,
		ErrorTypes:   map[string]string{"HTTPError": "Code"},
		Credentials: map[string]Credential{"Context.Cookie": {Kind: Cookie},
			"Context.QueryParam": {Kind: QueryValue}, "Context.FormValue": {Kind: QueryValue}},
		ValueStores: map[string]KeyValue{"Context.Set": {0, 1}},
		ValueLoads:  map[string]int{"Context.Get": 0},
		Middleware:  routerMethods,
	}
}

// fiber describes fiber v2 (*Ctx) and v3 (the Ctx interface; on the
// DefaultCtx struct the response methods are declared on the embedded
// *DefaultRes, and only Status on *DefaultCtx itself).
func fiber(path string, answerers []string, extra ...string) *Framework {
	f := &Framework{
		Path:       path,
		Described:  true,
		Writers:    append([]string{"DefaultCtx"}, answerers...),
		Contexts:   []string{"Ctx", "DefaultCtx"},
		Requests:   []string{"Ctx"},
		Handlers:   [][]string{{"Ctx"}},
		StatusArg:  map[string]int{},
		HeaderArg:  map[string]int{},
		ErrorVars:  map[string]int{"ErrUnauthorized": 401, "ErrForbidden": 403, "ErrProxyAuthRequired": 407},
		ErrorCtors: map[string]int{"NewError": 0},
		ErrorTypes: map[string]string{"Error": "Code"},
		Credentials: map[string]Credential{"Ctx.Get": {Kind: HeaderValue}, "Ctx.Cookies": {Kind: Cookie},
			"DefaultCtx.Get": {Kind: HeaderValue}, "DefaultCtx.Cookies": {Kind: Cookie},
			"Ctx.Query": {Kind: QueryValue}, "DefaultCtx.Query": {Kind: QueryValue}},
		ValueStores: map[string]KeyValue{"Ctx.Locals": {0, 1}, "DefaultCtx.Locals": {0, 1}},
		ValueLoads:  map[string]int{"Ctx.Locals": 0, "DefaultCtx.Locals": 0},
		Middleware:  routerMethods,
	}
	for _, t := range answerers {
		f.StatusArg[t+".SendStatus"], f.StatusArg[t+".Status"] = 0, 0
		f.HeaderArg[t+".Set"], f.HeaderArg[t+".Append"] = 0, 0
	}
	for _, m := range extra {
		f.StatusArg[m] = 0
	}
	return f
}

// with adds one member to a table.
func with(m map[string]int, member string, arg int) map[string]int {
	m[member] = arg
	return m
}

// routerMethods are the router methods that stack middleware, the same in
// chi, gorilla/mux, gin, echo and fiber.
var routerMethods = map[string]Stacking{"Use": Adds, "Pre": Adds, "With": Builds, "Group": Group}

// methods lists methods of one receiver that take the same argument.
func methods(recv string, arg int, names ...string) map[string]int {
	m := make(map[string]int, len(names))
	for _, n := range names {
		m[recv+"."+n] = arg
	}
	return m
}

// The table, indexed for the models. Built once from Frameworks and never
// written after.
var (
	StatusArg    = map[Member]int{}
	ErrorArg     = map[Member]int{}
	HeaderArg    = map[Member]int{}
	ErrorVars    = map[Member]int{}
	ErrorCtors   = map[Member]int{}
	ErrorMethods = map[Member]bool{}
	ErrorWraps   = map[Member]int{}
	ErrorMatch   = map[Member]Match{}
	Formats      = map[Member]int{}
	NameForms    = map[Member]int{}
	Integrity    = map[Member]bool{}
	Challengers  = map[Member]bool{}
	// FailureHandlers is keyed by the configuration's field: Recv is its
	// type, Name the field.
	FailureHandlers = map[Member]Lookup{}
	FormatsInto     = map[Member]FormatInto{}
	// Builders is keyed by the type; BuilderWrites by its writing methods.
	Builders      = map[TypeName]bool{}
	BuilderWrites = map[Member]int{}
	CodeErrors    = map[Member]int{}
	ErrorTypes    = map[TypeName]string{}
	NoReturn      = map[Member]bool{}
	WriterTypes   = map[TypeName]bool{}
	ContextTypes  = map[TypeName]bool{}
	RequestTypes  = map[TypeName]bool{}
	handlerShapes [][]TypeName // "func" is TypeName{Name: "func"}
	Credentials   = map[Member]Credential{}
	ValueStores   = map[Member]KeyValue{}
	ValueLoads    = map[Member]int{}
	middleware    = map[string]map[string]Stacking{}

	// frameworkPaths are the import paths of the table (the gate).
	frameworkPaths = map[string]bool{}
	// httpPaths are those of the frameworks that answer HTTP requests.
	httpPaths = map[string]bool{}
	// described are the packages whose every function the table describes.
	described = map[string]bool{}
	// errorPackages are the packages with error matchers.
	errorPackages = map[string]bool{}
)

func init() {
	for _, f := range Frameworks {
		if !f.onlyNoReturn() {
			frameworkPaths[f.Path] = true
		}
		if f.Described {
			described[f.Path] = true
		}
		if len(f.Handlers)+len(f.Writers)+len(f.StatusArg)+len(f.ErrorArg)+len(f.ErrorVars)+len(f.ErrorCtors)+len(f.ErrorTypes) > 0 {
			httpPaths[f.Path] = true
		}
		index(f.Path, f.StatusArg, StatusArg)
		index(f.Path, f.ErrorArg, ErrorArg)
		index(f.Path, f.HeaderArg, HeaderArg)
		index(f.Path, f.ErrorVars, ErrorVars)
		index(f.Path, f.ErrorCtors, ErrorCtors)
		index(f.Path, f.ErrorWraps, ErrorWraps)
		index(f.Path, f.Formats, Formats)
		index(f.Path, f.NameForms, NameForms)
		index(f.Path, f.CodeErrors, CodeErrors)
		for k, m := range f.ErrorMatch {
			ErrorMatch[member(f.Path, k)] = m
			errorPackages[f.Path] = true
		}
		for _, m := range f.ErrorMethods {
			ErrorMethods[member(f.Path, m)] = true
		}
		for _, m := range f.NoReturn {
			NoReturn[member(f.Path, m)] = true
		}
		for _, m := range f.Integrity {
			Integrity[member(f.Path, m)] = true
		}
		for _, m := range f.Challengers {
			Challengers[member(f.Path, m)] = true
		}
		index(f.Path, f.FailureHandlers, FailureHandlers)
		index(f.Path, f.FormatsInto, FormatsInto)
		for t, writes := range f.Builders {
			Builders[TypeName{Pkg: f.Path, Name: t}] = true
			for m, i := range writes {
				BuilderWrites[Member{Pkg: f.Path, Recv: t, Name: m}] = i
			}
		}
		for _, shape := range f.Handlers {
			var params []TypeName
			for _, p := range shape {
				switch {
				case p == "func":
					params = append(params, TypeName{Name: "func"})
				case strings.Contains(p, "."):
					i := strings.LastIndexByte(p, '.')
					params = append(params, TypeName{Pkg: p[:i], Name: p[i+1:]})
				default:
					params = append(params, TypeName{Pkg: f.Path, Name: p})
				}
			}
			handlerShapes = append(handlerShapes, params)
		}
		for k, c := range f.Credentials {
			Credentials[member(f.Path, k)] = c
		}
		for k, kv := range f.ValueStores {
			ValueStores[member(f.Path, k)] = kv
		}
		index(f.Path, f.ValueLoads, ValueLoads)
		if f.Middleware != nil {
			middleware[f.Path] = f.Middleware
		}
		for t, field := range f.ErrorTypes {
			ErrorTypes[TypeName{f.Path, t}] = field
		}
		for _, set := range []struct {
			names []string
			into  map[TypeName]bool
		}{{f.Writers, WriterTypes}, {f.Contexts, ContextTypes}, {f.Requests, RequestTypes}} {
			for _, n := range set.names {
				set.into[TypeName{f.Path, n}] = true
			}
		}
	}
}

// onlyNoReturn reports an entry that says only which calls do not return
// (os, log), which wrap errors (fmt, pkg/errors), match them (errors),
// format strings (fmt), build them (strings.Builder), respell names
// (strings) or check a message's
// integrity (crypto/hmac), or keep values for a request (context):
// importing its package does not make a package matter.
func (f *Framework) onlyNoReturn() bool {
	return len(f.NoReturn)+len(f.ErrorWraps)+len(f.ErrorMatch)+len(f.Formats)+len(f.FormatsInto)+len(f.Builders)+len(f.NameForms)+len(f.Integrity)+len(f.CodeErrors)+len(f.ValueStores)+len(f.ValueLoads) > 0 && !f.Described && len(f.Writers)+len(f.Requests)+len(f.Handlers)+
		len(f.StatusArg)+len(f.ErrorArg)+len(f.HeaderArg)+len(f.ErrorVars)+len(f.ErrorCtors)+len(f.ErrorTypes) == 0
}

func index[V any](path string, from map[string]V, into map[Member]V) {
	for k, v := range from {
		into[member(path, k)] = v
	}
}

func member(path, spelled string) Member {
	if recv, name, ok := strings.Cut(spelled, "."); ok {
		return Member{Pkg: path, Recv: recv, Name: name}
	}
	return Member{Pkg: path, Name: spelled}
}

// Described reports whether every function of the package at path is
// described by the table (the standard library always is): a call into it
// that the table does not list has no response effect.
func Described(path string) bool {
	return IsStdlib(path) || described[path]
}

// MiddlewareCall says how a call of fn stacks the middleware it is given (0:
// it does not).
func MiddlewareCall(fn *types.Func) Stacking {
	if fn == nil || fn.Pkg() == nil {
		return 0
	}
	return middleware[fn.Pkg().Path()][fn.Name()]
}

// IsGRPCHandler reports a gRPC interceptor or stream handler: a function
// given one of grpc's own types (UnaryServerInfo, StreamServerInfo,
// ServerStream, UnaryHandler). What it returns is answered with a gRPC
// code, never with an HTTP status an error may also carry.
func IsGRPCHandler(sig *types.Signature) bool {
	for v := range sig.Params().Variables() {
		t := v.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if NamedOf(t).Pkg == GRPC {
			return true
		}
	}
	return false
}

// IsHandler reports whether sig has the shape of a framework's handler.
func IsHandler(sig *types.Signature) bool {
	p := sig.Params()
next:
	for _, shape := range handlerShapes {
		if p.Len() != len(shape) {
			continue
		}
		for i, want := range shape {
			t := p.At(i).Type()
			if want.Name == "func" && want.Pkg == "" {
				if _, ok := t.Underlying().(*types.Signature); !ok {
					continue next
				}
				continue
			}
			if NamedOf(t) != want {
				continue next
			}
		}
		return true
	}
	return false
}
