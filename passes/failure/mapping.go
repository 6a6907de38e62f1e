package failure

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/authchallenge/authchallenge/passes/chain"
	"github.com/authchallenge/authchallenge/passes/internal/knowledge"
	"github.com/authchallenge/authchallenge/passes/internal/report"
)

// Mapping is where a mapping of a base package answers one of its errors —
// a sentinel variable, or a typed code its errors carry — with what the
// rule checks (authforbidden's 403, grpcauthcode's PermissionDenied): the
// fact the rule exports on the error. Whether the error is an
// authentication failure may be known only to the packages that return
// it, and they report the mapping (MappedFailures). Ignored: the rule's
// authchallenge:ignore directive is on the mapping's line.
type Mapping struct {
	At      token.Position
	Ignored bool
}

// Mappable reports whether a mapping of obj is a fact to record: obj is a
// package-level error variable or typed constant of the package analysed,
// which this package does not know for an authentication failure; for a
// typed constant, one the package does not itself build errors with. A
// package that builds errors of a kind (Forbidden(msg) returning
// &Error{Code: CodePermission}) gives it a meaning of its own,
// authorization here: a package that answers a failure with that kind
// misuses it there, and the carrier it builds is reported there (the
// response model reads its status through the kind's table), not the
// mapping.
func (r *Result) Mappable(pass *analysis.Pass, obj types.Object) bool {
	if obj == nil || obj.Pkg() != pass.Pkg || obj.Parent() != pass.Pkg.Scope() || r.Unauthenticated(obj) != nil {
		return false
	}
	switch obj.(type) {
	case *types.Var:
		return true
	case *types.Const:
		if r.built == nil {
			r.built = builtWith(pass)
		}
		return !r.built[obj]
	}
	return false
}

// builtWith returns the package-level objects (typed constants, errors)
// that the package's code builds values with: a field or element of a composite
// literal, an argument of a call other than an error match (errors.Is), a
// result returned, a value assigned. A table's keys, comparisons and case
// clauses only read them.
func builtWith(pass *analysis.Pass) map[types.Object]bool {
	built := make(map[types.Object]bool)
	mark := func(e ast.Expr) {
		var id *ast.Ident
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			id = x
		case *ast.SelectorExpr:
			id = x.Sel
		}
		if id == nil {
			return
		}
		if obj := pass.TypesInfo.Uses[id]; obj != nil && obj.Pkg() == pass.Pkg && obj.Parent() == pass.Pkg.Scope() {
			built[obj] = true
		}
	}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				for _, e := range n.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok {
						if _, isMap := pass.TypesInfo.TypeOf(n).Underlying().(*types.Map); !isMap {
							mark(kv.Value) // a struct field's value (a map's values are the mapping)
						}
						continue
					}
					mark(e)
				}
			case *ast.CallExpr:
				if fn, ok := typeutil.Callee(pass.TypesInfo, n).(*types.Func); ok && knowledge.ErrorMatch[knowledge.MemberOf(fn)] != 0 {
					return true
				}
				for _, a := range n.Args {
					mark(a)
				}
			case *ast.ReturnStmt:
				for _, e := range n.Results {
					mark(e)
				}
			case *ast.AssignStmt:
				for _, e := range n.Rhs {
					mark(e)
				}
			}
			return true
		})
	}
	return built
}

// MappedFailure is a mapping of an imported package that answers an error
// this package returns when the check of a scheme with a challenge fails.
type MappedFailure struct {
	Obj     types.Object
	Mapping Mapping
	// Pos is where to report it: at the mapping; where only the export
	// data of its package is in view (go vet), whose positions cover its
	// exported declarations alone, at the error's declaration.
	Pos token.Pos
}

// What names what the importing packages return: the error, or errors of
// that kind.
func (m MappedFailure) What() string {
	if _, ok := m.Obj.(*types.Const); ok {
		return "errors of that kind"
	}
	return "that error"
}

// MappedFailures lists the mappings of imported packages that answer an
// error this package knows for the failure of a scheme with a challenge:
// the facts of that type (fact makes one to import into, mapping reads its
// Mapping) on the errors known here; an ignored mapping is left out. Every
// importing package that returns the error finds the same mapping: the
// drivers print the finding once. Only the errors known here are looked
// up, not every fact in view: on a large module most packages know none.
func (r *Result) MappedFailures(pass *analysis.Pass, fact func() analysis.Fact, mapping func(analysis.Fact) Mapping) []MappedFailure {
	var out []MappedFailure
	for obj, u := range r.unauth {
		if obj.Pkg() == pass.Pkg || u.Class == chain.Less || u.Speculative {
			continue
		}
		f := fact()
		if !pass.ImportObjectFact(obj, f) {
			continue
		}
		m := mapping(f)
		if m.Ignored {
			continue
		}
		pos := report.PosIn(pass.Fset, m.At)
		if !pos.IsValid() {
			pos = obj.Pos()
		}
		if pos.IsValid() {
			out = append(out, MappedFailure{Obj: obj, Mapping: m, Pos: pos})
		}
	}
	slices.SortFunc(out, func(a, b MappedFailure) int { return cmp.Compare(a.Pos, b.Pos) })
	return out
}
