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
	"go/format"
	"go/printer"
	"go/token"
	"path/filepath"
	"strings"

	"github.com/authchallenge/authchallenge/passes/internal/ruleid"

	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/authchallenge/authchallenge/passes/chain"
	"github.com/authchallenge/authchallenge/passes/config"
	"github.com/authchallenge/authchallenge/passes/failure"
	"github.com/authchallenge/authchallenge/passes/internal/ir"
	"github.com/authchallenge/authchallenge/passes/internal/report"
	"github.com/authchallenge/authchallenge/passes/internal/syntax"
)

//go:embed doc.md
var doc string

// Name is the rule ID.
const Name = ruleid.ChainOrder

// New returns the rule reading cfg, the chain model ch and the failure
// model fail.
func New(cfg, ch, fail *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     Name,
		Doc:      doc,
		URL:      "https://github.com/authchallenge/authchallenge/blob/main/passes/chainorder/doc.md",
		Requires: []*analysis.Analyzer{cfg, ch, fail, ir.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			run(pass, pass.ResultOf[cfg].(*config.Config), pass.ResultOf[ch].(*chain.Result),
				authenticates(pass, pass.ResultOf[fail].(*failure.Result), pass.ResultOf[ir.Analyzer].(*ir.IR)))
			return nil, nil
		},
	}
}

// Analyzer is the chainorder rule with the shared configuration.
var Analyzer = New(config.Analyzer, chain.Analyzer, failure.Analyzer)

// authenticates returns whether a middleware of a stack may authenticate:
// false only for middleware of this package known to read no credentials
// (it authorizes an identity an earlier one set: a role, a tenant).
func authenticates(pass *analysis.Pass, fail *failure.Result, prog *ir.IR) func(ast.Expr) bool {
	return func(e ast.Expr) bool {
		if prog == nil || prog.Pkg == nil {
			return true
		}
		var obj types.Object
		switch x := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			obj = typeutil.Callee(pass.TypesInfo, x)
		case *ast.Ident:
			obj = pass.TypesInfo.Uses[x]
		case *ast.SelectorExpr:
			obj = pass.TypesInfo.Uses[x.Sel]
		}
		fn, ok := obj.(*types.Func)
		if !ok || fn.Pkg() != pass.Pkg {
			return true
		}
		return !fail.ReadsNoCredentials(prog.Pkg.Prog.FuncValue(fn.Origin()))
	}
}

func run(pass *analysis.Pass, cfg *config.Config, model *chain.Result, authn func(ast.Expr) bool) {
	rep := report.New(pass, cfg, Name)
	for _, c := range model.Chains {
		if c.Middleware {
			middleware(pass, rep, c, authn)
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

func middleware(pass *analysis.Pass, rep *report.Reporter, c *chain.Chain, authn func(ast.Expr) bool) {
	for i, e := range c.Elems {
		// Only an authenticator turns another scheme's requests away:
		// middleware that authorizes an identity set before it (a
		// tenant or a role check) reads no credentials, so what it
		// rejects is not a request whose credentials it could not read.
		if e.Class != chain.Less || !authn(e.Expr) {
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
// for a literal or a single call whose elements have no side effects and
// whose comments can move with them (see moves).
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

	edits, ok := moves(pass, c, order)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	return analysis.SuggestedFix{
		Message:   fmt.Sprintf("move %s to where the challenge is taken", el[from].Name),
		TextEdits: edits,
	}, true
}

// moves writes the permutation as edits of the elements and of their
// comments, never of the indentation (so the file's layout stays as it is).
// Each element's comment — the one beside it, the one-line comment above it
// — moves with it; when only some elements have one, nothing can move
// exactly and no fix is offered. Elements with comments are laid out again
// by aligned; the others are swapped in place.
func moves(pass *analysis.Pass, c *chain.Chain, order []int) ([]analysis.TextEdit, bool) {
	file := syntax.FileOf(pass.Files, c.Pos)
	if file == nil {
		return nil, false
	}
	el := c.Elems
	line := func(p token.Pos) int { return pass.Fset.Position(p).Line }
	open, closing := token.NoPos, token.NoPos
	switch {
	case c.Literal != nil:
		open, closing = c.Literal.Lbrace, c.Literal.Rbrace
	case c.Call != nil:
		open, closing = c.Call.Lparen, c.Call.Rparen
	}
	first, last := el[0].Expr.Pos(), el[len(el)-1].Expr.End()
	var among []*ast.CommentGroup
	for _, g := range file.Comments {
		if g.Pos() > open && g.End() < closing && g.End() > open {
			among = append(among, g)
		}
	}
	ownLines := true
	for i := 1; i < len(el); i++ {
		if line(el[i].Expr.Pos()) <= line(el[i-1].Expr.End()) {
			ownLines = false
		}
	}
	if ownLines && line(closing) <= line(last) {
		ownLines = false // the closer shares the last element's line
	}
	lead := make([]*ast.CommentGroup, len(el))
	trail := make([]*ast.CommentGroup, len(el))
	for _, g := range among {
		placed := false
		for i, e := range el {
			switch {
			case g.Pos() >= e.Expr.Pos() && g.End() <= e.Expr.End():
				placed = true // inside the element: it moves with it
			case ownLines && g.Pos() > e.Expr.End() && line(g.Pos()) == line(e.Expr.End()) && trail[i] == nil:
				trail[i], placed = g, true
			case ownLines && g.End() < e.Expr.Pos() && line(g.End()) == line(e.Expr.Pos())-1 && lead[i] == nil &&
				line(g.Pos()) == line(g.End()) && len(g.List) == 1 && (i == 0 || line(g.Pos()) > line(el[i-1].Expr.End())):
				lead[i], placed = g, true
			}
			if placed {
				break
			}
		}
		if !placed && g.Pos() < last && g.End() > first {
			return nil, false // a comment among the elements that belongs to none
		}
	}
	if !allOrNone(lead) || !allOrNone(trail) {
		return nil, false
	}
	if ownLines && (lead[0] != nil || trail[0] != nil) {
		return aligned(pass, c, order, lead, trail)
	}
	var edits []analysis.TextEdit
	for i, j := range order {
		if i == j {
			continue
		}
		edits = append(edits, analysis.TextEdit{Pos: el[i].Expr.Pos(), End: el[i].Expr.End(), NewText: exprText(pass, file, el[j].Expr)})
	}
	return edits, true
}

// aligned writes the permutation of elements that sit on lines of their
// own with their comments. gofmt aligns the comments at the end of the
// lines by the widest element of a run of lines (and breaks the run where
// sizes differ a lot), so moving an element changes the padding of the
// lines around it: the element lines are laid out again by go/format, in a
// small file that holds them alone, line for line as the file has them
// (blank lines included), and each line's text is replaced after its
// indentation, which stays as the file has it. Elements spanning several
// lines have indentation of their own to carry: no fix is offered then.
func aligned(pass *analysis.Pass, c *chain.Chain, order []int, lead, trail []*ast.CommentGroup) ([]analysis.TextEdit, bool) {
	file := syntax.FileOf(pass.Files, c.Pos)
	el := c.Elems
	line := func(p token.Pos) int { return pass.Fset.Position(p).Line }
	start := func(i int) token.Pos {
		if lead[i] != nil {
			return lead[i].Pos()
		}
		return el[i].Expr.Pos()
	}
	end := func(i int) token.Pos {
		if trail[i] != nil {
			return trail[i].End()
		}
		return el[i].Expr.End()
	}
	open, closing := "x{", "}"
	if c.Literal == nil {
		open, closing = "f(", ")"
	}
	var src bytes.Buffer
	src.WriteString("package p\n\nvar _ = " + open + "\n")
	texts := make([][]byte, len(el))
	for i, e := range el {
		if line(e.Expr.Pos()) != line(e.Expr.End()) {
			return nil, false
		}
		texts[i] = exprText(pass, file, e.Expr)
		if bytes.ContainsRune(texts[i], '\n') {
			return nil, false
		}
	}
	for i, j := range order {
		if i > 0 && line(start(i))-line(end(i-1)) > 1 {
			src.WriteString("\n") // a blank line ends a run of aligned comments
		}
		if lead[j] != nil {
			src.WriteString("\t" + lead[j].List[0].Text + "\n")
		}
		src.WriteString("\t")
		src.Write(texts[j])
		src.WriteString(",")
		if trail[j] != nil {
			src.WriteString(" " + trail[j].List[0].Text)
		}
		src.WriteString("\n")
	}
	src.WriteString(closing + "\n")
	out, err := format.Source(src.Bytes())
	if err != nil {
		return nil, false
	}
	// The lines between the opening and the closing line, without the
	// blank ones: for each element, its lead comment's line if it has one,
	// then its own line.
	var lines []string
	for _, l := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(l, "\t") && strings.TrimSpace(l) != "" {
			lines = append(lines, strings.TrimLeft(l, "\t"))
		}
	}
	var edits []analysis.TextEdit
	for i, j := range order {
		if lead[j] != nil {
			if len(lines) == 0 {
				return nil, false
			}
			if i != j {
				edits = append(edits, analysis.TextEdit{Pos: lead[i].Pos(), End: lead[i].End(), NewText: []byte(lines[0])})
			}
			lines = lines[1:]
		}
		if len(lines) == 0 {
			return nil, false
		}
		text := lines[0]
		lines = lines[1:]
		if trail[i] == nil {
			// The edit ends with the element; the comma after it stays.
			if i != j {
				edits = append(edits, analysis.TextEdit{Pos: el[i].Expr.Pos(), End: el[i].Expr.End(), NewText: texts[j]})
			}
			continue
		}
		// The element, its comma, the padding and its comment: rewritten
		// unless the line keeps its element and its padding.
		pad := pass.Fset.Position(trail[i].Pos()).Offset - pass.Fset.Position(el[i].Expr.End()).Offset
		if i == j && int(el[i].Expr.End()-el[i].Expr.Pos()) == len(texts[i]) &&
			strings.HasPrefix(text, string(texts[i])+","+strings.Repeat(" ", pad-1)+"//") {
			continue
		}
		edits = append(edits, analysis.TextEdit{Pos: el[i].Expr.Pos(), End: trail[i].End(), NewText: []byte(text)})
	}
	if len(lines) != 0 {
		return nil, false
	}
	return edits, true
}

// allOrNone reports whether every element has a comment there, or none.
func allOrNone(gs []*ast.CommentGroup) bool {
	n := 0
	for _, g := range gs {
		if g != nil {
			if len(g.List) != 1 {
				return false
			}
			n++
		}
	}
	return n == 0 || n == len(gs)
}

// exprText prints e with the comments inside it.
func exprText(pass *analysis.Pass, file *ast.File, e ast.Expr) []byte {
	var buf bytes.Buffer
	printer.Fprint(&buf, pass.Fset, &printer.CommentedNode{Node: e, Comments: file.Comments})
	return buf.Bytes()
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
