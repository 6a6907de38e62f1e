package analyzer_test

// FuzzSuite feeds mutated fixture packages through the whole suite: every
// rule with the models it requires, run as nogo runs them (the minimal
// driver of nogo_test.go). Whatever the input, no analyzer may panic or
// fail. An input is one package, a txtar archive of its files
// ("-- a.go --" markers); the seeds are the fixture packages of
// testdata/src. Byte mutations seldom leave a package that type-checks, so
// two things help the fuzzer: a second input of edit operations that work
// on the syntax (delete, swap, duplicate or wrap in a loop a statement,
// negate a condition, put one literal or selector in the place of another:
// http.StatusForbidden where http.StatusUnauthorized was), and a repair
// step that drops the declarations (and imports) a mutation broke until the
// rest type-checks, as a driver analyses the well-typed packages and skips
// the others. Its imports are the standard library
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
	"go/printer"
	"go/scanner"
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

// fuzzPackage applies the edit operations ops to the files of an input,
// parses and type-checks them, dropping what does not; nil when nothing
// well-typed is left.
func fuzzPackage(data, ops []byte) *pkg {
	ar := txtar.Parse(data)
	var names []string
	var srcs [][]byte
	for _, f := range ar.Files {
		if !strings.HasSuffix(f.Name, ".go") || strings.HasSuffix(f.Name, "_test.go") {
			continue
		}
		names = append(names, f.Name)
		srcs = append(srcs, f.Data)
	}
	if len(srcs) == 0 || len(srcs) > 8 {
		return nil
	}
	for i := 0; i+2 < len(ops) && i < 3*8; i += 3 {
		srcs = editOnce(srcs, ops[i], ops[i+1], ops[i+2])
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for i, src := range srcs {
		file, err := parser.ParseFile(fset, names[i], src, parser.ParseComments|parser.SkipObjectResolution|parser.AllErrors)
		if file == nil || file.Name == nil || file.Name.Name == "_" {
			continue
		}
		var bad []token.Pos
		if list, ok := err.(scanner.ErrorList); ok {
			tf := fset.File(file.FileStart)
			if tf == nil {
				continue
			}
			for _, e := range list {
				bad = append(bad, tf.Pos(min(e.Pos.Offset, tf.Size())))
			}
		} else if err != nil {
			continue
		}
		dropDecls(file, bad, true)
		files = append(files, file)
	}
	// Drop what does not type-check, a few rounds at most.
	for round := 0; round < 8 && len(files) > 0; round++ {
		var errs []types.Error
		info := newInfo()
		conf := types.Config{
			Importer: importerFunc(func(path string) (*types.Package, error) {
				if p := fuzzWorld.imports[path]; p != nil {
					return p, nil
				}
				return nil, os.ErrNotExist
			}),
			Sizes: types.SizesFor("gc", "amd64"),
			Error: func(err error) {
				if te, ok := err.(types.Error); ok {
					errs = append(errs, te)
				}
			},
		}
		tp, err := conf.Check("fuzz/input", fset, files, info)
		if err == nil {
			if len(files) == 0 || len(tp.Scope().Names()) == 0 {
				return nil
			}
			return &pkg{fset: fset, files: files, types: tp, info: info}
		}
		if len(errs) == 0 {
			return nil
		}
		var keep []*ast.File
		for _, f := range files {
			var bad []token.Pos
			for _, e := range errs {
				if e.Pos >= f.FileStart && e.Pos <= f.FileEnd {
					bad = append(bad, e.Pos)
				}
			}
			if slices.ContainsFunc(bad, func(p token.Pos) bool { return p <= f.Name.End() }) {
				continue // the package clause: drop the file
			}
			dropDecls(f, bad, false)
			keep = append(keep, f)
		}
		files = keep
	}
	return nil
}

func newInfo() *types.Info {
	return &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		Instances:    make(map[*ast.Ident]types.Instance),
		FileVersions: make(map[*ast.File]string),
	}
}

// dropDecls removes from f the declarations (and import specs) that
// contain a position of bad or, with syntax set, a Bad node.
func dropDecls(f *ast.File, bad []token.Pos, syntax bool) {
	in := func(n ast.Node) bool {
		for _, p := range bad {
			if p >= n.Pos() && p <= n.End() {
				return true
			}
		}
		if !syntax {
			return false
		}
		broken := false
		ast.Inspect(n, func(n ast.Node) bool {
			switch n.(type) {
			case *ast.BadDecl, *ast.BadExpr, *ast.BadStmt:
				broken = true
			}
			return !broken
		})
		return broken
	}
	var decls []ast.Decl
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
			var specs []ast.Spec
			for _, sp := range g.Specs {
				if !in(sp) {
					specs = append(specs, sp)
				}
			}
			if len(specs) == 0 {
				continue
			}
			g.Specs = specs
			decls = append(decls, g)
			continue
		}
		if !in(d) {
			decls = append(decls, d)
		}
	}
	f.Decls = decls
	var imports []*ast.ImportSpec
	for _, sp := range f.Imports {
		if !in(sp) {
			imports = append(imports, sp)
		}
	}
	f.Imports = imports
}

// editOnce applies one edit operation to the sources: op picks the kind,
// a and b the sites (statements, conditions, literals and selectors, in
// source order over all files). The edit works on the text, so the result
// is parsed afresh.
func editOnce(srcs [][]byte, op, a, b byte) [][]byte {
	type site struct {
		file       int
		start, end int
	}
	var stmts, conds, atoms []site
	for i, src := range srcs {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "", src, parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		tf := fset.File(f.Pos())
		at := func(n ast.Node) site { return site{i, tf.Offset(n.Pos()), tf.Offset(n.End())} }
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BlockStmt:
				for _, st := range n.List {
					stmts = append(stmts, at(st))
				}
			case *ast.CaseClause:
				for _, st := range n.Body {
					stmts = append(stmts, at(st))
				}
			case *ast.IfStmt:
				conds = append(conds, at(n.Cond))
			case *ast.BasicLit:
				atoms = append(atoms, at(n))
			case *ast.SelectorExpr:
				atoms = append(atoms, at(n))
				return false
			}
			return true
		})
	}
	out := slices.Clone(srcs)
	replace := func(s site, text string) {
		src := out[s.file]
		out[s.file] = slices.Concat(src[:s.start], []byte(text), src[s.end:])
	}
	text := func(s site) string { return string(srcs[s.file][s.start:s.end]) }
	pick := func(list []site, i byte) (site, bool) {
		if len(list) == 0 {
			return site{}, false
		}
		return list[int(i)%len(list)], true
	}
	switch op % 6 {
	case 0: // delete a statement
		if s, ok := pick(stmts, a); ok {
			replace(s, "")
		}
	case 1: // swap two statements of one file that do not overlap
		s, ok1 := pick(stmts, a)
		t, ok2 := pick(stmts, b)
		if !ok1 || !ok2 || s.file != t.file || s.end > t.start && t.end > s.start {
			break
		}
		if s.start > t.start {
			s, t = t, s
		}
		src := out[s.file]
		out[s.file] = slices.Concat(src[:s.start], []byte(text(t)), src[s.end:t.start], []byte(text(s)), src[t.end:])
	case 2: // duplicate a statement
		if s, ok := pick(stmts, a); ok {
			replace(s, text(s)+"\n"+text(s))
		}
	case 3: // one literal or selector in the place of another
		s, ok1 := pick(atoms, a)
		t, ok2 := pick(atoms, b)
		if ok1 && ok2 {
			replace(s, text(t))
		}
	case 4: // a statement in a loop
		if s, ok := pick(stmts, a); ok {
			replace(s, "for range 2 {\n"+text(s)+"\n}")
		}
	case 5: // negate a condition
		if s, ok := pick(conds, a); ok {
			replace(s, "!("+text(s)+")")
		}
	}
	return out
}

// FuzzSuite: the suite never panics nor fails on a well-typed package.
func FuzzSuite(f *testing.F) {
	if testing.Short() {
		f.Skip("loads the fixtures")
	}
	setupFuzzWorld(f)
	for _, s := range fuzzWorld.seeds {
		f.Add(s, []byte(nil))
	}
	for i, s := range fuzzWorld.seeds {
		// a few edits on each seed, so the corpus starts with them
		f.Add(s, []byte{byte(i), 3, byte(7 * i), 0, byte(i), 0, 5, byte(i), 0, 4, byte(2 * i), 0})
	}
	f.Fuzz(func(t *testing.T, data, ops []byte) {
		if len(data) > 1<<16 {
			return
		}
		p := fuzzPackage(data, ops)
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
			var src strings.Builder
			for _, f := range p.files {
				printer.Fprint(&src, p.fset, f)
				src.WriteString("\n")
			}
			t.Fatalf("the suite failed on this package:\n%v\n\nthe package, as analysed:\n%s", err, src.String())
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
		ar := txtar.Parse(s)
		want := 0
		for _, f := range ar.Files {
			file, err := parser.ParseFile(token.NewFileSet(), f.Name, f.Data, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			want += len(file.Decls)
		}
		got := 0
		if p := fuzzPackage(s, nil); p != nil {
			for _, f := range p.files {
				got += len(f.Decls)
			}
		}
		if got != want {
			t.Errorf("seed with %s: %d of its %d declarations type-check", ar.Files[0].Name, got, want)
		}
	}
}
