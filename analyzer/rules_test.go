package analyzer_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/authchallenge/authchallenge/analyzer"
	"github.com/authchallenge/authchallenge/passes/config"
)

// fixtures names, for every rule, a fixture package where it reports.
var fixtures = map[string]string{
	"nochallenge":    "nochallenge/nethttp",
	"authforbidden":  "authforbidden/nethttp",
	"grpcauthcode":   "authforbidden/grpcsvc",
	"chainorder":     "chain/app",
	"firstchallenge": "chain/server",
}

// recorder keeps analysistest's errors; the fixtures' // want comments
// are checked by each rule's own tests, not here.
type recorder struct{ errs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// diagnostics runs rule name of a fresh suite configured by flags over its
// fixture and returns how many diagnostics it reported.
func diagnostics(t *testing.T, name string, flags map[string]string) int {
	t.Helper()
	suite := analyzer.New()
	for k, v := range flags {
		if err := suite.Config.Flags.Set(k, v); err != nil {
			t.Fatal(err)
		}
	}
	dir, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range suite.Rules {
		if a.Name != name {
			continue
		}
		n := 0
		for _, r := range analysistest.Run(new(recorder), dir, a, fixtures[name]) {
			if r.Err != nil {
				t.Fatalf("%s: %v", name, r.Err)
			}
			for _, d := range r.Diagnostics {
				if d.Category != name {
					t.Errorf("%s: diagnostic with category %q", name, d.Category)
				}
				n++
			}
		}
		return n
	}
	t.Fatalf("no rule %s", name)
	return 0
}

// TestEveryRuleHonoursExempt: -exempt on the fixture's package silences
// every rule, which reports there otherwise.
func TestEveryRuleHonoursExempt(t *testing.T) {
	for _, a := range analyzer.Rules() {
		t.Run(a.Name, func(t *testing.T) {
			pkg := fixtures[a.Name]
			if pkg == "" {
				t.Fatalf("no fixture for rule %s", a.Name)
			}
			if n := diagnostics(t, a.Name, nil); n == 0 {
				t.Fatalf("%s reports nothing on %s: the test would prove nothing", a.Name, pkg)
			}
			if n := diagnostics(t, a.Name, map[string]string{config.FlagExempt: pkg}); n != 0 {
				t.Errorf("%s: %d diagnostics with -exempt=%s, want 0", a.Name, n, pkg)
			}
		})
	}
}

// TestOneRuleList: the suite, the exported rule list and the directives all
// take their rules from the one list, in its order.
func TestOneRuleList(t *testing.T) {
	want := directiveRules()
	for name, rules := range map[string][]*analysis.Analyzer{"New().Rules": analyzer.New().Rules, "Rules()": analyzer.Rules()} {
		var got []string
		for _, a := range rules {
			got = append(got, a.Name)
		}
		if strings.Join(got, " ") != want {
			t.Errorf("%s = %v, want the rule list %q", name, got, want)
		}
	}
}
