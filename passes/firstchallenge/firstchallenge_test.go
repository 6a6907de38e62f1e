package firstchallenge_test

import (
	"testing"

	"github.com/authchallenge/authchallenge/passes/internal/testdir"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/authchallenge/authchallenge/passes/firstchallenge"
)

// TestFirstChallenge: positional lookups after a loop fire; lookups inside
// the loop, and without a loop, do not.
func TestFirstChallenge(t *testing.T) {
	analysistest.Run(t, testdir.Path(), firstchallenge.Analyzer, "chain/server", "chain/safeconsumer", "chain/lastpolicy")
}
