package response_test

// Benchmarks of the response model's hot paths, on the synthetic module of
// bench/synthgen loaded once with go/packages (the standalone driver's
// loader): Analyzer.Run on one package of each kind, on a package that
// imports nothing HTTP-related (the fast path), and on the whole module in
// dependency order with facts flowing between packages. Each *analysis.Pass
// is built by hand; facts live in maps. Nothing here asserts on timings.
//
//	go test -run '^$' -bench . ./passes/response

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
	"github.com/authchallenge/authchallenge/passes/response"
)

// benchPackages is the size of the synthetic module: enough for every kind
// of package and a few layers of imports.
const benchPackages = 24

type objectFactKey struct {
	obj types.Object
	t   reflect.Type
}

type packageFactKey struct {
	pkg *types.Package
	t   reflect.Type
}

// factStore holds the facts exported by the packages analysed so far.
type factStore struct {
	objects  map[objectFactKey]analysis.Fact
	packages map[packageFactKey]analysis.Fact
}

func newFactStore() *factStore {
	return &factStore{
		objects:  make(map[objectFactKey]analysis.Fact),
		packages: make(map[packageFactKey]analysis.Fact),
	}
}

func copyFact(dst, src analysis.Fact) {
	reflect.ValueOf(dst).Elem().Set(reflect.ValueOf(src).Elem())
}

// pass builds the *analysis.Pass of analyzer a for p, with the results of
// a's requirements: facts are imported from imported, and exported to
// exported.
func pass(a *analysis.Analyzer, p *packages.Package, resultOf map[*analysis.Analyzer]any, imported, exported *factStore) *analysis.Pass {
	return &analysis.Pass{
		Analyzer:   a,
		Fset:       p.Fset,
		Files:      p.Syntax,
		OtherFiles: p.OtherFiles,
		Pkg:        p.Types,
		TypesInfo:  p.TypesInfo,
		TypesSizes: p.TypesSizes,
		ResultOf:   resultOf,
		Report:     func(analysis.Diagnostic) {},
		ReadFile:   os.ReadFile,
		ImportObjectFact: func(obj types.Object, fact analysis.Fact) bool {
			f, ok := imported.objects[objectFactKey{obj, reflect.TypeOf(fact)}]
			if ok {
				copyFact(fact, f)
			}
			return ok
		},
		ExportObjectFact: func(obj types.Object, fact analysis.Fact) {
			exported.objects[objectFactKey{obj, reflect.TypeOf(fact)}] = fact
		},
		ImportPackageFact: func(pkg *types.Package, fact analysis.Fact) bool {
			f, ok := imported.packages[packageFactKey{pkg, reflect.TypeOf(fact)}]
			if ok {
				copyFact(fact, f)
			}
			return ok
		},
		ExportPackageFact: func(fact analysis.Fact) {
			exported.packages[packageFactKey{p.Types, reflect.TypeOf(fact)}] = fact
		},
		AllObjectFacts:  func() []analysis.ObjectFact { return nil },
		AllPackageFacts: func() []analysis.PackageFact { return nil },
	}
}

// requirements runs the analyzers that a requires (transitively, in
// dependency order) on p and returns their results, for a's ResultOf.
func requirements(a *analysis.Analyzer, p *packages.Package, facts *factStore) (map[*analysis.Analyzer]any, error) {
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
		res, err := x.Run(pass(x, p, resultOf, facts, facts))
		if err != nil {
			return fmt.Errorf("%s on %s: %v", x.Name, p.PkgPath, err)
		}
		results[x] = res
		return nil
	}
	for _, r := range a.Requires {
		if err := run(r); err != nil {
			return nil, err
		}
	}
	out := make(map[*analysis.Analyzer]any)
	for _, r := range a.Requires {
		out[r] = results[r]
	}
	return out, nil
}

// fixture is the synthetic module, loaded and analysed once.
type fixture struct {
	order    []*packages.Package          // the module's packages, dependencies first
	byName   map[string]*packages.Package // by package name
	resultOf map[*packages.Package]map[*analysis.Analyzer]any
	facts    *factStore // every package's facts
}

var (
	fixtureOnce sync.Once
	theFixture  *fixture
	fixtureErr  error
)

func loadFixture(b *testing.B) *fixture {
	b.Helper()
	fixtureOnce.Do(func() { theFixture, fixtureErr = buildFixture() })
	if fixtureErr != nil {
		b.Fatal(fixtureErr)
	}
	return theFixture
}

func buildFixture() (*fixture, error) {
	dir, err := os.MkdirTemp("", "response-bench-")
	if err != nil {
		return nil, err
	}
	// Everything is in memory once loaded: the files can go at once.
	defer os.RemoveAll(dir)
	for name, data := range synthgen.Generate(benchPackages) {
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
	fx := &fixture{
		byName:   make(map[string]*packages.Package),
		resultOf: make(map[*packages.Package]map[*analysis.Analyzer]any),
		facts:    newFactStore(),
	}
	roots := make(map[*packages.Package]bool)
	for _, p := range pkgs {
		roots[p] = true
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if roots[p] {
			fx.order = append(fx.order, p)
			fx.byName[p.Name] = p
		}
	})
	// The requirements (the shared configuration) are computed once: the
	// benchmarks time the response model alone.
	for _, p := range fx.order {
		resultOf, err := requirements(response.Analyzer, p, fx.facts)
		if err != nil {
			return nil, err
		}
		fx.resultOf[p] = resultOf
		if _, err := response.Analyzer.Run(pass(response.Analyzer, p, resultOf, fx.facts, fx.facts)); err != nil {
			return nil, err
		}
	}
	return fx, nil
}

// last returns the highest-numbered package of kind, which imports the most
// layers below it.
func (fx *fixture) last(kind string) *packages.Package {
	for i := benchPackages - 1; i >= 0; i-- {
		if synthgen.Kind(i) == kind {
			return fx.byName[synthgen.Name(i)]
		}
	}
	return nil
}

func (fx *fixture) benchRun(b *testing.B, p *packages.Package) {
	b.Helper()
	b.ReportAllocs()
	var sites int
	for b.Loop() {
		res, err := response.Analyzer.Run(pass(response.Analyzer, p, fx.resultOf[p], fx.facts, newFactStore()))
		if err != nil {
			b.Fatal(err)
		}
		sites = len(res.(*response.Result).Sites)
	}
	b.ReportMetric(float64(sites), "sites")
}

// BenchmarkRun runs the model on one package of each kind, with the facts
// of the packages it imports.
func BenchmarkRun(b *testing.B) {
	fx := loadFixture(b)
	for _, kind := range []string{"authn", "mw", "api", "errmap", "server"} {
		p := fx.last(kind)
		if p == nil {
			b.Fatalf("no %s package", kind)
		}
		b.Run(kind, func(b *testing.B) { fx.benchRun(b, p) })
	}
}

// BenchmarkRunNoHTTP runs the model on a package that imports nothing
// HTTP-related: the fast path, which should cost next to nothing.
func BenchmarkRunNoHTTP(b *testing.B) {
	fx := loadFixture(b)
	p := fx.last("tokens")
	if p == nil {
		b.Fatal("no tokens package")
	}
	fx.benchRun(b, p)
}

// BenchmarkRunModule runs the model over the whole module in dependency
// order, facts flowing from each package to its importers, as a driver
// does; ns/pkg is the mean per package.
func BenchmarkRunModule(b *testing.B) {
	fx := loadFixture(b)
	b.ReportAllocs()
	for b.Loop() {
		facts := newFactStore()
		for _, p := range fx.order {
			if _, err := response.Analyzer.Run(pass(response.Analyzer, p, fx.resultOf[p], facts, facts)); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(fx.order)), "ns/pkg")
}
