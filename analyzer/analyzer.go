// Package analyzer lists the authchallenge rules. Every rule is a
// golang.org/x/tools/go/analysis Analyzer whose Name is the rule ID and the
// Category of its diagnostics. The rules require the shared config analyzer
// (passes/config) and the shared models (passes/response, …), which any
// driver runs on demand.
package analyzer

import (
	"golang.org/x/tools/go/analysis"

	"github.com/authchallenge/authchallenge/passes/authforbidden"
	"github.com/authchallenge/authchallenge/passes/chain"
	"github.com/authchallenge/authchallenge/passes/chainorder"
	"github.com/authchallenge/authchallenge/passes/config"
	"github.com/authchallenge/authchallenge/passes/failure"
	"github.com/authchallenge/authchallenge/passes/firstchallenge"
	"github.com/authchallenge/authchallenge/passes/grpcauthcode"
	"github.com/authchallenge/authchallenge/passes/nochallenge"
	"github.com/authchallenge/authchallenge/passes/response"
)

// Rules returns the exported rule analyzers (each package's Analyzer), in
// documentation order. They share config.Analyzer, whose flags configure
// them all.
func Rules() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		nochallenge.Analyzer,
		authforbidden.Analyzer,
		grpcauthcode.Analyzer,
		chainorder.Analyzer,
		firstchallenge.Analyzer,
	}
}

// Suite is a freshly built set of analyzers with its own configuration, for
// drivers and tests that must not share flag state.
type Suite struct {
	Config *analysis.Analyzer
	Rules  []*analysis.Analyzer
}

// New builds a fresh suite.
func New() *Suite {
	cfg := config.New()
	resp := response.New(cfg)
	ch := chain.New(cfg, resp)
	fail := failure.New(cfg)
	return &Suite{
		Config: cfg,
		Rules: []*analysis.Analyzer{
			nochallenge.New(cfg, resp, fail),
			authforbidden.New(cfg, resp, fail),
			grpcauthcode.New(cfg, fail),
			chainorder.New(cfg, ch, fail),
			firstchallenge.New(cfg, ch),
		},
	}
}
