// Package config is the configuration every authchallenge rule shares. It is
// an analyzer of its own whose result the rules require, so that each driver
// has one place to set it: flags (standalone and go vet, where the command
// also accepts them without the analyzer prefix), golangci-lint settings, or
// Bazel nogo's analyzer_flags, which forward into an analyzer's Requires.
//
// Configuration is flags only: the analyzers read no files.
package config

import (
	"flag"
	"fmt"
	"go/types"
	"reflect"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/authchallenge/authchallenge/passes/internal/directive"
)

// Name is the config analyzer's name (and the prefix of its flags under
// go vet and nogo: -authchallenge_config.challenge-headers).
const Name = "authchallenge_config"

// Config is the parsed configuration.
type Config struct {
	// ChallengeHeaders are extra header names that carry a 401 challenge
	// (lower-case), e.g. lfs-authenticate.
	ChallengeHeaders []string
	// Exempt lists functions (pkg/path.Func, pkg/path.Type.Method) and
	// packages (pkg/path) whose 401 and 403 answers are mandated by a
	// protocol (S3 signatures, forward-auth endpoints): no rule reports there.
	Exempt []string
	// StatusHelpers are functions (pkg/path.Func) that write the status given
	// in their first int parameter, for helpers the analysis cannot see into.
	StatusHelpers []string
	// UnauthenticatedErrors are error variables or types (pkg/path.Name)
	// that mean missing or bad credentials.
	UnauthenticatedErrors []string
	// AuthenticatorInterfaces and ChallengeMethods name authenticator
	// interfaces (pkg/path.Name) and their challenge methods
	// (pkg/path.Type.Method) the analysis cannot recognise by shape.
	AuthenticatorInterfaces []string
	ChallengeMethods        []string
	// Tests reports whether findings in _test.go files are reported. Off by
	// default: what a test file answers is a test double's answer, never
	// the service's.
	Tests bool

	// Directives are the package's //authchallenge:ignore comments, parsed
	// once for every rule.
	Directives *directive.Set
}

// Flag names, also the golangci-lint setting keys.
const (
	FlagChallengeHeaders        = "challenge-headers"
	FlagExempt                  = "exempt"
	FlagStatusHelpers           = "status-helpers"
	FlagUnauthenticatedErrors   = "unauthenticated-errors"
	FlagAuthenticatorInterfaces = "authenticator-interfaces"
	FlagChallengeMethods        = "challenge-methods"
	FlagTests                   = "tests"
)

// listFlag is a comma-separated list.
type listFlag struct {
	items *[]string
	check func(string) error
}

func (l listFlag) String() string {
	if l.items == nil {
		return ""
	}
	return strings.Join(*l.items, ",")
}

func (l listFlag) Set(s string) error {
	var items []string
	for _, it := range strings.Split(s, ",") {
		it = strings.TrimSpace(it)
		if it == "" {
			continue
		}
		if l.check != nil {
			if err := l.check(it); err != nil {
				return err
			}
		}
		items = append(items, it)
	}
	*l.items = items
	return nil
}

// New returns a fresh config analyzer with its own flags, for drivers and
// tests that must not share state.
func New() *analysis.Analyzer {
	c := &Config{}
	fs := flag.NewFlagSet(Name, flag.ContinueOnError)
	fs.Var(listFlag{&c.ChallengeHeaders, checkHeader}, FlagChallengeHeaders,
		"comma-separated extra header names that carry a 401 challenge (e.g. LFS-Authenticate)")
	fs.Var(listFlag{&c.Exempt, checkQualified(true)}, FlagExempt,
		"comma-separated functions (pkg/path.Func, pkg/path.Type.Method) or packages (pkg/path) whose 401/403 answers a protocol mandates: not reported")
	fs.Var(listFlag{&c.StatusHelpers, checkQualified(false)}, FlagStatusHelpers,
		"comma-separated functions (pkg/path.Func, pkg/path.Type.Method) that write the status given in their first int parameter")
	fs.Var(listFlag{&c.UnauthenticatedErrors, checkQualified(false)}, FlagUnauthenticatedErrors,
		"comma-separated error variables or types (pkg/path.Name) that mean missing or bad credentials")
	fs.Var(listFlag{&c.AuthenticatorInterfaces, checkQualified(false)}, FlagAuthenticatorInterfaces,
		"comma-separated authenticator interfaces (pkg/path.Name)")
	fs.Var(listFlag{&c.ChallengeMethods, checkQualified(false)}, FlagChallengeMethods,
		"comma-separated challenge methods (pkg/path.Type.Method)")
	fs.BoolVar(&c.Tests, FlagTests, false, "also report findings in _test.go files (test servers and doubles; off by default)")
	return &analysis.Analyzer{
		Name:  Name,
		Doc:   "authchallenge_config: shared configuration of the authchallenge rules (flags only)",
		URL:   "https://github.com/authchallenge/authchallenge#flags",
		Flags: *fs,
		Run: func(pass *analysis.Pass) (any, error) {
			cp := *c
			cp.Directives = directive.Parse(pass.Fset, pass.Files)
			return &cp, nil
		},
		ResultType:       reflect.TypeFor[*Config](),
		RunDespiteErrors: true,
	}
}

// Analyzer is the config analyzer the exported rule analyzers require.
var Analyzer = New()

func checkHeader(s string) error {
	for _, r := range s {
		if r <= ' ' || r >= 0x7f || strings.ContainsRune("()<>@,;:\\\"/[]?={}", r) {
			return fmt.Errorf("%q is not a header name", s)
		}
	}
	return nil
}

// checkQualified accepts pkg/path.Name or pkg/path.Type.Method (and, when
// pkgOK, a bare package path).
func checkQualified(pkgOK bool) func(string) error {
	return func(s string) error {
		slash := strings.LastIndex(s, "/")
		dot := strings.Index(s[slash+1:], ".")
		if dot < 0 {
			if pkgOK && s != "" {
				return nil
			}
			return fmt.Errorf("%q: want pkg/path.Name", s)
		}
		rest := s[slash+1+dot+1:]
		if rest == "" || strings.Count(rest, ".") > 1 || strings.HasSuffix(rest, ".") {
			return fmt.Errorf("%q: want pkg/path.Name or pkg/path.Type.Method", s)
		}
		return nil
	}
}

// Settings maps golangci-lint style settings (flag name → value) onto a
// config analyzer's flags. Unknown keys are an error naming the known ones.
func Settings(a *analysis.Analyzer, settings map[string]string) error {
	keys := make([]string, 0, len(settings))
	for k := range settings {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		f := a.Flags.Lookup(k)
		if f == nil {
			var known []string
			a.Flags.VisitAll(func(f *flag.Flag) { known = append(known, f.Name) })
			return fmt.Errorf("unknown authchallenge setting %q (known: %s)", k, strings.Join(known, ", "))
		}
		if err := f.Value.Set(settings[k]); err != nil {
			return fmt.Errorf("authchallenge setting %q: %v", k, err)
		}
	}
	return nil
}

// IsChallengeHeader reports whether name is an extra challenge header.
func (c *Config) IsChallengeHeader(name string) bool {
	for _, h := range c.ChallengeHeaders {
		if strings.EqualFold(h, name) {
			return true
		}
	}
	return false
}

// Exempted reports whether fn (a function or method, or nil) in pkg is
// exempt from the rules.
func (c *Config) Exempted(pkg *types.Package, fn *types.Func) bool {
	if len(c.Exempt) == 0 || pkg == nil {
		return false
	}
	name := ""
	if fn != nil {
		name = QualifiedName(fn)
	}
	for _, e := range c.Exempt {
		if e == pkg.Path() || (name != "" && e == name) {
			return true
		}
	}
	return false
}

// QualifiedName spells a function as the flags do: pkg/path.Func or
// pkg/path.Type.Method.
func QualifiedName(fn *types.Func) string {
	if fn.Pkg() == nil {
		return fn.Name()
	}
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			return fn.Pkg().Path() + "." + n.Obj().Name() + "." + fn.Name()
		}
	}
	return fn.Pkg().Path() + "." + fn.Name()
}

// In reports whether the object named pkg/path.Name is listed.
func In(list []string, obj types.Object) bool {
	if obj == nil || obj.Pkg() == nil {
		return false
	}
	q := obj.Pkg().Path() + "." + obj.Name()
	if fn, ok := obj.(*types.Func); ok {
		q = QualifiedName(fn)
	}
	for _, s := range list {
		if s == q {
			return true
		}
	}
	return false
}

// DirectiveRules returns the rule IDs //authchallenge:ignore accepts.
func DirectiveRules() []string { return append([]string(nil), directive.Rules...) }
