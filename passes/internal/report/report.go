// Package report holds what every authchallenge rule does the same way when
// it reports: skipping generated files.
package report

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
)

// Generated returns a function that reports whether a position lies in a
// generated file (// Code generated ... DO NOT EDIT.) of the pass.
func Generated(pass *analysis.Pass) func(token.Pos) bool {
	gen := make(map[*token.File]bool)
	for _, f := range pass.Files {
		if ast.IsGenerated(f) {
			gen[pass.Fset.File(f.Pos())] = true
		}
	}
	return func(pos token.Pos) bool {
		return len(gen) > 0 && gen[pass.Fset.File(pos)]
	}
}
