// Package response is the response model that the authchallenge rules share.
//
// For every function of a package it works out, on each control-flow path,
// which HTTP status the function answers with (written through a
// ResponseWriter or framework context, or carried by a returned error such as
// echo.ErrUnauthorized) and which challenge headers (WWW-Authenticate,
// Proxy-Authenticate) were set before. Functions are summarised, and the
// summaries are exported as facts so that a helper in one package counts in
// another: "sets the challenge on its writer", "writes the status it is given
// in parameter i", "writes 401 without a challenge", "returns an error that
// carries 401".
//
// A status write in a function whose callers are all visible (an unexported
// helper, a default handler kept in a struct field and only invoked from the
// package) is answered for by those callers: the model moves it to each call
// site, where the caller may have set the challenge first. Writes in functions
// the framework calls (closures handed to a router, exported handlers,
// ServeHTTP methods) are answered for where they are.
package response

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/authchallenge/authchallenge/passes/config"
	"github.com/authchallenge/authchallenge/passes/internal/knowledge"
)

// New returns a response model analyzer that reads its configuration from
// the config analyzer cfg.
func New(cfg *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       "response",
		Doc:        "response: model of status writes and challenge headers on each path (shared by the authchallenge rules)",
		URL:        "https://github.com/authchallenge/authchallenge#how-it-works",
		Requires:   []*analysis.Analyzer{cfg},
		Run:        func(pass *analysis.Pass) (any, error) { return run(pass, pass.ResultOf[cfg].(*config.Config)) },
		FactTypes:  []analysis.Fact{new(Summary), new(Analyzed)},
		ResultType: reflect.TypeFor[*Result](),
	}
}

// Analyzer is the response model the exported rules require.
var Analyzer = New(config.Analyzer)

// Bits is a set of challenge headers.
type Bits uint8

const (
	WWW   Bits = 1 << iota // WWW-Authenticate, the challenge of a 401
	Proxy                  // Proxy-Authenticate, the challenge of a 407

	AllChallenges = WWW | Proxy
)

func (b Bits) String() string {
	var s []string
	if b&WWW != 0 {
		s = append(s, "WWW-Authenticate")
	}
	if b&Proxy != 0 {
		s = append(s, "Proxy-Authenticate")
	}
	if len(s) == 0 {
		return "none"
	}
	return strings.Join(s, "+")
}

// Status is a set of the statuses the rules care about.
type Status uint8

const (
	S401      Status = 1 << iota // Unauthorized
	S403                         // Forbidden
	S407                         // Proxy Authentication Required
	SOther                       // any other or unknown status
	SRedirect                    // 3xx: a redirect (to a login page)

	// Interesting is the set of statuses the model records sites for.
	Interesting = S401 | S403 | S407 | SRedirect
	// Rejecting is the set of answers that turn a request away.
	Rejecting = S401 | S403 | S407 | SRedirect
)

func statusOfCode(code int64) Status {
	switch code {
	case 401:
		return S401
	case 403:
		return S403
	case 407:
		return S407
	}
	if code >= 300 && code < 400 {
		return SRedirect
	}
	return SOther
}

func (s Status) String() string {
	var out []string
	for _, x := range []struct {
		s    Status
		name string
	}{{S401, "401"}, {S403, "403"}, {S407, "407"}, {SRedirect, "3xx"}} {
		if s&x.s != 0 {
			out = append(out, x.name)
		}
	}
	if len(out) == 0 {
		return "none"
	}
	return strings.Join(out, "+")
}

// Summary is what a function (or a package-level error variable) does to a
// response, as seen by its callers. It is exported as a fact.
type Summary struct {
	// Challenge is the set of challenge headers the function may set,
	// directly or through its callees (a header name or callee the model
	// cannot resolve counts as any challenge).
	Challenge Bits
	// Definite is the set of challenge headers the function sets by name
	// on some path, directly or through its callees.
	Definite Bits
	// Rejects is the set of rejecting answers (401, 403, 407, redirect) it
	// gives on some path, directly or through its callees.
	Rejects Status
	// Deep summarises the function together with the function literals it
	// builds (a middleware constructor and the handler it returns).
	Deep Effect
	// StatusParam is the 1-based index of the parameter whose value the
	// function writes as the response status (0: none).
	StatusParam int
	// Unchallenged holds 401 and/or 407 when on some path the function writes
	// that status with no matching challenge set before it, and its callers
	// are the ones to answer for it.
	Unchallenged Status
	// ErrStatus is the set of statuses carried by the errors the function
	// returns (for a variable: the error it holds).
	ErrStatus Status
	// Where is the position (file:line) of the first unchallenged write.
	Where string
}

// Effect is what a function or the closures it builds may do.
type Effect struct {
	Challenge, Definite Bits
	Rejects             Status
}

// AFact marks Summary as a fact.
func (*Summary) AFact() {}

func (s *Summary) String() string {
	var parts []string
	if s.Challenge != 0 {
		parts = append(parts, "sets "+s.Challenge.String())
	}
	if s.Rejects != 0 {
		parts = append(parts, "rejects "+s.Rejects.String())
	}
	if d := s.Deep; d != (Effect{s.Challenge, s.Definite, s.Rejects}) && (d.Challenge|d.Definite != 0 || d.Rejects != 0) {
		parts = append(parts, fmt.Sprintf("builds handlers that set %s, reject %s", d.Challenge, d.Rejects))
	}
	if s.StatusParam > 0 {
		parts = append(parts, fmt.Sprintf("writes status param %d", s.StatusParam))
	}
	if s.Unchallenged != 0 {
		parts = append(parts, fmt.Sprintf("writes %s without challenge at %s", s.Unchallenged, s.Where))
	}
	if s.ErrStatus&(S401|S403|S407) != 0 {
		parts = append(parts, "returns error "+s.ErrStatus.String())
	}
	return "response(" + strings.Join(parts, "; ") + ")"
}

func (s *Summary) zero() bool {
	return s.Challenge == 0 && s.Definite == 0 && s.Rejects == 0 && s.Deep == (Effect{}) &&
		s.StatusParam == 0 && s.Unchallenged == 0 && s.ErrStatus&(S401|S403|S407) == 0
}

// Analyzed is a package fact: the package was analysed by this model, so a
// function of it without a Summary fact does nothing to a response.
type Analyzed struct{}

// AFact marks Analyzed as a fact.
func (*Analyzed) AFact() {}

func (*Analyzed) String() string { return "analyzed" }

// SiteKind says how a status reaches the client at a site.
type SiteKind uint8

const (
	// Write: a status written directly (WriteHeader, http.Error, c.JSON(401, …)).
	Write SiteKind = iota
	// Call: a call of a function that writes the status (a helper given the
	// status, or one that writes 401 itself).
	Call
	// Return: an error carrying the status returned to the framework.
	Return
	// ErrorWrite: an error carrying the status handed to a writer
	// (c.Error(err), responsewriters.ErrorNegotiated).
	ErrorWrite
)

// Site is a place where a function answers with a status of interest.
type Site struct {
	Pos, End token.Pos
	Kind     SiteKind
	// Status is the set of statuses that may be answered here.
	Status Status
	// Have is the set of challenge headers set on every path to the site.
	Have Bits
	// Root reports whether the enclosing function is called by the framework
	// (or by code the model cannot see), so that it answers for the site
	// itself. Sites in other functions are answered for by their callers.
	Root bool
	// Callee names the function that writes the status, for Call sites
	// (and the origin of an error for Return sites); Where is its position.
	Callee, Where string
	// Func is the enclosing *ast.FuncDecl or *ast.FuncLit.
	Func ast.Node
}

// Result is the response model of one package.
type Result struct {
	// Sites lists every site answering 401, 403, 407 or a redirect, in
	// source order.
	Sites []*Site
	// Funcs holds the summary of every function of the package, keyed by
	// its *ast.FuncDecl or *ast.FuncLit.
	Funcs map[ast.Node]*Summary

	byObj    map[types.Object]*Summary // this package's functions and imported facts
	analyzed map[*types.Package]bool
}

// Of returns the summary of a function: from this package's analysis, or
// from the facts of the package that declares it (nil if none). Analyzers
// that require this one cannot import its facts themselves.
func (r *Result) Of(fn *types.Func) *Summary {
	if fn == nil {
		return nil
	}
	return r.byObj[fn.Origin()]
}

// Analyzed reports whether pkg was analysed by the model (so that a
// function of it without a summary does nothing to a response).
func (r *Result) Analyzed(pkg *types.Package) bool {
	return pkg == nil || r.analyzed[pkg]
}

func run(pass *analysis.Pass, cfg *config.Config) (any, error) {
	pass.ExportPackageFact(new(Analyzed))
	res := &Result{
		Funcs:    make(map[ast.Node]*Summary),
		byObj:    make(map[types.Object]*Summary),
		analyzed: map[*types.Package]bool{pass.Pkg: true},
	}
	for _, f := range pass.AllObjectFacts() {
		if s, ok := f.Fact.(*Summary); ok {
			res.byObj[f.Object] = s
		}
	}
	for _, f := range pass.AllPackageFacts() {
		if _, ok := f.Fact.(*Analyzed); ok {
			res.analyzed[f.Package] = true
		}
	}
	if !knowledge.Matters(pass.Pkg) {
		return res, nil // fast path: nothing here can answer a request
	}
	m := newModel(pass, cfg)
	m.collect()
	m.summarise()
	m.deepen()
	for _, f := range m.order {
		res.Funcs[f.node] = &f.sum
		if f.obj != nil {
			res.byObj[f.obj] = &f.sum
		}
		for _, s := range f.sites {
			if s.Status&Interesting != 0 {
				res.Sites = append(res.Sites, s)
			}
		}
		if f.obj != nil && !f.sum.zero() {
			sum := f.sum
			pass.ExportObjectFact(f.obj, &sum)
		}
	}
	for v, init := range m.pkgVars {
		if s := m.errStatusOf(nil, init, 0); s&(S401|S403|S407) != 0 {
			pass.ExportObjectFact(v, &Summary{ErrStatus: s})
		}
	}
	return res, nil
}

// position renders pos as file:line for messages and facts.
func position(fset *token.FileSet, pos token.Pos) string {
	p := fset.Position(pos)
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}
