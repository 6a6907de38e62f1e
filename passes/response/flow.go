package response

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/authchallenge/authchallenge/passes/internal/ruleid"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/authchallenge/authchallenge/passes/config"
	"github.com/authchallenge/authchallenge/passes/internal/knowledge"
)

// maxRounds bounds the fixpoint over the package's functions (summaries of
// mutually recursive functions may take a few rounds to settle).
const maxRounds = 6

// summarise runs the path analysis of every function until the summaries
// stop changing. The first round takes the functions in reverse source
// order (literals before the functions they are written in, helpers, which
// Go code tends to put below their callers, first); later rounds take only
// the functions that read a summary that changed in the round before.
func (m *model) summarise() {
	dirty := make(map[*fn]bool, len(m.order))
	for _, f := range m.order {
		dirty[f] = true
	}
	for round := 0; round < maxRounds && len(dirty) > 0; round++ {
		changed := make(map[*fn]bool)
		for i := len(m.order) - 1; i >= 0; i-- {
			f := m.order[i]
			if !dirty[f] {
				continue
			}
			old := f.sum
			m.analyse(f)
			if f.sum != old {
				changed[f] = true
			}
		}
		dirty = make(map[*fn]bool)
		for _, f := range m.order {
			for g := range f.deps {
				if changed[g] {
					dirty[f] = true
					break
				}
			}
		}
	}
}

// use records that the function being analysed read g's summary.
func (m *model) use(g *fn) {
	if m.reading != nil && g != nil {
		if m.reading.deps == nil {
			m.reading.deps = make(map[*fn]bool)
		}
		m.reading.deps[g] = true
	}
}

// analyse runs the forward must-analysis "which challenges were set on every
// path to here" over f's control-flow graph, then walks it once more to
// record the sites and f's summary.
func (m *model) analyse(f *fn) {
	m.reading, f.deps = f, nil
	defer func() { m.reading = nil }()
	blocks := f.g.Blocks
	in := make([]Bits, len(blocks))
	reached := make([]bool, len(blocks))
	reached[0] = true
	work := []int32{0}
	queued := make([]bool, len(blocks))
	queued[0] = true
	events := f.blockEvents()
	w := &walker{m: m, f: f}
	for len(work) > 0 {
		i := work[len(work)-1]
		work = work[:len(work)-1]
		queued[i] = false
		w.st = in[i]
		for _, n := range events[i] {
			w.event(n)
		}
		for _, s := range blocks[i].Succs {
			j := s.Index
			switch {
			case !reached[j]:
				reached[j], in[j] = true, w.st
			case in[j]&w.st != in[j]:
				in[j] &= w.st
			default:
				continue
			}
			if !queued[j] {
				queued[j] = true
				work = append(work, j)
			}
		}
	}

	w = &walker{m: m, f: f, record: true}
	for i := range blocks {
		if !reached[i] {
			continue
		}
		w.st = in[i]
		for _, n := range events[i] {
			w.event(n)
		}
	}
	sum := Summary{Challenge: w.challenge, Definite: w.definite, Rejects: w.rejects,
		StatusParam: w.statusParam, ErrStatus: w.errStatus}
	for _, s := range w.sites {
		if s.indirect {
			// The status came through a variable or a table: which value
			// reaches the write is not known per path, so a challenge set
			// anywhere in the function may be the one that goes with it.
			s.Have |= w.challenge
		}
		if f.root || s.Kind == Return {
			continue
		}
		if m.cfg.Directives.Match(m.pass.Fset, ruleid.NoChallenge, s.Pos) != nil {
			continue // suppressed where it is written: callers are not told
		}
		un := missing(s)
		if un != 0 && sum.Unchallenged == 0 {
			sum.Where = s.Where
			if sum.Where == "" {
				sum.Where = position(m.pass.Fset, s.Pos)
			}
		}
		sum.Unchallenged |= un
	}
	f.sites = make([]*Site, len(w.sites))
	for i, s := range w.sites {
		f.sites[i] = &s.Site
	}
	f.sum = sum
}

// missing returns the statuses of s that go out without their challenge.
func missing(s *siteRec) Status {
	var un Status
	if s.Status&S401 != 0 && s.Have&WWW == 0 {
		un |= S401
	}
	if s.Status&S407 != 0 && s.Have&Proxy == 0 {
		un |= S407
	}
	return un
}

type siteRec struct {
	Site
	indirect bool
}

// walker interprets the nodes of one function.
type walker struct {
	m      *model
	f      *fn
	st     Bits // challenges set on every path to here
	record bool

	sites       []*siteRec
	challenge   Bits
	definite    Bits
	rejects     Status
	statusParam int
	errStatus   Status
}

// blockEvents returns, for each block of f's graph, the nodes the walker
// interprets: the calls, assignments and returns of the block's nodes in
// evaluation order (a call after its operands), literals' bodies left out.
// They are computed once: the fixpoint visits a block several times, and
// summarise analyses a function again whenever a callee's summary changes.
func (f *fn) blockEvents() [][]ast.Node {
	if f.events != nil {
		return f.events
	}
	f.events = make([][]ast.Node, len(f.g.Blocks))
	var stack, evs []ast.Node
	for i, b := range f.g.Blocks {
		evs = evs[len(evs):]
		for _, n := range b.Nodes {
			ast.Inspect(n, func(x ast.Node) bool {
				if x == nil {
					top := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					switch top.(type) {
					case *ast.CallExpr, *ast.AssignStmt, *ast.ReturnStmt:
						evs = append(evs, top)
					}
					return false
				}
				if _, ok := x.(*ast.FuncLit); ok {
					return false
				}
				stack = append(stack, x)
				return true
			})
		}
		f.events[i] = evs[:len(evs):len(evs)]
	}
	return f.events
}

// event interprets one call, assignment or return.
func (w *walker) event(n ast.Node) {
	switch n := n.(type) {
	case *ast.CallExpr:
		w.call(n)
	case *ast.AssignStmt:
		w.assign(n)
	case *ast.ReturnStmt:
		w.ret(n)
	}
}

func (m *model) calleeObj(call *ast.CallExpr) types.Object {
	return typeutil.Callee(m.info, call)
}

func (w *walker) call(call *ast.CallExpr) {
	m := w.m
	if tv, ok := m.info.Types[call.Fun]; ok && tv.IsType() {
		return
	}
	if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
		if f := m.fns[lit]; f != nil {
			m.use(f)
			w.apply(call, &f.sum, "func literal")
		}
		return
	}
	switch obj := m.calleeObj(call).(type) {
	case *types.Builtin:
		return
	case *types.Var:
		w.viaSlot(call, obj)
		return
	case *types.Func:
		w.callFunc(call, obj)
		return
	}
	w.unknownCall(call)
}

func (w *walker) callFunc(call *ast.CallExpr, fun *types.Func) {
	m := w.m
	sel, _ := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	args := call.Args
	if fun.Name() == "ServeHTTP" && sel != nil {
		if v := m.varOf(sel.X); v != nil && m.slots[v] != nil {
			w.viaSlot(call, v)
			return
		}
	}
	mem := memberOf(fun)
	switch {
	case mem.Pkg == knowledge.HTTP && mem.Recv == "Header" && (mem.Name == "Set" || mem.Name == "Add") && len(args) > 0:
		w.header(args[0])
		return
	case fun.Name() == "WriteHeader" && sel != nil && len(args) == 1 && fun.Signature().Recv() != nil &&
		m.isWriter(fun.Signature().Recv().Type()):
		w.status(call, Write, args[0], "", "")
		return
	}
	if i, ok := knowledge.HeaderArg[mem]; ok && i < len(args) {
		w.header(args[i])
		return
	}
	if i, ok := knowledge.StatusArg[mem]; ok && i < len(args) {
		w.status(call, Write, args[i], "", "")
		return
	}
	if i, ok := knowledge.ErrorArg[mem]; ok && i < len(args) {
		w.site(call, ErrorWrite, m.errStatusOf(w.f, args[i], 0), false, "", "")
		return
	}
	if f := m.byObj[fun.Origin()]; f != nil {
		m.use(f)
		w.apply(call, &f.sum, f.name)
		return
	}
	if config.In(m.cfg.StatusHelpers, fun.Origin()) {
		for i, arg := range args {
			if b, ok := m.info.TypeOf(arg).Underlying().(*types.Basic); ok && b.Info()&types.IsInteger != 0 {
				w.status(call, Write, args[i], "", "")
				break
			}
		}
		return
	}
	var fact Summary
	if m.pass.ImportObjectFact(fun.Origin(), &fact) {
		w.apply(call, &fact, fun.Name())
		return
	}
	switch pkg := fun.Pkg(); {
	case pkg == nil:
		return // error.Error
	case knowledge.Described(pkg.Path()):
		return // described by the table, interfaces included (echo.Context)
	case m.known(pkg) && !isInterfaceMethod(fun):
		return
	}
	w.unknownCall(call)
}

func isInterfaceMethod(f *types.Func) bool {
	recv := f.Signature().Recv()
	return recv != nil && types.IsInterface(recv.Type())
}

// unknownCall: a call the model cannot see into. If it is handed a writer it
// may set a challenge; precision first, assume it did.
func (w *walker) unknownCall(call *ast.CallExpr) {
	if w.writerPassed(call) {
		w.setChallenge(AllChallenges)
	}
}

// viaSlot: a call of a function held in a variable or field.
func (w *walker) viaSlot(call *ast.CallExpr, v *types.Var) {
	s := w.m.slots[v]
	if s == nil {
		w.unknownCall(call)
		return
	}
	var sum Summary
	name := v.Name()
	for _, f := range s.fns {
		w.m.use(f)
		sum.Challenge |= f.sum.Challenge
		sum.ErrStatus |= f.sum.ErrStatus
		if f.sum.Unchallenged != 0 && sum.Unchallenged == 0 {
			sum.Where = f.sum.Where
			if f.obj != nil {
				name = f.name
			}
		}
		sum.Unchallenged |= f.sum.Unchallenged
	}
	w.apply(call, &sum, name)
	if s.unknown {
		// Other functions stored there are alternatives to the known ones,
		// not a prelude to them: their effect comes after.
		w.unknownCall(call)
	}
}

// apply applies a callee's summary at a call. A 401 the callee writes on
// its own is judged against the challenges set before the call; a status it
// is given may go out with a challenge it sets itself (a helper given both
// the status and the header), so that one is judged after its challenges.
// What it may set counts from the call on.
func (w *walker) apply(call *ast.CallExpr, sum *Summary, name string) {
	if w.record {
		w.definite |= sum.Definite
		w.rejects |= sum.Rejects
	}
	if i := sum.StatusParam - 1; i >= 0 && i < len(call.Args) {
		before := w.st
		w.st |= sum.Challenge
		w.status(call, Call, call.Args[i], name, "-")
		w.st = before
	}
	if sum.Unchallenged != 0 {
		w.site(call, Call, sum.Unchallenged, false, name, sum.Where)
	}
	if sum.Rejects&S403 != 0 && sum.StatusParam == 0 {
		w.site(call, Call, S403, false, name, "") // a helper that answers 403
	}
	w.setChallenge(sum.Challenge)
}

func (w *walker) setChallenge(b Bits) {
	w.st |= b
	if w.record {
		w.challenge |= b
	}
}

// writerPassed reports whether a call hands a response writer (not a
// request context, see contextTypes) to its callee, as an argument whose
// parameter is a writer type, or as the receiver.
func (w *walker) writerPassed(call *ast.CallExpr) bool {
	m := w.m
	sig, _ := m.info.TypeOf(call.Fun).Underlying().(*types.Signature)
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s := m.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal && m.isResponseWriter(m.info.TypeOf(sel.X)) {
			return true
		}
	}
	for i, arg := range call.Args {
		if !m.isResponseWriter(m.info.TypeOf(arg)) {
			continue
		}
		if sig == nil {
			return true
		}
		var pt types.Type
		n := sig.Params().Len()
		switch {
		case sig.Variadic() && i >= n-1:
			pt = sig.Params().At(n - 1).Type()
			if s, ok := pt.(*types.Slice); ok && !call.Ellipsis.IsValid() {
				pt = s.Elem()
			}
		case i < n:
			pt = sig.Params().At(i).Type()
		}
		if pt == nil || m.isWriter(pt) {
			return true
		}
	}
	return false
}

func (w *walker) header(key ast.Expr) {
	b, named := w.m.challengeOf(key, 0)
	w.setChallenge(b)
	if named && w.record {
		w.definite |= b
	}
}

func (w *walker) assign(as *ast.AssignStmt) {
	if as.Tok != token.ASSIGN {
		return
	}
	for _, l := range as.Lhs {
		if ix, ok := ast.Unparen(l).(*ast.IndexExpr); ok && knowledge.NamedOf(w.m.info.TypeOf(ix.X)) == (knowledge.TypeName{Pkg: knowledge.HTTP, Name: "Header"}) {
			w.header(ix.Index)
		}
	}
}

func (w *walker) ret(r *ast.ReturnStmt) {
	results := w.f.sig.Results()
	switch {
	case len(r.Results) == results.Len():
		for i, e := range r.Results {
			if isError(results.At(i).Type()) {
				w.retErr(r, e)
			}
		}
	case len(r.Results) == 1:
		w.retErr(r, r.Results[0]) // return f() of a tuple
	}
}

func (w *walker) retErr(r *ast.ReturnStmt, e ast.Expr) {
	s := w.m.errStatusOf(w.f, e, 0)
	if s == 0 {
		return
	}
	if w.record {
		w.errStatus |= s
		if w.f.root || w.m.handlerSig(w.f.sig) {
			// returned to the framework, which answers with it
			w.rejects |= s & Rejecting
		}
	}
	origin := ""
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		if fun, ok := w.m.calleeObj(call).(*types.Func); ok && w.m.byObj[fun.Origin()] != nil {
			origin = fun.Name()
		}
	}
	w.site(r, Return, s, false, origin, "")
}

var errorType = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

func isError(t types.Type) bool {
	return types.Implements(t, errorType)
}

// status records a status write whose value is e.
func (w *walker) status(call *ast.CallExpr, kind SiteKind, e ast.Expr, callee, where string) {
	s, param, indirect := w.m.statusOf(w.f, e, 0)
	if param > 0 && w.record && w.statusParam == 0 {
		w.statusParam = param
	}
	w.site(call, kind, s, indirect, callee, where)
}

func (w *walker) site(n ast.Node, kind SiteKind, s Status, indirect bool, callee, where string) {
	if !w.record || s&Interesting == 0 || w.f.exempt {
		return
	}
	if kind != Return {
		w.rejects |= s & Rejecting
	}
	switch where {
	case "":
		where = position(w.m.pass.Fset, n.Pos())
	case "-":
		where = "" // the status is given here: the site is the write
	}
	w.sites = append(w.sites, &siteRec{
		Site: Site{
			Pos: n.Pos(), End: n.End(), Kind: kind, Status: s, Have: w.st,
			Root: w.f.root, Callee: callee, Where: where, Func: w.f.node,
		},
		indirect: indirect,
	})
}

// statusOf evaluates a status expression: the statuses it may have, the
// parameter it comes from (1-based, 0 if none), and whether it came through
// a variable or table rather than a constant at the site.
func (m *model) statusOf(f *fn, e ast.Expr, depth int) (Status, int, bool) {
	e = ast.Unparen(e)
	if tv, ok := m.info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.Int {
		if v, ok := constant.Int64Val(tv.Value); ok {
			return statusOfCode(v), 0, depth > 0
		}
	}
	if depth > 4 {
		return SOther, 0, true
	}
	switch e := e.(type) {
	case *ast.Ident:
		v, ok := m.info.Uses[e].(*types.Var)
		if !ok {
			return SOther, 0, true
		}
		if f != nil {
			if i, ok := f.params[v]; ok {
				return SOther, i, true
			}
		}
		vals := m.assigns[v]
		if init, ok := m.pkgVars[v]; ok && len(vals) == 0 {
			vals = []ast.Expr{init}
		}
		if len(vals) == 0 {
			return SOther, 0, true
		}
		var s Status
		for _, x := range vals {
			xs, _, _ := m.statusOf(f, x, depth+1)
			s |= xs
		}
		return s, 0, true
	case *ast.IndexExpr:
		if lit := m.literalOf(e.X); lit != nil {
			var s Status
			for _, elt := range lit.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					elt = kv.Value
				}
				xs, _, _ := m.statusOf(f, elt, depth+1)
				s |= xs
			}
			return s, 0, true
		}
	case *ast.CallExpr:
		if m.isConversion(e) {
			s, p, _ := m.statusOf(f, e.Args[0], depth+1)
			return s, p, depth > 0
		}
	}
	return SOther, 0, true
}

// literalOf returns the composite literal a table expression stands for.
func (m *model) literalOf(e ast.Expr) *ast.CompositeLit {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = u.X
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		return e
	case *ast.Ident:
		v, ok := m.info.Uses[e].(*types.Var)
		if !ok {
			return nil
		}
		vals := m.assigns[v]
		if len(vals) == 1 {
			if lit, ok := ast.Unparen(vals[0]).(*ast.CompositeLit); ok {
				return lit
			}
		}
	}
	return nil
}

// errStatusOf evaluates the statuses carried by an error expression.
func (m *model) errStatusOf(f *fn, e ast.Expr, depth int) Status {
	if depth > 4 {
		return 0
	}
	e = ast.Unparen(e)
	switch e := e.(type) {
	case *ast.Ident, *ast.SelectorExpr:
		id, ok := e.(*ast.Ident)
		if !ok {
			id = e.(*ast.SelectorExpr).Sel
		}
		v, ok := m.info.Uses[id].(*types.Var)
		if !ok {
			return 0
		}
		if v.Pkg() != nil && v.Pkg() != m.pass.Pkg {
			if code, ok := knowledge.ErrorVars[knowledge.Member{Pkg: v.Pkg().Path(), Name: v.Name()}]; ok {
				return statusOfCode(int64(code))
			}
			var fact Summary
			if m.pass.ImportObjectFact(v, &fact) {
				return fact.ErrStatus
			}
			return 0
		}
		vals := m.assigns[v]
		if init, ok := m.pkgVars[v]; ok && len(vals) == 0 {
			vals = []ast.Expr{init}
		}
		var s Status
		for _, x := range vals {
			s |= m.errStatusOf(f, x, depth+1)
		}
		return s
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return m.errStatusOf(f, e.X, depth+1)
		}
	case *ast.CompositeLit:
		if field, ok := knowledge.ErrorTypes[knowledge.NamedOf(m.info.TypeOf(e))]; ok {
			for _, elt := range e.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					if id, ok := kv.Key.(*ast.Ident); ok && id.Name == field {
						s, _, _ := m.statusOf(f, kv.Value, depth+1)
						return s
					}
				}
			}
		}
	case *ast.CallExpr:
		if m.isConversion(e) {
			return m.errStatusOf(f, e.Args[0], depth+1)
		}
		if lit, ok := ast.Unparen(e.Fun).(*ast.FuncLit); ok {
			if g := m.fns[lit]; g != nil {
				m.use(g)
				return g.sum.ErrStatus
			}
			return 0
		}
		switch obj := m.calleeObj(e).(type) {
		case *types.Func:
			mem := memberOf(obj)
			if i, ok := knowledge.ErrorCtors[mem]; ok {
				if i < 0 {
					return statusOfCode(int64(-i))
				}
				if i < len(e.Args) {
					s, _, _ := m.statusOf(f, e.Args[i], depth+1)
					return s
				}
				return 0
			}
			if knowledge.ErrorMethods[mem] {
				if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok {
					return m.errStatusOf(f, sel.X, depth+1)
				}
			}
			if g := m.byObj[obj.Origin()]; g != nil {
				m.use(g)
				return g.sum.ErrStatus
			}
			var fact Summary
			if m.pass.ImportObjectFact(obj.Origin(), &fact) {
				return fact.ErrStatus
			}
		case *types.Var:
			var s Status
			if sl := m.slots[obj]; sl != nil {
				for _, g := range sl.fns {
					m.use(g)
					s |= g.sum.ErrStatus
				}
			}
			return s
		}
	}
	return 0
}

// challengeOf returns the challenge headers a header name may be: none for
// a known other name, all for a name the model cannot resolve; named
// reports whether the name was resolved.
func (m *model) challengeOf(key ast.Expr, depth int) (b Bits, named bool) {
	key = ast.Unparen(key)
	if tv, ok := m.info.Types[key]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return m.challengeName(constant.StringVal(tv.Value)), true
	}
	if depth > 4 {
		return AllChallenges, false
	}
	switch k := key.(type) {
	case *ast.CallExpr:
		if len(k.Args) == 1 {
			if m.isConversion(k) {
				return m.challengeOf(k.Args[0], depth+1)
			}
			if fun, ok := m.calleeObj(k).(*types.Func); ok {
				switch memberOf(fun) {
				case knowledge.Member{Pkg: knowledge.HTTP, Name: "CanonicalHeaderKey"}, knowledge.Member{Pkg: "net/textproto", Name: "CanonicalMIMEHeaderKey"}:
					return m.challengeOf(k.Args[0], depth+1)
				}
			}
		}
	case *ast.Ident:
		if v, ok := m.info.Uses[k].(*types.Var); ok {
			if init, ok := m.pkgVars[v]; ok && len(m.assigns[v]) == 1 {
				return m.challengeOf(init, depth+1)
			}
		}
	}
	return AllChallenges, false
}

func (m *model) challengeName(name string) Bits {
	switch strings.ToLower(name) {
	case "www-authenticate":
		return WWW
	case "proxy-authenticate":
		return Proxy
	}
	if m.cfg.IsChallengeHeader(name) {
		return WWW
	}
	return 0
}
