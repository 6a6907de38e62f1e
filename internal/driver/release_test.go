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

// The counts of a releasing run are those of the graph the checker builds:
// an action it would not count keeps its result (harmless), but one it
// counted that the checker does not run would release a result too early.
func TestReleaseMirrorsChecker(t *testing.T) {
	pkgs := loadSyntax(t, module(t, crossPackage))
	rs := rules()
	graph, err := checker.Analyze(rs, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := make(map[actionKey]int) // action -> actions reading its result
	seen := make(map[*checker.Action]bool)
	for act := range graph.All() {
		k := actionKey{act.Analyzer, act.Package.Types}
		if _, ok := want[k]; !ok {
			want[k] = 0
		}
		if seen[act] {
			continue
		}
		seen[act] = true
		for _, dep := range act.Deps {
			if dep.Package == act.Package {
				want[actionKey{dep.Analyzer, dep.Package.Types}]++
			}
		}
	}
	actions, readers := countReaders(rs, pkgs)
	if len(actions) != len(want) {
		t.Errorf("countReaders found %d actions, the checker ran %d", len(actions), len(want))
	}
	for k, n := range want {
		if !actions[k] {
			t.Errorf("countReaders misses %s on %s", k.a.Name, k.pkg.Path())
		}
		if readers[k] != n {
			t.Errorf("%s on %s: %d readers counted, the checker has %d", k.a.Name, k.pkg.Path(), readers[k], n)
		}
	}
	if len(want) < 3*len(pkgs) {
		t.Fatalf("the graph has %d actions on %d packages: the test does not exercise the models", len(want), len(pkgs))
	}
}

// A releasing run reports what the plain checker reports, and every
// result and package is released by its end.
func TestReleasingRun(t *testing.T) {
	dir := module(t, crossPackage)
	plain, err := checker.Analyze(rules(), loadSyntax(t, dir), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := diagnostics(plain, func(a *analysis.Analyzer) *analysis.Analyzer { return a })
	if len(want) == 0 {
		t.Fatal("the module has no findings: the test would prove nothing")
	}

	pkgs := loadSyntax(t, dir)
	rel := newReleasing(rules(), pkgs)
	graph, err := checker.Analyze(rel.roots, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := diagnostics(graph, rel.original); !slices.Equal(got, want) {
		t.Errorf("releasing run reports\n%q\nthe checker alone\n%q", got, want)
	}
	if len(rel.readers) != 0 || len(rel.left) != 0 {
		t.Errorf("after the run, %d results and %d packages are not released", len(rel.readers), len(rel.left))
	}
	for _, p := range pkgs {
		if p.Syntax != nil || p.TypesInfo != nil && p.TypesInfo.Types != nil {
			t.Errorf("%s: syntax or type information kept after its analysis", p.ID)
		}
	}
}

// diagnostics lists a graph's root diagnostics as text, the analyzer
// named as original says.
func diagnostics(g *checker.Graph, original func(*analysis.Analyzer) *analysis.Analyzer) []string {
	var out []string
	for _, act := range g.Roots {
		for _, d := range act.Diagnostics {
			out = append(out, fmt.Sprintf("%s %s: %s", act.Package.Fset.Position(d.Pos), original(act.Analyzer).Name, d.Message))
		}
	}
	slices.Sort(out)
	return out
}

// At most the limit of packages are open at once, and a waiting package
// opens in its turn.
func TestOpeningLimit(t *testing.T) {
	for _, limit := range []int{1, 3} {
		t.Run(fmt.Sprint(limit), func(t *testing.T) { testOpening(t, limit) })
	}
}

func testOpening(t *testing.T, limit int) {
	const n = 12
	o := newOpening(limit)
	pkgs := make([]*types.Package, n)
	for i := range pkgs {
		pkgs[i] = types.NewPackage(fmt.Sprintf("p%d", i), "p")
		o.add(pkgs[i], i)
	}
	var (
		mu      sync.Mutex
		open    int
		maxOpen int
		order   []int
	)
	// The first limit packages open at once; the others wait, and open
	// as those leave, in their turn (here the reverse of the order they
	// asked in).
	for i := range limit {
		o.enter(pkgs[i])
	}
	open = limit
	var wg sync.WaitGroup
	for i := n - 1; i >= limit; i-- {
		wg.Add(1)
		go func() {
			defer wg.Done()
			o.enter(pkgs[i])
			mu.Lock()
			open++
			maxOpen = max(maxOpen, open)
			order = append(order, i)
			open--
			mu.Unlock()
			o.leave(pkgs[i])
		}()
		// Wait until it waits, so that all have asked before any opens.
		for deadline := time.Now().Add(10 * time.Second); ; {
			if time.Now().After(deadline) {
				t.Fatalf("p%d does not wait to open", i)
			}
			o.mu.Lock()
			k := len(o.waiting)
			o.mu.Unlock()
			if k == n-i {
				break
			}
			time.Sleep(time.Millisecond)
		}
	}
	for i := range limit {
		mu.Lock()
		open--
		mu.Unlock()
		o.leave(pkgs[i])
	}
	wg.Wait()
	if maxOpen > limit {
		t.Errorf("%d packages open at once, the limit is %d", maxOpen, limit)
	}
	if len(order) != n-limit || limit == 1 && !slices.IsSorted(order) {
		t.Errorf("packages opened in the order %v, want each once, in their turns", order)
	}
	for _, p := range pkgs {
		select {
		case <-o.pkgs[p].done:
		default:
			t.Errorf("%s is not done", p.Path())
		}
	}
}

// An analyzer that fails on a package does not leave the packages that
// import it waiting: the run ends, and reports the failure.
func TestReleasingFailure(t *testing.T) {
	dir := module(t, crossPackage)
	pkgs := loadSyntax(t, dir)
	failing := &analysis.Analyzer{
		Name:      "failing",
		Doc:       "fails on every package that imports nothing of the module",
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
	// failed; plain runs on every package, the importers included, and
	// waits for their imports to be done.
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
	rel := newReleasing([]*analysis.Analyzer{after, plain}, pkgs)
	done := make(chan *checker.Graph)
	go func() {
		graph, err := checker.Analyze(rel.roots, pkgs, nil)
		if err != nil {
			t.Error(err)
		}
		done <- graph
	}()
	select {
	case graph := <-done:
		failed := 0
		for _, act := range graph.Roots {
			if act.Err != nil {
				failed++
			}
		}
		if failed == 0 {
			t.Error("no action failed: the test proves nothing")
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the run did not end: a package waits for one whose analysis failed")
	}
}

type testFact struct{}

func (*testFact) AFact() {}
