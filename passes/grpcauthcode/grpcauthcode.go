// Package grpcauthcode defines the grpcauthcode rule: a gRPC handler,
// interceptor or AuthFunc answering an authentication failure with
// codes.PermissionDenied.
package grpcauthcode

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"

	"github.com/authchallenge/authchallenge/passes/internal/ruleid"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/authchallenge/authchallenge/passes/chain"
	"github.com/authchallenge/authchallenge/passes/config"
	"github.com/authchallenge/authchallenge/passes/failure"
	"github.com/authchallenge/authchallenge/passes/internal/ir"
	"github.com/authchallenge/authchallenge/passes/internal/knowledge"
	"github.com/authchallenge/authchallenge/passes/internal/report"
	"github.com/authchallenge/authchallenge/passes/internal/syntax"
)

//go:embed doc.md
var doc string

// Name is the rule ID.
const Name = ruleid.GRPCAuthCode

// New returns the rule reading cfg and the failure model fail.
func New(cfg, fail *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:      Name,
		Doc:       doc,
		URL:       "https://github.com/authchallenge/authchallenge/blob/main/passes/grpcauthcode/doc.md",
		Requires:  []*analysis.Analyzer{cfg, fail, ir.Analyzer},
		FactTypes: []analysis.Fact{new(Denies)},
		Run: func(pass *analysis.Pass) (any, error) {
			run(pass, pass.ResultOf[cfg].(*config.Config), pass.ResultOf[fail].(*failure.Result), pass.ResultOf[ir.Analyzer].(*ir.IR))
			return nil, nil
		},
	}
}

// Analyzer is the grpcauthcode rule with the shared configuration.
var Analyzer = New(config.Analyzer, failure.Analyzer)

const (
	pkgStatus = knowledge.GRPCStatus
	pkgCodes  = knowledge.GRPCCodes

	permissionDenied = knowledge.CodePermissionDenied
)

func run(pass *analysis.Pass, cfg *config.Config, fail *failure.Result, prog *ir.IR) {
	rep := report.New(pass, cfg, Name)
	importedDenials(pass, fail, rep)
	if !imports(pass.Pkg, pkgCodes) {
		return
	}
	withStatus := imports(pass.Pkg, pkgStatus)
	reported := make(map[ast.Expr]bool)
	// Package-level status errors with PermissionDenied
	// (var errBadKey = status.Error(codes.PermissionDenied, …)): judged
	// where they are returned.
	globals := make(map[*types.Var]*ast.CallExpr)
	if withStatus {
		for _, f := range pass.Files {
			for _, d := range f.Decls {
				gd, ok := d.(*ast.GenDecl)
				if !ok {
					continue
				}
				for _, spec := range gd.Specs {
					vs, ok := spec.(*ast.ValueSpec)
					if !ok || len(vs.Values) != len(vs.Names) {
						continue
					}
					for i, v := range vs.Values {
						call, ok := ast.Unparen(v).(*ast.CallExpr)
						if !ok || len(call.Args) == 0 || !statusCall(pass, call) || !isPermissionDenied(pass, call.Args[0]) {
							continue
						}
						if obj, ok := pass.TypesInfo.Defs[vs.Names[i]].(*types.Var); ok {
							globals[obj] = call
						}
					}
				}
			}
		}
	}
	// Helpers of this package that return a PermissionDenied status error
	// (func denied(msg string) error { return status.Error(codes.
	// PermissionDenied, msg) }): judged where they are called.
	helpers := make(map[*types.Func]ast.Expr)
	// Helpers whose every return is a status error with the code their
	// parameter i is handed (func deny(code codes.Code, msg string) error):
	// a call handing PermissionDenied is judged where it is made.
	codeParams := make(map[*types.Func]int)
	if withStatus {
		for _, f := range pass.Files {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Body == nil {
					continue
				}
				obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
				if !ok {
					continue
				}
				// every return answers PermissionDenied: a helper whose
				// code depends on its argument (an error switch) is a
				// mapping, judged where it returns each code
				var code ast.Expr
				always := true
				param, byParam := -1, true
				ast.Inspect(fd.Body, func(n ast.Node) bool {
					if _, lit := n.(*ast.FuncLit); lit {
						return false
					}
					ret, ok := n.(*ast.ReturnStmt)
					if !ok {
						return true
					}
					denied, passed := false, -1
					for _, r := range ret.Results {
						call, ok := ast.Unparen(r).(*ast.CallExpr)
						if !ok || len(call.Args) == 0 || !statusCall(pass, call) {
							continue
						}
						if isPermissionDenied(pass, call.Args[0]) {
							denied = true
							if code == nil {
								code = call.Args[0]
							}
						}
						passed = paramIndex(pass, obj, call.Args[0])
					}
					always = always && denied
					byParam = byParam && passed >= 0 && (param < 0 || param == passed)
					param = passed
					return true
				})
				if always && code != nil {
					helpers[obj] = code
				}
				if byParam && param >= 0 {
					codeParams[obj] = param
				}
			}
		}
	}
	for _, f := range pass.Files {
		var stack []ast.Node
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return false
			}
			stack = append(stack, n)
			switch n := n.(type) {
			case *ast.ReturnStmt:
				// a mapping: a function returning a codes.Code that
				// returns PermissionDenied on a failure path (an
				// errors.Is switch over the error of a credential check)
				for _, r := range n.Results {
					id, ok := ast.Unparen(r).(*ast.Ident)
					if !ok {
						continue
					}
					obj, _ := pass.TypesInfo.Uses[id].(*types.Var)
					call := globals[obj]
					if call == nil || reported[call.Args[0]] {
						continue
					}
					if fs := fail.In(n.Pos(), n.End()); reportable(fs) {
						reported[call.Args[0]] = true
						report1(rep, call.Args[0], fs, "PermissionDenied in "+id.Name+" answers an authentication failure (%s) where it is returned ("+shortPos(pass, r.Pos())+"): missing or invalid credentials are codes.Unauthenticated; keep PermissionDenied for an authenticated caller who may not act")
					}
				}
				if sig := syntax.EnclosingSignature(pass.TypesInfo, stack); sig != nil && sig.Results().Len() == len(n.Results) {
					for i, r := range n.Results {
						if isCode(sig.Results().At(i).Type()) && isPermissionDenied(pass, r) {
							if fs := fail.In(n.Pos(), n.End()); reportable(fs) {
								report1(rep, r, fs, "code mapping answers an authentication failure (%s) with PermissionDenied: missing or invalid credentials are codes.Unauthenticated; return it here")
							} else if fs == nil {
								for _, v := range fail.Matched(n.Pos()) {
									denies(pass, fail, rep, v, r)
								}
							}
						}
					}
				}
				return true
			case *ast.CompositeLit:
				// an error-to-code table: an unauthenticated error
				// mapped to PermissionDenied
				m, ok := pass.TypesInfo.TypeOf(n).Underlying().(*types.Map)
				if !ok || !isCode(m.Elem()) {
					return true
				}
				for _, e := range n.Elts {
					kv, ok := e.(*ast.KeyValueExpr)
					if !ok || !isPermissionDenied(pass, kv.Value) {
						continue
					}
					var obj types.Object
					switch k := ast.Unparen(kv.Key).(type) {
					case *ast.Ident:
						obj = pass.TypesInfo.Uses[k]
					case *ast.SelectorExpr:
						obj = pass.TypesInfo.Uses[k.Sel]
					}
					if fail.Unauthenticated(obj) == nil {
						denies(pass, fail, rep, obj, kv.Value)
					}
					if u := fail.Unauthenticated(obj); u != nil && u.Class != chain.Less {
						d := analysis.Diagnostic{Pos: kv.Value.Pos(), End: kv.Value.End(),
							Message: fmt.Sprintf("error-to-code table maps an authentication failure (%s, returned when credentials fail) to PermissionDenied: map it to codes.Unauthenticated", obj.Name())}
						if sel, ok := ast.Unparen(kv.Value).(*ast.SelectorExpr); ok && sel.Sel.Name == knowledge.PermissionDeniedName {
							d.SuggestedFixes = []analysis.SuggestedFix{{
								Message:   "map it to codes.Unauthenticated",
								TextEdits: []analysis.TextEdit{{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte(knowledge.UnauthenticatedName)}},
							}}
						}
						rep.Report(d)
					}
				}
				return true
			case *ast.CallExpr:
				if fn, ok := typeutil.Callee(pass.TypesInfo, n).(*types.Func); ok && returned(stack) {
					if i, ok := codeParams[fn]; ok && i < len(n.Args) && isPermissionDenied(pass, n.Args[i]) && !reported[n.Args[i]] {
						if sig := fail.In(n.Pos(), n.End()); reportable(sig) {
							reported[n.Args[i]] = true
							report1(rep, n.Args[i], sig, "PermissionDenied handed to "+fn.Name()+" answers an authentication failure (%s): missing or invalid credentials are codes.Unauthenticated; keep PermissionDenied for an authenticated caller who may not act")
						}
						return true
					}
				}
				if fn, ok := typeutil.Callee(pass.TypesInfo, n).(*types.Func); ok && helpers[fn] != nil && returned(stack) {
					code := helpers[fn]
					if sig := fail.In(n.Pos(), n.End()); reportable(sig) && !reported[code] {
						reported[code] = true
						report1(rep, code, sig, "PermissionDenied in "+fn.Name()+" answers an authentication failure (%s) where it is called ("+shortPos(pass, n.Pos())+"): missing or invalid credentials are codes.Unauthenticated; keep PermissionDenied for an authenticated caller who may not act")
					}
					return true
				}
				if !withStatus || len(n.Args) == 0 || !statusCall(pass, n) || !returned(stack) {
					return true
				}
				code := n.Args[0]
				if !isPermissionDenied(pass, code) {
					// a code variable: PermissionDenied assigned on a
					// failure path and answered here
					for _, as := range variableCodes(pass, prog, fail, stack, n) {
						if !reported[as.expr] {
							reported[as.expr] = true
							report1(rep, as.expr, as.sig, "PermissionDenied assigned on an authentication failure (%s) and answered as the call's status: missing or invalid credentials are codes.Unauthenticated")
						}
					}
					return true
				}
				sig := fail.In(n.Pos(), n.End())
				if sig == nil || sig.Speculative() {
					return true // not a failure path, or a guess about what callers hand in
				}
				report1(rep, code, sig, "PermissionDenied answers an authentication failure (%s): missing or invalid credentials are codes.Unauthenticated; keep PermissionDenied for an authenticated caller who may not act")
			}
			return true
		})
	}
	rep.Finish()
}

// report1 reports a PermissionDenied code, with the fix to Unauthenticated
// when it is spelled codes.PermissionDenied.
func report1(rep *report.Reporter, code ast.Expr, sig *failure.Signal, format string) {
	d := analysis.Diagnostic{Pos: code.Pos(), End: code.End(), Message: fmt.Sprintf(format, describe(sig))}
	if sel, ok := ast.Unparen(code).(*ast.SelectorExpr); ok && sel.Sel.Name == knowledge.PermissionDeniedName {
		d.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "answer codes.Unauthenticated",
			TextEdits: []analysis.TextEdit{{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte(knowledge.UnauthenticatedName)}},
		}}
	}
	rep.Report(d)
}

// reportable: a failure the rule answers for — not a guess about what
// callers hand a function.
func reportable(sig *failure.Signal) bool {
	return sig != nil && !sig.Speculative()
}

// shortPos spells a position as file:line, the file without its directory.
func shortPos(pass *analysis.Pass, pos token.Pos) string {
	p := pass.Fset.Position(pos)
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}

func imports(pkg *types.Package, path string) bool {
	for _, imp := range pkg.Imports() {
		if imp.Path() == path {
			return true
		}
	}
	return false
}

// statusCall: status.Error, Errorf, New, Newf.
func statusCall(pass *analysis.Pass, call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
	if !ok {
		return false
	}
	i, ok := knowledge.CodeErrors[knowledge.MemberOf(fn)]
	return ok && i == 0
}

// returned: the status error is returned (directly, or through .Err()).
func returned(stack []ast.Node) bool {
	for i := len(stack) - 2; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.ReturnStmt:
			return true
		case *ast.SelectorExpr, *ast.ParenExpr:
			continue
		case *ast.CallExpr:
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == knowledge.StatusErrMethod {
				continue
			}
			return false
		default:
			return false
		}
	}
	return false
}

func isPermissionDenied(pass *analysis.Pass, e ast.Expr) bool {
	tv, ok := pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return false
	}
	if n, ok := types.Unalias(tv.Type).(*types.Named); !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != pkgCodes {
		return false
	}
	v, ok := constant.Int64Val(tv.Value)
	return ok && v == permissionDenied
}

// describe says, in the user's terms, what failed.
func describe(s *failure.Signal) string { return s.Describe("metadata") }

// paramIndex returns the index of the parameter of fn that e names, or -1.
func paramIndex(pass *analysis.Pass, fn *types.Func, e ast.Expr) int {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return -1
	}
	v, ok := pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return -1
	}
	params := fn.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		if params.At(i) == v {
			return i
		}
	}
	return -1
}

// Denies is the fact that a code mapping of the object's package answers
// the error it names with PermissionDenied (see failure.Mapping): the
// packages that return the error when authentication fails report the
// mapping (importedDenials), as authforbidden does a status mapping's 403.
type Denies struct{ failure.Mapping }

// AFact marks Denies as a fact.
func (*Denies) AFact() {}

func (f *Denies) String() string {
	return fmt.Sprintf("maps to PermissionDenied at %s:%d", filepath.Base(f.At.Filename), f.At.Line)
}

// denies records that the mapping at e answers obj with PermissionDenied.
func denies(pass *analysis.Pass, fail *failure.Result, rep *report.Reporter, obj types.Object, e ast.Expr) {
	if !fail.Mappable(pass, obj) || pass.ImportObjectFact(obj, new(Denies)) {
		return
	}
	pass.ExportObjectFact(obj, &Denies{failure.Mapping{At: pass.Fset.Position(e.Pos()), Ignored: rep.Suppressed(e.Pos())}})
}

// importedDenials reports the code mappings of imported packages that
// answer with PermissionDenied an error this package returns when
// authentication fails.
func importedDenials(pass *analysis.Pass, fail *failure.Result, rep *report.Reporter) {
	fact := func() analysis.Fact { return new(Denies) }
	mapping := func(f analysis.Fact) failure.Mapping { return f.(*Denies).Mapping }
	for _, m := range fail.MappedFailures(pass, fact, mapping) {
		at := m.Mapping.At
		rep.Report(analysis.Diagnostic{Pos: m.Pos,
			Message: fmt.Sprintf("code mapping at %s:%d answers %s.%s with PermissionDenied, and the packages that import it return %s when authentication fails: missing or invalid credentials are codes.Unauthenticated; map it to that",
				filepath.Base(at.Filename), at.Line, m.Obj.Pkg().Name(), m.Obj.Name(), m.What())})
	}
}
