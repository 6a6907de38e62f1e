// Package chain is the model of authentication schemes, the chains that try
// them in order, and the code that answers their failures. The chainorder
// and firstchallenge rules share it.
//
// A scheme is a value of a type implementing an authenticator interface (a
// method taking a request that reports success or failure) or a middleware.
// It is classified by what its code does, never by its name:
// challenge-bearing (its challenge method returns a string that starts like
// an RFC 9110 challenge, or its code sets WWW-Authenticate), challenge-less
// (its challenge method returns only "", or it has none and sets no
// challenge header), or unknown.
//
// A consumer is code that asks a chain's elements for their challenge. On a
// fixed position (x[0], x[len(x)-1], the loop variable kept after the loop)
// it is positional; on each element inside the loop that tries them it is
// order-safe. Policies are exported as package facts, so a chain built in a
// package that imports the consumer sees it.
package chain

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/authchallenge/authchallenge/passes/config"
	"github.com/authchallenge/authchallenge/passes/internal/knowledge"
	"github.com/authchallenge/authchallenge/passes/response"
)

// New returns the chain model analyzer reading cfg and the response model.
func New(cfg, resp *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "chain",
		Doc:      "chain: model of authentication schemes, chains and the code that answers their failures (shared by the authchallenge rules)",
		URL:      "https://github.com/authchallenge/authchallenge#how-it-works",
		Requires: []*analysis.Analyzer{cfg, resp},
		Run: func(pass *analysis.Pass) (any, error) {
			return run(pass, pass.ResultOf[cfg].(*config.Config), pass.ResultOf[resp].(*response.Result))
		},
		FactTypes:  []analysis.Fact{new(ChallengeFact), new(Policies)},
		ResultType: reflect.TypeFor[*Result](),
	}
}

// Analyzer is the chain model the exported rules require.
var Analyzer = New(config.Analyzer, response.Analyzer)

// Class is a scheme's classification.
type Class uint8

const (
	Unknown Class = iota
	Bearing       // can name a challenge
	Less          // never names a challenge
)

func (c Class) String() string {
	switch c {
	case Bearing:
		return "challenge-bearing"
	case Less:
		return "challenge-less"
	}
	return "unknown"
}

// Return is what a string-returning method returns.
type Return uint8

const (
	RetUnknown   Return = iota
	RetEmpty            // only ""
	RetChallenge        // a string that starts like a challenge
)

// ChallengeFact records what a method returning a string returns.
type ChallengeFact struct {
	Return Return
	// Challenge is the (constant prefix of the) challenge, for messages.
	Challenge string
}

// AFact marks ChallengeFact as a fact.
func (*ChallengeFact) AFact() {}

func (f *ChallengeFact) String() string {
	switch f.Return {
	case RetEmpty:
		return `returns ""`
	case RetChallenge:
		return fmt.Sprintf("returns challenge %q", f.Challenge)
	}
	return "returns unknown"
}

// PolicyKind says how a consumer picks the challenge.
type PolicyKind uint8

const (
	// OrderSafe: from the failing element, or from every element.
	OrderSafe PolicyKind = iota + 1
	// First: from element [0], whatever failed.
	First
	// Last: from the last element (x[len(x)-1], or the loop variable kept
	// after the loop).
	Last
)

func (k PolicyKind) String() string {
	switch k {
	case OrderSafe:
		return "order-safe"
	case First:
		return "positional (first)"
	case Last:
		return "positional (last)"
	}
	return "unknown"
}

// Policy is how the failures of chains of one interface are answered.
type Policy struct {
	Kind  PolicyKind
	Where string // file:line of the consumer's lookup
}

// Policies is a package fact: the consumer policies found in the package,
// keyed by challenge method (pkg/path.Iface.Method).
type Policies struct {
	ByMethod map[string]Policy
}

// AFact marks Policies as a fact.
func (*Policies) AFact() {}

func (p *Policies) String() string {
	keys := make([]string, 0, len(p.ByMethod))
	for k := range p.ByMethod {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, k+": "+p.ByMethod[k].Kind.String())
	}
	return "policies(" + strings.Join(parts, "; ") + ")"
}

// Element is one scheme of a chain.
type Element struct {
	Expr      ast.Expr
	Class     Class
	Name      string // how the code spells it, for messages
	Challenge string // a bearing scheme's challenge, when known
}

// Chain is an ordered collection of schemes.
type Chain struct {
	Pos, End token.Pos
	Elems    []*Element
	// Method is the interface's challenge method (nil for middleware).
	Method *types.Func
	// Policy is how its failures are answered: from the consumers seen for
	// Method; for a middleware stack, First (the outer one answers first).
	Policy Policy
	// Middleware reports a middleware stack (elements run in order, and a
	// rejecting one ends the request).
	Middleware bool
	// Call is the call building the chain, if any (r.Use(a, b),
	// NewChain(a, b)); Literal the composite literal, if any.
	Call    *ast.CallExpr
	Literal *ast.CompositeLit
}

// Lookup is a positional challenge lookup in code that tried several
// authenticators.
type Lookup struct {
	Pos, End token.Pos
	Kind     PolicyKind
	Method   *types.Func
	// Loop is the loop that tried the authenticators (NoPos if none seen).
	Loop token.Pos
	// Coll spells the collection, for messages.
	Coll string
}

// Result is the chain model of one package.
type Result struct {
	Chains  []*Chain
	Lookups []*Lookup
}

type model struct {
	pass *analysis.Pass
	cfg  *config.Config
	resp *response.Result
	// policies known for challenge methods: this package's and imported.
	policies map[string]Policy
	rets     map[*types.Func]*ChallengeFact
	classes  map[types.Type]Class
}

func run(pass *analysis.Pass, cfg *config.Config, resp *response.Result) (any, error) {
	res := new(Result)
	if !knowledge.Matters(pass.Pkg) && !policiesVisible(pass) {
		// fast path: no request type or router here, and no consumer
		// policy from the imports that a chain of imported schemes could
		// be judged by
		return res, nil
	}
	m := &model{pass: pass, cfg: cfg, resp: resp, policies: make(map[string]Policy),
		rets: make(map[*types.Func]*ChallengeFact), classes: make(map[types.Type]Class)}

	// What every string-returning method of the package returns.
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil && fd.Body != nil {
				if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok && returnsString(fn) {
					cf := m.classifyReturns(fd)
					m.rets[fn] = cf
					if cf.Return != RetUnknown {
						pass.ExportObjectFact(fn, cf)
					}
				}
			}
		}
	}

	for _, pf := range pass.AllPackageFacts() {
		if p, ok := pf.Fact.(*Policies); ok {
			for k, v := range p.ByMethod {
				m.policies[k] = merge(m.policies[k], v)
			}
		}
	}
	own := m.consumers(res)
	if len(own) > 0 {
		for k, v := range own {
			m.policies[k] = merge(m.policies[k], v)
		}
		pass.ExportPackageFact(&Policies{ByMethod: own})
	}
	m.chains(res)
	return res, nil
}

func policiesVisible(pass *analysis.Pass) bool {
	for _, f := range pass.AllPackageFacts() {
		if _, ok := f.Fact.(*Policies); ok {
			return true
		}
	}
	return false
}

// merge keeps a positional policy over an order-safe one: one positional
// consumer is enough for the order to matter.
func merge(a, b Policy) Policy {
	if a.Kind == First || a.Kind == Last {
		return a
	}
	if b.Kind != 0 {
		return b
	}
	return a
}

func returnsString(fn *types.Func) bool {
	res := fn.Signature().Results()
	if res.Len() != 1 {
		return false
	}
	b, ok := res.At(0).Type().Underlying().(*types.Basic)
	return ok && b.Kind() == types.String
}

// challengeSyntax matches the start of an RFC 9110 challenge:
// auth-scheme [ 1*SP ( token68 / #auth-param ) ].
var challengeSyntax = regexp.MustCompile(`^[A-Za-z0-9!#$%&'*+.^_` + "`" + `|~-]+( +[^ ]|$)`)

// classifyReturns looks at the return statements of a string method.
func (m *model) classifyReturns(fd *ast.FuncDecl) *ChallengeFact {
	cf := &ChallengeFact{Return: RetEmpty}
	seen := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) != 1 {
				cf.Return = RetUnknown
				return false
			}
			seen = true
			switch prefix, ok := m.constPrefix(n.Results[0], 0); {
			case !ok:
				if cf.Return == RetEmpty {
					cf.Return = RetUnknown
				}
			case prefix == "":
				// an empty answer: keep what the others say
			case challengeSyntax.MatchString(prefix) || isSchemeToken(prefix):
				cf.Return, cf.Challenge = RetChallenge, prefix
			default:
				if cf.Return == RetEmpty {
					cf.Return = RetUnknown
				}
			}
		}
		return true
	})
	if !seen {
		cf.Return = RetUnknown
	}
	return cf
}

// isSchemeToken accepts a bare scheme followed by a space or nothing
// ("Negotiate", "Bearer ").
func isSchemeToken(s string) bool {
	t := strings.TrimRight(s, " ")
	return t != "" && !strings.ContainsAny(t, " =,\"") && challengeSyntax.MatchString(t)
}

// constPrefix returns the constant text an expression starts with: the whole
// value of a constant, the left operand of a concatenation, the text before
// the first verb of a fmt.Sprintf format. ok is false when nothing is known.
func (m *model) constPrefix(e ast.Expr, depth int) (string, bool) {
	e = ast.Unparen(e)
	info := m.pass.TypesInfo
	if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value), true
	}
	if depth > 4 {
		return "", false
	}
	switch e := e.(type) {
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			if p, ok := m.constPrefix(e.X, depth+1); ok && p != "" {
				return p, true
			}
		}
	case *ast.CallExpr:
		if fn, ok := typeutil.Callee(info, e).(*types.Func); ok && fn.Pkg() != nil && fn.Pkg().Path() == "fmt" && fn.Name() == "Sprintf" && len(e.Args) > 0 {
			if tv, ok := info.Types[e.Args[0]]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
				format := constant.StringVal(tv.Value)
				if i := strings.Index(format, "%"); i >= 0 {
					format = format[:i]
				}
				if format != "" {
					return format, true
				}
			}
		}
	case *ast.Ident:
		if v, ok := info.Uses[e].(*types.Var); ok && v.Parent() != nil && v.Parent() != v.Pkg().Scope() {
			// a local assigned once: follow it
			if as := m.singleAssign(v); as != nil {
				return m.constPrefix(as, depth+1)
			}
		}
	}
	return "", false
}

func (m *model) singleAssign(v *types.Var) ast.Expr {
	var val ast.Expr
	count := 0
	for _, f := range m.pass.Files {
		if f.Pos() > v.Pos() || v.Pos() >= f.End() {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || len(as.Lhs) != len(as.Rhs) {
				return true
			}
			for i, l := range as.Lhs {
				if id, ok := l.(*ast.Ident); ok && m.pass.TypesInfo.ObjectOf(id) == v {
					val = as.Rhs[i]
					count++
				}
			}
			return true
		})
	}
	if count == 1 {
		return val
	}
	return nil
}

// authInterface reports whether t is an authenticator interface, and
// returns its challenge method (nil if it has none).
func (m *model) authInterface(t types.Type) (iface *types.Named, challenge *types.Func, ok bool) {
	n, isNamed := types.Unalias(t).(*types.Named)
	if !isNamed {
		return nil, nil, false
	}
	it, isIface := n.Underlying().(*types.Interface)
	if !isIface || it.NumMethods() == 0 {
		return nil, nil, false
	}
	auth := config.In(m.cfg.AuthenticatorInterfaces, n.Obj())
	var candidates []*types.Func
	for i := 0; i < it.NumMethods(); i++ {
		meth := it.Method(i)
		sig := meth.Signature()
		takesRequest := false
		for j := 0; j < sig.Params().Len(); j++ {
			if knowledge.RequestTypes[knowledge.NamedOf(sig.Params().At(j).Type())] {
				takesRequest = true
			}
		}
		if returnsString(meth) && (sig.Params().Len() == 0 || takesRequest) {
			candidates = append(candidates, meth)
			continue
		}
		if takesRequest && sig.Results().Len() > 0 {
			auth = true
		}
	}
	if !auth {
		return nil, nil, false
	}
	switch len(candidates) {
	case 0:
		return n, nil, true
	case 1:
		return n, candidates[0], true
	}
	// Several string methods: the configured one, else the one named like a
	// challenge (names only break this tie).
	for _, c := range candidates {
		if config.In(m.cfg.ChallengeMethods, c) {
			return n, c, true
		}
	}
	for _, c := range candidates {
		l := strings.ToLower(c.Name())
		if strings.Contains(l, "challenge") || strings.Contains(l, "authenticate") || strings.Contains(l, "header") {
			return n, c, true
		}
	}
	return n, nil, true
}

// methodKey spells a challenge method as the Policies fact keys it.
func methodKey(iface *types.Named, meth *types.Func) string {
	return iface.Obj().Pkg().Path() + "." + iface.Obj().Name() + "." + meth.Name()
}

// consumers finds the challenge lookups of the package: positional ones
// become Lookups (for firstchallenge), all of them policies.
func (m *model) consumers(res *Result) map[string]Policy {
	own := make(map[string]Policy)
	info := m.pass.TypesInfo
	for _, file := range m.pass.Files {
		var stack []ast.Node
		ast.Inspect(file, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return false
			}
			stack = append(stack, n)
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !ok {
				return true
			}
			meth, ok := info.Uses[sel.Sel].(*types.Func)
			if !ok {
				return true
			}
			iface, ch, ok := m.authInterface(info.TypeOf(sel.X))
			if !ok || ch == nil || ch.Name() != meth.Name() {
				return true
			}
			kind, coll, loop := m.position(sel.X, stack)
			if kind == 0 {
				return true
			}
			key := methodKey(iface, ch)
			p := Policy{Kind: kind, Where: position(m.pass.Fset, call.Pos())}
			own[key] = merge(own[key], p)
			if kind == First || kind == Last {
				res.Lookups = append(res.Lookups, &Lookup{Pos: call.Pos(), End: call.End(), Kind: kind,
					Method: ch, Loop: loop, Coll: coll})
			}
			return true
		})
	}
	return own
}

// position classifies the receiver of a challenge lookup: an element at a
// fixed position of a collection, the loop variable of a loop over one (or
// a variable it was copied to and kept after the loop). It returns 0 for a
// receiver that is not an element of a collection.
func (m *model) position(x ast.Expr, stack []ast.Node) (kind PolicyKind, coll string, loop token.Pos) {
	info := m.pass.TypesInfo
	x = ast.Unparen(x)
	switch x := x.(type) {
	case *ast.IndexExpr:
		if !isCollection(info.TypeOf(x.X)) {
			return 0, "", token.NoPos
		}
		coll = types.ExprString(x.X)
		loop = m.loopOver(x.X, stack)
		if tv, ok := info.Types[x.Index]; ok && tv.Value != nil {
			if v, ok := constant.Int64Val(tv.Value); ok && v == 0 {
				return First, coll, loop
			}
			return Last, coll, loop // another fixed position
		}
		if b, ok := ast.Unparen(x.Index).(*ast.BinaryExpr); ok && b.Op == token.SUB {
			if c, ok := ast.Unparen(b.X).(*ast.CallExpr); ok {
				if id, ok := c.Fun.(*ast.Ident); ok && id.Name == "len" && len(c.Args) == 1 && types.ExprString(c.Args[0]) == coll {
					return Last, coll, loop
				}
			}
		}
		return 0, "", token.NoPos
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		if !ok {
			return 0, "", token.NoPos
		}
		// the range variable, inside its loop: order-safe
		for i := len(stack) - 1; i >= 0; i-- {
			if rs, ok := stack[i].(*ast.RangeStmt); ok {
				if id, ok := rs.Value.(*ast.Ident); ok && info.ObjectOf(id) == v && isCollection(info.TypeOf(rs.X)) {
					return OrderSafe, types.ExprString(rs.X), rs.Pos()
				}
			}
		}
		// a variable the loop copied its element to, used after the loop
		if rs := m.copiedInLoop(v, x.Pos()); rs != nil {
			return Last, types.ExprString(rs.X), rs.Pos()
		}
	}
	return 0, "", token.NoPos
}

func isCollection(t types.Type) bool {
	if t == nil {
		return false
	}
	switch t.Underlying().(type) {
	case *types.Slice, *types.Array:
		return true
	}
	return false
}

// copiedInLoop finds a range loop over a collection, ending before pos,
// whose body assigns its value variable to v.
func (m *model) copiedInLoop(v *types.Var, pos token.Pos) *ast.RangeStmt {
	info := m.pass.TypesInfo
	var found *ast.RangeStmt
	for _, f := range m.pass.Files {
		if pos < f.Pos() || pos >= f.End() {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			rs, ok := n.(*ast.RangeStmt)
			if !ok || rs.End() > pos || !isCollection(info.TypeOf(rs.X)) {
				return true
			}
			val, ok := rs.Value.(*ast.Ident)
			if !ok {
				return true
			}
			elem := info.ObjectOf(val)
			ast.Inspect(rs.Body, func(n ast.Node) bool {
				as, ok := n.(*ast.AssignStmt)
				if !ok || len(as.Lhs) != len(as.Rhs) {
					return true
				}
				for i, l := range as.Lhs {
					lid, lok := l.(*ast.Ident)
					rid, rok := ast.Unparen(as.Rhs[i]).(*ast.Ident)
					if lok && rok && info.ObjectOf(lid) == v && info.ObjectOf(rid) == elem {
						found = rs
					}
				}
				return true
			})
			return true
		})
	}
	return found
}

// loopOver finds, in the function around a lookup, a range loop over the
// same collection (the loop that tried the authenticators).
func (m *model) loopOver(coll ast.Expr, stack []ast.Node) token.Pos {
	var body ast.Node
	for i := len(stack) - 1; i >= 0; i-- {
		switch f := stack[i].(type) {
		case *ast.FuncDecl:
			body = f.Body
		case *ast.FuncLit:
			body = f.Body
		}
		if body != nil {
			break
		}
	}
	if body == nil {
		return token.NoPos
	}
	want := types.ExprString(coll)
	loop := token.NoPos
	ast.Inspect(body, func(n ast.Node) bool {
		if rs, ok := n.(*ast.RangeStmt); ok && loop == token.NoPos && types.ExprString(rs.X) == want {
			loop = rs.Pos()
		}
		return true
	})
	return loop
}

func position(fset *token.FileSet, pos token.Pos) string {
	p := fset.Position(pos)
	return fmt.Sprintf("%s:%d", baseName(p.Filename), p.Line)
}

func baseName(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[i+1:]
	}
	return path
}
