package chain

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/authchallenge/authchallenge/passes/internal/ir"
	"github.com/authchallenge/authchallenge/passes/internal/knowledge"
)

// A consumer is read from values (SSA), not from spellings: a challenge
// lookup is a call of a scheme's challenge method — directly, or through a
// method value stored in a variable or a field — whose receiver is an
// element of a collection; the collection is the field, package variable or
// parameter it is, so a loop in one method and a lookup in another (or in a
// closure, or in another package) are one consumer.

// challengeCall is one call of a challenge method.
type challengeCall struct {
	fn     *ssa.Function
	instr  ssa.CallInstruction
	recv   ssa.Value
	method *types.Func // the interface's challenge method
	key    string      // its methodKey
	// bound is the method value (x.M) the call goes through, if any.
	bound *ssa.MakeClosure
	// read, for a lookup through a collection of challenges (derived):
	// the element of the schemes' collection whose challenge the read
	// takes, its kind, and the read's extent (in fn).
	read             *ir.Elem
	readKind         PolicyKind
	readPos, readEnd token.Pos
	through          string // the collection of challenges read
}

// derived finds the reads, at a fixed position, of a collection built from
// the challenges of a chain's schemes in their order (for _, s := range
// schemes { challenges = append(challenges, s.Challenge()) }, then
// challenges[0]): such a read is the challenge of the scheme at that
// position, a lookup as schemes[0].Challenge() is.
func (m *model) derived(funcs []*ssa.Function, calls []challengeCall) []challengeCall {
	var out []challengeCall
	for _, c := range calls {
		e, ok := ir.ElementOf(ir.Origin(c.recv))
		if !ok || e.Kind != ir.Varying || c.read != nil {
			continue
		}
		v, ok := c.instr.(*ssa.Call)
		if !ok {
			continue
		}
		acc := appendedTo(v)
		if len(acc) == 0 {
			continue
		}
		for _, fn := range funcs {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					var coll, idx ssa.Value
					switch x := instr.(type) {
					case *ssa.IndexAddr:
						coll, idx = x.X, x.Index
					case *ssa.Index:
						coll, idx = x.X, x.Index
					default:
						continue
					}
					if !acc[accumulated(coll)] {
						continue
					}
					k, isConst := ir.Origin(idx).(*ssa.Const)
					if !isConst || k.Value == nil || k.Value.Kind() != constant.Int {
						continue
					}
					if n, exact := constant.Int64Val(k.Value); !exact || n != 0 {
						continue
					}
					read := ir.Elem{Coll: e.Coll, Kind: ir.Fixed, K: 0, Instr: instr}
					d := c
					d.fn, d.bound, d.read, d.readKind = fn, nil, &read, First
					d.readPos, d.readEnd = instr.Pos(), instr.Pos()
					if ix := indexAt(fn, instr.Pos()); ix != nil {
						d.readPos, d.readEnd = ix.Pos(), ix.End()
						d.through = types.ExprString(ix.X)
					}
					out = append(out, d)
				}
			}
		}
	}
	return out
}

// appendedTo returns the values that hold a slice v is appended to
// (append(xs, v)): the append's results, the phis that carry them round
// a loop, and the variable they are stored in (a captured one).
func appendedTo(v *ssa.Call) map[ssa.Value]bool {
	acc := make(map[ssa.Value]bool)
	var add func(x ssa.Value, depth int)
	add = func(x ssa.Value, depth int) {
		if acc[x] || depth > ir.MaxDepth {
			return
		}
		acc[x] = true
		for _, r := range *x.Referrers() {
			switch r := r.(type) {
			case *ssa.Phi:
				add(r, depth+1)
			case *ssa.Store:
				if a, ok := r.Addr.(*ssa.Alloc); ok && r.Val == x {
					acc[a] = true
				}
			}
		}
	}
	for _, r := range *v.Referrers() {
		st, ok := r.(*ssa.Store)
		if !ok || st.Val != ssa.Value(v) {
			continue
		}
		ia, ok := st.Addr.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		for _, ar := range *ia.X.Referrers() {
			sl, ok := ar.(*ssa.Slice)
			if !ok {
				continue
			}
			for _, sr := range *sl.Referrers() {
				call, ok := sr.(*ssa.Call)
				if !ok {
					continue
				}
				if bi, ok := call.Call.Value.(*ssa.Builtin); ok && bi.Name() == "append" && len(call.Call.Args) == 2 && call.Call.Args[1] == ssa.Value(sl) {
					add(call, 0)
				}
			}
		}
	}
	return acc
}

// accumulated returns what a collection read is read from: the value
// itself, or the variable it is loaded from (a closure's captured
// variable: the one it was bound to, through the closures around it).
func accumulated(coll ssa.Value) ssa.Value {
	u, ok := coll.(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return coll
	}
	v := u.X
	for range ir.MaxDepth {
		fv, ok := v.(*ssa.FreeVar)
		if !ok {
			break
		}
		b := ir.Binding(fv)
		if b == nil {
			break
		}
		v = b
	}
	return v
}

// consumers finds the challenge lookups of the package: positional ones on
// a collection a loop tried become Lookups (for firstchallenge), all of
// them policies. It returns the package's Policies fact (nil if empty).
func (m *model) consumers(res *Result) *Policies {
	funcs := m.ir.Funcs
	stores := ir.FieldStores(funcs)
	byColl, byMethod, loopedAt := make(map[string]Policy), make(map[string]Policy), make(map[string]Policy)
	looped := make(map[any]token.Pos) // collections tried in a loop, by Place.Key()
	loopedPlace := make(map[any]ir.Place)
	var calls []challengeCall
	direct := make(map[*ssa.Function]token.Pos) // functions that look a challenge up themselves
	handed := make(map[*types.Var][]ir.Place)   // a parameter, and the collections the package's calls hand it

	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch x := instr.(type) {
				case *ssa.MapUpdate:
					m.aliasStore(ir.PlaceOf(x.Map).Field, x.Value)
				case *ssa.Store:
					if f := ir.FieldOfAddr(x.Addr); f != nil {
						m.aliasStore(f, x.Val)
					}
				}
				ci, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				handedOn(ci.Common(), handed)
				if c, ok := m.askerCall(fn, ci); ok {
					// a function of another package that asks its
					// parameter for the challenge (ChallengeFor(xs[0], r))
					calls = append(calls, c)
					if _, seen := direct[fn]; !seen {
						direct[fn] = ci.Pos()
					}
					continue
				}
				recv, meth, bound, ok := m.receiver(ci.Common(), stores)
				if !ok {
					continue
				}
				key, ch, isChallenge := m.challengeMethod(recv.Type(), meth)
				if key == "" {
					key, ch, isChallenge = m.optionalChallenge(recv, meth)
				}
				if key == "" {
					continue // not a method of an authenticator interface
				}
				if !isChallenge {
					// a scheme tried: on a varying element, its collection
					// is tried in a loop
					for _, e := range elems(recv) {
						if e.Kind == ir.Varying {
							if _, seen := looped[e.Coll.Key()]; !seen {
								looped[e.Coll.Key()] = ci.Pos()
								loopedPlace[e.Coll.Key()] = e.Coll
							}
						}
					}
					continue
				}
				calls = append(calls, challengeCall{fn: fn, instr: ci, recv: recv, method: ch, key: key, bound: bound})
				if _, seen := direct[fn]; !seen {
					direct[fn] = ci.Pos()
				}
			}
		}
	}
	for k, pos := range looped {
		if s := m.placeString(loopedPlace[k]); s != "" {
			loopedAt[s] = Policy{Loop: m.pass.Fset.Position(pos)}
		}
	}

	m.askers(calls)
	for _, c := range append(calls, m.derived(funcs, calls)...) {
		var (
			kind PolicyKind
			el   ir.Elem
			ok   bool
		)
		if c.read != nil {
			kind, el, ok = c.readKind, *c.read, true
		} else {
			kind, el, ok = m.lookupKind(c.recv)
		}
		if !ok {
			continue
		}
		el.Coll = m.gotFrom(el.Coll) // c.Schemes()[0]: the field Schemes returns
		if _, seen := looped[el.Coll.Key()]; !seen {
			el.Coll = triedBy(el.Coll, handed, looped)
		}
		collKey := m.placeString(el.Coll)
		pos, end := c.instr.Pos(), c.instr.Pos()
		if c.bound != nil {
			pos, end = c.bound.Pos(), c.bound.Pos()
		}
		if c.read != nil {
			pos, end = c.readPos, c.readEnd
		} else if call := callAt(c.fn, pos); call != nil {
			pos, end = call.Pos(), call.End()
		} else if sel := selectorAt(c.fn, pos); sel != nil {
			pos, end = sel.Pos(), sel.End()
		}
		if c.read == nil && kind == OrderSafe && el.Kind == ir.Varying && m.firstWith(c.fn, callAt(c.fn, c.instr.Pos()), c.method) {
			kind = FirstWith
		}
		p := Policy{Kind: kind, Where: m.pass.Fset.Position(pos), Coll: m.spell(el.Coll), Method: c.key}
		via := ""
		if ke, isKey := ir.ElementOf(el.Index); isKey && el.Kind == ir.Varying && kind.Positional() {
			via = m.spell(ke.Coll) // a map read through an ordered slice of its keys
		}
		loop, inPkg := looped[el.Coll.Key()]
		var loopAt token.Position
		switch {
		case inPkg:
			loopAt = m.pass.Fset.Position(loop)
		case collKey != "":
			if lp, ok := loopedAt[collKey]; ok {
				// tried in another function of this package over the
				// same collection (a method of the collection's type)
				loopAt, inPkg = lp.Loop, true
			} else {
				loopAt, inPkg = m.looped[collKey]
			}
			loop = token.NoPos
		}
		if kind.Positional() && !inPkg {
			continue // no loop tried this collection: one scheme, not a chain
		}
		p.Loop = loopAt
		if collKey != "" {
			byColl[collKey] = merge(byColl[collKey], p)
		}
		byMethod[c.key] = mergeMethod(byMethod[c.key], p)
		if kind.Positional() {
			res.Lookups = append(res.Lookups, &Lookup{Pos: pos, End: end, Kind: kind, Method: c.method,
				Loop: loop, LoopAt: loopAt, Coll: p.Coll, Via: via, Through: c.through, Key: collKey, Func: declOf(c.fn)})
		}
	}
	// A constructor's or Add method's parameter stored into a field: a
	// chain passed to it is judged by the field's consumers.
	for param, field := range m.aliases {
		if p, ok := byColl[field]; ok {
			byColl[param] = merge(byColl[param], p)
		} else if p, ok := m.byColl[field]; ok {
			byColl[param] = merge(byColl[param], p)
		}
	}
	for k, v := range byColl {
		m.byColl[k] = merge(m.byColl[k], v)
	}
	for k, v := range byMethod {
		m.byMethod[k] = mergeMethod(m.byMethod[k], v)
	}
	m.lookers(res, funcs, direct)
	var aliases []Alias
	for k, f := range m.aliases {
		if m.ownAlias[k] {
			aliases = append(aliases, Alias{Key: k, Field: f})
		}
	}
	slices.SortFunc(aliases, func(a, b Alias) int { return strings.Compare(a.Key, b.Key) })
	if len(byColl)+len(byMethod)+len(loopedAt)+len(aliases) == 0 {
		return nil
	}
	return &Policies{ByColl: sorted(byColl), ByMethod: sorted(byMethod), Looped: sorted(loopedAt), Aliases: aliases}
}

// assertedFrom returns the value a type assertion (c, ok := a.(Challenger))
// asserts, or v.
func assertedFrom(v ssa.Value) ssa.Value {
	for i := 0; i < ir.MaxDepth; i++ {
		switch x := v.(type) {
		case *ssa.Extract:
			if ta, ok := x.Tuple.(*ssa.TypeAssert); ok && x.Index == 0 {
				v = ta.X
				continue
			}
		case *ssa.TypeAssert:
			v = x.X
			continue
		}
		return v
	}
	return v
}

// optionalChallenge recognises a challenge asked through an optional
// interface (if c, ok := a.(Challenger); ok { c.Challenge(r) }): a method
// returning a string, taking nothing or a request, of an interface that a
// value of an authenticator interface is asserted to.
func (m *model) optionalChallenge(recv ssa.Value, meth *types.Func) (key string, ch *types.Func, isChallenge bool) {
	from := assertedFrom(recv)
	if from == recv || !returnsString(meth) {
		return "", nil, false
	}
	sig := meth.Signature()
	for i := 0; i < sig.Params().Len(); i++ {
		if !knowledge.RequestTypes[knowledge.NamedOf(sig.Params().At(i).Type())] {
			return "", nil, false
		}
	}
	if _, _, ok := m.authInterface(from.Type()); !ok {
		return "", nil, false
	}
	iface, ok := types.Unalias(recv.Type()).(*types.Named)
	if !ok {
		return "", nil, false
	}
	return methodKey(iface, meth), meth, true
}

// askers records the package's functions that ask a parameter for its
// challenge (an exported ChallengeFor(a, r)), and exports their facts:
// a call of one is a lookup of what it is given.
func (m *model) askers(calls []challengeCall) {
	for _, c := range calls {
		if c.read != nil || c.bound != nil {
			continue
		}
		p, ok := ir.Origin(assertedFrom(c.recv)).(*ssa.Parameter)
		if !ok || p.Parent() != c.fn {
			continue
		}
		obj, ok := c.fn.Object().(*types.Func)
		if !ok || !obj.Exported() {
			continue
		}
		i := slices.Index(c.fn.Params, p)
		if c.fn.Signature.Recv() != nil {
			i-- // parameters of a method's signature do not count the receiver
		}
		iface := ""
		if n, ok := types.Unalias(c.recv.Type()).(*types.Named); ok && n.Obj().Pkg() != nil {
			iface = n.Obj().Name()
		}
		if i >= 0 && iface != "" {
			m.pass.ExportObjectFact(obj, &AskFact{Param: i, Iface: iface, Method: c.method.Name()})
		}
	}
}

// askerCall turns a call of a function of another package that asks its
// parameter for the challenge (AskFact) into the lookup it makes, on the
// argument.
func (m *model) askerCall(fn *ssa.Function, ci ssa.CallInstruction) (challengeCall, bool) {
	c := ci.Common()
	callee := c.StaticCallee()
	if callee == nil || c.IsInvoke() {
		return challengeCall{}, false
	}
	obj, ok := callee.Object().(*types.Func)
	if !ok || obj.Pkg() == m.pass.Pkg || obj.Signature().Recv() != nil {
		return challengeCall{}, false
	}
	var af AskFact
	if !m.pass.ImportObjectFact(obj, &af) || af.Param >= len(c.Args) {
		return challengeCall{}, false
	}
	tn, ok := obj.Pkg().Scope().Lookup(af.Iface).(*types.TypeName)
	if !ok {
		return challengeCall{}, false
	}
	iface, ok := types.Unalias(tn.Type()).(*types.Named)
	if !ok {
		return challengeCall{}, false
	}
	it, ok := iface.Underlying().(*types.Interface)
	if !ok {
		return challengeCall{}, false
	}
	for i := 0; i < it.NumMethods(); i++ {
		if meth := it.Method(i); meth.Name() == af.Method {
			return challengeCall{fn: fn, instr: ci, recv: c.Args[af.Param], method: meth, key: methodKey(iface, meth)}, true
		}
	}
	return challengeCall{}, false
}

// maxHandOn bounds how many returns and parameters an element is followed
// through.
const maxHandOn = 3

// handedElement follows an element through the package's functions: a
// result of a call of one (what each of its returns gives there), or a
// parameter (what the package's calls of its function pass).
func (m *model) handedElement(v ssa.Value, depth int) (PolicyKind, ir.Elem, bool) {
	idx := 0
	if x, ok := v.(*ssa.Extract); ok {
		v, idx = x.Tuple, x.Index
	}
	// every value that reaches it must be the same position of the same
	// collection: a helper returning xs[0] or xs[1] by its argument is none
	var (
		kind  PolicyKind
		el    ir.Elem
		found bool
	)
	agree := func(val ssa.Value) bool {
		k, e, ok := m.lookupKindAt(val, depth+1)
		if !ok || !k.Positional() || (found && (k != kind || e.Coll.Key() != el.Coll.Key())) {
			return false
		}
		kind, el, found = k, e, true
		return true
	}
	switch x := v.(type) {
	case *ssa.Call:
		callee := x.Common().StaticCallee()
		if callee == nil || callee.Pkg != m.ir.Pkg || len(callee.Blocks) == 0 {
			return 0, ir.Elem{}, false
		}
		for _, b := range callee.Blocks {
			if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && idx < len(ret.Results) {
				if c, isConst := ret.Results[idx].(*ssa.Const); isConst && c.IsNil() {
					continue // no element: the path that found none
				}
				if k, _, ok := m.lookupKindAt(ret.Results[idx], depth+1); ok && k == OrderSafe {
					continue // the element the loop is at: the one that succeeded
				}
				if !agree(ret.Results[idx]) {
					return 0, ir.Elem{}, false
				}
			}
		}
	case *ssa.Parameter:
		fn := x.Parent()
		i := slices.Index(fn.Params, x)
		if i < 0 || fn.Pkg != m.ir.Pkg {
			return 0, ir.Elem{}, false
		}
		calls := m.callsOf(fn)
		if len(calls) == 0 || fn.Object() != nil && fn.Object().Exported() {
			return 0, ir.Elem{}, false // callers not all in view
		}
		for _, c := range calls {
			// (a static method call's receiver is Args[0], as it is
			// fn.Params[0])
			if i >= len(c.Args) || !agree(c.Args[i]) {
				return 0, ir.Elem{}, false
			}
		}
	}
	return kind, el, found
}

// callsOf lists the package's static calls of fn.
func (m *model) callsOf(fn *ssa.Function) []*ssa.CallCommon {
	if m.calls == nil {
		m.calls = make(map[*ssa.Function][]*ssa.CallCommon)
		for _, f := range m.ir.Funcs {
			for _, b := range f.Blocks {
				for _, in := range b.Instrs {
					if ci, ok := in.(ssa.CallInstruction); ok {
						if callee := ci.Common().StaticCallee(); callee != nil {
							m.calls[callee] = append(m.calls[callee], ci.Common())
						}
					}
				}
			}
		}
	}
	return m.calls[fn]
}

// handedOn records, for a static call of a function of the package, the
// collections (a parameter, a field, a package variable) it hands to the
// callee's parameters.
func handedOn(c *ssa.CallCommon, handed map[*types.Var][]ir.Place) {
	callee := c.StaticCallee()
	if callee == nil || callee.Pkg == nil || len(callee.Blocks) == 0 || len(callee.Params) != len(c.Args) {
		return
	}
	for i, a := range c.Args {
		if _, ok := a.Type().Underlying().(*types.Slice); !ok {
			continue
		}
		pl := ir.PlaceOf(a)
		if pl.Object() == nil {
			continue
		}
		if q, ok := callee.Params[i].Object().(*types.Var); ok {
			handed[q] = append(handed[q], pl)
		}
	}
}

// triedBy follows a parameter collection to the one a caller hands it
// that a loop tried (anyOf's guards, tried in its loop and handed to
// deny(guards), which looks up guards[len(guards)-1]): the lookup and the
// loop are over one collection. Other places are returned as they are.
func triedBy(p ir.Place, handed map[*types.Var][]ir.Place, looped map[any]token.Pos) ir.Place {
	at := p
	for depth := 0; at.Param != nil && depth < ir.MaxDepth; depth++ {
		next, found := ir.Place{}, false
		for _, q := range handed[at.Param] {
			if _, ok := looped[q.Key()]; ok {
				return q
			}
			if q.Param != nil && !found {
				next, found = q, true
			}
		}
		if !found {
			break
		}
		at = next
	}
	return p
}

// lookers records the functions that look a challenge up, themselves or
// through the functions they call, and exports a LookupFact for each.
func (m *model) lookers(res *Result, funcs []*ssa.Function, direct map[*ssa.Function]token.Pos) {
	where := make(map[*ssa.Function]token.Position)
	for fn, pos := range direct {
		where[fn] = m.pass.Fset.Position(pos)
	}
	for changed := true; changed; {
		changed = false
		for _, fn := range funcs {
			if _, done := where[fn]; done {
				continue
			}
		scan:
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					ci, ok := instr.(ssa.CallInstruction)
					if !ok {
						continue
					}
					callee := ci.Common().StaticCallee()
					if callee == nil {
						continue
					}
					if p, ok := where[callee]; ok {
						where[fn] = p
						changed = true
						break scan
					}
					if obj, ok := callee.Object().(*types.Func); ok && obj.Pkg() != m.pass.Pkg {
						if p, ok := res.LooksUp(obj); ok {
							where[fn] = p
							changed = true
							break scan
						}
					}
				}
			}
		}
	}
	for fn, p := range where {
		// a literal looks up for the function around it
		for fn.Parent() != nil {
			fn = fn.Parent()
		}
		obj, ok := fn.Object().(*types.Func)
		if !ok || obj.Pkg() != m.pass.Pkg {
			continue
		}
		if _, seen := res.lookers[obj]; seen {
			continue
		}
		res.lookers[obj] = p
		m.pass.ExportObjectFact(obj, &LookupFact{Where: p})
	}
}

// receiver returns the receiver and method of a method call: an interface
// or static call, a method value (x.M) called later, also one stored in a
// field and called in another function.
func (m *model) receiver(c *ssa.CallCommon, stores map[*types.Var][]*ssa.Store) (recv ssa.Value, meth *types.Func, bound *ssa.MakeClosure, ok bool) {
	if recv, meth, ok := ir.Receiver(c); ok {
		if mc, isClosure := ir.Origin(c.Value).(*ssa.MakeClosure); isClosure && !c.IsInvoke() {
			bound = mc
		}
		return recv, meth, bound, true
	}
	f := ir.Field(c.Value)
	if f == nil {
		return nil, nil, nil, false
	}
	for _, st := range stores[f] {
		r, mm, isBound := ir.BoundMethod(st.Val)
		if !isBound || (meth != nil && (mm != meth || recv != r)) {
			return nil, nil, nil, false // several values: not one lookup
		}
		recv, meth = r, mm
		bound, _ = ir.Origin(st.Val).(*ssa.MakeClosure)
	}
	return recv, meth, bound, meth != nil
}

// challengeMethod reports whether meth is a method of an authenticator
// interface that t (the receiver's type: the interface, or a type parameter
// constrained by it) is; key is "" when it is not, and isChallenge says
// whether meth is the interface's challenge method.
func (m *model) challengeMethod(t types.Type, meth *types.Func) (key string, ch *types.Func, isChallenge bool) {
	if tp, ok := types.Unalias(t).(*types.TypeParam); ok {
		t = tp.Constraint()
	}
	if !types.IsInterface(t) {
		return "", nil, false
	}
	iface, ch, ok := m.authInterface(t)
	switch {
	case !ok:
		return "", nil, false
	case ch == nil:
		// an authenticator interface whose challenge, if any, is asked
		// through an optional interface: its calls are tries
		return iface.Obj().Pkg().Path() + "." + iface.Obj().Name(), nil, false
	}
	return methodKey(iface, ch), ch, ch.Name() == meth.Name()
}

// elems lists the element reads a receiver may hold.
func elems(v ssa.Value) []ir.Elem {
	es, _ := ir.Elements(v)
	return es
}

// lookupKind classifies the receiver of a challenge call: an element at a
// fixed position (First for [0], Last for [len-1]), the element of a loop
// kept after it (Last when it is kept on every iteration; OrderSafe when
// it is kept only on the way out, as the scheme that failed), an element at
// a varying index (OrderSafe: the failing one, each one, or one whose index
// was recorded). ok is false for a receiver that is no element.
func (m *model) lookupKind(recv ssa.Value) (kind PolicyKind, el ir.Elem, ok bool) {
	return m.lookupKindAt(recv, 0)
}

func (m *model) lookupKindAt(recv ssa.Value, depth int) (kind PolicyKind, el ir.Elem, ok bool) {
	v := ir.Origin(assertedFrom(recv))
	if depth < maxHandOn {
		// an element handed on: returned by a function of the package
		// (identify returning the scheme its loop kept), or given to a
		// parameter by the package's calls (reject(w, r, s))
		if k, e, found := m.handedElement(v, depth); found {
			return k, e, true
		}
	}
	if e, isElem := ir.ElementOf(v); isElem {
		switch e.Kind {
		case ir.Fixed:
			if e.K == 0 {
				return First, e, true
			}
		case ir.FromEnd:
			if e.K == 1 {
				return Last, e, true
			}
		case ir.Varying:
			// a map read through an ordered slice of its keys: the key's
			// position decides
			if ke, isKey := ir.ElementOf(e.Index); isKey {
				switch {
				case ke.Kind == ir.Fixed && ke.K == 0:
					return First, e, true
				case ke.Kind == ir.FromEnd && ke.K == 1:
					return Last, e, true
				}
			}
			return OrderSafe, e, true
		}
		return 0, e, false
	}
	if kind, e, isPicked := m.picked(v); isPicked {
		return kind, e, true
	}
	phi, isPhi := v.(*ssa.Phi)
	if !isPhi {
		return 0, ir.Elem{}, false
	}
	return kept(phi)
}

// maxPhiWalk bounds how many phis kept follows.
const maxPhiWalk = 32

// kept classifies a variable that holds elements of a loop after it. At a
// loop header's phi, a varying element that arrives on every back edge was
// kept on every iteration: the last one tried (Last). One that arrives only
// on some back edges (the others carry the old value: kept only on some
// paths, as the scheme that failed) or only on the way out of the loop
// (assigned before a break) is the scheme the loop stopped at (OrderSafe).
func kept(phi *ssa.Phi) (kind PolicyKind, el ir.Elem, ok bool) {
	seen := make(map[*ssa.Phi]bool)
	var last, safe *ir.Elem
	var walk func(p *ssa.Phi)
	walk = func(p *ssa.Phi) {
		if seen[p] || len(seen) > maxPhiWalk {
			return
		}
		seen[p] = true
		var back []*ir.Elem
		every := true // every back edge carries a varying element
		for i, edge := range p.Edges {
			isBack := p.Block().Dominates(p.Block().Preds[i])
			o := ir.Origin(edge)
			e, isElem := ir.ElementOf(o)
			if isElem && e.Kind == ir.Varying {
				if isBack {
					back = append(back, &e)
				} else if safe == nil {
					safe = &e
				}
				continue
			}
			if isBack {
				every = false
			}
			if q, isPhi := o.(*ssa.Phi); isPhi {
				walk(q)
			}
		}
		switch {
		case len(back) > 0 && every:
			last = back[0]
		case len(back) > 0 && safe == nil:
			safe = back[0]
		}
	}
	walk(phi)
	switch {
	case last != nil:
		return Last, *last, true
	case safe != nil:
		return OrderSafe, *safe, true
	}
	return 0, ir.Elem{}, false
}

// aliasStore records a parameter stored into a field (directly, appended to
// it, or as a map value): a chain passed for that parameter becomes the
// field.
func (m *model) aliasStore(field *types.Var, val ssa.Value) {
	if field == nil {
		return
	}
	fk := m.fieldKey(field)
	if fk == "" {
		return
	}
	var add func(v ssa.Value, depth int)
	add = func(v ssa.Value, depth int) {
		if depth > ir.MaxDepth {
			return
		}
		v = ir.Origin(v)
		switch x := v.(type) {
		case *ssa.Parameter:
			if k := paramKey(x.Parent(), x.Object()); k != "" {
				m.aliases[k] = fk
				if m.ownAlias == nil {
					m.ownAlias = make(map[string]bool)
				}
				m.ownAlias[k] = true
			}
		case *ssa.Call:
			if b, ok := x.Call.Value.(*ssa.Builtin); ok && b.Name() == "append" && len(x.Call.Args) == 2 {
				add(x.Call.Args[1], depth+1)
			}
		case *ssa.Slice:
			// the array built for a variadic call: its elements
			if a, ok := x.X.(*ssa.Alloc); ok && a.Referrers() != nil {
				for _, r := range *a.Referrers() {
					if ia, ok := r.(*ssa.IndexAddr); ok && ia.Referrers() != nil {
						for _, rr := range *ia.Referrers() {
							if st, ok := rr.(*ssa.Store); ok && st.Addr == ia {
								add(st.Val, depth+1)
							}
						}
					}
				}
			} else {
				add(x.X, depth+1)
			}
		}
	}
	add(val, 0)
}

// placeString spells a collection as the facts key it: "" for a local
// collection, known only inside its function.
func (m *model) placeString(p ir.Place) string {
	switch {
	case p.Field != nil:
		return m.fieldKey(p.Field)
	case p.Global != nil && p.Global.Pkg() != nil:
		return p.Global.Pkg().Path() + "." + p.Global.Name()
	case p.Param != nil:
		return paramKey(p.Func, p.Param)
	}
	return ""
}

// spell names a collection for messages.
func (m *model) spell(p ir.Place) string {
	switch {
	case p.Field != nil:
		if owner := m.owner(p.Field); owner != "" {
			return owner + "." + p.Field.Name()
		}
		return p.Field.Name()
	case p.Global != nil:
		return p.Global.Name()
	case p.Param != nil:
		return p.Param.Name()
	}
	return "the collection"
}

// fieldKey spells a struct field as "pkg/path.Type.field" ("" for a field
// of an unnamed struct).
func (m *model) fieldKey(f *types.Var) string {
	owner := m.owner(f)
	if owner == "" || f.Pkg() == nil {
		return ""
	}
	return f.Pkg().Path() + "." + owner + "." + f.Name()
}

// owner finds the named type a field belongs to, in the field's package.
func (m *model) owner(f *types.Var) string {
	f = f.Origin()
	if o, ok := m.owners[f]; ok {
		return o
	}
	m.owners[f] = ""
	if f.Pkg() == nil || m.indexed[f.Pkg()] {
		return ""
	}
	// Index every struct field of the package at once: one walk of its
	// scope, not one per field asked.
	if m.indexed == nil {
		m.indexed = make(map[*types.Package]bool)
	}
	m.indexed[f.Pkg()] = true
	scope := f.Pkg().Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		st, ok := tn.Type().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for i := 0; i < st.NumFields(); i++ {
			if o := st.Field(i).Origin(); m.owners[o] == "" {
				m.owners[o] = name
			}
		}
	}
	return m.owners[f]
}

// paramKey spells a parameter of a declared function as the facts key it:
// "pkg/path.F#i" or "(*pkg/path.T).M#i" (i counts the parameters after the
// receiver); a receiver that is itself a named collection type is that
// type ("pkg/path.T"). It returns "" for a literal's parameters.
func paramKey(fn *ssa.Function, v types.Object) string {
	if fn == nil || v == nil {
		return ""
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Pkg() == nil {
		return ""
	}
	obj = obj.Origin()
	sig := obj.Signature()
	if r := sig.Recv(); r != nil && (r == v || r.Origin() == v || (r.Name() == v.Name() && r.Pos() == v.Pos())) {
		if n, ok := types.Unalias(derefType(r.Type())).(*types.Named); ok && isCollection(n) && n.Obj().Pkg() != nil {
			return n.Obj().Pkg().Path() + "." + n.Obj().Name()
		}
		return ""
	}
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		if p == v || (p.Name() == v.Name() && p.Pos() == v.Pos()) {
			return obj.FullName() + "#" + strconv.Itoa(i)
		}
	}
	return ""
}

func derefType(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

func isCollection(t types.Type) bool {
	if t == nil {
		return false
	}
	switch t.Underlying().(type) {
	case *types.Slice, *types.Array, *types.Map:
		return true
	}
	return false
}

// declOf is the declared function around fn.
func declOf(fn *ssa.Function) *types.Func {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	obj, _ := fn.Object().(*types.Func)
	return obj
}

// callAt finds the call expression whose '(' is at pos in fn's syntax.
func callAt(fn *ssa.Function, pos token.Pos) *ast.CallExpr {
	return nodeAt(fn, pos, func(c *ast.CallExpr) token.Pos { return c.Lparen })
}

// selectorAt finds the selector x.M whose M is at pos in fn's syntax (a
// method value).
func selectorAt(fn *ssa.Function, pos token.Pos) *ast.SelectorExpr {
	return nodeAt(fn, pos, func(s *ast.SelectorExpr) token.Pos { return s.Sel.Pos() })
}

// indexAt finds the index expression x[i] whose '[' is at pos in fn's
// syntax (an element read).
func indexAt(fn *ssa.Function, pos token.Pos) *ast.IndexExpr {
	return nodeAt(fn, pos, func(x *ast.IndexExpr) token.Pos { return x.Lbrack })
}

// nodeAt finds the node of type N in fn's syntax whose position, as at
// reads it, is pos (the zero N if none): where an SSA instruction says it
// is.
func nodeAt[N ast.Node](fn *ssa.Function, pos token.Pos, at func(N) token.Pos) N {
	var found N
	syn := fn.Syntax()
	if syn == nil || !pos.IsValid() {
		return found
	}
	done := false
	ast.Inspect(syn, func(n ast.Node) bool {
		if done || n == nil || n.Pos() > pos || n.End() <= pos {
			return false
		}
		if x, ok := n.(N); ok && at(x) == pos {
			found, done = x, true
		}
		return true
	})
	return found
}
