package response

import (
	"maps"
	"reflect"
	"slices"

	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/authchallenge/authchallenge/passes/internal/ruleid"

	"github.com/authchallenge/authchallenge/passes/config"
	"github.com/authchallenge/authchallenge/passes/internal/ir"
	"github.com/authchallenge/authchallenge/passes/internal/knowledge"
)

// maxRounds bounds the fixpoint over the package's functions (summaries of
// mutually recursive functions may take a few rounds to settle).
const maxRounds = 6

// maxValueDepth bounds the walks through values: a status or header name
// through variables, conversions and tables; a carrier through wrappers,
// copies and assignments. Past it a value is unknown.
const maxValueDepth = 4

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
			if !sameSummary(&f.sum, &old) {
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

func sameSummary(a, b *Summary) bool {
	x, y := *a, *b
	cx, cy := x.When, y.When
	x.When, y.When = nil, nil
	if !slices.Equal(x.Errors, y.Errors) {
		return false
	}
	x.Errors, y.Errors = nil, nil
	if !reflect.DeepEqual(x, y) || (cx == nil) != (cy == nil) {
		return false
	}
	return cx == nil || cx.String() == cy.String()
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

// state is what holds on the paths to a point of a function: the
// challenges set (and whether a status went out) on every path, and the
// challenges a call the model could not resolve may have set on some path.
type state struct {
	have, unknown Bits
	// forbid holds, for each status variable that may hold 403 here, the
	// challenges set on every path on which it does, beyond have (nil in
	// functions without such a variable). Never changed in place once
	// stored: enter copies it.
	forbid map[*types.Var]Bits
}

// join merges the state of another path in; it reports whether s changed.
func (s *state) join(o state) bool {
	n := state{have: s.have & o.have, unknown: s.unknown | o.unknown}
	if s.forbid != nil || o.forbid != nil {
		n.forbid = make(map[*types.Var]Bits, len(s.forbid)+len(o.forbid))
		for v, b := range s.forbid {
			n.forbid[v] = b | s.have
		}
		for v, b := range o.forbid {
			if x, ok := n.forbid[v]; ok {
				n.forbid[v] = x & (b | o.have)
			} else {
				n.forbid[v] = b | o.have
			}
		}
	}
	if n.have == s.have && n.unknown == s.unknown && sameForbid(n.forbid, s.forbid, n.have) {
		return false
	}
	*s = n
	return true
}

// sameForbid compares two forbid maps as seen on top of have.
func sameForbid(a, b map[*types.Var]Bits, have Bits) bool {
	if len(a) != len(b) {
		return false
	}
	for v, x := range a {
		y, ok := b[v]
		if !ok || x|have != y|have {
			return false
		}
	}
	return true
}

// analyse runs the forward analysis "which challenges were set on every
// path to here" over f's control-flow graph, then walks it once more to
// record the sites and f's summary.
func (m *model) analyse(f *fn) {
	m.reading, f.deps = f, nil
	defer func() { m.reading = nil }()
	blocks := f.g.Blocks
	in := make([]state, len(blocks))
	reached := make([]bool, len(blocks))
	reached[0] = true
	work := []int32{0}
	queued := make([]bool, len(blocks))
	queued[0] = true
	events := f.blockEvents()
	f.loopSets = nil
	f.failCalls, f.failVars = make(map[*ast.CallExpr]Bits), make(map[*types.Var]Bits)
	w := &walker{m: m, f: f}
	for len(work) > 0 {
		i := work[len(work)-1]
		work = work[:len(work)-1]
		queued[i] = false
		w.enter(blocks[i], in[i])
		for _, n := range events[i] {
			w.event(n)
		}
		for _, s := range blocks[i].Succs {
			j := s.Index
			switch {
			case !reached[j]:
				reached[j], in[j] = true, w.st
			case in[j].join(w.st):
			default:
				continue
			}
			if !queued[j] {
				queued[j] = true
				work = append(work, j)
			}
		}
	}

	w = &walker{m: m, f: f, record: true, onFail: AllChallenges}
	must, exits := AllChallenges, 0
	for i, b := range blocks {
		if !reached[i] {
			continue
		}
		w.enter(b, in[i])
		for _, n := range events[i] {
			w.event(n)
		}
		if len(b.Succs) == 0 && m.returns(b) {
			must &= w.st.have
			exits++
		}
	}
	if exits == 0 {
		must = 0
	}
	sum := Summary{Must: must & AllChallenges, May: w.may, Unknown: w.unknown, Rejects: w.rejects,
		StatusParam: w.statusParam, CarrierParam: w.carrierParam, ErrStatus: w.errStatus, SetAt: w.setAt, StatusCtor: w.statusCtor, CtorTable: w.ctorTable}
	sum.CarrierResult = max(w.carrierResult, 0)
	sum.ChallengeFrom = w.challengeFrom
	if w.fieldsSeen && !w.fieldsMixed {
		sum.EmptyFields, sum.FieldParams = w.emptyFields, w.fieldParams
	}
	sum.CarrierRecv = w.carrierRecv && w.carrierResult == 0
	if w.statusResult&Rejecting != 0 {
		sum.StatusResult = w.statusResult
		if !w.forbidAlways {
			sum.ForbidWhen = mergeConds(w.forbidConds)
		}
	}
	sum.May |= sum.Must
	if len(w.errors) > 0 {
		slices.Sort(w.errors)
		sum.Errors = w.errors
	}
	if w.fails > 0 {
		sum.OnFail = w.onFail & AllChallenges &^ sum.Must
	}
	var conds, rejectConds []*Cond
	unconditional, rejectAlways := false, false
	for _, s := range w.sites {
		if s.indirect {
			// The status came through a variable or a table: which value
			// reaches the write is not known per path, so a challenge set
			// anywhere in the function may be the one that goes with it.
			s.Have |= w.may
		}
		s.HaveForbidden = s.Have
		if s.forbidKnown {
			s.HaveForbidden = s.forbid
		}
		if s.Status&S403 != 0 && s.Kind != Return {
			for _, e := range s.from {
				if tv, ok := m.info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.Int {
					if v, ok := constant.Int64Val(tv.Value); ok && statusOfCode(v) == S403 {
						at := CondAt{Pos: e.Pos(), End: e.End()}
						if f.body.Pos() <= e.Pos() && e.End() <= f.body.End() {
							at.When = m.guard(f, e)
						}
						s.ForbidAt = append(s.ForbidAt, at)
					}
				}
			}
			// the condition on the parameters under which it answers
			// 403 (an error switch answering 403 for some errors only)
			if s.forbidWhen != nil {
				rejectConds = append(rejectConds, s.forbidWhen)
			} else if c := m.condOf(f, s, S403); c != nil {
				rejectConds = append(rejectConds, c)
			} else {
				rejectAlways = true
			}
		}
		if f.root || s.Kind == Return {
			continue
		}
		if m.cfg.Directives.Match(m.pass.Fset, ruleid.NoChallenge, s.Pos) != nil {
			continue // suppressed where it is written: callers are not told
		}
		un := s.Missing()
		if un == 0 {
			continue
		}
		if sum.Unchallenged == 0 {
			sum.Origin = s.Origin
			if !sum.Origin.IsValid() {
				sum.Origin = m.pass.Fset.Position(s.Pos)
			}
		}
		sum.Unchallenged |= un
		if c := m.condOf(f, s, un); c != nil {
			conds = append(conds, c)
		} else {
			unconditional = true
		}
	}
	if sum.Rejects&S403 != 0 && !rejectAlways {
		sum.RejectWhen = mergeConds(rejectConds)
	}
	if !unconditional {
		sum.When = mergeConds(conds)
		if sum.When == nil && len(conds) > 0 {
			// conditions on different parameters: the write is there for
			// some argument of each, keep it unconditional
			sum.When = nil
		}
	}
	f.sites = make([]*Site, len(w.sites))
	for i, s := range w.sites {
		f.sites[i] = &s.Site
	}
	f.unresolved = w.unresolved
	f.sum = sum
}

// returns reports whether a block without successors returns to the caller
// (rather than ending in a call that does not return).
func (m *model) returns(b *cfg.Block) bool {
	if len(b.Nodes) == 0 {
		return true
	}
	es, ok := b.Nodes[len(b.Nodes)-1].(*ast.ExprStmt)
	if !ok {
		return true
	}
	call, ok := ast.Unparen(es.X).(*ast.CallExpr)
	return !ok || m.mayReturn(call)
}

type siteRec struct {
	Site
	// forbid: the challenges set on the paths on which the status
	// variable written here holds 403 (forbidKnown: followed)
	forbid      Bits
	forbidKnown bool
	indirect    bool
	from        []ast.Expr // the constant status expressions that reach the write
	forbidWhen  *Cond      // see value.forbidWhen
}

// walker interprets the nodes of one function.
type walker struct {
	m      *model
	f      *fn
	st     state
	record bool
	// challengeFrom: see Summary.ChallengeFrom
	challengeFrom *FieldRef
	// carrierFields: the first carrier literal it returns, its empty
	// string fields and those set from parameters (fieldsSeen: one was
	// seen; fieldsMixed: returns disagree)
	emptyFields             []string
	fieldParams             []FieldRef
	fieldsSeen, fieldsMixed bool

	sites        []*siteRec
	may          Bits
	unknown      Bits
	rejects      Status
	statusParam  int
	carrierParam int
	statusCtor   int
	ctorTable    []TableEntry
	statusResult Status
	// carrierResult: the parameter whose carried status the function
	// returns as its integer result (-1: several, or one on some returns
	// and another on others)
	carrierResult int
	carrierRecv   bool    // it returns the status its receiver carries
	forbidConds   []*Cond // the conditions under which it returns 403 as its status result
	forbidAlways  bool    // some 403 it returns is under no condition on its parameters
	errStatus     Status
	setAt         token.Position
	unresolved    []*Unresolved
	errors        []string // the sentinels and error types it returns
	onFail        Bits     // challenges set on every path that returns a failure
	fails         int      // returns of a failure seen
}

// failing reports whether the last result of a return statement reports a
// failure: an error other than nil, or false.
func failing(info *types.Info, e ast.Expr) bool {
	t := info.TypeOf(e)
	if t == nil {
		return false
	}
	if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.Bool {
		return !constant.BoolVal(tv.Value)
	}
	return isError(t) && !info.Types[e].IsNil()
}

// failBranch returns the challenges a callee set when it failed, for the
// branch of an if statement that runs on its failure (if err != nil,
// if !ok, if !p.Authenticate(w, r)).
func (w *walker) failBranch(b *cfg.Block) Bits {
	is, ok := b.Stmt.(*ast.IfStmt)
	if !ok || len(w.f.failCalls) == 0 {
		return 0
	}
	var then bool
	switch b.Kind {
	case cfg.KindIfThen:
		then = true
	case cfg.KindIfElse:
	default:
		return 0
	}
	e, failWhen := ast.Unparen(is.Cond), true // the branch on which e is true is the failure
	for {
		u, ok := e.(*ast.UnaryExpr)
		if !ok || u.Op != token.NOT {
			break
		}
		e, failWhen = ast.Unparen(u.X), !failWhen
	}
	if bin, ok := e.(*ast.BinaryExpr); ok && (bin.Op == token.NEQ || bin.Op == token.EQL) && isNil(bin.Y) {
		e = ast.Unparen(bin.X)
		if bin.Op == token.EQL {
			failWhen = !failWhen
		}
	} else if isError(w.m.info.TypeOf(e)) {
		return 0
	} else {
		failWhen = !failWhen // a bool result: false is the failure
	}
	if failWhen != then {
		return 0
	}
	switch x := e.(type) {
	case *ast.CallExpr:
		return w.f.failCalls[x]
	case *ast.Ident:
		if v, ok := w.m.info.Uses[x].(*types.Var); ok {
			return w.f.failVars[v]
		}
	}
	return 0
}

// enter starts the walk of a block in state st. A header added for each
// element of a range loop (every scheme's challenge) counts as set when
// the loop is done.
func (w *walker) enter(b *cfg.Block, st state) {
	w.st = st
	if st.forbid != nil {
		w.st.forbid = maps.Clone(st.forbid)
		w.notForbidden(b)
	}
	w.st.have |= w.failBranch(b)
	if b.Kind == cfg.KindRangeDone {
		if rs, ok := b.Stmt.(*ast.RangeStmt); ok {
			w.st.have |= w.f.loopSet(w.m, rs)
		}
	}
}

// loopSet returns the challenge headers a range loop's body sets by name
// (directly or through a helper that must set them).
func (f *fn) loopSet(m *model, rs *ast.RangeStmt) Bits {
	if b, ok := f.loopSets[rs]; ok {
		return b
	}
	lw := &walker{m: m, f: f}
	ast.Inspect(rs.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			lw.call(n)
		case *ast.AssignStmt:
			lw.assign(n)
		}
		return true
	})
	b := lw.st.have & AllChallenges
	if f.loopSets == nil {
		f.loopSets = make(map[*ast.RangeStmt]Bits)
	}
	f.loopSets[rs] = b
	return b
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
		if fun := m.methodValue(obj); fun != nil {
			w.callFunc(call, fun) // set := w.Header().Set; set(…)
			return
		}
		w.viaSlot(call, obj)
		return
	case *types.Func:
		w.callFunc(call, obj)
		return
	}
	w.unknownCall(call, "")
}

func (w *walker) callFunc(call *ast.CallExpr, fun *types.Func) {
	m := w.m
	sel, _ := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	args := call.Args
	if fun.Name() == knowledge.ServeHTTPMethod && sel != nil {
		if v := m.varOf(sel.X); v != nil && m.slots[v] != nil {
			w.viaSlot(call, v)
			return
		}
	}
	mem := memberOf(fun)
	switch {
	case fun.Name() == knowledge.WriteHeaderMethod && sel != nil && len(args) == 1 && fun.Signature().Recv() != nil &&
		m.isWriter(fun.Signature().Recv().Type()):
		w.status(call, Write, args[0])
		w.wrote(sel.X)
		return
	case fun.Name() == knowledge.WriteMethod && sel != nil && fun.Signature().Recv() != nil:
		w.wrote(sel.X) // the body goes out with 200
	}
	if i, ok := knowledge.HeaderArg[mem]; ok && i < len(args) {
		w.header(args[i])
		if i+1 < len(args) && w.record {
			w.challengeField(args[i], args[i+1])
		}
		return
	}
	if i, ok := knowledge.StatusArg[mem]; ok && i < len(args) {
		w.status(call, Write, args[i])
		if mem.Pkg == knowledge.HTTP && len(args) > 0 {
			w.wrote(args[0])
		}
		return
	}
	if i, ok := knowledge.ErrorArg[mem]; ok && i < len(args) {
		st, at := m.errStatusOf(w.f, args[i], 0)
		w.site(call, ErrorWrite, st, false, "", token.Position{}, at, nil)
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
				w.status(call, Write, args[i])
				break
			}
		}
		return
	}
	if fact := m.imported(fun.Origin()); fact != nil {
		w.apply(call, fact, fun.Name())
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
	if isInterfaceMethod(fun) && w.writerPassed(call) {
		if sum, ok := m.implemented(fun); ok {
			w.apply(call, sum, fun.Name())
			return
		}
	}
	w.unknownCall(call, fun.Name())
}

// wrote marks that a status went out on this path when the writer is a
// net/http ResponseWriter, which sends the header at once (a framework's
// context keeps the last status until it answers, so a later one wins).
func (w *walker) wrote(x ast.Expr) {
	if knowledge.NamedOf(w.m.info.TypeOf(x)) == (knowledge.TypeName{Pkg: knowledge.HTTP, Name: "ResponseWriter"}) {
		w.st.have |= wrote
	}
}

// implemented summarises an interface method through the implementations
// the analysis knows: the named types of this package and of the packages
// it imports that the model analysed. A call sets a challenge only if every
// implementation must; ok is false when there is none.
func (m *model) implemented(method *types.Func) (*Summary, bool) {
	impls := m.implsOf(method)
	if len(impls) == 0 {
		return nil, false
	}
	sum := &Summary{Must: AllChallenges, OnFail: AllChallenges}
	for _, impl := range impls {
		var s *Summary
		if f := m.byObj[impl.Origin()]; f != nil {
			m.use(f)
			s = &f.sum
		} else {
			if fact := m.imported(impl.Origin()); fact != nil {
				s = fact
			} else {
				s = new(Summary) // analysed, does nothing to a response
			}
		}
		sum.Must &= s.Must
		sum.OnFail &= s.Must | s.OnFail
		sum.May |= s.May
		sum.Unknown |= s.Unknown
		sum.Rejects |= s.Rejects
	}
	sum.OnFail &^= sum.Must
	return sum, true
}

// implsOf returns the known implementations of an interface method.
func (m *model) implsOf(method *types.Func) []*types.Func {
	if m.implsFinder == nil {
		scopes := []*types.Package{m.pass.Pkg}
		for _, p := range m.pass.Pkg.Imports() {
			if m.pass.ImportPackageFact(p, new(Analyzed)) {
				scopes = append(scopes, p)
			}
		}
		m.implsFinder = ir.NewImplementations(scopes)
	}
	return m.implsFinder.Of(method)
}

func isInterfaceMethod(f *types.Func) bool {
	recv := f.Signature().Recv()
	return recv != nil && types.IsInterface(recv.Type())
}

// unknownCall: a call the model cannot see into. If it is handed a writer
// it may set a challenge: the sites after it on some path stay silent
// (precision first), and the inventory lists the call.
func (w *walker) unknownCall(call *ast.CallExpr, name string) {
	if !w.writerPassed(call) {
		return
	}
	w.st.unknown |= AllChallenges
	if w.record {
		w.unknown |= AllChallenges
		w.unresolved = append(w.unresolved, &Unresolved{Pos: call.Pos(), Callee: name,
			Why: "handed the writer; no summary and no known implementation"})
	}
}

// viaSlot: a call of a function held in a variable or field.
func (w *walker) viaSlot(call *ast.CallExpr, v *types.Var) {
	s := w.m.slots[v]
	if s == nil {
		w.unknownCall(call, v.Name())
		return
	}
	sum := Summary{Must: AllChallenges}
	if len(s.fns) == 0 {
		sum.Must = 0
	}
	name := v.Name()
	for _, f := range s.fns {
		w.m.use(f)
		sum.Must &= f.sum.Must
		sum.May |= f.sum.May
		sum.Unknown |= f.sum.Unknown
		sum.ErrStatus |= f.sum.ErrStatus
		if f.sum.Unchallenged != 0 && sum.Unchallenged == 0 {
			sum.Origin = f.sum.Origin
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
		w.unknownCall(call, v.Name())
	}
}

// apply applies a callee's summary at a call. A 401 the callee writes on
// its own is judged against the challenges set before the call (and only
// when the arguments can meet the condition it is written under); a status
// it is given may go out with a challenge it sets itself (a helper given
// both the status and the header), so that one is judged after its
// challenges. What it must set counts from the call on.
func (w *walker) apply(call *ast.CallExpr, sum *Summary, name string) {
	if w.record {
		w.may |= sum.May
		w.rejects |= sum.Rejects
	}
	own := sum.May | sum.Unknown
	if c := sum.ChallengeFrom; c != nil && c.Param <= len(call.Args) {
		a := call.Args[c.Param-1]
		if w.m.emptyField(w.f, a, c.Field, 0) {
			own &^= WWW // the carrier given has no challenge to set
		} else if p := w.m.paramOf(w.f, a, 0); p > 0 && w.record && w.challengeFrom == nil {
			w.challengeFrom = &FieldRef{Param: p, Field: c.Field} // handed on
		}
	}
	if i := sum.StatusParam - 1; i >= 0 && i < len(call.Args) {
		before := w.st
		w.st.have |= own
		w.status(call, Call, call.Args[i])
		if n := len(w.sites); n > 0 && w.sites[n-1].Pos == call.Pos() {
			w.sites[n-1].Callee = name
		}
		w.st = before
	}
	if i := sum.CarrierParam - 1; i >= 0 && i < len(call.Args) {
		if p := w.m.paramOf(w.f, call.Args[i], 0); p > 0 && w.record && w.carrierParam == 0 {
			w.carrierParam = p // writeError(w, err) handing its err on
		}
		before := w.st
		w.st.have |= own
		st, at := w.m.errStatusOf(w.f, call.Args[i], 0)
		w.site(call, ErrorWrite, st, false, name, token.Position{}, at, nil)
		w.st = before
	}
	if sum.Unchallenged != 0 && w.m.meets(w.f, sum.When, call) {
		w.site(call, Call, sum.Unchallenged, false, name, sum.Origin, token.Position{}, nil)
	}
	if sum.Rejects&S403 != 0 && (sum.StatusParam == 0 && sum.CarrierParam == 0 || sum.RejectWhen != nil) && (sum.RejectWhen == nil || w.m.meets(w.f, sum.RejectWhen, call)) {
		w.site(call, Call, S403, false, name, sum.Origin, token.Position{}, nil) // a helper that answers 403
	}
	w.st.have |= sum.Must
	w.st.unknown |= sum.Unknown
	if w.record {
		w.unknown |= sum.Unknown
	}
	if b := sum.OnFail &^ sum.Must; b != 0 {
		w.f.failCalls[call] = b
	}
}

// setChallenge records a challenge header set by name on this path.
func (w *walker) setChallenge(b Bits) {
	w.st.have |= b
	if w.record {
		w.may |= b
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
	if named {
		w.setChallenge(b)
		return
	}
	w.st.unknown |= b
	if w.record {
		w.unknown |= b
	}
}

func (w *walker) assign(as *ast.AssignStmt) {
	w.statusVars(as)
	if len(as.Rhs) == 1 {
		// err := p.Authenticate(w, r): the challenge the callee sets when
		// it fails goes with the failure result
		if call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr); ok {
			if b := w.f.failCalls[call]; b != 0 {
				if v := w.m.varOf(as.Lhs[len(as.Lhs)-1]); v != nil {
					w.f.failVars[v] = b
				}
			}
		}
	}
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
	if w.record && results.Len() > 0 && len(r.Results) == results.Len() && failing(w.m.info, r.Results[len(r.Results)-1]) {
		w.onFail &= w.st.have
		w.fails++
	}
	switch {
	case len(r.Results) == results.Len():
		for i, e := range r.Results {
			if b, ok := results.At(i).Type().Underlying().(*types.Basic); ok && b.Info()&types.IsInteger != 0 && w.record {
				v := w.m.statusOf(w.f, e, 1)
				w.statusResult |= v.s
				switch {
				case v.carrier == recvParam:
					w.carrierRecv = true
				case v.carrier > 0 && (w.carrierResult == 0 || w.carrierResult == v.carrier):
					w.carrierResult = v.carrier
				case v.carrier > 0:
					w.carrierResult = -1
				}
				if v.s&S403 != 0 {
					if c := w.m.guard(w.f, e); c != nil && len(c.Errors) > 0 {
						w.forbidConds = append(w.forbidConds, c)
					} else {
						w.forbidAlways = true
					}
				}
			}
			if w.m.mayCarry(results.At(i).Type()) {
				w.retErr(r, e)
			}
		}
	case len(r.Results) == 1:
		w.retErr(r, r.Results[0]) // return f() of a tuple
	}
}

// methodValue returns the method a local variable holds when its only
// value is a method value (set := w.Header().Set), or nil.
func (m *model) methodValue(v *types.Var) *types.Func {
	if m.slots[v] != nil || v.IsField() {
		return nil
	}
	vals := m.assigns[v]
	if len(vals) != 1 {
		return nil
	}
	sel, ok := ast.Unparen(vals[0]).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if s := m.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
		f, _ := s.Obj().(*types.Func)
		return f
	}
	return nil
}

// maxErrors bounds the sentinels and error types a summary lists.
const maxErrors = 16

func (w *walker) retErr(r *ast.ReturnStmt, e ast.Expr) {
	t := w.m.info.TypeOf(e)
	if tup, ok := t.(*types.Tuple); ok && tup.Len() > 0 {
		t = tup.At(tup.Len() - 1).Type() // return f(): f's error
	}
	if w.record && isError(t) {
		for _, name := range w.m.errorNames(e, 0) {
			if !slices.Contains(w.errors, name) && len(w.errors) < maxErrors {
				w.errors = append(w.errors, name)
			}
		}
	}
	if w.record {
		w.carrierLiteral(e)
	}
	if i, tab := w.m.ctorTable(w.f, e); i > 0 {
		// the status is the table's entry for the constant each call
		// passes: decided at the call (ctorStatus)
		if w.record && w.statusCtor == 0 {
			w.statusCtor, w.ctorTable = i, tab
		}
		return
	}
	s, at := w.m.errStatusOf(w.f, e, 0)
	if s == 0 {
		if w.record && w.statusCtor == 0 {
			w.statusCtor = w.m.ctorParam(w.f, e)
		}
		return
	}
	if w.record {
		w.errStatus |= s
		if !w.setAt.IsValid() {
			w.setAt = at
		}
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
	if knowledge.IsGRPCHandler(w.f.sig) {
		return // answered with its gRPC code (grpcauthcode), not an HTTP status
	}
	if w.f.root && !w.m.handlerSig(w.f.sig) && !w.f.framework {
		// handed to code the analysis does not see (a gRPC auth function
		// given to an interceptor library): what answers with its error,
		// and how, is not known
		return
	}
	w.site(r, Return, s, false, origin, token.Position{}, at, nil)
}

var errorType = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

func isError(t types.Type) bool {
	return types.Implements(t, errorType)
}

// mayCarry reports whether a value of type t may carry a status: an error,
// or a struct (or pointer to one) with a status field.
func (m *model) mayCarry(t types.Type) bool {
	if isError(t) {
		return true
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if m.isStatusField(st.Field(i)) {
			return true
		}
	}
	return false
}

// statusVars follows the local status variables that may hold 403: which
// challenges were set on the paths on which they do.
func (w *walker) statusVars(as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, l := range as.Lhs {
		id, ok := ast.Unparen(l).(*ast.Ident)
		if !ok {
			continue
		}
		v, _ := w.m.info.ObjectOf(id).(*types.Var)
		if v == nil || v.IsField() || w.f.params[v] > 0 || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
			continue
		}
		if b, ok := v.Type().Underlying().(*types.Basic); !ok || b.Info()&types.IsInteger == 0 {
			continue
		}
		if w.m.statusOf(w.f, as.Rhs[i], 1).s&S403 != 0 {
			if w.st.forbid == nil {
				w.st.forbid = make(map[*types.Var]Bits)
			}
			w.st.forbid[v] = w.st.have
		} else if w.st.forbid != nil {
			delete(w.st.forbid, v)
		}
	}
}

// notForbidden drops the status variables a branch shows not to hold 403
// (the then branch of if status == http.StatusUnauthorized).
func (w *walker) notForbidden(b *cfg.Block) {
	is, ok := b.Stmt.(*ast.IfStmt)
	if !ok || (b.Kind != cfg.KindIfThen && b.Kind != cfg.KindIfElse) {
		return
	}
	bin, ok := ast.Unparen(is.Cond).(*ast.BinaryExpr)
	if !ok || (bin.Op != token.EQL && bin.Op != token.NEQ) {
		return
	}
	x, y := ast.Unparen(bin.X), bin.Y
	if _, ok := x.(*ast.Ident); !ok {
		x, y = ast.Unparen(bin.Y), bin.X
	}
	id, ok := x.(*ast.Ident)
	if !ok {
		return
	}
	v, _ := w.m.info.Uses[id].(*types.Var)
	tv, ok := w.m.info.Types[y]
	if v == nil || !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return
	}
	k, _ := constant.Int64Val(tv.Value)
	equal := (bin.Op == token.EQL) == (b.Kind == cfg.KindIfThen) // on this branch, v == k
	if equal != (k == 403) {
		delete(w.st.forbid, v)
	}
}

// status records a status write whose value is e.
func (w *walker) status(call *ast.CallExpr, kind SiteKind, e ast.Expr) {
	v := w.m.statusOf(w.f, e, 0)
	if w.record {
		if v.param > 0 && w.statusParam == 0 {
			w.statusParam = v.param
		}
		if v.carrier > 0 && w.carrierParam == 0 {
			w.carrierParam = v.carrier
		}
	}
	w.site(call, kind, v.s, v.indirect, "", token.Position{}, token.Position{}, v.from)
	if n := len(w.sites); v.forbidWhen != nil && n > 0 && w.sites[n-1].Pos == call.Pos() {
		w.sites[n-1].forbidWhen = v.forbidWhen
	}
	if id, ok := ast.Unparen(e).(*ast.Ident); ok && w.record && w.st.forbid != nil {
		sv, _ := w.m.info.Uses[id].(*types.Var)
		if b, ok := w.st.forbid[sv]; ok && len(w.sites) > 0 && w.sites[len(w.sites)-1].Pos == call.Pos() {
			r := w.sites[len(w.sites)-1]
			r.forbid, r.forbidKnown = (b|w.st.have)&AllChallenges, true
		}
	}
}

func (w *walker) site(n ast.Node, kind SiteKind, s Status, indirect bool, callee string, origin, setAt token.Position, from []ast.Expr) {
	if !w.record || s&Rejecting == 0 || w.f.exempt {
		return
	}
	if kind != Return && w.st.have&wrote != 0 {
		return // the response already went out: WriteHeader ignores this one
	}
	if kind != Return {
		w.rejects |= s & Rejecting
	}
	where := ""
	if origin.IsValid() {
		where = short(origin)
	}
	w.sites = append(w.sites, &siteRec{
		Site: Site{
			Pos: n.Pos(), End: n.End(), Kind: kind, Status: s,
			Have: w.st.have & AllChallenges, Unknown: w.st.unknown,
			Root: w.f.root, Callee: callee, Origin: origin, OriginPos: w.m.posOf(origin),
			SetAt: setAt, Where: where, Func: w.f.node,
		},
		indirect: indirect,
		from:     from,
	})
}

// value is what the model knows of a status expression.
type value struct {
	s        Status
	param    int        // the 1-based parameter it is (0: none)
	carrier  int        // the 1-based parameter whose status field it is (0: none)
	indirect bool       // through a variable or table rather than a constant at the site
	from     []ast.Expr // the constant expressions of 401, 403 or 407 it may be
	// forbidWhen: the condition on the function's parameters under which
	// it is 403 (statusFor(err) of its own err, statusFor answering 403
	// for some errors only); nil: none known
	forbidWhen *Cond
}

// statusOf evaluates a status expression.
func (m *model) statusOf(f *fn, e ast.Expr, depth int) value {
	e = ast.Unparen(e)
	if tv, ok := m.info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.Int {
		if v, ok := constant.Int64Val(tv.Value); ok {
			s := statusOfCode(v)
			val := value{s: s, indirect: depth > 0}
			if s&(S401|S403|S407) != 0 {
				val.from = []ast.Expr{e}
			}
			return val
		}
	}
	unknown := value{s: SOther, indirect: true}
	if depth > maxValueDepth {
		return unknown
	}
	switch e := e.(type) {
	case *ast.Ident:
		v, ok := m.info.Uses[e].(*types.Var)
		if !ok {
			return unknown
		}
		if f != nil {
			if i, ok := f.params[v]; ok {
				return value{s: SOther, param: i, indirect: true}
			}
		}
		vals := m.assigns[v]
		if init, ok := m.pkgVars[v]; ok && len(vals) == 0 {
			vals = []ast.Expr{init}
		}
		if len(vals) == 0 {
			return unknown
		}
		out := value{indirect: true}
		for _, x := range vals {
			xv := m.statusOf(f, x, depth+1)
			out.s |= xv.s
			out.from = append(out.from, xv.from...)
			if len(vals) == 1 {
				out.carrier = xv.carrier // s, ok := statusByCode[e.Code]
				out.forbidWhen = xv.forbidWhen
			}
		}
		return out
	case *ast.SelectorExpr:
		// a status field: x.Status, of a parameter (writeError(w, err)
		// writing err.Status) or of what errors.As found in one
		fv, ok := m.info.Uses[e.Sel].(*types.Var)
		if !ok || !fv.IsField() {
			return unknown
		}
		m.addStatusField(fv)
		if f != nil {
			if i := m.paramOf(f, e.X, depth); i != 0 {
				return value{s: SOther, carrier: i, indirect: true}
			}
		}
		// the status field of a carrier built with a constant status
		// (ErrInvalidClient.Code)
		if s, _ := m.errStatusOf(f, e.X, depth+1); s&carried != 0 {
			return value{s: s, indirect: depth > 0, from: []ast.Expr{e}}
		}
		return unknown
	case *ast.IndexExpr:
		// a table keyed by a kind field, of a parameter or of what
		// errors.As found in one: the status the parameter carries
		if sel, ok := ast.Unparen(e.Index).(*ast.SelectorExpr); ok && f != nil {
			if fv, ok := m.info.Uses[sel.Sel].(*types.Var); ok && fv.IsField() && m.kindTableOf(fv) != nil {
				if i := m.paramOf(f, sel.X, depth); i != 0 {
					return value{s: SOther, carrier: i, indirect: true}
				}
			}
		}
		if lit := m.literalOf(e.X); lit != nil {
			out := value{indirect: true}
			for _, elt := range lit.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					elt = kv.Value
				}
				xv := m.statusOf(f, elt, depth+1)
				out.s |= xv.s
				out.from = append(out.from, xv.from...)
			}
			return out
		}
	case *ast.CallExpr:
		if m.isConversion(e) {
			v := m.statusOf(f, e.Args[0], depth+1)
			v.indirect = v.indirect || depth > 0
			return v
		}
		// a status mapping: statusFor(err) returning the status to answer
		if fun, ok := m.calleeObj(e).(*types.Func); ok {
			var sum *Summary
			if g := m.byObj[fun.Origin()]; g != nil {
				m.use(g)
				sum = &g.sum
			} else if fun.Pkg() != m.pass.Pkg {
				sum = m.imported(fun.Origin())
			}
			if sum != nil {
				if v, ok := m.carriedResult(f, sum, e, depth); ok {
					return v
				}
				if sum.StatusResult != 0 {
					if c := sum.ForbidWhen; c != nil && f != nil && c.Param <= len(e.Args) {
						if p := m.paramOf(f, e.Args[c.Param-1], depth); p > 0 {
							// statusFor(err) of this function's own err: 403
							// under the same condition, on its parameter
							return value{s: sum.StatusResult, indirect: true, forbidWhen: &Cond{Param: p, Errors: c.Errors}}
						}
					}
					return value{s: m.mappedStatus(f, sum, e), indirect: true}
				}
			}
		}
	}
	return unknown
}

// challengeField records a challenge header set to a string field of the
// carrier in a parameter (h.Set("WWW-Authenticate", e.Challenge)).
func (w *walker) challengeField(key, val ast.Expr) {
	if b, named := w.m.challengeOf(key, 0); !named || b&WWW == 0 || w.challengeFrom != nil {
		return
	}
	sel, ok := ast.Unparen(val).(*ast.SelectorExpr)
	if !ok {
		return
	}
	fv, ok := w.m.info.Uses[sel.Sel].(*types.Var)
	if !ok || !fv.IsField() || !knowledge.IsText(fv.Type()) {
		return
	}
	if p := w.m.paramOf(w.f, sel.X, 0); p > 0 {
		w.challengeFrom = &FieldRef{Param: p, Field: fv.Name()}
	}
}

// carrierLiteral records which string fields a returned struct literal
// (&Error{…}) leaves empty and which it sets from a parameter; returns
// that disagree leave nothing known.
func (w *walker) carrierLiteral(e ast.Expr) {
	lit := w.m.literalOf(e)
	if lit == nil {
		return
	}
	st, ok := w.m.info.TypeOf(lit).Underlying().(*types.Struct)
	if !ok {
		return
	}
	set := make(map[string]ast.Expr)
	w.m.eachField(lit, func(f *types.Var, v ast.Expr) bool {
		set[f.Name()] = v
		return true
	})
	var empty []string
	var params []FieldRef
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if !knowledge.IsText(f.Type()) {
			continue
		}
		v, ok := set[f.Name()]
		switch {
		case !ok:
			empty = append(empty, f.Name())
		case isEmptyString(w.m.info, v):
			empty = append(empty, f.Name())
		default:
			if id, ok := ast.Unparen(v).(*ast.Ident); ok {
				if pv, ok := w.m.info.Uses[id].(*types.Var); ok && w.f.params[pv] > 0 {
					params = append(params, FieldRef{Param: w.f.params[pv], Field: f.Name()})
				}
			}
		}
	}
	if !w.fieldsSeen {
		w.emptyFields, w.fieldParams, w.fieldsSeen = empty, params, true
	} else if !slices.Equal(w.emptyFields, empty) || !slices.Equal(w.fieldParams, params) {
		w.fieldsMixed = true
	}
}

// emptyField reports whether the carrier e leaves its string field name
// empty: a literal that does not set it or sets "", a constructor that
// leaves it empty or sets it from a parameter given "".
func (m *model) emptyField(f *fn, e ast.Expr, name string, depth int) bool {
	if depth > maxValueDepth {
		return false
	}
	e = ast.Unparen(e)
	if lit := m.literalOf(e); lit != nil {
		if _, ok := m.info.TypeOf(lit).Underlying().(*types.Struct); !ok {
			return false
		}
		empty := true
		m.eachField(lit, func(fv *types.Var, v ast.Expr) bool {
			if fv.Name() == name {
				empty = isEmptyString(m.info, v)
				return false
			}
			return true
		})
		return empty
	}
	call, ok := e.(*ast.CallExpr)
	if !ok {
		if id, ok := e.(*ast.Ident); ok {
			if v, ok := m.info.Uses[id].(*types.Var); ok && len(m.assigns[v]) == 1 {
				return m.emptyField(f, m.assigns[v][0], name, depth+1)
			}
		}
		return false
	}
	fun, ok := m.calleeObj(call).(*types.Func)
	if !ok {
		return false
	}
	if g := m.byObj[fun.Origin()]; g != nil {
		m.use(g)
	}
	sum := m.summaryOf(fun)
	if sum == nil {
		return false
	}
	if slices.Contains(sum.EmptyFields, name) {
		return true
	}
	for _, fp := range sum.FieldParams {
		if fp.Field == name && fp.Param <= len(call.Args) {
			return isEmptyString(m.info, call.Args[fp.Param-1])
		}
	}
	return false
}

func isEmptyString(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.String && constant.StringVal(tv.Value) == ""
}

// recvParam is what paramOf returns for a method's receiver (parameters
// are 1-based).
const recvParam = -2

// carriedResult evaluates a call of a function that returns the status its
// argument carries (CarrierResult): the caller's own parameter handed on
// (writeError(w, err) writing StatusOf(err)), or the status a carrier of
// known status carries (StatusOf(apperr.Wrap(CodePermission, …)): 403). ok
// is false when the argument's status is not known: the caller falls back
// on every status the function returns.
func (m *model) carriedResult(f *fn, sum *Summary, call *ast.CallExpr, depth int) (value, bool) {
	var a ast.Expr
	switch i := sum.CarrierResult; {
	case sum.CarrierRecv:
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return value{}, false
		}
		a = sel.X // e.HTTPStatus(): what e carries
	case i == 0 || i > len(call.Args) || call.Ellipsis.IsValid():
		return value{}, false
	default:
		a = call.Args[i-1]
	}
	if f != nil {
		if p := m.paramOf(f, a, depth); p != 0 {
			return value{s: SOther, carrier: p, indirect: true}, true
		}
	}
	if st, _ := m.errStatusOf(f, a, depth+1); st&carried != 0 {
		return value{s: st & carried, indirect: true, from: []ast.Expr{a}}, true
	}
	return value{}, false
}

// mappedStatus returns the statuses a call of a status mapping may return:
// its 403 only when the argument may be one of the errors that lead to it
// (an error of unknown origin does not: precision first).
func (m *model) mappedStatus(f *fn, sum *Summary, call *ast.CallExpr) Status {
	s := sum.StatusResult
	if s&S403 != 0 && sum.ForbidWhen != nil && (f == nil || !m.meets(f, sum.ForbidWhen, call)) {
		s &^= S403
	}
	return s
}

// paramOf returns the 1-based index of the parameter of f that e holds:
// the parameter itself, a type assertion of it, or the target of an
// errors.As of it (0: none).
func (m *model) paramOf(f *fn, e ast.Expr, depth int) int {
	if depth > maxValueDepth {
		return 0
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.StarExpr:
		return m.paramOf(f, x.X, depth+1)
	case *ast.TypeAssertExpr:
		return m.paramOf(f, x.X, depth+1)
	case *ast.Ident:
		v, ok := m.info.Uses[x].(*types.Var)
		if !ok {
			return 0
		}
		if i, ok := f.params[v]; ok {
			return i
		}
		if r := f.sig.Recv(); r != nil && r == v {
			return recvParam
		}
		if i := m.asTarget(f, v); i > 0 {
			return i
		}
		if vals := m.assigns[v]; len(vals) == 1 {
			return m.paramOf(f, vals[0], depth+1)
		}
	}
	return 0
}

// asTarget returns the parameter an errors.As(param, &v) in f fills v from.
func (m *model) asTarget(f *fn, v *types.Var) int {
	found := 0
	ast.Inspect(f.body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found > 0 || len(call.Args) != 2 {
			return found == 0
		}
		fun, ok := m.calleeObj(call).(*types.Func)
		if !ok || knowledge.ErrorMatch[memberOf(fun)] != knowledge.MatchAs {
			return true
		}
		if u, ok := ast.Unparen(call.Args[1]).(*ast.UnaryExpr); ok && u.Op == token.AND && m.varOf(u.X) == v {
			found = m.paramOf(f, call.Args[0], maxValueDepth)
		}
		return true
	})
	return found
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

// errStatusOf evaluates the statuses carried by an error expression, or by
// a value of a type with a status field, and where the status was set.
func (m *model) errStatusOf(f *fn, e ast.Expr, depth int) (Status, token.Position) {
	if depth > maxValueDepth || e == nil {
		return 0, token.Position{}
	}
	e = ast.Unparen(e)
	switch e := e.(type) {
	case *ast.Ident, *ast.SelectorExpr:
		id, ok := e.(*ast.Ident)
		if !ok {
			id = e.(*ast.SelectorExpr).Sel
		}
		v, ok := m.info.Uses[id].(*types.Var)
		if !ok || v.IsField() {
			return 0, token.Position{}
		}
		if v.Pkg() != nil && v.Pkg() != m.pass.Pkg {
			if code, ok := knowledge.ErrorVars[knowledge.Member{Pkg: v.Pkg().Path(), Name: v.Name()}]; ok {
				return statusOfCode(int64(code)), m.pass.Fset.Position(e.Pos())
			}
			if fact := m.imported(v); fact != nil {
				return fact.ErrStatus, fact.SetAt
			}
			return 0, token.Position{}
		}
		vals := m.assigns[v]
		if init, ok := m.pkgVars[v]; ok && len(vals) == 0 {
			vals = []ast.Expr{init}
		}
		var s Status
		var at token.Position
		for _, x := range vals {
			xs, xat := m.errStatusOf(f, x, depth+1)
			s |= xs
			if !at.IsValid() {
				at = xat
			}
		}
		return s, at
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return m.errStatusOf(f, e.X, depth+1)
		}
	case *ast.StarExpr:
		return m.errStatusOf(f, e.X, depth+1)
	case *ast.CompositeLit:
		return m.literalStatus(f, e, depth)
	case *ast.CallExpr:
		if m.isConversion(e) {
			return m.errStatusOf(f, e.Args[0], depth+1)
		}
		if lit, ok := ast.Unparen(e.Fun).(*ast.FuncLit); ok {
			if g := m.fns[lit]; g != nil {
				m.use(g)
				return g.sum.ErrStatus, g.sum.SetAt
			}
			return 0, token.Position{}
		}
		switch obj := m.calleeObj(e).(type) {
		case *types.Func:
			mem := memberOf(obj)
			if i, ok := knowledge.ErrorCtors[mem]; ok {
				if i < 0 {
					return statusOfCode(int64(-i)), m.pass.Fset.Position(e.Pos())
				}
				if i < len(e.Args) {
					v := m.statusOf(f, e.Args[i], depth+1)
					return v.s, m.pass.Fset.Position(e.Args[i].Pos())
				}
				return 0, token.Position{}
			}
			if i, ok := knowledge.ErrorWraps[mem]; ok {
				return m.wrapped(f, e, i, depth)
			}
			if knowledge.ErrorMethods[mem] || m.sameTypeMethod(e, obj) {
				// a method returning the status error itself or a copy
				// of it (WithHint, WithInternal, a With… builder)
				if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok {
					return m.errStatusOf(f, sel.X, depth+1)
				}
			}
			if g := m.byObj[obj.Origin()]; g != nil {
				m.use(g)
				if g.sum.ErrStatus == 0 && g.sum.StatusCtor > 0 {
					return m.ctorStatus(f, e, &g.sum, depth)
				}
				return g.sum.ErrStatus, g.sum.SetAt
			}
			if fact := m.imported(obj.Origin()); fact != nil {
				if fact.ErrStatus == 0 && fact.StatusCtor > 0 {
					return m.ctorStatus(f, e, fact, depth)
				}
				return fact.ErrStatus, fact.SetAt
			}
		case *types.Var:
			var s Status
			var at token.Position
			if sl := m.slots[obj]; sl != nil {
				for _, g := range sl.fns {
					m.use(g)
					s |= g.sum.ErrStatus
					if !at.IsValid() {
						at = g.sum.SetAt
					}
				}
			}
			return s, at
		}
	}
	return 0, token.Position{}
}

// ctorStatus returns the status a call of a constructor builds its carrier
// with: the constant it is given in parameter StatusCtor (1-based), or the
// entry of its table for that constant (New(KindForbidden, …) looking its
// status up in statusByKind). Anything else is unknown: 0.
func (m *model) ctorStatus(f *fn, call *ast.CallExpr, sum *Summary, depth int) (Status, token.Position) {
	i := sum.StatusCtor
	if i > len(call.Args) || call.Ellipsis.IsValid() {
		return 0, token.Position{}
	}
	a := call.Args[i-1]
	if sum.CtorTable != nil {
		if tv, ok := m.info.Types[a]; ok && tv.Value != nil {
			for _, t := range sum.CtorTable {
				if t.Key == tv.Value.ExactString() && t.Status&carried != 0 {
					return t.Status & carried, t.At // where the table sets it
				}
			}
			return 0, token.Position{}
		}
		// a parameter handed on (Forbidden(msg) calling New(KindForbidden,
		// msg) is a constant; a wrapper passing its own kind is not)
		return 0, token.Position{}
	}
	if v := m.statusOf(f, a, depth+1); v.s&carried != 0 {
		return v.s & carried, m.pass.Fset.Position(a.Pos())
	}
	return 0, token.Position{}
}

// ctorTable returns the 1-based parameter of f whose value a returned
// carrier literal looks its status up by in a table of constants
// (&Error{Kind: kind, Status: statusByKind[kind]}), and the table (keyed by
// the constant keys' exact values); 0 when it does not.
func (m *model) ctorTable(f *fn, e ast.Expr) (int, []TableEntry) {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	if id, ok := e.(*ast.Ident); ok {
		// e := New(kind, msg); e.Err = err; return e
		if v, ok := m.info.Uses[id].(*types.Var); ok && len(m.assigns[v]) == 1 {
			e = ast.Unparen(m.assigns[v][0])
		}
	}
	if call, ok := e.(*ast.CallExpr); ok {
		// a constructor handing its own parameter to one that looks
		// the status up (Wrap(kind, msg, err) calling New(kind, msg))
		fun, ok := m.calleeObj(call).(*types.Func)
		if !ok {
			return 0, nil
		}
		if g := m.byObj[fun.Origin()]; g != nil {
			m.use(g)
		}
		sum := m.summaryOf(fun)
		if sum == nil || sum.CtorTable == nil || sum.StatusCtor > len(call.Args) || call.Ellipsis.IsValid() {
			return 0, nil
		}
		if aid, ok := ast.Unparen(call.Args[sum.StatusCtor-1]).(*ast.Ident); ok {
			if pv, ok := m.info.Uses[aid].(*types.Var); ok && f.params[pv] > 0 {
				return f.params[pv], sum.CtorTable
			}
		}
		return 0, nil
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return 0, nil
	}
	val, ok := m.statusFieldValue(lit)
	if !ok {
		// &Error{Code: code}, Code a kind field: the status is its
		// table's entry for the constant each call passes
		if field, kval, ok := m.kindFieldValue(lit); ok {
			if id, ok := ast.Unparen(kval).(*ast.Ident); ok {
				if pv, ok := m.info.Uses[id].(*types.Var); ok && f.params[pv] > 0 {
					return f.params[pv], m.kindTableOf(field)
				}
			}
		}
		return 0, nil
	}
	ix, ok := ast.Unparen(val).(*ast.IndexExpr)
	if !ok {
		return 0, nil
	}
	id, ok := ast.Unparen(ix.Index).(*ast.Ident)
	if !ok {
		return 0, nil
	}
	pv, ok := m.info.Uses[id].(*types.Var)
	if !ok || f.params[pv] == 0 {
		return 0, nil
	}
	out := m.tableEntries(f, ix.X)
	if out == nil {
		return 0, nil
	}
	return f.params[pv], out
}

// tableEntries reads a table of statuses keyed by constants (a map or
// array literal, in a variable assigned once or a package variable):
// nil when it is none.
func (m *model) tableEntries(f *fn, x ast.Expr) []TableEntry {
	tab := m.literalOf(x)
	if tab == nil {
		if tid, ok := ast.Unparen(x).(*ast.Ident); ok {
			if v, ok := m.info.Uses[tid].(*types.Var); ok {
				if init, ok := m.pkgVars[v]; ok && len(m.assigns[v]) == 0 {
					tab, _ = ast.Unparen(init).(*ast.CompositeLit)
				}
			}
		}
	}
	if tab == nil || len(tab.Elts) == 0 {
		return nil
	}
	out := make([]TableEntry, 0, len(tab.Elts))
	for _, elt := range tab.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return nil
		}
		k, ok := m.info.Types[kv.Key]
		if !ok || k.Value == nil {
			return nil // a key that is not a constant
		}
		out = append(out, TableEntry{Key: k.Value.ExactString(), Status: m.statusOf(f, kv.Value, maxValueDepth).s, At: m.pass.Fset.Position(kv.Value.Pos())})
	}
	slices.SortFunc(out, func(a, b TableEntry) int { return strings.Compare(a.Key, b.Key) })
	return out
}

// kindTableOf returns the table that maps the values of a kind field to
// statuses (nil: the field is none), this package's or by an imported
// fact.
func (m *model) kindTableOf(v *types.Var) []TableEntry {
	if t, ok := m.kindFields[v]; ok {
		return t
	}
	var t []TableEntry
	if v.Pkg() != nil && v.Pkg() != m.pass.Pkg {
		var kf KindField
		if m.pass.ImportObjectFact(v, &kf) {
			t = kf.Table
		}
	}
	m.kindFields[v] = t
	return t
}

// kindFieldValue returns the kind field a composite literal sets, and the
// value it gives it (keyed or positional); ok is false when it sets none.
func (m *model) kindFieldValue(lit *ast.CompositeLit) (field *types.Var, val ast.Expr, ok bool) {
	m.eachField(lit, func(f *types.Var, v ast.Expr) bool {
		if m.kindTableOf(f) != nil {
			field, val, ok = f, v, true
		}
		return !ok
	})
	return field, val, ok
}

// addKindTable records a lookup of a status in a table of constants keyed
// by a struct field (statusByCode[e.Code]): the field is a kind field.
// Only a table with an entry that rejects (401, 403, 407) makes one.
func (m *model) addKindTable(ix *ast.IndexExpr) {
	sel, ok := ast.Unparen(ix.Index).(*ast.SelectorExpr)
	if !ok {
		return
	}
	fv, ok := m.info.Uses[sel.Sel].(*types.Var)
	if !ok || !fv.IsField() || fv.Pkg() != m.pass.Pkg {
		return
	}
	if t := m.kindFields[fv]; t != nil {
		return
	}
	t := m.tableEntries(nil, ix.X)
	rejects := false
	for _, e := range t {
		rejects = rejects || e.Status&Rejecting != 0
	}
	if !rejects {
		return
	}
	m.kindFields[fv] = t
	m.kindOrder = append(m.kindOrder, fv)
}

// ctorParam returns the 1-based parameter of f that a returned carrier
// literal takes its status from (&Error{Status: status}; 0: none).
func (m *model) ctorParam(f *fn, e ast.Expr) int {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return 0
	}
	val, ok := m.statusFieldValue(lit)
	if !ok {
		return 0
	}
	if id, ok := ast.Unparen(val).(*ast.Ident); ok {
		if v, ok := m.info.Uses[id].(*types.Var); ok {
			return f.params[v]
		}
	}
	return 0
}

// statusFieldValue returns the value a composite literal of a carrier type
// gives its status field (the field a framework's error type names, or a
// status field), keyed or positional; ok is false when it gives none.
func (m *model) statusFieldValue(lit *ast.CompositeLit) (val ast.Expr, ok bool) {
	known := knowledge.ErrorTypes[knowledge.NamedOf(m.info.TypeOf(lit))]
	m.eachField(lit, func(field *types.Var, v ast.Expr) bool {
		if field.Name() == known || m.isStatusField(field) {
			val, ok = v, true
		}
		return !ok
	})
	return val, ok
}

// eachField calls yield with each field a struct literal sets and the
// value it gives it, keyed or positional, until yield returns false.
func (m *model) eachField(lit *ast.CompositeLit, yield func(field *types.Var, val ast.Expr) bool) {
	st, ok := m.info.TypeOf(lit).Underlying().(*types.Struct)
	if !ok {
		return
	}
	for i, elt := range lit.Elts {
		var field *types.Var
		val := elt
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			id, ok := kv.Key.(*ast.Ident)
			if !ok {
				continue
			}
			val = kv.Value
			for j := 0; j < st.NumFields(); j++ {
				if st.Field(j).Name() == id.Name {
					field = st.Field(j)
				}
			}
		} else if i < st.NumFields() {
			field = st.Field(i)
		}
		if field != nil && !yield(field, val) {
			return
		}
	}
}

// literalStatus returns the status a composite literal of a carrier type
// is built with: the constant in its status field.
func (m *model) literalStatus(f *fn, lit *ast.CompositeLit, depth int) (Status, token.Position) {
	val, ok := m.statusFieldValue(lit)
	if !ok {
		// a constant in a kind field: its entry in the field's table
		field, kval, ok := m.kindFieldValue(lit)
		if !ok {
			return 0, token.Position{}
		}
		if tv, ok := m.info.Types[kval]; ok && tv.Value != nil {
			for _, t := range m.kindTableOf(field) {
				if t.Key == tv.Value.ExactString() && t.Status&carried != 0 {
					return t.Status & carried, t.At
				}
			}
		}
		return 0, token.Position{}
	}
	if v := m.statusOf(f, val, depth+1); v.s&carried != 0 {
		return v.s, m.pass.Fset.Position(val.Pos())
	}
	return 0, token.Position{}
}

// wrapped returns the status carried by the error a wrapping call wraps.
func (m *model) wrapped(f *fn, call *ast.CallExpr, i, depth int) (Status, token.Position) {
	if i >= 0 {
		if i < len(call.Args) {
			return m.errStatusOf(f, call.Args[i], depth+1)
		}
		return 0, token.Position{}
	}
	if len(call.Args) == 0 {
		return 0, token.Position{}
	}
	tv, ok := m.info.Types[call.Args[0]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String || !strings.Contains(constant.StringVal(tv.Value), "%w") {
		return 0, token.Position{}
	}
	var s Status
	var at token.Position
	for _, a := range call.Args[1:] {
		if isError(m.info.TypeOf(a)) {
			xs, xat := m.errStatusOf(f, a, depth+1)
			s |= xs
			if !at.IsValid() {
				at = xat
			}
		}
	}
	return s, at
}

// sameTypeMethod reports whether a method call returns a value of its
// receiver's carrier type (a With… copy, a builder returning its receiver).
func (m *model) sameTypeMethod(call *ast.CallExpr, fun *types.Func) bool {
	sig := fun.Signature()
	if sig.Recv() == nil || sig.Results().Len() != 1 || isInterfaceMethod(fun) {
		return false
	}
	rt, recv := sig.Results().At(0).Type(), sig.Recv().Type()
	if p, ok := rt.(*types.Pointer); ok {
		rt = p.Elem()
	}
	if p, ok := recv.(*types.Pointer); ok {
		recv = p.Elem()
	}
	return types.Identical(rt, recv) && m.mayCarry(recv)
}

// isStatusField reports whether a struct field holds a status: written as
// one in this package, set from a net/http status constant, or so by an
// imported fact.
func (m *model) isStatusField(v *types.Var) bool {
	if known, ok := m.statusFields[v]; ok {
		return known
	}
	known := v.Pkg() != nil && v.Pkg() != m.pass.Pkg && m.pass.ImportObjectFact(v, new(StatusField))
	m.statusFields[v] = known
	if known {
		m.fieldOrder = append(m.fieldOrder, v)
	}
	return known
}

// addStatusField records that a field's value is written as a status.
func (m *model) addStatusField(v *types.Var) {
	if b, ok := m.statusFields[v]; ok && b {
		return
	}
	if b, ok := v.Type().Underlying().(*types.Basic); !ok || b.Info()&types.IsInteger == 0 {
		return
	}
	m.statusFields[v] = true
	m.fieldOrder = append(m.fieldOrder, v)
}

// statusConstFields records the fields a composite literal sets from a
// net/http status constant (http.StatusUnauthorized): such a field is a
// status field wherever it is written.
func (m *model) statusConstFields(lit *ast.CompositeLit) {
	st, ok := m.info.TypeOf(lit).Underlying().(*types.Struct)
	if !ok {
		return
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		key, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		var id *ast.Ident
		switch x := ast.Unparen(kv.Value).(type) {
		case *ast.SelectorExpr:
			id = x.Sel
		case *ast.Ident:
			id = x
		}
		if id == nil {
			continue
		}
		c, ok := m.info.Uses[id].(*types.Const)
		if !ok || !knowledge.IsStatusConst(c) {
			continue
		}
		for j := 0; j < st.NumFields(); j++ {
			if st.Field(j).Name() == key.Name {
				m.addStatusField(st.Field(j))
			}
		}
	}
}

// collectStatusWrites records the fields written as a status by the
// package's direct status writes, before the functions are analysed (a
// carrier may be built above the function that writes it).
func (m *model) collectStatusWrites() {
	m.insp.Preorder([]ast.Node{(*ast.CallExpr)(nil), (*ast.IndexExpr)(nil)}, func(n ast.Node) {
		if ix, ok := n.(*ast.IndexExpr); ok {
			m.addKindTable(ix)
			return
		}
		call := n.(*ast.CallExpr)
		fun, ok := m.calleeObj(call).(*types.Func)
		if !ok {
			return
		}
		i, ok := knowledge.StatusArg[memberOf(fun)]
		if !ok {
			if fun.Name() != knowledge.WriteHeaderMethod || len(call.Args) != 1 {
				return
			}
			i = 0
		}
		if i >= len(call.Args) {
			return
		}
		if sel, ok := ast.Unparen(call.Args[i]).(*ast.SelectorExpr); ok {
			if v, ok := m.info.Uses[sel.Sel].(*types.Var); ok && v.IsField() {
				m.addStatusField(v)
			}
		}
	})
}

// posOf returns the position p in this package's files (NoPos if it lies
// in another package).
func (m *model) posOf(p token.Position) token.Pos {
	if !p.IsValid() {
		return token.NoPos
	}
	for _, file := range m.pass.Files {
		tf := m.pass.Fset.File(file.Pos())
		if tf != nil && tf.Name() == p.Filename && p.Offset <= tf.Size() {
			return tf.Pos(p.Offset)
		}
	}
	return token.NoPos
}

// challengeOf returns the challenge headers a header name may be: none for
// a known other name, all for a name the model cannot resolve; named
// reports whether the name was resolved.
func (m *model) challengeOf(key ast.Expr, depth int) (b Bits, named bool) {
	key = ast.Unparen(key)
	if tv, ok := m.info.Types[key]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return m.challengeName(constant.StringVal(tv.Value)), true
	}
	if depth > maxValueDepth {
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
