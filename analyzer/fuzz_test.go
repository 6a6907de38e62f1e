package analyzer_test

// FuzzSuite feeds mutated fixture packages through the whole suite: every
// rule with the models it requires, run as nogo runs them (the minimal
// driver of nogo_test.go). Whatever the input, no analyzer may panic or
// fail. An input is one package, a txtar archive of its files
// ("-- a.go --" markers); the seeds are the fixture packages of
// testdata/src. An input that does not parse or type-check is skipped, as
// every driver skips such a package. Its imports are the standard library
// and the framework stubs (from export data) and the other fixture
// packages (type-checked from source and analysed first, so that their
// facts reach the input).
//
//	make fuzz        # go test -fuzz for a fixed budget (FUZZTIME, 60s)
//	make fuzz-smoke  # the same, briefly (CI)
//
// go test without -fuzz runs the seeds and the recorded inputs of
// testdata/fuzz/FuzzSuite.

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/txtar"

	"github.com/authchallenge/authchallenge/analyzer"
)

// fuzzWorld is what every input is checked against, built once per
// process.
var fuzzWorld struct {
	once    sync.Once
	err     error
	fset    *token.FileSet
	imports map[string]*types.Package // every package an input may import
	facts   *factSet                  // the facts of the fixture packages
	rules   []*analysis.Analyzer      // one suite, run on every input
	seeds   [][]byte                  // the fixture packages as txtar archives
}

// fixturePackages lists the import paths of the fixture packages (not the
// framework stubs, not the docs' shared packages).
func fixturePackages() ([]string, error) {
	src := filepath.Join(testdataDir(), "src")
	var pkgs []string
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() || path == src {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(path, src+string(filepath.Separator)))
		first, _, _ := strings.Cut(rel, "/")
		if strings.Contains(first, ".") || first == "docs" {
			return filepath.SkipDir
		}
		if gos, _ := filepath.Glob(filepath.Join(path, "*.go")); len(gos) > 0 {
			pkgs = append(pkgs, rel)
		}
		return nil
	})
	return pkgs, err
}

func setupFuzzWorld(t testing.TB) {
	t.Helper()
	w := &fuzzWorld
	w.once.Do(func() {
		paths, err := fixturePackages()
		if err != nil {
			w.err = err
			return
		}
		w.fset = token.NewFileSet()
		cfg := &packages.Config{
			// No NeedDeps: the fixtures are type-checked from source,
			// their other imports come from export data.
			Mode: packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes |
				packages.NeedTypesInfo | packages.NeedImports | packages.NeedTypesSizes,
			Dir:  testdataDir(),
			Env:  gopathEnv(testdataDir()),
			Fset: w.fset,
		}
		roots, err := packages.Load(cfg, paths...)
		if err != nil {
			w.err = err
			return
		}
		w.imports = make(map[string]*types.Package)
		w.rules = analyzer.New().Rules
		// Analyse the fixtures in dependency order, into one fact set.
		w.facts = newFactSet(nil)
		packages.Visit(roots, nil, func(p *packages.Package) {
			if p.Types != nil {
				w.imports[p.PkgPath] = p.Types
			}
			if !slices.Contains(paths, p.PkgPath) || len(p.Errors) > 0 || p.IllTyped {
				return
			}
			if _, err := run(&pkg{fset: w.fset, files: p.Syntax, types: p.Types, info: p.TypesInfo}, w.facts, w.rules); err != nil && w.err == nil {
				w.err = err
			}
			var ar txtar.Archive
			for _, f := range p.GoFiles {
				if strings.HasSuffix(f, "_test.go") {
					continue
				}
				data, err := os.ReadFile(f)
				if err != nil {
					w.err = err
					return
				}
				ar.Files = append(ar.Files, txtar.File{Name: filepath.Base(f), Data: data})
			}
			if len(ar.Files) > 0 {
				w.seeds = append(w.seeds, txtar.Format(&ar))
			}
		})
	})
	if w.err != nil {
		t.Fatalf("setting up the fuzz target: %v", w.err)
	}
}

// fuzzPackage parses and type-checks an input; nil when it is not a
// well-typed package.
func fuzzPackage(data []byte) *pkg {
	w := &fuzzWorld
	ar := txtar.Parse(data)
	fset := token.NewFileSet()
	var files []*ast.File
	for _, f := range ar.Files {
		if !strings.HasSuffix(f.Name, ".go") || strings.HasSuffix(f.Name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f.Name, f.Data, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil
		}
		files = append(files, file)
	}
	if len(files) == 0 || len(files) > 8 {
		return nil
	}
	info := &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		Instances:    make(map[*ast.Ident]types.Instance),
		FileVersions: make(map[*ast.File]string),
	}
	conf := types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if p := w.imports[path]; p != nil {
				return p, nil
			}
			return nil, os.ErrNotExist
		}),
		Sizes: types.SizesFor("gc", "amd64"),
	}
	tp, err := conf.Check("fuzz/input", fset, files, info)
	if err != nil {
		return nil
	}
	return &pkg{fset: fset, files: files, types: tp, info: info}
}

// FuzzSuite: the suite never panics nor fails on a well-typed package.
func FuzzSuite(f *testing.F) {
	if testing.Short() {
		f.Skip("loads the fixtures")
	}
	setupFuzzWorld(f)
	for _, s := range fuzzWorld.seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		p := fuzzPackage(data)
		if p == nil {
			return
		}
		facts := newFactSet(p.types)
		w := &fuzzWorld
		w.facts.mu.Lock()
		facts.objs = maps.Clone(w.facts.objs)
		facts.pkgs = maps.Clone(w.facts.pkgs)
		w.facts.mu.Unlock()
		if _, err := run(p, facts, w.rules); err != nil {
			t.Fatalf("the suite failed on this package:\n%v\n\ninput:\n%s", err, data)
		}
	})
}

// TestFuzzSeeds: every seed is a well-typed package that reaches the
// suite, or the fuzzer would start from nothing.
func TestFuzzSeeds(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the fixtures")
	}
	setupFuzzWorld(t)
	if len(fuzzWorld.seeds) < 10 {
		t.Fatalf("%d seeds, want the fixture packages", len(fuzzWorld.seeds))
	}
	for _, s := range fuzzWorld.seeds {
		if fuzzPackage(s) == nil {
			name := txtar.Parse(s).Files[0].Name
			t.Errorf("seed with %s does not type-check as one package", name)
		}
	}
}
