package response

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"

	"github.com/authchallenge/authchallenge/passes/config"
	"github.com/authchallenge/authchallenge/passes/internal/ir"
	"github.com/authchallenge/authchallenge/passes/internal/knowledge"
)

// fn is one function of the package: a declaration or a literal.
type fn struct {
	node   ast.Node    // *ast.FuncDecl or *ast.FuncLit
	obj    *types.Func // nil for literals
	name   string      // for messages
	sig    *types.Signature
	body   *ast.BlockStmt
	params map[*types.Var]int // parameter → 1-based index

	calls   int  // direct calls in the package
	inSlot  bool // stored in a variable or field that is only invoked
	escapes bool // used as a value the model cannot follow
	// framework: stored in a framework's configuration, which calls it
	// and answers with what it returns (frameworkField)
	framework bool
	root      bool        // called by the framework: answers for its own sites
	outer     *types.Func // the declared function (for a literal, the one around it)
	parent    *fn         // for a literal, the function it is written in
	exempt    bool        // its answers are protocol-mandated (config)
	builds    bool        // builds a handler (Deep.Wraps is set)

	g      *cfg.CFG
	events [][]ast.Node // per block of g: its calls, assignments and returns in evaluation order
	sum    Summary
	sites  []*Site
	deps   map[*fn]bool // the functions whose summaries its analysis read

	unresolved []*Unresolved // calls handed the writer the model could not see into
	loopSets   map[*ast.RangeStmt]Bits
	failCalls  map[*ast.CallExpr]Bits // calls of callees that set a challenge when they fail
	failVars   map[*types.Var]Bits    // variables holding such a call's failure result
}

// slot is a variable or struct field that holds function values.
type slot struct {
	fns     []*fn
	unknown bool // may also hold functions the model does not know
	escapes bool // read other than to invoke it or compare it with nil
}

type model struct {
	pass  *analysis.Pass
	cfg   *config.Config
	info  *types.Info
	insp  *inspector.Inspector
	fns   map[ast.Node]*fn
	byObj map[*types.Func]*fn
	// facts holds the summary facts of the objects of other packages in
	// view (functions, and variables holding a status carrier), read once.
	facts map[types.Object]*Summary
	order []*fn
	slots map[*types.Var]*slot
	// assigns holds every value assigned to a variable of this package (for a
	// tuple assignment, the call producing it).
	assigns map[*types.Var][]ast.Expr
	// pkgVars holds the initialisers of package-level variables, in
	// varOrder's order.
	pkgVars  map[*types.Var]ast.Expr
	varOrder []*types.Var
	// statusFields holds the struct fields whose values are statuses (see
	// StatusField), this package's and imported ones, in fieldOrder's order.
	statusFields map[*types.Var]bool
	// kindFields holds the struct fields whose value a table maps to a
	// status (see KindField), this package's and imported ones (nil: not
	// one), in kindOrder's order for this package's.
	kindFields map[*types.Var][]TableEntry
	kindOrder  []*types.Var
	fieldOrder []*types.Var
	// implsFinder finds the known implementations of interface methods
	// (in the package and the analysed packages it imports).
	implsFinder *ir.Implementations

	writerCache map[writerKey]bool
	reading     *fn // the function being analysed
}

func newModel(pass *analysis.Pass, cfg *config.Config, insp *inspector.Inspector) *model {
	return &model{
		pass:         pass,
		cfg:          cfg,
		info:         pass.TypesInfo,
		insp:         insp,
		fns:          make(map[ast.Node]*fn),
		byObj:        make(map[*types.Func]*fn),
		slots:        make(map[*types.Var]*slot),
		assigns:      make(map[*types.Var][]ast.Expr),
		pkgVars:      make(map[*types.Var]ast.Expr),
		statusFields: make(map[*types.Var]bool),
		kindFields:   make(map[*types.Var][]TableEntry),
		writerCache:  make(map[writerKey]bool),
	}
}

// imported returns the summary fact of obj, an object of another package
// (nil when there is none).
func (m *model) imported(obj types.Object) *Summary { return m.facts[obj] }

// collect finds the functions, the variables they flow into, and decides
// which functions are roots.
func (m *model) collect() {
	kinds := []ast.Node{(*ast.GenDecl)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil),
		(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.CompositeLit)(nil)}
	var outer *types.Func
	var exempt bool
	m.insp.WithStack(kinds, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		switch n := n.(type) {
		case *ast.GenDecl:
			if len(stack) != 2 {
				return true // a declaration inside a function
			}
			if n.Tok == token.VAR {
				for _, spec := range n.Specs {
					vs := spec.(*ast.ValueSpec)
					if len(vs.Names) == len(vs.Values) {
						for i, name := range vs.Names {
							if v, ok := m.info.Defs[name].(*types.Var); ok {
								m.pkgVars[v] = vs.Values[i]
								m.varOrder = append(m.varOrder, v)
							}
						}
					}
				}
			}
			outer, exempt = nil, m.cfg.Exempted(m.pass.Pkg, nil)
		case *ast.FuncDecl:
			outer, _ = m.info.Defs[n.Name].(*types.Func)
			exempt = m.cfg.Exempted(m.pass.Pkg, outer)
			if n.Body != nil && outer != nil {
				f := m.newFn(n, outer.Signature(), n.Body)
				f.obj, f.name = outer, n.Name.Name
				f.outer, f.exempt = outer, exempt
				m.byObj[outer] = f
			}
		case *ast.FuncLit:
			if sig, ok := m.info.TypeOf(n).(*types.Signature); ok {
				f := m.newFn(n, sig, n.Body)
				f.name = "func literal"
				f.outer, f.exempt = outer, exempt
				for i := len(stack) - 2; i >= 0; i-- {
					if p := m.fns[stack[i]]; p != nil {
						f.parent = p
						break
					}
				}
			}
		case *ast.AssignStmt:
			m.recordAssign(n.Lhs, n.Rhs)
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			m.recordAssign(lhs, n.Values)
		case *ast.CompositeLit:
			m.statusConstFields(n)
		}
		return true
	})
	m.collectStatusWrites()
	m.collectFlows()
}

// collectFlows follows the function values of the package into the
// variables and fields that hold them, and decides the roots.
func (m *model) collectFlows() {
	// Where do function values go?
	idents := []ast.Node{(*ast.FuncLit)(nil), (*ast.Ident)(nil)}
	m.insp.WithStack(idents, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		parents := stack[:len(stack)-1]
		switch n := n.(type) {
		case *ast.FuncLit:
			m.flow(m.fns[n], n, parents)
		case *ast.Ident:
			obj, ok := m.info.Uses[n].(*types.Func)
			if !ok {
				return true
			}
			f := m.byObj[obj.Origin()]
			if f == nil {
				return true
			}
			var e ast.Expr = n
			if len(parents) > 0 {
				if sel, ok := parents[len(parents)-1].(*ast.SelectorExpr); ok && sel.Sel == n {
					e, parents = sel, parents[:len(parents)-1]
				}
			}
			m.flow(f, e, parents)
		}
		return true
	})

	// How are the variables holding them used?
	if len(m.slots) > 0 {
		m.eachUse(func(use types.Object, e ast.Expr, parents []ast.Node) {
			if v, ok := use.(*types.Var); ok && m.slots[v] != nil {
				m.slotUse(m.slots[v], v, e, parents)
			}
		})
		for v, s := range m.slots {
			if v.Kind() == types.RecvVar || v.Kind() == types.ResultVar ||
				v.Kind() == types.ParamVar && !m.closedParam(v) {
				s.unknown = true
			}
			if s.escapes {
				for _, f := range s.fns {
					f.escapes = true
				}
			}
		}
	}

	for _, f := range m.order {
		switch {
		case f.escapes:
			f.root = true
		case f.obj != nil && f.obj.Exported() && m.handlerSig(f.sig):
			// An exported handler is mounted by some router; an exported
			// function used only through calls the model sees is not.
			f.root = f.sig.Recv() != nil || (f.calls == 0 && !f.inSlot)
		}
		f.g = cfg.New(f.body, m.mayReturn)
	}
}

// deepen computes each function's Deep effect: its own together with that
// of the literals written in it (a middleware constructor builds and
// returns the handler that rejects). m.order lists a function before the
// literals inside it, so walking it backwards finishes children first.
func (m *model) deepen() {
	for i := len(m.order) - 1; i >= 0; i-- {
		f := m.order[i]
		d := &f.sum.Deep
		d.Must |= f.sum.Must
		d.May |= f.sum.May
		d.Unknown |= f.sum.Unknown
		d.Rejects |= f.sum.Rejects
		d.Definite, d.Challenge = d.May, d.May|d.Unknown
		if f.parent != nil && m.handlerSig(f.sig) && !f.builds {
			d.Wraps, f.builds = f.sum.Must&AllChallenges, true
		}
		if p := f.parent; p != nil {
			// A literal's challenges are not set on every path of the
			// function that builds it: they count as may.
			pd := &p.sum.Deep
			pd.May |= d.May
			pd.Unknown |= d.Unknown
			pd.Rejects |= d.Rejects
			// What every handler it builds must set.
			if f.builds {
				if p.builds {
					pd.Wraps &= d.Wraps
				} else {
					pd.Wraps, p.builds = d.Wraps, true
				}
			}
		}
	}
}

func (m *model) newFn(node ast.Node, sig *types.Signature, body *ast.BlockStmt) *fn {
	f := &fn{node: node, sig: sig, body: body, params: make(map[*types.Var]int)}
	for i := 0; i < sig.Params().Len(); i++ {
		f.params[sig.Params().At(i)] = i + 1
	}
	m.fns[node] = f
	m.order = append(m.order, f)
	return f
}

func (m *model) recordAssign(lhs, rhs []ast.Expr) {
	for i, l := range lhs {
		v := m.varOf(l)
		if v == nil {
			continue
		}
		switch {
		case len(lhs) == len(rhs):
			m.assigns[v] = append(m.assigns[v], rhs[i])
		case len(rhs) == 1:
			m.assigns[v] = append(m.assigns[v], rhs[0])
		}
	}
}

// varOf returns the variable or field an expression names.
func (m *model) varOf(e ast.Expr) *types.Var {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ := m.info.ObjectOf(e).(*types.Var)
		return v
	case *ast.SelectorExpr:
		v, _ := m.info.ObjectOf(e.Sel).(*types.Var)
		return v
	}
	return nil
}

// flow classifies one use of function f as expression e.
func (m *model) flow(f *fn, e ast.Expr, parents []ast.Node) {
	if f == nil {
		return
	}
	for i := len(parents) - 1; i >= 0; i-- {
		switch p := parents[i].(type) {
		case *ast.ParenExpr:
			e = p
			continue
		case *ast.CallExpr:
			if p.Fun == e {
				f.calls++
				return
			}
			if m.isConversion(p) {
				e = p
				continue
			}
			if v := m.paramFor(p, e); v != nil {
				// handed to a function of the package that invokes it
				// (a middleware wrapping the handler)
				m.addSlot(v, f)
				return
			}
		case *ast.AssignStmt:
			if len(p.Lhs) == len(p.Rhs) {
				for j, r := range p.Rhs {
					if r == e {
						if v := m.varOf(p.Lhs[j]); v != nil && !frameworkField(v) {
							m.addSlot(v, f)
							return
						} else if v != nil {
							f.framework = knowledge.AnswersHTTP(v.Pkg().Path())
						}
					}
				}
			}
		case *ast.ValueSpec:
			if len(p.Names) == len(p.Values) {
				for j, r := range p.Values {
					if r == e {
						if v, ok := m.info.Defs[p.Names[j]].(*types.Var); ok {
							m.addSlot(v, f)
							return
						}
					}
				}
			}
		case *ast.KeyValueExpr:
			if p.Value == e {
				if id, ok := p.Key.(*ast.Ident); ok {
					if v, ok := m.info.Uses[id].(*types.Var); ok && v.IsField() && !frameworkField(v) {
						m.addSlot(v, f)
						return
					} else if ok && v.IsField() {
						f.framework = knowledge.AnswersHTTP(v.Pkg().Path())
					}
				}
			}
		}
		if call, ok := parents[i].(*ast.CallExpr); ok {
			// handed to a framework that answers HTTP requests (huma.Get):
			// it answers with what the function returns
			if fun, ok := m.calleeObj(call).(*types.Func); ok && fun.Pkg() != nil && knowledge.AnswersHTTP(fun.Pkg().Path()) {
				f.framework = true
			}
		}
		break
	}
	f.escapes = true
}

// frameworkField: v is a field of a framework's type (keyauth.Config's
// ErrorHandler, a server's error handler): the framework calls what it
// holds, so a function stored there answers for itself, as a handler
// does.
func frameworkField(v *types.Var) bool {
	return v.IsField() && v.Pkg() != nil && knowledge.IsFramework(v.Pkg().Path())
}

// paramFor returns the parameter of a function of this package that the
// argument e of call is bound to (nil if the callee is not one, or e is a
// variadic argument).
func (m *model) paramFor(call *ast.CallExpr, e ast.Expr) *types.Var {
	fun, ok := m.calleeObj(call).(*types.Func)
	if !ok || m.byObj[fun.Origin()] == nil {
		return nil
	}
	sig := fun.Origin().Signature()
	for i, a := range call.Args {
		if a == e && i < sig.Params().Len() && !(sig.Variadic() && i >= sig.Params().Len()-1) {
			return sig.Params().At(i)
		}
	}
	return nil
}

// closedParam reports whether every value of a parameter is an argument
// the model sees: its function is unexported and only called in the package.
func (m *model) closedParam(v *types.Var) bool {
	for _, f := range m.order {
		if f.obj == nil || f.escapes || f.obj.Exported() || f.inSlot {
			continue
		}
		if _, ok := f.params[v]; ok {
			return true
		}
	}
	return false
}

func (m *model) addSlot(v *types.Var, f *fn) {
	s := m.slots[v]
	if s == nil {
		s = new(slot)
		m.slots[v] = s
	}
	if m.isTestFile(f.node.Pos()) && !m.isTestFile(v.Pos()) {
		// A test wiring its own function into a field or parameter of the
		// package (a config's ErrorHandler, a handler given to a
		// middleware) stands for the package's users: the package's own
		// code must not be judged by what the test put there, and the
		// function answers for itself.
		s.unknown = true
		f.escapes = true
		return
	}
	f.inSlot = true
	s.fns = append(s.fns, f)
}

func (m *model) isTestFile(pos token.Pos) bool {
	f := m.pass.Fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// slotUse classifies one use of a variable holding functions.
func (m *model) slotUse(s *slot, v *types.Var, e ast.Expr, parents []ast.Node) {
	for i := len(parents) - 1; i >= 0; i-- {
		switch p := parents[i].(type) {
		case *ast.ParenExpr:
			e = p
			continue
		case *ast.CallExpr:
			if p.Fun == e {
				return // invoked
			}
		case *ast.SelectorExpr:
			if p.X == e && p.Sel.Name == knowledge.ServeHTTPMethod && i > 0 {
				if call, ok := parents[i-1].(*ast.CallExpr); ok && call.Fun == p {
					return // invoked as a handler
				}
			}
		case *ast.AssignStmt:
			for j, l := range p.Lhs {
				if l == e {
					if len(p.Lhs) != len(p.Rhs) || !m.isFnValue(p.Rhs[j]) {
						s.unknown = true
					}
					return
				}
			}
		case *ast.KeyValueExpr:
			if p.Key == e {
				if !m.isFnValue(p.Value) {
					s.unknown = true
				}
				return
			}
		case *ast.BinaryExpr:
			if (p.Op == token.EQL || p.Op == token.NEQ) && (isNil(p.X) || isNil(p.Y)) {
				return
			}
		}
		break
	}
	s.escapes = true
}

// isFnValue reports whether e is a function of this package (through
// conversions), or nil.
func (m *model) isFnValue(e ast.Expr) bool {
	for {
		e = ast.Unparen(e)
		call, ok := e.(*ast.CallExpr)
		if !ok || !m.isConversion(call) {
			break
		}
		e = call.Args[0]
	}
	switch e := e.(type) {
	case *ast.FuncLit:
		return true
	case *ast.Ident:
		if isNil(e) {
			return true
		}
		f, ok := m.info.Uses[e].(*types.Func)
		return ok && m.byObj[f.Origin()] != nil
	case *ast.SelectorExpr:
		f, ok := m.info.Uses[e.Sel].(*types.Func)
		return ok && m.byObj[f.Origin()] != nil
	}
	return false
}

func isNil(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && id.Name == "nil"
}

func (m *model) isConversion(call *ast.CallExpr) bool {
	tv, ok := m.info.Types[call.Fun]
	return ok && tv.IsType() && len(call.Args) == 1
}

// handlerSig reports whether sig is the shape of a framework handler.
func (m *model) handlerSig(sig *types.Signature) bool { return knowledge.IsHandler(sig) }

func (m *model) mayReturn(call *ast.CallExpr) bool {
	switch obj := m.calleeObj(call).(type) {
	case *types.Builtin:
		return obj.Name() != "panic"
	case *types.Func:
		return !knowledge.NoReturn[memberOf(obj)]
	}
	return true
}

// memberOf names a function or method for the table.
func memberOf(f *types.Func) knowledge.Member { return knowledge.MemberOf(f) }

// isWriter reports whether values of type t answer a request.
func (m *model) isResponseWriter(t types.Type) bool {
	return m.isWriter(t) && !knowledge.ContextTypes[knowledge.NamedOf(t)]
}

func (m *model) isWriter(t types.Type) bool {
	if t == nil {
		return false
	}
	// Only named types, pointers to them, interfaces and structs (through
	// embedded fields) have methods. The answer is cached by named type:
	// the checker makes a new *types.Pointer for each &x.
	t = types.Unalias(t)
	key := writerKey{}
	switch u := t.(type) {
	case *types.Named:
		key.named = u
	case *types.Pointer:
		n, ok := types.Unalias(u.Elem()).(*types.Named)
		if !ok {
			_, isStruct := u.Elem().Underlying().(*types.Struct)
			return isStruct && m.hasWriterMethods(t)
		}
		key.named, key.ptr = n, true
	default:
		switch t.Underlying().(type) {
		case *types.Interface, *types.Struct:
			return m.hasWriterMethods(t)
		}
		return false
	}
	if w, ok := m.writerCache[key]; ok {
		return w
	}
	w := knowledge.WriterTypes[knowledge.NamedOf(t)] || m.hasWriterMethods(t)
	m.writerCache[key] = w
	return w
}

// writerKey is a named type, or a pointer to it.
type writerKey struct {
	named *types.Named
	ptr   bool
}

// hasWriterMethods reports whether an addressable value of type t has the
// methods of an http.ResponseWriter.
func (m *model) hasWriterMethods(t types.Type) bool {
	if _, basic := t.Underlying().(*types.Basic); basic {
		return false
	}
	if _, isPtr := t.(*types.Pointer); !isPtr {
		if _, isIface := t.Underlying().(*types.Interface); !isIface {
			t = types.NewPointer(t)
		}
	}
	ms := types.NewMethodSet(t)
	if ms.Lookup(nil, knowledge.WriteHeaderMethod) != nil && ms.Lookup(nil, knowledge.HeaderMethod) != nil && ms.Lookup(nil, knowledge.WriteMethod) != nil {
		return true
	}
	// methods of unexported names need the package
	for i := 0; i < ms.Len(); i++ {
		if ms.At(i).Obj().Name() == knowledge.WriteHeaderMethod && ms.Lookup(ms.At(i).Obj().Pkg(), knowledge.HeaderMethod) != nil {
			return true
		}
	}
	return false
}

// known reports whether every function of pkg is described by the table or
// by facts, so that a call into it without either does nothing.
func (m *model) known(pkg *types.Package) bool {
	if pkg == nil || pkg == m.pass.Pkg || knowledge.Described(pkg.Path()) {
		return true
	}
	return m.pass.ImportPackageFact(pkg, new(Analyzed))
}

// eachUse calls visit with every identifier's use of an object: the
// object, and the expression and enclosing nodes of the use (useOf).
func (m *model) eachUse(visit func(obj types.Object, e ast.Expr, parents []ast.Node)) {
	m.insp.WithStack([]ast.Node{(*ast.Ident)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		id := n.(*ast.Ident)
		if obj := m.info.Uses[id]; obj != nil {
			e, parents := useOf(id, stack)
			visit(obj, e, parents)
		}
		return true
	})
}

// useOf returns the expression an identifier (the last node of stack)
// stands for — itself, or the selector x.id it ends — and the nodes around
// that expression.
func useOf(id *ast.Ident, stack []ast.Node) (ast.Expr, []ast.Node) {
	parents := stack[:len(stack)-1]
	if k := len(parents); k > 0 {
		if sel, ok := parents[k-1].(*ast.SelectorExpr); ok && sel.Sel == id {
			return sel, parents[:k-1]
		}
	}
	return id, parents
}
