// Package directive parses the suppression comments of authchallenge:
//
//	//authchallenge:ignore nochallenge,authforbidden forward-auth endpoint answers the proxy
//
// on the reported line or the line above it, or in a function's doc comment
// for the whole function. The reason is required. Malformed directives and
// directives that suppress nothing are reported, as staticcheck does.
package directive

import (
	"go/ast"
	"go/token"
	"slices"
	"strings"
	"sync"

	"github.com/authchallenge/authchallenge/passes/internal/ruleid"
)

// Prefix starts a directive.
const Prefix = "//authchallenge:ignore"

// Rules are the rule IDs a directive may name.
var Rules = ruleid.All

// Directive is one suppression comment.
type Directive struct {
	Pos    token.Pos
	Rules  []string
	Reason string
	// Problem says why the directive is malformed ("" when it is not).
	Problem string

	file     *token.File
	line     int
	from, to token.Pos // a function's extent, for doc-comment directives
	used     map[string]bool
}

// Set is the directives of one package. Rules of the package run in
// parallel and share it.
type Set struct {
	mu   sync.Mutex
	list []*Directive
}

// Parse collects the directives of files.
func Parse(fset *token.FileSet, files []*ast.File) *Set {
	s := new(Set)
	for _, f := range files {
		docs := make(map[*ast.CommentGroup]*ast.FuncDecl)
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Doc != nil {
				docs[fd.Doc] = fd
			}
		}
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if !strings.HasPrefix(c.Text, Prefix) {
					continue
				}
				d := parse(c.Text)
				d.Pos = c.Slash
				d.file = fset.File(c.Slash)
				d.line = d.file.Line(c.Slash)
				if fd := docs[cg]; fd != nil {
					d.from, d.to = fd.Pos(), fd.End()
				}
				s.list = append(s.list, d)
			}
		}
	}
	return s
}

func parse(text string) *Directive {
	d := new(Directive)
	rest := strings.TrimPrefix(text, Prefix)
	// A later "//" starts a trailing comment, as after //nolint.
	if i := strings.Index(rest, "//"); i >= 0 {
		rest = rest[:i]
	}
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		d.Problem = "malformed authchallenge:ignore directive: want //authchallenge:ignore rule[,rule] reason"
		return d
	}
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		d.Problem = "malformed authchallenge:ignore directive: name the rules to ignore and give a reason: //authchallenge:ignore rule[,rule] reason"
		return d
	}
	for _, r := range strings.Split(fields[0], ",") {
		if !slices.Contains(Rules, r) {
			d.Problem = "malformed authchallenge:ignore directive: unknown rule " + quote(r) + " (rules: " + strings.Join(Rules, ", ") + ")"
			return d
		}
		d.Rules = append(d.Rules, r)
	}
	d.Reason = strings.Join(fields[1:], " ")
	if d.Reason == "" {
		d.Problem = "authchallenge:ignore directive without a reason: say why the finding is wrong or deliberate"
	}
	return d
}

func quote(s string) string { return `"` + s + `"` }

// Match returns the well-formed directive that suppresses rule at pos, and
// marks it used; nil if none does.
func (s *Set) Match(fset *token.FileSet, rule string, pos token.Pos) *Directive {
	if s == nil || len(s.list) == 0 {
		return nil
	}
	file := fset.File(pos)
	if file == nil {
		return nil
	}
	line := file.Line(pos)
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.list {
		if d.Problem != "" || !slices.Contains(d.Rules, rule) {
			continue
		}
		if d.file == file && (d.line == line || d.line == line-1) || d.from <= pos && pos < d.to {
			if d.used == nil {
				d.used = make(map[string]bool)
			}
			d.used[rule] = true
			return d
		}
	}
	return nil
}

// Malformed returns the malformed directives that rule is to report: those
// naming it, and those naming no known rule when rule is the first rule.
func (s *Set) Malformed(rule string) []*Directive {
	if s == nil {
		return nil
	}
	var out []*Directive
	for _, d := range s.list {
		if d.Problem == "" {
			continue
		}
		if slices.Contains(d.Rules, rule) || len(d.Rules) == 0 && rule == Rules[0] {
			out = append(out, d)
		}
	}
	return out
}

// Unused returns the well-formed directives naming rule that suppressed
// nothing.
func (s *Set) Unused(rule string) []*Directive {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*Directive
	for _, d := range s.list {
		if d.Problem == "" && !d.used[rule] && slices.Contains(d.Rules, rule) {
			out = append(out, d)
		}
	}
	return out
}
