package failure

import (
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/authchallenge/authchallenge/passes/chain"
	"github.com/authchallenge/authchallenge/passes/internal/ir"
	"github.com/authchallenge/authchallenge/passes/internal/knowledge"
)

// side says which successor of a branch is the failure path.
type side uint8

const (
	noSide    side = iota
	whenTrue       // Succs[0]
	whenFalse      // Succs[1]
	byReturn       // the successor that returns a non-nil error
)

// cond classifies a branch condition: the failure it signals and on which
// side.
func (m *model) cond(st *fstate, v ssa.Value, depth int) (*Signal, side) {
	if depth > 4 {
		return nil, noSide
	}
	if o := st.outc[v]; o != nil && o.mode == failFalse {
		return o.sig, whenFalse
	}
	switch x := v.(type) {
	case *ssa.UnOp:
		if x.Op == token.NOT {
			sig, sd := m.cond(st, x.X, depth+1)
			return sig, flip(sd)
		}
	case *ssa.BinOp:
		switch x.Op {
		case token.EQL, token.NEQ:
			if sig, eqFails, ok := m.equality(st, x.X, x.Y); ok {
				return sig, sideOf(eqFails == (x.Op == token.EQL))
			}
			if sig, eqFails, ok := m.equality(st, x.Y, x.X); ok {
				return sig, sideOf(eqFails == (x.Op == token.EQL))
			}
		case token.LSS, token.LEQ, token.GTR, token.GEQ:
			if s := stronger(m.credOf(st, x.X), m.credOf(st, x.Y)); s != nil {
				return signalOf(Mismatch, s, x.Pos()), byReturn
			}
		}
	case *ssa.Call:
		if errorMatch(x.Common()) == knowledge.MatchIs && len(x.Call.Args) == 2 {
			if sig := m.sentinelMatch(st, x.Call.Args[0], x.Call.Args[1]); sig != nil {
				return sig, whenTrue
			}
			return nil, noSide
		}
		for _, a := range x.Call.Args {
			if s := m.credOf(st, a); s != nil {
				return signalOf(Mismatch, s, x.Pos()), byReturn
			}
		}
		// the identity a check returned, its time compared with another
		// (now.After(claims.Expiry)): the validity of what was checked,
		// which a role or an ownership never is
		if obj, _ := calleeOf(x.Common()); obj != nil && knowledge.Orders[knowledge.MemberOf(obj)] {
			for _, a := range x.Call.Args {
				if sig := st.ident[a]; sig != nil {
					expired := *sig
					expired.Kind, expired.Pos, expired.Check, expired.Err = Invalid, x.Pos(), nil, nil
					return &expired, byReturn
				}
			}
		}
	}
	// the verdict an authorization server gave on the token a check sent
	// it (RFC 7662's active), read from what the check returned: false
	// says the credential is not valid
	if sig := st.ident[v]; sig != nil && tagged(v, knowledge.Verdicts, 0) {
		inactive := *sig
		inactive.Kind, inactive.Pos, inactive.Check, inactive.Err = Invalid, v.Pos(), nil, nil
		return &inactive, whenFalse
	}
	// a bool read from a credential's record (d.revoked)
	if s := st.cred[v]; s != nil && isBool(v.Type()) {
		return signalOf(Mismatch, s, v.Pos()), byReturn
	}
	return nil, noSide
}

// isOutcome: a condition read from a check's result (its error, bool or
// identity), as opposed to a comparison of the credential itself.
func (m *model) isOutcome(st *fstate, v ssa.Value) bool {
	for i := 0; i < 4; i++ {
		if st.outc[v] != nil {
			return true
		}
		switch x := v.(type) {
		case *ssa.UnOp:
			v = x.X
			continue
		case *ssa.BinOp:
			return st.outc[x.X] != nil || st.outc[x.Y] != nil || isError(x.X.Type()) && types.IsInterface(x.X.Type())
		case *ssa.Call:
			return errorMatch(x.Common()) == knowledge.MatchIs
		}
		return false
	}
	return false
}

func signalOf(k Kind, s *source, pos token.Pos) *Signal {
	return &Signal{Kind: k, Class: s.class, Origin: s.origin, Header: s.header, Pos: pos}
}

func flip(s side) side {
	switch s {
	case whenTrue:
		return whenFalse
	case whenFalse:
		return whenTrue
	}
	return s
}

func sideOf(trueFails bool) side {
	if trueFails {
		return whenTrue
	}
	return whenFalse
}

// equality classifies a == b: the failure, and whether it is when they are
// equal.
func (m *model) equality(st *fstate, a, b ssa.Value) (*Signal, bool, bool) {
	if o := st.outc[a]; o != nil {
		switch o.mode {
		case failNonNil:
			if isNilConst(b) {
				return o.sig, false, true
			}
		case failNil:
			if isNilConst(b) || isEmptyString(b) {
				return o.sig, true, true
			}
		case failNotOne:
			if k, ok := intConst(b); ok {
				if k == 1 {
					return o.sig, false, true
				}
				return o.sig, true, true
			}
		case failFalse:
			if c, ok := b.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.Bool {
				return o.sig, constant.BoolVal(c.Value) == false, true
			}
		}
	}
	// none of an identity: len(certs) == 0
	if call, ok := a.(*ssa.Call); ok {
		if bi, ok := call.Call.Value.(*ssa.Builtin); ok && bi.Name() == "len" && len(call.Call.Args) == 1 {
			if o := st.outc[call.Call.Args[0]]; o != nil && o.mode == failNil {
				if k, ok := intConst(b); ok {
					return o.sig, k <= 0, true
				}
			}
		}
	}
	if isError(a.Type()) && types.IsInterface(a.Type()) {
		if sig := m.sentinelMatch(st, a, b); sig != nil {
			return sig, true, true
		}
		return nil, false, false
	}
	if s := m.credOf(st, a); s != nil {
		switch {
		case isNilConst(b) || isEmptyString(b):
			return signalOf(Absent, s, a.Pos()), true, true
		case isConst(b):
			return signalOf(Absent, s, a.Pos()), false, true // a scheme or format that does not match
		}
		return signalOf(Mismatch, s, a.Pos()), false, true
	}
	// A measure of a credential against a constant tests its form:
	// len(parts) != 2, len(vals) == 0, strings.Count(token, ".") != 2,
	// strings.Index(v, ":") == -1. Equal fails for none (0) or not found
	// (-1); not equal fails for a count the form requires.
	s := st.measure[a]
	if call, ok := a.(*ssa.Call); ok && s == nil {
		if bi, ok := call.Call.Value.(*ssa.Builtin); ok && bi.Name() == "len" && len(call.Call.Args) == 1 {
			s = m.credOf(st, call.Call.Args[0])
		}
	}
	if s != nil {
		if k, ok := intConst(b); ok {
			return signalOf(Absent, s, a.Pos()), k <= 0, true
		}
	}
	return nil, false, false
}

// sentinelMatch: err matched against an unauthenticated error, where err
// is the error of a failed check (or of one the callers' checks hand in).
func (m *model) sentinelMatch(st *fstate, errv, target ssa.Value) *Signal {
	obj := globalOf(target)
	if obj == nil {
		return nil
	}
	u := m.res.Unauthenticated(obj)
	if u == nil {
		// a sentinel of a package the analysis does not read (a token
		// library's jwt.ErrTokenSignatureInvalid) matched against the
		// error of a failed check: one of the ways the check said no
		if from := m.errSignal(st, errv); from != nil && !from.Speculative() && m.unread(obj.Pkg()) {
			return &Signal{Kind: Sentinel, Class: from.Class, Origin: from.Origin, Header: from.Header, Pos: target.Pos(), Check: from.Check, Err: obj}
		}
		return nil
	}
	from := m.errSignal(st, errv)
	if from == nil {
		if u.Speculative || !m.unknownError(st, errv) {
			return nil
		}
		from = &Signal{Class: u.Class}
	}
	return &Signal{Kind: Sentinel, Class: from.Class, Origin: from.Origin, Header: from.Header, Pos: target.Pos(), Check: from.Check, Err: obj}
}

// unread: a package whose errors the model never judges — neither the
// standard library (a deadline, a closed connection) nor a package that
// matters or is of your own modules (their facts say which errors mean
// unauthenticated, and the others do not): a fetched library that reaches
// no framework, such as a JWT library.
func (m *model) unread(pkg *types.Package) bool {
	if m.pass.Module == nil {
		return false // nogo: no module known, every package counts as yours
	}
	return knowledge.Unread(pkg, m.pass.Module.Path)
}

// errSignal: the failure whose error errv is.
func (m *model) errSignal(st *fstate, errv ssa.Value) *Signal {
	errv = ir.Origin(errv)
	if o := st.outc[errv]; o != nil && o.mode == failNonNil {
		return o.sig
	}
	if p, ok := errv.(*ssa.Parameter); ok {
		sum := m.sums[st.fn]
		for i, q := range st.fn.Params {
			if q == p && sum.errs[i] != nil && !sum.errPlain[i] {
				return sum.errs[i]
			}
		}
	}
	return nil
}

// unknownError: an error whose origin the model cannot see (a parameter
// with callers elsewhere, a field), as opposed to the error of a visible
// call that checks nothing.
func (m *model) unknownError(st *fstate, errv ssa.Value) bool {
	switch ir.Origin(errv).(type) {
	case *ssa.Parameter, *ssa.FreeVar, *ssa.UnOp, *ssa.Phi:
		return true
	}
	return false
}

func globalOf(v ssa.Value) *types.Var {
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		if g, ok := u.X.(*ssa.Global); ok {
			obj, _ := g.Object().(*types.Var)
			return obj
		}
	}
	return nil
}

// errorMatch says whether c is an error matcher of the knowledge table
// (errors.Is, errors.As), and which.
func errorMatch(c *ssa.CallCommon) knowledge.Match {
	f := c.StaticCallee()
	if f == nil {
		return 0
	}
	obj, ok := f.Object().(*types.Func)
	if !ok {
		return 0
	}
	return knowledge.ErrorMatch[knowledge.MemberOf(obj)]
}

func isNilConst(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.Value == nil
}

func isConst(v ssa.Value) bool {
	_, ok := v.(*ssa.Const)
	return ok
}

func isEmptyString(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.Value != nil && c.Value.Kind() == constant.String && constant.StringVal(c.Value) == ""
}

func intConst(v ssa.Value) (int64, bool) {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(c.Value)
}

// top marks a block not reached yet by the fixed point.
var top = &Signal{}

// paths computes, for every block, the failure that holds on entry: the
// failure edges into it, or the failure of every predecessor (a greatest
// fixed point, so that loops inside a failure path stay on it).
func (m *model) paths(st *fstate) {
	fn := st.fn
	st.sig = make(map[*ssa.BasicBlock]*Signal)
	st.guard = make(map[*ssa.BasicBlock]Guard)
	if len(fn.Blocks) == 0 {
		return
	}
	type edge struct {
		sig  *Signal
		side side
		raw  bool
	}
	conds := make(map[*ssa.BasicBlock]edge)
	for _, b := range fn.Blocks {
		if iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); ok {
			sig, sd := m.cond(st, iff.Cond, 0)
			if sig != nil && sd == byReturn {
				sd = m.returnSide(b)
			}
			if sig != nil && sd != noSide && sd != byReturn {
				conds[b] = edge{sig, sd, !m.isOutcome(st, iff.Cond)}
			}
		}
	}
	// Past a check that said yes, a comparison of the credential it
	// checked (the user name of Basic credentials against "admin") is
	// authorization, not a check of credentials.
	var passed []*ssa.BasicBlock
	for b, e := range conds {
		if e.raw || (e.sig.Kind != Rejected && e.sig.Kind != Mismatch && e.sig.Kind != Invalid) {
			continue // a raw comparison, a sentinel, or a presence test (BasicAuth's ok) verifies nothing
		}
		ok := b.Succs[1]
		if e.side == whenFalse {
			ok = b.Succs[0]
		}
		if len(ok.Preds) == 1 {
			passed = append(passed, ok)
		}
	}
	for b, e := range conds {
		if !e.raw || validity(b) {
			continue
		}
		for _, ok := range passed {
			if ok.Dominates(b) {
				delete(conds, b)
				break
			}
		}
	}
	state := make(map[*ssa.BasicBlock]*Signal, len(fn.Blocks))
	// edgeIn is what the edge p -> b carries: p's state, or the failure its
	// condition signals on that side, or nothing once a check said yes.
	edgeIn := func(p, b *ssa.BasicBlock) *Signal {
		in := state[p]
		if e, ok := conds[p]; ok {
			fails := (e.side == whenTrue) == (p.Succs[0] == b)
			if p.Succs[0] == p.Succs[1] {
				fails = false
			}
			switch {
			case fails:
				in = e.sig
			case e.sig.Kind != Sentinel && in != top:
				in = nil // the check said yes
			}
		}
		return in
	}
	for _, b := range fn.Blocks {
		state[b] = top
	}
	state[fn.Blocks[0]] = m.handlers[fn] // nil, or a framework's failure handler: failing from the start
	for iter := 0; iter < 2*len(fn.Blocks)+2; iter++ {
		changed := false
		for _, b := range fn.Blocks[1:] {
			var acc *Signal
			seen, success := false, false
			// A loop header whose every back edge carries a failure (each
			// element tried failed: continue on error, return on success)
			// carries it past the loop: the path that tried none is an
			// empty collection, which authenticated nothing either.
			looped := false
			for _, p := range b.Preds {
				if b.Dominates(p) {
					if in := edgeIn(p, b); in == nil || in == top {
						looped = false
						break
					}
					looped = true
				}
			}
			for _, p := range b.Preds {
				if looped && !b.Dominates(p) {
					continue
				}
				in := edgeIn(p, b)
				if in == top {
					continue
				}
				seen = true
				if in == nil {
					success = true
					continue
				}
				acc = merge(acc, in)
			}
			next := top
			switch {
			case !seen:
			case success:
				next = nil
			default:
				next = acc
			}
			if next != state[b] {
				state[b] = next
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	for b, s := range state {
		if s != top && s != nil {
			st.sig[b] = s
		}
	}
	m.guards(st)
}

// validity: a branch on an ordering comparison (now >= claims.Expires, a
// not-before time, now.After(time.Unix(claims.Exp, 0))): a credential's
// validity in time, which a role or an ownership never is, so it stays a
// check of credentials after a check that said yes (a verified signature).
func validity(b *ssa.BasicBlock) bool {
	iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return false
	}
	cond := iff.Cond
	if n, ok := cond.(*ssa.UnOp); ok && n.Op == token.NOT {
		cond = n.X
	}
	if tagged(cond, knowledge.Verdicts, 0) {
		return true
	}
	var ops []ssa.Value
	switch x := cond.(type) {
	case *ssa.BinOp:
		if x.Op == token.LSS || x.Op == token.LEQ || x.Op == token.GTR || x.Op == token.GEQ {
			return true
		}
		ops = []ssa.Value{x.X, x.Y}
	case *ssa.Call:
		obj, _ := calleeOf(x.Common())
		if obj != nil && knowledge.Orders[knowledge.MemberOf(obj)] {
			return true
		}
		ops = x.Call.Args
	}
	for _, op := range ops {
		if tagged(op, knowledge.RegisteredClaims, 0) {
			return true
		}
	}
	return false
}

// tagged: v is read from a struct field whose JSON name the protocol table
// names (knowledge.RegisteredClaims: a field tagged json:"aud";
// knowledge.Verdicts: json:"active"), or from an element of one (a loop
// over the audiences).
func tagged(v ssa.Value, names map[string]bool, depth int) bool {
	if depth > ir.MaxDepth {
		return false
	}
	switch x := v.(type) {
	case *ssa.UnOp:
		return x.Op == token.MUL && tagged(x.X, names, depth+1)
	case *ssa.IndexAddr:
		return tagged(x.X, names, depth+1)
	case *ssa.Index:
		return tagged(x.X, names, depth+1)
	case *ssa.FieldAddr:
		if p, ok := x.X.Type().Underlying().(*types.Pointer); ok {
			return names[jsonName(p.Elem(), x.Field)]
		}
	case *ssa.Field:
		return names[jsonName(x.X.Type(), x.Field)]
	}
	return false
}

// jsonName is the JSON name of field i of struct type t ("" if none).
func jsonName(t types.Type, i int) string {
	st, ok := t.Underlying().(*types.Struct)
	if !ok || i >= st.NumFields() {
		return ""
	}
	tag, _ := reflect.StructTag(st.Tag(i)).Lookup("json")
	name, _, _ := strings.Cut(tag, ",")
	return name
}

// merge picks the failure to name where several join: a challenge-bearing
// one first, then a check that said no over credentials found absent.
func merge(a, b *Signal) *Signal {
	switch {
	case a == nil:
		return b
	case rank(b.Class) > rank(a.Class):
		return b
	case rank(b.Class) == rank(a.Class) && a.Kind == Absent && b.Kind != Absent:
		return b
	}
	return a
}

// returnSide finds the successor of b that returns a non-nil error (within
// a few jumps), in a function returning an error.
func (m *model) returnSide(b *ssa.BasicBlock) side {
	if !returnsError(b.Parent().Signature) || len(b.Succs) != 2 {
		return noSide
	}
	t, f := returnsErr(b.Succs[0]), returnsErr(b.Succs[1])
	switch {
	case t && !f:
		return whenTrue
	case f && !t:
		return whenFalse
	}
	return noSide
}

func returnsErr(b *ssa.BasicBlock) bool {
	for i := 0; i < 3 && b != nil; i++ {
		switch last := b.Instrs[len(b.Instrs)-1].(type) {
		case *ssa.Return:
			if len(last.Results) == 0 {
				return false
			}
			return !isNilConst(last.Results[len(last.Results)-1])
		case *ssa.Jump:
			b = b.Succs[0]
		default:
			return false
		}
	}
	return false
}

// guards classifies the nearest condition deciding each block: what
// nochallenge needs to say a 401 has the wrong status.
func (m *model) guards(st *fstate) {
	for _, b := range st.fn.Blocks {
		for d := b.Idom(); d != nil; d = d.Idom() {
			iff, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
			if !ok {
				continue
			}
			st.guard[b] = Guard{Kind: m.guardKind(st, iff.Cond), Pos: condPos(iff)}
			break
		}
	}
}

func condPos(iff *ssa.If) token.Pos {
	if p := iff.Cond.Pos(); p.IsValid() {
		return p
	}
	return iff.Pos()
}

func (m *model) guardKind(st *fstate, v ssa.Value) GuardKind {
	if sig, sd := m.cond(st, v, 0); sig != nil && sd != noSide && !sig.Speculative() {
		return CredentialGuard
	}
	seen := make(map[ssa.Value]bool)
	var walk func(v ssa.Value, depth int) GuardKind
	walk = func(v ssa.Value, depth int) GuardKind {
		if v == nil || seen[v] || depth > 6 {
			return OtherGuard
		}
		seen[v] = true
		if st.ident[v] != nil {
			return AuthorizationGuard
		}
		if c, ok := v.(*ssa.Call); ok {
			if obj, _ := calleeOf(c.Common()); obj != nil {
				if cr, ok := knowledge.Credentials[knowledge.MemberOf(obj)]; ok && cr.Kind == knowledge.SecretComparison {
					return IntegrityGuard
				}
				if knowledge.Integrity[knowledge.MemberOf(obj)] {
					return IntegrityGuard
				}
			}
		}
		instr, ok := v.(ssa.Instruction)
		if !ok {
			return OtherGuard
		}
		for _, op := range instr.Operands(nil) {
			if k := walk(*op, depth+1); k != OtherGuard {
				return k
			}
		}
		return OtherGuard
	}
	return walk(v, 0)
}

// unauthenticated finds the package's error variables whose every
// assignment is on a failure path, and the typed constants that errors
// built on failure paths carry; it reports whether it found any.
func (m *model) unauthenticated() bool {
	type verdict struct {
		sites, failing int
		class          chain.Class
		spec           bool
		by             []string
	}
	vars := make(map[types.Object]*verdict)
	var in *ssa.Function // the declared function being read
	note := func(obj types.Object, sig *Signal) {
		v := vars[obj]
		if v == nil {
			v = &verdict{class: chain.Less, spec: true}
			vars[obj] = v
		}
		v.sites++
		if sig != nil {
			v.failing++
			if rank(sig.Class) > rank(v.class) {
				v.class = sig.Class
			}
			if !sig.Speculative() {
				v.spec = false
			} else if f, ok := in.Object().(*types.Func); ok && !slices.Contains(v.by, f.FullName()) {
				v.by = append(v.by, f.FullName())
			}
		}
	}
	for _, fn := range m.prog.Funcs {
		if fn.Parent() == nil && fn.Name() == "init" && fn.Synthetic != "" {
			continue // the package's initialisers define the variables
		}
		in = fn
		for in.Parent() != nil {
			in = in.Parent()
		}
		st := m.states[fn]
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				switch x := in.(type) {
				case *ssa.UnOp:
					obj := globalOf(x)
					if obj == nil || obj.Pkg() == nil || !isError(obj.Type()) || onlyMatched(x) {
						continue
					}
					note(obj, st.sig[b])
				case *ssa.Store:
					if g, ok := x.Addr.(*ssa.Global); ok {
						if obj, ok := g.Object().(*types.Var); ok && isError(obj.Type()) {
							note(obj, nil) // reassigned: a variable, not a sentinel
						}
					}
					// &Failure{Code: FailRevoked}: a typed code an error carries
					fa, ok := x.Addr.(*ssa.FieldAddr)
					if !ok {
						continue
					}
					c, ok := x.Val.(*ssa.Const)
					if !ok || c.Value == nil {
						continue
					}
					if !isError(fa.X.Type()) {
						continue
					}
					if obj := m.constOf(c); obj != nil {
						note(obj, st.sig[b])
					}
				case *ssa.Call:
					// apperr.New(apperr.KindTokenExpired, msg): a typed code
					// handed to a function of its own package that returns
					// an error, which carries it
					callee := x.Call.StaticCallee()
					if callee == nil || callee.Pkg == nil || !returnsError(x.Call.Signature()) {
						continue
					}
					for _, a := range x.Call.Args {
						c, ok := a.(*ssa.Const)
						if !ok || c.Value == nil {
							continue
						}
						if n, ok := types.Unalias(c.Type()).(*types.Named); ok && n.Obj().Pkg() == callee.Pkg.Pkg {
							if obj := m.constOf(c); obj != nil {
								note(obj, st.sig[b])
							}
						}
					}
				}
			}
		}
	}
	found := false
	var foreign []ForeignVar
	defer func() {
		if len(foreign) > 0 {
			slices.SortFunc(foreign, func(a, b ForeignVar) int {
				return strings.Compare(a.Pkg+"."+a.Name, b.Pkg+"."+b.Name)
			})
			m.pass.ExportPackageFact(&Foreign{Vars: foreign})
		}
	}()
	for obj, v := range vars {
		if v.sites == 0 || v.failing != v.sites {
			continue
		}
		u := &Unauthenticated{Class: v.class, Speculative: v.spec}
		if v.spec {
			slices.Sort(v.by)
			u.By = v.by
		}
		if obj.Pkg() != m.pass.Pkg {
			// Another package's sentinel that this one returns only on
			// failure paths: an unauthenticated error here (an error
			// handler of this package answering it), though not a fact
			// on the object, which its own package decides; the packages
			// importing this one learn it from a package fact.
			if m.res.unauth[obj] == nil {
				m.res.unauth[obj] = u
				found = true
				foreign = append(foreign, ForeignVar{Pkg: obj.Pkg().Path(), Name: obj.Name(), Verdict: *u})
			}
			continue
		}
		m.res.unauth[obj] = u
		m.pass.ExportObjectFact(obj, u)
		found = true
	}
	return found
}

// onlyMatched: a load of an error variable used only to compare against.
func onlyMatched(load *ssa.UnOp) bool {
	rs := refs(load)
	if len(rs) == 0 {
		return true
	}
	for _, r := range rs {
		switch r := r.(type) {
		case *ssa.BinOp:
			if r.Op != token.EQL && r.Op != token.NEQ {
				return false
			}
		case *ssa.Call:
			if errorMatch(r.Common()) == 0 {
				return false
			}
		case *ssa.MapUpdate:
			if r.Key != ssa.Value(load) {
				return false
			}
		case *ssa.MakeInterface:
			// an error-keyed table's key: map[error]int{ErrX: 403}
			for _, rr := range refs(r) {
				if mu, ok := rr.(*ssa.MapUpdate); !ok || mu.Key != ssa.Value(r) {
					return false
				}
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// constOf finds the named constant a constant value of a named type spells,
// among those of the package declaring the type (FailRevoked for
// authn.FailureCode(4)).
func (m *model) constOf(c *ssa.Const) types.Object {
	n, ok := types.Unalias(c.Type()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return nil
	}
	if _, basic := n.Underlying().(*types.Basic); !basic {
		return nil
	}
	// the code's own package names it: this one, or the one that declares
	// the kinds its errors carry (apierr.KindTokenExpired), whose status
	// table the packages importing this one read
	scope := n.Obj().Pkg().Scope()
	var found types.Object
	for _, name := range scope.Names() {
		k, ok := scope.Lookup(name).(*types.Const)
		if !ok || !types.Identical(k.Type(), c.Type()) || !constant.Compare(k.Val(), token.EQL, c.Value) ||
			k.Pkg() != m.pass.Pkg && !k.Exported() {
			continue
		}
		if found != nil {
			return nil // two names for one value
		}
		found = k
	}
	return found
}
