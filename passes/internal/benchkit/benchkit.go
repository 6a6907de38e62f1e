// Package benchkit runs the Go benchmarks (testing.B) of the passes: one
// analyzer's Run, on the synthetic module of bench/synthgen loaded once per
// process with go/packages (the standalone driver's loader).
//
// Bench times the analyzer alone. The analyzers it requires run once per
// package beforehand, in dependency order, with facts flowing between
// packages through maps, and their results are handed to every timed run.
// Each *analysis.Pass is built by hand, with only what nogo also sets.
// Nothing here asserts on timings; a pass that fails is a fatal error.
//
//	go test -run '^$' -bench . -benchmem ./passes/...
package benchkit

import (
	"fmt"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/authchallenge/authchallenge/bench/synthgen"
)

// Packages is the size of the synthetic module: enough for every kind of
// package and a few layers of imports.
const Packages = 24

type objectKey struct {
	obj types.Object
	t   reflect.Type
}

type packageKey struct {
	pkg *types.Package
	t   reflect.Type
}

// facts holds the facts exported so far; lookups that miss fall back to
// parent (the facts of the requirements, computed once).
type facts struct {
	objects  map[objectKey]analysis.Fact
	packages map[packageKey]analysis.Fact
	parent   *facts
}

func newFacts(parent *facts) *facts {
	return &facts{
		objects:  make(map[objectKey]analysis.Fact),
		packages: make(map[packageKey]analysis.Fact),
		parent:   parent,
	}
}

func (s *facts) object(k objectKey) (analysis.Fact, bool) {
	for ; s != nil; s = s.parent {
		if f, ok := s.objects[k]; ok {
			return f, true
		}
	}
	return nil, false
}

func (s *facts) pkg(k packageKey) (analysis.Fact, bool) {
	for ; s != nil; s = s.parent {
		if f, ok := s.packages[k]; ok {
			return f, true
		}
	}
	return nil, false
}

// objectFacts and packageFacts list the facts of packages other than pkg,
// as AllObjectFacts and AllPackageFacts do.
func (s *facts) objectFacts(pkg *types.Package) []analysis.ObjectFact {
	var out []analysis.ObjectFact
	seen := make(map[objectKey]bool)
	for ; s != nil; s = s.parent {
		for k, f := range s.objects {
			if !seen[k] && k.obj.Pkg() != pkg {
				seen[k] = true
				out = append(out, analysis.ObjectFact{Object: k.obj, Fact: f})
			}
		}
	}
	return out
}

func (s *facts) packageFacts(pkg *types.Package) []analysis.PackageFact {
	var out []analysis.PackageFact
	seen := make(map[packageKey]bool)
	for ; s != nil; s = s.parent {
		for k, f := range s.packages {
			if !seen[k] && k.pkg != pkg {
				seen[k] = true
				out = append(out, analysis.PackageFact{Package: k.pkg, Fact: f})
			}
		}
	}
	return out
}

func copyFact(dst, src analysis.Fact) {
	reflect.ValueOf(dst).Elem().Set(reflect.ValueOf(src).Elem())
}

// pass builds the *analysis.Pass of a on p: facts are read from in and
// written to out, diagnostics counted in *reports.
func pass(a *analysis.Analyzer, p *packages.Package, resultOf map[*analysis.Analyzer]any, in, out *facts, reports *int) *analysis.Pass {
	return &analysis.Pass{
		Analyzer:   a,
		Fset:       p.Fset,
		Files:      p.Syntax,
		OtherFiles: p.OtherFiles,
		Pkg:        p.Types,
		TypesInfo:  p.TypesInfo,
		TypesSizes: p.TypesSizes,
		ResultOf:   resultOf,
		Report:     func(analysis.Diagnostic) { *reports++ },
		// The passes read no files (nogo's contract): a read is an error.
		ReadFile: func(name string) ([]byte, error) {
			return nil, fmt.Errorf("benchkit: %s: the passes read no files", name)
		},
		// A package's own facts are those exported by this pass so far.
		ImportObjectFact: func(obj types.Object, fact analysis.Fact) bool {
			from := in
			if obj.Pkg() == p.Types {
				from = out
			}
			f, ok := from.object(objectKey{obj, reflect.TypeOf(fact)})
			if ok {
				copyFact(fact, f)
			}
			return ok
		},
		ExportObjectFact: func(obj types.Object, fact analysis.Fact) {
			out.objects[objectKey{obj, reflect.TypeOf(fact)}] = fact
		},
		ImportPackageFact: func(pkg *types.Package, fact analysis.Fact) bool {
			from := in
			if pkg == p.Types {
				from = out
			}
			f, ok := from.pkg(packageKey{pkg, reflect.TypeOf(fact)})
			if ok {
				copyFact(fact, f)
			}
			return ok
		},
		ExportPackageFact: func(fact analysis.Fact) {
			out.packages[packageKey{p.Types, reflect.TypeOf(fact)}] = fact
		},
		AllObjectFacts:  func() []analysis.ObjectFact { return in.objectFacts(p.Types) },
		AllPackageFacts: func() []analysis.PackageFact { return in.packageFacts(p.Types) },
	}
}

// module is the synthetic module, loaded once.
type module struct {
	order  []*packages.Package          // dependencies first
	byName map[string]*packages.Package // by package name
}

var (
	loadOnce sync.Once
	loaded   *module
	loadErr  error
)

func load() (*module, error) {
	loadOnce.Do(func() { loaded, loadErr = loadModule() })
	return loaded, loadErr
}

func loadModule() (*module, error) {
	dir, err := os.MkdirTemp("", "authchallenge-bench-")
	if err != nil {
		return nil, err
	}
	// Everything is in memory once loaded: the files can go at once.
	defer os.RemoveAll(dir)
	for name, data := range synthgen.Generate(Packages) {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return nil, err
		}
	}
	// The standalone driver's mode: syntax and types for the module's
	// packages, export data for the standard library.
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
			packages.NeedTypes | packages.NeedTypesSizes | packages.NeedSyntax | packages.NeedTypesInfo,
		Dir: dir,
	}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		return nil, err
	}
	if packages.PrintErrors(pkgs) > 0 {
		return nil, fmt.Errorf("the synthetic module does not load")
	}
	m := &module{byName: make(map[string]*packages.Package)}
	roots := make(map[*packages.Package]bool)
	for _, p := range pkgs {
		roots[p] = true
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if roots[p] {
			m.order = append(m.order, p)
			m.byName[p.Name] = p
		}
	})
	return m, nil
}

// last returns the highest-numbered package of kind, which imports the most
// layers below it.
func (m *module) last(kind string) *packages.Package {
	for i := Packages - 1; i >= 0; i-- {
		if synthgen.Kind(i) == kind {
			return m.byName[synthgen.Name(i)]
		}
	}
	return nil
}

// setup is the module analysed by a's requirements, and by a itself (for
// the facts a reads from the packages a package imports).
type setup struct {
	a        *analysis.Analyzer
	mod      *module
	resultOf map[*packages.Package]map[*analysis.Analyzer]any // a's requirements' results
	reqFacts *facts                                           // the requirements' facts
	facts    *facts                                           // and a's own, over them
}

// prepare runs every analyzer a requires, then a, on each package of the
// module in dependency order.
func prepare(a *analysis.Analyzer) (*setup, error) {
	mod, err := load()
	if err != nil {
		return nil, err
	}
	s := &setup{a: a, mod: mod, resultOf: make(map[*packages.Package]map[*analysis.Analyzer]any), reqFacts: newFacts(nil)}
	s.facts = newFacts(s.reqFacts)
	for _, p := range mod.order {
		results := make(map[*analysis.Analyzer]any)
		var run func(x *analysis.Analyzer) error
		run = func(x *analysis.Analyzer) error {
			if _, done := results[x]; done {
				return nil
			}
			resultOf := make(map[*analysis.Analyzer]any)
			for _, r := range x.Requires {
				if err := run(r); err != nil {
					return err
				}
				resultOf[r] = results[r]
			}
			var n int
			res, err := x.Run(pass(x, p, resultOf, s.reqFacts, s.reqFacts, &n))
			if err != nil {
				return fmt.Errorf("%s on %s: %v", x.Name, p.PkgPath, err)
			}
			results[x] = res
			return nil
		}
		direct := make(map[*analysis.Analyzer]any)
		for _, r := range a.Requires {
			if err := run(r); err != nil {
				return nil, err
			}
			direct[r] = results[r]
		}
		s.resultOf[p] = direct
		if _, err := s.run(p, s.facts, s.facts); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// run runs a on p alone and returns the diagnostics it reported.
func (s *setup) run(p *packages.Package, in, out *facts) (int, error) {
	var n int
	if _, err := s.a.Run(pass(s.a, p, s.resultOf[p], in, out, &n)); err != nil {
		return 0, fmt.Errorf("%s on %s: %v", s.a.Name, p.PkgPath, err)
	}
	return n, nil
}

// Bench benchmarks a.Run on the synthetic module:
//
//   - kind=K: one package of each kind (authenticators, middleware,
//     handlers, error tables, a server type), with the facts of the
//     packages it imports;
//   - nohttp: a package that imports nothing HTTP-related, the fast path,
//     which should cost next to nothing;
//   - module: every package in dependency order, a's facts flowing from
//     each to its importers as a driver would; ns/pkg is the mean.
//
// The diagnostics reported on each run are a metric (reports/op).
func Bench(b *testing.B, a *analysis.Analyzer) {
	s, err := prepare(a)
	if err != nil {
		b.Fatal(err)
	}
	one := func(b *testing.B, p *packages.Package) {
		b.ReportAllocs()
		var reports int
		for b.Loop() {
			n, err := s.run(p, s.facts, newFacts(nil))
			if err != nil {
				b.Fatal(err)
			}
			reports = n
		}
		b.ReportMetric(float64(reports), "reports/op")
	}
	for _, kind := range []string{"authn", "mw", "api", "errmap", "server"} {
		p := s.mod.last(kind)
		if p == nil {
			b.Fatalf("the synthetic module has no %s package", kind)
		}
		b.Run("kind="+kind, func(b *testing.B) { one(b, p) })
	}
	b.Run("nohttp", func(b *testing.B) {
		p := s.mod.last("tokens")
		if p == nil {
			b.Fatal("the synthetic module has no tokens package")
		}
		one(b, p)
	})
	b.Run("module", func(b *testing.B) {
		b.ReportAllocs()
		var reports int
		for b.Loop() {
			own := newFacts(s.reqFacts)
			reports = 0
			for _, p := range s.mod.order {
				n, err := s.run(p, own, own)
				if err != nil {
					b.Fatal(err)
				}
				reports += n
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(s.mod.order)), "ns/pkg")
		b.ReportMetric(float64(reports), "reports/op")
	})
}
