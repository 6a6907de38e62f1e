package firstchallenge_test

import (
	"fmt"
	"strings"
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

// TestByValue: every shape of positional lookup and its order-safe
// counterparts (chain/shapes), DRF's design and its correction, and a
// lookup in another package than the loop (chain/split/look).
func TestByValue(t *testing.T) {
	analysistest.Run(otherRule{t}, testdir.Path(), firstchallenge.Analyzer,
		"chain/shapes", "chain/drf", "chain/drffixed", "chain/drfapp", "chain/split/look", "chain/split/app", "chain/single", "chain/namedtype", "chain/neutral", "chain/getter/guard", "chain/optional/mw")
}

// otherRule lets a fixture carry the other chain rule's // want comments:
// a missing diagnostic of that rule is not an error here.
type otherRule struct{ *testing.T }

func (o otherRule) Errorf(format string, args ...any) {
	if msg := fmt.Sprintf(format, args...); strings.Contains(msg, "no diagnostic was reported") && strings.Contains(msg, "is challenge-less but sits") {
		return
	}
	o.T.Errorf(format, args...)
}
