package firstchallenge_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/authchallenge/authchallenge/passes/firstchallenge"
)

func testdata() string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		panic(err)
	}
	return dir
}

// TestFirstChallenge: positional lookups after a loop fire; lookups inside
// the loop, and without a loop, do not.
func TestFirstChallenge(t *testing.T) {
	analysistest.Run(t, testdata(), firstchallenge.Analyzer, "chain/server", "chain/safeconsumer", "chain/lastpolicy")
}
