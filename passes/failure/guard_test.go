package failure_test

import (
	"go/ast"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/authchallenge/authchallenge/passes/failure"
	"github.com/authchallenge/authchallenge/passes/internal/testdir"
)

var guardNames = map[failure.GuardKind]string{
	failure.NoGuard: "none", failure.CredentialGuard: "credentials", failure.AuthorizationGuard: "authorization",
	failure.IntegrityGuard: "integrity", failure.OtherGuard: "other",
}

// guards reports what the model says guards each WriteHeader call.
var guards = &analysis.Analyzer{
	Name:     "guards",
	Doc:      "test: the guard of each status write",
	Requires: []*analysis.Analyzer{failure.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[failure.Analyzer].(*failure.Result)
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "WriteHeader" {
					g := res.GuardAt(call.Pos(), call.End())
					pass.Reportf(call.Pos(), "guard: %s", guardNames[g.Kind])
				}
				return true
			})
		}
		return nil, nil
	},
}

// TestGuards: the API nochallenge reads to say a 401 after an authorization
// or integrity check has the wrong status.
func TestGuards(t *testing.T) {
	analysistest.Run(t, testdir.Path(), guards, "failure/guards")
}
