package nochallenge_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/authchallenge/authchallenge/passes/internal/testdir"
	"github.com/authchallenge/authchallenge/passes/nochallenge"
)

// TestKnowledgeFrameworks covers the frameworks added to the knowledge table
// as one entry each (hertz, huma): their status writers, header setters and
// error constructors.
func TestKnowledgeFrameworks(t *testing.T) {
	analysistest.Run(t, testdir.Path(), nochallenge.Analyzer, "nochallenge/hertzfw", "nochallenge/humafw")
}
