package driver

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/token"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/authchallenge/authchallenge/analyzer"
)

// The driver loads packages from the working directory, so the tests that
// run Main change into a scratch module (t.Chdir) and cannot run in
// parallel; the pure tests at the end do.

func TestMain(m *testing.M) {
	// Scratch modules import only the standard library: never touch the
	// network, never switch toolchains, ignore an enclosing go.work.
	os.Setenv("GOTOOLCHAIN", "local")
	os.Setenv("GOPROXY", "off")
	os.Setenv("GOWORK", "off")
	os.Setenv("GOFLAGS", strings.TrimSpace(os.Getenv("GOFLAGS")+" -mod=mod"))
	// The result cache of the runs lives and dies with the tests; the
	// build cache, which also defaults to a directory below
	// XDG_CACHE_HOME, stays where it is.
	if os.Getenv("GOCACHE") == "" {
		if out, err := exec.Command("go", "env", "GOCACHE").Output(); err == nil {
			os.Setenv("GOCACHE", strings.TrimSpace(string(out)))
		}
	}
	cache, err := os.MkdirTemp("", "authchallenge-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("XDG_CACHE_HOME", cache)
	code := m.Run()
	os.RemoveAll(cache)
	os.Exit(code)
}

const gomod = "module example.com/x\n\ngo 1.26.0\n"

// module writes a scratch module (go.mod defaults to example.com/x) and
// returns its directory.
func module(t *testing.T, files map[string]string) string {
	t.Helper()
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := files["go.mod"]; !ok {
		files["go.mod"] = gomod
	}
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// run runs Main in dir and checks that nothing panicked.
func run(t *testing.T, dir string, rules []*analysis.Analyzer, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	t.Chdir(dir)
	var out, errb bytes.Buffer
	code = Main(args, rules, &out, &errb)
	stdout, stderr = out.String(), errb.String()
	if strings.Contains(stderr, "panic") || strings.Contains(stderr, "goroutine ") {
		t.Errorf("Main(%q) panicked:\n%s", args, stderr)
	}
	return code, stdout, stderr
}

// rules returns a fresh suite for each run: flags set by one run (Main
// parses them into the analyzers' flag sets) do not leak into the next.
func rules() []*analysis.Analyzer { return analyzer.New().Rules }

func checkCode(t *testing.T, args []string, got, want int, stdout, stderr string) {
	t.Helper()
	if got != want {
		t.Fatalf("Main(%q) = %d, want %d\nstdout:\n%s\nstderr:\n%s", args, got, want, stdout, stderr)
	}
}

const (
	unchallenged = `package x

import "net/http"

func H(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusUnauthorized)
}
`
	challenged = `package x

import "net/http"

func H(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("WWW-Authenticate", ` + "`Bearer realm=\"api\"`" + `)
	w.WriteHeader(http.StatusUnauthorized)
}
`
	testFile = `package x

import "testing"

func TestX(t *testing.T) {}
`
)

// findingLine matches the text report of the 401 in unchallenged (a.go:6:2).
var findingLine = regexp.MustCompile(`^a\.go:6:2: 401 response without a WWW-Authenticate challenge: .+ \(nochallenge\)$`)

func lines(s string) []string {
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func TestExitClean(t *testing.T) {
	dir := module(t, map[string]string{"a.go": challenged})
	code, stdout, stderr := run(t, dir, rules())
	checkCode(t, nil, code, ExitClean, stdout, stderr)
	if stdout != "" || stderr != "" {
		t.Errorf("clean package: want no output, got stdout %q stderr %q", stdout, stderr)
	}
}

func TestExitFindings(t *testing.T) {
	dir := module(t, map[string]string{"a.go": unchallenged})
	for _, args := range [][]string{nil, {"./..."}, {"."}, {"example.com/x"}} {
		code, stdout, stderr := run(t, dir, rules(), args...)
		checkCode(t, args, code, ExitFindings, stdout, stderr)
		if l := lines(stdout); len(l) != 1 || !findingLine.MatchString(l[0]) {
			t.Errorf("Main(%q): stdout = %q, want one line matching %s", args, stdout, findingLine)
		}
		if stderr != "" {
			t.Errorf("Main(%q): unexpected stderr %q", args, stderr)
		}
	}
}

func TestDisableRule(t *testing.T) {
	dir := module(t, map[string]string{"a.go": unchallenged})
	args := []string{"-nochallenge=false", "./..."}
	code, stdout, stderr := run(t, dir, rules(), args...)
	checkCode(t, args, code, ExitClean, stdout, stderr)
	if stdout != "" || stderr != "" {
		t.Errorf("want no output, got stdout %q stderr %q", stdout, stderr)
	}
	// Explicitly enabled is the default.
	args = []string{"-nochallenge=true", "./..."}
	code, stdout, stderr = run(t, dir, rules(), args...)
	checkCode(t, args, code, ExitFindings, stdout, stderr)
}

func TestBadFlags(t *testing.T) {
	dir := module(t, map[string]string{"a.go": unchallenged})
	for _, args := range [][]string{{"-bogus"}, {"-nochallenge=maybe"}, {"-tags"}} {
		code, stdout, stderr := run(t, dir, rules(), args...)
		checkCode(t, args, code, ExitUsage, stdout, stderr)
		if stdout != "" {
			t.Errorf("Main(%q): unexpected stdout %q", args, stdout)
		}
		for _, want := range []string{"Usage:", "Exit status", "-nochallenge", "-json"} {
			if !strings.Contains(stderr, want) {
				t.Errorf("Main(%q): stderr lacks %q:\n%s", args, want, stderr)
			}
		}
	}
}

func TestHelpAndVersion(t *testing.T) {
	dir := module(t, map[string]string{"a.go": unchallenged})
	for _, flag := range []string{"-help", "-h"} {
		code, stdout, stderr := run(t, dir, rules(), flag)
		checkCode(t, []string{flag}, code, ExitClean, stdout, stderr)
		for _, want := range []string{"Usage:", "0 no findings, 3 findings, 1 packages failed", "2 bad flags", "-nochallenge", "-fix", "-diff", "-test", "-tags", "-version"} {
			if !strings.Contains(stderr, want) {
				t.Errorf("%s: usage lacks %q:\n%s", flag, want, stderr)
			}
		}
	}
	code, stdout, stderr := run(t, dir, rules(), "-version", "./...")
	checkCode(t, []string{"-version"}, code, ExitClean, stdout, stderr)
	if want := "authchallenge " + Version() + "\n"; stdout != want || Version() == "" {
		t.Errorf("-version printed %q, want %q", stdout, want)
	}
}

func TestUnknownPackage(t *testing.T) {
	dir := module(t, map[string]string{"a.go": unchallenged})
	for _, tc := range []struct{ pattern, want string }{
		{"./nope", "nope"},
		{"example.com/x/doesnotexist", "example.com/x/doesnotexist"},
	} {
		code, stdout, stderr := run(t, dir, rules(), tc.pattern)
		checkCode(t, []string{tc.pattern}, code, ExitError, stdout, stderr)
		if stdout != "" {
			t.Errorf("%s: unexpected stdout %q", tc.pattern, stdout)
		}
		if !strings.Contains(stderr, tc.want) {
			t.Errorf("%s: stderr does not name the package:\n%s", tc.pattern, stderr)
		}
	}
}

func TestNoPackages(t *testing.T) {
	dir := module(t, map[string]string{"README": "nothing here\n"})
	code, stdout, stderr := run(t, dir, rules())
	checkCode(t, nil, code, ExitError, stdout, stderr)
	if !strings.Contains(stderr, "no packages match ./...") {
		t.Errorf("stderr = %q, want a no packages match error", stderr)
	}
}

// positionFirst checks that every error line that is not a continuation
// (indented) starts with want's file:line:col, the first one exactly want;
// only the line naming the packages left out follows them.
func positionFirst(t *testing.T, stderr, first string) {
	t.Helper()
	l := lines(stderr)
	if len(l) == 0 || !strings.HasPrefix(l[0], first) {
		t.Fatalf("stderr does not start with %q:\n%s", first, stderr)
	}
	if strings.HasPrefix(l[len(l)-1], "authchallenge: ") && strings.Contains(l[len(l)-1], "not analysed") {
		l = l[:len(l)-1]
	}
	pos := regexp.MustCompile(`^[^\s:]+\.go:\d+:\d+: `)
	for _, line := range l {
		if !strings.HasPrefix(line, "\t") && !pos.MatchString(line) {
			t.Errorf("error line %q does not start with a position:\n%s", line, stderr)
		}
	}
}

func TestTypeError(t *testing.T) {
	src := "package x\n\nfunc F() int {\n\treturn \"s\"\n}\n"
	for _, tc := range []struct {
		name  string
		files map[string]string
	}{
		{"plain", map[string]string{"a.go": src}},
		{"with test variant", map[string]string{"a.go": src, "a_test.go": testFile}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := module(t, tc.files)
			code, stdout, stderr := run(t, dir, rules())
			checkCode(t, nil, code, ExitError, stdout, stderr)
			positionFirst(t, stderr, "a.go:4:9: cannot use \"s\"")
			if n := strings.Count(stderr, "cannot use"); n != 1 {
				t.Errorf("the type error is printed %d times, want once:\n%s", n, stderr)
			}
			if stdout != "" {
				t.Errorf("unexpected stdout %q", stdout)
			}
		})
	}
}

func TestSyntaxError(t *testing.T) {
	dir := module(t, map[string]string{"a.go": "package x\n\nfunc F() int {\n\treturn 1 +\n}\n"})
	code, stdout, stderr := run(t, dir, rules())
	checkCode(t, nil, code, ExitError, stdout, stderr)
	positionFirst(t, stderr, "a.go:5:1: ")
}

// Errors of dependencies that are not analysed must be printed too: they
// are why the named package does not type-check.
func TestDependencyErrors(t *testing.T) {
	t.Run("does not compile", func(t *testing.T) {
		dir := module(t, map[string]string{
			"a/a.go": "package a\n\nimport \"example.com/x/b\"\n\nvar V = b.F()\n",
			"b/b.go": "package b\n\nfunc F() int {\n\treturn \"s\"\n}\n",
		})
		code, stdout, stderr := run(t, dir, rules(), "./a")
		checkCode(t, []string{"./a"}, code, ExitError, stdout, stderr)
		positionFirst(t, stderr, "b/b.go:4:9: cannot use \"s\"")
	})
	t.Run("missing", func(t *testing.T) {
		dir := module(t, map[string]string{
			"a.go": "package x\n\nimport \"example.com/x/missing\"\n\nvar _ = missing.X\n",
		})
		code, stdout, stderr := run(t, dir, rules())
		checkCode(t, nil, code, ExitError, stdout, stderr)
		positionFirst(t, stderr, "a.go:3:8: ")
		// The cause (no module provides it), not the type error that
		// follows from it, then the package left out.
		if l := lines(stderr); len(l) != 2 || !strings.Contains(l[0], "example.com/x/missing") || strings.Contains(stderr, "could not import") ||
			!strings.HasSuffix(l[1], ": example.com/x") {
			t.Errorf("stderr does not say once why the import fails:\n%s", stderr)
		}
	})
}

// huge returns a file of about n lines: functions, one in four a handler
// that sets the challenge, then one handler that does not, on the returned
// line.
func huge(n int) (string, int) {
	var sb strings.Builder
	sb.WriteString("package x\n\nimport \"net/http\"\n")
	lines := 3
	for i := 0; lines < n; i++ {
		var fn string
		if i%4 == 0 {
			fn = fmt.Sprintf("\nfunc H%d(w http.ResponseWriter, r *http.Request) {\n\tif r.Header.Get(\"Authorization\") == \"\" {\n\t\tw.Header().Set(\"WWW-Authenticate\", \"Basic\")\n\t\tw.WriteHeader(http.StatusUnauthorized)\n\t\treturn\n\t}\n\tw.WriteHeader(%d)\n}\n", i, 200+i%5)
		} else {
			fn = fmt.Sprintf("\nfunc F%d(a, b int) int {\n\tif a > b {\n\t\treturn a - b\n\t}\n\tfor i := range b {\n\t\ta += i * %d\n\t}\n\treturn a\n}\n", i, i)
		}
		sb.WriteString(fn)
		lines += strings.Count(fn, "\n")
	}
	sb.WriteString("\nfunc Bad(w http.ResponseWriter, r *http.Request) {\n\tw.WriteHeader(http.StatusUnauthorized)\n}\n")
	return sb.String(), lines + 3
}

func TestOddInputs(t *testing.T) {
	big, bigLine := huge(20000)
	for _, tc := range []struct {
		name  string
		files map[string]string
		args  []string
		code  int
		want  []string // the report lines, as regexps
	}{
		{name: "empty package", files: map[string]string{"a.go": "package x\n"}, code: ExitClean},
		{name: "only doc comment", files: map[string]string{"doc.go": "// Package x.\npackage x\n"}, code: ExitClean},
		{name: "only a test file", files: map[string]string{"a_test.go": testFile}, code: ExitClean},
		{name: "only an external test file", files: map[string]string{"a_test.go": strings.Replace(testFile, "package x", "package x_test", 1)}, code: ExitClean},
		{
			name: "cgo",
			files: map[string]string{"a.go": `package x

/*
static int two(void) { return 2; }
*/
import "C"

import "net/http"

func Two() int { return int(C.two()) }

func H(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("WWW-Authenticate", "Basic")
	w.WriteHeader(http.StatusUnauthorized)
}
`},
			code: ExitClean,
		},
		{
			name: "cgo and a plain file",
			files: map[string]string{
				"a.go": "package x\n\n// static int two(void) { return 2; }\nimport \"C\"\n\nfunc Two() int { return int(C.two()) }\n",
				"b.go": strings.Replace(unchallenged, "func H(", "func B(", 1),
			},
			code: ExitFindings,
			want: []string{`^b\.go:6:2: 401 response without a WWW-Authenticate challenge`},
		},
		{
			name: "generics",
			files: map[string]string{"a.go": `package x

import "net/http"

type Page[T any] struct{ Items []T }

func deny[W http.ResponseWriter](w W, code int) {
	w.WriteHeader(code)
}

func Keys[K comparable, V any](m map[K]V) []K {
	var ks []K
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

func H(w http.ResponseWriter, r *http.Request) {
	deny(w, http.StatusUnauthorized)
}

func OK(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("WWW-Authenticate", "Basic")
	deny(w, http.StatusUnauthorized)
}
`},
			code: ExitFindings,
			want: []string{`^a\.go:20:2: call to deny writes 401 .*\(nochallenge\)$`},
		},
		{
			name:  "huge file",
			files: map[string]string{"a.go": big},
			code:  ExitFindings,
			want:  []string{fmt.Sprintf(`^a\.go:%d:2: 401 response without`, bigLine)},
		},
		{
			name: "generated file",
			files: map[string]string{
				"a.go":     "package x\n",
				"a_gen.go": "// Code generated by hand. DO NOT EDIT.\n\n" + unchallenged,
			},
			code: ExitClean,
		},
		{
			name: "module path ending in .test",
			files: map[string]string{
				"go.mod":    "module example.test\n\ngo 1.26.0\n",
				"a.go":      unchallenged,
				"a_test.go": testFile,
			},
			code: ExitFindings,
			want: []string{findingLine.String()},
		},
		{
			name: "module path ending in .test, -test=false",
			files: map[string]string{
				"go.mod":    "module example.test\n\ngo 1.26.0\n",
				"a.go":      unchallenged,
				"a_test.go": testFile,
			},
			args: []string{"-test=false"},
			code: ExitFindings,
			want: []string{findingLine.String()},
		},
		{
			name: "build tags, not set",
			files: map[string]string{
				"a.go": "package x\n",
				"b.go": "//go:build special\n\n" + unchallenged,
			},
			code: ExitClean,
		},
		{
			name: "build tags, set",
			files: map[string]string{
				"a.go": "package x\n",
				"b.go": "//go:build special\n\n" + unchallenged,
			},
			args: []string{"-tags=special"},
			code: ExitFindings,
			want: []string{`^b\.go:8:2: 401 response without`},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := module(t, tc.files)
			code, stdout, stderr := run(t, dir, rules(), tc.args...)
			checkCode(t, tc.args, code, tc.code, stdout, stderr)
			if stderr != "" {
				t.Errorf("unexpected stderr:\n%s", stderr)
			}
			got := lines(stdout)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d report lines, want %d:\n%s", len(got), len(tc.want), stdout)
			}
			for i, re := range tc.want {
				if !regexp.MustCompile(re).MatchString(got[i]) {
					t.Errorf("line %d = %q, want a match for %s", i, got[i], re)
				}
			}
		})
	}
}

// A finding in a file that p and its test variant share is reported once;
// one in a _test.go file only with -test (the default).
func TestTestVariants(t *testing.T) {
	inTest := strings.Replace(unchallenged, `import "net/http"`, "import (\n\t\"net/http\"\n\t\"testing\"\n)", 1) + "\nfunc TestH(t *testing.T) {}\n"
	external := strings.Replace(inTest, "package x", "package x_test", 1)
	for _, tc := range []struct {
		name  string
		files map[string]string
		args  []string
		code  int
		want  string
	}{
		{"shared file", map[string]string{"a.go": unchallenged, "a_test.go": testFile}, nil, ExitFindings, "a.go:6:2: "},
		{"shared file, -test=false", map[string]string{"a.go": unchallenged, "a_test.go": testFile}, []string{"-test=false"}, ExitFindings, "a.go:6:2: "},
		// Findings in _test.go files are reported with -tests=true only.
		{"test file", map[string]string{"a.go": "package x\n", "a_test.go": inTest}, nil, ExitClean, ""},
		{"test file, -tests", map[string]string{"a.go": "package x\n", "a_test.go": inTest}, []string{"-tests"}, ExitFindings, "a_test.go:9:2: "},
		{"test file, -tests, -test=false", map[string]string{"a.go": "package x\n", "a_test.go": inTest}, []string{"-tests", "-test=false"}, ExitClean, ""},
		{"external test file", map[string]string{"a.go": "package x\n", "x_test.go": external}, nil, ExitClean, ""},
		{"external test file, -tests", map[string]string{"a.go": "package x\n", "x_test.go": external}, []string{"-tests"}, ExitFindings, "x_test.go:9:2: "},
		{"external test file, -tests, -test=false", map[string]string{"a.go": "package x\n", "x_test.go": external}, []string{"-tests", "-test=false"}, ExitClean, ""},
		{"only a test file, -tests, -test=false", map[string]string{"a_test.go": inTest}, []string{"-tests", "-test=false"}, ExitClean, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := module(t, tc.files)
			code, stdout, stderr := run(t, dir, rules(), tc.args...)
			checkCode(t, tc.args, code, tc.code, stdout, stderr)
			got := lines(stdout)
			switch {
			case tc.want == "" && len(got) != 0:
				t.Errorf("want no report, got:\n%s", stdout)
			case tc.want != "" && (len(got) != 1 || !strings.HasPrefix(got[0], tc.want)):
				t.Errorf("want exactly one report at %s, got:\n%s", tc.want, stdout)
			}
			// The JSON tree holds the finding once too, never under the
			// synthesized test main package.
			code, stdout, stderr = run(t, dir, rules(), append([]string{"-json"}, tc.args...)...)
			checkCode(t, tc.args, code, tc.code, stdout, stderr)
			tree := parseJSON(t, stdout)
			n := 0
			for id, byRule := range tree {
				if strings.HasSuffix(id, ".test") {
					t.Errorf("diagnostics reported for the test main package %q", id)
				}
				n += len(byRule["nochallenge"])
			}
			if want := min(len(tc.want), 1); n != want {
				t.Errorf("JSON holds %d diagnostics, want %d:\n%s", n, want, stdout)
			}
		})
	}
}

// The test files are loaded only when their findings are reported, or
// when -test asks: a test file that does not compile fails the run then
// only.
func TestTestFilesLoadedWithTests(t *testing.T) {
	broken := "package x\n\nimport \"testing\"\n\nfunc TestX(t *testing.T) { var n int = \"s\" }\n"
	dir := module(t, map[string]string{"a.go": unchallenged, "a_test.go": broken})
	for _, tc := range []struct {
		args []string
		code int
	}{
		{nil, ExitFindings},
		{[]string{"-test=false", "-tests"}, ExitFindings},
		{[]string{"-tests"}, ExitError},
		{[]string{"-test"}, ExitError},
	} {
		code, stdout, stderr := run(t, dir, rules(), append(tc.args, "-cache=false")...)
		checkCode(t, tc.args, code, tc.code, stdout, stderr)
		if got := lines(stdout); len(got) != 1 || !strings.HasPrefix(got[0], "a.go:6:2: ") {
			t.Errorf("Main(%q) reports:\n%s\nwant the finding in a.go", tc.args, stdout)
		}
		if failed := strings.Contains(stderr, "a_test.go"); failed != (tc.code == ExitError) {
			t.Errorf("Main(%q) stderr:\n%s", tc.args, stderr)
		}
	}
}

// load drops the test main packages that go list synthesizes and keeps the
// package and its test variants.
func TestLoadDropsTestMain(t *testing.T) {
	dir := module(t, map[string]string{
		"a.go":      unchallenged,
		"a_test.go": testFile,
		"x_test.go": "package x_test\n\nimport \"testing\"\n\nfunc TestY(t *testing.T) {}\n",
	})
	t.Chdir(dir)
	ld, err := load([]string{"./..."}, true, "", true)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range ld.roots {
		ids = append(ids, p.ID)
	}
	want := []string{"example.com/x", "example.com/x [example.com/x.test]", "example.com/x_test [example.com/x.test]"}
	if strings.Join(ids, "\n") != strings.Join(want, "\n") {
		t.Errorf("load kept %q, want %q", ids, want)
	}
	ld, err = load([]string{"./..."}, false, "", true)
	if err != nil {
		t.Fatal(err)
	}
	if len(ld.roots) != 1 || ld.roots[0].ID != "example.com/x" {
		t.Errorf("load with tests=false kept %d packages, want example.com/x only", len(ld.roots))
	}
}

func TestSynthesized(t *testing.T) {
	t.Parallel()
	cache := filepath.FromSlash("/home/u/.cache/go-build")
	inCache := filepath.Join(cache, "ab", "abcdef-d")
	src := filepath.FromSlash("/src/x/a.go")
	for _, tc := range []struct {
		p    packages.Package
		want bool
	}{
		{packages.Package{ID: "example.com/x.test", GoFiles: []string{inCache}, CompiledGoFiles: []string{inCache}}, true},
		{packages.Package{ID: "example.com/x"}, false},
		{packages.Package{ID: "example.com/x [example.com/x.test]", GoFiles: []string{src}, CompiledGoFiles: []string{src}}, false},
		// A cgo package: all its compiled files are in the build cache.
		{packages.Package{ID: "example.com/x", GoFiles: []string{src}, CompiledGoFiles: []string{inCache}}, false},
		// A real package whose path ends in .test (module example.test).
		{packages.Package{ID: "example.test", GoFiles: []string{src}, CompiledGoFiles: []string{src}}, false},
		{packages.Package{ID: "example.test", GoFiles: []string{src}, CompiledGoFiles: []string{inCache}}, false},
	} {
		if got := synthesized(&tc.p, cache); got != tc.want {
			t.Errorf("synthesized(%s, files %q) = %v, want %v", tc.p.ID, tc.p.GoFiles, got, tc.want)
		}
	}
}

type (
	jsonEditT struct {
		Filename string `json:"filename"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
		New      string `json:"new"`
	}
	jsonFixT struct {
		Message string      `json:"message"`
		Edits   []jsonEditT `json:"edits"`
	}
	jsonRelatedT struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	}
	jsonDiagT struct {
		Posn           string         `json:"posn"`
		End            string         `json:"end"`
		Message        string         `json:"message"`
		Category       string         `json:"category"`
		SuggestedFixes []jsonFixT     `json:"suggested_fixes"`
		Related        []jsonRelatedT `json:"related"`
	}
)

// parseJSON decodes the -json output strictly: one value of the go/analysis
// shape, no unknown fields.
func parseJSON(t *testing.T, s string) map[string]map[string][]jsonDiagT {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(s))
	dec.DisallowUnknownFields()
	var tree map[string]map[string][]jsonDiagT
	if err := dec.Decode(&tree); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, s)
	}
	if dec.More() {
		t.Fatalf("trailing data after the JSON value:\n%s", s)
	}
	return tree
}

func TestJSON(t *testing.T) {
	dir := module(t, map[string]string{"a.go": unchallenged, "b.go": strings.Replace(challenged, "func H(", "func OK(", 1)})
	code, stdout, stderr := run(t, dir, rules(), "-json")
	checkCode(t, []string{"-json"}, code, ExitFindings, stdout, stderr)
	tree := parseJSON(t, stdout)
	if len(tree) != 1 || len(tree["example.com/x"]) != 1 {
		t.Fatalf("want one package with one analyzer, got %v", tree)
	}
	diags := tree["example.com/x"]["nochallenge"]
	if len(diags) != 1 {
		t.Fatalf("want one nochallenge diagnostic, got %v", tree["example.com/x"])
	}
	d := diags[0]
	file := filepath.Join(dir, "a.go")
	if d.Posn != file+":6:2" || d.End != file+":6:40" {
		t.Errorf("posn, end = %q, %q, want %q, %q", d.Posn, d.End, file+":6:2", file+":6:40")
	}
	if d.Category != "nochallenge" {
		t.Errorf("category = %q, want nochallenge", d.Category)
	}
	if !strings.HasPrefix(d.Message, "401 response without a WWW-Authenticate challenge") {
		t.Errorf("message = %q", d.Message)
	}
	if len(d.SuggestedFixes) != 0 || len(d.Related) != 0 {
		t.Errorf("unexpected fixes or related information: %+v", d)
	}
	if stderr != "" {
		t.Errorf("unexpected stderr %q", stderr)
	}

	// The text and JSON reports agree.
	code, text, _ := run(t, dir, rules())
	checkCode(t, nil, code, ExitFindings, text, "")
	if l := lines(text); len(l) != 1 || !strings.Contains(l[0], d.Message) {
		t.Errorf("text report %q does not carry the JSON message %q", text, d.Message)
	}

	cleanDir := module(t, map[string]string{"a.go": challenged})
	code, stdout, stderr = run(t, cleanDir, rules(), "-json")
	checkCode(t, []string{"-json"}, code, ExitClean, stdout, stderr)
	if tree := parseJSON(t, stdout); len(tree) != 0 {
		t.Errorf("clean package: want an empty tree, got %v", tree)
	}
}

// fixme reports every integer literal 401 and suggests replacing it with
// its flag -name.new (http.StatusUnauthorized by default). Its diagnostics
// have no End, its related information neither.
func fixme(name string) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name: name,
		Doc:  name + ": replace the literal 401 with http.StatusUnauthorized",
	}
	repl := a.Flags.String("new", "http.StatusUnauthorized", "the replacement")
	a.Run = func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				lit, ok := n.(*ast.BasicLit)
				if !ok || lit.Kind != token.INT || lit.Value != "401" {
					return true
				}
				pass.Report(analysis.Diagnostic{
					Pos:      lit.Pos(),
					Category: name,
					Message:  "literal 401",
					SuggestedFixes: []analysis.SuggestedFix{{
						Message:   "use " + *repl,
						TextEdits: []analysis.TextEdit{{Pos: lit.Pos(), End: lit.End(), NewText: []byte(*repl)}},
					}},
					Related: []analysis.RelatedInformation{{Pos: lit.Pos(), Message: "the literal"}},
				})
				return true
			})
		}
		return nil, nil
	}
	return a
}

const (
	literal = `package x

import "net/http"

func H(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("WWW-Authenticate", "Basic")
	w.WriteHeader(401)
}
`
	literalFixed = `package x

import "net/http"

func H(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("WWW-Authenticate", "Basic")
	w.WriteHeader(http.StatusUnauthorized)
}
`
	literalDiff = `--- a.go
+++ a.go
@@ -4,5 +4,5 @@
 
 func H(w http.ResponseWriter, r *http.Request) {
 	w.Header().Set("WWW-Authenticate", "Basic")
-	w.WriteHeader(401)
+	w.WriteHeader(http.StatusUnauthorized)
 }
`
)

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestFixJSON(t *testing.T) {
	dir := module(t, map[string]string{"a.go": literal})
	code, stdout, stderr := run(t, dir, []*analysis.Analyzer{fixme("fixme")}, "-json")
	checkCode(t, []string{"-json"}, code, ExitFindings, stdout, stderr)
	diags := parseJSON(t, stdout)["example.com/x"]["fixme"]
	if len(diags) != 1 {
		t.Fatalf("want one fixme diagnostic:\n%s", stdout)
	}
	d := diags[0]
	file := filepath.Join(dir, "a.go")
	if d.Posn != file+":7:16" || d.End != d.Posn {
		t.Errorf("posn, end = %q, %q; want %q for both (no End)", d.Posn, d.End, file+":7:16")
	}
	if d.Category != "fixme" {
		t.Errorf("category = %q", d.Category)
	}
	if len(d.Related) != 1 || d.Related[0].Posn != d.Posn || d.Related[0].End != d.Posn || d.Related[0].Message != "the literal" {
		t.Errorf("related = %+v", d.Related)
	}
	if len(d.SuggestedFixes) != 1 || len(d.SuggestedFixes[0].Edits) != 1 {
		t.Fatalf("suggested fixes = %+v", d.SuggestedFixes)
	}
	fix := d.SuggestedFixes[0]
	e := fix.Edits[0]
	if fix.Message != "use http.StatusUnauthorized" || e.Filename != file || e.New != "http.StatusUnauthorized" ||
		e.Start < 0 || e.End > len(literal) || literal[e.Start:e.End] != "401" {
		t.Errorf("fix = %+v, want the edit of 401 in %s", fix, file)
	}
}

func TestFixDiff(t *testing.T) {
	dir := module(t, map[string]string{"a.go": literal, "a_test.go": testFile})
	args := []string{"-fix", "-diff"}
	code, stdout, stderr := run(t, dir, []*analysis.Analyzer{fixme("fixme")}, args...)
	// Nothing was fixed: the findings stand.
	checkCode(t, args, code, ExitFindings, stdout, stderr)
	if stdout != literalDiff {
		t.Errorf("-fix -diff printed:\n%s\nwant:\n%s", stdout, literalDiff)
	}
	for _, want := range []string{"--- ", "+++ ", "@@ "} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the diff lacks %q", want)
		}
	}
	if got := readFile(t, filepath.Join(dir, "a.go")); got != literal {
		t.Errorf("-fix -diff changed the file:\n%s", got)
	}
	if got, err := applyUnified(literal, stdout); err != nil || got != literalFixed {
		t.Errorf("applying the diff: %v\n%s", err, got)
	}
	// -diff alone is the text report.
	code, stdout, stderr = run(t, dir, []*analysis.Analyzer{fixme("fixme")}, "-diff")
	checkCode(t, []string{"-diff"}, code, ExitFindings, stdout, stderr)
	if stdout != "a.go:7:16: literal 401 (fixme)\n" {
		t.Errorf("-diff without -fix printed %q", stdout)
	}
}

func TestFix(t *testing.T) {
	t.Run("all fixed", func(t *testing.T) {
		// a.go is seen by the package and by its test variant: the
		// fix is applied once.
		dir := module(t, map[string]string{"a.go": literal, "a_test.go": testFile})
		if err := os.Chmod(filepath.Join(dir, "a.go"), 0o600); err != nil {
			t.Fatal(err)
		}
		code, stdout, stderr := run(t, dir, []*analysis.Analyzer{fixme("fixme")}, "-fix")
		checkCode(t, []string{"-fix"}, code, ExitClean, stdout, stderr)
		if stdout != "" || stderr != "" {
			t.Errorf("unexpected output: stdout %q stderr %q", stdout, stderr)
		}
		if got := readFile(t, filepath.Join(dir, "a.go")); got != literalFixed {
			t.Errorf("-fix wrote:\n%s\nwant:\n%s", got, literalFixed)
		}
		if info, err := os.Stat(filepath.Join(dir, "a.go")); err != nil || info.Mode().Perm() != 0o600 {
			t.Errorf("-fix changed the file mode: %v %v", info.Mode(), err)
		}
		if got := readFile(t, filepath.Join(dir, "a_test.go")); got != testFile {
			t.Errorf("-fix changed a_test.go:\n%s", got)
		}
		// Fixed for good.
		code, stdout, stderr = run(t, dir, []*analysis.Analyzer{fixme("fixme")})
		checkCode(t, nil, code, ExitClean, stdout, stderr)
	})
	t.Run("rule flag", func(t *testing.T) {
		dir := module(t, map[string]string{"a.go": literal})
		args := []string{"-fix", "-fixme.new=http.StatusForbidden"}
		code, stdout, stderr := run(t, dir, []*analysis.Analyzer{fixme("fixme")}, args...)
		checkCode(t, args, code, ExitClean, stdout, stderr)
		want := strings.Replace(literal, "401", "http.StatusForbidden", 1)
		if got := readFile(t, filepath.Join(dir, "a.go")); got != want {
			t.Errorf("-fix wrote:\n%s\nwant:\n%s", got, want)
		}
	})
	t.Run("findings without fixes remain", func(t *testing.T) {
		src := strings.Replace(literal, "\tw.Header().Set(\"WWW-Authenticate\", \"Basic\")\n", "", 1)
		dir := module(t, map[string]string{"a.go": src})
		rs := append(rules(), fixme("fixme"))
		code, stdout, stderr := run(t, dir, rs, "-fix")
		checkCode(t, []string{"-fix"}, code, ExitFindings, stdout, stderr)
		if l := lines(stdout); len(l) != 1 || !strings.HasPrefix(l[0], "a.go:6:2: 401 response without") || !strings.HasSuffix(l[0], "(nochallenge)") {
			t.Errorf("-fix printed %q, want the nochallenge finding only", stdout)
		}
		want := strings.Replace(src, "401", "http.StatusUnauthorized", 1)
		if got := readFile(t, filepath.Join(dir, "a.go")); got != want {
			t.Errorf("-fix wrote:\n%s\nwant:\n%s", got, want)
		}
	})
	t.Run("conflict", func(t *testing.T) {
		dir := module(t, map[string]string{"a.go": literal})
		other := fixme("other")
		if err := other.Flags.Set("new", "StatusX"); err != nil {
			t.Fatal(err)
		}
		code, stdout, stderr := run(t, dir, []*analysis.Analyzer{fixme("fixme"), other}, "-fix")
		checkCode(t, []string{"-fix"}, code, ExitError, stdout, stderr)
		if !strings.Contains(stderr, "conflicting suggested fixes") {
			t.Errorf("stderr = %q, want a conflict error", stderr)
		}
		if got := readFile(t, filepath.Join(dir, "a.go")); got != literal {
			t.Errorf("a conflicting -fix changed the file:\n%s", got)
		}
	})
	t.Run("cgo", func(t *testing.T) {
		// The type checker sees cgo's output, whose //line directives
		// point back to a.go at other offsets: the fix must not be
		// applied to a.go at those offsets (nor to the build cache).
		src := strings.Replace(literal, "import \"net/http\"\n", "// static int two(void) { return 2; }\nimport \"C\"\n\nimport \"net/http\"\n\nfunc Two() int { return int(C.two()) }\n", 1) + strings.Repeat("// padding, so that offsets into cgo output fall inside a.go\n", 20)
		dir := module(t, map[string]string{"a.go": src})
		code, stdout, stderr := run(t, dir, []*analysis.Analyzer{fixme("fixme")}, "-fix")
		checkCode(t, []string{"-fix"}, code, ExitFindings, stdout, stderr)
		if stdout != "a.go:12:16: literal 401 (fixme)\n" {
			t.Errorf("-fix printed %q, want the unfixed finding", stdout)
		}
		if got := readFile(t, filepath.Join(dir, "a.go")); got != src {
			t.Errorf("-fix changed a.go:\n%s", got)
		}
	})
}

// applyUnified applies a unified diff of one file to a, strictly: every
// context and removed line must be where the hunk header says.
func applyUnified(a, diff string) (string, error) {
	if diff == "" {
		return a, nil
	}
	src := splitLines(a)
	dl := splitLines(diff)
	if len(dl) < 2 || !strings.HasPrefix(dl[0], "--- ") || !strings.HasPrefix(dl[1], "+++ ") {
		return "", fmt.Errorf("no file header")
	}
	header := regexp.MustCompile(`^@@ -(\d+),(\d+) \+(\d+),(\d+) @@\n$`)
	var out []string
	next := 0 // first line of src not yet copied
	for i := 2; i < len(dl); {
		m := header.FindStringSubmatch(dl[i])
		if m == nil {
			return "", fmt.Errorf("line %d: bad hunk header %q", i, dl[i])
		}
		i++
		ax, _ := strconv.Atoi(m[1])
		an, _ := strconv.Atoi(m[2])
		bx, _ := strconv.Atoi(m[3])
		bn, _ := strconv.Atoi(m[4])
		if an > 0 {
			ax-- // to a 0-based index; an empty range names the line before
		}
		if bn > 0 {
			bx--
		}
		if ax < next || ax > len(src) {
			return "", fmt.Errorf("hunk at -%s out of order", m[1])
		}
		out = append(out, src[next:ax]...)
		if len(out) != bx {
			return "", fmt.Errorf("hunk +%s: new text at line %d", m[3], len(out)+1)
		}
		next = ax
		gotA, gotB := 0, 0
		for i < len(dl) && !strings.HasPrefix(dl[i], "@@") {
			kind, line := dl[i][0], dl[i][1:]
			i++
			if i < len(dl) && dl[i] == "\\ No newline at end of file\n" {
				line = strings.TrimSuffix(line, "\n")
				i++
			}
			if kind == ' ' || kind == '-' {
				if next >= len(src) || src[next] != line {
					return "", fmt.Errorf("hunk -%s: line %d does not match", m[1], next+1)
				}
				next++
				gotA++
			}
			switch kind {
			case ' ', '+':
				out = append(out, line)
				gotB++
			case '-':
			default:
				return "", fmt.Errorf("bad diff line %q", dl[i-1])
			}
		}
		if gotA != an || gotB != bn {
			return "", fmt.Errorf("hunk -%s,%d +%s,%d has %d and %d lines", m[1], an, m[3], bn, gotA, gotB)
		}
	}
	out = append(out, src[next:]...)
	return strings.Join(out, ""), nil
}

func TestUnified(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, a, b, want string }{
		{"same", "x\ny\n", "x\ny\n", ""},
		{"replace", "a\nb\nc\n", "a\nB\nc\n", "--- f\n+++ f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"},
		{"insert", "a\nb\n", "a\nnew\nb\n", "--- f\n+++ f\n@@ -1,2 +1,3 @@\n a\n+new\n b\n"},
		{"delete", "a\nb\nc\n", "a\nc\n", "--- f\n+++ f\n@@ -1,3 +1,2 @@\n a\n-b\n c\n"},
		{"from empty", "", "a\n", "--- f\n+++ f\n@@ -0,0 +1,1 @@\n+a\n"},
		{"to empty", "a\n", "", "--- f\n+++ f\n@@ -1,1 +0,0 @@\n-a\n"},
		{"no newline at end", "a\nb", "a\nc", "--- f\n+++ f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"},
		{"add newline at end", "a", "a\n", "--- f\n+++ f\n@@ -1,1 +1,1 @@\n-a\n\\ No newline at end of file\n+a\n"},
		{
			"two hunks",
			"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n",
			"1\nTWO\n3\n4\n5\n6\n7\n8\n9\n10\nELEVEN\n12\n",
			"--- f\n+++ f\n@@ -1,5 +1,5 @@\n 1\n-2\n+TWO\n 3\n 4\n 5\n@@ -8,5 +8,5 @@\n 8\n 9\n 10\n-11\n+ELEVEN\n 12\n",
		},
		{
			"merged hunks",
			"1\n2\n3\n4\n5\n6\n7\n8\n9\n",
			"1\nTWO\n3\n4\n5\n6\n7\nEIGHT\n9\n",
			"--- f\n+++ f\n@@ -1,9 +1,9 @@\n 1\n-2\n+TWO\n 3\n 4\n 5\n 6\n 7\n-8\n+EIGHT\n 9\n",
		},
	} {
		got := unified("f", tc.a, tc.b)
		if got != tc.want {
			t.Errorf("%s: unified =\n%s\nwant:\n%s", tc.name, got, tc.want)
			continue
		}
		if b, err := applyUnified(tc.a, got); err != nil || b != tc.b {
			t.Errorf("%s: applying the diff: %v: %q, want %q", tc.name, err, b, tc.b)
		}
	}
}

// The diff of random texts applies: every hunk header is right.
func TestUnifiedApplies(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a\n", "b\n", "c\n", "d\n", "\n", "}\n"}
	text := func() string {
		var sb strings.Builder
		for range r.IntN(25) {
			sb.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		s := sb.String()
		if s != "" && r.IntN(4) == 0 {
			s = strings.TrimSuffix(s, "\n")
		}
		return s
	}
	for i := range 3000 {
		a := text()
		b := a
		// Mostly small edits of a, as fixes are; sometimes unrelated texts.
		if r.IntN(5) == 0 {
			b = text()
		} else {
			l := splitLines(a)
			for range 1 + r.IntN(3) {
				k := r.IntN(len(l) + 1)
				switch r.IntN(3) {
				case 0:
					l = append(l[:k], append([]string{"new\n"}, l[k:]...)...)
				case 1:
					if k < len(l) {
						l = append(l[:k], l[k+1:]...)
					}
				default:
					if k < len(l) {
						l[k] = "changed\n"
					}
				}
			}
			b = strings.Join(l, "")
		}
		d := unified("f", a, b)
		got, err := applyUnified(a, d)
		if err != nil || got != b {
			t.Fatalf("case %d: %v\na = %q\nb = %q\ndiff:\n%s\napplied: %q", i, err, a, b, d, got)
		}
		if (a == b) != (d == "") {
			t.Fatalf("case %d: a == b is %v but the diff is %q", i, a == b, d)
		}
	}
}

func TestLineDiff(t *testing.T) {
	t.Parallel()
	a := splitLines("p\nq\nr\ns\n")
	b := splitLines("p\nx\nr\ns\ny\n")
	ops := lineDiff(a, b)
	var kinds []byte
	var ra, rb []string
	for _, op := range ops {
		kinds = append(kinds, op.kind)
		if op.kind != '+' {
			if a[op.ai] != op.line {
				t.Errorf("op %c %q: a[%d] = %q", op.kind, op.line, op.ai, a[op.ai])
			}
			ra = append(ra, op.line)
		}
		if op.kind != '-' {
			if b[op.bi] != op.line {
				t.Errorf("op %c %q: b[%d] = %q", op.kind, op.line, op.bi, b[op.bi])
			}
			rb = append(rb, op.line)
		}
	}
	if got, want := string(kinds), " -+  +"; got != want {
		t.Errorf("ops = %q, want %q", got, want)
	}
	if strings.Join(ra, "") != strings.Join(a, "") || strings.Join(rb, "") != strings.Join(b, "") {
		t.Errorf("ops do not rebuild the texts: %q, %q", ra, rb)
	}
	if ops := lineDiff(nil, nil); len(ops) != 0 {
		t.Errorf("lineDiff(nil, nil) = %v", ops)
	}
}

func TestFirstLine(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"nochallenge: report 401 responses\n\nMore.": "report 401 responses",
		"no colon here\nsecond":                      "no colon here",
		"":                                           "",
	} {
		if got := firstLine(in); got != want {
			t.Errorf("firstLine(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRelPath(t *testing.T) {
	dir := module(t, map[string]string{})
	t.Chdir(dir)
	for in, want := range map[string]string{
		filepath.Join(dir, "a.go") + ":1:2":                       "a.go:1:2",
		filepath.Join(dir, "b", "c.go") + ":3:4":                  filepath.Join("b", "c.go") + ":3:4",
		filepath.Join(filepath.Dir(dir), "elsewhere.go") + ":5:6": filepath.Join(filepath.Dir(dir), "elsewhere.go") + ":5:6",
		"rel.go:7:8": "rel.go:7:8",
	} {
		if got := relPath(in); got != want {
			t.Errorf("relPath(%q) = %q, want %q", in, got, want)
		}
	}
}
