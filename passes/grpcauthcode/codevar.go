package grpcauthcode

import (
	"go/ast"
	"go/constant"
	"go/types"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/authchallenge/authchallenge/passes/failure"
	"github.com/authchallenge/authchallenge/passes/internal/ir"
	"github.com/authchallenge/authchallenge/passes/internal/knowledge"
)

// assigned is an assignment of PermissionDenied to a code variable, on the
// failure path sig.
type assigned struct {
	expr ast.Expr
	sig  *failure.Signal
}

// variableCodes follows a status call's code when it is a local variable
// (code := codes.Unauthenticated; on an expired token, code =
// codes.PermissionDenied): the values it may hold at the call are the edges
// of a phi, and each PermissionDenied edge comes from the block that
// assigned it. When the call answers on a failure path, or every such block
// is on one, each assignment of PermissionDenied to the variable is
// returned; otherwise, or when the assignments and the edges cannot be
// paired, none (precision first).
func variableCodes(pass *analysis.Pass, prog *ir.IR, fail *failure.Result, stack []ast.Node, call *ast.CallExpr) []assigned {
	id, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Parent() == nil || v.Parent() == v.Pkg().Scope() || !isCode(v.Type()) {
		return nil
	}
	var fnNode ast.Node
	for i := len(stack) - 1; i >= 0 && fnNode == nil; i-- {
		switch stack[i].(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			fnNode = stack[i]
		}
	}
	fn := prog.Func(fnNode)
	if fn == nil {
		return nil
	}
	var c *ssa.Call
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if x, ok := in.(*ssa.Call); ok && x.Pos() == call.Lparen && len(x.Call.Args) > 0 {
				c = x
			}
		}
	}
	if c == nil {
		return nil
	}
	// the blocks the PermissionDenied edges come from
	var blocks []*ssa.BasicBlock
	seen := make(map[ssa.Value]bool)
	var walk func(x ssa.Value, from *ssa.BasicBlock)
	walk = func(x ssa.Value, from *ssa.BasicBlock) {
		switch x := x.(type) {
		case *ssa.Const:
			if isDeniedConst(x) {
				blocks = append(blocks, from)
			}
		case *ssa.Phi:
			if seen[x] {
				return
			}
			seen[x] = true
			for i, e := range x.Edges {
				walk(e, x.Block().Preds[i])
			}
		}
	}
	walk(c.Call.Args[0], c.Block())
	if len(blocks) == 0 {
		return nil
	}
	sort.Slice(blocks, func(i, j int) bool { return blocks[i].Index < blocks[j].Index })
	// answered on a failure path, each PermissionDenied the variable may
	// hold there answers it; elsewhere, each must have been assigned on one
	at := fail.Block(c.Block())
	var sigs []*failure.Signal
	for i, b := range blocks {
		if i > 0 && blocks[i-1] == b {
			continue
		}
		s := at
		if !reportable(s) {
			s = fail.Block(b)
		}
		if !reportable(s) {
			return nil // PermissionDenied held on a path that is no failure
		}
		sigs = append(sigs, s)
	}
	// the assignments of PermissionDenied to the variable
	var exprs []ast.Expr
	ast.Inspect(fnNode, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return n == fnNode
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				return true
			}
			for i, l := range n.Lhs {
				if lid, ok := ast.Unparen(l).(*ast.Ident); ok && pass.TypesInfo.ObjectOf(lid) == v && isPermissionDenied(pass, n.Rhs[i]) {
					exprs = append(exprs, n.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if i < len(n.Values) && pass.TypesInfo.Defs[name] == v && isPermissionDenied(pass, n.Values[i]) {
					exprs = append(exprs, n.Values[i])
				}
			}
		}
		return true
	})
	if len(exprs) != len(sigs) {
		return nil
	}
	sort.Slice(exprs, func(i, j int) bool { return exprs[i].Pos() < exprs[j].Pos() })
	out := make([]assigned, len(exprs))
	for i, e := range exprs {
		out[i] = assigned{e, sigs[i]}
	}
	return out
}

func isDeniedConst(c *ssa.Const) bool {
	if c.Value == nil || !isCode(c.Type()) {
		return false
	}
	return c.Value.Kind() == constant.Int && c.Int64() == permissionDenied
}

// isCode: the type is grpc's codes.Code.
func isCode(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && knowledge.NamedOf(n) == knowledge.CodeType
}
