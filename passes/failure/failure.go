// Package failure is the model of authentication failure paths that the
// authforbidden and grpcauthcode rules share: the parts of each function
// that run after an authentication attempt failed.
//
// A failure path starts at a condition that says so: the error of a
// credential check is non-nil (or its bool false, its identity nil);
// credentials are absent or malformed (r.BasicAuth() not ok, an empty
// Authorization header, no Bearer prefix, a missing session cookie, no gRPC
// metadata or no authorization key, a failed constant-time compare); an
// "is signed in" predicate is false; errors.Is or a switch matched an
// unauthenticated error (ErrUnauthenticated, ErrInvalidToken, …). Inside an
// authenticator's own authenticate method every returned error is one.
//
// Authorization — a role, permission, scope or ownership check on an
// identity that authenticated — starts no failure path: the rules stay
// silent there, and that is where their precision comes from.
//
// Each failure knows which scheme failed, as far as the code says:
// challenge-bearing (Authorization, Basic, Bearer, a token), challenge-less
// (a session cookie, an API key in a custom header) or unknown. A function
// that checks credentials exports the class of the credentials it reads as
// a fact, so a check in another package keeps it.
package failure

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/authchallenge/authchallenge/passes/chain"
	"github.com/authchallenge/authchallenge/passes/config"
	"github.com/authchallenge/authchallenge/passes/internal/knowledge"
)

// New returns the failure model analyzer reading cfg.
func New(cfg *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "failure",
		Doc:      "failure: model of authentication failure paths (shared by the authchallenge rules)",
		URL:      "https://github.com/authchallenge/authchallenge#how-it-works",
		Requires: []*analysis.Analyzer{cfg},
		Run: func(pass *analysis.Pass) (any, error) {
			return run(pass, pass.ResultOf[cfg].(*config.Config))
		},
		FactTypes:  []analysis.Fact{new(Source)},
		ResultType: reflect.TypeFor[*Result](),
	}
}

// Analyzer is the failure model the exported rules require.
var Analyzer = New(config.Analyzer)

// Source is a fact on a function that checks credentials: the class of the
// credentials it reads.
type Source struct {
	Class chain.Class
	What  string

	check string // at a call: the credential check called, if not a direct read
}

// AFact marks Source as a fact.
func (*Source) AFact() {}

func (s *Source) String() string { return fmt.Sprintf("checks %s credentials (%s)", s.Class, s.What) }

// Signal is one failure: what failed, and the class of its scheme.
type Signal struct {
	What  string
	Class chain.Class
	Pos   token.Pos
}

// Region is a stretch of code on a failure path.
type Region struct {
	From, To token.Pos
	Signal   *Signal
}

// Result is the failure model of one package.
type Result struct {
	Regions []*Region
}

// At returns the innermost failure region containing pos, or nil.
func (r *Result) At(pos token.Pos) *Signal {
	var best *Region
	for _, g := range r.Regions {
		if g.From <= pos && pos < g.To && (best == nil || g.To-g.From < best.To-best.From) {
			best = g
		}
	}
	if best == nil {
		return nil
	}
	return best.Signal
}

type model struct {
	pass *analysis.Pass
	cfg  *config.Config
	res  *Result
	// provenance of local variables: the call (and result index) or
	// expression they were assigned from
	from map[*types.Var]origin
	// in-package credential checks and what they read
	sources map[*types.Func]*Source
}

type origin struct {
	expr ast.Expr
	idx  int // result index for a tuple assignment, -1 otherwise
}

func run(pass *analysis.Pass, cfg *config.Config) (*Result, error) {
	m := &model{pass: pass, cfg: cfg, res: new(Result), from: make(map[*types.Var]origin), sources: make(map[*types.Func]*Source)}
	if !knowledge.Matters(pass.Pkg) {
		return m.res, nil
	}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				m.record(n.Lhs, n.Rhs)
			case *ast.ValueSpec:
				lhs := make([]ast.Expr, len(n.Names))
				for i, id := range n.Names {
					lhs[i] = id
				}
				m.record(lhs, n.Values)
			}
			return true
		})
	}
	// Credential checks of the package: what each reads.
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if fn == nil || !isVerifierSig(fn) {
				continue
			}
			if src := m.readsIn(fd.Body); src != nil {
				m.sources[fn] = src
				pass.ExportObjectFact(fn, src)
			}
		}
	}
	for _, f := range pass.Files {
		m.regions(f)
	}
	return m.res, nil
}

func (m *model) record(lhs, rhs []ast.Expr) {
	for i, l := range lhs {
		id, ok := l.(*ast.Ident)
		if !ok {
			continue
		}
		v, ok := m.pass.TypesInfo.ObjectOf(id).(*types.Var)
		if !ok {
			continue
		}
		switch {
		case len(lhs) == len(rhs):
			m.from[v] = origin{rhs[i], -1}
		case len(rhs) == 1:
			m.from[v] = origin{rhs[0], i}
		}
	}
}

var credentialParam = regexp.MustCompile(`(?i)token|passw|secret|credential|apikey|api_key|jwt|bearer|^key$|signature`)

// isVerifierSig: a function that checks credentials, by its shape: it takes
// a request (or a token, password or key) and returns an identity, claims
// or a bool together with an error.
func isVerifierSig(fn *types.Func) bool {
	sig := fn.Signature()
	takes := false
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		if knowledge.RequestTypes[knowledge.NamedOf(p.Type())] {
			takes = true
		}
		if b, ok := p.Type().Underlying().(*types.Basic); ok && b.Kind() == types.String && credentialParam.MatchString(p.Name()) {
			takes = true
		}
	}
	if !takes {
		return false
	}
	res := sig.Results()
	hasErr, hasID := false, false
	for i := 0; i < res.Len(); i++ {
		t := res.At(i).Type()
		switch {
		case types.Identical(t, types.Universe.Lookup("error").Type()):
			hasErr = true
		case isBool(t):
			hasID = true
		default:
			switch t.Underlying().(type) {
			case *types.Pointer, *types.Interface, *types.Struct, *types.Map:
				hasID = true
			}
		}
	}
	return hasErr && hasID || !hasErr && res.Len() == 1 && hasID && isBool(res.At(0).Type())
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

// readsIn returns what credentials a function body reads.
func (m *model) readsIn(body *ast.BlockStmt) *Source {
	var src *Source
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if s := m.credentialRead(call); s != nil {
			switch {
			case src == nil:
				src = s
			case s.Class == chain.Bearing || src.Class == chain.Unknown:
				src = s
			}
		}
		return true
	})
	return src
}

// credentialRead classifies a call that reads credentials.
func (m *model) credentialRead(call *ast.CallExpr) *Source {
	info := m.pass.TypesInfo
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return nil
	}
	if cred, ok := knowledge.Credentials[knowledge.MemberOf(fn)]; ok {
		switch cred.Kind {
		case knowledge.BasicAuth:
			return &Source{Class: chain.Bearing, What: "Basic credentials"}
		case knowledge.Cookie:
			return &Source{Class: chain.Less, What: "session cookie"}
		case knowledge.HeaderValue:
			if len(call.Args) <= cred.Arg {
				return nil
			}
			return headerSource(info, call.Args[cred.Arg])
		case knowledge.IncomingMetadata:
			return &Source{Class: chain.Unknown, What: "gRPC metadata"}
		case knowledge.AuthorizationValue:
			return &Source{Class: chain.Bearing, What: "authorization metadata"}
		case knowledge.SecretComparison:
			return &Source{Class: chain.Unknown, What: "secret comparison"}
		}
	}
	if src := m.sourceOf(fn); src != nil {
		return &Source{Class: src.Class, What: src.What, check: fn.Name()}
	}
	if isVerifierSig(fn) {
		return &Source{Class: chain.Unknown, What: fn.Name(), check: fn.Name()}
	}
	return nil
}

func (m *model) sourceOf(fn *types.Func) *Source {
	fn = fn.Origin()
	if s := m.sources[fn]; s != nil {
		return s
	}
	var s Source
	if fn.Pkg() != m.pass.Pkg && m.pass.ImportObjectFact(fn, &s) {
		return &s
	}
	return nil
}

// headerSource classifies a request header by name: Authorization carries
// challenge-bearing schemes, any other header (an API key) none.
func headerSource(info *types.Info, name ast.Expr) *Source {
	tv, ok := info.Types[name]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return &Source{Class: chain.Unknown, What: "a request header"}
	}
	h := constant.StringVal(tv.Value)
	switch strings.ToLower(h) {
	case "authorization", "proxy-authorization":
		return &Source{Class: chain.Bearing, What: h + " header"}
	}
	return &Source{Class: chain.Less, What: h + " header"}
}
