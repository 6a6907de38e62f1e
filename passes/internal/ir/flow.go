package ir

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// MaxDepth bounds every walk of the helpers through values (phis of loops,
// chains of conversions): past it a value is its own origin.
const MaxDepth = 16

// Origin follows v back through the operations that keep what it holds:
// type conversions (ChangeType, ChangeInterface, MakeInterface, a
// type assertion), a phi whose edges other than itself all have one origin,
// and a closure's captured variable to the value it was bound to.
func Origin(v ssa.Value) ssa.Value {
	return origin(v, 0, nil)
}

// phiMemo remembers the origin of each phi a walk has resolved; a phi still
// being resolved maps to itself (a cycle of phis, as loops make, which its
// callers skip like a self-reference). Without it, phis that refer to each
// other are walked once per path: exponential in the loop nest.
type phiMemo struct {
	done   map[*ssa.Phi]ssa.Value
	active map[*ssa.Phi]bool
}

func origin(v ssa.Value, depth int, memo *phiMemo) ssa.Value {
	for ; depth < MaxDepth; depth++ {
		switch x := v.(type) {
		case *ssa.ChangeType:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.TypeAssert:
			if x.CommaOk {
				return v
			}
			v = x.X
		case *ssa.UnOp:
			// a load of a captured variable that is stored exactly once
			// (the address is followed in this walk, with its bound and
			// its memo: a fresh walk could cycle through loads of phis)
			a, ok := origin(x.X, depth+1, memo).(*ssa.Alloc)
			if x.Op != token.MUL || !ok {
				return v
			}
			st := soleStore(a)
			if st == nil {
				return v
			}
			v = st
		case *ssa.FreeVar:
			b := Binding(x)
			if b == nil {
				return v
			}
			v = b
		case *ssa.Phi:
			if memo == nil {
				memo = &phiMemo{done: make(map[*ssa.Phi]ssa.Value), active: make(map[*ssa.Phi]bool)}
			}
			if o, ok := memo.done[x]; ok {
				return o
			}
			if memo.active[x] {
				return x // a cycle: the phi that is resolving it skips it
			}
			memo.active[x] = true
			var one ssa.Value
			many := false
			for _, e := range x.Edges {
				o := origin(e, depth+1, memo)
				if p, isPhi := o.(*ssa.Phi); o == x || isPhi && memo.active[p] {
					continue // itself, or a phi of the same cycle
				}
				if one != nil && o != one {
					many = true
					break
				}
				one = o
			}
			delete(memo.active, x)
			if one == nil || many {
				memo.done[x] = x
				return v
			}
			memo.done[x] = one
			v = one
		default:
			return v
		}
	}
	return v
}

// Binding returns the value a closure's captured variable was bound to where
// the closure was made (nil when the closure is made more than once, or
// nowhere the package can see).
func Binding(fv *ssa.FreeVar) ssa.Value {
	fn := fv.Parent()
	idx := -1
	for i, f := range fn.FreeVars {
		if f == fv {
			idx = i
		}
	}
	if idx < 0 || fn.Parent() == nil {
		return nil
	}
	var bound ssa.Value
	for _, b := range fn.Parent().Blocks {
		for _, instr := range b.Instrs {
			mc, ok := instr.(*ssa.MakeClosure)
			if !ok || mc.Fn != fn {
				continue
			}
			if bound != nil {
				return nil
			}
			bound = mc.Bindings[idx]
		}
	}
	return bound // for a variable the closure shares: its *ssa.Alloc
}

// soleStore returns the value stored into addr when exactly one store
// writes it and nothing else takes its address.
func soleStore(addr ssa.Value) ssa.Value {
	refs := addr.Referrers()
	if refs == nil {
		return nil
	}
	var val ssa.Value
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != addr || val != nil {
				return nil
			}
			val = r.Val
		case *ssa.UnOp:
			// a load: fine
		case *ssa.DebugRef:
		default:
			if _, ok := r.(*ssa.MakeClosure); !ok {
				return nil
			}
		}
	}
	return val
}

// Loaded returns the address a value was loaded from (*p), through a
// captured variable to the address it was bound to, or nil.
func Loaded(v ssa.Value) ssa.Value {
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		return Origin(u.X)
	}
	return nil
}

// Field returns the struct field v was read from (x.f through a pointer or
// a value), or nil.
func Field(v ssa.Value) *types.Var {
	v = Origin(v)
	if addr := Loaded(v); addr != nil {
		if fa, ok := addr.(*ssa.FieldAddr); ok {
			return fieldVar(fa.X.Type(), fa.Field)
		}
		return nil
	}
	if f, ok := v.(*ssa.Field); ok {
		return fieldVar(f.X.Type(), f.Field)
	}
	return nil
}

// FieldOfAddr returns the field an address designates (&x.f), or nil.
func FieldOfAddr(addr ssa.Value) *types.Var {
	if fa, ok := addr.(*ssa.FieldAddr); ok {
		return fieldVar(fa.X.Type(), fa.Field)
	}
	return nil
}

func fieldVar(t types.Type, i int) *types.Var {
	t = t.Underlying()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem().Underlying()
	}
	if st, ok := t.(*types.Struct); ok && i < st.NumFields() {
		return st.Field(i).Origin()
	}
	return nil
}

// Place is what a collection, or any value kept between functions, is: a
// struct field, a package variable, a parameter, or (when it is none of
// these) the value itself. The same field read in two methods is one
// place.
type Place struct {
	Field  *types.Var // a struct field (of whatever value)
	Global *types.Var // a package-level variable
	Param  *types.Var // a parameter of the function that reads it
	Value  ssa.Value  // anything else: a local made in the function
	// Func is the function whose parameter a Param place is.
	Func *ssa.Function
}

// Key identifies the place across functions.
func (p Place) Key() any {
	switch {
	case p.Field != nil:
		return p.Field
	case p.Global != nil:
		return p.Global
	case p.Param != nil:
		return p.Param
	}
	return p.Value
}

// Object is the variable of a field, global or parameter place (nil for a
// local value).
func (p Place) Object() *types.Var {
	switch {
	case p.Field != nil:
		return p.Field
	case p.Global != nil:
		return p.Global
	}
	return p.Param
}

// PlaceOf says where v is kept: a slice of a field is the field, a load of
// a package variable is the variable, a captured variable is what it was
// bound to.
func PlaceOf(v ssa.Value) Place {
	for depth := 0; depth < MaxDepth; depth++ {
		v = Origin(v)
		switch x := v.(type) {
		case *ssa.Slice:
			v = x.X
			continue
		case *ssa.Parameter:
			if obj, ok := x.Object().(*types.Var); ok {
				return Place{Param: obj, Func: x.Parent()}
			}
		case *ssa.Global:
			if obj, ok := x.Object().(*types.Var); ok {
				return Place{Global: obj}
			}
		case *ssa.FieldAddr:
			return Place{Field: FieldOfAddr(x)}
		case *ssa.Field:
			return Place{Field: fieldVar(x.X.Type(), x.Field)}
		case *ssa.UnOp:
			if x.Op == token.MUL {
				switch a := Origin(x.X).(type) {
				case *ssa.FieldAddr:
					return Place{Field: FieldOfAddr(a)}
				case *ssa.Global:
					if obj, ok := a.Object().(*types.Var); ok {
						return Place{Global: obj}
					}
				case *ssa.Alloc:
					if st := soleStore(a); st != nil {
						v = st
						continue
					}
				}
			}
		}
		return Place{Value: v}
	}
	return Place{Value: v}
}

// IndexKind says where in a collection an element is taken.
type IndexKind uint8

const (
	// Varying: an index that changes (a loop's), or a key not known.
	Varying IndexKind = iota
	// Fixed: a constant index (K) or constant map key.
	Fixed
	// FromEnd: len(x)-K.
	FromEnd
)

// Elem is an element read from a collection.
type Elem struct {
	Coll  Place
	Kind  IndexKind
	K     int64
	Index ssa.Value // the index or key
	// Instr is the read (the IndexAddr, Index or Lookup).
	Instr ssa.Instruction
}

// ElementOf reports whether v (through Origin) is an element read from a
// slice, array or map, and where in it.
func ElementOf(v ssa.Value) (Elem, bool) {
	v = Origin(v)
	var coll, idx ssa.Value
	var instr ssa.Instruction
	if addr := Loaded(v); addr != nil {
		ia, ok := addr.(*ssa.IndexAddr)
		if !ok {
			return Elem{}, false
		}
		coll, idx, instr = ia.X, ia.Index, ia
	} else {
		switch x := v.(type) {
		case *ssa.Index:
			coll, idx, instr = x.X, x.Index, x
		case *ssa.Lookup:
			coll, idx, instr = x.X, x.Index, x
		case *ssa.Extract:
			if l, ok := x.Tuple.(*ssa.Lookup); ok && x.Index == 0 {
				coll, idx, instr = l.X, l.Index, l
			} else {
				return Elem{}, false
			}
		default:
			return Elem{}, false
		}
	}
	e := Elem{Coll: PlaceOf(coll), Index: idx, Instr: instr}
	e.Kind, e.K = indexKind(idx, e.Coll)
	return e, true
}

// ElementAt reports whether instr reads an element of a slice, array or map
// (an IndexAddr, Index or Lookup), and where in it.
func ElementAt(instr ssa.Instruction) (Elem, bool) {
	var coll, idx ssa.Value
	switch x := instr.(type) {
	case *ssa.IndexAddr:
		coll, idx = x.X, x.Index
	case *ssa.Index:
		coll, idx = x.X, x.Index
	case *ssa.Lookup:
		coll, idx = x.X, x.Index
	default:
		return Elem{}, false
	}
	e := Elem{Coll: PlaceOf(coll), Index: idx, Instr: instr}
	e.Kind, e.K = indexKind(idx, e.Coll)
	return e, true
}

func indexKind(idx ssa.Value, coll Place) (IndexKind, int64) {
	idx = Origin(idx)
	if c, ok := idx.(*ssa.Const); ok && c.Value != nil {
		if c.Value.Kind() == constant.Int {
			if k, ok := constant.Int64Val(c.Value); ok {
				return Fixed, k
			}
		}
		return Fixed, 0 // a constant key
	}
	if b, ok := idx.(*ssa.BinOp); ok && b.Op == token.SUB {
		if k, ok := Origin(b.Y).(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.Int {
			if call, ok := Origin(b.X).(*ssa.Call); ok {
				if bi, ok := call.Call.Value.(*ssa.Builtin); ok && bi.Name() == "len" && len(call.Call.Args) == 1 &&
					PlaceOf(call.Call.Args[0]).Key() == coll.Key() {
					n, _ := constant.Int64Val(k.Value)
					return FromEnd, n
				}
			}
		}
	}
	return Varying, 0
}

// Elements follows v through phis to every element read it may hold (the
// loop variable kept after a loop is a phi of the elements the loop read and
// the value before it). Others holds the origins that are not element reads
// (nil constants included).
func Elements(v ssa.Value) (elems []Elem, others []ssa.Value) {
	seen := make(map[ssa.Value]bool)
	var walk func(v ssa.Value, depth int)
	walk = func(v ssa.Value, depth int) {
		v = Origin(v)
		if seen[v] || depth > MaxDepth {
			return
		}
		seen[v] = true
		if phi, ok := v.(*ssa.Phi); ok {
			for _, e := range phi.Edges {
				walk(e, depth+1)
			}
			return
		}
		if e, ok := ElementOf(v); ok {
			elems = append(elems, e)
			return
		}
		others = append(others, v)
	}
	walk(v, 0)
	return elems, others
}

// Receiver returns the receiver value and the method a call invokes: an
// interface method call, a static method call, or a call of a bound method
// value (s := x.M; s()). ok is false for other calls.
func Receiver(call *ssa.CallCommon) (recv ssa.Value, method *types.Func, ok bool) {
	if call.IsInvoke() {
		return call.Value, call.Method, true
	}
	if fn := call.StaticCallee(); fn != nil {
		if obj, isFunc := fn.Object().(*types.Func); isFunc && obj.Signature().Recv() != nil && len(call.Args) > 0 {
			return call.Args[0], obj, true
		}
	}
	return BoundMethod(call.Value)
}

// BoundMethod reports whether v (through Origin) is a bound method value
// x.M, and returns x and M.
func BoundMethod(v ssa.Value) (recv ssa.Value, method *types.Func, ok bool) {
	mc, isClosure := Origin(v).(*ssa.MakeClosure)
	if !isClosure || len(mc.Bindings) != 1 {
		return nil, nil, false
	}
	fn, isFn := mc.Fn.(*ssa.Function)
	if !isFn || fn.Synthetic == "" {
		return nil, nil, false
	}
	obj, isFunc := fn.Object().(*types.Func)
	if !isFunc || obj.Signature().Recv() == nil {
		return nil, nil, false
	}
	return mc.Bindings[0], obj, true
}

// FieldStores lists, for every struct field written in funcs, the values
// stored into it (composite literals included: SSA builds them with
// stores).
func FieldStores(funcs []*ssa.Function) map[*types.Var][]*ssa.Store {
	out := make(map[*types.Var][]*ssa.Store)
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if st, ok := instr.(*ssa.Store); ok {
					if f := FieldOfAddr(st.Addr); f != nil {
						out[f] = append(out[f], st)
					}
				}
			}
		}
	}
	return out
}
