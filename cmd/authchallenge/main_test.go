package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// bin is the authchallenge command, built once by TestMain.
var bin string

func TestMain(m *testing.M) {
	os.Exit(build(m))
}

func build(m *testing.M) int {
	dir, err := os.MkdirTemp("", "authchallenge-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	// The result cache of the runs lives and dies with the tests; the
	// build cache, which also defaults to a directory below
	// XDG_CACHE_HOME, stays where it is.
	if os.Getenv("GOCACHE") == "" {
		if out, err := exec.Command("go", "env", "GOCACHE").Output(); err == nil {
			os.Setenv("GOCACHE", strings.TrimSpace(string(out)))
		}
	}
	os.Setenv("XDG_CACHE_HOME", filepath.Join(dir, "cache"))
	bin = filepath.Join(dir, "authchallenge")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Env = append(os.Environ(), "GOTOOLCHAIN=local", "GOPROXY=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		return 1
	}
	return m.Run()
}

// env is the environment of the go commands run on the scratch modules:
// standard library only, so no network and no toolchain switch.
func env() []string {
	return append(os.Environ(),
		"GOTOOLCHAIN=local",
		"GOPROXY=off",
		"GOWORK=off",
		"GOFLAGS="+strings.TrimSpace(os.Getenv("GOFLAGS")+" -mod=mod"),
	)
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
	w.Header().Set("WWW-Authenticate", "Basic")
	w.WriteHeader(http.StatusUnauthorized)
}
`
	message = "a.go:6:2: 401 response without a WWW-Authenticate challenge"
)

// module writes a scratch module example.com/x with the files.
func module(t *testing.T, files map[string]string) string {
	t.Helper()
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	files["go.mod"] = "module example.com/x\n\ngo 1.26.0\n"
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// run runs name with args in dir and returns its exit code and output; it
// fails the test if the command panicked or could not run.
func run(t *testing.T, dir, name string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env()
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		code = exit.ExitCode()
	default:
		t.Fatalf("%s %q: %v", name, args, err)
	}
	stdout, stderr = out.String(), errb.String()
	if strings.Contains(stderr, "panic") || strings.Contains(stderr, "goroutine ") {
		t.Errorf("%s %q panicked:\n%s", name, args, stderr)
	}
	return code, stdout, stderr
}

func TestVet(t *testing.T) {
	t.Parallel()
	testFile := "package x\n\nimport \"testing\"\n\nfunc TestX(t *testing.T) {}\n"
	for _, tc := range []struct {
		name  string
		files map[string]string
		flags []string
		fail  bool   // a non-zero exit
		want  string // in stderr
	}{
		{name: "finding", files: map[string]string{"a.go": unchallenged}, fail: true, want: message},
		{name: "finding with tests", files: map[string]string{"a.go": unchallenged, "a_test.go": testFile}, fail: true, want: message},
		{name: "clean", files: map[string]string{"a.go": challenged}},
		{name: "rule disabled", files: map[string]string{"a.go": unchallenged}, flags: []string{"-nochallenge=false"}},
		{name: "type error", files: map[string]string{"a.go": "package x\n\nfunc F() int {\n\treturn \"s\"\n}\n"}, fail: true, want: "a.go:4:9: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := module(t, tc.files)
			args := append(append([]string{"vet", "-vettool=" + bin}, tc.flags...), "./...")
			code, stdout, stderr := run(t, dir, "go", args...)
			if (code != 0) != tc.fail {
				t.Fatalf("go %q: exit %d, want failure %v\nstdout:\n%s\nstderr:\n%s", args, code, tc.fail, stdout, stderr)
			}
			if tc.want != "" && !strings.Contains(stderr, tc.want) {
				t.Errorf("go %q: stderr lacks %q:\n%s", args, tc.want, stderr)
			}
			if n := strings.Count(stderr, "401 response without"); tc.want == message && n != 1 {
				t.Errorf("go %q: the finding is reported %d times, want once:\n%s", args, n, stderr)
			}
			if !tc.fail && strings.Contains(stdout+stderr, "401 response without") {
				t.Errorf("go %q: unexpected report:\n%s%s", args, stdout, stderr)
			}
		})
	}
}

// go vet -json reports the diagnostics as JSON and exits 0.
func TestVetJSON(t *testing.T) {
	t.Parallel()
	dir := module(t, map[string]string{"a.go": unchallenged})
	code, stdout, stderr := run(t, dir, "go", "vet", "-vettool="+bin, "-json", "./...")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	out := stdout + stderr
	var tree map[string]map[string][]struct {
		Posn     string `json:"posn"`
		Message  string `json:"message"`
		Category string `json:"category"`
	}
	start := strings.Index(out, "{")
	if start < 0 || json.Unmarshal([]byte(out[start:]), &tree) != nil {
		t.Fatalf("no JSON in the output:\n%s", out)
	}
	diags := tree["example.com/x"]["nochallenge"]
	if len(diags) != 1 || diags[0].Category != "nochallenge" || !strings.HasSuffix(diags[0].Posn, "a.go:6:2") {
		t.Errorf("unexpected JSON report:\n%s", out)
	}
}

// The standalone command: exit codes and the handshake go vet starts with.
func TestStandalone(t *testing.T) {
	t.Parallel()
	finding := module(t, map[string]string{"a.go": unchallenged})
	clean := module(t, map[string]string{"a.go": challenged})
	broken := module(t, map[string]string{"a.go": "package x\n\nfunc F() int {\n\treturn \"s\"\n}\n"})
	for _, tc := range []struct {
		name       string
		dir        string
		args       []string
		code       int
		stdout     string // a substring; "" wants no output
		stderr     string // a substring; "" wants no output
		stdoutLine bool   // stdout is exactly one line
		prefix     bool   // stderr starts with the substring
	}{
		{name: "finding", dir: finding, code: 3, stdout: message, stdoutLine: true},
		{name: "finding, rule disabled", dir: finding, args: []string{"-nochallenge=false"}, code: 0},
		{name: "clean", dir: clean, args: []string{"./..."}, code: 0},
		{name: "type error", dir: broken, code: 1, stderr: "a.go:4:9: cannot use", prefix: true},
		{name: "unknown package", dir: clean, args: []string{"./nope"}, code: 1, stderr: "nope"},
		{name: "bad flag", dir: clean, args: []string{"-bogus"}, code: 2, stderr: "Usage:"},
		{name: "help", dir: clean, args: []string{"-help"}, code: 0, stderr: "Exit status: 0 no findings, 3 findings, 1 packages failed to load or type-check, 2 bad flags."},
		{name: "version", dir: clean, args: []string{"-version"}, code: 0, stdout: "authchallenge ", stdoutLine: true},
		{name: "json", dir: finding, args: []string{"-json"}, code: 3, stdout: `"nochallenge": [`},
		// go vet asks for these before it runs the tool on a package.
		{name: "vet version", dir: clean, args: []string{"-V=full"}, code: 0, stdout: " version ", stdoutLine: true},
		{name: "vet flags", dir: clean, args: []string{"-flags"}, code: 0, stdout: `"Name": "nochallenge"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			code, stdout, stderr := run(t, tc.dir, bin, tc.args...)
			if code != tc.code {
				t.Fatalf("authchallenge %q: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", tc.args, code, tc.code, stdout, stderr)
			}
			for _, out := range []struct{ name, got, want string }{{"stdout", stdout, tc.stdout}, {"stderr", stderr, tc.stderr}} {
				switch {
				case out.want == "" && out.got != "":
					t.Errorf("authchallenge %q: unexpected %s:\n%s", tc.args, out.name, out.got)
				case !strings.Contains(out.got, out.want):
					t.Errorf("authchallenge %q: %s lacks %q:\n%s", tc.args, out.name, out.want, out.got)
				}
			}
			if tc.prefix && !strings.HasPrefix(stderr, tc.stderr) {
				t.Errorf("authchallenge %q: stderr does not start with %q:\n%s", tc.args, tc.stderr, stderr)
			}
			if tc.stdoutLine && strings.Count(stdout, "\n") != 1 {
				t.Errorf("authchallenge %q: want one line on stdout, got:\n%s", tc.args, stdout)
			}
		})
	}
}

// A web framework the knowledge table does not know, required through a
// replace directive, whose status method is learned from its code, and a
// service context type that embeds the framework's: the standalone command
// on the package alone, on the whole module, and go vet agree.
func TestFrameworkOutsideTable(t *testing.T) {
	t.Parallel()
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string]string{
		"go.mod":                 "module example.com/x\n\ngo 1.26.0\n\nrequire example.org/web v0.0.0\n\nreplace example.org/web => ./third_party/web\n",
		"third_party/web/go.mod": "module example.org/web\n\ngo 1.26.0\n",
		"third_party/web/web.go": "package web\n\nimport \"net/http\"\n\ntype Ctx struct {\n\tw http.ResponseWriter\n\tr *http.Request\n}\n\nfunc New(w http.ResponseWriter, r *http.Request) *Ctx { return &Ctx{w, r} }\n\nfunc (c *Ctx) Status(code int) { c.w.WriteHeader(code) }\n",
		"svc/svc.go":             "package svc\n\nimport (\n\t\"net/http\"\n\n\t\"example.org/web\"\n)\n\ntype Context struct {\n\t*web.Ctx\n\tUser string\n}\n\nfunc Handler(w http.ResponseWriter, r *http.Request) {\n\tc := &Context{Ctx: web.New(w, r), User: r.Header.Get(\"X-User\")}\n\tif c.User == \"\" {\n\t\tc.Status(http.StatusUnauthorized)\n\t}\n}\n",
	} {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const want = "svc/svc.go:17:3: call to Status writes 401 without a WWW-Authenticate challenge"
	for _, args := range [][]string{{"./svc"}, {"./..."}} {
		code, stdout, stderr := run(t, dir, bin, args...)
		if code != 3 || !strings.HasPrefix(stdout, want) || strings.Count(stdout, "\n") != 1 || stderr != "" {
			t.Errorf("authchallenge %q: exit %d\nstdout:\n%s\nstderr:\n%s", args, code, stdout, stderr)
		}
	}
	code, stdout, stderr := run(t, dir, "go", "vet", "-vettool="+bin, "./svc")
	if code == 0 || !strings.Contains(stderr, want) || strings.Count(stderr, "svc.go:") != 1 {
		t.Errorf("go vet: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}
