package knowledge

import (
	"go/types"
	"runtime"
	"strings"
	"sync"
	"weak"
)

// Matters is the one gate: it reports whether a package can answer a
// request, check credentials or build a chain, so that the models analyse
// it. A package matters when it imports a package of the table, or a package
// that reaches one through the types of its API: a helper package that
// re-exports net/http's types through aliases, a company's auth module, a
// framework the table does not list. Every model decides its fast path
// here and nowhere else.
func Matters(pkg *types.Package) bool {
	if pkg == nil {
		return false
	}
	for _, imp := range pkg.Imports() {
		if reaches(imp) {
			return true
		}
	}
	return false
}

// reached memoizes reaches: a package that does not reach the table is
// walked to the bottom of its imports, and every model asks of every
// package (a tenth of a second per run on k8s.io/apiserver/... before). The
// keys are weak, and an entry goes with its package, so that a process
// that analyses many programs (gopls, golangci-lint's cache) keeps none.
var reached sync.Map // weak.Pointer[types.Package] -> bool

// reaches reports whether p is a package of the table or imports one,
// directly or not.
func reaches(p *types.Package) bool {
	key := weak.Make(p)
	if v, ok := reached.Load(key); ok {
		return v.(bool)
	}
	r := isFramework(p.Path())
	for _, imp := range p.Imports() {
		if r {
			break
		}
		r = reaches(imp) // import graphs have no cycles
	}
	if _, loaded := reached.LoadOrStore(key, r); !loaded {
		runtime.AddCleanup(p, func(k weak.Pointer[types.Package]) { reached.Delete(k) }, key)
	}
	return r
}

// IsFramework reports whether path is a package of the table or of a
// framework the table names.
func IsFramework(path string) bool { return isFramework(path) }

// Covered reports whether the table describes the package at path, or the
// framework it is part of (gin's render, echo's middleware, grpc's
// internals): analysing its code could teach the models nothing they use,
// so a driver need not analyse it for facts.
func Covered(path string) bool {
	if Described(path) {
		return true
	}
	for p := range described {
		if strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}

// isFramework reports whether path is a package of the table or a package of
// a framework the table names (gin's render, grpc's status).
func isFramework(path string) bool {
	if frameworkPaths[path] {
		return true
	}
	for p := range frameworkPaths {
		if !IsStdlib(p) && strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}

// ChecksCredentials is the gate for a package of your own that reaches no
// package of the table: it may still parse or verify credentials handed to
// it as strings (a token package: FromAuthorization(h string) (string,
// bool), Verify(tok string) (*Claims, error)), and the failure model learns
// what its functions do with them through facts. It holds when the package
// declares an exported function or method that takes a string or []byte
// and returns an error or a bool. The standard library is described by the
// table instead.
func ChecksCredentials(pkg *types.Package) bool {
	if pkg == nil || IsStdlib(pkg.Path()) {
		return false
	}
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		switch obj := scope.Lookup(name).(type) {
		case *types.Func:
			if obj.Exported() && checkSig(obj.Signature()) {
				return true
			}
		case *types.TypeName:
			named, ok := obj.Type().(*types.Named)
			if !ok || obj.IsAlias() {
				continue
			}
			for m := range named.Methods() {
				if m.Exported() && checkSig(m.Signature()) {
					return true
				}
			}
		}
	}
	return false
}

// KeepsForRequest is the gate for a package of your own that reaches no
// package of the table but keeps values in a request's context for other
// packages: it exports a setter taking a context and a value and returning
// the context (WithPrincipal(ctx, p) context.Context), whose accessor
// (FromContext(ctx)) sits beside it. The failure model follows the
// identities middleware keeps through them.
func KeepsForRequest(pkg *types.Package) bool {
	if pkg == nil || IsStdlib(pkg.Path()) {
		return false
	}
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		if fn, ok := scope.Lookup(name).(*types.Func); ok && fn.Exported() && setterSig(fn.Signature()) {
			return true
		}
	}
	return false
}

// setterSig: func(context.Context, T) context.Context.
func setterSig(sig *types.Signature) bool {
	ctx := TypeName{Pkg: "context", Name: "Context"}
	return sig.Params().Len() == 2 && sig.Results().Len() == 1 && NamedOf(sig.Params().At(0).Type()) == ctx &&
		NamedOf(sig.Results().At(0).Type()) == ctx && NamedOf(sig.Params().At(1).Type()) != ctx
}

// checkSig: a signature that can check a credential given as text.
func checkSig(sig *types.Signature) bool {
	text := false
	for v := range sig.Params().Variables() {
		if IsText(v.Type()) {
			text = true
		}
	}
	if !text {
		return false
	}
	for v := range sig.Results().Variables() {
		if b, ok := v.Type().Underlying().(*types.Basic); ok && b.Info()&types.IsBoolean != 0 {
			return true
		}
		if types.Identical(v.Type(), types.Universe.Lookup("error").Type()) {
			return true
		}
	}
	return false
}

// IsText reports a string or a []byte: what a credential handed around as
// text is.
func IsText(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Byte
	}
	return false
}

// Unread reports whether pkg is a package whose errors the models never
// judge, seen from a package of module mod: neither the standard library
// (a deadline, a closed connection) nor a package that matters or is of
// your own modules (their facts say which errors mean unauthenticated,
// and the others do not) — a fetched library that reaches no framework,
// such as a JWT library. With no module known (nogo), none is.
func Unread(pkg *types.Package, mod string) bool {
	if pkg == nil || mod == "" || IsStdlib(pkg.Path()) || Matters(pkg) {
		return false
	}
	return pkg.Path() != mod && !strings.HasPrefix(pkg.Path(), mod+"/")
}

// AnswersHTTP reports whether path is a package of a framework of the table
// that answers HTTP requests (it names handlers, writers, statuses or
// status errors), or a package under one (fiber's middleware): a function
// handed to it is called by it, and it answers with what the function
// returns. gRPC's packages and the helpers that only read credentials are
// not.
func AnswersHTTP(path string) bool {
	if httpPaths[path] {
		return true
	}
	for p := range httpPaths {
		if !IsStdlib(p) && strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}
