package response_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/authchallenge/authchallenge/passes/response"
)

func testdata() string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		panic(err)
	}
	return dir
}

// TestFacts checks the summaries exported for helpers.
func TestFacts(t *testing.T) {
	analysistest.Run(t, testdata(), response.Analyzer, "response/helpers")
}
