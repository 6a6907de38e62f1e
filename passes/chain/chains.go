package chain

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/authchallenge/authchallenge/passes/internal/ir"

	"github.com/authchallenge/authchallenge/passes/internal/knowledge"
	"github.com/authchallenge/authchallenge/passes/response"
)

// chains finds the chains and middleware stacks of the package.
func (m *model) chains(res *Result) {
	info := m.pass.TypesInfo
	for _, file := range m.pass.Files {
		for _, decl := range file.Decls {
			var seqs sequences
			ast.Inspect(decl, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CompositeLit:
					m.literal(res, n)
				case *ast.CallExpr:
					m.call(res, n, &seqs)
				case *ast.AssignStmt:
					// s = append(s, a): one more element of s
					if len(n.Lhs) == 1 && len(n.Rhs) == 1 {
						if call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok {
							if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "append" && len(call.Args) >= 2 && !call.Ellipsis.IsValid() {
								if v := rootVar(info, n.Lhs[0]); v != nil && types.ExprString(call.Args[0]) == types.ExprString(n.Lhs[0]) {
									if iface, ch, ok := m.authInterface(elemType(info.TypeOf(n.Lhs[0]))); ok {
										seqs.add(v, false, iface, ch, call.Args[1:], n.Pos(), m.varColls(v))
									}
								}
							}
						}
					}
				}
				return true
			})
			for _, s := range seqs {
				if len(s.elems) >= 2 {
					m.addChain(res, s.iface, s.ch, s.elems, s.middleware, nil, nil, s.pos, s.colls)
				}
			}
		}
	}
}

// sequence is a chain built by successive calls on one receiver.
type sequence struct {
	v          *types.Var
	middleware bool
	iface      *types.Named
	ch         *types.Func
	elems      []ast.Expr
	pos        token.Pos
	colls      []string
}

type sequences []*sequence

func (ss *sequences) add(v *types.Var, middleware bool, iface *types.Named, ch *types.Func, elems []ast.Expr, pos token.Pos, colls []string) {
	for _, s := range *ss {
		if s.v == v && s.middleware == middleware {
			s.elems = append(s.elems, elems...)
			return
		}
	}
	*ss = append(*ss, &sequence{v: v, middleware: middleware, iface: iface, ch: ch, elems: append([]ast.Expr(nil), elems...), pos: pos, colls: colls})
}

// varColls is the collection a variable is, when it is a field or a package
// variable.
func (m *model) varColls(v *types.Var) []string {
	switch {
	case v.IsField():
		if k := m.fieldKey(v); k != "" {
			return []string{k}
		}
	case v.Pkg() != nil && v.Parent() == v.Pkg().Scope():
		return []string{v.Pkg().Path() + "." + v.Name()}
	}
	return nil
}

func rootVar(info *types.Info, e ast.Expr) *types.Var {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ := info.ObjectOf(e).(*types.Var)
		return v
	case *ast.SelectorExpr:
		v, _ := info.ObjectOf(e.Sel).(*types.Var)
		return v
	}
	return nil
}

func elemType(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	switch u := t.Underlying().(type) {
	case *types.Slice:
		return u.Elem()
	case *types.Array:
		return u.Elem()
	}
	return nil
}

// literal: []Authenticator{a, b} or [2]Authenticator{a, b} (one element
// too: a lookup on a collection of one scheme asks the one that failed).
func (m *model) literal(res *Result, lit *ast.CompositeLit) {
	if len(lit.Elts) < 1 {
		return
	}
	iface, ch, ok := m.authInterface(elemType(m.pass.TypesInfo.TypeOf(lit)))
	if !ok {
		return
	}
	for _, e := range lit.Elts {
		if _, kv := e.(*ast.KeyValueExpr); kv {
			return // indexed literal: the order is not the source order
		}
	}
	m.addChain(res, iface, ch, lit.Elts, false, nil, lit, lit.Pos(), m.literalColls(lit))
}

// literalColls lists the collections a slice literal becomes: its named
// type, the field or package variable it is stored into, the parameter it
// is passed for.
func (m *model) literalColls(lit *ast.CompositeLit) []string {
	var colls []string
	if n, ok := types.Unalias(m.pass.TypesInfo.TypeOf(lit)).(*types.Named); ok && n.Obj().Pkg() != nil {
		colls = append(colls, n.Obj().Pkg().Path()+"."+n.Obj().Name())
	}
	if m.ir == nil || m.ir.Pkg == nil {
		return colls
	}
	if m.slices == nil {
		m.slices = make(map[token.Pos][]ssa.Value)
		for _, fn := range m.ir.Funcs {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if sl, ok := instr.(*ssa.Slice); ok {
						if _, isAlloc := sl.X.(*ssa.Alloc); isAlloc && sl.Pos().IsValid() {
							m.slices[sl.Pos()] = append(m.slices[sl.Pos()], sl)
						}
					}
				}
			}
		}
	}
	seen := make(map[ssa.Value]bool)
	var dest func(v ssa.Value, depth int)
	dest = func(v ssa.Value, depth int) {
		if seen[v] || depth > ir.MaxDepth || v.Referrers() == nil {
			return
		}
		seen[v] = true
		for _, r := range *v.Referrers() {
			switch r := r.(type) {
			case *ssa.Store:
				if r.Val != v {
					continue
				}
				if f := ir.FieldOfAddr(r.Addr); f != nil {
					if k := m.fieldKey(f); k != "" {
						colls = append(colls, k)
					}
				} else if g, ok := r.Addr.(*ssa.Global); ok {
					if obj, ok := g.Object().(*types.Var); ok {
						colls = append(colls, obj.Pkg().Path()+"."+obj.Name())
					}
				}
			case ssa.CallInstruction:
				c := r.Common()
				callee := c.StaticCallee()
				if callee == nil || c.IsInvoke() {
					continue
				}
				obj, ok := callee.Object().(*types.Func)
				if !ok {
					continue
				}
				for i, a := range c.Args {
					if a != v {
						continue
					}
					sig := obj.Origin().Signature()
					if sig.Recv() != nil {
						if i == 0 {
							if k := paramKey(callee, sig.Recv()); k != "" {
								colls = append(colls, k)
							}
							continue
						}
						i--
					}
					if i < sig.Params().Len() {
						colls = append(colls, funcParamKey(obj, i))
					}
				}
			case *ssa.ChangeType:
				dest(r, depth+1)
			case *ssa.MakeInterface:
				dest(r, depth+1)
			}
		}
	}
	for _, v := range m.slices[lit.Lbrace] {
		dest(v, 0)
	}
	return colls
}

// call: variadic chains, router Use/With/Group calls, alice, nesting, and
// successive Add/Register calls.
func (m *model) call(res *Result, call *ast.CallExpr, seqs *sequences) {
	info := m.pass.TypesInfo
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	sig := sigOf(info.TypeOf(call.Fun))
	if sig == nil || isType(info, call.Fun) {
		return
	}
	if fn == nil {
		// a middleware made by a call and applied at once:
		// RequireLogin(store)(Bearer(v)(h))
		if handlerParam(sig) >= 0 {
			m.nested(res, call)
		}
		return
	}
	sel, _ := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	method := fn.Signature().Recv() != nil // (the type of x.M has no receiver)

	// Middleware stacks: a composer of your own (Chain(mws...)), in the
	// order its loop wraps them.
	if f := m.composer(fn); f != nil {
		if elems, lit := m.composedElems(call, f); len(elems) >= 2 {
			pos := call.Pos()
			if lit != nil {
				pos = lit.Pos()
			}
			m.addChain(res, nil, nil, elems, true, call, lit, pos, nil)
		}
		return
	}
	switch {
	case knowledge.MiddlewareCall(fn) == knowledge.Adds:
		m.stack(res, call, call.Args, seqs, sel) // Use adds to the router: successive calls stack up
		return
	case knowledge.MiddlewareCall(fn) == knowledge.Builds:
		m.stack(res, call, call.Args, nil, nil) // With returns a new router: each call is its own stack
		return
	case knowledge.MiddlewareCall(fn) == knowledge.Group && len(call.Args) >= 3:
		m.stack(res, call, call.Args[1:], nil, nil)
		return
	case handlerParam(sig) >= 0:
		m.nested(res, call)
		return
	}
	m.chainCall(res, call, fn, sig, sel, method, seqs)
}

// nested records a(b(h)), where the outer runs first; a middleware may
// take other arguments beside the handler it wraps (RequireKey(keys, h)).
func (m *model) nested(res *Result, call *ast.CallExpr) {
	info := m.pass.TypesInfo
	wrapped := func(c *ast.CallExpr) (next ast.Expr, ok bool) {
		sig := sigOf(info.TypeOf(c.Fun))
		if sig == nil || isType(info, c.Fun) {
			return nil, false
		}
		i := handlerParam(sig)
		if i < 0 || len(c.Args) != sig.Params().Len() {
			return nil, false
		}
		return ast.Unparen(c.Args[i]), true
	}
	if m.wrapped[call] {
		return // inside a chain recorded at an outer call
	}
	arg, ok := wrapped(call)
	if !ok {
		return
	}
	inner, ok := arg.(*ast.CallExpr)
	if !ok {
		return
	}
	if _, ok := wrapped(inner); !ok {
		return
	}
	elems := []ast.Expr{call.Fun}
	for inner != nil {
		elems = append(elems, inner.Fun)
		m.wrapped[inner] = true
		next, _ := wrapped(inner)
		c, _ := next.(*ast.CallExpr)
		if c == nil {
			break
		}
		if _, ok := wrapped(c); !ok {
			break
		}
		inner = c
	}
	m.addChain(res, nil, nil, elems, true, nil, nil, call.Pos(), nil)
}

// chainCall: variadic chains and successive Add calls.
func (m *model) chainCall(res *Result, call *ast.CallExpr, fn *types.Func, sig *types.Signature, sel *ast.SelectorExpr, method bool, seqs *sequences) {
	info := m.pass.TypesInfo
	// Variadic chains: NewChain(a, b) of an authenticator interface.
	if sig.Variadic() && !call.Ellipsis.IsValid() {
		n := sig.Params().Len()
		if iface, ch, ok := m.authInterface(elemType(sig.Params().At(n - 1).Type())); ok && len(call.Args)-(n-1) >= 2 {
			m.addChain(res, iface, ch, call.Args[n-1:], false, call, nil, call.Pos(), []string{funcParamKey(fn, n-1)})
			return
		}
	}
	// Functional options: New(WithAuth(a), WithLogger(l), WithAuth(b)),
	// each option adding its authenticator to the collection the
	// constructor fills. The chain is the options' authenticators in order,
	// judged by the consumers of the option's parameter (an alias of the
	// field its closure appends to: see aliasStore).
	if sig.Variadic() && !call.Ellipsis.IsValid() {
		n := sig.Params().Len()
		var elems []ast.Expr
		var opt *types.Func
		at := -1
		var iface *types.Named
		var ch *types.Func
		for _, arg := range call.Args[n-1:] {
			inner, ok := ast.Unparen(arg).(*ast.CallExpr)
			if !ok {
				continue
			}
			g, ok := typeutil.Callee(info, inner).(*types.Func)
			if !ok || g.Signature().Recv() != nil || len(inner.Args) != g.Signature().Params().Len() {
				continue
			}
			i, ifc, c := m.authParam(g.Signature())
			if i < 0 || (opt != nil && (g.Origin() != opt.Origin() || i != at)) {
				continue
			}
			opt, at, iface, ch = g, i, ifc, c
			elems = append(elems, inner.Args[i])
		}
		if len(elems) >= 2 {
			m.addChain(res, iface, ch, elems, false, call, nil, call.Pos(), []string{funcParamKey(opt, at)})
			return
		}
	}
	// Successive x.Add(a); x.Register(name, b) on one receiver: the one
	// parameter of an authenticator interface.
	if method && sel != nil && !sig.Variadic() && len(call.Args) == sig.Params().Len() {
		if at, iface, ch := m.authParam(sig); at >= 0 {
			if v := rootVar(info, sel.X); v != nil {
				seqs.add(v, false, iface, ch, call.Args[at:at+1], call.Pos(), []string{funcParamKey(fn, at)})
			}
		}
	}
}

// authParam returns the index of the one parameter of sig whose type is an
// authenticator interface, with the interface and its challenge method, or
// -1.
func (m *model) authParam(sig *types.Signature) (int, *types.Named, *types.Func) {
	at := -1
	var iface *types.Named
	var ch *types.Func
	for i := 0; i < sig.Params().Len(); i++ {
		if ifc, c, ok := m.authInterface(sig.Params().At(i).Type()); ok {
			if at >= 0 {
				return -1, nil, nil
			}
			at, iface, ch = i, ifc, c
		}
	}
	return at, iface, ch
}

// sigOf is the signature t is (through aliases and named func types), or
// nil.
func sigOf(t types.Type) *types.Signature {
	if t == nil {
		return nil
	}
	sig, _ := t.Underlying().(*types.Signature)
	return sig
}

// isType reports a conversion's type expression.
func isType(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsType()
}

// handlerParam returns the index of the one http.Handler parameter of a
// function that returns an http.Handler — a middleware, also one that takes
// other arguments (RequireKey(keys, next)) — or -1.
func handlerParam(sig *types.Signature) int {
	handler := knowledge.TypeName{Pkg: knowledge.HTTP, Name: "Handler"}
	if sig.Results().Len() != 1 || knowledge.NamedOf(sig.Results().At(0).Type()) != handler {
		return -1
	}
	at := -1
	for i := 0; i < sig.Params().Len(); i++ {
		if knowledge.NamedOf(sig.Params().At(i).Type()) == handler {
			if at >= 0 {
				return -1
			}
			at = i
		}
	}
	return at
}

// stack records a middleware stack; Use calls on one router in one
// function add up (seqs), a single call with several middleware is a
// stack of its own.
func (m *model) stack(res *Result, call *ast.CallExpr, args []ast.Expr, seqs *sequences, sel *ast.SelectorExpr) {
	if seqs != nil && sel != nil {
		if v := rootVar(m.pass.TypesInfo, sel.X); v != nil {
			if len(args) >= 2 {
				m.addChain(res, nil, nil, args, true, call, nil, call.Pos(), nil)
				return
			}
			seqs.add(v, true, nil, nil, args, call.Pos(), nil)
			return
		}
	}
	if len(args) >= 2 {
		m.addChain(res, nil, nil, args, true, call, nil, call.Pos(), nil)
	}
}

func (m *model) addChain(res *Result, iface *types.Named, ch *types.Func, elems []ast.Expr, middleware bool,
	call *ast.CallExpr, lit *ast.CompositeLit, pos token.Pos, colls []string) {
	c := &Chain{Pos: pos, End: elems[len(elems)-1].End(), Middleware: middleware, Call: call, Literal: lit, Method: ch, Colls: colls}
	var optional *types.Interface // the optional interface the challenge is asked through
	switch {
	case middleware:
		c.Policy = Policy{Kind: First}
	case ch != nil:
		c.Policy, c.NoPolicy = m.policyFor(colls, iface, ch)
	default:
		// the challenge is asked through an optional interface: the
		// consumer of the collection says which
		c.NoPolicy = "the interface has no challenge method"
		for _, k := range colls {
			if p, ok := m.byColl[k]; ok && p.Kind != 0 && p.Method != "" {
				if opt := m.methodOfKey(p.Method); opt != nil {
					c.Policy, c.NoPolicy, ch, c.Method = p, "", opt, opt
					if sig, ok := opt.Type().(*types.Signature); ok && sig.Recv() != nil {
						optional, _ = sig.Recv().Type().Underlying().(*types.Interface)
					}
					break
				}
			}
		}
	}
	for _, e := range elems {
		el := &Element{Expr: e, Name: m.name(e)}
		if middleware {
			el.Class, el.Rejects = m.middlewareClass(e)
		} else if t := m.pass.TypesInfo.TypeOf(e); optional != nil && t != nil && !types.IsInterface(t) &&
			!types.Implements(t, optional) && !types.Implements(types.NewPointer(t), optional) {
			el.Class = Less // no challenge to give through the optional interface
		} else {
			el.Class, el.Challenge = m.schemeClass(e, ch)
		}
		c.Elems = append(c.Elems, el)
	}
	res.Chains = append(res.Chains, c)
}

// funcParamKey spells parameter i of fn as the Policies fact keys it.
func funcParamKey(fn *types.Func, i int) string {
	return fn.Origin().FullName() + "#" + strconv.Itoa(i)
}

// policyFor finds the policy of a chain: that of the collection it becomes;
// for a chain whose collection has no consumer in sight, that of its
// challenge method when every consumer of the method agrees.
// methodOfKey finds the interface method a methodKey names, in this
// package or one it imports (directly or not).
func (m *model) methodOfKey(key string) *types.Func {
	i := strings.LastIndexByte(key, '.')
	if i < 0 {
		return nil
	}
	j := strings.LastIndexByte(key[:i], '.')
	if j < 0 {
		return nil
	}
	path, name, meth := key[:j], key[j+1:i], key[i+1:]
	seen := make(map[*types.Package]bool)
	var find func(p *types.Package) *types.Package
	find = func(p *types.Package) *types.Package {
		if seen[p] {
			return nil
		}
		seen[p] = true
		if p.Path() == path {
			return p
		}
		for _, q := range p.Imports() {
			if r := find(q); r != nil {
				return r
			}
		}
		return nil
	}
	p := find(m.pass.Pkg)
	if p == nil {
		return nil
	}
	tn, ok := p.Scope().Lookup(name).(*types.TypeName)
	if !ok {
		return nil
	}
	it, ok := tn.Type().Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	for k := 0; k < it.NumMethods(); k++ {
		if it.Method(k).Name() == meth {
			return it.Method(k)
		}
	}
	return nil
}

func (m *model) policyFor(colls []string, iface *types.Named, ch *types.Func) (Policy, string) {
	for _, k := range colls {
		if p, ok := m.byColl[k]; ok && p.Kind != 0 {
			return p, ""
		}
	}
	p, ok := m.byMethod[methodKey(iface, ch)]
	switch {
	case ok && p.Kind == Mixed:
		return Policy{}, "no consumer of " + strings.Join(colls, ", ") + " in sight, and the consumers of " + methodKey(iface, ch) + " disagree"
	case ok && p.Kind != 0:
		return p, ""
	case len(colls) == 0:
		return Policy{}, "no consumer of " + methodKey(iface, ch) + " in sight"
	}
	return Policy{}, "no consumer of " + strings.Join(colls, ", ") + " in sight"
}

// name spells an element for messages: its type's or function's name.
func (m *model) name(e ast.Expr) string {
	info := m.pass.TypesInfo
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok {
		if fn, ok := typeutil.Callee(info, call).(*types.Func); ok {
			return fn.Name() + "(…)"
		}
	}
	if n := knowledge.NamedOf(info.TypeOf(e)); n.Name != "" && !types.IsInterface(info.TypeOf(e)) {
		if _, isSig := info.TypeOf(e).Underlying().(*types.Signature); !isSig {
			return n.Name
		}
	}
	return types.ExprString(e)
}

// schemeClass classifies an authenticator value by its concrete type.
func (m *model) schemeClass(e ast.Expr, ch *types.Func) (Class, string) {
	info := m.pass.TypesInfo
	t := info.TypeOf(e)
	if t == nil || types.IsInterface(t) {
		return Unknown, ""
	}
	ret := RetUnknown
	challenge := ""
	if ch != nil {
		obj, _, _ := types.LookupFieldOrMethod(t, true, ch.Pkg(), ch.Name())
		if meth, ok := obj.(*types.Func); ok {
			if cf := m.retsOf(meth); cf != nil {
				ret, challenge = cf.Return, cf.Challenge
			}
		}
	}
	sets, may, known := m.typeSets(t)
	switch {
	case ret == RetChallenge || sets:
		return Bearing, challenge
	case known && !may && (ch == nil || ret == RetEmpty):
		return Less, ""
	}
	return Unknown, ""
}

func (m *model) retsOf(meth *types.Func) *ChallengeFact {
	meth = meth.Origin()
	if cf := m.rets[meth]; cf != nil {
		return cf
	}
	var cf ChallengeFact
	if meth.Pkg() != m.pass.Pkg && m.pass.ImportObjectFact(meth, &cf) {
		return &cf
	}
	return nil
}

// typeSets reports whether a type's methods set WWW-Authenticate by name
// (sets), may set it (may), and whether all of them were analysed (known).
func (m *model) typeSets(t types.Type) (sets, may, known bool) {
	if _, isPtr := t.(*types.Pointer); !isPtr {
		t = types.NewPointer(t)
	}
	ms := types.NewMethodSet(t)
	known = true
	for i := 0; i < ms.Len(); i++ {
		fn, ok := ms.At(i).Obj().(*types.Func)
		if !ok {
			continue
		}
		if !m.analysed(fn.Pkg()) {
			known = false
			continue
		}
		if s := m.resp.Of(fn); s != nil {
			sets = sets || s.Deep.Definite&response.WWW != 0
			may = may || s.Deep.Challenge&response.WWW != 0
		}
	}
	return sets, may, known
}

func (m *model) analysed(pkg *types.Package) bool {
	return m.resp.Analyzed(pkg)
}

// middlewareClass classifies a middleware by what the handlers it builds
// do: bearing if they set WWW-Authenticate; challenge-less (Less) only if
// they reject (401, 403, 407 or a redirect) and set no challenge at all;
// unknown for pass-through middleware and code the model cannot see.
func (m *model) middlewareClass(e ast.Expr) (Class, bool) {
	info := m.pass.TypesInfo
	e = ast.Unparen(e)
	for {
		call, ok := e.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			break
		}
		if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
			e = ast.Unparen(call.Args[0]) // gin.HandlerFunc(f)
			continue
		}
		break
	}
	var sum *response.Summary
	switch x := e.(type) {
	case *ast.FuncLit:
		sum = m.resp.Funcs[x]
		if sum == nil {
			return Unknown, false
		}
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(info, x).(*types.Func)
		if !ok {
			return Unknown, false
		}
		if knowledge.Challengers[knowledge.MemberOf(fn)] {
			return Bearing, true // a framework's Basic authentication middleware
		}
		if !m.analysed(fn.Pkg()) {
			return Unknown, false
		}
		sum = m.resp.Of(fn)
	case *ast.Ident, *ast.SelectorExpr:
		var id *ast.Ident
		if s, ok := x.(*ast.SelectorExpr); ok {
			id = s.Sel
		} else {
			id = x.(*ast.Ident)
		}
		fn, ok := info.Uses[id].(*types.Func)
		if ok && knowledge.Challengers[knowledge.MemberOf(fn)] {
			return Bearing, true
		}
		if !ok || !m.analysed(fn.Pkg()) {
			return Unknown, false
		}
		sum = m.resp.Of(fn)
	default:
		return Unknown, false
	}
	if sum == nil {
		return Unknown, false // analysed, does nothing to a response: pass-through
	}
	d := sum.Deep
	rejects := d.Rejects&response.Rejecting != 0
	switch {
	case d.Definite&response.WWW != 0:
		return Bearing, rejects
	case rejects && d.Challenge == 0:
		return Less, true
	}
	return Unknown, rejects
}
