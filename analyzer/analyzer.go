// Package analyzer lists the authchallenge rules. Every rule is a
// golang.org/x/tools/go/analysis Analyzer whose Name is the rule ID and the
// Category of its diagnostics; the shared models they require (response
// effects, …) live in passes/ too and are run by any driver on demand.
package analyzer

import (
	"golang.org/x/tools/go/analysis"

	"github.com/authchallenge/authchallenge/passes/nochallenge"
)

// Rules returns the rule analyzers, in documentation order.
func Rules() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		nochallenge.Analyzer,
	}
}
