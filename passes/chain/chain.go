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
// A consumer is code that asks a chain's elements for their challenge,
// read from values (SSA): a call of the challenge method whose receiver is
// an element of a collection at a fixed position (x[0], x[len(x)-1], the
// loop variable kept after the loop) is positional; on the element a loop
// reads, or on a scheme kept when its check failed, it is order-safe. A
// collection is the field, package variable or parameter it is, so the loop
// and the lookup may sit in different functions or packages. Policies are
// exported as package facts keyed by collection (and by challenge method),
// so a chain built in a package that imports the consumer sees them. See
// doc.md.
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
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/authchallenge/authchallenge/passes/config"
	"github.com/authchallenge/authchallenge/passes/internal/ir"
	"github.com/authchallenge/authchallenge/passes/internal/knowledge"
	"github.com/authchallenge/authchallenge/passes/internal/syntax"
	"github.com/authchallenge/authchallenge/passes/response"
)

// New returns the chain model analyzer reading cfg and the response model.
func New(cfg, resp *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "chain",
		Doc:      "chain: model of authentication schemes, chains and the code that answers their failures (shared by the authchallenge rules)",
		URL:      "https://github.com/authchallenge/authchallenge#how-it-works",
		Requires: []*analysis.Analyzer{cfg, resp, ir.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			return run(pass, pass.ResultOf[cfg].(*config.Config), pass.ResultOf[resp].(*response.Result), pass.ResultOf[ir.Analyzer].(*ir.IR))
		},
		FactTypes:  []analysis.Fact{new(ChallengeFact), new(Policies), new(LookupFact), new(PickFact), new(ComposerFact), new(GetterFact), new(AskFact)},
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
	// Mixed: consumers of one challenge method disagree (only in
	// Policies.ByMethod; a chain is never judged by it).
	Mixed
	// FirstWith: from the first element whose challenge is not empty,
	// whatever failed (a loop that stops at the first challenge).
	FirstWith
)

func (k PolicyKind) String() string {
	switch k {
	case OrderSafe:
		return "order-safe"
	case First:
		return "positional (first)"
	case Last:
		return "positional (last)"
	case Mixed:
		return "mixed"
	case FirstWith:
		return "positional (first with a challenge)"
	}
	return "unknown"
}

// Positional reports a policy that takes the challenge from a fixed position.
func (k PolicyKind) Positional() bool { return k == First || k == Last || k == FirstWith }

// Policy is how the failures of one collection's chains are answered, and
// where that was seen.
type Policy struct {
	Kind PolicyKind
	// Where is the challenge lookup the policy was derived from.
	Where token.Position
	// Loop is the call that tries the collection's authenticators in a
	// loop (zero when none was seen).
	Loop token.Position
	// Coll spells the collection, for messages.
	Coll string
	// Method is the challenge method asked (its methodKey): the
	// collection's interface's own, or an optional interface's that its
	// values are asserted to (a.(Challenger).Challenge(r)).
	Method string
}

// Policies is a package fact: the consumer policies found in the package,
// sorted by key (facts must encode deterministically).
//
// ByColl is keyed by collection: a struct field ("pkg/path.Type.field"), a
// package variable ("pkg/path.name"), a parameter ("pkg/path.F#0",
// "(*pkg/path.Type).Method#1"; a constructor's or an Add method's parameter
// stored into a field has that field's policy) or a named collection type
// whose methods loop over their receiver ("pkg/path.Type").
//
// ByMethod is keyed by challenge method ("pkg/path.Iface.Method"); it
// judges only chains whose collection has no consumer in sight, and only
// when every consumer of the method agrees.
//
// Looped lists the collections tried in a loop here, so that a positional
// lookup in an importing package knows its chain was tried.
type Policies struct {
	ByColl   []Keyed
	ByMethod []Keyed
	Looped   []Keyed
	// Aliases: the package's constructor and Add parameters stored into a
	// field (Key the parameter's key, Field the field's): a chain passed
	// in an importing package is judged by the field's consumers, which
	// may be known only there.
	Aliases []Alias
}

// Alias is one entry of Policies.Aliases.
type Alias struct{ Key, Field string }

// Keyed is one entry of Policies (Looped uses only Policy.Loop).
type Keyed struct {
	Key    string
	Policy Policy
}

// AFact marks Policies as a fact.
func (*Policies) AFact() {}

func (p *Policies) String() string {
	var parts []string
	for _, e := range p.ByColl {
		parts = append(parts, e.Key+": "+e.Policy.Kind.String())
	}
	for _, e := range p.ByMethod {
		parts = append(parts, e.Key+": "+e.Policy.Kind.String())
	}
	return "policies(" + strings.Join(parts, "; ") + ")"
}

// sorted turns a map into the sorted entries of a fact.
func sorted(m map[string]Policy) []Keyed {
	out := make([]Keyed, 0, len(m))
	for k, v := range m {
		out = append(out, Keyed{Key: k, Policy: v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

// LookupFact marks a function that asks a scheme for its challenge, itself
// or through a function it calls.
type LookupFact struct {
	// Where is the lookup.
	Where token.Position
}

// AFact marks LookupFact as a fact.
func (*LookupFact) AFact() {}

func (f *LookupFact) String() string { return "looks up a challenge" }

// Element is one scheme of a chain.
type Element struct {
	Expr      ast.Expr
	Class     Class
	Name      string // how the code spells it, for messages
	Challenge string // a bearing scheme's challenge, when known
	// Rejects reports a middleware that answers a request it cannot
	// authenticate (401, 403, 407 or a redirect) instead of passing it on.
	Rejects bool
}

// Chain is an ordered collection of schemes.
type Chain struct {
	Pos, End token.Pos
	Elems    []*Element
	// Method is the interface's challenge method (nil for middleware).
	Method *types.Func
	// Policy is how its failures are answered: the policy of the collection
	// it is stored into or passed to (Colls); for a middleware stack, First
	// (the outer one answers first).
	Policy Policy
	// Colls are the collections the chain becomes (fact keys), and NoPolicy
	// says why no policy was found for them.
	Colls    []string
	NoPolicy string
	// Middleware reports a middleware stack (elements run in order, and a
	// rejecting one ends the request).
	Middleware bool
	// Call is the call building the chain, if any (r.Use(a, b),
	// NewChain(a, b)); Literal the composite literal, if any.
	Call    *ast.CallExpr
	Literal *ast.CompositeLit
}

// Lookup is a positional challenge lookup on a collection that a loop
// tried.
type Lookup struct {
	Pos, End token.Pos
	Kind     PolicyKind
	Method   *types.Func
	// Loop is the call that tried the authenticators, in this package
	// (NoPos when it is in another: see LoopAt).
	Loop   token.Pos
	LoopAt token.Position
	// Coll spells the collection, for messages; Key is its fact key ("" for
	// a local collection).
	Coll string
	Key  string
	// Via spells the ordered slice of keys a map is read through ("" if
	// none): the position is that of the key.
	Via string
	// Through spells the collection of the schemes' challenges, built in
	// their order, that the lookup reads ("challenges" for challenges[0],
	// schemes[0]'s Challenge; "" if none).
	Through string
	// Func is the function the lookup is in (the declared function around
	// a literal).
	Func *types.Func
}

// Result is the chain model of one package.
type Result struct {
	// NoSSA says why a package that can answer a request has no SSA form
	// (the models that read it stay silent on its code; nil: it has one).
	NoSSA  error
	Chains []*Chain
	// Lookups are the positional challenge lookups.
	Lookups []*Lookup
	// lookers maps the functions that ask a scheme for its challenge (at
	// any position, themselves or through their callees) to the lookup.
	lookers  map[types.Object]token.Position
	imported func(*types.Func) (token.Position, bool)
}

// Release drops the model once no analyzer of the package will read it
// (drivers call it; the result must not be used after).
func (r *Result) Release() {
	if r != nil {
		*r = Result{}
	}
}

// LooksUp reports whether fn asks a scheme for its challenge, at any
// position, itself or through a function it calls (in this package or an
// imported one), and where. A call of such a helper is a challenge lookup.
func (r *Result) LooksUp(fn *types.Func) (token.Position, bool) {
	if r == nil || fn == nil {
		return token.Position{}, false
	}
	if p, ok := r.lookers[fn.Origin()]; ok {
		return p, true
	}
	if r.imported != nil {
		return r.imported(fn.Origin())
	}
	return token.Position{}, false
}

type model struct {
	pass *analysis.Pass
	cfg  *config.Config
	resp *response.Result
	ir   *ir.IR
	// policies known: this package's and imported.
	byColl   map[string]Policy
	byMethod map[string]Policy
	looped   map[string]token.Position
	rets     map[*types.Func]*ChallengeFact
	decls    map[*types.Func]*ast.FuncDecl          // the package's string functions
	impls    map[*types.Package]*ir.Implementations // by an interface's package: its and this package's types
	ifaces   map[types.Type]ifaceInfo
	owners   map[*types.Var]string
	aliases  map[string]string // parameter key -> field key
	slices   map[token.Pos][]ssa.Value
	picks    map[*types.Func]*PickFact           // this package's functions returning a fixed element
	gets     map[*types.Func]*types.Var          // this package's methods returning a collection field of their receiver
	ownAlias map[string]bool                     // the aliases (parameter keys) of this package's own functions
	indexed  map[*types.Package]bool             // the packages whose fields owners holds
	calls    map[*ssa.Function][]*ssa.CallCommon // the package's static calls, by callee
	wrapped  map[*ast.CallExpr]bool              // middleware calls inside a nested chain recorded (a(b(c(h))): b and c)
	composed map[*types.Func]*ComposerFact       // this package's middleware composers
}

func run(pass *analysis.Pass, cfg *config.Config, resp *response.Result, irp *ir.IR) (any, error) {
	res := new(Result)
	if !knowledge.Matters(pass.Pkg) && !policiesVisible(pass) {
		// fast path: no request type or router here, and no consumer
		// policy from the imports that a chain of imported schemes could
		// be judged by; a package of your own may still format the
		// challenges of the schemes that import it
		if pass.Module == nil || pass.Module.Version == "" {
			m := &model{pass: pass, rets: make(map[*types.Func]*ChallengeFact)}
			m.stringFuncs()
		}
		return res, nil
	}
	m := &model{pass: pass, cfg: cfg, resp: resp, ir: irp,
		byColl: make(map[string]Policy), byMethod: make(map[string]Policy), looped: make(map[string]token.Position),
		rets: make(map[*types.Func]*ChallengeFact), ifaces: make(map[types.Type]ifaceInfo),
		owners: make(map[*types.Var]string), aliases: make(map[string]string), wrapped: make(map[*ast.CallExpr]bool)}

	m.stringFuncs()

	for _, pf := range pass.AllPackageFacts() {
		if p, ok := pf.Fact.(*Policies); ok {
			for _, e := range p.ByColl {
				m.byColl[e.Key] = merge(m.byColl[e.Key], e.Policy)
			}
			for _, e := range p.ByMethod {
				m.byMethod[e.Key] = mergeMethod(m.byMethod[e.Key], e.Policy)
			}
			for _, e := range p.Looped {
				m.looped[e.Key] = e.Policy.Loop
			}
			for _, a := range p.Aliases {
				m.aliases[a.Key] = a.Field
			}
		}
	}
	res.lookers = make(map[types.Object]token.Position)
	res.imported = func(fn *types.Func) (token.Position, bool) {
		var lf LookupFact
		if fn.Pkg() == pass.Pkg || !pass.ImportObjectFact(fn, &lf) {
			return token.Position{}, false
		}
		return lf.Where, true
	}
	res.NoSSA = irp.Err
	if irp.Pkg != nil {
		m.pickers()
		m.getters()
		m.composers()
		if own := m.consumers(res); own != nil {
			pass.ExportPackageFact(own)
		}
	}
	m.chains(res)
	return res, nil
}

func policiesVisible(pass *analysis.Pass) bool {
	for _, f := range pass.AllPackageFacts() {
		if p, ok := f.Fact.(*Policies); ok && len(p.ByColl)+len(p.ByMethod) > 0 {
			return true // (collections tried in a loop alone judge no chain)
		}
	}
	return false
}

// merge keeps a positional policy over an order-safe one: one positional
// consumer of a collection is enough for its order to matter.
func merge(a, b Policy) Policy {
	if a.Kind.Positional() {
		return a
	}
	if b.Kind != 0 {
		return b
	}
	return a
}

// mergeMethod keeps what every consumer of a challenge method agrees on,
// and Mixed when they disagree.
func mergeMethod(a, b Policy) Policy {
	switch {
	case a.Kind == 0:
		return b
	case b.Kind == 0 || a.Kind == b.Kind:
		return a
	}
	a.Kind = Mixed
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

// stringFuncs classifies what every string-returning function of the
// package returns: a method, for the schemes it may be the challenge
// method of; a function, for the challenge methods that return what it
// builds (return challenge(realm)), here and in the importing packages.
func (m *model) stringFuncs() {
	m.decls = make(map[*types.Func]*ast.FuncDecl)
	var fns []*types.Func
	for _, f := range m.pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := m.pass.TypesInfo.Defs[fd.Name].(*types.Func); ok && returnsString(fn) {
					m.decls[fn] = fd
					fns = append(fns, fn)
				}
			}
		}
	}
	for _, fn := range fns {
		cf := m.ownReturns(fn)
		if cf.Return == RetChallenge || fn.Signature().Recv() != nil && cf.Return != RetUnknown {
			m.pass.ExportObjectFact(fn, cf)
		}
	}
}

// ownReturns classifies what fn, a string function of the package,
// returns (once; a function reached again while it is classified, through
// recursion, returns unknown).
func (m *model) ownReturns(fn *types.Func) *ChallengeFact {
	if cf := m.rets[fn]; cf != nil {
		return cf
	}
	m.rets[fn] = &ChallengeFact{Return: RetUnknown}
	cf := m.classifyReturns(m.decls[fn])
	m.rets[fn] = cf
	return cf
}

// challengeParams matches a challenge with an auth-param (Bearer realm=…):
// text that says "challenge" more surely than a scheme's name alone.
var challengeParams = regexp.MustCompile(`^[A-Za-z0-9!#$%&'*+.^_` + "`" + `|~-]+ +[A-Za-z0-9!#$%&'*+.^_` + "`" + `|~-]+=`)

// classifyReturns looks at the return statements of a string function.
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

// maxPrefixDepth bounds how many concatenations and single assignments
// constPrefix follows.
const maxPrefixDepth = 4

// constPrefix returns the constant text an expression starts with: the whole
// value of a constant, the left operand of a concatenation, the text before
// the first verb of a fmt.Sprintf format. ok is false when nothing is known.
func (m *model) constPrefix(e ast.Expr, depth int) (string, bool) {
	e = ast.Unparen(e)
	info := m.pass.TypesInfo
	if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value), true
	}
	if depth > maxPrefixDepth {
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
		fn, ok := typeutil.Callee(info, e).(*types.Func)
		if !ok {
			break
		}
		// what a builder holds: its first write (b.String() after
		// fmt.Fprintf(&b, "Bearer realm=%q", realm))
		if p, ok := m.builderPrefix(e, fn, depth); ok {
			return p, true
		}
		// a function whose every non-empty answer is a challenge
		if returnsString(fn) {
			var cf *ChallengeFact
			if m.decls[fn.Origin()] != nil {
				cf = m.ownReturns(fn.Origin())
			} else {
				cf = m.retsOf(fn)
			}
			if cf != nil && cf.Return == RetChallenge {
				return cf.Challenge, true
			}
		}
		if i, ok := knowledge.Formats[knowledge.MemberOf(fn)]; ok && i < len(e.Args) {
			if tv, ok := info.Types[e.Args[i]]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
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

// builderPrefix returns the constant text a builder's String starts with
// (knowledge.Builders: strings.Builder, bytes.Buffer): that of its first
// write, when that write is a statement of the function's body, before any
// other statement that uses the builder (WriteString(s), fmt.Fprintf(&b,
// format, …)). ok is false when it is not known.
func (m *model) builderPrefix(call *ast.CallExpr, fn *types.Func, depth int) (string, bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	recv := fn.Signature().Recv()
	if !ok || fn.Name() != "String" || recv == nil || !knowledge.Builders[knowledge.NamedOf(derefType(recv.Type()))] {
		return "", false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return "", false
	}
	v, ok := m.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return "", false
	}
	body := m.bodyOf(v.Pos())
	if body == nil {
		return "", false
	}
	info := m.pass.TypesInfo
	names := func(e ast.Expr) bool { // e is the builder or its address
		e = ast.Unparen(e)
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
			e = ast.Unparen(u.X)
		}
		x, ok := e.(*ast.Ident)
		return ok && info.Uses[x] == v
	}
	for _, st := range body.List {
		if st.End() <= v.Pos() {
			continue
		}
		if es, ok := st.(*ast.ExprStmt); ok {
			if c, ok := ast.Unparen(es.X).(*ast.CallExpr); ok {
				if w, ok := typeutil.Callee(info, c).(*types.Func); ok {
					mem := knowledge.MemberOf(w)
					if i, ok := knowledge.BuilderWrites[mem]; ok && i < len(c.Args) {
						if s, ok := c.Fun.(*ast.SelectorExpr); ok && names(s.X) {
							return m.constPrefix(c.Args[i], depth+1)
						}
					}
					if fi, ok := knowledge.FormatsInto[mem]; ok && fi.Format < len(c.Args) && names(c.Args[fi.Writer]) {
						if tv, ok := info.Types[c.Args[fi.Format]]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
							format, _, _ := strings.Cut(constant.StringVal(tv.Value), "%")
							return format, format != ""
						}
						return "", false
					}
				}
			}
		}
		uses := false
		ast.Inspect(st, func(n ast.Node) bool {
			if x, ok := n.(*ast.Ident); ok && info.Uses[x] == v {
				uses = true
			}
			return !uses
		})
		if uses {
			return "", false // a write under a condition, or another use first
		}
	}
	return "", false
}

// bodyOf returns the body of the function declaration that contains pos.
func (m *model) bodyOf(pos token.Pos) *ast.BlockStmt {
	f := syntax.FileOf(m.pass.Files, pos)
	if f == nil {
		return nil
	}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && fd.Body.Pos() <= pos && pos < fd.Body.End() {
			return fd.Body
		}
	}
	return nil
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
	if a, seen := m.ifaces[t]; seen {
		return a.iface, a.challenge, a.ok
	}
	iface, challenge, ok = m.classifyInterface(t)
	m.ifaces[t] = ifaceInfo{iface, challenge, ok}
	return iface, challenge, ok
}

// ifaceInfo caches authInterface by type.
type ifaceInfo struct {
	iface     *types.Named
	challenge *types.Func
	ok        bool
}

func (m *model) classifyInterface(t types.Type) (iface *types.Named, challenge *types.Func, ok bool) {
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
	challenge = m.pickChallenge(candidates)
	if !auth && challenge != nil && m.implementedAsChallenge(challenge) {
		// no method takes a request (a transport-neutral Authenticate(ctx,
		// Credentials)), but a scheme of it answers with a challenge
		auth = true
	}
	if !auth {
		return nil, nil, false
	}
	return n, challenge, true
}

// pickChallenge picks an interface's challenge method among its string
// methods: the only one; of several, the configured one, else the one
// named like a challenge (names only break this tie).
func (m *model) pickChallenge(candidates []*types.Func) *types.Func {
	switch len(candidates) {
	case 0:
		return nil
	case 1:
		return candidates[0]
	}
	for _, c := range candidates {
		if config.In(m.cfg.ChallengeMethods, c) {
			return c
		}
	}
	for _, c := range candidates {
		l := strings.ToLower(c.Name())
		if strings.Contains(l, "challenge") || strings.Contains(l, "authenticate") || strings.Contains(l, "header") {
			return c
		}
	}
	return nil
}

// implementedAsChallenge reports whether some implementation of an
// interface's string method, in this package or one it imports, returns a
// challenge with parameters (Bearer realm="api"): the interface is one of
// schemes, whatever its other methods take.
func (m *model) implementedAsChallenge(meth *types.Func) bool {
	// the schemes are declared beside their interface, or here
	impls := m.impls[meth.Pkg()]
	if impls == nil {
		scopes := []*types.Package{m.pass.Pkg}
		if p := meth.Pkg(); p != nil && p != m.pass.Pkg {
			scopes = append(scopes, p)
		}
		impls = ir.NewImplementations(scopes)
		if m.impls == nil {
			m.impls = make(map[*types.Package]*ir.Implementations)
		}
		m.impls[meth.Pkg()] = impls
	}
	for _, impl := range impls.Of(meth) {
		if cf := m.retsOf(impl); cf != nil && cf.Return == RetChallenge && challengeParams.MatchString(cf.Challenge) {
			return true
		}
	}
	return false
}

// methodKey spells a challenge method as the Policies fact keys it.
func methodKey(iface *types.Named, meth *types.Func) string {
	return iface.Obj().Pkg().Path() + "." + iface.Obj().Name() + "." + meth.Name()
}
