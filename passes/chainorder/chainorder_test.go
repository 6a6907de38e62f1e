package chainorder_test

import (
	"testing"

	"github.com/authchallenge/authchallenge/passes/internal/testdir"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/authchallenge/authchallenge/passes/chainorder"
)

// TestChainOrder: schemes in chain/auth, the positional consumer in
// chain/server, the chains in chain/app (fixes checked against .golden);
// order-safe consumers in chain/safe; middleware stacks in chain/mw and
// chain/mwfw.
func TestChainOrder(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdir.Path(), chainorder.Analyzer,
		"chain/app", "chain/safeapp", "chain/lastapp", "chain/mw", "chain/mwfw")
}
