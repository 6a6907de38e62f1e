// Package nochallenge defines the nochallenge rule: a 401 (or 407) response
// written on a path where no WWW-Authenticate (Proxy-Authenticate) challenge
// was set.
package nochallenge

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/authchallenge/authchallenge/passes/internal/ruleid"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/authchallenge/authchallenge/passes/chain"
	"github.com/authchallenge/authchallenge/passes/config"
	"github.com/authchallenge/authchallenge/passes/failure"
	"github.com/authchallenge/authchallenge/passes/internal/knowledge"
	"github.com/authchallenge/authchallenge/passes/internal/report"
	"github.com/authchallenge/authchallenge/passes/response"
)

//go:embed doc.md
var doc string

// Name is the rule ID.
const Name = ruleid.NoChallenge

// New returns the rule reading its configuration from cfg, the response
// model from resp (which must itself require cfg) and, when given, the
// failure model from fail (to word the message after a check that is not
// of credentials).
func New(cfg, resp *analysis.Analyzer, fail ...*analysis.Analyzer) *analysis.Analyzer {
	req := []*analysis.Analyzer{cfg, resp}
	var fa *analysis.Analyzer
	if len(fail) > 0 && fail[0] != nil {
		fa = fail[0]
		req = append(req, fa)
	}
	return &analysis.Analyzer{
		Name:     Name,
		Doc:      doc,
		URL:      "https://github.com/authchallenge/authchallenge/blob/main/passes/nochallenge/doc.md",
		Requires: req,
		Run: func(pass *analysis.Pass) (any, error) {
			var fr *failure.Result
			if fa != nil {
				fr, _ = pass.ResultOf[fa].(*failure.Result)
			}
			run(pass, pass.ResultOf[cfg].(*config.Config), pass.ResultOf[resp].(*response.Result), fr)
			return nil, nil
		},
	}
}

// Analyzer is the nochallenge rule with the shared configuration.
var Analyzer = New(config.Analyzer, response.Analyzer, failure.Analyzer)

// group is the calls of one helper's unchallenged write.
type group struct {
	origin          token.Pos
	lacking, having []*response.Site
}

func run(pass *analysis.Pass, cfg *config.Config, model *response.Result, fail *failure.Result) {
	rep := report.New(pass, cfg, Name)
	groups := make(map[token.Pos]*group)
	var order []*group
	carriers := make(map[token.Pos]*group)
	var carrierOrder []*group
	for _, s := range model.Sites {
		if !s.Root {
			continue
		}
		missing := s.Missing()
		if s.Kind == response.Return || s.Kind == response.ErrorWrite {
			// a carrier built in this package: one cause, where its
			// status was set
			if at := posIn(pass, s.SetAt); at.IsValid() && (at < s.Pos || at >= s.End) &&
				s.Status&(response.S401|response.S407) != 0 {
				g := carriers[at]
				if g == nil {
					g = &group{origin: at}
					carriers[at] = g
					carrierOrder = append(carrierOrder, g)
				}
				switch {
				case missing != 0:
					g.lacking = append(g.lacking, s)
				case s.Have&response.AllChallenges != 0:
					g.having = append(g.having, s)
				}
				continue
			}
		}
		if s.Kind == response.Call && s.OriginPos.IsValid() && s.Status&(response.S401|response.S407) != 0 {
			// a helper of this package writes the status: one cause
			g := groups[s.OriginPos]
			if g == nil {
				g = &group{origin: s.OriginPos}
				groups[s.OriginPos] = g
				order = append(order, g)
			}
			switch {
			case missing != 0:
				g.lacking = append(g.lacking, s)
			case s.Have&response.AllChallenges != 0:
				g.having = append(g.having, s)
			}
			continue
		}
		for _, code := range codes(missing) {
			rep.Report(diagnostic(pass, fail, s, code))
		}
	}
	// A group whose every caller lacks the challenge is one finding (at the
	// write, or where a carrier's status is set); where some callers set
	// it first, each caller that does not is a finding of its own.
	reportGroup := func(g *group, whole func() analysis.Diagnostic) {
		if len(g.lacking) == 0 {
			return
		}
		if len(g.having) == 0 {
			rep.Report(whole())
			return
		}
		for _, s := range g.lacking {
			for _, code := range codes(s.Missing()) {
				rep.Report(diagnostic(pass, fail, s, code))
			}
		}
	}
	for _, g := range order {
		reportGroup(g, func() analysis.Diagnostic { return atWrite(pass, fail, model, g) })
	}
	for _, g := range carrierOrder {
		reportGroup(g, func() analysis.Diagnostic { return atSet(pass, g) })
	}
	rep.Finish()
}

func codes(missing response.Status) []int {
	var out []int
	if missing&response.S401 != 0 {
		out = append(out, 401)
	}
	if missing&response.S407 != 0 {
		out = append(out, 407)
	}
	return out
}

// atWrite reports a helper's write once, with the calls that reach it
// without a challenge as related information.
func atWrite(pass *analysis.Pass, fail *failure.Result, model *response.Result, g *group) analysis.Diagnostic {
	var write *response.Site
	for _, s := range model.Sites {
		if s.Pos == g.origin {
			write = s
			break
		}
	}
	code := 401
	if g.lacking[0].Missing()&response.S401 == 0 {
		code = 407
	}
	header, rfc := headerOf(code)
	n := len(g.lacking)
	callers := "its caller does not"
	if n > 1 {
		callers = fmt.Sprintf("none of its %d callers does", n)
	}
	what := fmt.Sprintf("%d response", code)
	d := analysis.Diagnostic{Pos: g.origin, End: g.origin, Category: Name}
	if write != nil {
		d.End = write.End
		what = describe(pass.Fset, write, code)
	}
	d.Message = fmt.Sprintf("%s without a %s challenge, and %s set one first: set %s (e.g. %s) here before answering %d (%s)",
		what, header, callers, header, example(code), code, rfc)
	if code == 401 && write != nil {
		if msg, ok := wrongStatus(pass, fail, write, what, header); ok {
			d.Message = msg
		}
	}
	for _, s := range g.lacking {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: s.Pos, End: s.End,
			Message: fmt.Sprintf("called here without a %s challenge", header)})
	}
	return d
}

// atSet reports a carrier once, where its status was set, with the places
// that answer with it without a challenge as related information.
func atSet(pass *analysis.Pass, g *group) analysis.Diagnostic {
	first := g.lacking[0]
	code := 401
	if first.Missing()&response.S401 == 0 {
		code = 407
	}
	header, rfc := headerOf(code)
	here := pass.Fset.Position(first.Pos)
	how := "returned to the framework"
	if first.Kind == response.ErrorWrite {
		how = "written"
		if first.Callee != "" {
			how = "written by " + first.Callee
		}
	}
	where := fmt.Sprintf("%s at %s:%d", how, filepath.Base(here.Filename), here.Line)
	switch n := len(g.lacking); {
	case n == 2:
		where += ", and 1 more place; neither sets one first"
	case n > 2:
		where = fmt.Sprintf("%s, and %d more places; none sets one first", where, n-1)
	}
	d := analysis.Diagnostic{Pos: g.origin, End: g.origin, Category: Name,
		Message: fmt.Sprintf("%d set here reaches the client without a %s challenge (%s): set %s (e.g. %s) before answering %d (%s)",
			code, header, where, header, example(code), code, rfc)}
	for _, s := range g.lacking {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: s.Pos, End: s.End,
			Message: fmt.Sprintf("answered here without a %s challenge", header)})
	}
	return d
}

func headerOf(code int) (header, rfc string) {
	if code == 407 {
		return knowledge.ProxyChallengeHeader, "RFC 9110 §15.5.8"
	}
	return knowledge.ChallengeHeader, "RFC 9110 §15.5.2"
}

// describe says what answers with the status at a site.
func describe(fset *token.FileSet, s *response.Site, code int) string {
	var what string
	switch s.Kind {
	case response.Write:
		what = fmt.Sprintf("%d response", code)
	case response.Call:
		what = fmt.Sprintf("call to %s writes %d", s.Callee, code)
		if s.Where != "" {
			what += " (" + s.Where + ")"
		}
	case response.Return:
		what = fmt.Sprintf("error carrying %d returned", code)
		if s.Callee != "" {
			what = fmt.Sprintf("error carrying %d (from %s) returned", code, s.Callee)
		}
	case response.ErrorWrite:
		what = fmt.Sprintf("error carrying %d written", code)
		if s.Callee != "" {
			what = fmt.Sprintf("error carrying %d written by %s", code, s.Callee)
		}
	}
	if s.SetAt.IsValid() && s.Kind != response.Write {
		if here := fset.Position(s.Pos); here.Filename != s.SetAt.Filename || here.Line != s.SetAt.Line {
			what += fmt.Sprintf(" (status set at %s:%d)", filepath.Base(s.SetAt.Filename), s.SetAt.Line)
		}
	}
	return what
}

func diagnostic(pass *analysis.Pass, fail *failure.Result, s *response.Site, code int) analysis.Diagnostic {
	header, rfc := headerOf(code)
	what := describe(pass.Fset, s, code)
	msg := fmt.Sprintf("%s without a %s challenge: set %s (e.g. %s) on this path before answering %d (%s)",
		what, header, header, example(code), code, rfc)
	if code == 401 {
		if m, ok := wrongStatus(pass, fail, s, what, header); ok {
			msg = m
		}
	}
	d := analysis.Diagnostic{Pos: s.Pos, End: s.End, Category: Name, Message: msg}
	if at := posIn(pass, s.SetAt); at.IsValid() && s.Kind != response.Write && (at < s.Pos || at >= s.End) {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: at, Message: fmt.Sprintf("%d set here", code)})
	}
	return d
}

// posIn returns p as a position of the package's files (NoPos if p lies
// in another package).
func posIn(pass *analysis.Pass, p token.Position) token.Pos {
	if !p.IsValid() {
		return token.NoPos
	}
	for _, f := range pass.Files {
		if tf := pass.Fset.File(f.Pos()); tf != nil && tf.Name() == p.Filename && p.Offset <= tf.Size() {
			return tf.Pos(p.Offset)
		}
	}
	return token.NoPos
}

// wrongStatus words the message of a 401 that follows a check that is not
// of credentials: the status itself is wrong.
func wrongStatus(pass *analysis.Pass, fail *failure.Result, s *response.Site, what, header string) (string, bool) {
	switch reason(pass, fail, s) {
	case authorization:
		return fmt.Sprintf("%s after an authorization check: a caller that is known but may not act gets 403 Forbidden; keep 401 only for missing or bad credentials, with a %s challenge", what, header), true
	case integrity:
		return fmt.Sprintf("%s after an integrity check of the request (a signature or HMAC of its payload): a payload that does not verify gets 403 Forbidden or 400 Bad Request; keep 401 only for missing or bad credentials, with a %s challenge", what, header), true
	case feature:
		return fmt.Sprintf("%s after a feature switch: a feature that is off gets 404 Not Found (or 403); keep 401 only for missing or bad credentials, with a %s challenge", what, header), true
	case unrelated:
		return fmt.Sprintf("%s for a check unrelated to credentials: answer with the status that describes it (400, 413, 415, …); 401 means missing or bad credentials and needs a %s challenge", what, header), true
	}
	return "", false
}

func example(code int) string {
	if code == 407 {
		return `Basic realm="proxy"`
	}
	return `Bearer realm="api"`
}

type why int

const (
	credentials why = iota
	authorization
	integrity
	feature
	unrelated
)

// reason looks at the condition that guards the site. It only changes the
// wording of the message, never whether the rule fires: a 401 after a role
// or ownership check (or a body size check) is the wrong status, and the
// message says so instead of asking for a challenge.
//
// A site on a failure path of the failure model whose credentials are of a
// challenge-bearing scheme (Authorization, Basic, a bearer token) is about
// credentials whatever the words say; elsewhere the words of the guarding condition break the tie, from
// the one table below.
func reason(pass *analysis.Pass, fail *failure.Result, s *response.Site) why {
	if fail != nil {
		if sig := fail.At(s.Pos); sig != nil && sig.Class == chain.Bearing {
			return credentials
		}
	}
	var file *ast.File
	for _, f := range pass.Files {
		if f.FileStart <= s.Pos && s.Pos < f.FileEnd {
			file = f
			break
		}
	}
	if file == nil {
		return credentials
	}
	path, _ := astutil.PathEnclosingInterval(file, s.Pos, s.End)
	for i, n := range path {
		var cond ast.Expr
		switch n := n.(type) {
		case *ast.IfStmt:
			if i > 0 && path[i-1] == n.Body {
				cond = n.Cond
			}
		case *ast.FuncDecl, *ast.FuncLit:
			return credentials
		}
		if cond == nil {
			continue
		}
		words := condWords(cond)
		switch {
		case hasAny(words, credentialWords):
			return credentials
		case hasAny(words, authorizationWords):
			return authorization
		case hasAny(words, integrityWords):
			return integrity
		case hasAny(words, featureWords):
			return feature
		case hasAny(words, unrelatedWords):
			return unrelated
		}
		return credentials
	}
	return credentials
}

var (
	credentialWords = []string{"auth", "authenticate", "authenticated", "authentication", "authorization", "token", "tokens",
		"password", "passwd", "pass", "basic", "bearer", "cookie", "session", "credential", "credentials", "creds",
		"login", "logged", "signed", "jwt", "key", "apikey", "claims", "user", "username", "identity", "principal", "anonymous", "verify", "valid", "expired"}
	// Only words that name authorization unambiguously: "allowed" or
	// "access" guard token checks as often as role checks.
	authorizationWords = []string{"role", "roles", "permission", "permissions", "perm", "perms", "scope", "scopes",
		"admin", "owner", "owns", "acl", "policy", "rbac", "privilege", "privileges", "grant", "granted"}
	// A signature or MAC of a payload (a webhook's X-Hub-Signature) checks
	// the request's integrity, not who sent it.
	integrityWords = []string{"hmac", "signature", "sig", "mac", "digest", "checksum", "integrity"}
	featureWords   = []string{"feature", "features", "flag", "flags", "enabled", "disabled", "toggle"}
	unrelatedWords = []string{"content", "length", "size", "max", "bytes", "large", "method", "limit", "mime", "media"}
)

// condWords splits the identifiers of a condition into lower-case words
// (IsAdmin → is, admin; user_role → user, role).
func condWords(e ast.Expr) map[string]bool {
	words := make(map[string]bool)
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			for _, w := range splitWords(n.Name) {
				words[w] = true
			}
		case *ast.BasicLit:
			if n.Kind == token.STRING {
				for _, w := range splitWords(strings.Trim(n.Value, "`\"")) {
					words[w] = true
				}
			}
		}
		return true
	})
	return words
}

func splitWords(s string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
			continue
		case unicode.IsUpper(r) && len(cur) > 0 &&
			(unicode.IsLower(cur[len(cur)-1]) || i+1 < len(rs) && unicode.IsLower(rs[i+1])):
			flush()
		}
		cur = append(cur, r)
	}
	flush()
	return words
}

func hasAny(words map[string]bool, list []string) bool {
	for _, w := range list {
		if words[w] {
			return true
		}
	}
	return false
}
