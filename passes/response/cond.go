package response

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/authchallenge/authchallenge/passes/internal/knowledge"
	"github.com/authchallenge/authchallenge/passes/internal/syntax"
)

// condOf returns the condition on one of f's parameters under which site
// s writes one of the statuses want, or nil when it is written whatever the
// arguments: every constant of those statuses that reaches the write must
// sit under a guard of the same parameter — a bool parameter tested (if
// invalid { … }), or an error parameter compared with sentinels or error
// types (switch err, errors.Is, errors.As, a type switch).
func (m *model) condOf(f *fn, s *siteRec, want Status) *Cond {
	var from []ast.Expr
	for _, e := range s.from {
		if tv, ok := m.info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.Int {
			if v, ok := constant.Int64Val(tv.Value); !ok || statusOfCode(v)&want == 0 {
				continue
			}
		}
		from = append(from, e)
	}
	if len(from) == 0 {
		return nil
	}
	var conds []*Cond
	for _, e := range from {
		if e.Pos() < f.body.Pos() || e.End() > f.body.End() {
			return nil // a status from outside the function (a package table)
		}
		c := m.guard(f, e)
		if c == nil {
			return nil
		}
		conds = append(conds, c)
	}
	return mergeConds(conds)
}

// mergeConds merges conditions on one parameter (nil if they are on
// different parameters or of different kinds).
func mergeConds(conds []*Cond) *Cond {
	if len(conds) == 0 {
		return nil
	}
	out := &Cond{Param: conds[0].Param, Bool: conds[0].Bool}
	for _, c := range conds {
		if c.Param != out.Param || (len(c.Errors) == 0) != (len(conds[0].Errors) == 0) || (len(c.Errors) == 0 && c.Bool != out.Bool) {
			return nil
		}
		for _, e := range c.Errors {
			if !slices.Contains(out.Errors, e) {
				out.Errors = append(out.Errors, e)
			}
		}
	}
	slices.Sort(out.Errors)
	return out
}

// guard returns the innermost condition on a parameter that guards e in f.
func (m *model) guard(f *fn, e ast.Expr) *Cond {
	file := syntax.FileOf(m.pass.Files, e.Pos())
	if file == nil {
		return nil
	}
	path, _ := astutil.PathEnclosingInterval(file, e.Pos(), e.End())
	for i, n := range path {
		if n == f.body {
			return nil
		}
		if i == 0 {
			continue
		}
		child := path[i-1]
		switch n := n.(type) {
		case *ast.IfStmt:
			if child == n.Body {
				if c := m.condExpr(f, n.Cond, true); c != nil {
					return c
				}
			}
		case *ast.CaseClause:
			if n.List == nil || inList(n.List, child) {
				continue // default clause, or e is a case expression
			}
			if c := m.caseCond(f, n, path[i+1:]); c != nil {
				return c
			}
		case *ast.FuncLit:
			return nil
		}
	}
	return nil
}

// caseCond returns the condition a case clause of a switch (the first
// switch statement of rest) puts on a parameter.
func (m *model) caseCond(f *fn, cc *ast.CaseClause, rest []ast.Node) *Cond {
	for _, n := range rest {
		switch sw := n.(type) {
		case *ast.BlockStmt:
			continue
		case *ast.SwitchStmt:
			if sw.Tag == nil {
				var conds []*Cond
				for _, x := range cc.List {
					c := m.condExpr(f, x, true)
					if c == nil {
						return nil
					}
					conds = append(conds, c)
				}
				return mergeConds(conds)
			}
			i := m.paramIndex(f, sw.Tag)
			if i == 0 {
				return nil
			}
			c := &Cond{Param: i}
			for _, x := range cc.List {
				name := m.sentinel(x)
				if name == "" {
					return nil
				}
				c.Errors = append(c.Errors, name)
			}
			return mergeConds([]*Cond{c})
		case *ast.TypeSwitchStmt:
			var x ast.Expr
			switch a := sw.Assign.(type) {
			case *ast.AssignStmt:
				if len(a.Rhs) == 1 {
					x = a.Rhs[0]
				}
			case *ast.ExprStmt:
				x = a.X
			}
			ta, ok := ast.Unparen(x).(*ast.TypeAssertExpr)
			if !ok {
				return nil
			}
			i := m.paramIndex(f, ta.X)
			if i == 0 {
				return nil
			}
			c := &Cond{Param: i}
			for _, t := range cc.List {
				name := typeName(m.info.TypeOf(t))
				if name == "" {
					return nil
				}
				c.Errors = append(c.Errors, name)
			}
			return mergeConds([]*Cond{c})
		}
		return nil
	}
	return nil
}

// condExpr returns the condition a boolean expression (when it is val)
// puts on one parameter: p, !p, p == X, errors.Is(p, X), errors.As(p, &t),
// and disjunctions of these.
func (m *model) condExpr(f *fn, e ast.Expr, val bool) *Cond {
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.Ident:
		if i := m.paramIndex(f, x); i > 0 && isBool(m.info.TypeOf(x)) {
			return &Cond{Param: i, Bool: val}
		}
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			return m.condExpr(f, x.X, !val)
		}
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LOR:
			if !val {
				return nil
			}
			a, b := m.condExpr(f, x.X, true), m.condExpr(f, x.Y, true)
			if a == nil || b == nil {
				return nil
			}
			return mergeConds([]*Cond{a, b})
		case token.EQL, token.NEQ:
			if x.Op == token.NEQ {
				val = !val
			}
			if tv, ok := m.info.Types[x.Y]; ok && tv.Value != nil && tv.Value.Kind() == constant.Bool {
				return m.condExpr(f, x.X, val == constant.BoolVal(tv.Value))
			}
			if !val {
				return nil
			}
			if i := m.paramIndex(f, x.X); i > 0 {
				if name := m.sentinel(x.Y); name != "" {
					return &Cond{Param: i, Errors: []string{name}}
				}
			}
		}
	case *ast.CallExpr:
		fun, ok := m.calleeObj(x).(*types.Func)
		if !ok || !val || len(x.Args) != 2 {
			return nil
		}
		match := knowledge.ErrorMatch[memberOf(fun)]
		if match == 0 {
			return nil
		}
		i := m.paramIndex(f, x.Args[0])
		if i == 0 {
			return nil
		}
		switch match {
		case knowledge.MatchIs:
			if name := m.sentinel(x.Args[1]); name != "" {
				return &Cond{Param: i, Errors: []string{name}}
			}
		case knowledge.MatchAs:
			if p, ok := m.info.TypeOf(x.Args[1]).(*types.Pointer); ok {
				if name := typeName(p.Elem()); name != "" {
					return &Cond{Param: i, Errors: []string{name}}
				}
			}
		}
	}
	return nil
}

func inList(list []ast.Expr, n ast.Node) bool {
	for _, x := range list {
		if ast.Node(x) == n {
			return true
		}
	}
	return false
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}

// paramIndex returns the 1-based index of the parameter e names (0: none).
func (m *model) paramIndex(f *fn, e ast.Expr) int {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return 0
	}
	v, ok := m.info.Uses[id].(*types.Var)
	if !ok {
		return 0
	}
	return f.params[v]
}

// sentinel names a package-level error variable ("path.Name"), or "".
func (m *model) sentinel(e ast.Expr) string {
	var id *ast.Ident
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	default:
		return ""
	}
	v, ok := m.info.Uses[id].(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return ""
	}
	return v.Pkg().Path() + "." + v.Name()
}

// typeName names a named error type (through a pointer) as "path.Name".
func typeName(t types.Type) string {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	return n.Obj().Pkg().Path() + "." + n.Obj().Name()
}

// meets reports whether the arguments of a call can meet a callee's
// condition. A nil condition is always met; an argument whose origin the
// model cannot see does not meet it (precision first).
func (m *model) meets(f *fn, c *Cond, call *ast.CallExpr) bool {
	if c == nil {
		return true
	}
	i := c.Param - 1
	if i < 0 || i >= len(call.Args) {
		return false
	}
	arg := call.Args[i]
	if len(c.Errors) == 0 {
		tv, ok := m.info.Types[arg]
		return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value) == c.Bool
	}
	for _, name := range m.errorNames(arg, 0) {
		if slices.Contains(c.Errors, name) {
			return true
		}
		if lib, ok := strings.CutSuffix(name, anyError); ok {
			for _, e := range c.Errors {
				if strings.HasPrefix(e, lib+".") && !strings.Contains(e[len(lib)+1:], "/") {
					return true // one of that library's errors
				}
			}
		}
	}
	return false
}

// unread: a library the analysis does not read (knowledge.Unread); none
// under nogo, which gives no module.
func (m *model) unread(pkg *types.Package) bool {
	if m.pass.Module == nil {
		return false
	}
	return knowledge.Unread(pkg, m.pass.Module.Path)
}

// anyError, after a package path, names every error of a library the
// analysis does not read, as Errors lists it.
const anyError = ".*"

// errorNames returns the sentinels and error types an error argument may
// be, through wrapping and local variables.
func (m *model) errorNames(e ast.Expr, depth int) []string {
	if depth > maxValueDepth {
		return nil
	}
	e = ast.Unparen(e)
	if name := m.sentinel(e); name != "" {
		return []string{name}
	}
	switch x := e.(type) {
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			if name := typeName(m.info.TypeOf(x.X)); name != "" {
				return []string{name}
			}
		}
	case *ast.CompositeLit:
		if name := typeName(m.info.TypeOf(x)); name != "" {
			return []string{name}
		}
	case *ast.Ident:
		v, ok := m.info.Uses[x].(*types.Var)
		if !ok {
			return nil
		}
		var out []string
		for _, val := range m.assigns[v] {
			out = append(out, m.errorNames(val, depth+1)...)
		}
		return out
	case *ast.CallExpr:
		fun, ok := m.calleeObj(x).(*types.Func)
		if !ok {
			return nil
		}
		if g := m.byObj[fun.Origin()]; g != nil {
			m.use(g)
			return g.sum.Errors
		}
		if fact := m.imported(fun.Origin()); fact != nil {
			return fact.Errors
		}
		if isInterfaceMethod(fun) {
			var out []string
			for _, impl := range m.implsOf(fun) {
				if g := m.byObj[impl.Origin()]; g != nil {
					m.use(g)
					out = append(out, g.sum.Errors...)
				} else if fact := m.imported(impl.Origin()); fact != nil {
					out = append(out, fact.Errors...)
				}
			}
			return out
		}
		if m.unread(fun.Pkg()) {
			// a library the analysis does not read (a JWT library's
			// Parse): any of its errors
			return []string{fun.Pkg().Path() + anyError}
		}
		if fun.Pkg() != nil && (fun.Name() == "Errorf" || knowledge.ErrorPackage(fun.Pkg().Path())) {
			var out []string
			for _, a := range x.Args {
				if isError(m.info.TypeOf(a)) {
					out = append(out, m.errorNames(a, depth+1)...)
				}
			}
			return out
		}
	}
	return nil
}
