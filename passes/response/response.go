// Package response is the response model that the authchallenge rules share.
//
// For every function of a package it works out, on each control-flow path,
// which HTTP status the function answers with (written through a
// ResponseWriter or framework context, or carried by a returned value such
// as echo.ErrUnauthorized or an error type of the service's own) and which
// challenge headers (WWW-Authenticate, Proxy-Authenticate) were set before.
// Functions are summarised, and the summaries are exported as facts so that
// a helper in one package counts in another: the challenges it sets on every
// path (Must: the only ones a call of it counts as setting), on some path
// (May), whenever it fails (OnFail), or possibly through calls the model
// cannot see into (Unknown: the sites after such a call stay silent); "writes
// the status it is given in parameter i", "writes the status carried by
// parameter i", "writes 401 without a challenge" under a condition on its
// arguments, "returns an error that carries 401", the sentinels it returns.
//
// A struct field is a status field when its value is written as a status
// or set from a net/http status constant (a StatusField fact on the field);
// a value built with a constant in it carries that status through returns,
// assignments, wrapping and With… copies.
//
// A status write in a function whose callers are all visible (an unexported
// helper, a default handler kept in a struct field and only invoked from the
// package, a handler wrapped by a middleware of the package) is answered for
// by those callers: the model moves it to each call site, where the caller
// may have set the challenge first. Writes in functions the framework calls
// (closures handed to a router, exported handlers, ServeHTTP methods) are
// answered for where they are.
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
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

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
		Requires:   []*analysis.Analyzer{cfg, inspect.Analyzer},
		Run:        func(pass *analysis.Pass) (any, error) { return run(pass, pass.ResultOf[cfg].(*config.Config)) },
		FactTypes:  []analysis.Fact{new(Summary), new(Analyzed), new(StatusField), new(KindField)},
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

	// wrote is the model's own mark on a path: a status already went out
	// (WriteHeader ignores every later one). It never leaves the package.
	wrote Bits = 1 << 7
)

func (b Bits) String() string {
	var s []string
	if b&WWW != 0 {
		s = append(s, knowledge.ChallengeHeader)
	}
	if b&Proxy != 0 {
		s = append(s, knowledge.ProxyChallengeHeader)
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

	// Rejecting is the set of answers that turn a request away: the
	// statuses the model records sites for.
	Rejecting = S401 | S403 | S407 | SRedirect
	// carried is the set of statuses a carrier (an error or a value of the
	// service's own status type) is followed for.
	carried = S401 | S403 | S407
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
	// Must is the set of challenge headers the function sets on every path
	// that returns, directly or through its callees: a call of it counts as
	// setting these, and only these.
	Must Bits
	// May is the set of challenge headers it sets by name on some path.
	May Bits
	// OnFail is the set of challenge headers it sets, beyond Must, on every
	// path that returns a failure (a non-nil error, or false as its last
	// result): a caller's branch on that failure counts them as set.
	OnFail Bits
	// Unknown is the set of challenge headers it may set through a header
	// name or a callee the model cannot resolve. A site after a call of it
	// is neither challenged nor reported.
	Unknown Bits
	// Rejects is the set of rejecting answers (401, 403, 407, redirect) it
	// gives on some path, directly or through its callees.
	Rejects Status
	// Deep summarises the function together with the function literals it
	// builds (a middleware constructor and the handler it returns).
	Deep Effect
	// StatusParam is the 1-based index of the parameter whose value the
	// function writes as the response status (0: none).
	StatusParam int
	// CarrierParam is the 1-based index of the parameter whose carried
	// status the function writes (writeError(w, err) writing err.Status;
	// 0: none).
	CarrierParam int
	// Unchallenged holds 401 and/or 407 when on some path the function writes
	// that status with no matching challenge set before it, and its callers
	// are the ones to answer for it.
	Unchallenged Status
	// When, if set, is the only condition on the parameters under which the
	// function writes Unchallenged: a call whose arguments cannot meet it
	// (or whose arguments' origins are unknown) does not write it.
	When *Cond
	// ErrStatus is the set of statuses carried by the values the function
	// returns: errors and values of the service's own status types (for a
	// variable: the value it holds).
	ErrStatus Status
	// Errors lists the sentinels and error types (package path "." name)
	// the function may return, directly or wrapped, sorted.
	Errors []string
	// SetAt is where the constant status of ErrStatus was set (a composite
	// literal, a constructor's argument).
	SetAt token.Position
	// StatusCtor is the 1-based index of the parameter whose value the
	// function returns as the status of a carrier it builds (a constructor
	// New(status int, …) returning &Error{Status: status}; 0: none): a
	// call of it with a constant builds a carrier of that status.
	StatusCtor int
	// CtorTable, with StatusCtor, is the table the carrier's status is
	// looked up in by that parameter (statusByKind[kind]): a call passing
	// a constant builds a carrier of its entry's status.
	CtorTable []TableEntry
	// StatusResult is the set of statuses the function returns as an
	// integer result when one of them rejects (a status mapping,
	// statusFor(err) int): a write of its result answers one of them.
	StatusResult Status
	// CarrierResult is the 1-based index of the parameter whose carried
	// status the function returns as its integer result (StatusOf(err)
	// returning e.Status, or statusByCode[e.Code], of the error errors.As
	// finds in it; 0: none): a call given a carrier of a known status
	// returns that status.
	CarrierResult int
	// CarrierRecv: the method returns the status its receiver carries
	// (func (e *Error) HTTPStatus() int returning e.Status): a call on a
	// carrier of a known status returns that status.
	CarrierRecv bool
	// ChallengeFrom: the challenge header it sets is a field of the carrier
	// in a parameter, set only when not empty (if e.Challenge != "" {
	// h.Set("WWW-Authenticate", e.Challenge) }): a call given a carrier
	// whose field is empty sets none.
	ChallengeFrom *FieldRef
	// EmptyFields are the string fields the carrier it returns leaves
	// empty (unset, or ""); FieldParams those it sets from a parameter.
	EmptyFields []string
	FieldParams []FieldRef
	// ForbidWhen, if set, is the only condition on the parameters under
	// which it returns 403 as its status result (statusFor answering 403
	// for ErrNoToken only): a call whose argument cannot be one of its
	// errors does not answer 403.
	ForbidWhen *Cond
	// RejectWhen, if set, is the only condition on the parameters under
	// which it answers 403 itself (an error switch writing 403 for
	// ErrExpired only): a call whose argument cannot be one of its errors
	// does not answer 403.
	RejectWhen *Cond
	// Origin is the position of the first unchallenged write.
	Origin token.Position
}

// FieldRef names a field of the value in a parameter (1-based).
type FieldRef struct {
	Param int
	Field string
}

// TableEntry is one entry of a table a constructor looks its carrier's
// status up in: the exact value of its constant key, the status, and where
// the table sets it. Tables are sorted by key (facts encode
// deterministically).
type TableEntry struct {
	Key    string
	Status Status
	At     token.Position
}

// Cond is a condition on one parameter of a function.
type Cond struct {
	// Param is the 1-based index of the parameter.
	Param int
	// Bool, for a bool parameter: the value that leads to the write.
	Bool bool
	// Errors, for an error parameter: the sentinels (package path "." name)
	// and error types (package path "." type name) that lead to the write.
	Errors []string
}

func (c *Cond) String() string {
	if len(c.Errors) == 0 {
		return fmt.Sprintf("param %d is %v", c.Param, c.Bool)
	}
	names := make([]string, len(c.Errors))
	for i, e := range c.Errors {
		names[i] = e[strings.LastIndexByte(e, '/')+1:]
	}
	return fmt.Sprintf("param %d is %s", c.Param, strings.Join(names, "|"))
}

// Effect is what a function or the closures it builds may do.
type Effect struct {
	Must, May, Unknown Bits
	Rejects            Status
	// Wraps is the set of challenge headers that every handler the
	// function builds sets on every path: a middleware that sets the
	// challenge before it calls the handler it wraps.
	Wraps Bits

	// Deprecated: Definite is May, kept until the chain model reads May.
	Definite Bits
	// Deprecated: Challenge is May|Unknown, kept until the chain model
	// reads May and Unknown.
	Challenge Bits
}

// AFact marks Summary as a fact.
func (*Summary) AFact() {}

func (s *Summary) String() string {
	var parts []string
	if s.Must != 0 {
		parts = append(parts, "sets "+s.Must.String())
	}
	if may := s.May &^ s.Must; may != 0 {
		parts = append(parts, "may set "+may.String())
	}
	if s.OnFail != 0 {
		parts = append(parts, "sets "+s.OnFail.String()+" when it fails")
	}
	if s.Unknown != 0 {
		parts = append(parts, "unknown "+s.Unknown.String())
	}
	if s.Rejects != 0 {
		parts = append(parts, "rejects "+s.Rejects.String())
	}
	if d := s.Deep; d.Must != s.Must || d.May != s.May || d.Unknown != s.Unknown || d.Rejects != s.Rejects {
		if d.May|d.Unknown != 0 || d.Rejects != 0 {
			parts = append(parts, fmt.Sprintf("builds handlers that set %s, reject %s", d.May|d.Unknown, d.Rejects))
		}
	}
	if s.Deep.Wraps != 0 {
		parts = append(parts, "wraps handlers setting "+s.Deep.Wraps.String())
	}
	if s.StatusParam > 0 {
		parts = append(parts, fmt.Sprintf("writes status param %d", s.StatusParam))
	}
	if s.CarrierParam > 0 {
		parts = append(parts, fmt.Sprintf("writes the status carried by param %d", s.CarrierParam))
	}
	if s.Unchallenged != 0 {
		p := fmt.Sprintf("writes %s without challenge at %s", s.Unchallenged, short(s.Origin))
		if s.When != nil {
			p += " when " + s.When.String()
		}
		parts = append(parts, p)
	}
	if s.ErrStatus&carried != 0 {
		parts = append(parts, "returns error "+s.ErrStatus.String())
	}
	if s.StatusResult != 0 {
		p := "returns status " + s.StatusResult.String()
		if s.ForbidWhen != nil {
			p += " (403 when " + s.ForbidWhen.String() + ")"
		}
		parts = append(parts, p)
	}
	if s.RejectWhen != nil {
		parts = append(parts, "403 when "+s.RejectWhen.String())
	}
	if s.StatusCtor > 0 {
		parts = append(parts, fmt.Sprintf("builds a carrier of status param %d", s.StatusCtor))
	}
	if s.CarrierResult > 0 {
		parts = append(parts, fmt.Sprintf("returns the status carried by param %d", s.CarrierResult))
	}
	if s.CarrierRecv {
		parts = append(parts, "returns the status its receiver carries")
	}
	if c := s.ChallengeFrom; c != nil {
		parts = append(parts, fmt.Sprintf("sets the challenge from param %d's %s", c.Param, c.Field))
	}
	if len(s.Errors) > 0 {
		names := make([]string, len(s.Errors))
		for i, e := range s.Errors {
			names[i] = e[strings.LastIndexByte(e, '/')+1:]
		}
		parts = append(parts, "returns "+strings.Join(names, "|"))
	}
	return "response(" + strings.Join(parts, "; ") + ")"
}

func (s *Summary) zero() bool {
	return len(s.Errors) == 0 && s.Must == 0 && s.May == 0 && s.OnFail == 0 && s.Unknown == 0 && s.Rejects == 0 && s.Deep == (Effect{}) &&
		s.StatusParam == 0 && s.CarrierParam == 0 && s.Unchallenged == 0 && s.ErrStatus&carried == 0 && s.StatusCtor == 0 && s.StatusResult == 0 && s.CarrierResult == 0 && !s.CarrierRecv &&
		s.ChallengeFrom == nil && len(s.EmptyFields) == 0 && len(s.FieldParams) == 0
}

// StatusField is a fact on a struct field whose value is written as a
// response status (directly, or as the status a writing helper is given)
// or set from a net/http status constant: values of its type built with a
// constant status carry that status.
type StatusField struct{}

// AFact marks StatusField as a fact.
func (*StatusField) AFact() {}

func (*StatusField) String() string { return "status field" }

// KindField is a fact on a struct field whose value a table of the field's
// package maps to the status its carrier is answered with (Code, in
// statusByCode[e.Code]): a carrier built with a constant there carries
// that constant's entry.
type KindField struct {
	Table []TableEntry
}

// AFact marks KindField as a fact.
func (*KindField) AFact() {}

func (f *KindField) String() string {
	parts := make([]string, len(f.Table))
	for i, t := range f.Table {
		parts[i] = t.Key + "→" + t.Status.String()
	}
	return "kind field (" + strings.Join(parts, ", ") + ")"
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
	// Return: an error (or another carrier) carrying the status returned to
	// the framework.
	Return
	// ErrorWrite: an error carrying the status handed to a writer
	// (c.Error(err), responsewriters.ErrorNegotiated, a helper writing the
	// status its argument carries).
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
	// HaveForbidden is the set of challenge headers set on every path on
	// which the status answered here is 403: Have, or, for a status held in
	// a local variable, those of the paths on which it holds 403 (code :=
	// 403, and 401 with a challenge only when the token expired).
	HaveForbidden Bits
	// Unknown is the set of challenge headers that a call the model could
	// not resolve may have set on some path to the site: the site is
	// neither challenged nor reported for them.
	Unknown Bits
	// Root reports whether the enclosing function is called by the framework
	// (or by code the model cannot see), so that it answers for the site
	// itself. Sites in other functions are answered for by their callers.
	Root bool
	// Callee names the function that writes the status, for Call sites
	// (and the origin of an error for Return sites).
	Callee string
	// Origin is where the status is written, for a Call site (the write
	// inside the callee, in this package or another); OriginPos is the
	// same position when it lies in this package (NoPos otherwise).
	Origin    token.Position
	OriginPos token.Pos
	// SetAt is where a carrier's constant status was set (a composite
	// literal, a constructor's argument), for Return and ErrorWrite sites
	// and calls of helpers that write a carried status.
	SetAt token.Position
	// Where is Origin as "file.go:line".
	//
	// Deprecated: read Origin (a full position); kept for the inventory.
	Where string
	// Func is the enclosing *ast.FuncDecl or *ast.FuncLit.
	Func ast.Node
	// ForbidAt lists, for a site that answers 403, the constant 403s of
	// its function that reach it (status = http.StatusForbidden in a
	// switch, then one write), each with the condition on the function's
	// parameters it sits under: where a helper decides its 403.
	ForbidAt []CondAt
}

// CondAt is a constant status expression and the condition on its
// function's parameters it sits under (nil: none known).
type CondAt struct {
	Pos, End token.Pos
	When     *Cond
}

// Missing returns the statuses of s that go out without their challenge
// (leaving out those a call the model could not resolve may have set).
func (s *Site) Missing() Status {
	var un Status
	have := s.Have | s.Unknown
	if s.Status&S401 != 0 && have&WWW == 0 {
		un |= S401
	}
	if s.Status&S407 != 0 && have&Proxy == 0 {
		un |= S407
	}
	return un
}

// Unresolved is a call handed the writer that the model could not see
// into: no summary, no known implementation. Sites after it on some path
// stay silent; the inventory lists it so that a user can see why.
type Unresolved struct {
	Pos    token.Pos
	Callee string
	Why    string
}

// Result is the response model of one package.
type Result struct {
	// Sites lists every site answering 401, 403, 407 or a redirect, in
	// source order.
	Sites []*Site
	// Unresolved lists the calls handed the writer that the model could
	// not resolve, in source order.
	Unresolved []*Unresolved
	// Funcs holds the summary of every function of the package, keyed by
	// its *ast.FuncDecl or *ast.FuncLit.
	Funcs map[ast.Node]*Summary

	byObj    map[types.Object]*Summary // this package's functions and imported facts
	analyzed map[*types.Package]bool
}

// Release drops the model once no analyzer of the package will read it
// (drivers call it; the result must not be used after).
func (r *Result) Release() {
	if r != nil {
		*r = Result{}
	}
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
	m := newModel(pass, cfg, pass.ResultOf[inspect.Analyzer].(*inspector.Inspector))
	m.facts = res.byObj // the imported facts: this package's summaries join it once the model is done
	m.collect()
	m.summarise()
	m.deepen()
	m.mountedBehind()
	for _, f := range m.order {
		res.Funcs[f.node] = &f.sum
		if f.obj != nil {
			res.byObj[f.obj] = &f.sum
		}
		for _, s := range f.sites {
			if s.Status&Rejecting != 0 {
				res.Sites = append(res.Sites, s)
			}
		}
		res.Unresolved = append(res.Unresolved, f.unresolved...)
		if f.obj != nil && !f.sum.zero() {
			sum := f.sum
			pass.ExportObjectFact(f.obj, &sum)
		}
	}
	for _, v := range m.varOrder {
		if s, at := m.errStatusOf(nil, m.pkgVars[v], 0); s&carried != 0 {
			pass.ExportObjectFact(v, &Summary{ErrStatus: s, SetAt: at})
		}
	}
	for _, v := range m.fieldOrder {
		if v.Pkg() == pass.Pkg {
			pass.ExportObjectFact(v, new(StatusField))
		}
	}
	for _, v := range m.kindOrder {
		if v.Pkg() == pass.Pkg {
			pass.ExportObjectFact(v, &KindField{Table: m.kindFields[v]})
		}
	}
	return res, nil
}

// short renders a position as file.go:line, for facts' strings and
// messages.
func short(p token.Position) string {
	if !p.IsValid() {
		return ""
	}
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}
