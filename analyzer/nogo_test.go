package analyzer_test

// The Bazel nogo contract (docs/nogo.md). rules_go's nogo compiles the
// analyzers into a program of its own, refers to each by its package's
// exported Analyzer variable, configures them by Name (analyzer_flags,
// only_files, exclude_files), and runs them per package with a pass that
// sets only Fset, Files, Pkg, TypesInfo, TypesSizes, ResultOf, Report and
// the fact functions; facts travel from a package to its importers gob
// encoded, keyed by objectpath, and imports come from export data. These
// tests hold the rules to that contract without Bazel: a minimal driver
// below does what nogo does and nothing more.

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/objectpath"

	"github.com/authchallenge/authchallenge/analyzer"
	"github.com/authchallenge/authchallenge/passes/config"
)

const modulePath = "github.com/authchallenge/authchallenge"

// --- fixtures ----------------------------------------------------------------

// bareSrc answers 401 without a challenge in an exported net/http handler,
// on line bareLine.
const bareSrc = `package svc

import "net/http"

// Login rejects requests without credentials.
func Login(w http.ResponseWriter, r *http.Request) {
	if _, _, ok := r.BasicAuth(); !ok {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
`

const bareLine = 8

// cleanSrc sets the challenge first.
const cleanSrc = `package svc

import "net/http"

// Login rejects requests without credentials.
func Login(w http.ResponseWriter, r *http.Request) {
	if _, _, ok := r.BasicAuth(); !ok {
		w.Header().Set("WWW-Authenticate", ` + "`Basic realm=\"svc\"`" + `)
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
`

// categoriesSrc gives the rules more kinds of diagnostic: a bare 407 and a
// suppression directive that suppresses nothing.
const categoriesSrc = `package svc

import "net/http"

// Proxy rejects requests without proxy credentials.
func Proxy(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Proxy-Authorization") == "" {
		w.WriteHeader(http.StatusProxyAuthRequired)
		return
	}
	//authchallenge:ignore nochallenge nothing to suppress on the next line
	w.WriteHeader(http.StatusNoContent)
}
`

// helperSrc (package a) is used by consumerSrc (package b): its summaries
// reach b as facts only.
const helperSrc = `package a

import "net/http"

// Deny answers 401 and leaves the challenge to its callers.
func Deny(w http.ResponseWriter) {
	http.Error(w, "unauthorized", http.StatusUnauthorized)
}

// Challenge sets a Bearer challenge.
func Challenge(w http.ResponseWriter) {
	w.Header().Set("WWW-Authenticate", ` + "`Bearer realm=\"a\"`" + `)
}
`

// consumerSrc: Bad answers through a.Deny without a challenge (line
// consumerLine); Good sets one through a.Challenge first.
const consumerSrc = `package b

import (
	"net/http"

	"example.com/a"
)

// Bad rejects requests without a token.
func Bad(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") == "" {
		a.Deny(w)
		return
	}
}

// Good rejects requests without a token, with a challenge.
func Good(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") == "" {
		a.Challenge(w)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
}
`

const consumerLine = 12

// --- loading: fixtures type-checked against export data, as nogo does ---------

// std is the export data of the standard library packages the fixtures
// import, loaded once for every test.
var std struct {
	once sync.Once
	fset *token.FileSet
	pkgs map[string]*types.Package // every package in the import graph
	err  error
}

func stdlib(t *testing.T) (*token.FileSet, map[string]*types.Package) {
	t.Helper()
	std.once.Do(func() {
		std.fset = token.NewFileSet()
		cfg := &packages.Config{
			Mode: packages.NeedName | packages.NeedTypes | packages.NeedImports | packages.NeedDeps,
			Fset: std.fset,
		}
		roots, err := packages.Load(cfg, "net/http")
		if err != nil {
			std.err = err
			return
		}
		std.pkgs = make(map[string]*types.Package)
		packages.Visit(roots, nil, func(p *packages.Package) {
			for _, e := range p.Errors {
				if std.err == nil {
					std.err = e
				}
			}
			if p.Types != nil {
				std.pkgs[p.PkgPath] = p.Types
			}
		})
	})
	if std.err != nil {
		t.Fatalf("loading the standard library: %v", std.err)
	}
	return std.fset, std.pkgs
}

// pkg is one type-checked package, as nogo's load builds it.
type pkg struct {
	fset  *token.FileSet
	files []*ast.File
	types *types.Package
	info  *types.Info
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// load parses and type-checks one package from source, its imports coming
// from imports (export data), with the types.Info maps nogo fills.
func load(t *testing.T, fset *token.FileSet, path string, srcs map[string]string, imports map[string]*types.Package) *pkg {
	t.Helper()
	p := &pkg{fset: fset}
	for _, name := range slices.Sorted(maps.Keys(srcs)) {
		f, err := parser.ParseFile(fset, name, srcs[name], parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		p.files = append(p.files, f)
	}
	p.info = &types.Info{
		Types:      make(map[ast.Expr]types.TypeAndValue),
		Uses:       make(map[*ast.Ident]types.Object),
		Defs:       make(map[*ast.Ident]types.Object),
		Implicits:  make(map[ast.Node]types.Object),
		Scopes:     make(map[ast.Node]*types.Scope),
		Selections: make(map[*ast.SelectorExpr]*types.Selection),
		Instances:  make(map[*ast.Ident]types.Instance),
	}
	conf := types.Config{Importer: importerFunc(func(path string) (*types.Package, error) {
		if p := imports[path]; p != nil {
			return p, nil
		}
		return nil, fmt.Errorf("fixture imports %q, which the test did not load", path)
	})}
	var err error
	p.types, err = conf.Check(path, fset, p.files, p.info)
	if err != nil {
		t.Fatalf("type-checking fixture %s: %v", path, err)
	}
	return p
}

// exportData round-trips p's API through export data, as a dependency
// reaches nogo: the importer sees new objects, not those p's passes saw.
func exportData(t *testing.T, p *pkg, std map[string]*types.Package) map[string]*types.Package {
	t.Helper()
	var buf bytes.Buffer
	if err := gcexportdata.Write(&buf, p.fset, p.types); err != nil {
		t.Fatal(err)
	}
	imports := maps.Clone(std)
	fset := token.NewFileSet()
	if _, err := gcexportdata.Read(&buf, fset, imports, p.types.Path()); err != nil {
		t.Fatal(err)
	}
	return imports
}

// --- the minimal driver ------------------------------------------------------

// factSet holds the facts one package sees: those it exports and those
// decoded from its imports. nogo keeps one per package and shares it among
// the analyzers, which run concurrently.
type factSet struct {
	mu   sync.Mutex
	pkg  *types.Package
	objs map[objKey]analysis.Fact
	pkgs map[pkgKey]analysis.Fact
}

type objKey struct {
	obj types.Object
	t   reflect.Type
}

type pkgKey struct {
	pkg *types.Package
	t   reflect.Type
}

func newFactSet(p *types.Package) *factSet {
	return &factSet{pkg: p, objs: make(map[objKey]analysis.Fact), pkgs: make(map[pkgKey]analysis.Fact)}
}

// gobFact is a fact as it travels between packages (the shape of x/tools'
// internal/facts, which nogo uses).
type gobFact struct {
	PkgPath string
	Object  objectpath.Path // "" for a package fact
	Fact    analysis.Fact
}

// encode serialises every fact of the set, its imports' included, dropping
// facts on objects that have no object path (nogo does the same).
func (s *factSet) encode(t *testing.T) []byte {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	var list []gobFact
	for k, f := range s.objs {
		path, err := objectpath.For(k.obj)
		if err != nil {
			continue
		}
		list = append(list, gobFact{PkgPath: k.obj.Pkg().Path(), Object: path, Fact: f})
	}
	for k, f := range s.pkgs {
		list = append(list, gobFact{PkgPath: k.pkg.Path(), Fact: f})
	}
	sort.Slice(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.PkgPath != b.PkgPath {
			return a.PkgPath < b.PkgPath
		}
		if a.Object != b.Object {
			return a.Object < b.Object
		}
		return reflect.TypeOf(a.Fact).String() < reflect.TypeOf(b.Fact).String()
	})
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(list); err != nil {
		t.Fatalf("gob-encoding the facts of %s: %v", s.pkg.Path(), err)
	}
	return buf.Bytes()
}

// decode adds the facts of an import, resolving their objects in the
// importing package's view of it; facts on objects it cannot see are
// dropped.
func (s *factSet) decode(t *testing.T, data []byte) {
	t.Helper()
	var list []gobFact
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&list); err != nil {
		t.Fatalf("gob-decoding facts into %s: %v", s.pkg.Path(), err)
	}
	byPath := make(map[string]*types.Package)
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if byPath[p.Path()] != nil {
			return
		}
		byPath[p.Path()] = p
		for _, imp := range p.Imports() {
			visit(imp)
		}
	}
	visit(s.pkg)
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, f := range list {
		p := byPath[f.PkgPath]
		if p == nil {
			continue
		}
		if f.Object == "" {
			s.pkgs[pkgKey{p, reflect.TypeOf(f.Fact)}] = f.Fact
			continue
		}
		obj, err := objectpath.Object(p, f.Object)
		if err != nil {
			continue
		}
		s.objs[objKey{obj, reflect.TypeOf(f.Fact)}] = f.Fact
	}
}

// closure lists analyzers and everything they require, each after its
// requirements.
func closure(roots []*analysis.Analyzer) []*analysis.Analyzer {
	var order []*analysis.Analyzer
	seen := make(map[*analysis.Analyzer]bool)
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, r := range a.Requires {
			visit(r)
		}
		order = append(order, a)
	}
	for _, a := range roots {
		visit(a)
	}
	return order
}

// action is one analyzer on one package.
type action struct {
	once   sync.Once
	a      *analysis.Analyzer
	deps   []*action
	result any
	diags  []analysis.Diagnostic
	err    error
}

// run is nogo's checkPackage: the roots and their requirements on p, each
// action after its requirements, independent ones concurrently. It returns
// every analyzer's diagnostics.
func run(p *pkg, facts *factSet, roots []*analysis.Analyzer) (map[*analysis.Analyzer][]analysis.Diagnostic, error) {
	actions := make(map[*analysis.Analyzer]*action)
	var visit func(a *analysis.Analyzer) *action
	visit = func(a *analysis.Analyzer) *action {
		if act := actions[a]; act != nil {
			return act
		}
		act := &action{a: a}
		actions[a] = act
		for _, r := range a.Requires {
			act.deps = append(act.deps, visit(r))
		}
		return act
	}
	var rootActs []*action
	for _, a := range roots {
		rootActs = append(rootActs, visit(a))
	}
	execAll(p, facts, rootActs)

	diags := make(map[*analysis.Analyzer][]analysis.Diagnostic)
	var errs []string
	for a, act := range actions {
		if act.err != nil {
			errs = append(errs, fmt.Sprintf("%s: %v", a.Name, act.err))
		}
		if len(act.diags) > 0 {
			diags[a] = act.diags
		}
	}
	if errs != nil {
		sort.Strings(errs)
		return diags, fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return diags, nil
}

func execAll(p *pkg, facts *factSet, acts []*action) {
	var wg sync.WaitGroup
	for _, act := range acts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			act.once.Do(func() { act.exec(p, facts) })
		}()
	}
	wg.Wait()
}

func (act *action) exec(p *pkg, facts *factSet) {
	execAll(p, facts, act.deps)
	inputs := make(map[*analysis.Analyzer]any)
	for _, dep := range act.deps {
		if dep.err != nil {
			act.err = fmt.Errorf("failed prerequisite %s", dep.a.Name)
			return
		}
		inputs[dep.a] = dep.result
	}
	a := act.a
	declared := make(map[reflect.Type]bool)
	for _, f := range a.FactTypes {
		declared[reflect.TypeOf(f)] = true
	}
	check := func(op string, f analysis.Fact) {
		if !declared[reflect.TypeOf(f)] {
			panic(fmt.Sprintf("%s: %s(%T): fact type not declared in FactTypes", a.Name, op, f))
		}
	}
	var mu sync.Mutex
	pass := &analysis.Pass{
		Analyzer:   a,
		Fset:       p.fset,
		Files:      p.files,
		Pkg:        p.types,
		TypesInfo:  p.info,
		TypesSizes: types.SizesFor("gc", runtime.GOARCH),
		ResultOf:   inputs,
		Report: func(d analysis.Diagnostic) {
			mu.Lock()
			defer mu.Unlock()
			act.diags = append(act.diags, d)
		},
		ImportObjectFact: func(obj types.Object, fact analysis.Fact) bool {
			check("ImportObjectFact", fact)
			if obj == nil {
				panic(a.Name + ": ImportObjectFact(nil)")
			}
			facts.mu.Lock()
			defer facts.mu.Unlock()
			f, ok := facts.objs[objKey{obj, reflect.TypeOf(fact)}]
			if ok {
				reflect.ValueOf(fact).Elem().Set(reflect.ValueOf(f).Elem())
			}
			return ok
		},
		ExportObjectFact: func(obj types.Object, fact analysis.Fact) {
			check("ExportObjectFact", fact)
			if obj == nil || obj.Pkg() != p.types {
				panic(fmt.Sprintf("%s: ExportObjectFact(%v, %T): object of another package", a.Name, obj, fact))
			}
			facts.mu.Lock()
			defer facts.mu.Unlock()
			facts.objs[objKey{obj, reflect.TypeOf(fact)}] = fact
		},
		ImportPackageFact: func(pk *types.Package, fact analysis.Fact) bool {
			check("ImportPackageFact", fact)
			facts.mu.Lock()
			defer facts.mu.Unlock()
			f, ok := facts.pkgs[pkgKey{pk, reflect.TypeOf(fact)}]
			if ok {
				reflect.ValueOf(fact).Elem().Set(reflect.ValueOf(f).Elem())
			}
			return ok
		},
		ExportPackageFact: func(fact analysis.Fact) {
			check("ExportPackageFact", fact)
			facts.mu.Lock()
			defer facts.mu.Unlock()
			facts.pkgs[pkgKey{p.types, reflect.TypeOf(fact)}] = fact
		},
		AllObjectFacts: func() []analysis.ObjectFact {
			facts.mu.Lock()
			defer facts.mu.Unlock()
			var out []analysis.ObjectFact
			for k, f := range facts.objs {
				if declared[k.t] {
					out = append(out, analysis.ObjectFact{Object: k.obj, Fact: f})
				}
			}
			return out
		},
		AllPackageFacts: func() []analysis.PackageFact {
			facts.mu.Lock()
			defer facts.mu.Unlock()
			var out []analysis.PackageFact
			for k, f := range facts.pkgs {
				if declared[k.t] {
					out = append(out, analysis.PackageFact{Package: k.pkg, Fact: f})
				}
			}
			return out
		},
		// ReadFile, Module, OtherFiles, IgnoredFiles and TypeErrors stay
		// unset, as under nogo.
	}
	defer func() {
		if r := recover(); r != nil {
			act.err = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
		}
	}()
	act.result, act.err = a.Run(pass)
	if act.err == nil {
		if got, want := reflect.TypeOf(act.result), a.ResultType; got != want {
			act.err = fmt.Errorf("result of type %v, declared ResultType %v", got, want)
		}
	}
}

// --- helpers -------------------------------------------------------------------

// finding is a diagnostic as nogo prints it, with its category.
type finding struct {
	Rule, Category, Posn, Message string
}

func findings(fset *token.FileSet, diags map[*analysis.Analyzer][]analysis.Diagnostic, only []*analysis.Analyzer) []finding {
	var out []finding
	for _, a := range only {
		for _, d := range diags[a] {
			out = append(out, finding{a.Name, d.Category, fset.Position(d.Pos).String(), d.Message})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		return fmt.Sprint(out[i]) < fmt.Sprint(out[j])
	})
	return out
}

// checkCategories fails on a diagnostic whose Category is not its rule's
// Name, and on a diagnostic of an analyzer that is not a rule: nogo prints
// only the diagnostics of the analyzers in its deps.
func checkCategories(t *testing.T, diags map[*analysis.Analyzer][]analysis.Diagnostic, rules []*analysis.Analyzer) {
	t.Helper()
	for a, ds := range diags {
		if !slices.Contains(rules, a) {
			t.Errorf("%s, which is not a rule, reported %d diagnostics (nogo drops them): %v", a.Name, len(ds), ds)
			continue
		}
		for _, d := range ds {
			if d.Category != a.Name {
				t.Errorf("%s reported %q with Category %q, want the rule name", a.Name, d.Message, d.Category)
			}
		}
	}
}

// pkgPathOf is the import path of the package that defines a's Run function.
func pkgPathOf(a *analysis.Analyzer) string {
	name := runtime.FuncForPC(reflect.ValueOf(a.Run).Pointer()).Name()
	slash := strings.LastIndex(name, "/")
	if dot := strings.Index(name[slash+1:], "."); dot >= 0 {
		return name[:slash+1+dot]
	}
	return name
}

// --- the tests -----------------------------------------------------------------

// TestNogoValidate: nogo's main calls analysis.Validate on its analyzers at
// start-up and configures them by Name; the shared configuration is the
// analyzer named authchallenge_config. docs/nogo.md lists as nogo deps the
// rules and every analyzer of this module they require (older rules_go
// releases give analyzer_flags only to the analyzers listed, and run only
// those declaring facts on external packages).
func TestNogoValidate(t *testing.T) {
	rules := analyzer.Rules()
	if len(rules) == 0 {
		t.Fatal("no rules")
	}
	var deps []*analysis.Analyzer // the nogo deps of docs/nogo.md
	for _, a := range closure(rules) {
		if strings.HasPrefix(pkgPathOf(a), modulePath+"/") {
			deps = append(deps, a)
		}
	}
	for name, list := range map[string][]*analysis.Analyzer{
		"Rules()":               rules,
		"the nogo deps":         deps,
		"New().Rules (a suite)": analyzer.New().Rules,
	} {
		if err := analysis.Validate(list); err != nil {
			t.Errorf("analysis.Validate(%s): %v", name, err)
		}
	}
	byName := make(map[string]*analysis.Analyzer)
	for _, a := range closure(rules) {
		if prev := byName[a.Name]; prev != nil && prev != a {
			t.Errorf("two analyzers are named %q: nogo configures analyzers by name", a.Name)
		}
		byName[a.Name] = a
	}
	if byName[config.Name] != config.Analyzer {
		t.Errorf("the rules do not require config.Analyzer (%q): nogo's analyzer_flags for it would reach no rule", config.Name)
	}
	for _, a := range rules {
		if !slices.Contains(a.Requires, config.Analyzer) {
			t.Errorf("rule %s does not require %s directly", a.Name, config.Name)
		}
	}
}

// TestNogoExportedAnalyzers: nogo refers to each analyzer of its deps as
// <package>.Analyzer. Every non-internal package under passes/ exports one
// of type *analysis.Analyzer; every analyzer the rules run comes from such a
// package; each rule is named as its package.
func TestNogoExportedAnalyzers(t *testing.T) {
	cfg := &packages.Config{
		Mode:  packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes | packages.NeedImports,
		Tests: false,
	}
	pkgs, err := packages.Load(cfg, modulePath+"/passes/...")
	if err != nil {
		t.Fatal(err)
	}
	exported := make(map[string]string) // package path → package name, for packages exporting Analyzer
	for _, p := range pkgs {
		if p.PkgPath == modulePath+"/passes/gate" {
			continue // the knowledge table's gate for drivers: no analyzer, and none of the rules' comes from it
		}
		if strings.Contains(p.PkgPath, "/internal/") || strings.HasSuffix(p.PkgPath, "/internal") {
			// an internal package need not export an analyzer; one the
			// models require (the shared SSA form, ir) exports it as any
			// other
			if p.Types != nil {
				if v, ok := p.Types.Scope().Lookup("Analyzer").(*types.Var); ok && v.Type().String() == "*golang.org/x/tools/go/analysis.Analyzer" {
					exported[p.PkgPath] = p.Name
				}
			}
			continue
		}
		for _, e := range p.Errors {
			t.Logf("%s: %v (checking the declarations regardless)", p.PkgPath, e)
		}
		if p.Types == nil {
			t.Errorf("%s: no type information", p.PkgPath)
			continue
		}
		obj := p.Types.Scope().Lookup("Analyzer")
		v, ok := obj.(*types.Var)
		if !ok {
			t.Errorf("%s does not declare var Analyzer (nogo refers to %s.Analyzer)", p.PkgPath, p.Name)
			continue
		}
		if got := v.Type().String(); got != "*golang.org/x/tools/go/analysis.Analyzer" {
			t.Errorf("%s.Analyzer has type %s, want *analysis.Analyzer", p.PkgPath, got)
			continue
		}
		exported[p.PkgPath] = p.Name
	}
	rules := analyzer.Rules()
	for _, a := range closure(rules) {
		path := pkgPathOf(a)
		if !strings.HasPrefix(path, modulePath+"/") {
			continue // x/tools' own analyzers (inspect, ctrlflow) export theirs
		}
		name, ok := exported[path]
		if !ok {
			t.Errorf("analyzer %s is defined in %s, which exports no Analyzer under passes/", a.Name, path)
			continue
		}
		if slices.Contains(rules, a) && a.Name != name {
			t.Errorf("rule %s lives in package %s: a rule's Name is its package name", a.Name, name)
		}
	}
}

// TestNogoMinimalPass drives the rules through a pass as bare as nogo's:
// all of them together, and each alone (a nogo listing only that rule).
func TestNogoMinimalPass(t *testing.T) {
	fset, std := stdlib(t)
	all := analyzer.Rules()
	sets := [][]*analysis.Analyzer{all}
	if len(all) > 1 {
		for _, a := range all {
			sets = append(sets, []*analysis.Analyzer{a})
		}
	}
	for _, tc := range []struct {
		name, src string
		want      []int // lines of the nochallenge findings
	}{
		{"bare 401", bareSrc, []int{bareLine}},
		{"clean", cleanSrc, nil},
	} {
		p := load(t, fset, "example.com/svc", map[string]string{"svc.go": tc.src}, std)
		for _, rules := range sets {
			var names []string
			for _, a := range rules {
				names = append(names, a.Name)
			}
			t.Run(tc.name+"/"+strings.Join(names, "+"), func(t *testing.T) {
				diags, err := run(p, newFactSet(p.types), rules)
				if err != nil {
					t.Fatal(err)
				}
				checkCategories(t, diags, rules)
				var got []int
				for a, ds := range diags {
					for _, d := range ds {
						if a.Name != "nochallenge" {
							t.Errorf("%s: unexpected %s: %s", fset.Position(d.Pos), a.Name, d.Message)
							continue
						}
						got = append(got, fset.Position(d.Pos).Line)
						if !strings.Contains(d.Message, "without a WWW-Authenticate challenge") {
							t.Errorf("nochallenge message: %s", d.Message)
						}
					}
				}
				want := tc.want
				if !slices.ContainsFunc(rules, func(a *analysis.Analyzer) bool { return a.Name == "nochallenge" }) {
					want = nil
				}
				slices.Sort(got)
				if !slices.Equal(got, want) {
					t.Errorf("nochallenge findings on lines %v, want %v", got, want)
				}
			})
		}
	}
}

// TestNogoCategories: every diagnostic a rule reports, including those about
// its suppression directives, carries the rule's Name as Category.
func TestNogoCategories(t *testing.T) {
	fset, std := stdlib(t)
	rules := analyzer.Rules()
	p := load(t, fset, "example.com/svc", map[string]string{"svc.go": categoriesSrc}, std)
	diags, err := run(p, newFactSet(p.types), rules)
	if err != nil {
		t.Fatal(err)
	}
	checkCategories(t, diags, rules)
	var msgs []string
	for _, f := range findings(fset, diags, rules) {
		msgs = append(msgs, f.Message)
	}
	joined := strings.Join(msgs, "\n")
	for _, want := range []string{"without a Proxy-Authenticate challenge", "unused authchallenge:ignore directive"} {
		if !strings.Contains(joined, want) {
			t.Errorf("no diagnostic containing %q; got:\n%s", want, joined)
		}
	}
}

// TestNogoFactsGob: facts travel between nogo's compile actions gob
// encoded, behind the analysis.Fact interface. Every declared fact type
// must round-trip.
func TestNogoFactsGob(t *testing.T) {
	for _, a := range closure(analyzer.Rules()) {
		for _, f := range a.FactTypes {
			typ := reflect.TypeOf(f)
			if typ.Kind() != reflect.Pointer {
				t.Errorf("%s: fact type %v is not a pointer", a.Name, typ)
				continue
			}
			gob.Register(f)
			// A zero value and one with every field set.
			for _, v := range []analysis.Fact{
				reflect.New(typ.Elem()).Interface().(analysis.Fact),
				filled(typ).(analysis.Fact),
			} {
				var buf bytes.Buffer
				in := []gobFact{{PkgPath: "example.com/p", Object: "Fn", Fact: v}}
				if err := gob.NewEncoder(&buf).Encode(in); err != nil {
					t.Errorf("%s: encoding %T: %v", a.Name, v, err)
					continue
				}
				var out []gobFact
				if err := gob.NewDecoder(&buf).Decode(&out); err != nil {
					t.Errorf("%s: decoding %T: %v", a.Name, v, err)
					continue
				}
				if !reflect.DeepEqual(in, out) {
					t.Errorf("%s: %T does not round-trip through gob: %#v became %#v", a.Name, v, in[0].Fact, out[0].Fact)
				}
			}
		}
	}
}

// filled returns a new *T with each exported field (recursively) set to a
// non-zero value, so that a field gob cannot carry shows up.
func filled(typ reflect.Type) any {
	v := reflect.New(typ.Elem())
	fill(v.Elem(), 0)
	return v.Interface()
}

func fill(v reflect.Value, depth int) {
	if depth > 4 || !v.CanSet() {
		return
	}
	switch v.Kind() {
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(3)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		v.SetUint(3)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(1.5)
	case reflect.String:
		v.SetString("x.go:3")
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 1, 1)
		fill(s.Index(0), depth+1)
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		fill(k, depth+1)
		fill(e, depth+1)
		m.SetMapIndex(k, e)
		v.Set(m)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		fill(p.Elem(), depth+1)
		v.Set(p)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), depth+1)
			}
		}
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			fill(v.Index(i), depth+1)
		}
	}
}

// TestNogoFactsAcrossPackages: a helper package a exports its summaries as
// facts; package b, compiled separately with a known only from export data
// and a's facts only from their gob encoding, sees them.
func TestNogoFactsAcrossPackages(t *testing.T) {
	fset, std := stdlib(t)
	rules := analyzer.Rules()
	for _, a := range closure(rules) {
		for _, f := range a.FactTypes {
			gob.Register(f)
		}
	}

	// Package a.
	pa := load(t, fset, "example.com/a", map[string]string{"a.go": helperSrc}, std)
	factsA := newFactSet(pa.types)
	diagsA, err := run(pa, factsA, rules)
	if err != nil {
		t.Fatal(err)
	}
	if fs := findings(fset, diagsA, rules); len(fs) != 0 {
		t.Errorf("package a: want no findings (its callers answer for Deny), got %v", fs)
	}
	exportedA := make(map[string]analysis.Fact) // objectpath or "package", + type → fact
	for k, f := range factsA.objs {
		path, err := objectpath.For(k.obj)
		if err != nil {
			t.Fatalf("fact on %v has no object path: %v", k.obj, err)
		}
		exportedA[string(path)+" "+k.t.String()] = f
	}
	for k, f := range factsA.pkgs {
		exportedA["package "+k.t.String()] = f
	}
	if len(factsA.objs) == 0 || len(factsA.pkgs) == 0 {
		t.Fatalf("package a exported %d object facts and %d package facts; want some of each", len(factsA.objs), len(factsA.pkgs))
	}
	data := factsA.encode(t)

	// Package b, importing a from export data.
	imports := exportData(t, pa, std)
	pb := load(t, token.NewFileSet(), "example.com/b", map[string]string{"b.go": consumerSrc}, imports)
	factsB := newFactSet(pb.types)
	factsB.decode(t, data)
	importedA := make(map[string]analysis.Fact)
	for k, f := range factsB.objs {
		if k.obj.Pkg().Path() != "example.com/a" {
			continue
		}
		path, _ := objectpath.For(k.obj)
		importedA[string(path)+" "+k.t.String()] = f
	}
	for k, f := range factsB.pkgs {
		if k.pkg.Path() == "example.com/a" {
			importedA["package "+k.t.String()] = f
		}
	}
	if !reflect.DeepEqual(exportedA, importedA) {
		t.Errorf("a's facts changed on the way to b:\nexported %v\nimported %v", exportedA, importedA)
	}

	diagsB, err := run(pb, factsB, rules)
	if err != nil {
		t.Fatal(err)
	}
	checkCategories(t, diagsB, rules)
	fs := findings(pb.fset, diagsB, rules)
	if len(fs) != 1 || fs[0].Rule != "nochallenge" || !strings.HasPrefix(fs[0].Posn, "b.go:"+strconv.Itoa(consumerLine)+":") ||
		!strings.Contains(fs[0].Message, "Deny") {
		t.Errorf("package b: want one nochallenge finding at the a.Deny call (b.go:%d), got %v", consumerLine, fs)
	}

	// b's own facts carry a's on to b's importers, as nogo's do.
	var again []gobFact
	if err := gob.NewDecoder(bytes.NewReader(factsB.encode(t))).Decode(&again); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range again {
		if f.PkgPath == "example.com/a" {
			n++
		}
	}
	if n != len(exportedA) {
		t.Errorf("b's facts carry %d of a's %d facts", n, len(exportedA))
	}
}

// TestNogoNoFileAccess: under nogo a pass has no ReadFile, Module,
// OtherFiles or IgnoredFiles, and the sandbox holds only the package's
// sources: the analyzers read no files. This is a syntactic check of the
// non-test sources under passes/ and analyzer/.
func TestNogoNoFileAccess(t *testing.T) {
	n, problems := fileAccess(t, filepath.Join("..", "passes"), filepath.Join("..", "analyzer"))
	if n == 0 {
		t.Fatal("no sources checked")
	}
	for _, p := range problems {
		t.Error(p)
	}

	// The check itself finds what it looks for.
	dir := t.TempDir()
	bad := `package bad

import (
	"io/ioutil"
	fsys "os"

	"golang.org/x/tools/go/analysis"
)

type model struct{ p *analysis.Pass }

func run(pass *analysis.Pass, m *model) {
	_, _ = fsys.ReadFile("x")
	_, _ = fsys.Open("x")
	_, _ = ioutil.ReadFile("x")
	_, _ = pass.ReadFile("x")
	_ = pass.Module
	_ = m.p.OtherFiles
}
`
	if err := os.WriteFile(filepath.Join(dir, "bad.go"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "bad_test.go"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	if n, problems := fileAccess(t, dir); n != 1 || len(problems) != 6 {
		t.Errorf("self-check: %d files, %d problems, want 1 file and 6 problems:\n%s", n, len(problems), strings.Join(problems, "\n"))
	}
}

// fileAccess reports the calls that read files and the uses of the Pass
// fields nogo leaves unset in the non-test Go files under dirs.
func fileAccess(t *testing.T, dirs ...string) (files int, problems []string) {
	t.Helper()
	forbiddenFuncs := map[string]map[string]bool{
		"os":        {"ReadFile": true, "Open": true, "OpenFile": true, "ReadDir": true, "DirFS": true},
		"io/ioutil": {"ReadFile": true, "ReadDir": true},
		"io/fs":     {"ReadFile": true, "ReadDir": true},
	}
	passFields := map[string]bool{"ReadFile": true, "Module": true, "OtherFiles": true, "IgnoredFiles": true}
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && path != dir && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			files++
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				return err
			}
			// Local names of the file-reading packages and of x/tools' analysis.
			imported := make(map[string]string)
			analysisName := ""
			for _, imp := range f.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				name := p[strings.LastIndex(p, "/")+1:]
				if imp.Name != nil {
					name = imp.Name.Name
				}
				if forbiddenFuncs[p] != nil {
					imported[name] = p
				}
				if p == "golang.org/x/tools/go/analysis" {
					analysisName = name
				}
			}
			// Names declared as *analysis.Pass: parameters, fields, variables.
			passNames := map[string]bool{"pass": true}
			ast.Inspect(f, func(n ast.Node) bool {
				if field, ok := n.(*ast.Field); ok && isPassType(field.Type, analysisName) {
					for _, id := range field.Names {
						passNames[id.Name] = true
					}
				}
				if vs, ok := n.(*ast.ValueSpec); ok && vs.Type != nil && isPassType(vs.Type, analysisName) {
					for _, id := range vs.Names {
						passNames[id.Name] = true
					}
				}
				return true
			})
			// Module may be read where the file handles its nil (nogo
			// leaves it unset; pass.Module == nil decides for that case).
			moduleNil := make(map[string]bool)
			ast.Inspect(f, func(n ast.Node) bool {
				if be, ok := n.(*ast.BinaryExpr); ok && be.Op == token.EQL {
					if sel, ok := be.X.(*ast.SelectorExpr); ok && sel.Sel.Name == "Module" {
						// pass.Module or m.pass.Module, named as the
						// reads below name them
						x := baseName(sel.X)
						if y, ok := be.Y.(*ast.Ident); ok && y.Name == "nil" && passNames[x] {
							moduleNil[x] = true
						}
					}
				}
				return true
			})
			ast.Inspect(f, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				x := baseName(sel.X)
				if x == "" {
					return true
				}
				if p, ok := imported[x]; ok && forbiddenFuncs[p][sel.Sel.Name] {
					problems = append(problems, fmt.Sprintf("%s: %s.%s: analyzers read no files (nogo's sandbox holds only the package's sources)",
						fset.Position(sel.Pos()), p, sel.Sel.Name))
				}
				if passNames[x] && passFields[sel.Sel.Name] && !(sel.Sel.Name == "Module" && moduleNil[x]) {
					problems = append(problems, fmt.Sprintf("%s: %s.%s: nogo leaves Pass.%s unset",
						fset.Position(sel.Pos()), x, sel.Sel.Name, sel.Sel.Name))
				}
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return files, problems
}

func isPassType(e ast.Expr, analysisName string) bool {
	star, ok := e.(*ast.StarExpr)
	if !ok {
		return false
	}
	sel, ok := star.X.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	return ok && analysisName != "" && id.Name == analysisName && sel.Sel.Name == "Pass"
}

// TestNogoNoGlobalState: nogo runs the analyzers of a package concurrently,
// and other drivers (golangci-lint, gopls) run many packages in one process
// at once. The same rules over the same package, several times at once, give
// the same findings (run it with -race).
func TestNogoNoGlobalState(t *testing.T) {
	fset, std := stdlib(t)
	rules := analyzer.Rules()
	p := load(t, fset, "example.com/svc", map[string]string{"svc.go": bareSrc, "proxy.go": strings.Replace(categoriesSrc, "func Proxy", "func Proxy2", 1)}, std)

	want, err := run(p, newFactSet(p.types), rules)
	if err != nil {
		t.Fatal(err)
	}
	wantF := findings(fset, want, rules)
	if len(wantF) == 0 {
		t.Fatal("no findings to compare")
	}
	const n = 4
	got := make([][]finding, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d, err := run(p, newFactSet(p.types), rules)
			got[i], errs[i] = findings(fset, d, rules), err
		}()
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil {
			t.Errorf("run %d: %v", i, errs[i])
		}
		if !reflect.DeepEqual(got[i], wantF) {
			t.Errorf("run %d found\n%v\nwant\n%v", i, got[i], wantF)
		}
	}
}

// baseName names the base of a selector as the nogo checks do: pass in
// pass.Module, the field pass in m.pass.Module; "" for any other base.
func baseName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	}
	return ""
}
