package knowledge

import (
	"go/types"
	"testing"
)

// Matters follows the imports to any depth, and answers the same when
// asked again (memoized) and for a new graph with the same paths.
func TestMatters(t *testing.T) {
	for round := range 2 {
		http := types.NewPackage("net/http", "http")
		helper := types.NewPackage("example.com/helper", "helper")
		helper.SetImports([]*types.Package{http})
		deep := types.NewPackage("example.com/deep", "deep")
		deep.SetImports([]*types.Package{helper})
		strs := types.NewPackage("strings", "strings")
		plain := types.NewPackage("example.com/plain", "plain")
		plain.SetImports([]*types.Package{strs})
		top := types.NewPackage("example.com/top", "top")
		top.SetImports([]*types.Package{plain, deep})
		other := types.NewPackage("example.com/other", "other")
		other.SetImports([]*types.Package{plain})
		for range 2 {
			for _, c := range []struct {
				pkg  *types.Package
				want bool
			}{{helper, true}, {deep, true}, {top, true}, {plain, false}, {other, false}, {http, false}} {
				if got := Matters(c.pkg); got != c.want {
					t.Errorf("round %d: Matters(%s) = %v, want %v", round, c.pkg.Path(), got, c.want)
				}
			}
		}
	}
}

// KeepsForRequest holds for a package exporting a context setter, and only
// for the setter's shape.
func TestKeepsForRequest(t *testing.T) {
	ctxPkg := types.NewPackage("context", "context")
	ctxType := types.NewNamed(types.NewTypeName(0, ctxPkg, "Context", nil), types.NewInterfaceType(nil, nil), nil)
	str := types.Typ[types.String]
	errType := types.Universe.Lookup("error").Type()
	tuple := func(ts ...types.Type) *types.Tuple {
		var vars []*types.Var
		for _, t := range ts {
			vars = append(vars, types.NewParam(0, nil, "", t))
		}
		return types.NewTuple(vars...)
	}
	for _, c := range []struct {
		name          string
		params, resul *types.Tuple
		want          bool
	}{
		{"WithUser", tuple(ctxType, str), tuple(ctxType), true},
		{"withUser", tuple(ctxType, str), tuple(ctxType), false},
		{"Detach", tuple(ctxType, ctxType), tuple(ctxType), false},
		{"Background", tuple(ctxType), tuple(ctxType), false},
		{"Attach", tuple(ctxType, str), tuple(ctxType, errType), false},
		{"Name", tuple(str, str), tuple(str), false},
	} {
		pkg := types.NewPackage("example.com/who", "who")
		pkg.Scope().Insert(types.NewFunc(0, pkg, c.name, types.NewSignatureType(nil, nil, nil, c.params, c.resul, false)))
		if got := KeepsForRequest(pkg); got != c.want {
			t.Errorf("KeepsForRequest with %s = %v, want %v", c.name, got, c.want)
		}
	}
	ctxPkg.Scope().Insert(types.NewFunc(0, ctxPkg, "WithLabel", types.NewSignatureType(nil, nil, nil, tuple(ctxType, str), tuple(ctxType), false)))
	if KeepsForRequest(ctxPkg) {
		t.Errorf("KeepsForRequest(context) = true: the standard library is described by the table")
	}
}
