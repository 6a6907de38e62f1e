package failure

import (
	"cmp"
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/authchallenge/authchallenge/passes/chain"
	"github.com/authchallenge/authchallenge/passes/internal/ir"
	"github.com/authchallenge/authchallenge/passes/internal/knowledge"
)

// Identities kept for the request. An authentication middleware keeps the
// identity its check returned for the handlers after it, under a key: of
// the request's context (context.WithValue, directly or through a setter
// such as WithPrincipal(ctx, p)) or of a framework's context (gin's and
// echo's c.Set, fiber's c.Locals). A handler that reads it back
// (ctx.Value(key), an accessor such as FromContext(ctx), c.Get(key)) and
// finds none is answering a request that did not authenticate: !ok, or the
// identity nil, is a failure of the schemes whose identities are kept
// under that key — of their class when they agree, challenge-less when they
// do not (which one failed decides, and it cannot be told). A key that no
// store in view fills with an identity is nobody's: reading it back is no
// check, and the model stays silent.
//
// Keys travel between packages as text (keyOf): the setter and the
// accessor of a package name the key they use in their Source facts, the
// packages that store identities under a key say so in an IdentityKeys
// package fact, and the package that reads one back gathers them all.

// IdentityKeys is a package fact: the keys under which this package keeps
// identities returned by credential checks, and the class of those checks.
type IdentityKeys struct {
	Keys []KeyClass // sorted by key
}

// KeyClass is one key and the class of the identities kept under it.
type KeyClass struct {
	Key   string
	Class chain.Class
}

// AFact marks IdentityKeys as a fact.
func (*IdentityKeys) AFact() {}

func (k *IdentityKeys) String() string {
	parts := make([]string, len(k.Keys))
	for i, kc := range k.Keys {
		parts[i] = fmt.Sprintf("%s (%s)", kc.Key, kc.Class)
	}
	return "keeps identities under " + strings.Join(parts, ", ")
}

// keyOf names a key value the same way in every package: a constant by its
// type and value (principalKey{}, ctxKey("user"), "user"), a package-level
// variable by its name; "" for any other key (one computed at run time is
// not followed).
func keyOf(v ssa.Value) string {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	switch v := v.(type) {
	case *ssa.Const:
		t := types.TypeString(v.Type(), nil)
		switch {
		case v.Value != nil:
			return t + "=" + v.Value.ExactString()
		case isStruct(v.Type()):
			return t + "{}"
		}
	case *ssa.UnOp:
		if g, ok := v.X.(*ssa.Global); ok && v.Op == token.MUL && g.Pkg != nil {
			return "var " + g.Pkg.Pkg.Path() + "." + g.Name()
		}
	case *ssa.Global:
		if v.Pkg != nil {
			return "&" + v.Pkg.Pkg.Path() + "." + v.Name()
		}
	}
	return ""
}

func isStruct(t types.Type) bool {
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// importKeys takes the classes of the keys the imported packages keep
// identities under (their IdentityKeys facts).
func (m *model) importKeys(facts []*IdentityKeys) {
	for _, k := range facts {
		for _, kc := range k.Keys {
			m.keyClass[kc.Key] = merged(m.keyClass, kc.Key, kc.Class)
		}
	}
}

func merged(into map[string]chain.Class, key string, c chain.Class) chain.Class {
	if old, ok := into[key]; ok && old != c {
		return chain.Less // the failing scheme decides: no challenge can be claimed
	}
	return c
}

// keep notes that this package keeps an identity of the check sig under key.
func (m *model) keep(key string, sig *Signal) {
	if key == "" || sig == nil || sig.Speculative() {
		return
	}
	c := merged(m.ownKeys, key, sig.Class)
	if old, ok := m.ownKeys[key]; !ok || old != c {
		m.ownKeys[key] = c
		m.changed = true
	}
	if old, ok := m.keyClass[key]; !ok || old != merged(m.keyClass, key, c) {
		m.keyClass[key] = merged(m.keyClass, key, c)
		m.changed = true
	}
}

// exportKeys says under which keys this package keeps identities.
func (m *model) exportKeys() {
	if len(m.ownKeys) == 0 {
		return
	}
	f := &IdentityKeys{}
	for k, c := range m.ownKeys {
		f.Keys = append(f.Keys, KeyClass{k, c})
	}
	slices.SortFunc(f.Keys, func(a, b KeyClass) int { return strings.Compare(a.Key, b.Key) })
	m.pass.ExportPackageFact(f)
}

// valueCall handles a call of the knowledge table that keeps a value under
// a key or reads one back; it reports whether the call was one.
func (m *model) valueCall(st *fstate, v *ssa.Call, obj *types.Func, mem knowledge.Member) bool {
	c := v.Common()
	if kv, ok := knowledge.ValueStores[mem]; ok {
		if val, given := storedValue(arg(c, obj, kv.Value)); given {
			m.store(st, keyOf(arg(c, obj, kv.Key)), val)
			return true
		}
	}
	if i, ok := knowledge.ValueLoads[mem]; ok {
		m.load(st, v, keyOf(arg(c, obj, i)), obj)
		return true
	}
	return false
}

// storedValue returns the value a store call is given: the argument, or
// the only element of a variadic one (fiber's Locals); given is false
// when no value is (the same method reads it back).
func storedValue(a ssa.Value) (ssa.Value, bool) {
	if a == nil {
		return nil, false
	}
	if _, ok := a.Type().Underlying().(*types.Slice); !ok {
		return a, true
	}
	if k, ok := a.(*ssa.Const); ok && k.IsNil() {
		return nil, false
	}
	s, ok := a.(*ssa.Slice)
	if !ok {
		return nil, true
	}
	var val ssa.Value
	for _, r := range refs(s.X) {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		if k, ok := ia.Index.(*ssa.Const); ok && k.Value != nil && constant.Sign(k.Value) == 0 {
			for _, u := range refs(ia) {
				if st, ok := u.(*ssa.Store); ok && st.Addr == ia {
					val = st.Val
				}
			}
		}
	}
	return val, true
}

// store: val is kept under key. An identity is noted for the key; a
// parameter makes the function a setter, whose callers keep what they
// hand it.
func (m *model) store(st *fstate, key string, val ssa.Value) {
	if key == "" || val == nil {
		return
	}
	if mi, ok := val.(*ssa.MakeInterface); ok {
		val = mi.X
	}
	if sig := st.ident[val]; sig != nil {
		m.keep(key, sig)
		return
	}
	st.keepsParam(key, val)
}

// keepsParam notes that the function keeps val under key when val is one
// of its parameters: it is a setter.
func (st *fstate) keepsParam(key string, val ssa.Value) {
	p, ok := val.(*ssa.Parameter)
	if !ok {
		return
	}
	i := slices.Index(st.fn.Params, p)
	if i < 0 || i >= 255 {
		return
	}
	kp := KeyParam{key, uint8(i + 1)}
	if !slices.Contains(st.stores, kp) {
		st.stores = append(st.stores, kp)
		slices.SortFunc(st.stores, func(a, b KeyParam) int {
			return cmp.Or(strings.Compare(a.Key, b.Key), int(a.Param)-int(b.Param))
		})
	}
}

// load: v reads back the value kept under key (by obj). It is an identity
// whose absence is a failure when the key holds identities in view.
func (m *model) load(st *fstate, v *ssa.Call, key string, obj *types.Func) {
	if key == "" {
		return
	}
	if st.loaded == nil {
		st.loaded = make(map[ssa.Value]string)
	}
	st.loaded[v] = key
	c, ok := m.keyClass[key]
	if !ok {
		return
	}
	m.outcomes(st, v, &Signal{Kind: Rejected, Class: c, Origin: Context, Pos: v.Pos(), Check: obj}, true)
}

// keyed handles a call of a function that keeps its parameter under a key
// or returns the value kept under one (its summary or fact); it reports
// whether the call was one.
func (m *model) keyed(st *fstate, v *ssa.Call, obj *types.Func, fact *Source) bool {
	if fact == nil {
		return false
	}
	if len(fact.Stores) > 0 {
		for _, kp := range fact.Stores {
			m.store(st, kp.Key, paramArg(v.Common(), int(kp.Param)-1)) // the setter keeps what it is handed
		}
		return true
	}
	if fact.Loads != "" {
		m.load(st, v, fact.Loads, obj)
		return true
	}
	return false
}

// loadedKey returns the key whose kept value v is (through type
// assertions and the extraction of their value), or "".
func loadedKey(st *fstate, v ssa.Value) string {
	for range ir.MaxDepth {
		if k := st.loaded[v]; k != "" {
			return k
		}
		switch x := v.(type) {
		case *ssa.Extract:
			if x.Index != 0 {
				return ""
			}
			v = x.Tuple
		case *ssa.TypeAssert:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		default:
			return ""
		}
	}
	return ""
}
