// Package authforbidden defines the authforbidden rule: an authentication
// failure answered with 403 Forbidden and no challenge.
package authforbidden

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/authchallenge/authchallenge/passes/internal/ruleid"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/authchallenge/authchallenge/passes/chain"
	"github.com/authchallenge/authchallenge/passes/config"
	"github.com/authchallenge/authchallenge/passes/failure"
	"github.com/authchallenge/authchallenge/passes/internal/knowledge"
	"github.com/authchallenge/authchallenge/passes/internal/report"
	"github.com/authchallenge/authchallenge/passes/internal/syntax"
	"github.com/authchallenge/authchallenge/passes/response"
)

//go:embed doc.md
var doc string

// Name is the rule ID.
const Name = ruleid.AuthForbidden

// New returns the rule reading cfg, the response model resp and the
// failure model fail.
func New(cfg, resp, fail *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:      Name,
		Doc:       doc,
		URL:       "https://github.com/authchallenge/authchallenge/blob/main/passes/authforbidden/doc.md",
		Requires:  []*analysis.Analyzer{cfg, resp, fail, inspect.Analyzer},
		FactTypes: []analysis.Fact{new(Forbids)},
		Run: func(pass *analysis.Pass) (any, error) {
			run(pass, pass.ResultOf[cfg].(*config.Config), pass.ResultOf[resp].(*response.Result), pass.ResultOf[fail].(*failure.Result),
				pass.ResultOf[inspect.Analyzer].(*inspector.Inspector))
			return nil, nil
		},
	}
}

// Analyzer is the authforbidden rule with the shared configuration.
var Analyzer = New(config.Analyzer, response.Analyzer, failure.Analyzer)

// reportable: a failure the rule answers for — not a scheme without a
// challenge, not a guess about what callers hand a function.
func reportable(sig *failure.Signal) bool {
	return sig != nil && sig.Class != chain.Less && !sig.Speculative()
}

// setIn returns where the 403 a Return or ErrorWrite site answers with was
// set, when that is in the site's own function (a carrier built there and
// written or returned later; NoPos otherwise: a shared sentinel or a
// constructor is answered for where it is used).
func setIn(pass *analysis.Pass, s *response.Site) token.Pos {
	p := s.SetAt
	if !p.IsValid() || s.Func == nil || (s.Kind != response.Return && s.Kind != response.ErrorWrite) {
		return token.NoPos
	}
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.Pos())
		if tf != nil && tf.Name() == p.Filename && p.Offset <= tf.Size() {
			if at := tf.Pos(p.Offset); s.Func.Pos() <= at && at < s.Func.End() {
				return at
			}
			return token.NoPos
		}
	}
	return token.NoPos
}

// stmtAt returns the innermost statement around pos.
func stmtAt(pass *analysis.Pass, pos token.Pos) ast.Stmt {
	file := syntax.FileOf(pass.Files, pos)
	if file == nil {
		return nil
	}
	path, _ := astutil.PathEnclosingInterval(file, pos, pos)
	for _, n := range path {
		if st, ok := n.(ast.Stmt); ok {
			return st
		}
	}
	return nil
}

// builtByCheck: the 403 is carried by the error the failed check returned,
// and that check reads the credentials itself, so the carrier is reported
// once, where the check returns it (one cause, one finding), not again at
// each caller that answers with it.
func builtByCheck(resp *response.Result, fail *failure.Result, s *response.Site, sig *failure.Signal) bool {
	if s.Kind == response.Write || !s.SetAt.IsValid() || sig.Kind != failure.Rejected || !fail.Authenticates(sig.Check) {
		return false
	}
	sum := resp.Of(sig.Check)
	return sum != nil && sum.ErrStatus&response.S403 != 0 && sum.SetAt == s.SetAt
}

// assignedAt is a constant 403 given to a status on a failure path and
// written after the paths join.
type assignedAt struct {
	at   response.CondAt
	site *response.Site
	sig  *failure.Signal
}

type finding struct {
	site *response.Site
	sig  *failure.Signal
}

func run(pass *analysis.Pass, cfg *config.Config, resp *response.Result, fail *failure.Result, insp *inspector.Inspector) {
	rep := report.New(pass, cfg, Name)
	// The package's challenge is looked for only when a finding may take a
	// fix: the walk over every file is not paid on the packages (nearly all)
	// that have nothing to report.
	challenge, looked := "", false
	// A status mapping that answers an authentication failure with 403 is
	// reported at the mapping; a write of its result is the same cause.
	mapped := mappings(pass, fail, insp, rep)
	mappedAt := importedMappings(pass, fail, rep)
	var found []finding
	var assigned []assignedAt
	for _, s := range resp.Sites {
		if s.Status&response.S403 == 0 || s.HaveForbidden&response.WWW != 0 {
			continue // not a 403, or a challenge was looked up on the way to it
		}
		var sig *failure.Signal
		if s.Kind == response.Return && !s.Root {
			// an error returned to a caller, who answers for it, unless
			// the function is itself the check whose failure it is
			sig = fail.Authenticator(s.Pos)
		} else if sig = fail.In(s.Pos, s.End); sig == nil && s.Kind == response.Return {
			sig = fail.Authenticator(s.Pos)
		}
		if at := setIn(pass, s); sig == nil && at.IsValid() {
			// a carrier built on the failure path, written after it
			if st := stmtAt(pass, at); st != nil {
				sig = fail.In(st.Pos(), st.End())
			}
		}
		if sig == nil && s.Kind != response.Return {
			// a status variable given 403 on a failure path and written
			// after the paths join (an error handler's switch)
			for _, at := range s.ForbidAt {
				sg := fail.In(at.Pos, at.End)
				if !reportable(sg) && at.When != nil {
					// under errors.Is(err, ErrExpired) with ErrExpired
					// an authentication failure (an error handler)
					if obj, u := unauthenticatedOf(pass, fail, at.When); obj != nil && !u.Speculative {
						sg = &failure.Signal{Kind: failure.Sentinel, Class: u.Class, Err: obj}
					}
				}
				if reportable(sg) && !writesMapped(pass, s, mapped) {
					assigned = append(assigned, assignedAt{at, s, sg})
					break
				}
			}
			continue
		}
		if !reportable(sig) || builtByCheck(resp, fail, s, sig) || writesMapped(pass, s, mapped) {
			continue
		}
		found = append(found, finding{s, sig})
	}

	// One helper answering 403 for several failure paths is one finding, at
	// its write, with the failure paths as related information.
	byHelper := make(map[*types.Func][]finding)
	var helpers []*types.Func
	for _, f := range found {
		if f.site.Kind != response.Call {
			continue
		}
		if h := calledHelper(pass, f.site); h != nil {
			if byHelper[h] == nil {
				helpers = append(helpers, h)
			}
			byHelper[h] = append(byHelper[h], f)
		}
	}
	grouped := make(map[*response.Site]bool)
	decided := make(map[token.Pos]bool) // where helpers' 403s were reported
	for _, h := range helpers {
		calls := byHelper[h]
		w := helperWrite(pass, resp, h)
		// A helper that answers 403 for some errors only (an error
		// switch) decides it at its write, even for one failure path.
		sum := resp.Of(h)
		if w != nil && writesMapped(pass, w, mapped) {
			// the helper writes what a mapping reported here answers:
			// one cause, one finding, at the mapping
			for _, c := range calls {
				grouped[c.site] = true
			}
			continue
		}
		if (len(calls) < 2 && (sum == nil || sum.RejectWhen == nil)) || w == nil {
			continue
		}
		what := fmt.Sprintf("%d authentication failures with 403 (first: %s)", len(calls), describe(calls[0].sig))
		if len(calls) == 1 {
			what = fmt.Sprintf("an authentication failure with 403 (%s)", describe(calls[0].sig))
		}
		pos, end := decidedAt(pass, fail, w)
		decided[pos] = true
		d := analysis.Diagnostic{
			Pos: pos, End: end,
			Message: fmt.Sprintf("%s answers %s: a 403 tells the client new credentials will not help; answer with 401 and a WWW-Authenticate challenge, and keep 403 for a known caller who may not act",
				h.Name(), what),
		}
		for _, c := range calls {
			grouped[c.site] = true
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: c.site.Pos, End: c.site.End,
				Message: "called on an authentication failure path (" + describe(c.sig) + ")"})
		}
		rep.Report(d)
	}
	// A constant 403 given on a failure path to a status written after
	// the paths join, in a function whose calls were not reported for it.
	for _, a := range assigned {
		if decided[a.at.Pos] {
			continue
		}
		w := pass.Fset.Position(a.site.Pos)
		rep.Report(analysis.Diagnostic{Pos: a.at.Pos, End: a.at.End,
			Message: fmt.Sprintf("403 set here answers an authentication failure (%s) where it is written (%s:%d): a 403 tells the client new credentials will not help; answer 401 with a WWW-Authenticate challenge, and keep 403 for a known caller who may not act",
				describe(a.sig), filepath.Base(w.Filename), w.Line),
			Related: []analysis.RelatedInformation{{Pos: a.site.Pos, End: a.site.End, Message: "written here"}}})
	}
	// A carrier of 403 built in this package on a failure path and written
	// on another line is one finding, where its status was set, pointing
	// at where it is written.
	bySet := make(map[token.Pos][]finding)
	var sets []token.Pos
	for _, f := range found {
		at := setIn(pass, f.site)
		if grouped[f.site] || !at.IsValid() || pass.Fset.Position(at).Line == pass.Fset.Position(f.site.Pos).Line {
			continue
		}
		if bySet[at] == nil {
			sets = append(sets, at)
		}
		bySet[at] = append(bySet[at], f)
		grouped[f.site] = true
	}
	for _, at := range sets {
		fs := bySet[at]
		w := pass.Fset.Position(fs[0].site.Pos)
		d := analysis.Diagnostic{
			Pos: at,
			Message: fmt.Sprintf("403 set here answers an authentication failure (%s) where it is written (%s:%d): a 403 tells the client new credentials will not help; build it with 401 and set a WWW-Authenticate challenge, and keep 403 for a known caller who may not act",
				describe(fs[0].sig), filepath.Base(w.Filename), w.Line),
		}
		for _, f := range fs {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: f.site.Pos, End: f.site.End, Message: "written here"})
		}
		rep.Report(d)
	}
	for _, f := range found {
		if grouped[f.site] || decidedWithin(decided, f.site) {
			continue // (a helper's own write, reported where it decides)
		}
		s := f.site
		if s.SetAt.IsValid() && mappedAt[lineOf{s.SetAt.Filename, s.SetAt.Line}] {
			continue // its 403 is set by a mapping reported there: one cause, one finding
		}
		// A carrier's 403 is set elsewhere (a sentinel, a constructor):
		// the message says where, for that is what to change.
		setAt := ""
		if here := pass.Fset.Position(s.Pos); s.Kind != response.Write && s.SetAt.IsValid() &&
			(s.SetAt.Filename != here.Filename || s.SetAt.Line != here.Line) {
			setAt = fmt.Sprintf(", with the 403 set at %s:%d", filepath.Base(s.SetAt.Filename), s.SetAt.Line)
		}
		d := analysis.Diagnostic{
			Pos: s.Pos, End: s.End,
			Message: fmt.Sprintf("403 answers an authentication failure (%s)%s: a 403 tells the client new credentials will not help; answer 401 with a WWW-Authenticate challenge, and keep 403 for a known caller who may not act",
				describe(f.sig), setAt),
		}
		if !looked && s.Kind == response.Write {
			challenge, looked = packageChallenge(pass, insp), true
		}
		if fix, ok := fix401(pass, s, challenge); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		rep.Report(d)
	}
	rep.Finish()
}

// mappings reports error-to-status code that turns an authentication
// failure into 403: a function returning a status that returns 403 on a
// failure path (an errors.Is switch over its error parameter), and a table
// keyed by unauthenticated errors or by the typed codes such errors carry.
func mappings(pass *analysis.Pass, fail *failure.Result, insp *inspector.Inspector, rep *report.Reporter) map[*types.Func]bool {
	mapped := make(map[*types.Func]bool)
	insp.WithStack([]ast.Node{(*ast.ReturnStmt)(nil), (*ast.CompositeLit)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		switch n := n.(type) {
		case *ast.ReturnStmt:
			sig := syntax.EnclosingSignature(pass.TypesInfo, stack)
			if sig == nil || sig.Results().Len() != len(n.Results) {
				return true
			}
			for i, r := range n.Results {
				if !isInt(sig.Results().At(i).Type()) || !is403(pass, r) {
					continue
				}
				if fs := fail.In(n.Pos(), n.End()); reportable(fs) {
					if fn := enclosingFunc(pass, stack); fn != nil {
						mapped[fn] = true
					}
					rep.Report(analysis.Diagnostic{Pos: r.Pos(), End: r.End(),
						Message: fmt.Sprintf("status mapping answers an authentication failure (%s) with 403: return 401 here and set a WWW-Authenticate challenge where the status is written", describe(fs))})
				} else if fs == nil {
					for _, v := range fail.Matched(n.Pos()) {
						forbids(pass, fail, rep, v, r)
					}
				}
			}
		case *ast.CompositeLit:
			if _, isMap := pass.TypesInfo.TypeOf(n).Underlying().(*types.Map); !isMap {
				return true
			}
			for _, e := range n.Elts {
				kv, ok := e.(*ast.KeyValueExpr)
				if !ok || !is403(pass, kv.Value) {
					continue
				}
				obj := objectOf(pass, kv.Key)
				u := fail.Unauthenticated(obj)
				if u == nil {
					forbids(pass, fail, rep, obj, kv.Value)
				}
				if u == nil || u.Class == chain.Less {
					continue
				}
				rep.Report(analysis.Diagnostic{Pos: kv.Value.Pos(), End: kv.Value.End(),
					Message: fmt.Sprintf("error-to-status table maps an authentication failure (%s, returned when credentials fail) to 403: map it to 401 and answer with a WWW-Authenticate challenge", obj.Name())})
			}
		}
		return true
	})
	return mapped
}

// Forbids is the fact that a status mapping of the object's package answers
// the error it names with 403 (see failure.Mapping): the packages that
// return the error when authentication fails report the mapping
// (importedMappings).
type Forbids struct{ failure.Mapping }

func (*Forbids) AFact() {}

func (f *Forbids) String() string {
	return fmt.Sprintf("maps to 403 at %s:%d", filepath.Base(f.At.Filename), f.At.Line)
}

// forbids records that the mapping at e answers obj with 403.
func forbids(pass *analysis.Pass, fail *failure.Result, rep *report.Reporter, obj types.Object, e ast.Expr) {
	if !fail.Mappable(pass, obj) || pass.ImportObjectFact(obj, new(Forbids)) {
		return // not an error of this package's to judge, or its first mapping is recorded
	}
	pass.ExportObjectFact(obj, &Forbids{failure.Mapping{At: pass.Fset.Position(e.Pos()), Ignored: rep.Suppressed(e.Pos())}})
}

// importedMappings reports the status mappings of imported packages that
// answer with 403 an error this package returns when authentication fails,
// and returns the lines it reported.
func importedMappings(pass *analysis.Pass, fail *failure.Result, rep *report.Reporter) map[lineOf]bool {
	mapped := make(map[lineOf]bool)
	fact := func() analysis.Fact { return new(Forbids) }
	mapping := func(f analysis.Fact) failure.Mapping { return f.(*Forbids).Mapping }
	for _, m := range fail.MappedFailures(pass, fact, mapping) {
		at := m.Mapping.At
		mapped[lineOf{at.Filename, at.Line}] = true
		rep.Report(analysis.Diagnostic{Pos: m.Pos,
			Message: fmt.Sprintf("status mapping at %s:%d answers %s.%s with 403, and the packages that import it return %s when authentication fails: map it to 401 and answer with a WWW-Authenticate challenge",
				filepath.Base(at.Filename), at.Line, m.Obj.Pkg().Name(), m.Obj.Name(), m.What())})
	}
	return mapped
}

// lineOf is a line of a file.
type lineOf struct {
	file string
	line int
}

// enclosingFunc returns the declared function a node is in (nil in a
// function literal).
func enclosingFunc(pass *analysis.Pass, stack []ast.Node) *types.Func {
	for i := len(stack) - 1; i >= 0; i-- {
		switch f := stack[i].(type) {
		case *ast.FuncLit:
			return nil
		case *ast.FuncDecl:
			fn, _ := pass.TypesInfo.Defs[f.Name].(*types.Func)
			return fn
		}
	}
	return nil
}

// writesMapped: the status written at s is the result of a call of a
// mapping already reported (w.WriteHeader(statusOf(err)), or through a
// variable assigned from one in the same function).
func writesMapped(pass *analysis.Pass, s *response.Site, mapped map[*types.Func]bool) bool {
	if len(mapped) == 0 || s.Kind == response.Return {
		return false
	}
	call := callAt(pass, s.Pos, s.End)
	if call == nil {
		return false
	}
	isMapped := func(e ast.Expr) bool {
		c, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return false
		}
		fn, _ := typeutil.Callee(pass.TypesInfo, c).(*types.Func)
		return fn != nil && mapped[fn.Origin()]
	}
	for _, a := range call.Args {
		if isMapped(a) {
			return true
		}
		id, ok := ast.Unparen(a).(*ast.Ident)
		if !ok || s.Func == nil {
			continue
		}
		v := pass.TypesInfo.Uses[id]
		found := false
		ast.Inspect(s.Func, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || found || len(as.Lhs) != len(as.Rhs) {
				return !found
			}
			for i, l := range as.Lhs {
				if lid, ok := ast.Unparen(l).(*ast.Ident); ok && pass.TypesInfo.ObjectOf(lid) == v && isMapped(as.Rhs[i]) {
					found = true
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

func isInt(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

func objectOf(pass *analysis.Pass, e ast.Expr) types.Object {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return pass.TypesInfo.Uses[x]
	case *ast.SelectorExpr:
		return pass.TypesInfo.Uses[x.Sel]
	}
	return nil
}

// decidedAt returns where a helper decides the 403 it writes at w: the
// constant 403 whose condition names an error that authentication failures
// return (status = http.StatusForbidden under errors.Is(err, ErrExpired)),
// else its only constant 403, else the write.
func decidedAt(pass *analysis.Pass, fail *failure.Result, w *response.Site) (token.Pos, token.Pos) {
	for _, at := range w.ForbidAt {
		if at.When != nil {
			if v, _ := unauthenticatedOf(pass, fail, at.When); v != nil {
				return at.Pos, at.End
			}
		}
	}
	if len(w.ForbidAt) == 1 {
		return w.ForbidAt[0].Pos, w.ForbidAt[0].End
	}
	return w.Pos, w.End
}

// unauthenticatedOf returns the first sentinel of a condition that
// authentication failures return (errors.Is(err, ErrExpired) with ErrExpired
// unauthenticated here or in the package that declares it), and what the
// failure model says of it.
func unauthenticatedOf(pass *analysis.Pass, fail *failure.Result, c *response.Cond) (*types.Var, *failure.Unauthenticated) {
	for _, name := range c.Errors {
		if v, u := fail.UnauthenticatedNamed(pass.Pkg, name); u != nil && u.Class != chain.Less {
			return v, u
		}
	}
	return nil, nil
}

// describe says, in the user's terms, what failed.
func describe(s *failure.Signal) string { return s.Describe("header") }

// calledHelper returns the function of this package a Call site calls.
func calledHelper(pass *analysis.Pass, s *response.Site) *types.Func {
	call := callAt(pass, s.Pos, s.End)
	if call == nil {
		return nil
	}
	fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() != pass.Pkg {
		return nil
	}
	return fn
}

func callAt(pass *analysis.Pass, pos, end token.Pos) *ast.CallExpr {
	file := syntax.FileOf(pass.Files, pos)
	if file == nil {
		return nil
	}
	path, _ := astutil.PathEnclosingInterval(file, pos, end)
	for _, n := range path {
		if c, ok := n.(*ast.CallExpr); ok && c.Pos() == pos {
			return c
		}
	}
	return nil
}

// helperWrite returns the one 403 write of a helper (nil if none or many).
func helperWrite(pass *analysis.Pass, resp *response.Result, h *types.Func) *response.Site {
	var w *response.Site
	for _, s := range resp.Sites {
		if s.Status&response.S403 == 0 || s.Func == nil {
			continue
		}
		fd, ok := s.Func.(*ast.FuncDecl)
		if !ok || pass.TypesInfo.Defs[fd.Name] != h {
			continue
		}
		if w != nil {
			return nil
		}
		w = s
	}
	return w
}

func is403(pass *analysis.Pass, e ast.Expr) bool {
	tv, ok := pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return false
	}
	v, ok := constant.Int64Val(tv.Value)
	return ok && v == 403
}

// packageChallenge returns the one constant challenge the package sets in
// WWW-Authenticate, if there is exactly one.
func packageChallenge(pass *analysis.Pass, insp *inspector.Inspector) string {
	seen := make(map[string]bool)
	insp.Preorder([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) {
		call := n.(*ast.CallExpr)
		fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
		if !ok {
			return
		}
		i, ok := knowledge.HeaderArg[knowledge.MemberOf(fn)]
		if !ok || i+1 >= len(call.Args) {
			return
		}
		k, v := pass.TypesInfo.Types[call.Args[i]], pass.TypesInfo.Types[call.Args[i+1]]
		if k.Value != nil && v.Value != nil && k.Value.Kind() == constant.String && v.Value.Kind() == constant.String &&
			strings.EqualFold(constant.StringVal(k.Value), knowledge.ChallengeHeader) {
			seen[constant.StringVal(v.Value)] = true
		}
	})
	if len(seen) != 1 {
		return ""
	}
	for c := range seen {
		return c
	}
	return ""
}

// fix401 sets the package's one challenge and writes 401 instead of 403,
// for net/http writes whose status is a constant at the call. The new status
// is net/http's StatusUnauthorized under the name the file imports it by
// when the 403 was written as http.StatusForbidden, and the literal 401
// otherwise (a 403 spelled by another package's constant has no
// StatusUnauthorized beside it). The header is set on the write's own line,
// so that it keeps the file's indentation.
func fix401(pass *analysis.Pass, s *response.Site, challenge string) (analysis.SuggestedFix, bool) {
	if challenge == "" || s.Kind != response.Write {
		return analysis.SuggestedFix{}, false
	}
	file := syntax.FileOf(pass.Files, s.Pos)
	if file == nil {
		return analysis.SuggestedFix{}, false
	}
	path, _ := astutil.PathEnclosingInterval(file, s.Pos, s.End)
	var call *ast.CallExpr
	var stmt *ast.ExprStmt
	for _, n := range path {
		if c, ok := n.(*ast.CallExpr); ok && call == nil && c.Pos() == s.Pos {
			call = c
		}
		if st, ok := n.(*ast.ExprStmt); ok && stmt == nil {
			stmt = st
		}
	}
	if call == nil || stmt == nil || stmt.X != call {
		return analysis.SuggestedFix{}, false
	}
	fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != knowledge.HTTP {
		return analysis.SuggestedFix{}, false
	}
	var writer, status ast.Expr
	i, isStatusArg := knowledge.StatusArg[knowledge.MemberOf(fn)]
	switch {
	case isStatusArg && fn.Signature().Recv() == nil && i == len(call.Args)-1 && len(call.Args) == 3: // http.Error(w, msg, status)
		writer, status = call.Args[0], call.Args[i]
	case fn.Name() == knowledge.WriteHeaderMethod && len(call.Args) == 1:
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		writer, status = sel.X, call.Args[0]
	default:
		return analysis.SuggestedFix{}, false
	}
	if !is403(pass, status) || !pure(writer) {
		return analysis.SuggestedFix{}, false
	}
	newStatus := "401"
	var dropImport *ast.ImportSpec
	if sel, ok := ast.Unparen(status).(*ast.SelectorExpr); ok {
		if id, ok := sel.X.(*ast.Ident); ok {
			if pn, ok := pass.TypesInfo.Uses[id].(*types.PkgName); ok {
				if pn.Imported().Path() == knowledge.HTTP {
					newStatus = id.Name + ".StatusUnauthorized"
				} else if uses(pass, file, pn) == 1 {
					dropImport = importOf(pass, file, pn) // its one use goes: keep the file compiling
				}
			}
		}
	}
	lit := strconv.Quote(challenge)
	if !strings.Contains(challenge, "`") {
		lit = "`" + challenge + "`"
	}
	// The new statement goes on its own line before the write, indented
	// as gofmt indents it: one tab per column before the write (an
	// analyzer may not read the file to copy its indentation; nogo gives
	// no ReadFile).
	indent := strings.Repeat("\t", max(pass.Fset.Position(stmt.Pos()).Column-1, 0))
	set := types.ExprString(writer) + `.Header().Set(` + strconv.Quote(knowledge.ChallengeHeader) + `, ` + lit + ")\n" + indent
	fix := analysis.SuggestedFix{
		Message: "set WWW-Authenticate: " + challenge + " and answer 401",
		TextEdits: []analysis.TextEdit{
			{Pos: stmt.Pos(), End: stmt.Pos(), NewText: []byte(set)},
			{Pos: status.Pos(), End: status.End(), NewText: []byte(newStatus)},
		},
	}
	if dropImport != nil {
		fix.TextEdits = append(fix.TextEdits, analysis.TextEdit{Pos: dropImport.Pos(), End: dropImport.End()})
	}
	return fix, true
}

// uses counts the references to an imported package's name in a file.
func uses(pass *analysis.Pass, file *ast.File, pn *types.PkgName) int {
	n := 0
	ast.Inspect(file, func(x ast.Node) bool {
		if id, ok := x.(*ast.Ident); ok && pass.TypesInfo.Uses[id] == pn {
			n++
		}
		return true
	})
	return n
}

// importOf returns the import declaring pn in file.
func importOf(pass *analysis.Pass, file *ast.File, pn *types.PkgName) *ast.ImportSpec {
	for _, spec := range file.Imports {
		obj := pass.TypesInfo.Implicits[spec]
		if spec.Name != nil {
			obj = pass.TypesInfo.Defs[spec.Name]
		}
		if obj == pn {
			return spec
		}
	}
	return nil
}

func pure(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		return pure(e.X)
	}
	return false
}

// decidedWithin: a helper's 403 was reported inside site (the helper's own
// write, under the switch case that decides it): one finding is enough.
func decidedWithin(decided map[token.Pos]bool, site *response.Site) bool {
	for p := range decided {
		if site.Pos <= p && p < site.End {
			return true
		}
	}
	return false
}
