// Package failure is the model of authentication failure paths that the
// authforbidden and grpcauthcode rules share: the parts of each function that
// run after a check of credentials said no.
//
// It reads values, not names. A value is a credential when it comes from
// where a client puts credentials (the knowledge table's credential getters:
// the Authorization header through any framework's getter, r.BasicAuth(),
// gRPC metadata, a cookie, a custom header, a query parameter) and it is
// followed through assignments, string operations (a "Bearer " prefix cut, a
// split, a base64 decoding), struct fields and calls (functions that return
// a credential they read or were given). Its class says whether the scheme
// can answer with a challenge: the Authorization header, Basic credentials
// and a scheme prefix are challenge-bearing; cookies, custom headers, query
// parameters and AWS SigV4 signatures are challenge-less; anything else is
// unknown.
//
// A failure is a check of a credential that said no: a call given a
// credential whose error is non-nil, whose bool is false, whose identity is
// nil or empty; a comparison of a credential with a stored secret that fails
// (!=, subtle.ConstantTimeCompare != 1, hmac.Equal false, a map lookup that
// misses); credentials absent (an empty header, a missing prefix, no
// metadata); an error matched against an unauthenticated sentinel. A call
// that takes only the request is a check of what its body reads (facts), and
// no check when that cannot be seen (an interface method: silent). Inside a
// check, an error returned on a condition over the credential is a failure.
//
// Authorization — a condition on the identity a check returned — starts no
// failure path: that is where the rules' precision comes from.
package failure

import (
	"fmt"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/authchallenge/authchallenge/passes/chain"
	"github.com/authchallenge/authchallenge/passes/config"
	"github.com/authchallenge/authchallenge/passes/internal/ir"
	"github.com/authchallenge/authchallenge/passes/internal/knowledge"
)

// New returns the failure model analyzer reading cfg.
func New(cfg *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "failure",
		Doc:      "failure: model of authentication failure paths (shared by the authchallenge rules)",
		URL:      "https://github.com/authchallenge/authchallenge#how-it-works",
		Requires: []*analysis.Analyzer{cfg, ir.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			return run(pass, pass.ResultOf[cfg].(*config.Config), pass.ResultOf[ir.Analyzer].(*ir.IR))
		},
		FactTypes:  []analysis.Fact{new(Source), new(Unauthenticated), new(FuncValues), new(Foreign), new(IdentityKeys)},
		ResultType: reflect.TypeFor[*Result](),
	}
}

// Analyzer is the failure model the exported rules require.
var Analyzer = New(config.Analyzer)

// Origin says where a credential was read.
type Origin uint8

const (
	// NoOrigin: not known.
	NoOrigin Origin = iota
	// Authorization: the Authorization (or Proxy-Authorization) header,
	// or the authorization key of gRPC metadata.
	Authorization
	// Basic: Basic credentials (r.BasicAuth(), or decoded by hand).
	Basic
	// Cookie: a cookie (a session).
	Cookie
	// Header: a custom request header (an API key), named in Header.
	Header
	// Query: a query or form parameter.
	Query
	// Metadata: a call's gRPC metadata, key not known yet.
	Metadata
	// SigV4: an AWS SigV4 signature (its protocol answers 403).
	SigV4
	// Param: a parameter of a function whose callers are not visible
	// (a verifier exported to other packages): a credential only if its
	// callers hand it one. Signals of this origin serve to find the
	// unauthenticated errors; the rules do not report them.
	Param
	// RequestHeader: a header whose name is not a constant.
	RequestHeader
	// Context: the identity an authentication kept for the request (in
	// its context), read back and found missing (keys.go).
	Context
	// ClientCert: the client certificates of mutual TLS (challenge-less).
	ClientCert
)

var originNames = [...]string{"", "Authorization header", "Basic credentials", "cookie", "header", "query parameter",
	"gRPC metadata", "AWS SigV4 signature", "parameter", "request header", "request context", "client certificate"}

func (o Origin) String() string {
	if int(o) < len(originNames) {
		return originNames[o]
	}
	return fmt.Sprintf("Origin(%d)", o)
}

// Kind says what said no.
type Kind uint8

const (
	// Absent: credentials missing or malformed (an empty header, no Basic
	// credentials, a missing scheme prefix, no metadata, a decoding error).
	Absent Kind = iota + 1
	// Rejected: a check given the credential (or reading it from the
	// request) returned a non-nil error, false, or a nil or empty identity.
	Rejected
	// Mismatch: a comparison of the credential with a stored secret
	// failed (!=, a constant-time compare, a map lookup that missed).
	Mismatch
	// Invalid: a check accepted the credential, but what it returned says
	// the credential is not valid now: a time of it compared with another
	// (past its expiry), or an authorization server's verdict on it that
	// is false (RFC 7662's active).
	Invalid
	// Sentinel: an error of a failed check matched an unauthenticated
	// error (errors.Is, ==, a switch).
	Sentinel
	// Returned: inside a function that reads credentials from its request
	// and returns an error: the error it returns is its callers' failure.
	Returned
)

// Signal is one failure: what said no, on which credentials.
type Signal struct {
	Kind  Kind
	Class chain.Class
	// Origin and Header say which credentials failed.
	Origin Origin
	Header string
	// Pos is the check, comparison or read that said no.
	Pos token.Pos
	// Check is the function called that said no (Rejected), if static.
	Check *types.Func
	// Err is the unauthenticated error matched (Sentinel).
	Err *types.Var
}

// Describe says, in the user's terms, what failed; named is the word
// after a header's name ("header" for HTTP, "metadata" for gRPC).
func (s *Signal) Describe(named string) string {
	if s.Origin == Context {
		return "no authenticated identity in the request context"
	}
	what := s.credentials(named)
	switch s.Kind {
	case Absent:
		switch s.Origin {
		case Basic:
			return "no Basic credentials"
		case Metadata:
			return "no gRPC metadata"
		}
		return "the " + what + " is missing or malformed"
	case Rejected:
		if s.Check != nil {
			return fmt.Sprintf("the credential check %s (%s) failed", s.Check.Name(), what)
		}
		return "the check of the " + what + " failed"
	case Mismatch:
		return "the presented " + what + " did not match the stored secret"
	case Invalid:
		return "the " + what + " checked out but has expired or is not active"
	case Sentinel:
		if s.Err != nil {
			return "the error is " + s.Err.Name()
		}
	case Returned:
		return "returned by a check of the " + what
	}
	return "the " + what + " did not check out"
}

// credentials names what was read: the header (or metadata) by its name,
// or the origin.
func (s *Signal) credentials(named string) string {
	switch s.Origin {
	case Authorization, Header:
		if s.Header != "" {
			return s.Header + " " + named
		}
	case NoOrigin, Param:
		return "credentials"
	}
	return s.Origin.String()
}

// Speculative reports a signal that holds only if the function's callers
// hand it credentials (origin Param): not a finding on its own.
func (s *Signal) Speculative() bool { return s.Origin == Param }

// Source is a fact on a function: what it does with credentials, for
// callers in other packages.
type Source struct {
	// Class, Origin and Header: the credentials it reads from a request
	// it is given (Origin NoOrigin: none). A call of it that takes only
	// the request is a check of these credentials.
	Class  chain.Class
	Origin Origin
	Header string
	// Returns: the results (bit i: result i) that carry the credential it
	// reads; FromParam: bit j*8+i: result i carries the credential given
	// in parameter j (j < 8).
	Returns   uint8
	FromParam uint64
	// Into: bit i*8+j: the credential given in parameter i is decoded into
	// what parameter j points to (decode(segment, &claims)), i, j < 8.
	Into uint64
	// SigV4Params: the parameters (bit j) whose credential it reads as an
	// AWS SigV4 signature, which makes the caller's credential
	// challenge-less.
	SigV4Params uint8
	// Extracts: it hands back (FromParam) the credential it is given
	// after testing only its presence or form (a bearer token cut from an
	// Authorization value): what it returns is still the credential, not
	// the identity a verifier returns.
	Extracts bool
	// Loads: it returns the value kept for the request under this key
	// (keyOf): an accessor such as FromContext(ctx). Stores: it keeps a
	// parameter under a key: a setter such as WithPrincipal(ctx, p).
	Loads  string
	Stores []KeyParam
}

// KeyParam is a key and the parameter (1-based) a setter keeps under it.
type KeyParam struct {
	Key   string
	Param uint8
}

// AFact marks Source as a fact.
func (*Source) AFact() {}

func (s *Source) String() string {
	var parts []string
	if s.Origin != NoOrigin {
		what := s.Origin.String()
		if s.Header != "" {
			what = s.Header + " header"
		}
		parts = append(parts, fmt.Sprintf("checks %s credentials (%s)", s.Class, what))
	}
	if s.Returns != 0 {
		parts = append(parts, fmt.Sprintf("returns them in results %b", s.Returns))
	}
	if s.FromParam != 0 {
		parts = append(parts, fmt.Sprintf("passes parameters through %x", s.FromParam))
	}
	if s.Into != 0 {
		parts = append(parts, fmt.Sprintf("decodes parameters into others %x", s.Into))
	}
	if s.SigV4Params != 0 {
		parts = append(parts, fmt.Sprintf("reads SigV4 from parameters %b", s.SigV4Params))
	}
	if s.Loads != "" {
		parts = append(parts, "returns the value kept under "+s.Loads)
	}
	for _, kp := range s.Stores {
		parts = append(parts, fmt.Sprintf("keeps parameter %d under %s", kp.Param, kp.Key))
	}
	return strings.Join(parts, "; ")
}

func (s *Source) zero() bool { return s.equal(&Source{}) }

func (s *Source) equal(t *Source) bool {
	return s.Class == t.Class && s.Origin == t.Origin && s.Header == t.Header && s.Returns == t.Returns &&
		s.FromParam == t.FromParam && s.Into == t.Into && s.SigV4Params == t.SigV4Params && s.Extracts == t.Extracts &&
		s.Loads == t.Loads && slices.Equal(s.Stores, t.Stores)
}

// Unauthenticated is a fact on a package-level error variable every
// assignment of which is on a failure path (it means missing or bad
// credentials), or on a typed constant that such an error carries.
type Unauthenticated struct {
	Class chain.Class
	// Speculative: every assignment is on a failure path only if the
	// functions that return it are handed credentials by their callers (a
	// verifier of another package): it counts on an error known to come
	// from a failed check, not on an error of unknown origin.
	Speculative bool
	// By names (types.Func.FullName) the functions that return a
	// speculative one: a package that hands one of them credentials
	// confirms it, there.
	By []string
}

// Foreign is a package fact: the error variables of other packages that
// this package returns only on failure paths (a token package returning
// apperr.ErrInvalidToken). A fact on the variable itself is its own
// package's to export; this one lets the packages that import this one
// know the verdict too.
type Foreign struct {
	Vars []ForeignVar
}

// ForeignVar is one such variable, by package path and name, and the
// verdict.
type ForeignVar struct {
	Pkg, Name string
	Verdict   Unauthenticated
}

// AFact marks Foreign as a fact.
func (*Foreign) AFact() {}

func (f *Foreign) String() string {
	return fmt.Sprintf("foreign unauthenticated errors (%d)", len(f.Vars))
}

// AFact marks Unauthenticated as a fact.
func (*Unauthenticated) AFact() {}

func (u *Unauthenticated) String() string { return fmt.Sprintf("unauthenticated (%s)", u.Class) }

// GuardKind says what the nearest condition before a position checked.
type GuardKind uint8

const (
	// NoGuard: no condition the model can read.
	NoGuard GuardKind = iota
	// CredentialGuard: a check of credentials that said no (see Signal).
	CredentialGuard
	// AuthorizationGuard: a condition on the identity a successful check
	// returned (a role, a permission, an owner): the caller is known.
	AuthorizationGuard
	// IntegrityGuard: a comparison of a signature or MAC computed over the
	// request (a webhook payload, a form), not of credentials.
	IntegrityGuard
	// OtherGuard: a condition unrelated to credentials.
	OtherGuard
)

// Guard is the nearest condition that decides whether a position runs.
type Guard struct {
	Kind GuardKind
	Pos  token.Pos // the condition
}

// Result is the failure model of one package.
type Result struct {
	funcs []*funcInfo
	// unauth: this package's unauthenticated errors and codes, and those
	// imported.
	unauth map[types.Object]*Unauthenticated
	// sources: the Source facts of imported functions
	sources map[*types.Func]*Source
	cfg     *config.Config
	// built: the package's errors and codes its code builds values with
	// (see Mappable), computed when first asked
	built map[types.Object]bool
}

type funcInfo struct {
	fn       *ssa.Function
	from, to token.Pos
	// instrs: every instruction with a position, by position
	instrs []posInstr
	sig    map[*ssa.BasicBlock]*Signal
	guard  map[*ssa.BasicBlock]Guard
	// reads: the credentials the function reads from a request (nil: none)
	reads *source
}

type posInstr struct {
	pos   token.Pos
	block *ssa.BasicBlock
}

// Release drops the model once no analyzer of the package will read it
// (drivers call it; the result must not be used after).
func (r *Result) Release() {
	if r != nil {
		*r = Result{}
	}
}

// At returns the failure that holds at pos (the first instruction at or
// after pos in the innermost function containing it), or nil.
func (r *Result) At(pos token.Pos) *Signal {
	return r.In(pos, token.NoPos)
}

// In returns the failure that holds on the code between pos and end (the
// expression of a status write), or nil. Speculative signals are returned
// too; the rules skip them.
func (r *Result) In(pos, end token.Pos) *Signal {
	fi, b := r.block(pos, end)
	if fi == nil {
		return nil
	}
	return fi.sig[b]
}

// GuardAt returns the nearest condition deciding whether the code at pos
// runs, classified (for nochallenge: a 401 after an authorization or
// integrity check asks for the wrong status, not for a challenge).
func (r *Result) GuardAt(pos, end token.Pos) Guard {
	fi, b := r.block(pos, end)
	if fi == nil {
		return Guard{}
	}
	if s := fi.sig[b]; s != nil && !s.Speculative() {
		return Guard{Kind: CredentialGuard, Pos: s.Pos}
	}
	return fi.guard[b]
}

// Authenticator returns, for a position inside a function that reads
// credentials from its request and returns an identity and an error, the
// failure its callers see when it returns an error there (nil otherwise).
func (r *Result) Authenticator(pos token.Pos) *Signal {
	fi, b := r.block(pos, token.NoPos)
	if fi == nil || fi.reads == nil || !returnsError(fi.fn.Signature) || fi.fn.Signature.Results().Len() < 2 {
		return nil // not a check that hands an identity or its error to its caller
	}
	if s := fi.sig[b]; s != nil && !s.Speculative() {
		return s
	}
	src := fi.reads
	return &Signal{Kind: Returned, Class: src.class, Origin: src.origin, Header: src.header, Pos: src.pos}
}

// Authenticates reports whether fn is a check that answers for its own
// failures: it reads credentials from the request it is given and returns an
// identity and an error, so that what it returns on a failure path is its
// callers' failure (see Authenticator) and reported where it returns it.
func (r *Result) Authenticates(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	fn = fn.Origin()
	sig := fn.Signature()
	if !returnsError(sig) || sig.Results().Len() < 2 {
		return false
	}
	for _, fi := range r.funcs {
		if fi.fn.Object() == fn {
			return fi.reads != nil
		}
	}
	s := r.sources[fn]
	return s != nil && s.Origin != NoOrigin && s.Origin != Param
}

// Unauthenticated reports whether obj (an error variable, or a typed
// constant an error carries) means missing or bad credentials: every
// assignment of it is on a failure path, or -unauthenticated-errors lists
// it.
func (r *Result) Unauthenticated(obj types.Object) *Unauthenticated {
	if obj == nil {
		return nil
	}
	if u := r.unauth[obj]; u != nil {
		return u
	}
	if v, ok := obj.(*types.Var); ok && r.cfg != nil && config.In(r.cfg.UnauthenticatedErrors, v) {
		return &Unauthenticated{Class: chain.Unknown}
	}
	return nil
}

// block finds the function and block of the code between pos and end.
func (r *Result) block(pos, end token.Pos) (*funcInfo, *ssa.BasicBlock) {
	var best *funcInfo
	for _, fi := range r.funcs {
		if fi.from <= pos && pos < fi.to && (best == nil || fi.to-fi.from < best.to-best.from) {
			best = fi
		}
	}
	if best == nil {
		return nil, nil
	}
	ins := best.instrs
	i := sort.Search(len(ins), func(i int) bool { return ins[i].pos >= pos })
	if i == len(ins) || (end.IsValid() && ins[i].pos >= end) {
		return nil, nil
	}
	return best, ins[i].block
}

func returnsError(sig *types.Signature) bool {
	res := sig.Results()
	return res.Len() > 0 && isError(res.At(res.Len()-1).Type())
}

func isError(t types.Type) bool {
	return t != nil && types.Implements(t, errorIface)
}

var errorIface = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

func run(pass *analysis.Pass, cfg *config.Config, prog *ir.IR) (*Result, error) {
	res := &Result{unauth: make(map[types.Object]*Unauthenticated), sources: make(map[*types.Func]*Source), cfg: cfg}
	// What the imported packages say of other packages' error variables
	// they return on failure paths: only where the variable's own package
	// says nothing (its object fact, read below, wins).
	var keys []*IdentityKeys
	for _, f := range pass.AllPackageFacts() {
		if k, ok := f.Fact.(*IdentityKeys); ok {
			keys = append(keys, k)
		}
		fg, ok := f.Fact.(*Foreign)
		if !ok {
			continue
		}
		for _, v := range fg.Vars {
			if obj := lookupVar(pass.Pkg, v.Pkg, v.Name); obj != nil && res.unauth[obj] == nil {
				u := v.Verdict
				res.unauth[obj] = &u
			}
		}
	}
	for _, f := range pass.AllObjectFacts() {
		if u, ok := f.Fact.(*Unauthenticated); ok {
			res.unauth[f.Object] = u
		}
		if s, ok := f.Fact.(*Source); ok {
			if fn, ok := f.Object.(*types.Func); ok {
				res.sources[fn] = s
			}
		}
	}
	if prog == nil || prog.Pkg == nil {
		return res, nil // not past the gate (ir.Gate)
	}
	m := newModel(pass, cfg, prog, res)
	m.importKeys(keys)
	m.solve()
	return res, nil
}

// Block returns the failure that holds on entry to an SSA block of the
// package's functions (the block a phi's edge comes from), or nil.
func (r *Result) Block(b *ssa.BasicBlock) *Signal {
	if b == nil {
		return nil
	}
	for _, fi := range r.funcs {
		if fi.fn == b.Parent() {
			return fi.sig[b]
		}
	}
	return nil
}

// ReadsNoCredentials reports whether fn is known to read no credentials:
// neither it, nor the literals it builds, nor the functions of this
// package it calls read any from a request, and every other call it makes
// is of the standard library, of a framework of the knowledge table, or of
// a function whose package's facts say it reads none. A call the model
// cannot follow (an interface method, a function value) leaves it unknown:
// false. Middleware that only authorizes an identity set earlier (a role,
// a tenant) reads none.
func (r *Result) ReadsNoCredentials(fn *ssa.Function) bool {
	if fn == nil {
		return false
	}
	byFn := make(map[*ssa.Function]*funcInfo, len(r.funcs))
	for _, fi := range r.funcs {
		byFn[fi.fn] = fi
	}
	seen := make(map[*ssa.Function]bool)
	var reads func(f *ssa.Function, depth int) bool
	reads = func(f *ssa.Function, depth int) bool {
		if seen[f] {
			return false
		}
		seen[f] = true
		fi := byFn[f]
		if fi == nil || depth > ir.MaxDepth {
			return true // not this package's, or too deep: unknown
		}
		if fi.reads != nil {
			return true
		}
		for _, anon := range f.AnonFuncs {
			if reads(anon, depth+1) {
				return true
			}
		}
		for _, b := range f.Blocks {
			for _, in := range b.Instrs {
				call, ok := in.(ssa.CallInstruction)
				if !ok {
					continue
				}
				c := call.Common()
				if c.IsInvoke() {
					if p := c.Method.Pkg(); p == nil || !knowledge.Described(p.Path()) {
						return true // an interface the model cannot see into
					}
					continue
				}
				switch callee := c.Value.(type) {
				case *ssa.Builtin:
				case *ssa.MakeClosure:
					if g, ok := callee.Fn.(*ssa.Function); !ok || reads(g, depth+1) {
						return true
					}
				case *ssa.Function:
					if byFn[callee] != nil || byFn[callee.Origin()] != nil {
						g := callee
						if byFn[g] == nil {
							g = callee.Origin()
						}
						if reads(g, depth+1) {
							return true
						}
						continue
					}
					obj, ok := callee.Object().(*types.Func)
					if !ok {
						if callee.Synthetic != "" && callee.Pkg == nil {
							continue // a wrapper of the builder's (bound method, thunk)
						}
						return true
					}
					if obj.Pkg() == nil || knowledge.Described(obj.Pkg().Path()) {
						continue
					}
					if s := r.sources[obj.Origin()]; s != nil && s.Origin != NoOrigin {
						return true
					}
				default:
					return true // a function value
				}
			}
		}
		return false
	}
	return !reads(fn, 0)
}

// UnauthenticatedNamed is Unauthenticated for a variable named "path.Name"
// (as the response model names the sentinels of its conditions), looked up
// in from and the packages it imports; nil when there is none or it means
// nothing of authentication.
func (r *Result) UnauthenticatedNamed(from *types.Package, name string) (*types.Var, *Unauthenticated) {
	dot := strings.LastIndexByte(name, '.')
	if dot < 0 {
		return nil, nil
	}
	v := lookupVar(from, name[:dot], name[dot+1:])
	if v == nil {
		return nil, nil
	}
	return v, r.Unauthenticated(v)
}

// lookupVar finds a package-level variable of the package at path, among
// pkg and the packages it imports (nil if none).
func lookupVar(pkg *types.Package, path, name string) *types.Var {
	for _, p := range append([]*types.Package{pkg}, pkg.Imports()...) {
		if p.Path() == path {
			v, _ := p.Scope().Lookup(name).(*types.Var)
			return v
		}
	}
	return nil
}

// Matched returns the error variables that the code at pos is known to
// have matched an error against: on the way to it, a branch taken when
// errors.Is(err, ErrX) (or err == ErrX) holds — a case of a switch over an
// error's sentinels, an if on one. Whether ErrX is an authentication
// failure may be known only to the packages that return it; a status
// mapping records what it answers each one with (authforbidden).
func (r *Result) Matched(pos token.Pos) []*types.Var {
	_, b := r.block(pos, token.NoPos)
	var out []*types.Var
	for c := b; c != nil; c = c.Idom() {
		for _, p := range c.Preds {
			if v := matchedOn(p, c); v != nil && !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
	}
	return out
}

// matchedOn returns the error variable that p's branch compares an error
// with, when c is the successor taken on a match.
func matchedOn(p, c *ssa.BasicBlock) *types.Var {
	if len(p.Instrs) == 0 || len(p.Succs) != 2 || p.Succs[0] == p.Succs[1] {
		return nil
	}
	iff, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If)
	if !ok {
		return nil
	}
	cond, onTrue := iff.Cond, c == p.Succs[0]
	if u, ok := cond.(*ssa.UnOp); ok && u.Op == token.NOT {
		cond, onTrue = u.X, !onTrue
	}
	switch x := cond.(type) {
	case *ssa.Call:
		if onTrue && errorMatch(x.Common()) == knowledge.MatchIs && len(x.Call.Args) == 2 {
			return globalOf(x.Call.Args[1])
		}
	case *ssa.BinOp:
		if x.Op == token.NEQ {
			onTrue = !onTrue
		} else if x.Op != token.EQL {
			return nil
		}
		if !onTrue {
			return nil
		}
		for _, v := range []ssa.Value{x.X, x.Y} {
			if g := globalOf(v); g != nil && isError(g.Type()) {
				return g
			}
		}
	}
	return nil
}
