package failure_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/authchallenge/authchallenge/passes/failure"
)

// TestSources checks the facts on credential checks: the class of what
// they read travels to other packages.
func TestSources(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, failure.Analyzer, "failure/sources", "failure/tokens", "failure/sessions", "grpcauthcode/authfunc/authfn", "grpcauthcode/segtable/seg")
}
