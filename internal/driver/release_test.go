package driver

import (
	"fmt"
	"slices"
	"testing"

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
