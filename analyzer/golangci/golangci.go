// Package golangci is the golangci-lint v2 module plugin of authchallenge.
//
// Importing it registers the linter "authchallenge" with golangci-lint's
// plugin registry; a golangci-lint binary built with it (`golangci-lint
// custom` and .custom-gcl.yml, or the tools/golangci module) runs the rules
// when .golangci.yml enables the linter:
//
//	linters:
//	  default: none
//	  enable: [authchallenge]
//	  settings:
//	    custom:
//	      authchallenge:
//	        type: module
//	        settings:
//	          nochallenge: true
//	          challenge-headers: [LFS-Authenticate]
//
// The setting keys mirror the standalone command's flags one to one: each
// rule's name is a bool (false switches the rule off) and each flag of the
// shared configuration (passes/config) takes its value as a string, or as a
// list, joined with commas. Unknown keys are an error. See
// docs/golangci-lint.md.
package golangci

import (
	"flag"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/authchallenge/authchallenge/analyzer"
	"github.com/authchallenge/authchallenge/passes/config"
)

// Name is the linter's name in .golangci.yml (linters.settings.custom) and
// in //nolint comments: golangci-lint reports every rule's findings under it.
const Name = "authchallenge"

func init() {
	register.Plugin(Name, New)
}

// Plugin is one configured instance of the linter, with its own suite of
// analyzers (no flag state is shared between instances).
type Plugin struct {
	suite   *analyzer.Suite
	enabled []*analysis.Analyzer
}

var _ register.LinterPlugin = (*Plugin)(nil)

// New decodes the settings golangci-lint passes (the map under
// linters.settings.custom.authchallenge.settings, or nil) and builds the
// plugin.
func New(settings any) (register.LinterPlugin, error) {
	raw, err := register.DecodeSettings[map[string]any](settings)
	if err != nil {
		return nil, fmt.Errorf("authchallenge settings: %w", err)
	}
	suite := analyzer.New()

	rules := make(map[string]bool, len(suite.Rules))
	for _, a := range suite.Rules {
		rules[a.Name] = true
	}
	var known []string
	for _, a := range suite.Rules {
		known = append(known, a.Name)
	}
	suite.Config.Flags.VisitAll(func(f *flag.Flag) {
		if !rules[f.Name] {
			known = append(known, f.Name)
		}
	})

	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)

	disabled := make(map[string]bool)
	cfg := make(map[string]string)
	for _, k := range keys {
		v := raw[k]
		switch {
		case rules[k]:
			on, err := boolValue(v)
			if err != nil {
				return nil, fmt.Errorf("authchallenge setting %q: %v", k, err)
			}
			disabled[k] = !on
		case suite.Config.Flags.Lookup(k) != nil:
			s, err := stringValue(v)
			if err != nil {
				return nil, fmt.Errorf("authchallenge setting %q: %v", k, err)
			}
			cfg[k] = s
		default:
			return nil, fmt.Errorf("unknown authchallenge setting %q (known: %s)", k, strings.Join(known, ", "))
		}
	}
	if err := config.Settings(suite.Config, cfg); err != nil {
		return nil, err
	}

	p := &Plugin{suite: suite, enabled: []*analysis.Analyzer{}}
	for _, a := range suite.Rules {
		if !disabled[a.Name] {
			p.enabled = append(p.enabled, a)
		}
	}
	return p, nil
}

// BuildAnalyzers returns the enabled rules. golangci-lint runs the analyzers
// they require (the shared configuration, the response model) on demand.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return p.enabled, nil
}

// GetLoadMode asks for types: the rules follow calls across packages.
func (p *Plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}

// boolValue accepts a YAML bool, or a string strconv.ParseBool accepts.
func boolValue(v any) (bool, error) {
	switch v := v.(type) {
	case bool:
		return v, nil
	case string:
		b, err := strconv.ParseBool(strings.TrimSpace(v))
		if err != nil {
			return false, fmt.Errorf("want true or false, got %q", v)
		}
		return b, nil
	}
	return false, fmt.Errorf("want true or false, got %s", describe(v))
}

// stringValue renders a setting as the flag's string: a scalar as written,
// a list as its items joined with commas, nothing (a key without a value)
// as the empty string.
func stringValue(v any) (string, error) {
	switch v := v.(type) {
	case nil:
		return "", nil
	case []any:
		items := make([]string, 0, len(v))
		for _, it := range v {
			s, err := scalar(it)
			if err != nil {
				return "", fmt.Errorf("list item: %v", err)
			}
			items = append(items, s)
		}
		return strings.Join(items, ","), nil
	}
	return scalar(v)
}

func scalar(v any) (string, error) {
	switch v := v.(type) {
	case string:
		return v, nil
	case bool:
		return strconv.FormatBool(v), nil
	case float64: // numbers come through JSON
		return strconv.FormatFloat(v, 'f', -1, 64), nil
	}
	return "", fmt.Errorf("want a string or a list of strings, got %s", describe(v))
}

func describe(v any) string {
	switch v.(type) {
	case nil:
		return "nothing"
	case []any:
		return "a list"
	case map[string]any:
		return "a mapping"
	}
	return fmt.Sprintf("%v", v)
}
