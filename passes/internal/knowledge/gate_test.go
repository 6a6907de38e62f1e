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
