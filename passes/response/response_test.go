package response_test

import (
	"testing"

	"github.com/authchallenge/authchallenge/passes/internal/testdir"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/authchallenge/authchallenge/passes/response"
)

// TestFacts checks the summaries exported for helpers.
func TestFacts(t *testing.T) {
	analysistest.Run(t, testdir.Path(), response.Analyzer, "response/helpers")
}
