package driver

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A module where one package does not load: good has a finding, user
// imports the broken package.
func brokenSibling(t *testing.T, broken string) string {
	t.Helper()
	return module(t, map[string]string{
		"good/a.go": strings.Replace(unchallenged, "package x", "package good", 1),
		"bad/b.go":  broken,
		"user/u.go": "package user\n\nimport (\n\t\"net/http\"\n\n\t\"example.com/x/bad\"\n)\n\nfunc H(w http.ResponseWriter, r *http.Request) {\n\tw.WriteHeader(bad.Code)\n}\n",
	})
}

var (
	goodFinding = regexp.MustCompile(`^good/a\.go:6:2: 401 response without a WWW-Authenticate challenge: .+ \(nochallenge\)$`)
	skippedUser = "authchallenge: not analysed, as a package it depends on failed to load: example.com/x/user"
)

// checkOnce checks that stderr is exactly want (each error once, no
// knock-on lines), in order.
func checkOnce(t *testing.T, stderr string, want ...string) {
	t.Helper()
	got := lines(stderr)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, strings.Join(want, "\n"))
	}
	for _, knockOn := range []string{"could not import", "invalid package name", "expected package"} {
		if strings.Contains(stderr, knockOn) {
			t.Errorf("stderr has a knock-on error (%q):\n%s", knockOn, stderr)
		}
	}
}

func TestBrokenSibling(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		errors    []string
	}{
		{
			name:   "syntax error",
			src:    "package bad\n\nconst Code = 401 +\n",
			errors: []string{"bad/b.go:3:20: expected ';', found 'EOF'", "bad/b.go:3:20: expected operand, found 'EOF'"},
		},
		{
			name:   "type error",
			src:    "package bad\n\nconst Code int = \"s\"\n",
			errors: []string{`bad/b.go:3:18: cannot use "s" (untyped string constant) as int value in constant declaration`},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := brokenSibling(t, tc.src)
			for _, args := range [][]string{nil, {"-test=false", "./good", "./bad", "./user"}} {
				code, stdout, stderr := run(t, dir, rules(), args...)
				checkCode(t, args, code, ExitError, stdout, stderr)
				if l := lines(stdout); len(l) != 1 || !goodFinding.MatchString(l[0]) {
					t.Errorf("Main(%q): stdout = %q, want the healthy package's finding", args, stdout)
				}
				checkOnce(t, stderr, append(tc.errors, skippedUser)...)
			}
			// Named alone, the healthy package is clean of errors.
			code, stdout, stderr := run(t, dir, rules(), "./good")
			checkCode(t, []string{"./good"}, code, ExitFindings, stdout, stderr)
			// Named alone, the dependent package fails for its
			// dependency, which only the compiler saw (nothing there
			// can matter): the compiler's errors, once.
			code, stdout, stderr = run(t, dir, rules(), "./user")
			checkCode(t, []string{"./user"}, code, ExitError, stdout, stderr)
			if stdout != "" {
				t.Errorf("./user: stdout %q", stdout)
			}
			l := lines(stderr)
			if len(l) < 2 || !strings.HasPrefix(l[0], "bad/b.go:") {
				t.Errorf("./user: stderr:\n%s", stderr)
			}
			checkOnce(t, stderr, append(l[:len(l)-1:len(l)-1], skippedUser)...)
		})
	}
}

func TestMissingModule(t *testing.T) {
	dir := module(t, map[string]string{
		"go.mod":    gomod + "\nrequire example.org/nothere v1.0.0\n",
		"good/a.go": strings.Replace(unchallenged, "package x", "package good", 1),
		"user/u.go": "package user\n\nimport \"example.org/nothere\"\n\nvar _ = nothere.X\n",
	})
	code, stdout, stderr := run(t, dir, rules())
	checkCode(t, nil, code, ExitError, stdout, stderr)
	if l := lines(stdout); len(l) != 1 || !goodFinding.MatchString(l[0]) {
		t.Errorf("stdout = %q, want the healthy package's finding", stdout)
	}
	l := lines(stderr)
	if len(l) != 2 || !strings.HasPrefix(l[0], "user/u.go:3:8: ") || !strings.Contains(l[0], "GOPROXY=off") {
		t.Fatalf("stderr does not say once why the module is missing:\n%s", stderr)
	}
	checkOnce(t, stderr, l[0], skippedUser)
}

func TestInvalidUTF8(t *testing.T) {
	// The byte 0xff in a comment of a package that others import, and in
	// a package of its own, both importing net/http, with tests.
	dir := brokenSibling(t, "package bad\n\nimport \"net/http\"\n\n// \xff\nconst Code = http.StatusUnauthorized\n")
	for name, content := range map[string]string{
		"bad/b_test.go": "package bad\n\nimport \"testing\"\n\nfunc TestB(t *testing.T) {}\n",
		"odd/o.go":      "package odd\n\nimport \"net/http\"\n\nfunc H(w http.ResponseWriter, r *http.Request) {\n\tw.WriteHeader(401) \xff\n}\n",
	} {
		writeFile(t, dir, name, content)
	}
	code, stdout, stderr := run(t, dir, rules())
	checkCode(t, nil, code, ExitError, stdout, stderr)
	if l := lines(stdout); len(l) != 1 || !goodFinding.MatchString(l[0]) {
		t.Errorf("stdout = %q, want the healthy package's finding", stdout)
	}
	checkOnce(t, stderr,
		"bad/b.go:5:4: illegal UTF-8 encoding",
		"odd/o.go:6:21: expected ';', found 'ILLEGAL'",
		"odd/o.go:6:21: illegal UTF-8 encoding",
		"odd/o.go:6:21: illegal character U+FFFD '\ufffd'",
		"odd/o.go:7:3: expected ';', found 'EOF'",
		"odd/o.go:7:3: expected '}', found 'EOF'",
		skippedUser)
	if n := strings.Count(stderr, "illegal UTF-8 encoding"); n != 2 {
		t.Errorf("illegal UTF-8 encoding printed %d times, want once per file", n)
	}
}

// The findings are printed in every format when packages fail, with the
// errors on standard error; exit 1.
func TestPartialFormats(t *testing.T) {
	dir := brokenSibling(t, "package bad\n\nconst Code = 401 +\n")
	wantErr := []string{"bad/b.go:3:20: expected ';', found 'EOF'", "bad/b.go:3:20: expected operand, found 'EOF'", skippedUser}

	args := []string{"-json"}
	code, stdout, stderr := run(t, dir, rules(), args...)
	checkCode(t, args, code, ExitError, stdout, stderr)
	checkOnce(t, stderr, wantErr...)
	tree := parseJSON(t, stdout)
	if len(tree) != 1 || len(tree["example.com/x/good"]["nochallenge"]) != 1 {
		t.Errorf("JSON = %v, want the healthy package's finding only", tree)
	}

	args = []string{"-format=github"}
	code, stdout, stderr = run(t, dir, rules(), args...)
	checkCode(t, args, code, ExitError, stdout, stderr)
	checkOnce(t, stderr, wantErr...)
	l := lines(stdout)
	if len(l) != 4 || l[0] != "::error file=bad/b.go,line=3,col=20,title=load error::expected ';', found 'EOF'" ||
		!strings.HasPrefix(l[2], "::error title=load error::not analysed") || !strings.HasPrefix(l[3], "::warning file=good/a.go,line=6,col=2,") {
		t.Errorf("github annotations:\n%s", stdout)
	}

	args = []string{"-format=sarif"}
	code, stdout, stderr = run(t, dir, rules(), args...)
	checkCode(t, args, code, ExitError, stdout, stderr)
	checkOnce(t, stderr, wantErr...)
	lr := parseSARIF(t, stdout).Runs[0]
	if len(lr.Results) != 1 || lr.Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI != "good/a.go" {
		t.Errorf("results = %+v, want the healthy package's finding", lr.Results)
	}
	if len(lr.Invocations) != 1 || lr.Invocations[0].ExecutionSuccessful {
		t.Fatalf("invocations = %+v, want one that did not succeed", lr.Invocations)
	}
	notes := lr.Invocations[0].ToolExecutionNotifications
	if len(notes) != 3 {
		t.Fatalf("notifications = %+v, want the error and the packages left out", notes)
	}
	n := notes[0]
	if n.Level != "error" || n.Message.Text != "expected ';', found 'EOF'" || len(n.Locations) != 1 {
		t.Errorf("notification = %+v", n)
	} else if loc := n.Locations[0].PhysicalLocation; loc.ArtifactLocation != (sarifArtifactT{"bad/b.go", "%SRCROOT%"}) ||
		loc.Region == nil || loc.Region.StartLine != 3 || loc.Region.StartColumn != 20 {
		t.Errorf("notification location = %+v %+v", loc.ArtifactLocation, loc.Region)
	}
	if n := notes[2]; n.Level != "error" || !strings.HasSuffix(n.Message.Text, "example.com/x/user") || len(n.Locations) != 0 {
		t.Errorf("notification = %+v", n)
	}

	// Everything loads: a successful invocation without notifications.
	clean := module(t, map[string]string{"a.go": unchallenged})
	code, stdout, stderr = run(t, clean, rules(), args...)
	checkCode(t, args, code, ExitFindings, stdout, stderr)
	if inv := parseSARIF(t, stdout).Runs[0].Invocations; len(inv) != 1 || !inv[0].ExecutionSuccessful || len(inv[0].ToolExecutionNotifications) != 0 {
		t.Errorf("invocations = %+v, want one successful", inv)
	}
}

// Several packages left out are named on one line.
func TestSkippedLine(t *testing.T) {
	t.Parallel()
	r := &loadReport{skipped: []string{"a", "b"}}
	if got := r.lines(); len(got) != 1 || got[0] != "authchallenge: 2 packages not analysed, as packages they depend on failed to load: a, b" {
		t.Errorf("lines = %q", got)
	}
}

func TestPosError(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ pos, want string }{
		{"", "m"},
		{"-", "m"},
		{"a.go", "a.go: m"},
		{"a.go:3", "a.go:3: m"},
		{"a.go:3:4", "a.go:3:4: m"},
		{"dir/a.go:3:4", "dir/a.go:3:4: m"},
	} {
		if got := posError(tc.pos, "m").String(); got != tc.want {
			t.Errorf("posError(%q) = %q, want %q", tc.pos, got, tc.want)
		}
	}
	errs := compilerErrors("a.go:1:2: first\n\tmore\nb.go:3: second\nnote: third\n")
	var got []string
	for _, e := range errs {
		got = append(got, e.String())
	}
	if want := []string{"a.go:1:2: first\n\tmore", "b.go:3: second", "note: third"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("compilerErrors = %q, want %q", got, want)
	}
}

// writeFile writes name (slash-separated, below dir).
func writeFile(t *testing.T, dir, name, content string) {
	t.Helper()
	path := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
