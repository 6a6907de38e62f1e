package analyzer_test

// Our own advice is a test (DESIGN.md): every Go example that README.md or a
// rule's doc (passes/<rule>/doc.md, also printed by -explain) labels good is
// compiled and must produce no finding of any rule; every example labelled
// bad must produce the finding of its rule.
//
// The convention, kept small so the docs stay readable:
//
//   - Labels. In README.md, a ```go block is split at lines `// bad` and
//     `// good` (text may follow: `// bad: why`); lines before the first
//     label are shared by every part. In a doc.md, an indented block is
//     labelled by the paragraph just before it, `Bad:` or `Good …:`. The
//     rule of a part is the README section (### <rule>) or the doc's rule.
//     A line that is only `...` (or `…`) elides code and is dropped.
//   - Contexts. A block is a fragment; testdata/docs/<key>.go is the Go file
//     it is compiled in, with the line `//docs:example` where the fragment
//     goes. <key> is readme-<section> or doc-<rule>; a part may have its own
//     context, <key>.<label>.go (a second good part of a section:
//     <key>.good2.go). Contexts import what the fragment uses and declare
//     the identifiers it assumes (w, r, s, ctx, the authenticator types…);
//     packages that several contexts share live under
//     testdata/src/docs/. A labelled part without a context fails the test
//     (unlabelled blocks with no context, e.g. the flag examples, are
//     skipped).
//
// Findings are counted in the example's own package (its fragment and its
// context), not in the shared packages under testdata/src/docs, which hold
// the premise of an example (a consumer that takes the challenge from
// chain[0], for instance).

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/authchallenge/authchallenge/analyzer"
)

// docsKnownFailures lists the doc examples that fail today because of a
// model bug, by part ID (doc#key.labelN), with the reason. The test skips
// their check and fails if one of them starts to pass, so that this list is
// emptied as the models are fixed. Keep it empty otherwise.
var docsKnownFailures = map[string]string{}

// docPart is one labelled fragment of a Go example in the docs.
type docPart struct {
	Doc   string   // README.md or passes/<rule>/doc.md
	Key   string   // readme-<section> or doc-<rule>
	Rule  string   // the rule of the section; "" when the section names none
	Label string   // bad, good or "" (unlabelled)
	N     int      // 1 for the first part with this key and label, 2 for the second…
	Code  []string // the fragment, one line each, elisions blanked
	Lines []int    // the doc line of each line of Code
}

// ID names the part in messages and in docsKnownFailures.
func (p *docPart) ID() string {
	label := p.Label
	if label == "" {
		label = "example"
	}
	if p.N > 1 {
		label += fmt.Sprint(p.N)
	}
	return p.Doc + "#" + p.Key + "." + label
}

var (
	labelComment   = regexp.MustCompile(`(?i)^//\s*(bad|good)\b`)
	labelParagraph = regexp.MustCompile(`^(Bad|Good)\b.*:\s*$`)
	elision        = regexp.MustCompile(`^\s*(\.\.\.|…)\s*$`)
)

// readmeParts splits the ```go blocks of a Markdown file into parts.
func readmeParts(t *testing.T, doc string, rules []string) []*docPart {
	t.Helper()
	lines := readLines(t, doc)
	var parts []*docPart
	section := ""
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if strings.HasPrefix(line, "#") {
			section = slug(strings.TrimLeft(line, "# "))
			continue
		}
		if !strings.HasPrefix(line, "```go") {
			continue
		}
		rule := ""
		if slices.Contains(rules, section) {
			rule = section
		}
		var shared []int
		var cur *docPart
		var blockParts []*docPart
		for i++; i < len(lines) && strings.TrimSpace(lines[i]) != "```"; i++ {
			code := lines[i]
			if m := labelComment.FindStringSubmatch(strings.TrimSpace(code)); m != nil {
				cur = &docPart{Doc: doc, Key: "readme-" + section, Rule: rule, Label: strings.ToLower(m[1])}
				for _, j := range shared {
					cur.Code = append(cur.Code, codeLine(lines[j]))
					cur.Lines = append(cur.Lines, j+1)
				}
				blockParts = append(blockParts, cur)
				continue
			}
			if cur == nil {
				shared = append(shared, i)
				continue
			}
			cur.Code = append(cur.Code, codeLine(code))
			cur.Lines = append(cur.Lines, i+1)
		}
		if blockParts == nil { // unlabelled
			p := &docPart{Doc: doc, Key: "readme-" + section, Rule: rule}
			for _, j := range shared {
				p.Code = append(p.Code, codeLine(lines[j]))
				p.Lines = append(p.Lines, j+1)
			}
			blockParts = append(blockParts, p)
		}
		parts = append(parts, blockParts...)
	}
	return parts
}

// docMDParts reads the indented blocks of a rule's doc.md.
func docMDParts(t *testing.T, doc, rule string) []*docPart {
	t.Helper()
	lines := readLines(t, doc)
	var parts []*docPart
	label := ""
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		switch {
		case strings.TrimSpace(line) == "":
			continue
		case !strings.HasPrefix(line, "\t"):
			label = ""
			if m := labelParagraph.FindStringSubmatch(line); m != nil {
				label = strings.ToLower(m[1])
			}
			continue
		}
		p := &docPart{Doc: doc, Key: "doc-" + rule, Rule: rule, Label: label}
		for ; i < len(lines); i++ {
			l := lines[i]
			if strings.TrimSpace(l) != "" && !strings.HasPrefix(l, "\t") {
				break
			}
			p.Code = append(p.Code, codeLine(strings.TrimPrefix(l, "\t")))
			p.Lines = append(p.Lines, i+1)
		}
		i-- // the line that ended the block is read again by the outer loop
		for len(p.Code) > 0 && strings.TrimSpace(p.Code[len(p.Code)-1]) == "" {
			p.Code, p.Lines = p.Code[:len(p.Code)-1], p.Lines[:len(p.Lines)-1]
		}
		parts = append(parts, p)
		label = ""
	}
	return parts
}

// codeLine is a line of a fragment, with an elision blanked.
func codeLine(s string) string {
	if elision.MatchString(s) {
		return ""
	}
	return s
}

func slug(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = regexp.MustCompile(`[^a-z0-9]+`).ReplaceAllString(s, "-")
	return strings.Trim(s, "-")
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(filepath.Join("..", path))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}

// allDocParts reads README.md and every rule's doc.md, numbering the
// parts of each key and label.
func allDocParts(t *testing.T) []*docPart {
	t.Helper()
	var rules []string
	for _, a := range analyzer.Rules() {
		rules = append(rules, a.Name)
	}
	parts := readmeParts(t, "README.md", rules)
	for _, rule := range rules {
		parts = append(parts, docMDParts(t, filepath.ToSlash(filepath.Join("passes", rule, "doc.md")), rule)...)
	}
	seen := make(map[string]int)
	for _, p := range parts {
		k := p.Doc + "#" + p.Key + "." + p.Label
		seen[k]++
		p.N = seen[k]
	}
	// Every rule has a bad and a good example in the README and in its
	// doc: if the parsing stops seeing them, the test would prove nothing.
	for _, rule := range rules {
		for _, doc := range []string{"README.md", "passes/" + rule + "/doc.md"} {
			for _, label := range []string{"bad", "good"} {
				if !slices.ContainsFunc(parts, func(p *docPart) bool {
					return p.Doc == doc && p.Rule == rule && p.Label == label
				}) {
					t.Errorf("%s: no %s example of %s found (labels: `// %s` in a ```go block of the README section, %q before an indented block of doc.md)",
						doc, label, rule, label, strings.ToUpper(label[:1])+label[1:]+":")
				}
			}
		}
	}
	return parts
}

// contextFor returns the context file of a part, or "".
func contextFor(p *docPart) string {
	var names []string
	if p.Label != "" {
		if p.N > 1 {
			names = append(names, fmt.Sprintf("%s.%s%d.go", p.Key, p.Label, p.N))
		}
		names = append(names, p.Key+"."+p.Label+".go")
	}
	names = append(names, p.Key+".go")
	for _, n := range names {
		path := filepath.Join(testdataDir(), "docs", n)
		if _, err := os.Stat(path); err == nil {
			return path
		}
	}
	return ""
}

// example is a part compiled in its context.
type example struct {
	part   *docPart
	ctx    string // context file
	pkg    string // import path in the temporary GOPATH
	file   string // the example file
	splice int    // line of the example file where the fragment starts
}

// docLine maps a line of the example file to the doc, or 0 when it is in
// the context.
func (e *example) docLine(line int) int {
	if i := line - e.splice; i >= 0 && i < len(e.part.Lines) {
		return e.part.Lines[i]
	}
	return 0
}

func (e *example) where(line int) string {
	if dl := e.docLine(line); dl != 0 {
		return fmt.Sprintf("%s:%d", e.part.Doc, dl)
	}
	return fmt.Sprintf("%s:%d (context)", filepath.Join("testdata", "docs", filepath.Base(e.ctx)), line)
}

// build writes the example into gopath/src/docsexample/<n>/ and returns it.
func build(t *testing.T, gopath string, n int, p *docPart, ctx string) *example {
	t.Helper()
	data, err := os.ReadFile(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	splice := 0
	for _, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) != "//docs:example" {
			out = append(out, line)
			continue
		}
		if splice != 0 {
			t.Fatalf("%s: two //docs:example lines", ctx)
		}
		indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
		splice = len(out) + 1
		for _, c := range dedent(p.Code) {
			if strings.TrimSpace(c) == "" {
				out = append(out, "")
				continue
			}
			out = append(out, indent+c)
		}
	}
	if splice == 0 {
		t.Fatalf("%s: no //docs:example line", ctx)
	}
	e := &example{part: p, ctx: ctx, pkg: fmt.Sprintf("docsexample/e%02d", n), splice: splice}
	dir := filepath.Join(gopath, "src", filepath.FromSlash(e.pkg))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	e.file = filepath.Join(dir, "example.go")
	if err := os.WriteFile(e.file, []byte(strings.Join(out, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	return e
}

// dedent removes the indentation common to the non-blank lines.
func dedent(lines []string) []string {
	common := ""
	first := true
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		ind := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
		if first || !strings.HasPrefix(ind, common) {
			if first {
				common = ind
			} else {
				for !strings.HasPrefix(ind, common) {
					common = common[:len(common)-1]
				}
			}
			first = false
		}
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.TrimPrefix(l, common)
	}
	return out
}

// TestDocsExamples compiles every labelled example of the docs in its
// context and runs the whole suite on it: a good example must produce no
// finding at all, a bad one the finding of its rule.
func TestDocsExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the standard library from source")
	}
	t.Parallel() // loading from source waits on go list: overlap it with the other slow tests
	parts := allDocParts(t)
	gopath := t.TempDir()
	var examples []*example
	var paths []string
	for _, p := range parts {
		ctx := contextFor(p)
		if ctx == "" {
			if p.Label == "" {
				t.Logf("%s:%d: unlabelled block without a context, skipped", p.Doc, p.Lines[0])
				continue
			}
			t.Errorf("%s:%d: %s example (%s) has no context: write testdata/docs/%s.go, a Go file with a //docs:example line where the fragment goes",
				p.Doc, p.Lines[0], p.Label, p.ID(), p.Key)
			continue
		}
		e := build(t, gopath, len(examples), p, ctx)
		examples = append(examples, e)
		paths = append(paths, e.pkg)
	}
	if len(examples) == 0 {
		t.Fatal("no examples")
	}
	pkgs, _ := loadAll(t, gopath, gopathEnv(gopath, testdataDir()), paths...)
	byPath := make(map[string]*example)
	for _, e := range examples {
		byPath[e.pkg] = e
	}
	var ok []*example
	failed := make(map[*example][]string)
	var good = pkgs[:0:0]
	for _, pkg := range pkgs {
		e := byPath[pkg.PkgPath]
		if e == nil {
			t.Errorf("loaded an unexpected package %s", pkg.PkgPath)
			continue
		}
		if len(pkg.Errors) > 0 || pkg.IllTyped {
			for _, err := range pkg.Errors {
				msg := err.Msg
				if pos := err.Pos; pos != "" {
					var line, col int
					var file string
					if n, _ := fmt.Sscanf(strings.Replace(pos, ":", " ", -1), "%s %d %d", &file, &line, &col); n >= 2 && file == e.file {
						msg = fmt.Sprintf("%s: %s", e.where(line), err.Msg)
					} else {
						msg = fmt.Sprintf("%s: %s", pos, err.Msg)
					}
				}
				failed[e] = append(failed[e], "does not compile: "+msg)
			}
			continue
		}
		good = append(good, pkg)
		ok = append(ok, e)
	}
	hits := analyze(t, good, nil)
	got := make(map[*example][]hit)
	for _, h := range hits {
		if e := byPath[h.Pkg]; e != nil {
			got[e] = append(got[e], h)
		}
	}
	for _, e := range ok {
		p := e.part
		var rules []string
		var lines []string
		for _, h := range got[e] {
			rules = append(rules, h.Rule)
			lines = append(lines, fmt.Sprintf("%s: %s (%s)", e.where(h.Posn.Line), h.Message, h.Rule))
		}
		switch p.Label {
		case "bad":
			if p.Rule == "" {
				failed[e] = append(failed[e], "a bad example in a section that names no rule")
			} else if !slices.Contains(rules, p.Rule) {
				failed[e] = append(failed[e], fmt.Sprintf("bad example does not produce %s; findings: %v", p.Rule, lines))
			} else {
				t.Logf("%s: %s", p.ID(), strings.Join(lines, "; "))
			}
		default: // good, and unlabelled examples given a context
			if len(lines) > 0 {
				failed[e] = append(failed[e], "example the docs call good produces findings:\n\t"+strings.Join(lines, "\n\t"))
			}
		}
	}
	var ids []string
	for _, e := range examples {
		ids = append(ids, e.part.ID())
		reason, known := docsKnownFailures[e.part.ID()]
		msgs := failed[e]
		switch {
		case known && len(msgs) == 0:
			t.Errorf("%s passes now: remove it from docsKnownFailures (%s)", e.part.ID(), reason)
		case known:
			t.Logf("known failure %s (%s):\n%s", e.part.ID(), reason, strings.Join(msgs, "\n"))
		case len(msgs) > 0:
			t.Errorf("%s (%s:%d, context %s):\n%s", e.part.ID(), e.part.Doc, e.part.Lines[0],
				filepath.Base(e.ctx), strings.Join(msgs, "\n"))
		}
	}
	for id := range docsKnownFailures {
		if !slices.Contains(ids, id) {
			t.Errorf("docsKnownFailures names %s, which is no example", id)
		}
	}
	sort.Strings(ids)
	t.Logf("%d examples: %s", len(ids), strings.Join(ids, ", "))
}
