package driver

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/authchallenge/authchallenge/passes/gate"

	"golang.org/x/tools/go/packages"
)

// loadMode is what go list tells the driver: the import graph, every
// package's files and the export data the compiler wrote for it. The
// driver parses and type-checks the packages it analyses itself (see
// loader), and reads the others from their export data.
const loadMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
	packages.NeedDeps | packages.NeedExportFile | packages.NeedModule | packages.NeedTypesSizes

// loaded is the outcome of load.
type loaded struct {
	roots []*packages.Package // the named packages (and their test variants)
	// deps are the dependencies analysed for their facts: those that
	// can matter (CanMatter), and those that import a named package.
	deps []*packages.Package
	// origin says where the facts of every package of the graph come
	// from (originNamed, originAnalysed, originUnavailable).
	origin map[*packages.Package]string
}

// Where the facts of a package come from.
const (
	originNamed       = "named"       // named on the command line: analysed, findings reported
	originAnalysed    = "analysed"    // a dependency analysed for its facts
	originUnavailable = "unavailable" // read from export data: the standard library, or nothing there can matter
)

// load loads the packages named by patterns and their dependencies: the
// named ones and, with facts (some analyzer uses facts), the dependencies
// whose facts can matter with syntax and types, checked from source; the
// others from export data.
func load(patterns []string, tests bool, tags string, facts bool) (*loaded, error) {
	cfg := &packages.Config{Mode: loadMode, Tests: tests}
	if tags != "" {
		cfg.BuildFlags = []string{"-tags=" + tags}
	}
	all, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	cache := goCache()
	out := &loaded{origin: make(map[*packages.Package]string)}
	for _, p := range all {
		if synthesized(p, cache) {
			continue
		}
		out.roots = append(out.roots, p)
		out.origin[p] = originNamed
	}
	packages.Visit(out.roots, nil, func(p *packages.Package) {
		importsAnalysed := false
		for _, imp := range p.Imports {
			importsAnalysed = importsAnalysed || out.origin[imp] == originNamed || out.origin[imp] == originAnalysed
		}
		if out.origin[p] == originNamed {
			return
		}
		// A package that imports an analysed one is analysed too,
		// whatever it imports: its types must be those checked from
		// source, not a second copy read from export data.
		if importsAnalysed && p.Module != nil || facts && CanMatter(p) {
			out.origin[p] = originAnalysed
			out.deps = append(out.deps, p)
			return
		}
		out.origin[p] = originUnavailable
	})
	return out, nil
}

// check parses and type-checks the named packages but those in skip (whose
// findings are known), and the packages analysed for their facts that they
// import; it reads the rest from export data as needed, and returns the
// packages checked from source.
func (l *loaded) check(skip map[*packages.Package]bool) map[*packages.Package]bool {
	need := l.need(skip)
	newLoader(l.roots, need).run()
	return need
}

// need returns the packages to check from source: the named packages but
// those in skip, and the packages analysed for their facts that they
// import.
func (l *loaded) need(skip map[*packages.Package]bool) map[*packages.Package]bool {
	need := make(map[*packages.Package]bool)
	var visit func(p *packages.Package)
	visit = func(p *packages.Package) {
		if need[p] {
			return
		}
		need[p] = true
		for _, imp := range p.Imports {
			if o := l.origin[imp]; o == originNamed || o == originAnalysed {
				visit(imp)
			}
		}
	}
	for _, p := range l.roots {
		if !skip[p] {
			visit(p)
		}
	}
	return need
}

// CanMatter reports whether the facts of dependency p can change what the
// rules find in the packages that import it, so that the driver analyses
// it: p belongs to your own modules (the main module, the workspace, a
// module replaced by a local directory) and lies outside what the knowledge
// table describes. Whether a package of your own can answer a request or
// check credentials (a token package that never imports net/http verifies
// what it is handed as text) is the models' gate, decided from its types
// (ir.Gate); a package past neither costs its type-checking only.
func CanMatter(p *packages.Package) bool {
	if p.Module == nil || gate.Covered(p.PkgPath) {
		return false // the standard library, or a package the table describes
	}
	// A module fetched from a registry: analysing every such module
	// that reaches net/http took 20 times the floor and 5.7 GB on the
	// corpus. Only your own modules are analysed for now.
	return ownModule(p.Module)
}

// ownModule: the main module, a workspace module, or a module replaced by
// a local directory.
func ownModule(m *packages.Module) bool {
	return m.Main || m.Replace != nil && m.Replace.Version == ""
}

// isolate cuts every import edge of pkgs that leads outside pkgs: facts
// flow between the analysed packages only, and the executor must not analyse
// (or need the syntax of) the others. It runs after triage, which reports
// the errors of the dependencies too.
func isolate(pkgs []*packages.Package) {
	byID := make(map[string]*packages.Package)
	for _, p := range pkgs {
		byID[p.ID] = p
	}
	for _, p := range pkgs {
		imports := make(map[string]*packages.Package)
		for path, imp := range p.Imports {
			if r := byID[imp.ID]; r != nil {
				imports[path] = r
			}
		}
		p.Imports = imports
	}
}

// synthesized reports whether p is a test main package that go list made up
// (its ID ends in ".test" and its files live in the build cache). Both
// conditions are needed: a real package may have a path ending in ".test"
// (module example.test), and the compiled files of a cgo package are all in
// the build cache, so GoFiles (the sources) are checked, not CompiledGoFiles.
func synthesized(p *packages.Package, cache string) bool {
	if !strings.HasSuffix(p.ID, ".test") {
		return false
	}
	if cache == "" || len(p.GoFiles) == 0 {
		return true
	}
	for _, f := range p.GoFiles {
		if !strings.HasPrefix(f, cache+string(filepath.Separator)) {
			return false
		}
	}
	return true
}

func goCache() string {
	if c := os.Getenv("GOCACHE"); c != "" {
		return filepath.Clean(c)
	}
	out, err := exec.Command("go", "env", "GOCACHE").Output()
	if err != nil {
		return ""
	}
	return filepath.Clean(strings.TrimSpace(string(out)))
}

// loadError is one reason a package did not load or type-check, printed as
// go prints it: file:line:col: message.
type loadError struct {
	File      string // relative to the working directory when below it; "" if go gave no position
	Line, Col int    // 0 when unknown
	Msg       string
}

func (e loadError) String() string {
	if e.File == "" {
		return e.Msg
	}
	pos := e.File
	if e.Line > 0 {
		pos += ":" + strconv.Itoa(e.Line)
		if e.Col > 0 {
			pos += ":" + strconv.Itoa(e.Col)
		}
	}
	return pos + ": " + e.Msg
}

// loadReport is what kept packages from being analysed.
type loadReport struct {
	errors  []loadError // each once, dependencies' first
	skipped []string    // named packages that load but depend on one that does not
}

func (r *loadReport) failed() bool { return len(r.errors) > 0 || len(r.skipped) > 0 }

// lines returns the report as printed: the errors, then one line naming
// the packages left out because of them.
func (r *loadReport) lines() []string {
	var out []string
	for _, e := range r.errors {
		out = append(out, e.String())
	}
	if msg := r.skippedMsg(); msg != "" {
		out = append(out, "authchallenge: "+msg)
	}
	return out
}

func (r *loadReport) skippedMsg() string {
	switch len(r.skipped) {
	case 0:
		return ""
	case 1:
		return "not analysed, as a package it depends on failed to load: " + r.skipped[0]
	}
	return fmt.Sprintf("%d packages not analysed, as packages they depend on failed to load: %s",
		len(r.skipped), strings.Join(r.skipped, ", "))
}

// "file:line:col: message", as go list and the compiler print errors.
var posnMsg = regexp.MustCompile(`^(\S.*?):(\d+)(?::(\d+))?: (.*)$`)

// triage returns the roots that can be analysed, those that loaded and
// type-checked along with all their dependencies, and what kept the others
// out. Each error is kept once (a package and its test variant share
// files), in go's position-first form. Errors that only follow from another
// are left out, as go build leaves them: a package's type errors when it
// has syntax errors, and when a package it imports failed ("could not
// import", uses of the broken declarations), whose own errors say why.
func triage(roots []*packages.Package) ([]*packages.Package, *loadReport) {
	report := new(loadReport)
	seen := make(map[string]bool)
	add := func(e loadError) {
		if k := e.String(); !seen[k] {
			seen[k] = true
			report.errors = append(report.errors, e)
		}
	}
	broken := make(map[*packages.Package]bool)    // errors of its own
	depBroken := make(map[*packages.Package]bool) // a dependency did not load
	packages.Visit(roots, nil, func(p *packages.Package) {
		for _, imp := range p.Imports {
			if broken[imp] || depBroken[imp] {
				depBroken[p] = true
			}
		}
		own := ownErrors(p, depBroken[p])
		for _, e := range own {
			add(e)
		}
		switch {
		case len(own) > 0:
			broken[p] = true
		case p.IllTyped && !depBroken[p]:
			// Ill-typed without a word from go: say so rather than
			// analyse incomplete types.
			broken[p] = true
			add(loadError{Msg: p.ID + ": package did not type-check"})
		}
	})
	var ok []*packages.Package
	skipped := make(map[string]bool)
	for _, p := range roots {
		switch {
		case broken[p]:
		case depBroken[p]:
			if !skipped[p.PkgPath] {
				skipped[p.PkgPath] = true
				report.skipped = append(report.skipped, p.PkgPath)
			}
		default:
			ok = append(ok, p)
		}
	}
	slices.Sort(report.skipped)
	return ok, report
}

// ownErrors returns the errors of p that are its own, in go's form.
func ownErrors(p *packages.Package, depBroken bool) []loadError {
	syntax, checked := false, false
	for _, e := range p.Errors {
		syntax = syntax || e.Kind == packages.ParseError
		checked = checked || e.Kind == packages.ParseError || e.Kind == packages.TypeError
	}
	var out []loadError
	for _, e := range p.Errors {
		if hdr, rest, ok := strings.Cut(e.Msg, "\n"); ok && e.Pos == "" && strings.HasPrefix(hdr, "# ") {
			// The compiler's output (go list -export builds the
			// packages): "# path" then position-first lines, which the
			// parse and type errors repeat when p was checked.
			if !checked {
				out = append(out, compilerErrors(rest)...)
			}
			continue
		}
		if e.Kind == packages.TypeError && (syntax || depBroken) {
			continue
		}
		out = append(out, posError(e.Pos, e.Msg))
	}
	return out
}

// posError builds an error from a go/packages position ("file:line:col",
// "file:line", "file", "-" or "").
func posError(pos, msg string) loadError {
	e := loadError{Msg: msg}
	if pos == "" || pos == "-" {
		return e
	}
	var nums []int
	for range 2 {
		i := strings.LastIndexByte(pos, ':')
		if i < 0 {
			break
		}
		n, err := strconv.Atoi(pos[i+1:])
		if err != nil {
			break
		}
		nums = append([]int{n}, nums...)
		pos = pos[:i]
	}
	e.File = relPath(pos)
	if len(nums) > 0 {
		e.Line = nums[0]
	}
	if len(nums) > 1 {
		e.Col = nums[1]
	}
	return e
}

// compilerErrors splits the compiler's output into errors; indented lines
// continue the error before them.
func compilerErrors(out string) []loadError {
	var errs []loadError
	for _, line := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		if m := posnMsg.FindStringSubmatch(line); m != nil {
			line, _ := strconv.Atoi(m[2])
			col, _ := strconv.Atoi(m[3])
			errs = append(errs, loadError{File: relPath(m[1]), Line: line, Col: col, Msg: m[4]})
			continue
		}
		if len(errs) > 0 && (strings.HasPrefix(line, "\t") || strings.HasPrefix(line, " ")) {
			errs[len(errs)-1].Msg += "\n" + line
			continue
		}
		if line != "" {
			errs = append(errs, loadError{Msg: line})
		}
	}
	return errs
}
