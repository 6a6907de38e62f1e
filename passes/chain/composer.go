package chain

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/authchallenge/authchallenge/passes/internal/ir"
)

// A composer of your own: a function given middleware (a variadic or slice
// parameter of func(http.Handler) http.Handler) that applies each to the
// handler the one before returned, in a loop — Chain(mws ...Middleware).
// Its calls are middleware stacks in the order the loop makes: a loop from
// the last element down wraps the first outermost (it runs first), a loop
// from the first up wraps the last outermost. Read from the values (SSA):
// the callee of a call in the loop is an element of the parameter, and the
// call's argument is the handler the previous iteration's call returned.

// ComposerFact is the fact that a function composes the middleware it is
// given as parameter Param.
type ComposerFact struct {
	Param int
	// FirstOutermost: the first element wraps the others (runs first).
	FirstOutermost bool
}

// AFact marks ComposerFact as a fact.
func (*ComposerFact) AFact() {}

func (f *ComposerFact) String() string {
	if f.FirstOutermost {
		return "composes middleware, the first outermost"
	}
	return "composes middleware, the last outermost"
}

// composers finds the package's composers and exports their facts.
func (m *model) composers() {
	m.composed = make(map[*types.Func]*ComposerFact)
	for _, fn := range m.ir.Funcs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Parent() != nil {
			continue
		}
		for i, p := range fn.Params {
			if !middlewareSlice(p.Type()) {
				continue
			}
			if first, ok := composes(fn, p, 0); ok {
				f := &ComposerFact{Param: i, FirstOutermost: first}
				m.composed[obj] = f
				m.pass.ExportObjectFact(obj, f)
				break
			}
		}
	}
}

// composer returns the fact of fn (this package's or an import's), or nil.
func (m *model) composer(fn *types.Func) *ComposerFact {
	if f := m.composed[fn.Origin()]; f != nil {
		return f
	}
	var f ComposerFact
	if fn.Pkg() != m.pass.Pkg && m.pass.ImportObjectFact(fn.Origin(), &f) {
		return &f
	}
	return nil
}

// middlewareSlice: a slice of func(http.Handler) http.Handler (named, or
// an alias of it).
func middlewareSlice(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	sig := sigOf(s.Elem())
	return sig != nil && sig.Params().Len() == 1 && handlerParam(sig) == 0
}

// composes looks in fn and the closures it makes for the loop that applies
// the elements of param to a handler; first reports its direction.
func composes(fn *ssa.Function, param *ssa.Parameter, depth int) (first, ok bool) {
	if depth > ir.MaxDepth {
		return false, false
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, isCall := instr.(*ssa.Call)
			if !isCall || call.Call.IsInvoke() || len(call.Call.Args) != 1 {
				continue
			}
			e, isElem := ir.ElementOf(call.Call.Value)
			if !isElem || e.Kind != ir.Varying || e.Coll.Param == nil || e.Coll.Param != param.Object() {
				continue
			}
			if !carried(call.Call.Args[0], call) {
				continue // each applied to the same handler: no stack
			}
			if dir := direction(e.Index); dir != 0 {
				return dir < 0, true
			}
		}
	}
	for _, anon := range fn.AnonFuncs {
		if first, ok := composes(anon, param, depth+1); ok {
			return first, true
		}
	}
	return false, false
}

// carried: v is the handler a previous iteration's call returned (a phi
// of the loop that call flows into).
func carried(v ssa.Value, call *ssa.Call) bool {
	phi, ok := ir.Origin(v).(*ssa.Phi)
	if !ok {
		return false
	}
	for _, e := range phi.Edges {
		if ir.Origin(e) == ssa.Value(call) {
			return true
		}
	}
	return false
}

// direction says how a loop's index moves: +1 up (a range loop, i++), -1
// down (i--), 0 not known.
func direction(idx ssa.Value) int {
	step := func(b *ssa.BinOp, phi ssa.Value) int {
		c, ok := b.Y.(*ssa.Const)
		if !ok || b.X != phi || c.Int64() != 1 {
			return 0
		}
		switch b.Op {
		case token.ADD:
			return 1
		case token.SUB:
			return -1
		}
		return 0
	}
	switch x := ir.Origin(idx).(type) {
	case *ssa.BinOp: // a range loop reads at phi+1
		if phi, ok := x.X.(*ssa.Phi); ok {
			return step(x, phi)
		}
	case *ssa.Phi:
		for _, e := range x.Edges {
			if b, ok := e.(*ssa.BinOp); ok {
				if d := step(b, x); d != 0 {
					return d
				}
			}
		}
	}
	return 0
}

// composedElems returns the middleware a call of a composer stacks, outermost
// first: its arguments from the parameter on, or the elements of the slice
// literal handed with ..., directly or through a local variable assigned
// once.
func (m *model) composedElems(call *ast.CallExpr, f *ComposerFact) ([]ast.Expr, *ast.CompositeLit) {
	if f.Param >= len(call.Args) {
		return nil, nil
	}
	args := call.Args[f.Param:]
	var lit *ast.CompositeLit
	if call.Ellipsis.IsValid() {
		if len(args) != 1 {
			return nil, nil
		}
		lit = m.sliceLiteral(args[0])
		if lit == nil {
			return nil, nil
		}
		args = lit.Elts
	}
	out := append([]ast.Expr(nil), args...)
	if !f.FirstOutermost {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	}
	return out, lit
}

// sliceLiteral returns the slice literal e is, or the one a local variable
// e names was assigned once.
func (m *model) sliceLiteral(e ast.Expr) *ast.CompositeLit {
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return x
	case *ast.Ident:
		v, ok := m.pass.TypesInfo.Uses[x].(*types.Var)
		if !ok || v.Parent() == nil || v.Parent() == m.pass.Pkg.Scope() {
			return nil
		}
		if val := m.singleAssign(v); val != nil {
			lit, _ := ast.Unparen(val).(*ast.CompositeLit)
			return lit
		}
	}
	return nil
}
