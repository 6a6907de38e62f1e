package response

import (
	"go/ast"
	"go/types"

	"github.com/authchallenge/authchallenge/passes/internal/knowledge"
)

// mountedBehind: a handler that the package mounts only inside a
// middleware that sets a challenge on every path before it calls the
// handler (ChallengeOn401(c)(http.HandlerFunc(h.Firmware))) answers its
// 401s with that challenge. A handler the package never mounts, or mounts
// once without such a wrapper, keeps its sites as they are: a router
// elsewhere may serve it bare.
func (m *model) mountedBehind() {
	roots := make(map[*types.Func]*fn)
	for _, f := range m.order {
		if f.root && f.obj != nil && len(f.sites) > 0 {
			roots[f.obj] = f
		}
	}
	if len(roots) == 0 {
		return
	}
	wraps := make(map[*fn]Bits)
	seen := make(map[*fn]bool)
	m.eachUse(func(use types.Object, e ast.Expr, parents []ast.Node) {
		obj, ok := use.(*types.Func)
		if !ok {
			return
		}
		f := roots[obj.Origin()]
		if f == nil {
			return
		}
		if k := len(parents); k > 0 {
			if call, ok := parents[k-1].(*ast.CallExpr); ok && ast.Unparen(call.Fun) == e {
				return // a call, not a mounting
			}
		}
		w := m.wrapperOf(e, parents)
		if seen[f] {
			wraps[f] &= w
		} else {
			wraps[f], seen[f] = w, true
		}
	})
	for f, w := range wraps {
		if w == 0 {
			continue
		}
		for _, s := range f.sites {
			s.Have |= w // (a 403 is not made right by a challenge)
		}
	}
}

// wrapperOf returns the challenges the middleware around the handler value
// e (whose enclosing nodes are parents) set before they call it, when e is
// handed to one, through conversions (http.HandlerFunc(h)): mw(h) or
// mw(args)(h). Middleware nest: what a call of one returns is a handler
// handed in turn to the next (Challenge(c)(LoadSession(s)(h))), and each
// outer one sets its challenges before the inner ones run.
func (m *model) wrapperOf(e ast.Expr, parents []ast.Node) Bits {
	var out Bits
	for i := len(parents) - 1; i >= 0; i-- {
		switch p := parents[i].(type) {
		case *ast.ParenExpr:
			e = p
			continue
		case *ast.CallExpr:
			isArg := false
			for _, a := range p.Args {
				if a == e {
					isArg = true
				}
			}
			if !isArg {
				return out
			}
			if tv, ok := m.info.Types[p.Fun]; ok && tv.IsType() {
				e = p // a conversion to a handler type
				continue
			}
			fun := ast.Unparen(p.Fun)
			inner, built := fun.(*ast.CallExpr)
			var w Bits
			if built {
				w = m.wrapsOf(inner)
			} else {
				w = m.wrapsOf(p)
			}
			if m.handlerValue(m.info.TypeOf(p)) {
				out |= w // a middleware: the handler it returns is mounted in turn
				e = p
				continue
			}
			if w != 0 || built {
				return out | w
			}
			// registered on a router: what the router's middleware
			// stack sets (r.Use(mw) then r.HandleFunc(path, h), or
			// r.With(mw).Get(path, h))
			return out | m.stackWraps(fun, parents[:i])
		}
		return out
	}
	return out
}

// handlerValue reports whether values of type t are handlers: a function
// of a framework's handler shape, or an http.Handler.
func (m *model) handlerValue(t types.Type) bool {
	if t == nil {
		return false
	}
	if sig, ok := t.Underlying().(*types.Signature); ok {
		return m.handlerSig(sig)
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "ServeHTTP")
	f, ok := obj.(*types.Func)
	return ok && m.handlerSig(f.Signature())
}

// stackWraps returns the challenges that a middleware of the stack of the
// router a handler is registered on (fun is the registering method,
// parents the nodes around the call) sets before it calls the handler: one
// stacked by a call on the same router variable in the enclosing function
// (Use, Pre), or built into the receiver (r.With(mw).Get(…)).
func (m *model) stackWraps(fun ast.Expr, parents []ast.Node) Bits {
	sel, ok := fun.(*ast.SelectorExpr)
	if !ok {
		return 0
	}
	var out Bits
	switch x := ast.Unparen(sel.X).(type) {
	case *ast.CallExpr:
		if f, ok := m.calleeObj(x).(*types.Func); ok && knowledge.MiddlewareCall(f) == knowledge.Builds {
			for _, a := range x.Args {
				out |= m.wrapsOfExpr(a)
			}
		}
	case *ast.Ident:
		v, ok := m.info.Uses[x].(*types.Var)
		if !ok || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
			return 0 // a router the function does not own
		}
		var body ast.Node
		for i := len(parents) - 1; i >= 0 && body == nil; i-- {
			switch f := parents[i].(type) {
			case *ast.FuncDecl:
				body = f.Body
			case *ast.FuncLit:
				body = f.Body
			}
		}
		if body == nil {
			return 0
		}
		ast.Inspect(body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			cs, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if id, ok := ast.Unparen(cs.X).(*ast.Ident); !ok || m.info.Uses[id] != v {
				return true
			}
			if f, ok := m.calleeObj(call).(*types.Func); ok && knowledge.MiddlewareCall(f) == knowledge.Adds {
				for _, a := range call.Args {
					out |= m.wrapsOfExpr(a)
				}
			}
			return true
		})
	}
	return out
}

// wrapsOfExpr returns what a middleware expression sets on every path
// before it calls the handler after it: a constructor's call
// (advertiseBasic("firmware")), a middleware function or method value
// (the handlers it builds), or a framework middleware that is itself a
// handler calling the next one (func(c *gin.Context)).
func (m *model) wrapsOfExpr(e ast.Expr) Bits {
	var obj types.Object
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return m.wrapsOf(x)
	case *ast.Ident:
		obj = m.info.Uses[x]
	case *ast.SelectorExpr:
		obj = m.info.Uses[x.Sel]
	}
	fun, ok := obj.(*types.Func)
	if !ok {
		return 0
	}
	sum := m.summaryOf(fun)
	if sum == nil {
		return 0
	}
	if m.handlerSig(fun.Signature()) {
		return sum.Must & AllChallenges
	}
	return sum.Deep.Wraps
}

// wrapsOf returns what every handler built by the function call calls
// sets on every path.
func (m *model) wrapsOf(call *ast.CallExpr) Bits {
	fun, ok := m.calleeObj(call).(*types.Func)
	if !ok {
		return 0
	}
	if sum := m.summaryOf(fun); sum != nil {
		return sum.Deep.Wraps
	}
	return 0
}

// summaryOf returns the summary of a function of this package, or the
// fact of one of another (nil when there is none).
func (m *model) summaryOf(fun *types.Func) *Summary {
	if f := m.byObj[fun.Origin()]; f != nil {
		return &f.sum
	}
	if fact := m.imported(fun.Origin()); fact != nil {
		return fact
	}
	return nil
}
