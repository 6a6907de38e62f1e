package failure

import (
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/authchallenge/authchallenge/passes/chain"
	"github.com/authchallenge/authchallenge/passes/config"
	"github.com/authchallenge/authchallenge/passes/internal/ir"
	"github.com/authchallenge/authchallenge/passes/internal/knowledge"
)

// source is one credential read: where, and its class. Values derived from
// it share it, so that a later use that reveals the scheme (a SigV4 or a
// Bearer prefix cut) classifies every value of the lineage.
type source struct {
	class  chain.Class
	origin Origin
	header string
	pos    token.Pos
	param  int // for origin Param: the parameter's index
	// derived: read back from a struct field or from the record a store
	// keeps for the credential (a session's roles): evidence inside the
	// function, but not what the function reads from a request.
	derived bool
}

func (s *source) derive() *source {
	if s.derived {
		return s
	}
	d := *s
	d.derived = true
	return &d
}

// mode says which value of a check's result means no.
type mode uint8

const (
	failNonNil mode = iota + 1 // an error
	failFalse                  // a bool
	failNil                    // an identity: nil or empty
	failNotOne                 // subtle.ConstantTimeCompare
)

type outcome struct {
	sig  *Signal
	mode mode
}

// fstate is the data flow of one function.
type fstate struct {
	fn   *ssa.Function
	cred map[ssa.Value]*source
	outc map[ssa.Value]*outcome
	// addr: addresses (locals, structs) that hold a credential
	addr map[ssa.Value]*source
	// ident: values derived from the identity a check returned, and the
	// failure of that check
	ident map[ssa.Value]*Signal
	// loaded: values read back from under a key; stores: the keys the
	// function keeps its parameters under (keys.go)
	loaded map[ssa.Value]string
	stores []KeyParam
	// certs: the function reads the client certificates of a TLS
	// connection (certificate)
	certs bool
	// measure: integers a standard library function computes of a
	// credential (strings.Count(token, "."), strings.Index(v, ":")):
	// compared with a constant, they test its form
	measure map[ssa.Value]*source
	sig     map[*ssa.BasicBlock]*Signal
	guard   map[*ssa.BasicBlock]Guard
}

// summary is what the model knows of a function of this package.
type summary struct {
	src Source
	// params: the credentials in-package callers hand each parameter;
	// plain: some caller hands a non-credential.
	params []*source
	plain  []bool
	// errs: the failure of the check whose error in-package callers hand
	// each error parameter; errPlain: some caller hands another error.
	errs     []*Signal
	errPlain []bool
	reads    *source
	// fnArgs: the functions in-package callers hand each parameter of an
	// unnamed func type; fnUnknown: some caller hands another value.
	fnArgs    [][]*ssa.Function
	fnUnknown []bool
	// names: the constant string (a header or metadata name, however
	// spelled) every in-package caller hands each string parameter;
	// namePlain: some caller hands another value.
	names     []string
	namePlain []bool
}

type model struct {
	pass   *analysis.Pass
	cfg    *config.Config
	prog   *ir.IR
	res    *Result
	sums   map[*ssa.Function]*summary
	fields map[*types.Var]*source
	states map[*ssa.Function]*fstate
	facts  map[*types.Func]*Source
	// funcVals: the function values converted to each named func type
	// here; typeFacts: what imported func types' values read.
	funcVals  map[*types.TypeName]*funcVals
	typeFacts map[*types.TypeName]*FuncValues
	// handed: the functions of other packages this one hands a
	// credential (FullName), which confirms their speculative sentinels
	handed map[string]bool
	// impls finds the implementations of interface methods called here
	impls *ir.Implementations
	// readerNames: the names of the methods, of this package (their
	// summaries, so far) or imported (their facts), that read
	// credentials. An interface method of any other name has no
	// implementation that does, and its call is no check: the search for
	// its implementations (types.Implements on every type that declares
	// the name, runtime.Object's DeepCopyObject on every Kubernetes API
	// type) is not paid.
	readerNames map[string]bool
	// keyClass: the keys identities are kept under, in this package and
	// the imported ones, and their class; ownKeys: those this package
	// keeps identities under (keys.go)
	keyClass, ownKeys map[string]chain.Class
	// changed: a summary or field changed in this round
	changed bool
	// handlers: the functions a framework's authentication middleware
	// calls on a failure, and that failure (failureHandlers)
	handlers map[*ssa.Function]*Signal
}

func newModel(pass *analysis.Pass, cfg *config.Config, prog *ir.IR, res *Result) *model {
	m := &model{pass: pass, cfg: cfg, prog: prog, res: res, sums: make(map[*ssa.Function]*summary),
		fields: make(map[*types.Var]*source), states: make(map[*ssa.Function]*fstate), facts: make(map[*types.Func]*Source),
		funcVals: make(map[*types.TypeName]*funcVals), typeFacts: make(map[*types.TypeName]*FuncValues), handed: make(map[string]bool), readerNames: make(map[string]bool),
		keyClass: make(map[string]chain.Class), ownKeys: make(map[string]chain.Class)}
	for _, f := range pass.AllObjectFacts() {
		if s, ok := f.Fact.(*Source); ok {
			if fn, ok := f.Object.(*types.Func); ok {
				m.facts[fn] = s
				if s.Origin != NoOrigin && s.Origin != Param && fn.Signature().Recv() != nil {
					m.readerNames[fn.Name()] = true
				}
			}
		}
		if v, ok := f.Fact.(*FuncValues); ok {
			if tn, ok := f.Object.(*types.TypeName); ok {
				m.typeFacts[tn] = v
			}
		}
	}
	for _, fn := range prog.Funcs {
		n := len(fn.Params)
		m.sums[fn] = &summary{params: make([]*source, n), plain: make([]bool, n), errs: make([]*Signal, n), errPlain: make([]bool, n),
			fnArgs: make([][]*ssa.Function, n), fnUnknown: make([]bool, n), names: make([]string, n), namePlain: make([]bool, n)}
	}
	return m
}

// solve runs the data flow to a fixed point (a few rounds: summaries feed
// callers, call sites feed parameters), then the failure paths, the
// unauthenticated errors, and the paths again with them.
func (m *model) solve() {
	m.collectFuncValues()
	for round := 0; round < 4; round++ {
		m.changed = false
		for _, fn := range m.prog.Funcs {
			m.states[fn] = m.flow(fn)
		}
		if !m.changed {
			break
		}
	}
	m.confirm()
	m.handlers = m.failureHandlers()
	for _, fn := range m.prog.Funcs {
		m.paths(m.states[fn])
	}
	if m.unauthenticated() {
		for _, fn := range m.prog.Funcs {
			m.paths(m.states[fn])
		}
	}
	m.export()
	m.exportFuncValues()
	m.exportKeys()
}

func (m *model) export() {
	for _, fn := range m.prog.Funcs {
		st, sum := m.states[fn], m.sums[fn]
		fi := &funcInfo{fn: fn, sig: st.sig, guard: st.guard, reads: sum.reads}
		if syn := fn.Syntax(); syn != nil {
			fi.from, fi.to = syn.Pos(), syn.End()
		}
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				if p := in.Pos(); p.IsValid() {
					fi.instrs = append(fi.instrs, posInstr{p, b})
				}
			}
		}
		sortInstrs(fi.instrs)
		m.res.funcs = append(m.res.funcs, fi)
		if obj, ok := fn.Object().(*types.Func); ok && obj.Pkg() == m.pass.Pkg && !sum.src.zero() {
			s := sum.src
			if s.FromParam != 0 {
				s.Extracts = true
				for _, sig := range st.sig {
					if sig.Kind != Absent {
						s.Extracts = false // it verifies: what it returns is an identity
					}
				}
			}
			m.pass.ExportObjectFact(obj, &s)
		}
	}
}

func sortInstrs(ins []posInstr) {
	// insertion sort keeps equal positions in block order; lists are short
	for i := 1; i < len(ins); i++ {
		for j := i; j > 0 && ins[j].pos < ins[j-1].pos; j-- {
			ins[j], ins[j-1] = ins[j-1], ins[j]
		}
	}
}

// flow computes which values of fn are credentials, check outcomes and
// identities, and updates fn's summary and its callees' parameters.
func (m *model) flow(fn *ssa.Function) *fstate {
	st := &fstate{fn: fn, cred: make(map[ssa.Value]*source), outc: make(map[ssa.Value]*outcome),
		addr: make(map[ssa.Value]*source), ident: make(map[ssa.Value]*Signal), measure: make(map[ssa.Value]*source)}
	sum := m.sums[fn]
	spec := speculative(fn)
	for i, p := range fn.Params {
		switch {
		case sum.params[i] != nil:
			st.cred[p] = sum.params[i]
		case spec && !sum.plain[i] && credentialType(p.Type()):
			st.cred[p] = &source{class: chain.Unknown, origin: Param, pos: p.Pos(), param: i}
		}
		if sum.errs[i] != nil && !sum.errPlain[i] {
			st.outc[p] = &outcome{sum.errs[i], failNonNil} // every caller hands in a failed check's error
		}
	}
	for _, fv := range fn.FreeVars {
		if b := ir.Binding(fv); b != nil {
			if parent := m.states[fn.Parent()]; parent != nil {
				if s := parent.cred[b]; s != nil {
					st.cred[fv] = s
				} else if s := parent.addr[b]; s != nil {
					st.addr[fv] = s
				}
			}
		}
	}
	for iter := 0; iter < 3; iter++ {
		n := len(st.cred) + len(st.outc) + len(st.addr) + len(st.ident)
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				m.instr(st, in)
			}
		}
		if len(st.cred)+len(st.outc)+len(st.addr)+len(st.ident) == n {
			break
		}
	}
	m.summarise(st)
	return st
}

// speculative: a function whose string parameters may be credentials its
// callers hand it (it answers with an error or a bool).
func speculative(fn *ssa.Function) bool {
	res := fn.Signature.Results()
	for i := 0; i < res.Len(); i++ {
		if isError(res.At(i).Type()) || isBool(res.At(i).Type()) {
			return true
		}
	}
	return false
}

func credentialType(t types.Type) bool { return knowledge.IsText(t) }

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

func (m *model) summarise(st *fstate) {
	sum := m.sums[st.fn]
	old := sum.src
	var reads *source
	note := func(s *source) {
		if s != nil && s.origin != Param && !s.derived {
			reads = stronger(reads, s)
		}
	}
	for _, s := range st.cred {
		note(s)
	}
	for _, o := range st.outc {
		// an identity missing from the request's context is its callers'
		// failure through Loads (keys.go), not a credential this
		// function reads: an authorization helper reads it too
		if o.sig.Kind != Sentinel && o.sig.Origin != Context {
			note(&source{class: o.sig.Class, origin: o.sig.Origin, header: o.sig.Header, pos: o.sig.Pos})
		}
	}
	sum.reads = reads
	if reads != nil && st.fn.Signature.Recv() != nil {
		m.readerNames[st.fn.Name()] = true
	}
	src := Source{}
	if reads != nil {
		src.Class, src.Origin, src.Header = reads.class, reads.origin, reads.header
	}
	src.Stores = st.stores
	for _, b := range st.fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		for i, r := range ret.Results {
			if k := loadedKey(st, r); k != "" {
				src.Loads = k
			}
			if i >= 8 {
				break
			}
			s := st.cred[r]
			if s == nil || s.derived {
				continue // a record kept for the credential (its scopes) is what a check found, not the credential
			}
			if s.origin == Param {
				if s.param < 8 {
					src.FromParam |= 1 << (uint(s.param)*8 + uint(i))
				}
			} else {
				src.Returns |= 1 << uint(i)
			}
		}
	}
	for i, p := range st.fn.Params {
		if s := st.cred[p]; s != nil && s.origin == SigV4 && i < 8 {
			src.SigV4Params |= 1 << uint(i)
		}
		// a parameter's credential decoded into what another points to
		if s := st.addr[p]; s != nil && s.origin == Param && s.param != i && s.param < 8 && i < 8 && !s.derived {
			src.Into |= 1 << (uint(s.param)*8 + uint(i))
		}
	}
	sum.src = src
	if !src.equal(&old) {
		m.changed = true
	}
}

// stronger merges two sources: a challenge-bearing one wins, then unknown.
func stronger(a, b *source) *source {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	case rank(b.class) > rank(a.class):
		return b
	}
	return a
}

func rank(c chain.Class) int {
	switch c {
	case chain.Bearing:
		return 2
	case chain.Unknown:
		return 1
	}
	return 0
}

func (m *model) instr(st *fstate, in ssa.Instruction) {
	switch v := in.(type) {
	case *ssa.Call:
		m.call(st, v)
	case *ssa.Phi:
		for _, e := range v.Edges {
			if s := st.cred[e]; s != nil {
				st.cred[v] = s
			}
			if sig := st.ident[e]; sig != nil {
				st.ident[v] = sig
			}
		}
	case *ssa.ChangeType, *ssa.Convert, *ssa.MakeInterface, *ssa.ChangeInterface, *ssa.Slice, *ssa.SliceToArrayPointer,
		*ssa.FieldAddr, *ssa.Field, *ssa.IndexAddr, *ssa.Index:
		x := in.Operands(nil)[0]
		if s := st.cred[*x]; s != nil {
			st.cred[v.(ssa.Value)] = s
		} else if s := st.addr[*x]; s != nil {
			st.cred[v.(ssa.Value)] = s // a field of a struct holding the credential
		}
		if sig := st.ident[*x]; sig != nil {
			st.ident[v.(ssa.Value)] = sig
		}
		if fa, ok := in.(*ssa.FieldAddr); ok {
			if s := m.fields[ir.FieldOfAddr(fa)]; s != nil && st.cred[fa] == nil {
				st.addr[fa] = s.derive()
			}
		}
		if f, ok := in.(*ssa.Field); ok {
			if s := m.fields[fieldOf(f)]; s != nil && st.cred[f] == nil {
				st.cred[f] = s.derive()
			}
			if knowledge.ClientCertificates[knowledge.NamedOf(f.X.Type())][fieldName(f.X.Type(), f.Field)] {
				certificate(st, f)
			}
		}
	case *ssa.TypeAssert:
		if s := st.cred[v.X]; s != nil && !v.CommaOk {
			st.cred[v] = s
		}
		if sig := st.ident[v.X]; sig != nil {
			st.ident[v] = sig
		}
		if o := st.outc[v.X]; o != nil && o.mode == failNil && o.sig.Origin == Context {
			// the identity kept for the request, of the type asserted, or
			// none (keys.go); the assertion on a check's result chooses
			// among identities instead (a user or a service account)
			if !v.CommaOk {
				st.outc[v] = o
			} else {
				for _, r := range refs(v) {
					if x, ok := r.(*ssa.Extract); ok {
						switch x.Index {
						case 0:
							st.outc[x], st.ident[x] = o, o.sig
						case 1:
							st.outc[x] = &outcome{o.sig, failFalse}
						}
					}
				}
			}
		}
	case *ssa.Extract:
		if sig := st.ident[v.Tuple]; sig != nil {
			st.ident[v] = sig
		}
	case *ssa.UnOp:
		switch v.Op {
		case token.MUL:
			if fa, ok := v.X.(*ssa.FieldAddr); ok {
				if p, ok := fa.X.Type().Underlying().(*types.Pointer); ok {
					t := p.Elem()
					name := fieldName(t, fa.Field)
					if knowledge.ClientCertificates[knowledge.NamedOf(t)][name] ||
						st.certs && knowledge.TLSStates[knowledge.NamedOf(t)] == name {
						certificate(st, v)
					}
				}
			}
			if s := st.addr[v.X]; s != nil {
				st.cred[v] = s
			} else if s := st.cred[v.X]; s != nil {
				st.cred[v] = s
			}
			if sig := st.ident[v.X]; sig != nil {
				st.ident[v] = sig
			}
		case token.NOT:
			if o := st.outc[v.X]; o != nil && o.mode == failFalse {
				// handled in conditions
			}
		}
	case *ssa.BinOp:
		if v.Op == token.ADD {
			if s := st.cred[v.X]; s != nil {
				st.cred[v] = s
			} else if s := st.cred[v.Y]; s != nil {
				st.cred[v] = s
			}
		}
	case *ssa.Lookup:
		s := st.cred[v.Index]
		if s == nil {
			s = st.cred[v.X]
		}
		if s == nil {
			return
		}
		if v.CommaOk {
			sig := &Signal{Kind: Mismatch, Class: s.class, Origin: s.origin, Header: s.header, Pos: v.Pos()}
			for _, r := range refs(v) {
				if x, ok := r.(*ssa.Extract); ok {
					switch x.Index {
					case 0:
						st.cred[x] = s.derive() // the record stored for the credential
					case 1:
						st.outc[x] = &outcome{sig, failFalse}
					}
				}
			}
		} else {
			st.cred[v] = s.derive()
		}
	case *ssa.Store:
		if sig := st.ident[v.Val]; sig != nil {
			if fa, ok := v.Addr.(*ssa.FieldAddr); ok {
				if a, ok := ir.Origin(fa.X).(*ssa.Alloc); ok {
					st.ident[a] = sig // a struct built here from the identity: an identity
				}
			}
		}
		s := st.cred[v.Val]
		if s == nil {
			return
		}
		st.addr[v.Addr] = s
		if fa, ok := v.Addr.(*ssa.FieldAddr); ok {
			if f := ir.FieldOfAddr(fa); f != nil && m.fields[f] == nil && s.origin != Param && !s.derived {
				m.fields[f] = s
				m.changed = true
			}
			st.addr[ir.Origin(fa.X)] = s // the struct now carries a credential
		}
		if ia, ok := v.Addr.(*ssa.IndexAddr); ok {
			st.addr[ir.Origin(ia.X)] = s
		}
	}
}

// certificate: v holds the client certificates of a TLS connection (or the
// connection state they are read from): the identity mutual TLS
// established, missing when nil or empty — a failure of a challenge-less
// scheme. A condition on a certificate found (its name on a list) is
// authorization.
func certificate(st *fstate, v ssa.Value) {
	st.certs = true
	sig := &Signal{Kind: Absent, Class: chain.Less, Origin: ClientCert, Pos: v.Pos()}
	if st.outc[v] == nil {
		st.outc[v] = &outcome{sig, failNil}
	}
	if st.ident[v] == nil {
		st.ident[v] = sig
	}
}

// fieldName returns the name of field i of the struct t, or "".
func fieldName(t types.Type, i int) string {
	if s, ok := t.Underlying().(*types.Struct); ok && i < s.NumFields() {
		return s.Field(i).Name()
	}
	return ""
}

func fieldOf(f *ssa.Field) *types.Var {
	t := f.X.Type().Underlying()
	if st, ok := t.(*types.Struct); ok && f.Field < st.NumFields() {
		return st.Field(f.Field).Origin()
	}
	return nil
}

func refs(v ssa.Value) []ssa.Instruction {
	if r := v.Referrers(); r != nil {
		return *r
	}
	return nil
}

// calleeOf returns the function a call invokes (a static callee, or the
// interface method) and its SSA function when static.
func calleeOf(c *ssa.CallCommon) (*types.Func, *ssa.Function) {
	if c.IsInvoke() {
		return c.Method, nil
	}
	if f := c.StaticCallee(); f != nil {
		obj, _ := f.Object().(*types.Func)
		return obj, f
	}
	return nil, nil
}

// arg returns the call's argument i, counting as the knowledge table does
// (the receiver of a static method call not counted).
func arg(c *ssa.CallCommon, obj *types.Func, i int) ssa.Value {
	if !c.IsInvoke() && obj != nil && obj.Signature().Recv() != nil {
		i++
	}
	if i < len(c.Args) {
		return c.Args[i]
	}
	return nil
}

// results returns what the call's results are: each Extract of a tuple,
// or the call itself.
func results(v *ssa.Call) map[int]ssa.Value {
	out := make(map[int]ssa.Value)
	if _, ok := v.Type().(*types.Tuple); !ok {
		out[0] = v
		return out
	}
	for _, r := range refs(v) {
		if x, ok := r.(*ssa.Extract); ok {
			out[x.Index] = x
		}
	}
	return out
}

func resultType(v *ssa.Call, i int) types.Type {
	if t, ok := v.Type().(*types.Tuple); ok {
		return t.At(i).Type()
	}
	return v.Type()
}

func (m *model) call(st *fstate, v *ssa.Call) {
	c := v.Common()
	obj, callee := calleeOf(c)
	if b, ok := c.Value.(*ssa.Builtin); ok {
		if b.Name() == "append" && len(c.Args) > 1 {
			if s := st.cred[c.Args[1]]; s != nil {
				st.cred[v] = s
			}
		}
		return
	}
	// credentials handed to callees of this package
	if callee != nil && m.sums[callee] != nil {
		sum := m.sums[callee]
		for i, a := range c.Args {
			if i >= len(sum.params) {
				break
			}
			if s := st.cred[a]; s != nil && s.origin != Param {
				if sum.params[i] != s {
					if sum.params[i] == nil {
						m.changed = true
					}
					sum.params[i] = stronger(sum.params[i], s)
				}
			} else if credentialType(a.Type()) && !sum.plain[i] && s == nil {
				// a caller's own parameter keeps the callee's parameter
				// speculative too (a verifier's decoding helper)
				sum.plain[i] = true
				m.changed = true
			}
			if _, ok := a.Type().(*types.Signature); ok {
				m.handFunc(sum, i, a)
			}
			if b, ok := a.Type().Underlying().(*types.Basic); ok && b.Kind() == types.String && !sum.namePlain[i] {
				name, ok := m.constName(a)
				switch {
				case !ok || sum.names[i] != "" && sum.names[i] != name:
					sum.namePlain[i] = true
					m.changed = true
				case sum.names[i] == "":
					sum.names[i] = name
					m.changed = true
				}
			}
			if isError(a.Type()) {
				if o := st.outc[a]; o != nil && o.mode == failNonNil && !o.sig.Speculative() {
					if sum.errs[i] == nil {
						sum.errs[i] = o.sig
						m.changed = true
					}
				} else if !sum.errPlain[i] {
					sum.errPlain[i] = true
					m.changed = true
				}
			}
		}
	}
	if obj == nil {
		m.dynamic(st, v)
		return
	}
	mem := knowledge.MemberOf(obj)
	if cred, ok := knowledge.Credentials[mem]; ok {
		m.read(st, v, obj, cred)
		return
	}
	if m.valueCall(st, v, obj, mem) {
		return
	}
	if obj.Pkg() != nil && knowledge.IsStdlib(obj.Pkg().Path()) {
		m.stdlib(st, v, obj)
		return
	}
	// a struct holding a credential, or the credential itself
	var given *source
	args := c.Args
	if c.IsInvoke() {
		args = append([]ssa.Value{c.Value}, args...)
	}
	for _, a := range args {
		if s := st.cred[a]; s != nil {
			given = stronger(given, s)
		} else if s := st.addr[ir.Origin(a)]; s != nil {
			given = stronger(given, s)
		}
		if sig := st.ident[a]; sig != nil {
			st.ident[v] = sig
		}
	}
	var fact *Source
	if callee != nil && m.sums[callee] != nil {
		fact = &m.sums[callee].src
	} else if f := m.facts[obj.Origin()]; f != nil {
		fact = f
	} else if c.IsInvoke() && given == nil {
		fact = m.viaImplementations(st.fn, obj)
	}
	if m.keyed(st, v, obj, fact) {
		return
	}
	res := results(v)
	if fact != nil {
		// a decoder: what a parameter points to now holds the
		// credential handed in another
		for i := 0; fact.Into != 0 && i < 8; i++ {
			for j := 0; j < 8; j++ {
				if fact.Into&(1<<(uint(i)*8+uint(j))) == 0 {
					continue
				}
				if a, b := paramArg(c, i), paramArg(c, j); a != nil && b != nil {
					if s := st.cred[a]; s != nil {
						st.addr[ir.Origin(b)] = s
					}
				}
			}
		}
		// a getter: results carrying the credential it reads or is given
		carried, passed := false, false
		for i, r := range res {
			if i < 8 && fact.Returns&(1<<uint(i)) != 0 {
				st.cred[r] = &source{class: fact.Class, origin: fact.Origin, header: fact.Header, pos: v.Pos()}
				carried = true
			}
			for j := 0; j < 8 && i < 8; j++ {
				if fact.FromParam&(1<<(uint(j)*8+uint(i))) != 0 {
					if a := paramArg(c, j); a != nil && st.cred[a] != nil {
						st.cred[r] = st.cred[a]
						passed = true
					}
				}
			}
		}
		if passed && !carried && given != nil && !fact.Extracts {
			// a check that hands back what it was given, parsed: what it
			// returns is an identity (a subject), no longer a credential
			for _, r := range res {
				delete(st.cred, r)
			}
			sig := &Signal{Kind: Rejected, Class: given.class, Origin: given.origin, Header: given.header, Pos: v.Pos(), Check: obj}
			m.outcomes(st, v, sig, true)
			return
		}
		carried = carried || passed
		for j := 0; j < 8; j++ {
			if fact.SigV4Params&(1<<uint(j)) != 0 {
				if a := paramArg(c, j); a != nil {
					if s := st.cred[a]; s != nil && s.origin != Param {
						s.class, s.origin = chain.Less, SigV4
					} else if s != nil {
						s.origin = SigV4
					}
				}
			}
		}
		if carried {
			var s *source
			for _, r := range res {
				s = stronger(s, st.cred[r])
			}
			m.outcomes(st, v, &Signal{Kind: Absent, Class: s.class, Origin: s.origin, Header: s.header, Pos: v.Pos(), Check: obj}, false)
			return
		}
		if given == nil && fact.Origin != NoOrigin && takesRequest(c) {
			// a check that takes only the request: what its body reads
			sig := &Signal{Kind: Rejected, Class: fact.Class, Origin: fact.Origin, Header: fact.Header, Pos: v.Pos(), Check: obj}
			m.outcomes(st, v, sig, true)
			return
		}
	}
	if given == nil || knowledge.Described(obj.Pkg().Path()) {
		return
	}
	if given.origin != Param && obj.Pkg() != m.pass.Pkg {
		m.handed[obj.Origin().FullName()] = true
	}
	sig := &Signal{Kind: Rejected, Class: given.class, Origin: given.origin, Header: given.header, Pos: v.Pos(), Check: obj}
	if given.origin == Param {
		sig.Origin = Param
	}
	m.outcomes(st, v, sig, true)
}

// viaImplementations: a call of an interface method (a.Authenticate(r))
// reads what every implementation the analysis knows reads, when each of
// them reads credentials from the request it is given (of their class when
// they agree, challenge-less when they do not: the failing scheme decides): this package's
// types (their summaries) and the imported ones (their facts). An
// implementation the model knows nothing of, or one that reads none, makes
// the call no check (nil). The function being analysed is left out: a
// chain that implements the interface it loops over reads what its
// elements read.
func (m *model) viaImplementations(in *ssa.Function, method *types.Func) *Source {
	if !m.readerNames[method.Name()] {
		return nil
	}
	if m.impls == nil {
		pkgs := []*types.Package{m.pass.Pkg}
		for _, p := range m.pass.Pkg.Imports() {
			if !knowledge.IsStdlib(p.Path()) {
				pkgs = append(pkgs, p)
			}
		}
		m.impls = ir.NewImplementations(pkgs)
	}
	impls := m.impls.Of(method)
	var out *Source
	for _, impl := range impls {
		if in != nil && in.Object() == impl {
			continue
		}
		var src Source
		if impl.Pkg() == m.pass.Pkg {
			fn := m.prog.Pkg.Prog.FuncValue(impl)
			if fn == nil || m.sums[fn] == nil || m.sums[fn].reads == nil {
				return nil
			}
			r := m.sums[fn].reads
			src = Source{Class: r.class, Origin: r.origin, Header: r.header}
		} else {
			f := m.facts[impl.Origin()]
			if f == nil || f.Origin == NoOrigin || f.Origin == Param {
				return nil
			}
			src = Source{Class: f.Class, Origin: f.Origin, Header: f.Header}
		}
		switch {
		case out == nil:
			out = &src
		case out.Class != src.Class:
			// which scheme failed decides the answer (a 403 is right
			// for a challenge-less one): no challenge-bearing failure
			// can be claimed
			out.Class = chain.Less
		}
	}
	return out
}

// confirm: an imported sentinel that only the functions of its package
// handed credentials by their callers return (speculative there) is an
// unauthenticated error here when this package hands one of them a
// credential (token.ErrExpired, returned by token.Verify, which this
// package calls with a bearer token). The verdict stays local.
func (m *model) confirm() {
	for obj, u := range m.res.unauth {
		if !u.Speculative || obj.Pkg() == m.pass.Pkg {
			continue
		}
		for _, f := range u.By {
			if m.handed[f] {
				m.res.unauth[obj] = &Unauthenticated{Class: u.Class}
				break
			}
		}
	}
}

// paramArg returns the argument for SSA parameter j (the receiver of a
// static method call is parameter 0).
func paramArg(c *ssa.CallCommon, j int) ssa.Value {
	if c.IsInvoke() {
		if j == 0 {
			return c.Value
		}
		j--
	}
	if j < len(c.Args) {
		return c.Args[j]
	}
	return nil
}

// outcomes marks a check's results: its error, bool and (when identity)
// its identity.
func (m *model) outcomes(st *fstate, v *ssa.Call, sig *Signal, identity bool) {
	for i, r := range results(v) {
		t := resultType(v, i)
		switch {
		case isError(t) && types.IsInterface(t):
			st.outc[r] = &outcome{sig, failNonNil}
		case isBool(t):
			st.outc[r] = &outcome{sig, failFalse}
		case identity && identityType(t):
			if st.outc[r] == nil {
				st.outc[r] = &outcome{sig, failNil}
			}
			st.ident[r] = sig
		}
	}
}

func identityType(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Pointer, *types.Interface, *types.Map, *types.Slice:
		return true
	case *types.Basic:
		return u.Info()&types.IsString != 0
	}
	return false
}

// read marks the results of a credential getter of the knowledge table.
func (m *model) read(st *fstate, v *ssa.Call, obj *types.Func, cred knowledge.Credential) {
	c := v.Common()
	var s *source
	switch cred.Kind {
	case knowledge.HeaderValue:
		a := arg(c, obj, cred.Arg)
		if a == nil {
			return
		}
		if s = m.headerSource(a); s == nil {
			return
		}
	case knowledge.BasicAuth:
		s = &source{class: chain.Bearing, origin: Basic}
	case knowledge.Cookie:
		s = &source{class: chain.Less, origin: Cookie}
	case knowledge.IncomingMetadata:
		s = &source{class: chain.Unknown, origin: Metadata}
	case knowledge.AuthorizationValue:
		s = &source{class: chain.Bearing, origin: Authorization}
	case knowledge.QueryValue:
		s = &source{class: chain.Less, origin: Query}
	case knowledge.SecretComparison:
		var given *source
		for _, a := range c.Args {
			given = stronger(given, m.credOf(st, a))
		}
		if given != nil {
			st.outc[v] = &outcome{&Signal{Kind: Mismatch, Class: given.class, Origin: given.origin, Header: given.header, Pos: v.Pos()}, failNotOne}
		}
		return
	default:
		return
	}
	s.pos = v.Pos()
	res := results(v)
	for i, r := range res {
		t := resultType(v, i)
		switch {
		case isBool(t) || (isError(t) && types.IsInterface(t)):
			md := failFalse
			if !isBool(t) {
				md = failNonNil
			}
			st.outc[r] = &outcome{&Signal{Kind: Absent, Class: s.class, Origin: s.origin, Header: s.header, Pos: v.Pos()}, md}
		default:
			st.cred[r] = s
		}
	}
}

// credOf: the credential a value holds, through conversions ([]byte(tok)).
func (m *model) credOf(st *fstate, v ssa.Value) *source {
	for i := 0; i < ir.MaxDepth; i++ {
		if s := st.cred[v]; s != nil {
			return s
		}
		switch x := v.(type) {
		case *ssa.Convert:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.MakeInterface:
			v = x.X
		default:
			return nil
		}
	}
	return nil
}

// headerSource classifies a request header by its name: Authorization
// carries challenge-bearing schemes, any other header (an API key) none.
func (m *model) headerSource(name ssa.Value) *source {
	h, ok := m.constName(name)
	if !ok {
		// a header whose name is not a constant: the headers a signature
		// covers, a forwarded value; no evidence of a credential
		return nil
	}
	if knowledge.CredentialHeaders[strings.ToLower(h)] {
		return &source{class: chain.Bearing, origin: Authorization, header: h}
	}
	return &source{class: chain.Less, origin: Header, header: h}
}

// constName returns the constant string v holds: a constant, another
// spelling of one (strings.ToLower(HeaderAPIKey): header and metadata
// names are case-insensitive), or a parameter every in-package caller
// hands the same such constant.
func (m *model) constName(v ssa.Value) (string, bool) {
	for i := 0; i < ir.MaxDepth; i++ {
		switch x := ir.Origin(v).(type) {
		case *ssa.Const:
			if x.Value == nil || x.Value.Kind() != constant.String {
				return "", false
			}
			return constant.StringVal(x.Value), true
		case *ssa.Call:
			fn := x.Call.StaticCallee()
			if fn == nil {
				return "", false
			}
			obj, ok := fn.Object().(*types.Func)
			if !ok {
				return "", false
			}
			j, ok := knowledge.NameForms[knowledge.MemberOf(obj)]
			if !ok || j >= len(x.Call.Args) {
				return "", false
			}
			v = x.Call.Args[j]
		case *ssa.Parameter:
			sum := m.sums[x.Parent()]
			if sum == nil {
				return "", false
			}
			for j, p := range x.Parent().Params {
				if p == x && j < len(sum.names) && sum.names[j] != "" && !sum.namePlain[j] {
					return sum.names[j], true
				}
			}
			return "", false
		default:
			return "", false
		}
	}
	return "", false
}

// stdlib follows a credential through a standard library call.
func (m *model) stdlib(st *fstate, v *ssa.Call, obj *types.Func) {
	c := v.Common()
	path := obj.Pkg().Path()
	if knowledge.Derives[knowledge.MemberOf(obj)] {
		var s *source
		for _, a := range c.Args {
			s = stronger(s, m.credOf(st, a))
		}
		if s != nil {
			st.cred[v] = s
		}
		return
	}
	if !knowledge.Transforming[path] {
		return
	}
	var s *source
	args := c.Args
	for _, a := range args {
		s = stronger(s, m.credOf(st, a))
	}
	if s == nil {
		return
	}
	if i, ok := knowledge.Decoders[knowledge.MemberOf(obj)]; ok && i < len(args) {
		st.addr[ir.Origin(args[i])] = s
	}
	// a scheme prefix names the scheme
	for _, a := range args {
		if k, ok := ir.Origin(a).(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String {
			classify(s, constant.StringVal(k.Value), obj.Name())
		}
	}
	kind := Mismatch
	if knowledge.Presence[obj.Name()] || !knowledge.Comparing[path] {
		kind = Absent // a decoding or parsing error: malformed
	}
	sig := &Signal{Kind: kind, Class: s.class, Origin: s.origin, Header: s.header, Pos: v.Pos()}
	for i, r := range results(v) {
		t := resultType(v, i)
		switch {
		case isBool(t):
			st.outc[r] = &outcome{sig, failFalse}
		case isError(t) && types.IsInterface(t):
			st.outc[r] = &outcome{sig, failNonNil}
		case t.Underlying() != nil:
			if b, isBasic := t.Underlying().(*types.Basic); isBasic && !credentialType(t) {
				if b.Info()&types.IsInteger != 0 {
					st.measure[r] = s // a length, a count, an index
				}
				continue
			}
			st.cred[r] = s
		}
	}
}

// classify reads a scheme from a prefix the credential is cut or checked
// by: an AWS SigV4 signature is challenge-less by its protocol; Bearer,
// Basic and Token (RFC 6750, RFC 7617, and the common Token scheme) name a
// challenge.
func classify(s *source, lit, fn string) {
	switch fn {
	case "HasPrefix", "TrimPrefix", "CutPrefix", "EqualFold", "Cut", "SplitN", "Split":
	default:
		return
	}
	scheme := strings.ToLower(strings.TrimSpace(lit))
	switch {
	case scheme == knowledge.SigV4Scheme:
		s.class, s.origin = chain.Less, SigV4
	case knowledge.BearingSchemes[scheme] && s.class == chain.Unknown && s.origin != Param:
		s.class = chain.Bearing
	}
}

// takesRequest: a call handed the request (or a gRPC call's context), so
// that what the callee reads from it is the caller's credentials.
func takesRequest(c *ssa.CallCommon) bool {
	args := c.Args
	if c.IsInvoke() {
		args = append([]ssa.Value{c.Value}, args...)
	}
	for _, a := range args {
		t := a.Type()
		if knowledge.RequestTypes[knowledge.NamedOf(t)] || knowledge.NamedOf(t) == (knowledge.TypeName{Pkg: "context", Name: "Context"}) {
			return true
		}
	}
	return false
}
