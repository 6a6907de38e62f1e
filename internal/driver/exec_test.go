package driver

import (
	"fmt"
	"go/types"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// loadSyntax loads a module's packages with syntax, as the checker needs
// them, dependencies included.
func loadSyntax(t *testing.T, dir string) []*packages.Package {
	t.Helper()
	t.Chdir(dir)
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, Tests: true}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("the module does not load")
	}
	return pkgs
}

// The executor reports what go/analysis/checker reports, facts across
// packages included, and every package's syntax is released by its end.
func TestExecutorMatchesChecker(t *testing.T) {
	dir := module(t, crossPackage)
	graph, err := checker.Analyze(rules(), loadSyntax(t, dir), nil)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, act := range graph.Roots {
		for _, d := range act.Diagnostics {
			want = append(want, fmt.Sprintf("%s %s: %s", act.Package.Fset.Position(d.Pos), act.Analyzer.Name, d.Message))
		}
	}
	slices.Sort(want)
	if len(want) == 0 {
		t.Fatal("the module has no findings: the test would prove nothing")
	}

	pkgs := loadSyntax(t, dir)
	roots, err := analyze(rules(), pkgs)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, act := range roots {
		if act.err != nil {
			t.Errorf("%s on %s: %v", act.a.Name, act.pkg.p.ID, act.err)
		}
		for _, d := range act.diags {
			got = append(got, fmt.Sprintf("%s %s: %s", act.pkg.p.Fset.Position(d.Pos), act.a.Name, d.Message))
		}
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("the executor reports\n%q\nthe checker\n%q", got, want)
	}
	for _, p := range pkgs {
		if p.Syntax != nil || p.TypesInfo != nil && p.TypesInfo.Types != nil {
			t.Errorf("%s: syntax or type information kept after its analysis", p.ID)
		}
	}
}

// chainModule has n packages, each importing the one before it, and n
// more that import nothing: the open ones and their order can be watched.
func chainModule(n int) map[string]string {
	files := make(map[string]string)
	for i := range n {
		imp := ""
		if i > 0 {
			imp = fmt.Sprintf("import _ \"example.com/x/c%d\"\n", i-1)
		}
		files[fmt.Sprintf("c%d/c.go", i)] = fmt.Sprintf("package c%d\n%s", i, imp)
		files[fmt.Sprintf("f%d/f.go", i)] = fmt.Sprintf("package f%d\n", i)
	}
	return files
}

// A package opens once the packages it imports are done, and no more than
// the limit are open at once.
func TestExecutorOpening(t *testing.T) {
	pkgs := loadSyntax(t, module(t, chainModule(6)))
	for _, limit := range []int{1, 3} {
		t.Run(fmt.Sprint(limit), func(t *testing.T) {
			var (
				mu   sync.Mutex
				done = make(map[string]bool)
			)
			probe := &analysis.Analyzer{
				Name: "probe",
				Doc:  "checks that the imports are done",
				Run: func(pass *analysis.Pass) (any, error) {
					mu.Lock()
					defer mu.Unlock()
					for _, imp := range pass.Pkg.Imports() {
						if strings.HasPrefix(imp.Path(), "example.com/") && !done[imp.Path()] {
							t.Errorf("%s runs before %s, which it imports, is done", pass.Pkg.Path(), imp.Path())
						}
					}
					done[pass.Pkg.Path()] = true
					return nil, nil
				},
			}
			e := newExecutor(limit)
			most := 0
			e.opened = func(n int) { most = max(most, n) }
			roots := e.run([]*analysis.Analyzer{probe}, pkgs)
			if len(roots) != len(pkgs) || len(done) != len(pkgs) {
				t.Errorf("%d actions, %d packages done; want %d", len(roots), len(done), len(pkgs))
			}
			if most > limit {
				t.Errorf("%d packages open at once, the limit is %d", most, limit)
			}
			if limit > 1 && most < 2 {
				t.Errorf("at most %d package open at once: independent packages should run side by side", most)
			}
		})
	}
}

// With the executor checking (analyzeChecking), a package is type-checked
// as it opens, once the packages it imports are done, so that no more
// packages hold their syntax and type information at once than may be
// open; checking them all first would hold every one.
func TestExecutorChecksAsItOpens(t *testing.T) {
	t.Chdir(module(t, chainModule(6)))
	ld, err := load([]string{"./..."}, false, "", true)
	if err != nil {
		t.Fatal(err)
	}
	need := ld.need(nil)
	loader := newLoader(ld.roots, need)
	var (
		mu      sync.Mutex
		checked = make(map[string]bool)
		done    = make(map[string]bool)
		most    int
	)
	probe := &analysis.Analyzer{
		Name:      "probe",
		Doc:       "records the packages whose analysis is done",
		FactTypes: []analysis.Fact{new(testFact)},
		Run: func(pass *analysis.Pass) (any, error) {
			if pass.TypesInfo == nil || len(pass.Files) == 0 || pass.Pkg.Scope() == nil {
				t.Errorf("%s: analysed without its syntax and types", pass.Pkg.Path())
			}
			mu.Lock()
			defer mu.Unlock()
			done[pass.Pkg.Path()] = true
			return nil, nil
		},
	}
	const limit = 2
	e := newExecutor(limit)
	e.member = need
	e.check = func(p *packages.Package) {
		mu.Lock()
		for _, imp := range p.Imports {
			if need[imp] && !done[imp.PkgPath] {
				t.Errorf("%s checked before %s, which it imports, is done", p.PkgPath, imp.PkgPath)
			}
		}
		checked[p.PkgPath] = true
		live := 0
		for path := range checked {
			if !done[path] {
				live++
			}
		}
		most = max(most, live)
		mu.Unlock()
		loader.check(p)
	}
	roots := e.run([]*analysis.Analyzer{probe}, ld.roots)
	for _, act := range roots {
		if act.err != nil {
			t.Errorf("%s: %v", act.pkg.p.ID, act.err)
		}
	}
	if len(checked) != len(ld.roots) || len(done) != len(ld.roots) {
		t.Errorf("%d packages checked, %d analysed; want %d", len(checked), len(done), len(ld.roots))
	}
	if most > limit {
		t.Errorf("%d packages held their syntax at once, the limit is %d", most, limit)
	}
	for _, p := range ld.roots {
		if p.Syntax != nil {
			t.Errorf("%s: syntax kept after its analysis", p.ID)
		}
	}
}

// An analyzer that fails on a package does not leave the packages that
// import it waiting: the run ends, and reports the failure.
func TestExecutorFailure(t *testing.T) {
	pkgs := loadSyntax(t, module(t, crossPackage))
	failing := &analysis.Analyzer{
		Name:      "failing",
		Doc:       "fails on every package of the module that imports nothing of it",
		FactTypes: []analysis.Fact{new(testFact)},
		Run: func(pass *analysis.Pass) (any, error) {
			for _, imp := range pass.Pkg.Imports() {
				if strings.HasPrefix(imp.Path(), "example.com/") {
					return nil, nil
				}
			}
			if strings.HasPrefix(pass.Pkg.Path(), "example.com/") {
				return nil, fmt.Errorf("failing on %s", pass.Pkg.Path())
			}
			return nil, nil
		},
	}
	// after needs failing's result, so it never runs where failing
	// failed; plain runs on every package, the importers included.
	after := &analysis.Analyzer{
		Name:     "after",
		Doc:      "reads failing's result",
		Requires: []*analysis.Analyzer{failing},
		Run:      func(*analysis.Pass) (any, error) { return nil, nil },
	}
	plain := &analysis.Analyzer{
		Name: "plain",
		Doc:  "does nothing",
		Run:  func(*analysis.Pass) (any, error) { return nil, nil },
	}
	finished := make(chan []*action)
	go func() {
		roots, err := analyze([]*analysis.Analyzer{after, plain}, pkgs)
		if err != nil {
			t.Error(err)
		}
		finished <- roots
	}()
	select {
	case roots := <-finished:
		failed, ran := 0, 0
		for _, act := range roots {
			switch {
			case act.err != nil:
				failed++
			case act.a == plain:
				ran++
			}
		}
		if failed == 0 || ran != len(pkgs) {
			t.Errorf("%d actions failed, plain ran on %d of %d packages", failed, ran, len(pkgs))
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the run did not end: a package waits for one whose analysis failed")
	}
}

// A panic in an analyzer is that package's error; the others are analysed.
func TestExecutorPanic(t *testing.T) {
	pkgs := loadSyntax(t, module(t, crossPackage))
	boom := &analysis.Analyzer{
		Name: "boom",
		Doc:  "panics on the package auth",
		Run: func(pass *analysis.Pass) (any, error) {
			if pass.Pkg.Name() == "auth" {
				panic("boom")
			}
			pass.Reportf(pass.Files[0].Package, "analysed")
			return nil, nil
		},
	}
	roots, err := analyze([]*analysis.Analyzer{boom}, pkgs)
	if err != nil {
		t.Fatal(err)
	}
	panicked, reported := 0, 0
	for _, act := range roots {
		if act.err != nil && strings.Contains(act.err.Error(), "panicked: boom") {
			panicked++
		}
		reported += len(act.diags)
	}
	if panicked == 0 || reported == 0 {
		t.Errorf("%d packages failed with the panic, %d reported; want both", panicked, reported)
	}
}

type testFact struct{}

func (*testFact) AFact() {}

// threeLevels: c imports b, which imports a; each declares one of every
// kind of object that can carry a fact.
var threeLevels = map[string]string{
	"a/a.go": `package a

type T struct{ F int }

func (T) M() {}

func Fn() {}

var V int

const C = 1
`,
	"b/b.go": `package b

import "example.com/x/a"

type U struct{ G a.T }

func (U) N() {}

func Gn() { a.Fn() }

var W = a.V

const D = a.C
`,
	"c/c.go": `package c

import "example.com/x/b"

func H() { b.Gn() }
`,
}

type markFact struct{ Name string }

func (*markFact) AFact() {}

// The facts a pass sees, through AllObjectFacts, AllPackageFacts and
// ImportObjectFact, are those the checker shows it.
func TestExecutorFactsMatchChecker(t *testing.T) {
	dir := module(t, threeLevels)
	probe := &analysis.Analyzer{
		Name:      "facts",
		Doc:       "marks every object of its package and reports the facts it sees",
		FactTypes: []analysis.Fact{new(markFact), new(pkgMark)},
		Run: func(pass *analysis.Pass) (any, error) {
			if !strings.HasPrefix(pass.Pkg.Path(), "example.com/") {
				return nil, nil
			}
			var objs []types.Object
			scope := pass.Pkg.Scope()
			for _, name := range scope.Names() {
				obj := scope.Lookup(name)
				objs = append(objs, obj)
				if tn, ok := obj.(*types.TypeName); ok {
					if n, ok := tn.Type().(*types.Named); ok {
						for m := range n.Methods() {
							objs = append(objs, m)
						}
						if st, ok := n.Underlying().(*types.Struct); ok {
							for f := range st.Fields() {
								objs = append(objs, f)
							}
						}
					}
				}
			}
			// What is visible before this package exports anything.
			pos := pass.Files[0].Package
			for _, f := range pass.AllObjectFacts() {
				pass.Reportf(pos, "all: %s.%s", f.Object.Pkg().Name(), f.Object.Name())
			}
			for _, f := range pass.AllPackageFacts() {
				pass.Reportf(pos, "package: %s", f.Package.Name())
			}
			for _, imp := range pass.Pkg.Imports() {
				for _, name := range imp.Scope().Names() {
					obj := imp.Scope().Lookup(name)
					if pass.ImportObjectFact(obj, new(markFact)) {
						pass.Reportf(pos, "import: %s.%s", imp.Name(), name)
					}
				}
			}
			for _, obj := range objs {
				pass.ExportObjectFact(obj, &markFact{obj.Name()})
			}
			pass.ExportPackageFact(&pkgMark{})
			return nil, nil
		},
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{probe}, loadSyntax(t, dir), nil)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, act := range graph.Roots {
		for _, d := range act.Diagnostics {
			want = append(want, act.Package.Types.Name()+" "+d.Message)
		}
	}
	roots, err := analyze([]*analysis.Analyzer{probe}, loadSyntax(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, act := range roots {
		for _, d := range act.diags {
			got = append(got, act.pkg.p.Types.Name()+" "+d.Message)
		}
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Contains(want, "c all: a.M") || !slices.Contains(want, "b import: a.Fn") {
		t.Fatalf("the checker shows c no fact on a's method, or b none on a.Fn: the module does not test the visibility rules\n%q", want)
	}
	if !slices.Equal(got, want) {
		t.Errorf("the executor shows\n%q\nthe checker\n%q", got, want)
	}
}

type pkgMark struct{}

func (*pkgMark) AFact() {}
