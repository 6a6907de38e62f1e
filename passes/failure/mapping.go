package failure

import (
	"cmp"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/authchallenge/authchallenge/passes/chain"
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
// which this package does not know for an authentication failure.
func (r *Result) Mappable(pass *analysis.Pass, obj types.Object) bool {
	if obj == nil || obj.Pkg() != pass.Pkg || obj.Parent() != pass.Pkg.Scope() || r.Unauthenticated(obj) != nil {
		return false
	}
	switch obj.(type) {
	case *types.Var, *types.Const:
		return true
	}
	return false
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
