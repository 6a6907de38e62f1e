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
	"path/filepath"
	"strings"

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
	var bearing []int
	unknown := false
	for i, e := range c.Elems {
		switch {
		case i == decisive:
		case e.Class == chain.Bearing:
			bearing = append(bearing, i)
		case e.Class == chain.Unknown:
			unknown = true
		}
	}
	if len(bearing) == 0 {
		return
	}
	b := c.Elems[bearing[0]]
	where := "first"
	if decisive != 0 {
		where = "last"
	}
	challenge := ""
	if b.Challenge != "" {
		challenge = fmt.Sprintf(" (%q)", b.Challenge)
	}
	advice := fmt.Sprintf("put %s %s, or take the challenge from the authenticator that failed", b.Name, where)
	if len(bearing) > 1 {
		// Whichever bearing scheme sits there, the clients of the others
		// are asked for the wrong credentials: no order serves them all.
		advice = fmt.Sprintf("no order serves every client (%s and %s both challenge): take the challenge from the authenticator that failed, or join every scheme's challenge",
			b.Name, c.Elems[bearing[1]].Name)
	}
	msg := fmt.Sprintf("%s is challenge-less but sits %s, where the failure answer takes its challenge (%s is asked at %s): every failed request, one for %s%s included, is answered without a challenge (403 instead of 401); %s",
		d.Name, where, c.Method.Name(), shortPosition(c.Policy.Where), b.Name, challenge, advice)
	diag := analysis.Diagnostic{
		Pos: d.Expr.Pos(), End: d.Expr.End(), Message: msg,
		Related: []analysis.RelatedInformation{{Pos: b.Expr.Pos(), End: b.Expr.End(), Message: b.Name + " is challenge-bearing"}},
	}
	// A reorder resolves the finding for every client only when one
	// bearing scheme lands at the decisive position and no other scheme
	// (bearing, or unknown and so maybe bearing) competes for it.
	if len(bearing) == 1 && !unknown {
		if fix, ok := reorder(pass, c, bearing[0], decisive); ok {
			diag.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	}
	rep.Report(diag)
}

// shortPosition spells a position as file:line, the file without its
// directory.
func shortPosition(p token.Position) string {
	if !p.IsValid() {
		return "an unknown place"
	}
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
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
				Message: fmt.Sprintf("%s rejects requests without a challenge (401/403 or a redirect) and runs before %s, which challenges: a request for %s's scheme is turned away before %s sees it; let %s pass requests it cannot authenticate to the next handler, or run %s first if it lets requests without its credentials through",
					e.Name, b.Name, b.Name, b.Name, e.Name, b.Name),
				Related: []analysis.RelatedInformation{{Pos: b.Expr.Pos(), End: b.Expr.End(), Message: b.Name + " sets WWW-Authenticate"}},
			}
			// Running the bearing middleware first helps only when it
			// lets the requests it cannot authenticate through; one that
			// rejects them would turn the other scheme's clients (a
			// browser's login redirect) into 401s.
			if !b.Rejects {
				if fix, ok := reorder(pass, c, j, i); ok {
					diag.SuggestedFixes = []analysis.SuggestedFix{fix}
				}
			}
			rep.Report(diag)
			return
		}
	}
}

// reorder moves element from to position to (a stable move), offered only
// for a literal or a single call whose elements have no side effects. When
// each element has lines of its own, whole lines move, with the comments
// above and beside the element; when they share one line, the elements
// move and no comment may sit among them.
func reorder(pass *analysis.Pass, c *chain.Chain, from, to int) (analysis.SuggestedFix, bool) {
	if c.Literal == nil && c.Call == nil {
		return analysis.SuggestedFix{}, false
	}
	for _, e := range c.Elems {
		if !pure(pass, e.Expr) {
			return analysis.SuggestedFix{}, false
		}
	}
	el := c.Elems
	order := make([]int, len(el))
	for i := range order {
		order[i] = i
	}
	moved := order[from]
	order = append(order[:from], order[from+1:]...)
	order = append(order[:to], append([]int{moved}, order[to:]...)...)

	units, ok := spans(pass, c)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	var edits []analysis.TextEdit
	for i, j := range order {
		if i != j {
			edits = append(edits, analysis.TextEdit{Pos: units[i].pos, End: units[i].end, NewText: units[j].text})
		}
	}
	return analysis.SuggestedFix{
		Message:   fmt.Sprintf("move %s to where the challenge is taken", el[from].Name),
		TextEdits: edits,
	}, true
}

// unit is the text of one element that moves with it.
type unit struct {
	pos, end token.Pos
	text     []byte
}

// spans cuts the chain's source into one unit per element: whole lines
// (comments above and beside the element included) when every element has
// lines of its own, else the element alone, with no comment among them.
func spans(pass *analysis.Pass, c *chain.Chain) ([]unit, bool) {
	file := fileOf(pass, c.Pos)
	tf := pass.Fset.File(c.Pos)
	if file == nil || tf == nil {
		return nil, false
	}
	var src []byte
	if pass.ReadFile != nil {
		src, _ = pass.ReadFile(tf.Name())
		if len(src) != tf.Size() {
			src = nil
		}
	}
	el := c.Elems
	line := func(p token.Pos) int { return tf.Line(p) }
	var comments []*ast.CommentGroup
	first, last := el[0].Expr.Pos(), el[len(el)-1].Expr.End()
	for _, g := range file.Comments {
		if g.End() > first && g.Pos() < last+token.Pos(lineRest(src, tf, last)) {
			comments = append(comments, g)
		}
	}
	ownLines := src != nil
	for i := 1; i < len(el) && ownLines; i++ {
		if line(el[i].Expr.Pos()) <= line(el[i-1].Expr.End()) {
			ownLines = false
		}
	}
	if !ownLines {
		for _, g := range comments {
			if g.Pos() < last {
				return nil, false // a comment among elements sharing a line
			}
		}
		units := make([]unit, len(el))
		for i, e := range el {
			units[i] = unit{pos: e.Expr.Pos(), end: e.Expr.End(), text: exprText(pass, src, tf, e.Expr)}
		}
		return units, true
	}
	// Whole lines: from the first comment line above the element (after
	// the previous one) to the end of the element's last line.
	units := make([]unit, len(el))
	for i, e := range el {
		start := e.Expr.Pos()
		prevEnd := token.NoPos
		if i > 0 {
			prevEnd = el[i-1].Expr.End()
		}
		for k := len(comments) - 1; k >= 0; k-- {
			g := comments[k]
			if g.End() <= start && (i == 0 || line(g.Pos()) > line(prevEnd)) && line(g.End()) >= line(start)-1 {
				start = g.Pos()
			}
		}
		if i == 0 {
			// the first unit must start its line
			off := tf.Offset(start)
			ls := tf.Offset(tf.LineStart(line(start)))
			if strings.TrimSpace(string(src[ls:off])) != "" {
				return nil, false
			}
		}
		endOff := tf.Offset(e.Expr.End()) + lineRest(src, tf, e.Expr.End())
		rest := strings.TrimSpace(string(src[tf.Offset(e.Expr.End()):endOff]))
		if !strings.HasPrefix(rest, ",") {
			return nil, false // the last element closes its line: ")" or "}" follows
		}
		if r := strings.TrimSpace(rest[1:]); r != "" && !strings.HasPrefix(r, "//") {
			return nil, false
		}
		end := tf.Pos(endOff)
		units[i] = unit{pos: start, end: end, text: append([]byte(nil), src[tf.Offset(start):endOff]...)}
	}
	return units, true
}

// lineRest is the number of bytes from p to the end of its line ("" when
// the source is not at hand).
func lineRest(src []byte, tf *token.File, p token.Pos) int {
	if src == nil {
		return 0
	}
	off := tf.Offset(p)
	n := bytes.IndexByte(src[off:], '\n')
	if n < 0 {
		return len(src) - off
	}
	return n
}

func exprText(pass *analysis.Pass, src []byte, tf *token.File, e ast.Expr) []byte {
	if src != nil {
		return append([]byte(nil), src[tf.Offset(e.Pos()):tf.Offset(e.End())]...)
	}
	var buf bytes.Buffer
	printer.Fprint(&buf, pass.Fset, e)
	return buf.Bytes()
}

func fileOf(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
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
