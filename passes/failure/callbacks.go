package failure

import (
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/authchallenge/authchallenge/passes/chain"
	"github.com/authchallenge/authchallenge/passes/internal/knowledge"
)

// failureHandlers finds the functions the package gives a framework's
// authentication middleware to call when the credentials it reads are
// missing or do not check out (knowledge.FailureHandlers: echo's
// KeyAuthConfig.ErrorHandler, fiber's keyauth and basicauth handlers): each
// runs on that scheme's failure path from its first instruction. The
// scheme is read from the configuration's lookup ("header:Authorization",
// a Bearer token, by default; "header:X-API-Key", a key without a
// challenge), set as a constant beside the handler.
func (m *model) failureHandlers() map[*ssa.Function]*Signal {
	var out map[*ssa.Function]*Signal
	byObj := make(map[*types.Func]*ssa.Function)
	for _, fn := range m.prog.Funcs {
		if obj, ok := fn.Object().(*types.Func); ok {
			byObj[obj] = fn
		}
	}
	for _, fn := range m.prog.Funcs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				st, ok := in.(*ssa.Store)
				if !ok {
					continue
				}
				fa, ok := st.Addr.(*ssa.FieldAddr)
				if !ok {
					continue
				}
				cfgType, field := configField(fa)
				l, ok := knowledge.FailureHandlers[knowledge.Member{Pkg: cfgType.Pkg, Recv: cfgType.Name, Name: field}]
				if !ok {
					continue
				}
				h := handlerFunc(st.Val, byObj)
				if h == nil {
					continue
				}
				lookup := l.Default
				if l.Field != "" {
					if v, ok := fieldConst(fa.X, l.Field); ok {
						lookup = v
					}
				}
				if out == nil {
					out = make(map[*ssa.Function]*Signal)
				}
				out[h] = lookupSignal(lookup, st.Pos())
			}
		}
	}
	return out
}

// configField names the struct type and the field a field address is of.
func configField(fa *ssa.FieldAddr) (knowledge.TypeName, string) {
	p, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return knowledge.TypeName{}, ""
	}
	st, ok := p.Elem().Underlying().(*types.Struct)
	if !ok || fa.Field >= st.NumFields() {
		return knowledge.TypeName{}, ""
	}
	return knowledge.NamedOf(p.Elem()), st.Field(fa.Field).Name()
}

// handlerFunc returns the function a stored value calls: a function, a
// closure, or a method value (the method itself, not its wrapper).
func handlerFunc(v ssa.Value, byObj map[*types.Func]*ssa.Function) *ssa.Function {
	var f *ssa.Function
	switch x := v.(type) {
	case *ssa.Function:
		f = x
	case *ssa.MakeClosure:
		f, _ = x.Fn.(*ssa.Function)
	case *ssa.ChangeType:
		return handlerFunc(x.X, byObj)
	}
	if f != nil && f.Synthetic != "" {
		if obj, ok := f.Object().(*types.Func); ok {
			return byObj[obj] // a bound method: the method of the package
		}
		return nil
	}
	return f
}

// fieldConst returns the constant string stored in the named field of the
// struct at addr (a composite literal's field), if one is.
func fieldConst(addr ssa.Value, name string) (string, bool) {
	refs := addr.Referrers()
	if refs == nil {
		return "", false
	}
	for _, r := range *refs {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		if _, f := configField(fa); f != name {
			continue
		}
		for _, u := range *fa.Referrers() {
			if st, ok := u.(*ssa.Store); ok {
				if c, ok := st.Val.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.String {
					return constant.StringVal(c.Value), true
				}
			}
		}
	}
	return "", false
}

// lookupSignal is the failure of the credentials a middleware's lookup
// reads: the Authorization header or Basic credentials (challenge-bearing),
// another header, a query or form parameter, a cookie (challenge-less).
func lookupSignal(lookup string, pos token.Pos) *Signal {
	sig := &Signal{Kind: Rejected, Pos: pos}
	first, _, _ := strings.Cut(lookup, ",")
	source, name, _ := strings.Cut(first, ":")
	name, _, _ = strings.Cut(name, ":") // echo's "header:Authorization:Bearer "
	switch {
	case source == "basic":
		sig.Class, sig.Origin = chain.Bearing, Basic
	case source == "header" && strings.EqualFold(name, "Authorization"):
		sig.Class, sig.Origin, sig.Header = chain.Bearing, Authorization, "Authorization"
	case source == "header":
		sig.Class, sig.Origin, sig.Header = chain.Less, Header, name
	case source == "cookie":
		sig.Class, sig.Origin = chain.Less, Cookie
	default: // query, form, param
		sig.Class, sig.Origin = chain.Less, Query
	}
	return sig
}
