package ir

import "go/types"

// Implementations finds, among the named types of a set of packages, the
// methods that implement an interface method. A type is checked only when
// it declares a method of that name or embeds a field (whose methods it
// may promote), so a package with many types pays for the few that can
// match; the answer is the same as checking every type, in the same order.
type Implementations struct {
	pkgs  []*types.Package
	types []implType // built on first use
	cache map[*types.Func][]*types.Func
}

type implType struct {
	named    *types.Named
	declares map[string]bool
	embeds   bool
}

// NewImplementations returns the finder over pkgs, in that order.
func NewImplementations(pkgs []*types.Package) *Implementations {
	return &Implementations{pkgs: pkgs, cache: make(map[*types.Func][]*types.Func)}
}

// Of returns the methods implementing method (an interface method), value
// or pointer receivers, promoted ones included; nil for any other method.
func (im *Implementations) Of(method *types.Func) []*types.Func {
	if out, ok := im.cache[method]; ok {
		return out
	}
	var out []*types.Func
	recv := method.Signature().Recv()
	iface, ok := types.Unalias(recvType(recv)).Underlying().(*types.Interface)
	if ok {
		im.build()
		for _, it := range im.types {
			if !it.declares[method.Name()] && !it.embeds {
				continue
			}
			var t types.Type = it.named
			if !types.Implements(t, iface) {
				if t = types.NewPointer(it.named); !types.Implements(t, iface) {
					continue
				}
			}
			obj, _, _ := types.LookupFieldOrMethod(t, true, method.Pkg(), method.Name())
			if f, ok := obj.(*types.Func); ok {
				out = append(out, f)
			}
		}
	}
	im.cache[method] = out
	return out
}

func recvType(v *types.Var) types.Type {
	if v == nil {
		return types.Typ[types.Invalid]
	}
	return v.Type()
}

func (im *Implementations) build() {
	if im.types != nil {
		return
	}
	im.types = []implType{}
	for _, p := range im.pkgs {
		scope := p.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
				continue
			}
			named, ok := tn.Type().(*types.Named)
			if !ok {
				continue
			}
			it := implType{named: named, declares: make(map[string]bool, named.NumMethods())}
			for f := range named.Methods() {
				it.declares[f.Name()] = true
			}
			if st, ok := named.Underlying().(*types.Struct); ok {
				for i := 0; i < st.NumFields(); i++ {
					if st.Field(i).Embedded() {
						it.embeds = true
						break
					}
				}
			}
			im.types = append(im.types, it)
		}
	}
}
