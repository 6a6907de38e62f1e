// Package driver is the standalone authchallenge command: it loads packages
// with go/packages and runs the rules over them. Under `go vet -vettool` the
// command hands over to unitchecker instead (see cmd/authchallenge).
//
// The packages named on the command line are analysed and their findings
// reported. Their dependencies in your own modules (CanMatter: outside the
// standard library and the frameworks the knowledge table describes) are
// analysed too, for their facts only, so that a package named alone is
// judged as `./...` and go vet judge it: a framework, an authentication
// module or a token package of the company's own is learned from its code. The rest, the standard library
// first, is read from export data, as the compiler and go vet see it; what
// the rules know of it is written in their table. This keeps the cost far
// below the stock checker's, which parses and analyses every dependency,
// the standard library included, as soon as an analyzer uses facts.
package driver

import (
	"cmp"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/authchallenge/authchallenge/passes/config"
)

// Exit codes.
const (
	ExitClean    = 0 // no findings
	ExitError    = 1 // packages failed to load or type-check, or an internal error
	ExitUsage    = 2 // bad flags
	ExitFindings = 3 // findings were reported
)

// Main runs the standalone driver with args (without the program name) and
// returns the exit code.
func Main(args []string, rules []*analysis.Analyzer, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("authchallenge", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		format    = formatValue(formatText)
		jsonOut   = fs.Bool("json", false, "same as -format json")
		fix       = fs.Bool("fix", false, "apply the suggested fixes to the files; the findings left unfixed are printed as -format says")
		diff      = fs.Bool("diff", false, "with -fix, print the fixes as a unified diff instead of applying them")
		tests     = fs.Bool("test", false, "load the packages' _test.go files; when not given, they are loaded if -tests reports their findings")
		tags      = fs.String("tags", "", "comma-separated build tags")
		version   = fs.Bool("version", false, "print the version and exit")
		explainR  = fs.String("explain", "", "print the documentation of the rule `RULE` and the flags that apply to it, then exit")
		inventory = fs.Bool("inventory", false, "instead of the findings, print the packages' authentication surface: chains and middleware stacks with\nthe class of each element, positional challenge lookups, and 401/403/407/redirect sites with the challenges\nset before them (text, or JSON with -format json); exit status 0 once printed")
		useCache  = fs.Bool("cache", true, "keep the findings of every package between runs, and reuse them while the package, the packages it\nimports and the flags are unchanged")
		cacheDir  = fs.String("cache-dir", defaultCacheDir(), "the result cache's `DIR`ectory")
	)
	fs.Var(&format, "format", "print the findings as `FORMAT`: text (file:line:col: message (rule)), json (the go/analysis shape:\npackage → rule → diagnostics), sarif (SARIF 2.1.0) or github (GitHub Actions ::warning annotations)")
	enabled := make(map[*analysis.Analyzer]*bool)
	for _, a := range rules {
		enabled[a] = fs.Bool(a.Name, true, "enable the "+a.Name+" rule: "+firstLine(a.Doc))
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	// The shared configuration the rules require is set without a prefix
	// (-challenge-headers=LFS-Authenticate).
	for _, cfg := range Shared(rules) {
		cfg.Flags.VisitAll(func(f *flag.Flag) {
			if fs.Lookup(f.Name) == nil {
				fs.Var(f.Value, f.Name, f.Usage)
			}
		})
	}
	fs.Usage = func() {
		fmt.Fprintf(stderr, `authchallenge finds HTTP and gRPC authentication failures answered with the wrong status
or without a challenge.

Usage:
  authchallenge [flags] [packages]        (packages default to ./...)
  authchallenge -explain RULE             (a rule's documentation and flags)
  authchallenge -inventory [packages]     (the authentication surface instead of findings)
  go vet -vettool=$(command -v authchallenge) [packages]

Exit status: 0 no findings, 3 findings, 1 packages failed to load or type-check, 2 bad flags.
(-explain and -inventory exit 0 once printed.)

Flags:
`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitClean
		}
		return ExitUsage
	}
	// The test files are loaded when their findings are reported (-tests),
	// unless -test says otherwise: with their findings off, loading them
	// doubles the work (each package is analysed again with its tests) for
	// findings in the package's own files, which it holds without them.
	if f := fs.Lookup(config.FlagTests); f != nil && !setFlags(fs)["test"] {
		*tests = f.Value.String() == "true"
	}
	if *version {
		fmt.Fprintln(stdout, "authchallenge", Version())
		return ExitClean
	}
	if err := resolveFormat(fs, &format, *jsonOut, *inventory, *fix); err != nil {
		fmt.Fprintf(stderr, "authchallenge: %v\n", err)
		fs.Usage()
		return ExitUsage
	}
	if isSet(fs, "explain") {
		return explain(stdout, stderr, *explainR, rules, fs)
	}
	var active []*analysis.Analyzer
	for _, a := range rules {
		if *enabled[a] {
			active = append(active, a)
		}
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}

	models := active
	if *inventory {
		models = rules
	}
	ld, err := load(patterns, *tests, *tags, usesFacts(models))
	if err != nil {
		fmt.Fprintf(stderr, "authchallenge: %v\n", err)
		return ExitError
	}
	if len(ld.roots) == 0 {
		fmt.Fprintf(stderr, "authchallenge: no packages match %s\n", strings.Join(patterns, " "))
		return ExitError
	}
	// The findings of the named packages whose cache key has an entry
	// are reused: those packages are neither type-checked nor analysed.
	var (
		rc     *resultCache
		keys   = make(map[*packages.Package]cacheKey)
		hits   = make(map[*packages.Package]bool)
		reused []finding
	)
	if *useCache && !*inventory && len(active) > 0 {
		rc = newResultCache(*cacheDir, cacheConfig(fs, rules))
	}
	if rc != nil {
		for _, p := range ld.roots {
			if k, ok := rc.key(p, ld.origin); ok {
				keys[p] = k
				if got, ok := rc.get(k, p, rules); ok {
					hits[p] = true
					reused = append(reused, got...)
				}
			}
		}
	}
	var (
		findings = reused
		failed   bool
		report   *loadReport
		pkgs     []*packages.Package
	)
	if !*inventory && len(active) > 0 {
		// Each package is type-checked as the executor opens it (see
		// analyzeChecking); the errors are known, and printed, once
		// the analysis is done.
		need := ld.need(hits)
		var toAnalyse []*packages.Package
		for _, p := range ld.roots {
			if need[p] {
				toAnalyse = append(toAnalyse, p)
			}
		}
		var roots []*action
		if len(toAnalyse) > 0 {
			var err error
			roots, err = analyzeChecking(active, toAnalyse, need, newLoader(ld.roots, need).check)
			if err != nil {
				fmt.Fprintf(stderr, "authchallenge: %v\n", err)
				return ExitError
			}
		}
		pkgs, report = triage(ld.roots)
		for _, l := range report.lines() {
			fmt.Fprintln(stderr, l)
		}
		failed = report.failed()
		healthy := make(map[*packages.Package]bool)
		for _, p := range pkgs {
			healthy[p] = true
		}
		roots = slices.DeleteFunc(roots, func(act *action) bool { return !healthy[act.pkg.p] })
		failed = addFindings(&findings, roots, toAnalyse, healthy, keys, rc, stderr) || failed
	} else {
		// The inventory runs the models with go/analysis/checker, which
		// needs every package checked first; with every rule off, the
		// packages are checked for their errors alone.
		checked := ld.check(hits)
		pkgs, report = triage(ld.roots)
		for _, l := range report.lines() {
			fmt.Fprintln(stderr, l)
		}
		failed = report.failed()
		if *inventory {
			var analysed []*packages.Package
			for _, p := range append(slices.Clone(ld.roots), ld.deps...) {
				if checked[p] && !p.IllTyped {
					analysed = append(analysed, p)
				}
			}
			facts := factsOrigins(pkgs, ld, checked)
			isolate(analysed)
			code := runInventory(stdout, stderr, rules, pkgs, facts, format)
			if code == ExitClean && failed {
				code = ExitError
			}
			return code
		}
	}
	findings = dedup(findings)

	switch {
	case *fix:
		rest, err := applyFixes(findings, *diff, stdout)
		if err != nil {
			fmt.Fprintf(stderr, "authchallenge: %v\n", err)
			return ExitError
		}
		if !*diff {
			// Findings without a fix (or with one that cannot be
			// applied) are still findings.
			printFindings(stdout, format, rest, rules, report)
			findings = rest
		}
	default:
		printFindings(stdout, format, findings, rules, report)
	}
	switch {
	case failed:
		// Whatever was found, some packages were not analysed.
		return ExitError
	case len(findings) > 0:
		return ExitFindings
	}
	return ExitClean
}

// usesFacts reports whether an analyzer of as, or one they require, uses
// facts: only then do the dependencies' facts matter.
func usesFacts(as []*analysis.Analyzer) bool {
	seen := make(map[*analysis.Analyzer]bool)
	var visit func(a *analysis.Analyzer) bool
	visit = func(a *analysis.Analyzer) bool {
		if seen[a] {
			return false
		}
		seen[a] = true
		return len(a.FactTypes) > 0 || slices.ContainsFunc(a.Requires, visit)
	}
	return slices.ContainsFunc(as, visit)
}

// Shared returns the shared configuration analyzers (those whose result is
// a *config.Config) that the rules require, directly or through a model.
func Shared(rules []*analysis.Analyzer) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	seen := make(map[*analysis.Analyzer]bool)
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		if a.ResultType == reflect.TypeFor[*config.Config]() {
			out = append(out, a)
		}
		for _, r := range a.Requires {
			visit(r)
		}
	}
	for _, a := range rules {
		visit(a)
	}
	return out
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if _, rest, ok := strings.Cut(s, ": "); ok {
		return rest
	}
	return s
}

type finding struct {
	pkg      *packages.Package
	analyzer *analysis.Analyzer
	diag     analysis.Diagnostic
	posn     token.Position
}

// addFindings adds to findings those of the actions roots on the packages
// toAnalyse (those in healthy, when it is set), and stores them in the
// result cache; it reports whether an analysis failed.
func addFindings(findings *[]finding, roots []*action, toAnalyse []*packages.Package, healthy map[*packages.Package]bool,
	keys map[*packages.Package]cacheKey, rc *resultCache, stderr io.Writer) bool {
	failed := false
	byPkg, pkgFailed := collect(roots, stderr)
	for _, p := range toAnalyse {
		if healthy != nil && !healthy[p] {
			continue
		}
		if pkgFailed[p] {
			failed = true
			continue
		}
		*findings = append(*findings, byPkg[p]...)
		if k, ok := keys[p]; ok && rc != nil {
			rc.put(k, p, byPkg[p])
		}
	}
	return failed
}

// collect gathers the diagnostics of the root actions by package, and the
// packages for which an analysis failed (the errors are printed).
func collect(roots []*action, stderr io.Writer) (map[*packages.Package][]finding, map[*packages.Package]bool) {
	out := make(map[*packages.Package][]finding)
	failed := make(map[*packages.Package]bool)
	for _, act := range roots {
		p := act.pkg.p
		if act.err != nil {
			fmt.Fprintf(stderr, "authchallenge: %s: %v\n", p.ID, act.err)
			failed[p] = true
			continue
		}
		for _, d := range act.diags {
			out[p] = append(out[p], finding{p, act.a, d, p.Fset.Position(d.Pos)})
		}
	}
	return out, failed
}

// dedup drops the duplicates that a file shared by p and its test variant
// produces, and sorts the findings by position.
func dedup(findings []finding) []finding {
	type key struct {
		posn     token.Position
		analyzer string
		msg      string
	}
	seen := make(map[key]bool)
	var out []finding
	for _, f := range findings {
		k := key{f.posn, f.analyzer.Name, f.diag.Message}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, f)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].posn, out[j].posn
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return out[i].analyzer.Name < out[j].analyzer.Name
	})
	return out
}

// cacheConfig lists what configures the analysis, for the cache keys: the
// rules the driver knows and the value of every flag but those that only
// choose the output.
func cacheConfig(fs *flag.FlagSet, rules []*analysis.Analyzer) []string {
	var out []string
	for _, a := range rules {
		out = append(out, "rule "+a.Name)
	}
	output := map[string]bool{"format": true, "json": true, "fix": true, "diff": true, "version": true,
		"explain": true, "inventory": true, "cache": true, "cache-dir": true}
	fs.VisitAll(func(f *flag.Flag) {
		if !output[f.Name] {
			out = append(out, "-"+f.Name+"="+f.Value.String())
		}
	})
	return out
}

func printText(w io.Writer, findings []finding) {
	for _, f := range findings {
		fmt.Fprintf(w, "%s: %s (%s)\n", relPath(f.posn.String()), f.diag.Message, f.analyzer.Name)
	}
}

// relPath shortens a "file:line:col" position to a path relative to the
// working directory when the file lies below it.
func relPath(posn string) string {
	wd, err := os.Getwd()
	if err != nil || !filepath.IsAbs(posn) {
		return posn
	}
	if rel, err := filepath.Rel(wd, posn); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return posn
}

// The JSON shape of go/analysis drivers (go vet -json, multichecker -json).
type (
	jsonTextEdit struct {
		Filename string `json:"filename"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
		New      string `json:"new"`
	}
	jsonSuggestedFix struct {
		Message string         `json:"message"`
		Edits   []jsonTextEdit `json:"edits"`
	}
	jsonRelated struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	}
	jsonDiagnostic struct {
		Category       string             `json:"category,omitempty"`
		Posn           string             `json:"posn"`
		End            string             `json:"end"`
		Message        string             `json:"message"`
		SuggestedFixes []jsonSuggestedFix `json:"suggested_fixes,omitempty"`
		Related        []jsonRelated      `json:"related,omitempty"`
	}
)

func printJSON(w io.Writer, findings []finding) {
	tree := make(map[string]map[string][]jsonDiagnostic)
	for _, f := range findings {
		fset := f.pkg.Fset
		d := jsonDiagnostic{
			Category: f.diag.Category,
			Posn:     f.posn.String(),
			End:      fset.Position(cmp.Or(f.diag.End, f.diag.Pos)).String(),
			Message:  f.diag.Message,
		}
		for _, fix := range f.diag.SuggestedFixes {
			jf := jsonSuggestedFix{Message: fix.Message, Edits: []jsonTextEdit{}}
			for _, e := range fix.TextEdits {
				start, end := fset.Position(e.Pos), fset.Position(e.End)
				if !e.End.IsValid() {
					end = start
				}
				jf.Edits = append(jf.Edits, jsonTextEdit{start.Filename, start.Offset, end.Offset, string(e.NewText)})
			}
			d.SuggestedFixes = append(d.SuggestedFixes, jf)
		}
		for _, r := range f.diag.Related {
			d.Related = append(d.Related, jsonRelated{fset.Position(r.Pos).String(), fset.Position(cmp.Or(r.End, r.Pos)).String(), r.Message})
		}
		if tree[f.pkg.ID] == nil {
			tree[f.pkg.ID] = make(map[string][]jsonDiagnostic)
		}
		tree[f.pkg.ID][f.analyzer.Name] = append(tree[f.pkg.ID][f.analyzer.Name], d)
	}
	data, _ := json.MarshalIndent(tree, "", "\t")
	fmt.Fprintf(w, "%s\n", data)
}

// setFlags returns the names of the flags set on the command line.
func setFlags(fs *flag.FlagSet) map[string]bool {
	set := make(map[string]bool)
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	return set
}
