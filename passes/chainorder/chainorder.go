// Package chainorder defines the chainorder rule: a challenge-less scheme at
// the position a chain's failure answer takes its challenge from, while a
// challenge-bearing scheme sits elsewhere (Django REST Framework's
// first-class policy, rebuilt in Go); and a middleware stack where a
// challenge-less middleware that rejects runs before a challenge-bearing one.
package chainorder

import (
	"bytes"
	_ "embed"
	"fmt"
	"go/ast"
	"go/printer"
	"go/token"

	"github.com/authchallenge/authchallenge/passes/internal/ruleid"

	"golang.org/x/tools/go/analysis"

	"github.com/authchallenge/authchallenge/passes/chain"
	"github.com/authchallenge/authchallenge/passes/config"
	"github.com/authchallenge/authchallenge/passes/internal/report"
)

//go:embed doc.md
var doc string

// Name is the rule ID.
const Name = ruleid.ChainOrder

// New returns the rule reading cfg and the chain model ch.
func New(cfg, ch *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     Name,
		Doc:      doc,
		URL:      "https://github.com/authchallenge/authchallenge/blob/main/passes/chainorder/doc.md",
		Requires: []*analysis.Analyzer{cfg, ch},
		Run: func(pass *analysis.Pass) (any, error) {
			run(pass, pass.ResultOf[cfg].(*config.Config), pass.ResultOf[ch].(*chain.Result))
			return nil, nil
		},
	}
}

// Analyzer is the chainorder rule with the shared configuration.
var Analyzer = New(config.Analyzer, chain.Analyzer)

func run(pass *analysis.Pass, cfg *config.Config, model *chain.Result) {
	rep := report.New(pass, cfg, Name)
	for _, c := range model.Chains {
		if c.Middleware {
			middleware(pass, rep, c)
		} else {
			positional(pass, rep, c)
		}
	}
	rep.Finish()
}

func positional(pass *analysis.Pass, rep *report.Reporter, c *chain.Chain) {
	decisive := -1
	switch c.Policy.Kind {
	case chain.First:
		decisive = 0
	case chain.Last:
		decisive = len(c.Elems) - 1
	default:
		return // order-safe or unknown consumers: the order does not matter
	}
	d := c.Elems[decisive]
	if d.Class != chain.Less {
		return
	}
	bearing := -1
	for i, e := range c.Elems {
		if i != decisive && e.Class == chain.Bearing {
			bearing = i
			break
		}
	}
	if bearing < 0 {
		return
	}
	b := c.Elems[bearing]
	where := "first"
	if decisive != 0 {
		where = "last"
	}
	challenge := ""
	if b.Challenge != "" {
		challenge = fmt.Sprintf(" (%q)", b.Challenge)
	}
	msg := fmt.Sprintf("%s is challenge-less but sits %s, where the failure answer takes its challenge (%s is asked at %s): every failed request, one for %s%s included, is answered without a challenge (403 instead of 401); put %s %s, or take the challenge from the authenticator that failed",
		d.Name, where, c.Method.Name(), c.Policy.Where, b.Name, challenge, b.Name, where)
	diag := analysis.Diagnostic{
		Pos: d.Expr.Pos(), End: d.Expr.End(), Message: msg,
		Related: []analysis.RelatedInformation{{Pos: b.Expr.Pos(), End: b.Expr.End(), Message: b.Name + " is challenge-bearing"}},
	}
	if fix, ok := reorder(pass, c, bearing, decisive); ok {
		diag.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	rep.Report(diag)
}

func middleware(pass *analysis.Pass, rep *report.Reporter, c *chain.Chain) {
	for i, e := range c.Elems {
		if e.Class != chain.Less {
			continue
		}
		for j := i + 1; j < len(c.Elems); j++ {
			b := c.Elems[j]
			if b.Class != chain.Bearing {
				continue
			}
			diag := analysis.Diagnostic{
				Pos: e.Expr.Pos(), End: e.Expr.End(),
				Message: fmt.Sprintf("%s rejects requests without a challenge (401/403 or a redirect) and runs before %s, which challenges: a request for %s's scheme is turned away before %s sees it; run %s first, or let %s pass requests it cannot authenticate to the next handler",
					e.Name, b.Name, b.Name, b.Name, b.Name, e.Name),
				Related: []analysis.RelatedInformation{{Pos: b.Expr.Pos(), End: b.Expr.End(), Message: b.Name + " sets WWW-Authenticate"}},
			}
			if fix, ok := reorder(pass, c, j, i); ok {
				diag.SuggestedFixes = []analysis.SuggestedFix{fix}
			}
			rep.Report(diag)
			return
		}
	}
}

// reorder moves element from to position to (a stable move), offered only
// for a literal or a single call whose elements have no side effects.
func reorder(pass *analysis.Pass, c *chain.Chain, from, to int) (analysis.SuggestedFix, bool) {
	if c.Literal == nil && c.Call == nil {
		return analysis.SuggestedFix{}, false
	}
	for _, e := range c.Elems {
		if !pure(pass, e.Expr) {
			return analysis.SuggestedFix{}, false
		}
	}
	text := func(e ast.Expr) []byte {
		var buf bytes.Buffer
		printer.Fprint(&buf, pass.Fset, e)
		return buf.Bytes()
	}
	// Each element between the two positions is replaced by its new
	// occupant: separators and comments stay where they are.
	el := c.Elems
	order := make([]int, len(el))
	for i := range order {
		order[i] = i
	}
	moved := order[from]
	order = append(order[:from], order[from+1:]...)
	order = append(order[:to], append([]int{moved}, order[to:]...)...)
	var edits []analysis.TextEdit
	for i, j := range order {
		if i != j {
			edits = append(edits, analysis.TextEdit{Pos: el[i].Expr.Pos(), End: el[i].Expr.End(), NewText: text(el[j].Expr)})
		}
	}
	return analysis.SuggestedFix{
		Message:   fmt.Sprintf("move %s to where the challenge is taken", el[from].Name),
		TextEdits: edits,
	}, true
}

// pure reports whether evaluating e has no side effects (and so may be
// moved): no calls but conversions and no receives.
func pure(pass *analysis.Pass, e ast.Expr) bool {
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if tv, isType := pass.TypesInfo.Types[n.Fun]; !isType || !tv.IsType() {
				ok = false
			}
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				ok = false
			}
		}
		return ok
	})
	return ok
}
