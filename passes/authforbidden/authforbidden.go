// Package authforbidden defines the authforbidden rule: an authentication
// failure answered with 403 Forbidden and no challenge.
package authforbidden

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"strconv"
	"strings"

	"github.com/authchallenge/authchallenge/passes/internal/ruleid"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/authchallenge/authchallenge/passes/chain"
	"github.com/authchallenge/authchallenge/passes/config"
	"github.com/authchallenge/authchallenge/passes/failure"
	"github.com/authchallenge/authchallenge/passes/internal/report"
	"github.com/authchallenge/authchallenge/passes/response"
)

//go:embed doc.md
var doc string

// Name is the rule ID.
const Name = ruleid.AuthForbidden

// New returns the rule reading cfg, the response model resp and the
// failure model fail.
func New(cfg, resp, fail *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     Name,
		Doc:      doc,
		URL:      "https://github.com/authchallenge/authchallenge/blob/main/passes/authforbidden/doc.md",
		Requires: []*analysis.Analyzer{cfg, resp, fail},
		Run: func(pass *analysis.Pass) (any, error) {
			run(pass, pass.ResultOf[cfg].(*config.Config), pass.ResultOf[resp].(*response.Result), pass.ResultOf[fail].(*failure.Result))
			return nil, nil
		},
	}
}

// Analyzer is the authforbidden rule with the shared configuration.
var Analyzer = New(config.Analyzer, response.Analyzer, failure.Analyzer)

func run(pass *analysis.Pass, cfg *config.Config, resp *response.Result, fail *failure.Result) {
	rep := report.New(pass, cfg, Name)
	// The package's challenge is looked for only when a finding may take a
	// fix: the walk over every file is not paid on the packages (nearly all)
	// that have nothing to report.
	challenge, looked := "", false
	for _, s := range resp.Sites {
		if s.Status&response.S403 == 0 || s.Have&response.WWW != 0 {
			continue // not a 403, or a challenge was looked up on the way
		}
		sig := fail.At(s.Pos)
		if sig == nil || sig.Class == chain.Less {
			continue // not an authentication failure, or a scheme without a challenge (cookie, API key)
		}
		if s.Kind == response.Return && !s.Root && !strings.HasPrefix(sig.What, "inside the authenticator") {
			continue // an error returned to a caller, who answers for it
		}
		d := analysis.Diagnostic{
			Pos: s.Pos, End: s.End,
			Message: fmt.Sprintf("403 answers an authentication failure (%s): a 403 tells the client new credentials will not help; answer 401 with a WWW-Authenticate challenge, and keep 403 for a known caller who may not act",
				sig.What),
		}
		if !looked && s.Kind == response.Write {
			challenge, looked = packageChallenge(pass), true
		}
		if fix, ok := fix401(pass, s, challenge); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		rep.Report(d)
	}
	// error-to-status tables: map[error]int{ErrUnauthenticated: 403}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			if _, isMap := pass.TypesInfo.TypeOf(lit).Underlying().(*types.Map); !isMap {
				return true
			}
			for _, e := range lit.Elts {
				kv, ok := e.(*ast.KeyValueExpr)
				if !ok || !is403(pass, kv.Value) {
					continue
				}
				if sig := fail.Sentinel(pass, cfg, kv.Key); sig != nil {
					rep.Report(analysis.Diagnostic{Pos: kv.Value.Pos(), End: kv.Value.End(),
						Message: fmt.Sprintf("error-to-status table maps an authentication failure (%s) to 403: map it to 401 and answer with a WWW-Authenticate challenge", sig.What)})
				}
			}
			return true
		})
	}
	rep.Finish()
}

func is403(pass *analysis.Pass, e ast.Expr) bool {
	tv, ok := pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return false
	}
	v, ok := constant.Int64Val(tv.Value)
	return ok && v == 403
}

// packageChallenge returns the one constant challenge the package sets in
// WWW-Authenticate, if there is exactly one.
func packageChallenge(pass *analysis.Pass) string {
	seen := make(map[string]bool)
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) != 2 {
				return true
			}
			fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
			if !ok || (fn.Name() != "Set" && fn.Name() != "Add" && fn.Name() != "Header") {
				return true
			}
			k, v := pass.TypesInfo.Types[call.Args[0]], pass.TypesInfo.Types[call.Args[1]]
			if k.Value != nil && v.Value != nil && k.Value.Kind() == constant.String && v.Value.Kind() == constant.String &&
				strings.EqualFold(constant.StringVal(k.Value), "WWW-Authenticate") {
				seen[constant.StringVal(v.Value)] = true
			}
			return true
		})
	}
	if len(seen) != 1 {
		return ""
	}
	for c := range seen {
		return c
	}
	return ""
}

// fix401 sets the package's one challenge and writes 401 instead of 403,
// for net/http writes whose status is a constant at the call.
func fix401(pass *analysis.Pass, s *response.Site, challenge string) (analysis.SuggestedFix, bool) {
	if challenge == "" || s.Kind != response.Write {
		return analysis.SuggestedFix{}, false
	}
	var file *ast.File
	for _, f := range pass.Files {
		if f.FileStart <= s.Pos && s.Pos < f.FileEnd {
			file = f
		}
	}
	if file == nil {
		return analysis.SuggestedFix{}, false
	}
	path, _ := astutil.PathEnclosingInterval(file, s.Pos, s.End)
	var call *ast.CallExpr
	var stmt *ast.ExprStmt
	for _, n := range path {
		if c, ok := n.(*ast.CallExpr); ok && call == nil && c.Pos() == s.Pos {
			call = c
		}
		if st, ok := n.(*ast.ExprStmt); ok && stmt == nil {
			stmt = st
		}
	}
	if call == nil || stmt == nil || stmt.X != call {
		return analysis.SuggestedFix{}, false
	}
	fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "net/http" {
		return analysis.SuggestedFix{}, false
	}
	var writer, status ast.Expr
	switch {
	case fn.Name() == "Error" && len(call.Args) == 3:
		writer, status = call.Args[0], call.Args[2]
	case fn.Name() == "WriteHeader" && len(call.Args) == 1:
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		writer, status = sel.X, call.Args[0]
	default:
		return analysis.SuggestedFix{}, false
	}
	if !is403(pass, status) || !pure(writer) {
		return analysis.SuggestedFix{}, false
	}
	newStatus := "401"
	if sel, ok := status.(*ast.SelectorExpr); ok {
		if id, ok := sel.X.(*ast.Ident); ok {
			newStatus = id.Name + ".StatusUnauthorized"
		}
	}
	col := pass.Fset.Position(stmt.Pos()).Column
	indent := strings.Repeat("\t", col-1)
	lit := strconv.Quote(challenge)
	if !strings.Contains(challenge, "`") {
		lit = "`" + challenge + "`"
	}
	set := types.ExprString(writer) + `.Header().Set("WWW-Authenticate", ` + lit + ")\n" + indent
	return analysis.SuggestedFix{
		Message: "set WWW-Authenticate: " + challenge + " and answer 401",
		TextEdits: []analysis.TextEdit{
			{Pos: stmt.Pos(), End: stmt.Pos(), NewText: []byte(set)},
			{Pos: status.Pos(), End: status.End(), NewText: []byte(newStatus)},
		},
	}, true
}

func pure(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		return pure(e.X)
	}
	return false
}
