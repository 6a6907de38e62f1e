package chain

import (
	"fmt"
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

// GetterFact marks a method that returns a collection field of its
// receiver (func (c *Chain) Schemes() []Authenticator { return c.schemes }):
// a challenge asked of an element of what it returns is asked of that
// field, the collection the receiver's own methods try.
type GetterFact struct {
	Field string // the field's name
}

// AFact marks GetterFact as a fact.
func (*GetterFact) AFact() {}

func (f *GetterFact) String() string { return "returns its receiver's field " + f.Field }

// getters finds the package's methods that return a collection field of
// their receiver on every path, and exports their facts.
func (m *model) getters() {
	m.gets = make(map[*types.Func]*types.Var)
	for _, fn := range m.ir.Funcs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Signature.Recv() == nil || fn.Signature.Results().Len() != 1 || len(fn.Params) == 0 {
			continue
		}
		if f := getterOf(fn); f != nil {
			m.gets[obj] = f
			m.pass.ExportObjectFact(obj, &GetterFact{Field: f.Name()})
		}
	}
}

// getterOf returns the field of its receiver (fn.Params[0]) that fn
// returns on every path: a slice, array or map field.
func getterOf(fn *ssa.Function) *types.Var {
	var field *types.Var
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		pl := ir.PlaceOf(ret.Results[0])
		if pl.Field == nil || (field != nil && pl.Field != field) || !isCollection(pl.Field.Type()) {
			return nil
		}
		field = pl.Field
	}
	return field
}

// gotFrom resolves a collection read from a getter's result to the field
// the getter returns (this package's getters, or by fact); other places
// are returned as they are.
func (m *model) gotFrom(p ir.Place) ir.Place {
	call, ok := p.Value.(*ssa.Call)
	if !ok || p.Field != nil || p.Global != nil || p.Param != nil {
		return p
	}
	callee := call.Common().StaticCallee()
	if callee == nil {
		return p
	}
	obj, ok := callee.Object().(*types.Func)
	if !ok {
		return p
	}
	if f := m.gets[obj]; f != nil {
		return ir.Place{Field: f}
	}
	var gf GetterFact
	if obj.Pkg() == m.pass.Pkg || !m.pass.ImportObjectFact(obj, &gf) {
		return p
	}
	recv := obj.Signature().Recv()
	if recv == nil {
		return p
	}
	if st, ok := derefType(recv.Type()).Underlying().(*types.Struct); ok {
		for i := 0; i < st.NumFields(); i++ {
			if st.Field(i).Name() == gf.Field {
				return ir.Place{Field: st.Field(i)}
			}
		}
	}
	return p
}

// AskFact marks an exported function that asks its parameter for the
// challenge, directly or through an optional interface (ChallengeFor(a,
// r) asking a.(Challenger).Challenge(r)): a call of it is a lookup of the
// argument given. Iface and Method name the challenge method, of an
// interface of the function's package.
type AskFact struct {
	Param  int
	Iface  string
	Method string
}

// AFact marks AskFact as a fact.
func (*AskFact) AFact() {}

func (f *AskFact) String() string {
	return fmt.Sprintf("asks param %d for its %s.%s", f.Param, f.Iface, f.Method)
}
