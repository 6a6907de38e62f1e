package failure

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/authchallenge/authchallenge/passes/chain"
	"github.com/authchallenge/authchallenge/passes/config"
	"github.com/authchallenge/authchallenge/passes/internal/knowledge"
)

// regions finds the failure regions of a file.
func (m *model) regions(f *ast.File) {
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Body != nil {
				if fn, ok := m.pass.TypesInfo.Defs[n.Name].(*types.Func); ok && m.authenticateMethod(fn) {
					m.add(n.Body.Pos(), n.Body.End(), &Signal{What: "inside the authenticator's " + fn.Name(), Class: chain.Unknown, Pos: n.Pos()})
				}
			}
		case *ast.BlockStmt:
			m.block(n.List, n.End())
		case *ast.CaseClause:
			m.block(n.Body, n.End())
		case *ast.CommClause:
			m.block(n.Body, n.End())
		case *ast.IfStmt:
			if sig, whenTrue := m.cond(n.Cond); sig != nil {
				if whenTrue {
					m.add(n.Body.Pos(), n.Body.End(), sig)
				} else if n.Else != nil {
					m.add(n.Else.Pos(), n.Else.End(), sig)
				}
			}
		case *ast.SwitchStmt:
			m.switchStmt(n)
		}
		return true
	})
}

// block: after `if <success> { ...; return }` the rest of the block is the
// failure path (the credentials did not check out).
func (m *model) block(list []ast.Stmt, end token.Pos) {
	for i, st := range list {
		ifs, ok := st.(*ast.IfStmt)
		if !ok || ifs.Else != nil || i == len(list)-1 || !endsInReturn(ifs.Body) {
			continue
		}
		if sig, whenTrue := m.cond(ifs.Cond); sig != nil && !whenTrue {
			m.add(list[i+1].Pos(), end, sig)
		}
	}
}

func endsInReturn(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	switch s := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok == token.GOTO
	}
	return false
}

// switchStmt: `switch err { case ErrInvalidToken: … }` and
// `switch { case errors.Is(err, ErrNoCredentials): … }`.
func (m *model) switchStmt(s *ast.SwitchStmt) {
	for _, c := range s.Body.List {
		cc := c.(*ast.CaseClause)
		for _, e := range cc.List {
			var sig *Signal
			whenTrue := true
			if s.Tag != nil {
				sig = m.sentinel(e)
			} else {
				sig, whenTrue = m.cond(e)
			}
			if sig != nil && whenTrue {
				m.add(cc.Colon, cc.End(), sig)
				break
			}
		}
	}
}

func (m *model) add(from, to token.Pos, sig *Signal) {
	m.res.Regions = append(m.res.Regions, &Region{From: from, To: to, Signal: sig})
}

// authenticateMethod: the authentication method of a type implementing an
// authenticator interface of the package (a method taking a request that
// returns an error), or a gRPC AuthFunc-shaped function.
func (m *model) authenticateMethod(fn *types.Func) bool {
	sig := fn.Signature()
	recv := sig.Recv()
	if recv == nil || !isVerifierSig(fn) {
		return false
	}
	res := sig.Results()
	if res.Len() == 0 || !types.Identical(res.At(res.Len()-1).Type(), types.Universe.Lookup("error").Type()) {
		return false
	}
	// implements an interface of this package (or an imported one) that
	// has this method
	scope := m.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		it, ok := tn.Type().Underlying().(*types.Interface)
		if !ok || it.NumMethods() == 0 {
			continue
		}
		for i := 0; i < it.NumMethods(); i++ {
			if it.Method(i).Name() == fn.Name() && (types.Implements(recv.Type(), it) || types.Implements(types.NewPointer(recv.Type()), it)) {
				return true
			}
		}
	}
	return false
}

// cond classifies a condition: the failure it signals, and whether the
// failure is when the condition is true (false: when it is false).
func (m *model) cond(e ast.Expr) (*Signal, bool) {
	info := m.pass.TypesInfo
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			sig, t := m.cond(x.X)
			return sig, !t
		}
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LOR, token.LAND:
			if sig, t := m.cond(x.X); sig != nil && (t == (x.Op == token.LOR)) {
				return sig, t
			}
			if sig, t := m.cond(x.Y); sig != nil && (t == (x.Op == token.LOR)) {
				return sig, t
			}
			if x.Op == token.LAND {
				// err == nil && user != nil: success when true
				if sig, t := m.cond(x.X); sig != nil && !t {
					return sig, false
				}
			}
			return nil, false
		case token.EQL, token.NEQ:
			eq := x.Op == token.EQL
			// err != nil, user == nil
			if isNil(x.Y) || isNil(x.X) {
				v := x.X
				if isNil(x.X) {
					v = x.Y
				}
				if sig := m.checked(v); sig != nil {
					if isError(info.TypeOf(v)) {
						return sig, !eq
					}
					return sig, eq // a nil identity
				}
				return nil, false
			}
			// token == "", h == ""
			if isEmptyString(info, x.Y) || isEmptyString(info, x.X) {
				v := x.X
				if isEmptyString(info, x.X) {
					v = x.Y
				}
				if sig := m.checked(v); sig != nil {
					return sig, eq
				}
				return nil, false
			}
			// len(vals) == 0
			if c, ok := ast.Unparen(x.X).(*ast.CallExpr); ok && isBuiltin(info, c, "len") && isZero(info, x.Y) {
				if sig := m.checked(c.Args[0]); sig != nil {
					return sig, eq
				}
			}
			// subtle.ConstantTimeCompare(a, b) != 1 / == 0
			if c, ok := ast.Unparen(x.X).(*ast.CallExpr); ok && isFunc(info, c, "crypto/subtle", "ConstantTimeCompare") {
				sig := &Signal{What: "a constant-time compare of the presented secret failed", Class: m.argClass(c), Pos: c.Pos()}
				if isZero(info, x.Y) {
					return sig, eq
				}
				return sig, !eq
			}
			// err == ErrInvalidToken
			if sig := m.sentinel(x.Y); sig != nil {
				return sig, eq
			}
			return nil, false
		}
	case *ast.CallExpr:
		if isFunc(info, x, "errors", "Is") && len(x.Args) == 2 {
			if sig := m.sentinel(x.Args[1]); sig != nil {
				return sig, true
			}
			return nil, false
		}
		if isFunc(info, x, "strings", "HasPrefix") && len(x.Args) == 2 {
			if sig := m.checked(x.Args[0]); sig != nil {
				return &Signal{What: "the Authorization header lacks the scheme prefix", Class: sig.Class, Pos: x.Pos()}, false
			}
			return nil, false
		}
		if fn, ok := typeutil.Callee(info, x).(*types.Func); ok && signedIn.MatchString(fn.Name()) && info.TypeOf(x) != nil && isBool(info.TypeOf(x)) {
			return &Signal{What: "the caller is not signed in (" + fn.Name() + ")", Class: chain.Unknown, Pos: x.Pos()}, false
		}
		// a bool-returning credential check: if !verify(tok)
		if fn, ok := typeutil.Callee(info, x).(*types.Func); ok && info.TypeOf(x) != nil && isBool(info.TypeOf(x)) && isVerifierSig(fn) {
			src := m.credentialRead(x)
			if src != nil {
				return &Signal{What: "the credential check " + fn.Name() + " failed", Class: src.Class, Pos: x.Pos()}, false
			}
		}
	case *ast.Ident, *ast.SelectorExpr:
		if info.TypeOf(x) != nil && isBool(info.TypeOf(x)) {
			// ok from BasicAuth / CutPrefix / FromIncomingContext, or a bool
			// returned by a credential check
			if sig := m.checked(x); sig != nil {
				return sig, false
			}
			var id *ast.Ident
			if s, ok := x.(*ast.SelectorExpr); ok {
				id = s.Sel
			} else {
				id = x.(*ast.Ident)
			}
			if signedIn.MatchString(id.Name) {
				return &Signal{What: "the caller is not signed in (" + id.Name + ")", Class: chain.Unknown, Pos: x.Pos()}, false
			}
		}
	}
	return nil, false
}

var signedIn = regexp.MustCompile(`^(Is)?(Signed|SignedIn|Logged|LoggedIn|Authenticated)$`)

// checked returns the failure signal carried by a value: the error,
// identity or bool of a credential check, a credential read from the
// request (a header value, the ok of BasicAuth).
func (m *model) checked(v ast.Expr) *Signal {
	return m.checkedDepth(v, 0)
}

func (m *model) checkedDepth(v ast.Expr, depth int) *Signal {
	info := m.pass.TypesInfo
	v = ast.Unparen(v)
	if depth > 6 {
		return nil // h = strings.TrimSpace(h): values that feed on themselves
	}
	if idx, ok := v.(*ast.IndexExpr); ok {
		// md["authorization"]
		if knowledge.NamedOf(info.TypeOf(idx.X)) == (knowledge.TypeName{Pkg: knowledge.Metadata, Name: "MD"}) {
			if src := headerSource(info, idx.Index); src != nil {
				return &Signal{What: "no " + src.What + " in the gRPC metadata", Class: src.Class, Pos: v.Pos()}
			}
		}
		return nil
	}
	var call *ast.CallExpr
	switch x := v.(type) {
	case *ast.CallExpr:
		call = x
	case *ast.Ident:
		obj, ok := info.Uses[x].(*types.Var)
		if !ok {
			return nil
		}
		o, ok := m.from[obj]
		if !ok {
			return nil
		}
		c, ok := ast.Unparen(o.expr).(*ast.CallExpr)
		if !ok {
			// token := strings.TrimPrefix(h, "Bearer ") and friends
			return nil
		}
		call = c
		// strings.CutPrefix(h, "Bearer "): ok false means no prefix
		if isFunc(info, c, "strings", "CutPrefix") || isFunc(info, c, "strings", "TrimPrefix") || isFunc(info, c, "strings", "TrimSpace") {
			if sig := m.checkedDepth(c.Args[0], depth+1); sig != nil {
				return sig
			}
			return nil
		}
	default:
		return nil
	}
	src := m.credentialRead(call)
	if src == nil {
		return nil
	}
	what := src.What
	switch {
	case src.check != "" && src.check != what:
		what = "the credential check " + src.check + " (" + what + ") failed"
	case src.check != "":
		what = "the credential check " + what + " failed"
	case what == "Basic credentials":
		what = "no Basic credentials"
	case strings.HasSuffix(what, "header"):
		what = "the " + what + " is missing or malformed"
	case what == "session cookie":
		what = "no session cookie"
	case what == "gRPC metadata":
		what = "no gRPC metadata"
	}
	return &Signal{What: what, Class: src.Class, Pos: call.Pos()}
}

// argClass: the class of what a constant-time compare compares.
func (m *model) argClass(c *ast.CallExpr) chain.Class {
	for _, a := range c.Args {
		if call, ok := ast.Unparen(a).(*ast.CallExpr); ok && len(call.Args) == 1 {
			if sig := m.checked(call.Args[0]); sig != nil {
				return sig.Class
			}
		}
		if sig := m.checked(a); sig != nil {
			return sig.Class
		}
	}
	return chain.Unknown
}

var sentinelName = regexp.MustCompile(`(?i)^err.*(unauthenticated|notauthenticated|unauthori[sz]ed|invalidtoken|tokeninvalid|badtoken|expiredtoken|tokenexpired|notoken|missingtoken|tokenmissing|nocredential|missingcredential|invalidcredential|badcredential|noauth|missingauth|authrequired|invalidsignature|invalidapikey|invalidkey|nokey|missingkey)`)

// sentinel: an error value that means missing or bad credentials, named so
// or listed in -unauthenticated-errors.
func (m *model) sentinel(e ast.Expr) *Signal {
	info := m.pass.TypesInfo
	var id *ast.Ident
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	default:
		return nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || !isError(v.Type()) {
		return nil
	}
	if sentinelName.MatchString(v.Name()) || config.In(m.cfg.UnauthenticatedErrors, v) {
		return &Signal{What: "the error is " + v.Name(), Class: chain.Unknown, Pos: e.Pos()}
	}
	return nil
}

func isNil(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && id.Name == "nil"
}

func isError(t types.Type) bool {
	return t != nil && types.Implements(t, types.Universe.Lookup("error").Type().Underlying().(*types.Interface))
}

func isEmptyString(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.String && constant.StringVal(tv.Value) == ""
}

func isZero(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return false
	}
	v, ok := constant.Int64Val(tv.Value)
	return ok && v == 0
}

func isBuiltin(info *types.Info, c *ast.CallExpr, name string) bool {
	id, ok := ast.Unparen(c.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name && len(c.Args) == 1
}

func isFunc(info *types.Info, c *ast.CallExpr, pkg, name string) bool {
	fn, ok := typeutil.Callee(info, c).(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg().Path() == pkg && fn.Name() == name
}

// Sentinel reports whether e is an unauthenticated error value (for the
// keys of error-to-status tables).
func (r *Result) Sentinel(pass *analysis.Pass, cfg *config.Config, e ast.Expr) *Signal {
	m := &model{pass: pass, cfg: cfg}
	return m.sentinel(e)
}
