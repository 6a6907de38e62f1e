package nochallenge_test

import (
	"strings"
	"testing"

	"github.com/authchallenge/authchallenge/passes/internal/testdir"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/authchallenge/authchallenge/analyzer"
	"github.com/authchallenge/authchallenge/passes/config"
	"github.com/authchallenge/authchallenge/passes/nochallenge"
)

// TestNoChallenge runs the rule over net/http and the framework stubs in one
// load (the standard library is parsed once).
func TestNoChallenge(t *testing.T) {
	analysistest.Run(t, testdir.Path(), nochallenge.Analyzer,
		"nochallenge/nethttp",
		"nochallenge/ginfw",
		"nochallenge/echofw",
		"nochallenge/fiberfw",
		"nochallenge/fiber3fw",
		"nochallenge/fasthttpfw",
		"nochallenge/mounted/...",
		"nochallenge/kinds",
	)
}

// TestSuppress checks //authchallenge:ignore: on the line, the line above,
// a function's doc comment, at a helper's write (callers are not told), and
// the reports for malformed and unused directives.
func TestSuppress(t *testing.T) {
	analysistest.Run(t, testdir.Path(), nochallenge.Analyzer, "nochallenge/suppress")
}

// TestConfigured sets the shared configuration on a fresh suite: an extra
// challenge header, an exempt function, a status helper, and no tests.
func TestConfigured(t *testing.T) {
	suite := analyzer.New()
	for name, value := range map[string]string{
		config.FlagChallengeHeaders: "LFS-Authenticate",
		config.FlagExempt:           "nochallenge/configured.S3Handler",
		config.FlagStatusHelpers:    "nochallenge/configured.Reply",
		config.FlagTests:            "false",
	} {
		if err := suite.Config.Flags.Set(name, value); err != nil {
			t.Fatal(err)
		}
	}
	analysistest.Run(t, testdir.Path(), suite.Rules[0], "nochallenge/configured")
}

// TestTestFiles: findings in _test.go files are off by default (a test's
// handlers are test doubles) and on with -tests=true; the package's own code
// is checked either way.
func TestTestFiles(t *testing.T) {
	analysistest.Run(t, testdir.Path(), analyzer.New().Rules[0], "nochallenge/testfiles")
	suite := analyzer.New()
	if err := suite.Config.Flags.Set(config.FlagTests, "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdir.Path(), suite.Rules[0], "nochallenge/testfileson")
}

// TestConfigErrors: bad flag values are errors with a clear message.
func TestConfigErrors(t *testing.T) {
	for _, tc := range []struct{ flag, value, want string }{
		{config.FlagChallengeHeaders, "LFS Authenticate", "not a header name"},
		{config.FlagExempt, "pkg/path.", "want pkg/path.Name"},
		{config.FlagStatusHelpers, "noname", "want pkg/path.Name"},
		{config.FlagTests, "maybe", "parse error"},
	} {
		suite := analyzer.New()
		err := suite.Config.Flags.Set(tc.flag, tc.value)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("-%s=%q: got error %v, want one containing %q", tc.flag, tc.value, err, tc.want)
		}
	}
	if err := config.Settings(analyzer.New().Config, map[string]string{"challengeheaders": "x"}); err == nil ||
		!strings.Contains(err.Error(), `unknown authchallenge setting "challengeheaders" (known: `) {
		t.Errorf("unknown setting: got %v", err)
	}
}

// TestModel covers the response model's shapes: statuses carried by the
// service's own types, what a call must or may set, statuses that depend
// on arguments, one finding per cause, and challenges set in a loop.
func TestModel(t *testing.T) {
	analysistest.Run(t, testdir.Path(), nochallenge.Analyzer,
		"nochallenge/carriers",
		"nochallenge/mustmay",
		"nochallenge/argdep",
		"nochallenge/rootcause",
		"nochallenge/loops",
		"kindtable/web",
		"kindtable/grpcauth",
		"nochallenge/challengefield/web",
		"nochallenge/fwhandlers",
	)
}
