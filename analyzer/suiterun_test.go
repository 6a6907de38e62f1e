package analyzer_test

// Helpers shared by the docs-examples test (docs_test.go) and the fix test
// (fixes_test.go): load packages with go/packages, from source with their
// dependencies as analysistest does, and run every rule of a fresh suite on
// them with the x/tools checker.

import (
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/authchallenge/authchallenge/analyzer"
)

// gopathEnv is the environment of GOPATH mode over the roots (each a
// directory holding src/).
func gopathEnv(roots ...string) []string {
	return append(os.Environ(),
		"GOPATH="+strings.Join(roots, string(filepath.ListSeparator)),
		"GO111MODULE=off", "GOWORK=off", "GOFLAGS=", "GOTOOLCHAIN=local")
}

// moduleEnv is the environment of module mode in a copy of a module whose
// requirements the module cache holds.
func moduleEnv() []string {
	return append(os.Environ(), "GO111MODULE=on", "GOWORK=off", "GOFLAGS=-mod=readonly", "GOPROXY=off", "GOTOOLCHAIN=local")
}

// loadAll loads patterns from dir with env, with syntax and types for
// every dependency (checker.Analyze runs the fact-producing models on them).
// It returns the packages and their errors (type errors included), each
// in go's file:line:col: message form.
func loadAll(t testing.TB, dir string, env []string, patterns ...string) ([]*packages.Package, []string) {
	t.Helper()
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax | packages.NeedModule,
		Dir:  dir,
		Env:  env,
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatalf("loading %v: %v", patterns, err)
	}
	var errs []string
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			errs = append(errs, e.Error())
		}
	})
	return pkgs, errs
}

// textEdit is a text edit in file coordinates.
type textEdit struct {
	File       string
	Start, End int // byte offsets
	New        string
}

// suggestedFix is a suggested fix in file coordinates.
type suggestedFix struct {
	Message string
	Edits   []textEdit
}

// hit is one diagnostic of a rule on a root package, in file
// coordinates.
type hit struct {
	Rule    string
	Pkg     string
	Posn    token.Position
	End     token.Position
	Message string
	Fixes   []suggestedFix
}

func (f hit) String() string {
	return fmt.Sprintf("%s: %s (%s)", f.Posn, f.Message, f.Rule)
}

// analyze runs every rule of a fresh suite (flags set from flags) on the
// root packages and returns their findings, sorted by position. An
// analyzer's error (a panic included) fails the test.
func analyze(t testing.TB, pkgs []*packages.Package, flags map[string]string) []hit {
	t.Helper()
	suite := analyzer.New()
	for k, v := range flags {
		if err := suite.Config.Flags.Set(k, v); err != nil {
			t.Fatal(err)
		}
	}
	graph, err := checker.Analyze(suite.Rules, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []hit
	for act := range graph.All() {
		if act.Err != nil {
			t.Errorf("%s on %s: %v", act.Analyzer.Name, act.Package.PkgPath, act.Err)
		}
		if !act.IsRoot {
			continue
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			f := hit{
				Rule:    act.Analyzer.Name,
				Pkg:     act.Package.PkgPath,
				Posn:    fset.Position(d.Pos),
				Message: d.Message,
			}
			f.End = f.Posn
			if d.End.IsValid() {
				f.End = fset.Position(d.End)
			}
			for _, sf := range d.SuggestedFixes {
				fx := suggestedFix{Message: sf.Message}
				for _, te := range sf.TextEdits {
					start := fset.Position(te.Pos)
					end := start
					if te.End.IsValid() {
						end = fset.Position(te.End)
					}
					fx.Edits = append(fx.Edits, textEdit{File: start.Filename, Start: start.Offset, End: end.Offset, New: string(te.NewText)})
				}
				f.Fixes = append(f.Fixes, fx)
			}
			out = append(out, f)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Posn.Filename != b.Posn.Filename {
			return a.Posn.Filename < b.Posn.Filename
		}
		if a.Posn.Offset != b.Posn.Offset {
			return a.Posn.Offset < b.Posn.Offset
		}
		return a.Rule < b.Rule
	})
	return out
}

// testdata is the absolute path of the repository's testdata directory.
// (go test runs in the package directory.)
func testdataDir() string {
	dir, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		panic(err)
	}
	return dir
}

// copyTree copies the directory tree src to dst (regular files only).
func copyTree(t testing.TB, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
