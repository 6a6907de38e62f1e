package failure

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/authchallenge/authchallenge/passes/chain"
	"github.com/authchallenge/authchallenge/passes/internal/ir"
)

// FuncValues is a fact on a named func type (type AuthFunc func(ctx)
// (ctx, error)): what the function values its package converts to it do
// with credentials, so that a call through a value of the type in another
// package is resolved as an interface call is through its implementations.
type FuncValues struct {
	// Class, Origin and Header: the credentials every known value reads
	// from the request or context it is given.
	Class  chain.Class
	Origin Origin
	Header string
	// Mixed: some value reads none, or is one the model cannot see (a
	// bound method, a value of another func type): a call of the type is
	// no check.
	Mixed bool
}

// AFact marks FuncValues as a fact.
func (*FuncValues) AFact() {}

func (v *FuncValues) String() string {
	if v.Mixed {
		return "function values: not all read credentials"
	}
	return "function values read " + v.Class.String() + " credentials (" + v.Origin.String() + ")"
}

// funcVals is what the package converts to one named func type.
type funcVals struct {
	fns     []*ssa.Function
	unknown bool
}

// funcTypeName: the named func type of a value's type, or nil.
func funcTypeName(t types.Type) *types.TypeName {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return nil
	}
	if _, ok := n.Underlying().(*types.Signature); !ok {
		return nil
	}
	return n.Origin().Obj()
}

// funcValue: the function a value is (a declared function or a closure),
// or nil.
func funcValue(v ssa.Value) *ssa.Function {
	switch x := v.(type) {
	case *ssa.Function:
		return x
	case *ssa.MakeClosure:
		f, _ := x.Fn.(*ssa.Function)
		return f
	}
	return nil
}

// collectFuncValues finds the function values the package converts to
// named func types (a closure returned as an AuthFunc, AuthFunc(check)).
func (m *model) collectFuncValues() {
	for _, fn := range m.prog.Funcs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				ct, ok := in.(*ssa.ChangeType)
				if !ok {
					continue
				}
				tn := funcTypeName(ct.Type())
				if tn == nil || funcTypeName(ct.X.Type()) == tn {
					continue
				}
				if c, ok := ct.X.(*ssa.Const); ok && c.IsNil() {
					continue
				}
				fv := m.funcVals[tn]
				if fv == nil {
					fv = &funcVals{}
					m.funcVals[tn] = fv
				}
				if f := funcValue(ct.X); f != nil && m.sums[f] != nil {
					fv.fns = append(fv.fns, f)
				} else {
					fv.unknown = true
				}
			}
		}
	}
}

// funcTypeSource: the credentials every known value of a named func type
// reads (nil: not every one reads credentials, or none is known).
func (m *model) funcTypeSource(tn *types.TypeName) *source {
	var s *source
	if f := m.typeFacts[tn]; f != nil {
		if f.Mixed {
			return nil
		}
		s = &source{class: f.Class, origin: f.Origin, header: f.Header}
	}
	fv := m.funcVals[tn]
	if fv == nil {
		return s
	}
	if fv.unknown {
		return nil
	}
	return m.valuesSource(s, fv.fns)
}

// valuesSource merges what the functions read into s; nil when one reads
// no credentials.
func (m *model) valuesSource(s *source, fns []*ssa.Function) *source {
	for _, f := range fns {
		r := m.sums[f].reads
		if r == nil {
			return nil
		}
		s = stronger(s, &source{class: r.class, origin: r.origin, header: r.header})
	}
	return s
}

// dynamic: a call through a function value handed the request or the
// call's context is a check of what every known value reads: the values
// converted to its named func type, or those the package's callers hand
// the parameter it is.
func (m *model) dynamic(st *fstate, v *ssa.Call) {
	c := v.Common()
	if c.IsInvoke() || !takesRequest(c) {
		return
	}
	for _, a := range c.Args {
		if st.cred[a] != nil || st.addr[ir.Origin(a)] != nil {
			return // handed a credential: what it checks is the caller's business
		}
	}
	var s *source
	if tn := funcTypeName(c.Value.Type()); tn != nil {
		s = m.funcTypeSource(tn)
	} else {
		s = m.paramSource(c.Value)
	}
	if s == nil {
		return
	}
	sig := &Signal{Kind: Rejected, Class: s.class, Origin: s.origin, Header: s.header, Pos: v.Pos()}
	m.outcomes(st, v, sig, true)
}

// exportFuncValues exports what the values of the package's own named
// func types read.
func (m *model) exportFuncValues() {
	for tn, fv := range m.funcVals {
		if tn.Pkg() != m.pass.Pkg {
			continue
		}
		f := &FuncValues{Mixed: true}
		if s := m.funcTypeSource(tn); s != nil && len(fv.fns) > 0 {
			f = &FuncValues{Class: s.class, Origin: s.origin, Header: s.header}
		}
		m.pass.ExportObjectFact(tn, f)
	}
}

// handFunc notes the function value a call of this package hands
// parameter i of a callee of this package (of an unnamed func type).
func (m *model) handFunc(sum *summary, i int, a ssa.Value) {
	f := funcValue(a)
	if f == nil || m.sums[f] == nil {
		if !sum.fnUnknown[i] {
			sum.fnUnknown[i] = true
			m.changed = true
		}
		return
	}
	for _, g := range sum.fnArgs[i] {
		if g == f {
			return
		}
	}
	sum.fnArgs[i] = append(sum.fnArgs[i], f)
	m.changed = true
}

// paramSource: what the functions the package's callers hand a parameter
// of an unnamed func type read (the value called is the parameter, or a
// closure's capture of it).
func (m *model) paramSource(v ssa.Value) *source {
	v = ir.Origin(v)
	if fv, ok := v.(*ssa.FreeVar); ok {
		if b := ir.Binding(fv); b != nil {
			v = ir.Origin(b)
		}
	}
	p, ok := v.(*ssa.Parameter)
	if !ok || p.Parent() == nil || m.sums[p.Parent()] == nil {
		return nil
	}
	fn := p.Parent()
	sum := m.sums[fn]
	for i, q := range fn.Params {
		if q == p && len(sum.fnArgs[i]) > 0 && !sum.fnUnknown[i] {
			return m.valuesSource(nil, sum.fnArgs[i])
		}
	}
	return nil
}
