package driver

import (
	"fmt"
	"go/types"
	"maps"
	"os"
	"reflect"
	"runtime"
	"runtime/debug"
	"slices"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// The executor runs the analyzers on the packages, as go/analysis/checker
// does and with the same facts (see visible), but built for runs of
// thousands of packages:
//
//   - A fixed pool of workers, one per CPU, takes the actions that are
//     ready. The checker starts a goroutine for every edge of the graph,
//     each waiting for its dependencies: 35,000 goroutines and 90 MB of
//     stacks on a module of 1000 packages, every stack scanned at every
//     collection.
//   - A package opens once every analysed package it imports is done, and
//     at most two packages per CPU are open at once (the first in
//     dependency order first). The checker starts every action whose
//     dependencies are done: the analyzers without facts of every package
//     (the SSA form, the inspector) are ready at the start, and a quarter
//     of the SSA forms of that module were held at once while the models
//     waited for the facts of the imports.
//   - A package is type-checked as it opens (analyzeChecking), not all
//     before the analysis starts: only the open packages hold their syntax
//     and type information. Checking all first held 260 MB of them on that
//     module while the analysis started, and every collection scanned it.
//   - A result is released once the last analyzer that reads it has run,
//     and a package's syntax and type information once all its actions
//     have (the checker keeps them all until the end).
//   - Facts stay with the action that exported them; a pass reads those
//     of its imports' actions, not a copy of every fact below it made for
//     every action.
type executor struct {
	mu      sync.Mutex
	wake    *sync.Cond
	ready   []*action // runnable: every dependency done, package open
	waiting []*pkgRun // every import done, waiting for a place to open
	open    int       // packages open
	limit   int       // packages open at most
	left    int       // actions not done

	// opened, when set, is told how many packages are open each time
	// one opens (tests).
	opened func(open int)

	byTypes map[*types.Package]*pkgRun // read-only once the run starts

	// check, when set, type-checks a package from source as it opens:
	// its syntax and type information live from then until its last
	// action is done, rather than all at once (see analyzeChecking).
	// member then says which imports belong to the run.
	check  func(p *packages.Package)
	member map[*packages.Package]bool
}

// pkgRun is one package of the run.
type pkgRun struct {
	e           *executor
	p           *packages.Package
	byA         map[*analysis.Analyzer]*action
	rank        int // dependency order: imports first
	actions     []*action
	left        int       // actions not done
	imports     int       // analysed imports not done
	importers   []*pkgRun // the packages of the run that import it
	state       int       // closed, isOpen or isDone
	closure     []*pkgRun // every analysed package it imports, directly or not (computed once asked)
	closureOnce sync.Once
	checkAct    *action // with executor.check: the type-checking every action waits for
}

const (
	closed = iota
	isOpen
	isDone
)

// action is one analyzer applied to one package.
type action struct {
	a       *analysis.Analyzer
	pkg     *pkgRun
	deps    []*action // the analyzers it requires on pkg; with facts, a on every import
	next    []*action // the actions that wait for it
	waits   int       // dependencies not done
	readers int       // actions of pkg still to read its result
	root    bool      // a on a named package: its diagnostics are reported
	check   bool      // not an analyzer: the type-checking of pkg (a is nil)

	result any
	err    error
	diags  []analysis.Diagnostic

	// The facts it exported, read by the same analyzer on the
	// packages that import this one once it is done; of its object
	// facts, those its direct importers see (exported) and those that
	// reach further up (carried), listed once it is done.
	objFacts map[objectKey]analysis.Fact
	pkgFacts map[reflect.Type]analysis.Fact
	exported []analysis.ObjectFact
	carried  []analysis.ObjectFact
}

type actionKey struct {
	a *analysis.Analyzer
	p *packages.Package
}

type objectKey struct {
	obj types.Object
	t   reflect.Type
}

// analyze runs analyzers on the named packages roots (and, those with
// facts, on the packages they import) and returns the actions of analyzers
// on roots, in order.
func analyze(analyzers []*analysis.Analyzer, roots []*packages.Package) ([]*action, error) {
	if err := analysis.Validate(analyzers); err != nil {
		return nil, err
	}
	return newExecutor(2*runtime.GOMAXPROCS(0)).run(analyzers, roots), nil
}

// analyzeChecking is analyze for packages not yet type-checked: check
// parses and type-checks one (its imports in member are checked and
// analysed before it), and imports outside member are not analysed. Each
// package is checked as it opens, so only the open packages' syntax and
// type information are alive at once: checking every package first held
// them all while the analysis started (on a module of 1000 packages, a
// live heap of 260 MB that every collection of the analysis scanned).
func analyzeChecking(analyzers []*analysis.Analyzer, roots []*packages.Package, member map[*packages.Package]bool, check func(*packages.Package)) ([]*action, error) {
	if err := analysis.Validate(analyzers); err != nil {
		return nil, err
	}
	e := newExecutor(2 * runtime.GOMAXPROCS(0))
	e.check, e.member = check, member
	return e.run(analyzers, roots), nil
}

func newExecutor(limit int) *executor {
	e := &executor{limit: max(limit, 1), byTypes: make(map[*types.Package]*pkgRun)}
	e.wake = sync.NewCond(&e.mu)
	return e
}

func (e *executor) run(analyzers []*analysis.Analyzer, roots []*packages.Package) []*action {
	pkgs := make(map[*packages.Package]*pkgRun)
	actions := make(map[actionKey]*action)
	var all []*action
	pkgOf := func(p *packages.Package) *pkgRun {
		pr := pkgs[p]
		if pr == nil {
			pr = &pkgRun{e: e, p: p, byA: make(map[*analysis.Analyzer]*action)}
			pkgs[p] = pr
			e.byTypes[p.Types] = pr
		}
		return pr
	}
	var mk func(a *analysis.Analyzer, p *packages.Package) *action
	mk = func(a *analysis.Analyzer, p *packages.Package) *action {
		k := actionKey{a, p}
		if act := actions[k]; act != nil {
			return act
		}
		pr := pkgOf(p)
		act := &action{a: a, pkg: pr}
		actions[k] = act
		pr.byA[a] = act
		for _, req := range a.Requires {
			dep := mk(req, p)
			dep.readers++
			act.deps = append(act.deps, dep)
		}
		if len(a.FactTypes) > 0 {
			act.objFacts = make(map[objectKey]analysis.Fact)
			act.pkgFacts = make(map[reflect.Type]analysis.Fact)
			for _, imp := range sortedImports(p) {
				if e.member == nil || e.member[imp] {
					act.deps = append(act.deps, mk(a, imp))
				}
			}
		}
		pr.actions = append(pr.actions, act)
		all = append(all, act)
		return act
	}
	var out []*action
	for _, a := range analyzers {
		for _, p := range roots {
			act := mk(a, p)
			act.root = true
			out = append(out, act)
		}
	}
	for _, act := range all {
		act.waits = len(act.deps)
		for _, dep := range act.deps {
			dep.next = append(dep.next, act)
		}
	}
	if e.check != nil {
		// Every import of the run is checked before its importers,
		// whether an analyzer runs on it or not (without facts, a
		// named package that another imports).
		var checkImports func(p *packages.Package)
		checkImports = func(p *packages.Package) {
			for _, imp := range p.Imports {
				if e.member[imp] && pkgs[imp] == nil {
					pkgOf(imp)
					checkImports(imp)
				}
			}
		}
		for _, pr := range slices.Collect(maps.Values(pkgs)) {
			checkImports(pr.p)
		}
		for _, pr := range pkgs {
			pr.checkAct = &action{pkg: pr, check: true, next: slices.Clone(pr.actions)}
			for _, act := range pr.actions {
				act.waits++
			}
			all = append(all, pr.checkAct)
		}
	}
	// Ranks, importers and the count of imports to wait for.
	rank := 0
	packages.Visit(roots, nil, func(p *packages.Package) {
		pr := pkgs[p]
		if pr == nil {
			return
		}
		pr.rank = rank
		rank++
		for _, imp := range p.Imports {
			if ir := pkgs[imp]; ir != nil {
				pr.imports++
				ir.importers = append(ir.importers, pr)
			}
		}
	})
	e.left = len(all)
	e.mu.Lock()
	for _, pr := range pkgs {
		pr.left = len(pr.actions)
		if pr.imports == 0 {
			e.waiting = append(e.waiting, pr)
		}
	}
	e.openWaiting()
	e.mu.Unlock()

	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			e.work()
		}()
	}
	wg.Wait()
	return out
}

// sortedImports lists p's imports by path, so that a run is the same run
// every time.
func sortedImports(p *packages.Package) []*packages.Package {
	out := make([]*packages.Package, 0, len(p.Imports))
	for _, imp := range p.Imports {
		out = append(out, imp)
	}
	slices.SortFunc(out, func(a, b *packages.Package) int {
		switch {
		case a.ID < b.ID:
			return -1
		case a.ID > b.ID:
			return 1
		}
		return 0
	})
	return out
}

// work runs ready actions until every action is done.
func (e *executor) work() {
	e.mu.Lock()
	defer e.mu.Unlock()
	for {
		for len(e.ready) == 0 && e.left > 0 {
			e.wake.Wait()
		}
		if e.left == 0 {
			return
		}
		best := 0
		for i, act := range e.ready {
			if act.pkg.rank < e.ready[best].pkg.rank {
				best = i
			}
		}
		act := e.ready[best]
		e.ready = slices.Delete(e.ready, best, best+1)
		e.mu.Unlock()
		act.exec()
		e.mu.Lock()
		e.finish(act)
	}
}

// finish records that act is done (with e.mu held): it wakes the actions
// waiting for it, releases the results no one will read, and closes the
// package when it was its last action.
func (e *executor) finish(act *action) {
	e.left--
	for _, n := range act.next {
		if n.waits--; n.waits == 0 && n.pkg.state == isOpen {
			e.ready = append(e.ready, n)
		}
	}
	pr := act.pkg
	if act.check {
		if len(pr.actions) == 0 {
			e.done(pr)
		}
		e.wake.Broadcast()
		return
	}
	for _, dep := range act.deps {
		if dep.pkg != act.pkg {
			continue
		}
		if dep.readers--; dep.readers == 0 {
			release(dep.result)
			dep.result = nil
		}
	}
	if act.readers == 0 {
		release(act.result)
		act.result = nil
	}
	if pr.left--; pr.left == 0 {
		e.done(pr)
	}
	e.wake.Broadcast()
}

// done closes pr, whose every action is done (with e.mu held), and opens
// the packages that were waiting for it.
func (e *executor) done(pr *pkgRun) {
	pr.state = isDone
	e.open--
	releaseSyntax(pr.p)
	for _, imp := range pr.importers {
		if imp.imports--; imp.imports == 0 {
			e.waiting = append(e.waiting, imp)
		}
	}
	e.openWaiting()
}

// openWaiting opens waiting packages, the first in dependency order first,
// while there is room (with e.mu held).
func (e *executor) openWaiting() {
	for e.open < e.limit && len(e.waiting) > 0 {
		best := 0
		for i, pr := range e.waiting {
			if pr.rank < e.waiting[best].rank {
				best = i
			}
		}
		pr := e.waiting[best]
		e.waiting = slices.Delete(e.waiting, best, best+1)
		pr.state = isOpen
		e.open++
		if e.opened != nil {
			e.opened(e.open)
		}
		if pr.checkAct != nil {
			e.ready = append(e.ready, pr.checkAct)
			continue
		}
		for _, act := range pr.actions {
			if act.waits == 0 {
				e.ready = append(e.ready, act)
			}
		}
	}
}

// exec runs the action's analyzer, unless a dependency failed.
func (act *action) exec() {
	if act.check {
		act.pkg.e.check(act.pkg.p)
		return
	}
	var failed []string
	for _, dep := range act.deps {
		if dep.err != nil {
			failed = append(failed, dep.a.Name+"@"+dep.pkg.p.ID)
		}
	}
	if failed != nil {
		slices.Sort(failed)
		act.err = fmt.Errorf("failed prerequisites: %v", failed)
		return
	}
	p := act.pkg.p
	if p.IllTyped && !act.a.RunDespiteErrors {
		act.err = fmt.Errorf("analysis skipped due to errors in package")
		return
	}
	inputs := make(map[*analysis.Analyzer]any, len(act.a.Requires))
	for _, dep := range act.deps {
		if dep.pkg == act.pkg {
			inputs[dep.a] = dep.result
		}
	}
	module := &analysis.Module{} // never nil, as in the checker
	if m := p.Module; m != nil {
		module = &analysis.Module{Path: m.Path, Version: m.Version, GoVersion: m.GoVersion, Main: m.Main, Dir: m.Dir, GoMod: m.GoMod}
	}
	pass := &analysis.Pass{
		Analyzer:          act.a,
		Fset:              p.Fset,
		Files:             p.Syntax,
		OtherFiles:        p.OtherFiles,
		IgnoredFiles:      p.IgnoredFiles,
		Pkg:               p.Types,
		TypesInfo:         p.TypesInfo,
		TypesSizes:        p.TypesSizes,
		TypeErrors:        p.TypeErrors,
		Module:            module,
		ResultOf:          inputs,
		Report:            func(d analysis.Diagnostic) { act.diags = append(act.diags, d) },
		ReadFile:          readPackageFile(p),
		ImportObjectFact:  act.importObjectFact,
		ExportObjectFact:  act.exportObjectFact,
		ImportPackageFact: act.importPackageFact,
		ExportPackageFact: act.exportPackageFact,
		AllObjectFacts:    act.allObjectFacts,
		AllPackageFacts:   act.allPackageFacts,
	}
	act.result, act.err = act.runPass(pass)
	pass.ExportObjectFact = nil
	pass.ExportPackageFact = nil
	for k, f := range act.objFacts {
		of := analysis.ObjectFact{Object: k.obj, Fact: f}
		if visible(k.obj, act.pkg.p.Types, true) {
			act.exported = append(act.exported, of)
		}
		if visible(k.obj, act.pkg.p.Types, false) {
			act.carried = append(act.carried, of)
		}
	}
}

// runPass runs the analyzer; a panic is the analysis's error on this
// package, not the end of the run.
func (act *action) runPass(pass *analysis.Pass) (result any, err error) {
	defer func() {
		if r := recover(); r != nil {
			result, err = nil, fmt.Errorf("internal error: %s panicked: %v\n%s", act.a.Name, r, debug.Stack())
		}
	}()
	result, err = act.a.Run(pass)
	if err == nil {
		if got, want := reflect.TypeOf(result), act.a.ResultType; got != want {
			return nil, fmt.Errorf("internal error: %s returned a result of type %v, not %v", act.a.Name, got, want)
		}
	}
	return result, err
}

// readPackageFile reads only the package's own files, as the checker's
// passes may.
func readPackageFile(p *packages.Package) func(string) ([]byte, error) {
	return func(name string) ([]byte, error) {
		if slices.Contains(p.CompiledGoFiles, name) || slices.Contains(p.GoFiles, name) ||
			slices.Contains(p.OtherFiles, name) || slices.Contains(p.IgnoredFiles, name) {
			return os.ReadFile(name)
		}
		return nil, fmt.Errorf("Pass.ReadFile: %s is not among the package's files", name)
	}
}

// Facts.
//
// A pass sees the facts of its own package and those of the packages its
// package imports, directly or not, with what go/analysis/checker passes
// on from one package to its importers (visible).

func (act *action) importObjectFact(obj types.Object, fact analysis.Fact) bool {
	if obj == nil {
		panic("nil object")
	}
	from := act
	if obj.Pkg() != act.pkg.p.Types {
		from = act.other(obj.Pkg())
		if from == nil || !visible(obj, from.pkg.p.Types, slices.Contains(act.deps, from)) {
			return false
		}
	}
	f, ok := from.objFacts[objectKey{obj, reflect.TypeOf(fact)}]
	if ok {
		reflect.ValueOf(fact).Elem().Set(reflect.ValueOf(f).Elem())
	}
	return ok
}

func (act *action) exportObjectFact(obj types.Object, fact analysis.Fact) {
	if obj.Pkg() != act.pkg.p.Types {
		panic(fmt.Sprintf("%s on %s: cannot export a fact on %s, an object of another package", act.a.Name, act.pkg.p.ID, obj))
	}
	act.objFacts[objectKey{obj, reflect.TypeOf(fact)}] = fact
}

func (act *action) importPackageFact(pkg *types.Package, fact analysis.Fact) bool {
	if pkg == nil {
		panic("nil package")
	}
	from := act
	if pkg != act.pkg.p.Types {
		from = act.other(pkg)
		if from == nil {
			return false
		}
	}
	f, ok := from.pkgFacts[reflect.TypeOf(fact)]
	if ok {
		reflect.ValueOf(fact).Elem().Set(reflect.ValueOf(f).Elem())
	}
	return ok
}

func (act *action) exportPackageFact(fact analysis.Fact) {
	act.pkgFacts[reflect.TypeOf(fact)] = fact
}

func (act *action) allObjectFacts() []analysis.ObjectFact {
	var out []analysis.ObjectFact
	for k, f := range act.objFacts {
		out = append(out, analysis.ObjectFact{Object: k.obj, Fact: f})
	}
	for _, from := range act.factSources()[1:] {
		if slices.Contains(act.deps, from) {
			out = append(out, from.exported...)
		} else {
			out = append(out, from.carried...)
		}
	}
	return out
}

func (act *action) allPackageFacts() []analysis.PackageFact {
	var out []analysis.PackageFact
	for _, from := range act.factSources() {
		for _, f := range from.pkgFacts {
			out = append(out, analysis.PackageFact{Package: from.pkg.p.Types, Fact: f})
		}
	}
	return out
}

// factSources returns act and the actions of its analyzer on every package
// its package imports, directly or not.
func (act *action) factSources() []*action {
	out := []*action{act}
	for _, pr := range act.pkg.importClosure() {
		if from := pr.byA[act.a]; from != nil {
			out = append(out, from)
		}
	}
	return out
}

// other returns the action of act's analyzer on pkg, a package act's
// package imports (directly or not: no other can be named by its types),
// or nil if there is none.
func (act *action) other(pkg *types.Package) *action {
	if pr := act.pkg.e.byTypes[pkg]; pr != nil {
		return pr.byA[act.a]
	}
	return nil
}

// importClosure returns the packages of the run that pr imports, directly
// or not, in dependency order.
func (pr *pkgRun) importClosure() []*pkgRun {
	pr.closureOnce.Do(func() {
		seen := make(map[*pkgRun]bool)
		var visit func(q *pkgRun)
		visit = func(q *pkgRun) {
			for _, act := range q.actions {
				for _, dep := range act.deps {
					if d := dep.pkg; d != q && !seen[d] {
						seen[d] = true
						visit(d)
						pr.closure = append(pr.closure, d)
					}
				}
			}
		}
		visit(pr)
	})
	return pr.closure
}

// visible reports whether a fact on obj, exported by the analysis of pkg,
// reaches a package that imports pkg, directly or (direct false) through
// other packages. The checker passes facts on from a package to its
// importers, filtering them at every import by the package they come
// from: the importers of pkg see the facts on what it exports, those
// further up only the facts on methods, fields, types and constants.
func visible(obj types.Object, pkg *types.Package, direct bool) bool {
	switch obj := obj.(type) {
	case *types.Func:
		if obj.Signature().Recv() != nil {
			return true
		}
		return direct && obj.Exported() && obj.Pkg() == pkg
	case *types.Var:
		if obj.IsField() {
			return true
		}
		return direct && obj.Pkg() == pkg
	case *types.TypeName, *types.Const:
		return true
	}
	return false
}
