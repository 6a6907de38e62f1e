package chainorder_test

import (
	"fmt"
	"strings"
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
	analysistest.Run(t, testdir.Path(), chainorder.Analyzer, "chain/mtls", "chain/compose/...", "chain/libmw", "chain/helpers")
}

// TestChainOrderByValue: chains judged by the consumer of the collection
// they become — DRF's view design (chain/drf, chain/drfapp) and its
// corrected version (silent), every shape of lookup in one package
// (chain/shapes), and a chain, loop and lookup in three packages
// (chain/split).
func TestChainOrderByValue(t *testing.T) {
	analysistest.RunWithSuggestedFixes(otherRule{t}, testdir.Path(), chainorder.Analyzer,
		"chain/drfapp", "chain/drffixedapp", "chain/split/app")
	analysistest.Run(otherRule{t}, testdir.Path(), chainorder.Analyzer, "chain/shapes", "chain/drf", "chain/drffixed", "chain/namedtype", "chain/neutral", "chain/getter/app", "chain/optional/app")
}

// otherRule lets a fixture carry the other chain rule's // want comments:
// a missing diagnostic of that rule is not an error here.
type otherRule struct{ *testing.T }

func (o otherRule) Errorf(format string, args ...any) {
	if msg := fmt.Sprintf(format, args...); strings.Contains(msg, "no diagnostic was reported") && strings.Contains(msg, "challenge taken from") {
		return
	}
	o.T.Errorf(format, args...)
}
