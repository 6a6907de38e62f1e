package golangci

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/authchallenge/authchallenge/analyzer"
	"github.com/authchallenge/authchallenge/passes/config"
)

func newPlugin(t *testing.T, settings any) *Plugin {
	t.Helper()
	p, err := New(settings)
	if err != nil {
		t.Fatalf("New(%v): %v", settings, err)
	}
	return p.(*Plugin)
}

func names(as []*analysis.Analyzer) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

// allRules is every rule's name, in the suite's order.
func allRules() []string {
	return names(analyzer.New().Rules)
}

// rule returns the analyzer named name.
func rule(t *testing.T, as []*analysis.Analyzer, name string) *analysis.Analyzer {
	t.Helper()
	for _, a := range as {
		if a.Name == name {
			return a
		}
	}
	t.Fatalf("no rule %q in %v", name, names(as))
	return nil
}

func flagValue(t *testing.T, p *Plugin, name string) string {
	t.Helper()
	f := p.suite.Config.Flags.Lookup(name)
	if f == nil {
		t.Fatalf("no config flag %q", name)
	}
	return f.Value.String()
}

// TestRegistered: importing the package registers the plugin under the
// linter name golangci-lint looks up.
func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin(Name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
}

// TestDefaults: no settings (golangci-lint passes nil) or an empty mapping
// enable every rule with the default configuration.
func TestDefaults(t *testing.T) {
	want := allRules()
	for _, settings := range []any{nil, map[string]any{}} {
		p := newPlugin(t, settings)
		got, err := p.BuildAnalyzers()
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(names(got), ",") != strings.Join(want, ",") {
			t.Errorf("settings %v: analyzers %v, want %v", settings, names(got), want)
		}
		if v := flagValue(t, p, config.FlagTests); v != "false" {
			t.Errorf("settings %v: tests = %s, want false (the default)", settings, v)
		}
		if v := flagValue(t, p, config.FlagExempt); v != "" {
			t.Errorf("settings %v: exempt = %q, want empty", settings, v)
		}
	}
}

// TestSettings decodes every kind of value: comma-separated strings, YAML
// lists (joined), bools given as bools or strings, and keys without a value.
func TestSettings(t *testing.T) {
	p := newPlugin(t, map[string]any{
		"nochallenge":              true,
		"challenge-headers":        []any{"LFS-Authenticate", "X-Challenge"},
		"exempt":                   "example.com/s3, example.com/auth.Forward",
		"status-helpers":           []any{"example.com/web.Reply"},
		"unauthenticated-errors":   "example.com/auth.ErrNoToken,example.com/auth.TokenError",
		"authenticator-interfaces": []any{},
		"challenge-methods":        nil,
		"tests":                    true,
	})
	for name, want := range map[string]string{
		config.FlagChallengeHeaders:        "LFS-Authenticate,X-Challenge",
		config.FlagExempt:                  "example.com/s3,example.com/auth.Forward",
		config.FlagStatusHelpers:           "example.com/web.Reply",
		config.FlagUnauthenticatedErrors:   "example.com/auth.ErrNoToken,example.com/auth.TokenError",
		config.FlagAuthenticatorInterfaces: "",
		config.FlagChallengeMethods:        "",
		config.FlagTests:                   "true",
	} {
		if got := flagValue(t, p, name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if got, _ := p.BuildAnalyzers(); strings.Join(names(got), ",") != strings.Join(allRules(), ",") {
		t.Errorf("analyzers %v, want %v", names(got), allRules())
	}

	p = newPlugin(t, map[string]any{"tests": "true", "nochallenge": "true"})
	if got := flagValue(t, p, config.FlagTests); got != "true" {
		t.Errorf("tests = %q, want true", got)
	}
	rule(t, p.enabled, "nochallenge")
}

// TestDisableRule: a rule's key set to false leaves it out, and only it;
// every rule set to false leaves none.
func TestDisableRule(t *testing.T) {
	for _, v := range []any{false, "false", "0"} {
		p := newPlugin(t, map[string]any{"nochallenge": v})
		got, err := p.BuildAnalyzers()
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, r := range allRules() {
			if r != "nochallenge" {
				want = append(want, r)
			}
		}
		if strings.Join(names(got), ",") != strings.Join(want, ",") {
			t.Errorf("nochallenge: %v: analyzers %v, want %v", v, names(got), want)
		}
	}
	off := make(map[string]any)
	for _, r := range allRules() {
		off[r] = false
	}
	got, err := newPlugin(t, off).BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if got == nil || len(got) != 0 {
		t.Errorf("every rule off: analyzers %v (nil: %t), want an empty list", names(got), got == nil)
	}
}

// TestErrors: unknown keys name the key and the known ones; values of the
// wrong shape or rejected by the flag name the setting.
func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		settings any
		want     []string
	}{
		{map[string]any{"challengeheaders": "x"}, []string{
			`unknown authchallenge setting "challengeheaders"`,
			"(known: " + strings.Join(allRules(), ", ") + ", authenticator-interfaces, challenge-headers, challenge-methods, exempt, ",
			"status-helpers", "tests", "unauthenticated-errors",
		}},
		{map[string]any{"challenge-headers": "x", "NoChallenge": false}, []string{`unknown authchallenge setting "NoChallenge"`}},
		{map[string]any{"authchallenge_config.exempt": "x"}, []string{`unknown authchallenge setting "authchallenge_config.exempt"`}},
		{map[string]any{"test": true}, []string{`unknown authchallenge setting "test"`}},
		{map[string]any{"nochallenge": "maybe"}, []string{`authchallenge setting "nochallenge": want true or false, got "maybe"`}},
		{map[string]any{"nochallenge": 1}, []string{`authchallenge setting "nochallenge": want true or false, got 1`}},
		{map[string]any{"exempt": map[string]any{"a": "b"}}, []string{`authchallenge setting "exempt": want a string or a list of strings, got a mapping`}},
		{map[string]any{"exempt": []any{[]any{"a"}}}, []string{`authchallenge setting "exempt": list item: want a string or a list of strings, got a list`}},
		{map[string]any{"challenge-headers": []any{"LFS Authenticate"}}, []string{`authchallenge setting "challenge-headers"`, "not a header name"}},
		{map[string]any{"status-helpers": "noname"}, []string{`authchallenge setting "status-helpers"`, "want pkg/path.Name"}},
		{map[string]any{"tests": []any{"yes", "no"}}, []string{`authchallenge setting "tests"`}},
		{[]any{"nochallenge"}, []string{"authchallenge settings: decoding settings"}},
	} {
		_, err := New(tc.settings)
		if err == nil {
			t.Errorf("New(%v): no error, want %q", tc.settings, tc.want)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("New(%v): error %q, want it to contain %q", tc.settings, err, w)
			}
		}
	}
}

// TestFresh: each plugin instance has its own configuration.
func TestFresh(t *testing.T) {
	a := newPlugin(t, map[string]any{"exempt": "example.com/a"})
	b := newPlugin(t, nil)
	if got := flagValue(t, b, config.FlagExempt); got != "" {
		t.Errorf("second plugin sees exempt=%q", got)
	}
	if got := flagValue(t, a, config.FlagExempt); got != "example.com/a" {
		t.Errorf("first plugin: exempt=%q", got)
	}
	ra, _ := a.BuildAnalyzers()
	rb, _ := b.BuildAnalyzers()
	if ra[0] == rb[0] || ra[0] == analyzer.Rules()[0] {
		t.Error("plugins share analyzers")
	}
}

// TestAnalyzers runs the plugin's analyzers, configured through settings
// the way .golangci.yml would, on the configured fixture of the nochallenge
// rule (an extra challenge header, an exempt handler, a status helper, no
// tests).
func TestAnalyzers(t *testing.T) {
	p := newPlugin(t, map[string]any{
		"challenge-headers": []any{"LFS-Authenticate"},
		"exempt":            []any{"nochallenge/configured.S3Handler"},
		"status-helpers":    "nochallenge/configured.Reply",
		"tests":             false,
	})
	rules, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	testdata, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata, rule(t, rules, "nochallenge"), "nochallenge/configured")
}
