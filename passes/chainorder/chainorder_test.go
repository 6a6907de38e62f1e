package chainorder_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/authchallenge/authchallenge/passes/chainorder"
)

func testdata() string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		panic(err)
	}
	return dir
}

// TestChainOrder: schemes in chain/auth, the positional consumer in
// chain/server, the chains in chain/app (fixes checked against .golden);
// order-safe consumers in chain/safe; middleware stacks in chain/mw and
// chain/mwfw.
func TestChainOrder(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata(), chainorder.Analyzer,
		"chain/app", "chain/safeapp", "chain/lastapp", "chain/mw", "chain/mwfw")
}
