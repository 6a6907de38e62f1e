package authforbidden_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/authchallenge/authchallenge/passes/authforbidden"
)

func testdata() string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		panic(err)
	}
	return dir
}

// TestAuthForbidden: every failure signal with a 403 fires, the same shapes
// after authentication or for challenge-less schemes do not; fixes are
// checked against .golden files.
func TestAuthForbidden(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata(), authforbidden.Analyzer, "authforbidden/nethttp")
	analysistest.Run(t, testdata(), authforbidden.Analyzer, "authforbidden/frameworks", "authforbidden/crosspkg")
}
