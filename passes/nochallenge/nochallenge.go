// Package nochallenge defines the nochallenge rule: a 401 (or 407) response
// written on a path where no WWW-Authenticate (Proxy-Authenticate) challenge
// was set.
package nochallenge

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"strings"
	"unicode"

	"github.com/authchallenge/authchallenge/passes/internal/ruleid"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/authchallenge/authchallenge/passes/config"
	"github.com/authchallenge/authchallenge/passes/internal/report"
	"github.com/authchallenge/authchallenge/passes/response"
)

//go:embed doc.md
var doc string

// Name is the rule ID.
const Name = ruleid.NoChallenge

// New returns the rule reading its configuration from cfg and the response
// model from resp (which must itself require cfg).
func New(cfg, resp *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     Name,
		Doc:      doc,
		URL:      "https://github.com/authchallenge/authchallenge/blob/main/passes/nochallenge/doc.md",
		Requires: []*analysis.Analyzer{cfg, resp},
		Run: func(pass *analysis.Pass) (any, error) {
			run(pass, pass.ResultOf[cfg].(*config.Config), pass.ResultOf[resp].(*response.Result))
			return nil, nil
		},
	}
}

// Analyzer is the nochallenge rule with the shared configuration.
var Analyzer = New(config.Analyzer, response.Analyzer)

func run(pass *analysis.Pass, cfg *config.Config, model *response.Result) {
	rep := report.New(pass, cfg, Name)
	for _, s := range model.Sites {
		if !s.Root {
			continue
		}
		missing := s.Missing()
		if missing&response.S401 != 0 {
			rep.Report(diagnostic(pass, s, 401))
		}
		if missing&response.S407 != 0 {
			rep.Report(diagnostic(pass, s, 407))
		}
	}
	rep.Finish()
}

func diagnostic(pass *analysis.Pass, s *response.Site, code int) analysis.Diagnostic {
	header, rfc := "WWW-Authenticate", "RFC 9110 §15.5.2"
	if code == 407 {
		header, rfc = "Proxy-Authenticate", "RFC 9110 §15.5.8"
	}
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
	}
	msg := fmt.Sprintf("%s without a %s challenge: set %s (e.g. %s) on this path before answering %d (%s)",
		what, header, header, example(code), code, rfc)
	if code == 401 {
		switch reason(pass, s) {
		case authorization:
			msg = fmt.Sprintf("%s after an authorization check: a caller that is known but may not act gets 403 Forbidden; keep 401 only for missing or bad credentials, with a %s challenge", what, header)
		case unrelated:
			msg = fmt.Sprintf("%s for a check unrelated to credentials: answer with the status that describes it (400, 413, …); 401 means missing or bad credentials and needs a %s challenge", what, header)
		}
	}
	return analysis.Diagnostic{Pos: s.Pos, End: s.End, Category: Name, Message: msg}
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
	unrelated
)

// reason looks at the condition that guards the site. It only changes the
// wording of the message, never whether the rule fires: a 401 after a role
// or ownership check (or a body size check) is the wrong status, and the
// message says so instead of asking for a challenge.
func reason(pass *analysis.Pass, s *response.Site) why {
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
	unrelatedWords = []string{"content", "length", "size", "max", "bytes", "large", "method", "limit"}
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
