package chain_test

import (
	"fmt"
	"go/types"
	"strings"
	"testing"

	"github.com/authchallenge/authchallenge/passes/internal/testdir"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/authchallenge/authchallenge/passes/chain"
)

// TestFacts checks what challenge methods return (object facts).
func TestFacts(t *testing.T) {
	analysistest.Run(t, testdir.Path(), chain.Analyzer, "chain/auth", "chain/safe", "chain/helpers/realm")
}

// wantsOfOtherRules lets the fixtures carry the rules' own // want
// comments: the model reports no diagnostics, so those are not errors here.
type wantsOfOtherRules struct{ t *testing.T }

func (w wantsOfOtherRules) Errorf(format string, args ...any) {
	if msg := fmt.Sprintf(format, args...); strings.Contains(msg, "no diagnostic was reported") || strings.Contains(msg, "unexpected fact") {
		return
	}
	w.t.Errorf(format, args...)
}

// TestPolicies checks the consumer policy each package exports.
func TestPolicies(t *testing.T) {
	want := map[string]string{
		"chain/server":       "policies(chain/server.Guard.auths: positional (first); chain/server.New#0: positional (first); chain/auth.Authenticator.Challenge: positional (first))",
		"chain/safeconsumer": "policies(chain/safeconsumer.Failing#0: order-safe; chain/safeconsumer.Joined#0: order-safe; chain/safe.Scheme.Challenge: order-safe)",
		"chain/lastpolicy":   "policies(chain/lastpolicy.Try#0: positional (last); chain/lastpolicy.TryQuiet#0: positional (last); chain/lastpolicy.Strategy.Header: positional (last))",
	}
	results := analysistest.Run(wantsOfOtherRules{t}, testdir.Path(), chain.Analyzer, "chain/server", "chain/safeconsumer", "chain/lastpolicy")
	got := make(map[string]string)
	for _, r := range results {
		for _, f := range r.Pass.AllPackageFacts() {
			if p, ok := f.Fact.(*chain.Policies); ok && f.Package == r.Pass.Pkg {
				got[r.Pass.Pkg.Path()] = p.String()
			}
		}
	}
	for pkg, w := range want {
		if got[pkg] != w {
			t.Errorf("%s: policies fact %q, want %q", pkg, got[pkg], w)
		}
	}
}

// TestLooksUp checks which functions count as challenge lookups for the
// other rules: the one asking a scheme, and the helpers calling it, in
// the package and across packages.
func TestLooksUp(t *testing.T) {
	results := analysistest.Run(wantsOfOtherRules{t}, testdir.Path(), chain.Analyzer, "chain/drf", "chain/split/look")
	want := map[string]bool{
		"getAuthenticateHeader": true, "permissionDenied": true, "ServeHTTP": true,
		"performAuthentication": false, "NewAPIView": false,
		"Guard": true, "Single": true,
	}
	for _, r := range results {
		res := r.Result.(*chain.Result)
		scope := r.Pass.Pkg.Scope()
		for name, w := range want {
			var fn *types.Func
			if obj, ok := scope.Lookup(name).(*types.Func); ok {
				fn = obj
			} else if tn, ok := scope.Lookup("APIView").(*types.TypeName); ok {
				obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(tn.Type()), true, r.Pass.Pkg, name)
				fn, _ = obj.(*types.Func)
			}
			if fn == nil {
				continue
			}
			if _, got := res.LooksUp(fn); got != w {
				t.Errorf("%s: LooksUp(%s) = %v, want %v", r.Pass.Pkg.Path(), name, got, w)
			}
		}
	}
}
