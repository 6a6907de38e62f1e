package chain

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/authchallenge/authchallenge/passes/internal/ir"
)

// PickFact marks a function that returns the element of one of its
// parameters at a fixed position (a generic Head(xs), First(auths)): a
// challenge asked of what it returns is asked of that position of the
// collection passed.
type PickFact struct {
	Param int  // the parameter's index
	Last  bool // xs[len(xs)-1]; otherwise xs[0]
}

// AFact marks PickFact as a fact.
func (*PickFact) AFact() {}

func (f *PickFact) String() string {
	if f.Last {
		return "returns the last element of its collection"
	}
	return "returns the first element of its collection"
}

// pickers finds the package's functions that return a parameter's element
// at a fixed position, on every path that returns an element (the others
// return a zero value, for an empty collection), and exports their facts.
func (m *model) pickers() {
	m.picks = make(map[*types.Func]*PickFact)
	for _, fn := range m.ir.Funcs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Signature.Results().Len() != 1 {
			continue
		}
		if f := pickOf(fn); f != nil {
			m.picks[obj] = f
			m.pass.ExportObjectFact(obj, f)
		}
	}
}

func pickOf(fn *ssa.Function) *PickFact {
	var found *PickFact
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		elems, others := ir.Elements(ret.Results[0])
		for _, o := range others {
			if _, zero := o.(*ssa.Const); !zero {
				return nil
			}
		}
		for _, e := range elems {
			f := pickFact(fn, e)
			if f == nil || found != nil && *found != *f {
				return nil
			}
			found = f
		}
	}
	return found
}

// pickFact says which parameter's element at which fixed position e is.
func pickFact(fn *ssa.Function, e ir.Elem) *PickFact {
	if e.Coll.Param == nil || e.Coll.Func != fn {
		return nil
	}
	f := &PickFact{Param: -1}
	for i, p := range fn.Params {
		if p.Object() == e.Coll.Param {
			f.Param = i
		}
	}
	switch {
	case f.Param < 0:
		return nil
	case e.Kind == ir.Fixed && e.K == 0:
	case e.Kind == ir.FromEnd && e.K == 1:
		f.Last = true
	default:
		return nil
	}
	return f
}

// picked reports whether v is the result of a call of a function that
// returns an element of its argument at a fixed position (in this package
// or, through its fact, another), and which.
func (m *model) picked(v ssa.Value) (kind PolicyKind, el ir.Elem, ok bool) {
	call, isCall := v.(*ssa.Call)
	if !isCall {
		return 0, ir.Elem{}, false
	}
	callee := call.Call.StaticCallee()
	if callee == nil {
		return 0, ir.Elem{}, false
	}
	if o := callee.Origin(); o != nil {
		callee = o
	}
	obj, isFunc := callee.Object().(*types.Func)
	if !isFunc {
		return 0, ir.Elem{}, false
	}
	f := m.picks[obj]
	if f == nil && obj.Pkg() != m.pass.Pkg {
		var imported PickFact
		if m.pass.ImportObjectFact(obj, &imported) {
			f = &imported
		}
	}
	if f == nil || f.Param >= len(call.Call.Args) {
		return 0, ir.Elem{}, false
	}
	el = ir.Elem{Coll: ir.PlaceOf(call.Call.Args[f.Param]), Kind: ir.Fixed, Instr: call}
	kind = First
	if f.Last {
		el.Kind, el.K, kind = ir.FromEnd, 1, Last
	}
	return kind, el, true
}
