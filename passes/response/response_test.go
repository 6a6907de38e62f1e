package response_test

import (
	"testing"

	"github.com/authchallenge/authchallenge/passes/internal/testdir"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/authchallenge/authchallenge/passes/response"
)

// TestFacts checks the summaries exported for helpers and carriers.
func TestFacts(t *testing.T) {
	analysistest.Run(t, testdir.Path(), response.Analyzer, "response/helpers", "response/carriers")
}

// TestUnresolved: a call handed the writer that the model cannot resolve
// keeps the site after it silent, and the result lists it.
func TestUnresolved(t *testing.T) {
	res := analysistest.Run(t, testdir.Path(), response.Analyzer, "response/unresolved")
	r := res[0].Result.(*response.Result)
	if len(r.Unresolved) != 1 || r.Unresolved[0].Callee != "Decorate" {
		t.Fatalf("unresolved = %+v, want the call of Decorate", r.Unresolved)
	}
	var site *response.Site
	for _, s := range r.Sites {
		if s.Status&response.S401 != 0 {
			site = s
		}
	}
	if site == nil || site.Unknown&response.WWW == 0 || site.Missing() != 0 {
		t.Fatalf("site = %+v, want a 401 whose challenge is unknown", site)
	}
}
