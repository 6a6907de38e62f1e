package analyzer_test

// Fixes that fix (DESIGN.md: "every suggested fix, once applied, must
// compile and silence its finding without raising another"). For every
// suggested fix the whole suite offers on the fixtures (testdata/src, the
// packages with .golden files and every other fixture package) and on the
// integration module (testdata/integration, on the real frameworks), the
// test applies that one fix to a copy of its package and checks that
//
//   - the package still compiles, and `go vet` passes on it;
//   - a file that was gofmt-clean stays gofmt-clean, and a comment at the
//     end of a line stays with the code it followed when the fix moves
//     that code (a reordered element keeps its comment);
//   - its rule no longer fires there, and no finding appears that was not
//     there before (of any rule): the findings after the fix are those
//     before, minus the fixed one, with positions moved by the edits.
//
// Each fixed copy is a package of its own (fixNNN/<path>) beside the
// originals, so that one load, one analysis and one go vet check them all.

import (
	"bytes"
	"fmt"
	"go/format"
	"go/scanner"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// fixesKnownFailures lists the fixes that fail today because of a model
// bug, keyed as fixKey prints them (tree, package, rule, the reported
// line's text), with the reason. The test skips their check and fails if one of
// them passes, or no longer exists, so that the list is emptied as the
// models are fixed. Keep it empty otherwise.
var fixesKnownFailures = map[string]string{}

// fixKey names a fix in messages and in fixesKnownFailures.
func fixKey(tree, pkg string, h hit, line string) string {
	if i := strings.Index(line, "// want"); i >= 0 {
		line = line[:i]
	}
	return fmt.Sprintf("%s: %s %s `%s`", tree, pkg, h.Rule, strings.TrimSpace(line))
}

// fixTree is where the fixes of one set of packages are checked: a GOPATH
// (the fixtures) or a copy of a module (the integration module).
type fixTree struct {
	name string
	dir  string   // where to run go list and go vet
	env  []string // GOPATH or module mode
	// variant is the import path and directory of the n-th fixed copy of
	// package pkg (whose directory is pkgDir).
	variant func(n int, pkg string) (path, dir string)
}

// fixCase is one suggested fix applied to a copy of its package.
type fixCase struct {
	key     string
	orig    string // the original package's import path
	h       hit    // the finding that offers the fix
	fx      suggestedFix
	path    string            // import path of the fixed copy
	dir     string            // its directory
	files   map[string]string // base name → the original file's path, for the files the fix edits
	edits   map[string][]textEdit
	fmtOK   map[string]bool // base name → the original was gofmt-clean
	failure []string
}

// TestFixesFixtures checks every fix offered on the fixture packages.
func TestFixesFixtures(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the standard library from source")
	}
	t.Parallel() // loading from source waits on go list: overlap it with the other slow tests
	td := testdataDir()
	var pkgs []string
	src := filepath.Join(td, "src")
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(path, src+string(filepath.Separator)))
		first, _, _ := strings.Cut(rel, "/")
		if strings.Contains(first, ".") || first == "docs" { // framework stubs; the docs' shared packages
			return filepath.SkipDir
		}
		if gos, _ := filepath.Glob(filepath.Join(path, "*.go")); len(gos) > 0 && path != src {
			pkgs = append(pkgs, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	gopath := t.TempDir()
	tree := &fixTree{
		name: "fixtures",
		dir:  gopath,
		env:  gopathEnv(gopath, td),
		variant: func(n int, pkg string) (string, string) {
			p := fmt.Sprintf("fix%03d/%s", n, pkg)
			return p, filepath.Join(gopath, "src", filepath.FromSlash(p))
		},
	}
	offered := checkFixes(t, tree, pkgs, 10)
	// Every package whose fixes a rule's own test checks against .golden
	// files is among those whose fixes were applied here.
	goldens, _ := filepath.Glob(filepath.Join(src, "*", "*", "*.golden"))
	more, _ := filepath.Glob(filepath.Join(src, "*", "*.golden"))
	for _, g := range append(goldens, more...) {
		rel := filepath.ToSlash(strings.TrimPrefix(filepath.Dir(g), src+string(filepath.Separator)))
		if !offered[rel] {
			t.Errorf("%s has a .golden file, but no fix was offered on %s", g, rel)
		}
	}
}

// TestFixesIntegration checks every fix offered on the integration module,
// which uses the real frameworks.
func TestFixesIntegration(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the real frameworks from source")
	}
	t.Parallel() // loading from source waits on go list: overlap it with the other slow tests
	mod := t.TempDir()
	copyTree(t, filepath.Join(testdataDir(), "integration"), mod)
	modPath := "github.com/authchallenge/authchallenge/testdata/integration"
	tree := &fixTree{
		name: "integration",
		dir:  mod,
		env:  moduleEnv(),
		variant: func(n int, pkg string) (string, string) {
			rel := strings.TrimPrefix(strings.TrimPrefix(pkg, modPath), "/")
			p := fmt.Sprintf("%s/fix%03d/%s", modPath, n, rel)
			return p, filepath.Join(mod, fmt.Sprintf("fix%03d", n), filepath.FromSlash(rel))
		},
	}
	checkFixes(t, tree, []string{"./..."}, 1)
}

// checkFixes analyses patterns in tree, applies every fix offered to a
// copy of its package, and checks the copies. It fails when fewer than
// min fixes were offered: the test would prove nothing. It returns the
// packages on which fixes were offered.
func checkFixes(t *testing.T, tree *fixTree, patterns []string, min int) map[string]bool {
	t.Helper()
	pkgs, _ := loadAll(t, tree.dir, tree.env, patterns...)
	var clean []*packages.Package
	pkgDir := make(map[string]string)
	for _, p := range pkgs {
		if len(p.Errors) > 0 || p.IllTyped || len(p.GoFiles) == 0 {
			t.Logf("%s: %s does not load, not checked: %v", tree.name, p.PkgPath, p.Errors)
			continue
		}
		clean = append(clean, p)
		pkgDir[p.PkgPath] = filepath.Dir(p.GoFiles[0])
	}
	before := analyze(t, clean, nil)
	byPkg := make(map[string][]hit)
	for _, h := range before {
		byPkg[h.Pkg] = append(byPkg[h.Pkg], h)
	}

	// One fixed copy per fix.
	var cases []*fixCase
	for _, h := range before {
		for _, fx := range h.Fixes {
			n := len(cases)
			c := &fixCase{orig: h.Pkg, h: h, fx: fx, files: map[string]string{}, edits: map[string][]textEdit{}, fmtOK: map[string]bool{}}
			c.key = fixKey(tree.name, h.Pkg, h, lineOf(t, h.Posn.Filename, h.Posn.Line))
			c.path, c.dir = tree.variant(n, h.Pkg)
			cases = append(cases, c)
			copyTree(t, pkgDir[h.Pkg], c.dir)
			for _, e := range fx.Edits {
				if filepath.Dir(e.File) != pkgDir[h.Pkg] {
					c.failure = append(c.failure, fmt.Sprintf("the fix edits %s, outside its package", e.File))
					continue
				}
				base := filepath.Base(e.File)
				c.files[base] = e.File
				c.edits[base] = append(c.edits[base], e)
			}
			for base, orig := range c.files {
				data, err := os.ReadFile(orig)
				if err != nil {
					t.Fatal(err)
				}
				fixed, err := applyEdits(data, c.edits[base])
				if err != nil {
					c.failure = append(c.failure, err.Error())
					continue
				}
				if f, err := format.Source(data); err == nil && bytes.Equal(f, data) {
					c.fmtOK[base] = true
					if f, err := format.Source(fixed); err == nil && !bytes.Equal(f, fixed) {
						c.failure = append(c.failure, fmt.Sprintf("%s is gofmt-clean, the fixed file is not:\n%s", base, lineDiff(fixed, f)))
					}
				}
				c.failure = append(c.failure, movedComments(base, data, fixed)...)
				if err := os.WriteFile(filepath.Join(c.dir, base), fixed, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	if len(cases) < min {
		t.Fatalf("%s: %d fixes offered, want at least %d: the test would prove nothing", tree.name, len(cases), min)
	}
	t.Logf("%s: %d fixes offered", tree.name, len(cases))

	// Compile, vet and analyse the fixed copies together.
	var paths []string
	byPath := make(map[string]*fixCase)
	for _, c := range cases {
		paths = append(paths, c.path)
		byPath[c.path] = c
	}
	fixed, _ := loadAll(t, tree.dir, tree.env, paths...)
	var ok []*packages.Package
	for _, p := range fixed {
		c := byPath[p.PkgPath]
		if c == nil {
			continue
		}
		if len(p.Errors) > 0 || p.IllTyped {
			for _, e := range p.Errors {
				c.failure = append(c.failure, "does not compile: "+e.Error())
			}
			continue
		}
		ok = append(ok, p)
	}
	var vetPaths []string
	for _, p := range ok {
		vetPaths = append(vetPaths, p.PkgPath)
	}
	for path, msgs := range goVet(t, tree, vetPaths) {
		c := byPath[path]
		for _, m := range msgs {
			c.failure = append(c.failure, "go vet: "+m)
		}
	}
	after := make(map[string][]hit)
	for _, h := range analyze(t, ok, nil) {
		after[h.Pkg] = append(after[h.Pkg], h)
	}
	for _, p := range ok {
		c := byPath[p.PkgPath]
		c.failure = append(c.failure, compareFindings(c, byPkg[c.orig], after[c.path])...)
	}

	// Report, honouring the known failures.
	var keys []string
	for _, c := range cases {
		keys = append(keys, c.key)
		reason, known := fixesKnownFailures[c.key]
		where := fmt.Sprintf("%s:%d", filepath.Base(c.h.Posn.Filename), c.h.Posn.Line)
		switch {
		case known && len(c.failure) == 0:
			t.Errorf("%s (%s) passes now: remove it from fixesKnownFailures (%s)", c.key, where, reason)
		case known:
			t.Logf("known failure %s (%s; %s):\n%s", c.key, where, reason, strings.Join(c.failure, "\n"))
		case len(c.failure) > 0:
			t.Errorf("fix %q of %s at %s:\n%s", c.fx.Message, c.h.Rule, c.h.Posn, strings.Join(c.failure, "\n"))
		default:
			t.Logf("ok: %s (%s): %s", c.key, where, c.fx.Message)
		}
	}
	for k := range fixesKnownFailures {
		if strings.HasPrefix(k, tree.name+": ") && !slices.Contains(keys, k) {
			t.Errorf("fixesKnownFailures names %s, which no fix matches", k)
		}
	}
	offered := make(map[string]bool)
	for _, c := range cases {
		offered[c.orig] = true
	}
	return offered
}

// applyEdits applies non-overlapping edits to data.
func applyEdits(data []byte, edits []textEdit) ([]byte, error) {
	edits = slices.Clone(edits)
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].Start < edits[j].Start })
	var out bytes.Buffer
	last := 0
	for _, e := range edits {
		if e.Start < last || e.End < e.Start || e.End > len(data) {
			return nil, fmt.Errorf("overlapping or out-of-range edits in %s", filepath.Base(e.File))
		}
		out.Write(data[last:e.Start])
		out.WriteString(e.New)
		last = e.End
	}
	out.Write(data[last:])
	return out.Bytes(), nil
}

// place is a position of a finding in the original file's coordinates:
// an offset outside the edits, or the index of the edit it is in.
type place struct {
	rule, file string
	offset     int
	inEdit     int // -1 when outside every edit
}

// oldPlace places an offset of the original file.
func oldPlace(rule, file string, off int, edits []textEdit) place {
	for i, e := range edits {
		if off >= e.Start && off < e.End {
			return place{rule, file, -1, i}
		}
	}
	return place{rule, file, off, -1}
}

// newPlace maps an offset of the fixed file back to the original's.
func newPlace(rule, file string, off int, edits []textEdit) place {
	shift := 0
	for i, e := range edits { // sorted by Start
		start := e.Start + shift
		end := start + len(e.New)
		if off < start {
			break
		}
		if off < end {
			return place{rule, file, -1, i}
		}
		shift += len(e.New) - (e.End - e.Start)
	}
	return place{rule, file, off - shift, -1}
}

func (p place) String() string {
	if p.inEdit >= 0 {
		return fmt.Sprintf("%s in the text the fix wrote (%s)", p.rule, p.file)
	}
	return fmt.Sprintf("%s at %s offset %d", p.rule, p.file, p.offset)
}

// compareFindings checks that the findings after the fix are those before,
// minus the fixed one, at their moved positions.
func compareFindings(c *fixCase, before, after []hit) []string {
	edits := make(map[string][]textEdit)
	for base, es := range c.edits {
		es = slices.Clone(es)
		sort.SliceStable(es, func(i, j int) bool { return es[i].Start < es[j].Start })
		edits[base] = es
	}
	count := make(map[place]int)
	var fixedAt place
	for _, h := range before {
		base := filepath.Base(h.Posn.Filename)
		p := oldPlace(h.Rule, base, h.Posn.Offset, edits[base])
		if h.Posn == c.h.Posn && h.Rule == c.h.Rule && h.Message == c.h.Message {
			fixedAt = p
			continue
		}
		count[p]++
	}
	var out []string
	for _, h := range after {
		base := filepath.Base(h.Posn.Filename)
		p := newPlace(h.Rule, base, h.Posn.Offset, edits[base])
		if count[p] > 0 {
			count[p]--
			continue
		}
		switch {
		case p == fixedAt:
			out = append(out, fmt.Sprintf("%s still fires there after the fix: %s:%d:%d: %s", h.Rule, base, h.Posn.Line, h.Posn.Column, h.Message))
		default:
			out = append(out, fmt.Sprintf("the fix raises a new finding: %s:%d:%d: %s (%s)", base, h.Posn.Line, h.Posn.Column, h.Message, h.Rule))
		}
	}
	return out
}

// trailing lists the comments that end a line after code, as comment text
// → the code before it on its line (trimmed, without a trailing comma).
func trailing(src []byte) map[string][]string {
	out := make(map[string][]string)
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	var sc scanner.Scanner
	sc.Init(file, src, nil, scanner.ScanComments)
	codeLine := -1
	for {
		pos, tok, lit := sc.Scan()
		if tok == token.EOF {
			break
		}
		line := file.Line(pos)
		if tok != token.COMMENT {
			if tok != token.SEMICOLON || lit == ";" {
				codeLine = line
			}
			continue
		}
		if line != codeLine || strings.Contains(lit, "\n") {
			continue
		}
		start := file.Offset(file.LineStart(line))
		code := strings.TrimSpace(string(src[start:file.Offset(pos)]))
		out[lit] = append(out[lit], strings.TrimSuffix(code, ","))
	}
	return out
}

// movedComments reports the comments at the end of a line that no longer
// follow their code, though the fix kept that code (as many lines of it
// as before: it moved it, it did not rewrite it).
func movedComments(base string, orig, fixed []byte) []string {
	lines := func(src []byte) map[string]int {
		n := make(map[string]int)
		for _, l := range strings.Split(string(src), "\n") {
			if i := strings.Index(l, "//"); i >= 0 {
				l = l[:i]
			}
			n[strings.TrimSuffix(strings.TrimSpace(l), ",")]++
		}
		return n
	}
	linesBefore, linesAfter := lines(orig), lines(fixed)
	before, after := trailing(orig), trailing(fixed)
	var out []string
	for text, was := range before {
		now := after[text]
		for _, code := range was {
			if i := slices.Index(now, code); i >= 0 {
				now = slices.Delete(slices.Clone(now), i, i+1)
				continue
			}
			if linesAfter[code] < linesBefore[code] {
				continue // the fix rewrote this code
			}
			moved := ""
			if len(now) > 0 {
				moved = fmt.Sprintf(" (it now follows %q)", now[0])
			}
			out = append(out, fmt.Sprintf("%s: the comment %q followed %q; the fix moved that code and left the comment behind%s",
				base, shorten(text), code, moved))
		}
	}
	sort.Strings(out)
	return out
}

func shorten(s string) string {
	if len(s) > 60 {
		return s[:57] + "..."
	}
	return s
}

// goVet runs go vet on paths in tree and returns its complaints by
// package.
func goVet(t *testing.T, tree *fixTree, paths []string) map[string][]string {
	t.Helper()
	out := make(map[string][]string)
	if len(paths) == 0 {
		return out
	}
	cmd := exec.Command("go", append([]string{"vet"}, paths...)...)
	cmd.Dir = tree.dir
	cmd.Env = tree.env
	b, err := cmd.CombinedOutput()
	if err == nil {
		return out
	}
	// Attribute each complaint to the package whose copy it names.
	cur := ""
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if strings.HasPrefix(line, "# ") {
			cur = strings.TrimPrefix(line, "# ")
			if i := strings.IndexByte(cur, ' '); i >= 0 {
				cur = cur[:i]
			}
			continue
		}
		owner := ""
		for _, p := range paths {
			if p == cur || strings.Contains(line, "/"+p+"/") || strings.Contains(line, p+string(filepath.Separator)) {
				owner = p
			}
		}
		if owner == "" {
			t.Errorf("%s: go vet: %s", tree.name, line)
			continue
		}
		out[owner] = append(out[owner], line)
	}
	return out
}

// lineOf returns line n of file.
func lineOf(t *testing.T, file string, n int) string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	return lines[n-1]
}

// lineDiff lists the lines of got that differ from want.
func lineDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	var out []string
	for i := 0; i < len(g) || i < len(w); i++ {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			out = append(out, fmt.Sprintf("\tline %d: %q, gofmt: %q", i+1, a, b))
		}
		if len(out) == 5 {
			break
		}
	}
	return strings.Join(out, "\n")
}
