package driver

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestExplain(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	dir := module(t, map[string]string{"a.go": unchallenged})
	for _, a := range rules() {
		t.Run(a.Name, func(t *testing.T) {
			args := []string{"-explain", a.Name}
			code, stdout, stderr := run(t, dir, rules(), args...)
			checkCode(t, args, code, ExitClean, stdout, stderr)
			if stderr != "" {
				t.Errorf("unexpected stderr %q", stderr)
			}
			// The Doc, as-is: the doc.md that Analyzer.URL points at.
			if !strings.HasPrefix(stdout, a.Doc) {
				t.Fatalf("-explain %s does not start with the rule's Doc:\n%s", a.Name, stdout)
			}
			const blob = "https://github.com/authchallenge/authchallenge/blob/main/"
			if !strings.HasPrefix(a.URL, blob) {
				t.Errorf("URL %q does not point at a file of the repository", a.URL)
			} else if md, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(strings.TrimPrefix(a.URL, blob)))); err != nil {
				t.Errorf("URL %q: %v", a.URL, err)
			} else if !strings.HasPrefix(stdout, string(md)) {
				t.Errorf("-explain %s does not print %s as-is", a.Name, strings.TrimPrefix(a.URL, blob))
			}
			for _, section := range []string{"Bad:", "Good"} {
				if !strings.Contains(stdout, section) {
					t.Errorf("-explain %s lacks the %q example", a.Name, section)
				}
			}
			_, flags, ok := strings.Cut(stdout[len(a.Doc):], "\nFlags:\n")
			if !ok {
				t.Fatalf("-explain %s: no Flags: section after the Doc:\n%s", a.Name, stdout)
			}
			// The enable flag first, with its default, then the shared
			// configuration, with the usage -help prints.
			if want := "  -" + a.Name + "\n    \tenable the " + a.Name + " rule: " + firstLine(a.Doc) + " (default true)\n"; !strings.HasPrefix(flags, want) {
				t.Errorf("-explain %s: flags do not start with the enable flag %q:\n%s", a.Name, want, flags)
			}
			for _, cfg := range Shared([]*analysis.Analyzer{a}) {
				cfg.Flags.VisitAll(func(f *flag.Flag) {
					if !strings.Contains(flags, "  -"+f.Name) || !strings.Contains(flags, f.Usage) {
						t.Errorf("-explain %s lacks the shared flag -%s (%s):\n%s", a.Name, f.Name, f.Usage, flags)
					}
				})
			}
			if !strings.Contains(flags, "-challenge-headers") || !strings.Contains(flags, "-exempt") {
				t.Errorf("-explain %s lacks the shared configuration:\n%s", a.Name, flags)
			}
			// Where the facts it reads come from.
			if !strings.HasSuffix(stdout, factsNote) || !strings.Contains(factsNote, "-inventory") {
				t.Errorf("-explain %s does not end with where facts come from:\n%s", a.Name, stdout)
			}
			// Flags of the driver and of the other rules do not apply.
			for _, other := range append([]string{"-fix", "-format", "-inventory"}, names(rules())...) {
				if other != "-"+a.Name && strings.Contains(flags, "  "+other+"\n") {
					t.Errorf("-explain %s lists %s", a.Name, other)
				}
			}
		})
	}
}

func names(rules []*analysis.Analyzer) []string {
	var out []string
	for _, a := range rules {
		out = append(out, "-"+a.Name)
	}
	return out
}

// The defaults printed are the defaults, whatever the command line set.
func TestExplainDefaults(t *testing.T) {
	dir := module(t, map[string]string{"a.go": unchallenged})
	a := rules()[0]
	args := []string{"-" + a.Name + "=false", "-explain=" + a.Name, "./..."}
	code, stdout, stderr := run(t, dir, rules(), args...)
	checkCode(t, args, code, ExitClean, stdout, stderr)
	if !strings.Contains(stdout, "  -"+a.Name+"\n    \tenable the "+a.Name+" rule: "+firstLine(a.Doc)+" (default true)\n") {
		t.Errorf("-explain does not print the enable flag's default:\n%s", stdout)
	}
	// A rule's own flags are listed with their prefix.
	args = []string{"-explain", "fixme"}
	code, stdout, stderr = run(t, dir, []*analysis.Analyzer{fixme("fixme")}, args...)
	checkCode(t, args, code, ExitClean, stdout, stderr)
	want := "fixme: replace the literal 401 with http.StatusUnauthorized\n\nFlags:\n" +
		"  -fixme\n    \tenable the fixme rule: replace the literal 401 with http.StatusUnauthorized (default true)\n" +
		"  -fixme.new string\n    \tthe replacement (default \"http.StatusUnauthorized\")\n"
	if stdout != want {
		t.Errorf("-explain fixme printed:\n%s\nwant:\n%s", stdout, want)
	}
}

func TestExplainUnknown(t *testing.T) {
	dir := module(t, map[string]string{"a.go": unchallenged})
	for _, args := range [][]string{{"-explain", "nosuchrule"}, {"-explain="}, {"-explain", "NoChallenge"}} {
		code, stdout, stderr := run(t, dir, rules(), args...)
		checkCode(t, args, code, ExitUsage, stdout, stderr)
		if stdout != "" {
			t.Errorf("%q: unexpected stdout %q", args, stdout)
		}
		if !strings.Contains(stderr, "unknown rule") {
			t.Errorf("%q: stderr = %q", args, stderr)
		}
		for _, a := range rules() {
			if !strings.Contains(stderr, a.Name) {
				t.Errorf("%q: stderr does not list the rule %s:\n%s", args, a.Name, stderr)
			}
		}
	}
	// -explain takes a value.
	code, stdout, stderr := run(t, dir, rules(), "-explain")
	checkCode(t, []string{"-explain"}, code, ExitUsage, stdout, stderr)
}
