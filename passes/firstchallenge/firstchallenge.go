// Package firstchallenge defines the firstchallenge rule: a challenge looked
// up on a fixed position of a chain (x[0], the last element, the loop
// variable kept after the loop) in code that tried several authenticators,
// instead of on the one that failed or on all of them.
package firstchallenge

import (
	_ "embed"
	"fmt"
	"go/token"
	"slices"

	"github.com/authchallenge/authchallenge/passes/internal/ruleid"

	"golang.org/x/tools/go/analysis"

	"github.com/authchallenge/authchallenge/passes/chain"
	"github.com/authchallenge/authchallenge/passes/config"
	"github.com/authchallenge/authchallenge/passes/internal/report"
)

//go:embed doc.md
var doc string

// Name is the rule ID.
const Name = ruleid.FirstChallenge

// New returns the rule reading cfg and the chain model ch.
func New(cfg, ch *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     Name,
		Doc:      doc,
		URL:      "https://github.com/authchallenge/authchallenge/blob/main/passes/firstchallenge/doc.md",
		Requires: []*analysis.Analyzer{cfg, ch},
		Run: func(pass *analysis.Pass) (any, error) {
			run(pass, pass.ResultOf[cfg].(*config.Config), pass.ResultOf[ch].(*chain.Result))
			return nil, nil
		},
	}
}

// Analyzer is the firstchallenge rule with the shared configuration.
var Analyzer = New(config.Analyzer, chain.Analyzer)

func run(pass *analysis.Pass, cfg *config.Config, model *chain.Result) {
	rep := report.New(pass, cfg, Name)
	for _, l := range model.Lookups {
		if !l.Loop.IsValid() && !l.LoopAt.IsValid() {
			continue // no loop tried the authenticators
		}
		if single(model, l) {
			continue // its one scheme is the one that failed
		}
		which := l.Coll + "[0]"
		switch l.Kind {
		case chain.Last:
			which = "the last of " + l.Coll
		case chain.FirstWith:
			which = "the first of " + l.Coll + " that has one"
		}
		if l.Via != "" {
			which = l.Coll + "[" + l.Via + "[0]]"
			if l.Kind == chain.Last {
				which = l.Coll + " at the last key of " + l.Via
			}
		}
		if l.Through != "" {
			which += " (" + l.Through + "[0] holds its " + l.Method.Name() + ")"
		}
		diag := analysis.Diagnostic{
			Pos: l.Pos, End: l.End,
			Message: fmt.Sprintf("challenge taken from %s whatever failed: after trying every authenticator in %s, ask the one that failed for its %s (keep it when its check fails, then break), or join every scheme's %s into WWW-Authenticate",
				which, l.Coll, l.Method.Name(), l.Method.Name()),
		}
		if l.Loop.IsValid() {
			diag.Related = []analysis.RelatedInformation{{Pos: l.Loop, Message: "the authenticators are tried here"}}
		}
		rep.Report(diag)
	}
	rep.Finish()
}

// single reports a lookup on a collection that every chain this package
// stores into it fills with one scheme: the position asked is the scheme
// that failed. A collection no chain here is seen to fill is judged by the
// lookup alone.
func single(model *chain.Result, l *chain.Lookup) bool {
	// A local collection: the chains written in the lookup's function
	// that become no field or variable of the package.
	var from, to token.Pos
	if l.Key == "" {
		if l.Func == nil || l.Func.Scope() == nil {
			return false
		}
		from, to = l.Func.Scope().Pos(), l.Func.Scope().End()
	}
	seen := false
	for _, c := range model.Chains {
		if l.Key == "" {
			if len(c.Colls) > 0 || c.Pos < from || c.End > to {
				continue
			}
		} else if !slices.Contains(c.Colls, l.Key) {
			continue
		}
		if len(c.Elems) != 1 {
			return false
		}
		seen = true
	}
	return seen
}
