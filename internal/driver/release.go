package driver

import (
	"go/types"
	"runtime"
	"slices"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/packages"
)

// Releasing the results the checker keeps.
//
// The checker (go/analysis/checker) keeps every action's result until the
// whole graph has run: the SSA form of every analysed package, its
// inspector and the models' summaries stay in memory together, although
// only the analyzers of the same package read them, and only while they
// run. That doubled the peak memory of a run over the same load without
// the analysis. A releasing run analyses a copy of the analyzer graph
// whose Run counts, per package, the analyzers still to read each result,
// and releases a result once the last of them has returned.
//
// The copy is needed because the checker offers no hook between actions;
// each copy's Run hands the original analyzer a pass whose ResultOf is
// keyed by the original analyzers, so the analyzers see what they would
// see without it. The count mirrors how the checker builds its graph
// (checker.Analyze's mkAction); TestReleaseMirrorsChecker compares the two.

// releaser is a result that can drop what it holds once no analyzer will
// read it again. After Release, the result must not be used.
type releaser interface{ Release() }

// release drops what result holds, when it is of a kind known to be
// private to one package's actions: a releaser, or an inspector (the
// result of inspect.Analyzer).
func release(result any) {
	switch r := result.(type) {
	case releaser:
		r.Release()
	case *inspector.Inspector:
		if r != nil {
			*r = inspector.Inspector{}
		}
	}
}

// actionKey is one analyzer (an original) applied to one package.
type actionKey struct {
	a   *analysis.Analyzer
	pkg *types.Package
}

// releasing is the copied graph of one run.
type releasing struct {
	roots []*analysis.Analyzer                      // the copies of the analyzers asked for
	orig  map[*analysis.Analyzer]*analysis.Analyzer // copy -> original

	// cpu limits the analyzers running at once, and lets those of the
	// packages begun first go first.
	cpu *scheduler
	// open limits the packages whose analysis is under way. The checker
	// starts every action whose dependencies are done: the analyzers
	// without facts (the SSA form, the inspector) of every package are
	// ready at once, and without the limit a quarter of a 1000-package
	// module had its SSA form built, and held, while the models waited
	// for the facts of the imports.
	open *opening

	mu      sync.Mutex
	readers map[actionKey]int      // analyzers still to run that read the result
	left    map[*types.Package]int // actions still to run on the package
	pkgs    map[*types.Package]*packages.Package
}

// newReleasing copies the graph of analyzers and counts, for every action
// the checker will run on pkgs, the actions that read its result.
func newReleasing(analyzers []*analysis.Analyzer, pkgs []*packages.Package) *releasing {
	r := &releasing{
		orig:    make(map[*analysis.Analyzer]*analysis.Analyzer),
		cpu:     newScheduler(runtime.GOMAXPROCS(0)),
		open:    newOpening(openPackages()),
		readers: make(map[actionKey]int),
		left:    make(map[*types.Package]int),
		pkgs:    make(map[*types.Package]*packages.Package),
	}
	copies := make(map[*analysis.Analyzer]*analysis.Analyzer)
	var cp func(a *analysis.Analyzer) *analysis.Analyzer
	cp = func(a *analysis.Analyzer) *analysis.Analyzer {
		if c, ok := copies[a]; ok {
			return c
		}
		c := new(analysis.Analyzer)
		*c = *a
		copies[a] = c
		r.orig[c] = a
		c.Requires = make([]*analysis.Analyzer, len(a.Requires))
		for i, req := range a.Requires {
			c.Requires[i] = cp(req)
		}
		c.Run = func(pass *analysis.Pass) (any, error) { return r.run(a, pass) }
		return c
	}
	for _, a := range analyzers {
		r.roots = append(r.roots, cp(a))
	}
	actions, readers := countReaders(analyzers, pkgs)
	for k, n := range readers {
		r.readers[k] = n
	}
	for k := range actions {
		r.left[k.pkg]++
	}
	// Packages go in dependency order (the imports first): a package
	// whose turn comes has the facts of its imports, so its models run
	// right after its SSA form is built.
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		r.pkgs[p.Types] = p
		r.cpu.rank(p.Types)
		if r.left[p.Types] > 0 { // a package with actions to run
			r.open.add(p.Types, r.cpu.order[p.Types])
		}
	})
	return r
}

// openPackages is how many packages may be under way at once: enough that
// every CPU finds an action to run while the actions of a package wait for
// one another, few enough that only their results are held.
func openPackages() int { return 2 * runtime.GOMAXPROCS(0) }

// countReaders returns the actions of the graph the checker builds for
// analyzers on pkgs and, for each, the number of actions that read its
// result: an action reads the results of the analyzers its analyzer
// requires, on the same package. An analyzer with facts runs on every
// import too.
func countReaders(analyzers []*analysis.Analyzer, pkgs []*packages.Package) (map[actionKey]bool, map[actionKey]int) {
	seen := make(map[actionKey]bool)
	readers := make(map[actionKey]int)
	var mk func(a *analysis.Analyzer, p *packages.Package)
	mk = func(a *analysis.Analyzer, p *packages.Package) {
		k := actionKey{a, p.Types}
		if seen[k] {
			return
		}
		seen[k] = true
		for _, req := range a.Requires {
			mk(req, p)
			readers[actionKey{req, p.Types}]++
		}
		if len(a.FactTypes) > 0 {
			for _, imp := range p.Imports {
				mk(a, imp)
			}
		}
	}
	for _, a := range analyzers {
		for _, p := range pkgs {
			mk(a, p)
		}
	}
	return seen, readers
}

// run runs the original analyzer a on the pass the checker made for its
// copy, then releases the results a read that no other analyzer will.
func (r *releasing) run(a *analysis.Analyzer, pass *analysis.Pass) (any, error) {
	inner := *pass
	inner.Analyzer = a
	inner.ResultOf = make(map[*analysis.Analyzer]any, len(pass.ResultOf))
	for c, res := range pass.ResultOf {
		inner.ResultOf[r.orig[c]] = res
	}
	r.enter(pass.Pkg)
	result, err := func() (any, error) {
		r.cpu.acquire(pass.Pkg)
		defer r.cpu.release()
		return a.Run(&inner)
	}()

	var done []any
	r.mu.Lock()
	for _, req := range a.Requires {
		k := actionKey{req, pass.Pkg}
		if n, ok := r.readers[k]; ok {
			if n--; n > 0 {
				r.readers[k] = n
				continue
			}
			delete(r.readers, k)
			done = append(done, inner.ResultOf[req])
		}
	}
	var finished *packages.Package
	if n, ok := r.left[pass.Pkg]; ok {
		if n--; n > 0 {
			r.left[pass.Pkg] = n
		} else {
			delete(r.left, pass.Pkg)
			finished = r.pkgs[pass.Pkg]
		}
	}
	r.mu.Unlock()
	for _, res := range done {
		release(res)
	}
	switch {
	case finished != nil:
		releaseSyntax(finished)
		r.open.leave(pass.Pkg)
	case err != nil:
		// The actions that need this result will not run: the package
		// is done, as far as the packages importing it are concerned.
		r.open.leave(pass.Pkg)
	}
	return result, err
}

// enter waits until the package is open: every analysed package it
// imports is done (their facts are complete, so none of its actions will
// wait for another package's), and it is its turn among those ready.
func (r *releasing) enter(pkg *types.Package) {
	if p := r.pkgs[pkg]; p != nil {
		for _, imp := range p.Imports {
			r.open.wait(imp.Types)
		}
	}
	r.open.enter(pkg)
}

// releaseSyntax drops the syntax trees and the type information of a
// package whose every action has run: no analyzer will read them again
// (its dependents see its types and facts only), and the driver needs the
// file set and the file names alone. The checker's passes share the
// slice and the *types.Info, so they are cleared in place.
func releaseSyntax(p *packages.Package) {
	for i := range p.Syntax {
		p.Syntax[i] = nil
	}
	p.Syntax = nil
	if p.TypesInfo != nil {
		*p.TypesInfo = types.Info{}
	}
}

// original returns the analyzer a copy stands for (a itself if it is not
// a copy).
func (r *releasing) original(a *analysis.Analyzer) *analysis.Analyzer {
	if o, ok := r.orig[a]; ok {
		return o
	}
	return a
}

// scheduler lets n analyzers run at once; a waiting analyzer of the package
// with the earliest turn goes first, so that a package's models run, and
// release its SSA form, before the next package's is built.
type scheduler struct {
	mu      sync.Mutex
	free    int
	order   map[*types.Package]int // the packages' turns: dependency order
	waiting []waiter
}

type waiter struct {
	rank int
	wake chan struct{}
}

func newScheduler(n int) *scheduler {
	return &scheduler{free: max(n, 1), order: make(map[*types.Package]int)}
}

func (g *scheduler) acquire(pkg *types.Package) {
	g.mu.Lock()
	rank := g.rank(pkg)
	if g.free > 0 {
		g.free--
		g.mu.Unlock()
		return
	}
	w := waiter{rank, make(chan struct{})}
	g.waiting = append(g.waiting, w)
	g.mu.Unlock()
	<-w.wake
}

// rank returns the package's turn, giving it the next one if it has none
// (call with g.mu held, or before the run).
func (g *scheduler) rank(pkg *types.Package) int {
	r, ok := g.order[pkg]
	if !ok {
		r = len(g.order)
		g.order[pkg] = r
	}
	return r
}

func (g *scheduler) release() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if len(g.waiting) == 0 {
		g.free++
		return
	}
	best := 0
	for i, w := range g.waiting {
		if w.rank < g.waiting[best].rank {
			best = i
		}
	}
	w := g.waiting[best]
	g.waiting = slices.Delete(g.waiting, best, best+1)
	close(w.wake) // the slot passes to w
}

// opening lets at most limit packages be open at once; a package waiting
// to open, whose imports are all done, opens when another is done, the
// one with the earliest turn first.
type opening struct {
	mu      sync.Mutex
	limit   int
	n       int // open now
	pkgs    map[*types.Package]*opened
	waiting []*opened
}

type opened struct {
	rank  int
	state int           // closed, open or done
	wake  chan struct{} // closed when the package opens
	done  chan struct{} // closed when the package is done
}

const (
	closed = iota
	isOpen
	isDone
)

func newOpening(limit int) *opening {
	return &opening{limit: max(limit, 1), pkgs: make(map[*types.Package]*opened)}
}

// add declares a package, with its turn, before the run.
func (o *opening) add(pkg *types.Package, rank int) {
	if o.pkgs[pkg] == nil {
		o.pkgs[pkg] = &opened{rank: rank, wake: make(chan struct{}), done: make(chan struct{})}
	}
}

// wait returns once pkg is done (at once for a package not declared).
func (o *opening) wait(pkg *types.Package) {
	if p := o.pkgs[pkg]; p != nil {
		<-p.done
	}
}

// enter returns once pkg is open (at once for a package not declared, or
// one already done: a straggling action of a package whose others failed).
func (o *opening) enter(pkg *types.Package) {
	p := o.pkgs[pkg]
	if p == nil {
		return
	}
	o.mu.Lock()
	switch {
	case p.state != closed:
		o.mu.Unlock()
		return
	case o.n < o.limit:
		o.n++
		p.state = isOpen
		close(p.wake)
		o.mu.Unlock()
		return
	}
	if !slices.Contains(o.waiting, p) {
		o.waiting = append(o.waiting, p)
	}
	o.mu.Unlock()
	<-p.wake
}

// leave marks pkg done, and opens the waiting package with the earliest
// turn in its place.
func (o *opening) leave(pkg *types.Package) {
	p := o.pkgs[pkg]
	if p == nil {
		return
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if p.state == isDone {
		return
	}
	wasOpen := p.state == isOpen
	p.state = isDone
	close(p.done)
	if !wasOpen {
		return
	}
	o.n--
	if len(o.waiting) == 0 {
		return
	}
	best := 0
	for i, w := range o.waiting {
		if w.rank < o.waiting[best].rank {
			best = i
		}
	}
	w := o.waiting[best]
	o.waiting = slices.Delete(o.waiting, best, best+1)
	o.n++
	w.state = isOpen
	close(w.wake)
}
