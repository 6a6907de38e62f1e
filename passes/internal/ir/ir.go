// Package ir is the data-flow foundation the models share: SSA form
// (golang.org/x/tools/go/ssa) of the packages that pass the knowledge gate,
// and the helpers that follow a value to where it came from — through
// temporaries, phis, conversions, closures' captured variables, method
// values, field loads and element reads.
//
// SSA is built only for packages past the gate (Gate: knowledge.Matters, or
// a package of your own that may check credentials given as text); for any
// other package the result is empty and the models take their fast path.
package ir

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/authchallenge/authchallenge/passes/internal/knowledge"
)

// Analyzer builds the SSA form of a package that passes the gate.
var Analyzer = &analysis.Analyzer{
	Name:       "authir",
	Doc:        "authir: SSA form of the packages that can answer a request (shared by the authchallenge models)",
	URL:        "https://github.com/authchallenge/authchallenge#how-it-works",
	Run:        run,
	ResultType: reflect.TypeFor[*IR](),
}

// IR is the SSA form of one package.
type IR struct {
	// Pkg is the package's SSA form; nil when the package does not pass
	// the gate (or its SSA could not be built: see Err).
	Pkg *ssa.Package
	// Funcs lists the package's source functions, literals included, in
	// source order.
	Funcs []*ssa.Function
	// Err says why a package that passed the gate has no SSA form.
	Err error

	byNode map[ast.Node]*ssa.Function
}

// Func returns the SSA function of a *ast.FuncDecl or *ast.FuncLit of the
// package (nil if none).
func (r *IR) Func(n ast.Node) *ssa.Function {
	if r == nil {
		return nil
	}
	return r.byNode[n]
}

// Release drops the SSA form once no model of the package will read it
// (drivers call it; the IR must not be used after).
func (r *IR) Release() {
	if r != nil {
		*r = IR{}
	}
}

// Gate reports whether a package is analysed: it matters (it can answer a
// request), or it is of your own modules and may check credentials handed
// to it as text (knowledge.ChecksCredentials: a token package that never
// imports net/http) or keep an identity in a request's context for others
// (knowledge.KeepsForRequest: WithPrincipal and FromContext). Fetched modules' packages that do not matter are not
// analysed; under go vet that keeps the cost of every dependency down.
func Gate(pass *analysis.Pass) bool {
	if knowledge.Matters(pass.Pkg) {
		return true
	}
	own := pass.Module == nil || pass.Module.Version == ""
	return own && (knowledge.ChecksCredentials(pass.Pkg) || knowledge.KeepsForRequest(pass.Pkg))
}

func run(pass *analysis.Pass) (any, error) {
	res := new(IR)
	if !Gate(pass) {
		return res, nil
	}
	if err := build(pass, res); err != nil {
		// A builder failure on code that type-checked is a bug in the
		// builder or in us; the models stay silent on this package rather
		// than guess, and the inventory shows why.
		*res = IR{Err: err}
	}
	return res, nil
}

func build(pass *analysis.Pass, res *IR) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("building SSA for %s: %v", pass.Pkg.Path(), r)
		}
	}()
	// Generic functions are built once, over their type parameters (a
	// chain of T read as a chain of what T's constraint is), and not
	// instantiated: an instance of an imported generic function has no
	// body to build, and building its parameters with a named type of
	// the package (slices.Contains(roles, …)) fails on what export data
	// leaves out, taking the package's whole SSA form with it.
	prog := ssa.NewProgram(pass.Fset, 0)
	prog.SetNoReturn(func(fn *types.Func) bool { return knowledge.NoReturn[knowledge.MemberOf(fn)] })
	// The builder needs, of each import, only the package-level functions
	// and variables the package uses (methods it creates on demand, and of
	// an import's code it needs nothing: imports are not built). Creating
	// an import from its export data would read every object and make a
	// function for every method of every type — net/http's, once per
	// package analysed. Each import is instead a stand-in whose
	// declarations are the objects used: bodiless functions (what the
	// builder makes of code it has no syntax for) and variables.
	used := make(map[*types.Package][]types.Object)
	seen := make(map[types.Object]bool)
	for _, obj := range pass.TypesInfo.Uses {
		switch obj.(type) {
		case *types.Func, *types.Var:
			if p := obj.Pkg(); p != nil && p != pass.Pkg && obj.Parent() == p.Scope() && !seen[obj] {
				seen[obj] = true
				used[p] = append(used[p], obj)
			}
		}
	}
	for _, p := range pass.Pkg.Imports() {
		file, info := standIn(p, used[p])
		prog.CreatePackage(p, []*ast.File{file}, info, true)
	}
	pkg := prog.CreatePackage(pass.Pkg, pass.Files, pass.TypesInfo, false)
	pkg.Build()
	res.Pkg = pkg
	res.byNode = make(map[ast.Node]*ssa.Function)
	var add func(f *ssa.Function)
	add = func(f *ssa.Function) {
		res.Funcs = append(res.Funcs, f)
		if n := f.Syntax(); n != nil {
			res.byNode[n] = f
		}
		for _, anon := range f.AnonFuncs {
			add(anon)
		}
	}
	if init := pkg.Func("init"); init != nil {
		add(init) // package-level initialisers, and the literals they hold
	}
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			if f := prog.FuncValue(obj); f != nil {
				add(f)
			}
		}
	}
	return nil
}

// standIn returns the syntax of a stand-in for package p that declares
// only objs, each identifier defined as the object itself, so that the
// SSA members the builder finds are p's own objects.
func standIn(p *types.Package, objs []types.Object) (*ast.File, *types.Info) {
	slices.SortFunc(objs, func(a, b types.Object) int { return strings.Compare(a.Name(), b.Name()) })
	file := &ast.File{Name: ast.NewIdent(p.Name())}
	info := &types.Info{Defs: make(map[*ast.Ident]types.Object, len(objs))}
	for _, obj := range objs {
		id := ast.NewIdent(obj.Name())
		info.Defs[id] = obj
		switch obj.(type) {
		case *types.Func:
			file.Decls = append(file.Decls, &ast.FuncDecl{Name: id, Type: &ast.FuncType{}})
		case *types.Var:
			file.Decls = append(file.Decls, &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{Names: []*ast.Ident{id}}}})
		}
	}
	return file, info
}
