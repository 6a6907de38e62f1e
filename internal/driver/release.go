package driver

import (
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/packages"
)

// Releasing what the analysis no longer needs (see executor): a result
// once no analyzer will read it, a package's syntax and type information
// once all its actions have run.

// releaser is a result that can drop what it holds once no analyzer will
// read it again. After Release, the result must not be used.
type releaser interface{ Release() }

// release drops what result holds, when it is of a kind known to be
// private to one package's actions: a releaser, or an inspector (the
// result of inspect.Analyzer).
func release(result any) {
	switch r := result.(type) {
	case releaser:
		r.Release()
	case *inspector.Inspector:
		if r != nil {
			*r = inspector.Inspector{}
		}
	}
}

// releaseSyntax drops the syntax trees and the type information of a
// package whose every action has run: no analyzer will read them again
// (its dependents see its types and facts only), and the driver needs the
// file set and the file names alone. The passes share the slice and the
// *types.Info, so they are cleared in place.
func releaseSyntax(p *packages.Package) {
	for i := range p.Syntax {
		p.Syntax[i] = nil
	}
	p.Syntax = nil
	if p.TypesInfo != nil {
		*p.TypesInfo = types.Info{}
	}
}
