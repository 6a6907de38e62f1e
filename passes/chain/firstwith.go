package chain

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/authchallenge/authchallenge/passes/internal/syntax"
)

// firstWith reports whether the challenge call at call (in fn) asks every
// element of a loop in turn and stops at the first whose challenge is not
// empty:
//
//	for _, a := range auths {
//		if c := a.Challenge(); c != "" {
//			w.Header().Set("WWW-Authenticate", c)
//			break
//		}
//	}
//
// That is the first challenge-bearing scheme of the chain, whatever failed.
// A loop that also tries the element (calls another of its methods) asks
// the scheme it is trying, and a loop that does not stop at the first
// challenge asks every scheme: neither is positional.
func (m *model) firstWith(fn *ssa.Function, call *ast.CallExpr, method *types.Func) bool {
	syn := fn.Syntax()
	if syn == nil || call == nil {
		return false
	}
	path, _ := astutil.PathEnclosingInterval(syntax.FileOf(m.pass.Files, syn.Pos()), call.Pos(), call.End())
	var loop *ast.RangeStmt
	for _, n := range path {
		if r, ok := n.(*ast.RangeStmt); ok {
			loop = r
			break
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
	}
	if loop == nil || loop.Value == nil {
		return false
	}
	info := m.pass.TypesInfo
	elem, _ := info.ObjectOf(identOf(loop.Value)).(*types.Var)
	if elem == nil {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || info.ObjectOf(identOf(sel.X)) != elem {
		return false
	}
	// The challenge's holder: the call itself, or the variable it is
	// assigned to.
	var holder types.Object
	for i, n := range path {
		if as, ok := n.(*ast.AssignStmt); ok && i > 0 && len(as.Lhs) == 1 && len(as.Rhs) == 1 && ast.Unparen(as.Rhs[0]) == call {
			holder = info.ObjectOf(identOf(as.Lhs[0]))
			break
		}
	}
	tries := false
	ast.Inspect(loop.Body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if s, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && info.ObjectOf(identOf(s.X)) == elem && x != call {
				if f, ok := info.ObjectOf(s.Sel).(*types.Func); ok && f.Name() != method.Name() {
					tries = true // the loop tries the scheme it asks
				}
			}
		}
		return true
	})
	stops := false
	for _, st := range loop.Body.List {
		if is, ok := st.(*ast.IfStmt); ok && m.notEmpty(is.Cond, call, holder) && leaves(is.Body) {
			stops = true
		}
	}
	return stops && !tries
}

// notEmpty reports a condition that holds when the challenge (the call, or
// the variable holding it) is not empty: c != "", len(c) > 0.
func (m *model) notEmpty(cond ast.Expr, call *ast.CallExpr, holder types.Object) bool {
	info := m.pass.TypesInfo
	is := func(e ast.Expr) bool {
		e = ast.Unparen(e)
		if e == call {
			return true
		}
		return holder != nil && info.ObjectOf(identOf(e)) == holder
	}
	emptyString := func(e ast.Expr) bool {
		tv, ok := info.Types[e]
		return ok && tv.Value != nil && tv.Value.Kind() == constant.String && constant.StringVal(tv.Value) == ""
	}
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	switch b.Op {
	case token.LAND:
		return m.notEmpty(b.X, call, holder) || m.notEmpty(b.Y, call, holder)
	case token.NEQ:
		return is(b.X) && emptyString(b.Y) || is(b.Y) && emptyString(b.X)
	case token.GTR:
		if c, ok := ast.Unparen(b.X).(*ast.CallExpr); ok && len(c.Args) == 1 && is(c.Args[0]) {
			if id, ok := ast.Unparen(c.Fun).(*ast.Ident); ok {
				if _, builtin := info.Uses[id].(*types.Builtin); builtin && id.Name == "len" {
					tv := info.Types[b.Y]
					return tv.Value != nil && constant.Compare(tv.Value, token.EQL, constant.MakeInt64(0))
				}
			}
		}
	}
	return false
}

// leaves reports a block that ends the loop around it: its last statement
// is a break (of that loop) or a return.
func leaves(body *ast.BlockStmt) bool {
	if len(body.List) == 0 {
		return false
	}
	switch s := body.List[len(body.List)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok == token.BREAK && s.Label == nil
	}
	return false
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}
