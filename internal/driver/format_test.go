package driver

import (
	"encoding/json"
	"go/ast"
	"go/token"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// The SARIF 2.1.0 shape the driver must produce, decoded strictly (no
// unknown fields): what the specification requires, and what code
// scanning services read.
type (
	sarifLogT struct {
		Schema  string      `json:"$schema"`
		Version string      `json:"version"`
		Runs    []sarifRunT `json:"runs"`
	}
	sarifRunT struct {
		Tool struct {
			Driver struct {
				Name           string       `json:"name"`
				InformationURI string       `json:"informationUri"`
				Version        string       `json:"version"`
				Rules          []sarifRuleT `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Invocations []struct {
			ExecutionSuccessful        bool `json:"executionSuccessful"`
			ToolExecutionNotifications []struct {
				Level     string           `json:"level"`
				Message   sarifTextT       `json:"message"`
				Locations []sarifLocationT `json:"locations"`
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
		OriginalURIBaseIDs map[string]sarifArtifactT `json:"originalUriBaseIds"`
		ColumnKind         string                    `json:"columnKind"`
		Results            []sarifResultT            `json:"results"`
	}
	sarifTextT struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown"`
	}
	sarifRuleT struct {
		ID                   string     `json:"id"`
		Name                 string     `json:"name"`
		ShortDescription     sarifTextT `json:"shortDescription"`
		FullDescription      sarifTextT `json:"fullDescription"`
		Help                 sarifTextT `json:"help"`
		HelpURI              string     `json:"helpUri"`
		DefaultConfiguration struct {
			Level string `json:"level"`
		} `json:"defaultConfiguration"`
	}
	sarifArtifactT struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId"`
	}
	sarifRegionT struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
		EndLine     int `json:"endLine"`
		EndColumn   int `json:"endColumn"`
	}
	sarifLocationT struct {
		ID               int `json:"id"`
		PhysicalLocation struct {
			ArtifactLocation sarifArtifactT `json:"artifactLocation"`
			Region           *sarifRegionT  `json:"region"`
		} `json:"physicalLocation"`
		Message *sarifTextT `json:"message"`
	}
	sarifResultT struct {
		RuleID           string           `json:"ruleId"`
		RuleIndex        int              `json:"ruleIndex"`
		Level            string           `json:"level"`
		Message          sarifTextT       `json:"message"`
		Locations        []sarifLocationT `json:"locations"`
		RelatedLocations []sarifLocationT `json:"relatedLocations"`
		Fixes            []struct {
			Description     *sarifTextT `json:"description"`
			ArtifactChanges []struct {
				ArtifactLocation sarifArtifactT `json:"artifactLocation"`
				Replacements     []struct {
					DeletedRegion   sarifRegionT `json:"deletedRegion"`
					InsertedContent *struct {
						Text string `json:"text"`
					} `json:"insertedContent"`
				} `json:"replacements"`
			} `json:"artifactChanges"`
		} `json:"fixes"`
	}
)

// parseSARIF decodes the -format sarif output strictly and checks what the
// specification requires of every log, run, rule and result.
func parseSARIF(t *testing.T, s string) sarifLogT {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(s))
	dec.DisallowUnknownFields()
	var log sarifLogT
	if err := dec.Decode(&log); err != nil {
		t.Fatalf("bad SARIF: %v\n%s", err, s)
	}
	if dec.More() {
		t.Fatalf("trailing data after the SARIF log:\n%s", s)
	}
	if log.Schema != "https://json.schemastore.org/sarif-2.1.0.json" || log.Version != "2.1.0" {
		t.Errorf("$schema, version = %q, %q", log.Schema, log.Version)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("want one run, got %d", len(log.Runs))
	}
	run := log.Runs[0]
	d := run.Tool.Driver
	if d.Name != "authchallenge" || d.InformationURI == "" || d.Version != Version() {
		t.Errorf("tool.driver = %+v", d)
	}
	if run.ColumnKind != "utf16CodeUnits" {
		t.Errorf("columnKind = %q", run.ColumnKind)
	}
	if root, ok := run.OriginalURIBaseIDs["%SRCROOT%"]; !ok || !strings.HasPrefix(root.URI, "file:///") || !strings.HasSuffix(root.URI, "/") {
		t.Errorf("originalUriBaseIds = %+v, want %%SRCROOT%% as a file: URI ending in /", run.OriginalURIBaseIDs)
	}
	ids := make(map[string]bool)
	for _, r := range d.Rules {
		if r.ID == "" || ids[r.ID] || r.Name != r.ID || r.ShortDescription.Text == "" || r.FullDescription.Text == "" ||
			r.Help.Text == "" || r.Help.Markdown != r.Help.Text || r.DefaultConfiguration.Level != "warning" {
			t.Errorf("bad rule descriptor %+v", r)
		}
		ids[r.ID] = true
	}
	if run.Results == nil {
		t.Errorf("results is absent or null: want an array")
	}
	checkLocation := func(where string, l sarifLocationT) {
		t.Helper()
		a := l.PhysicalLocation.ArtifactLocation
		if a.URI == "" || strings.Contains(a.URI, `\`) {
			t.Errorf("%s: bad uri %q", where, a.URI)
		}
		if a.URIBaseID != "" && a.URIBaseID != "%SRCROOT%" {
			t.Errorf("%s: uriBaseId %q", where, a.URIBaseID)
		}
		if u, err := url.Parse(a.URI); err != nil || (a.URIBaseID == "%SRCROOT%") == u.IsAbs() {
			t.Errorf("%s: uri %q with uriBaseId %q: want a relative reference with it, an absolute URI without", where, a.URI, a.URIBaseID)
		}
		r := l.PhysicalLocation.Region
		if r == nil || r.StartLine < 1 || r.StartColumn < 1 || r.EndLine < r.StartLine || (r.EndLine == r.StartLine && r.EndColumn < r.StartColumn) {
			t.Errorf("%s: bad region %+v", where, r)
		}
	}
	for i, res := range run.Results {
		if res.RuleID == "" || !ids[res.RuleID] || res.RuleIndex < 0 || res.RuleIndex >= len(d.Rules) || d.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %d: ruleId %q, ruleIndex %d do not name a rule descriptor", i, res.RuleID, res.RuleIndex)
		}
		if res.Level != "warning" || res.Message.Text == "" || len(res.Locations) != 1 {
			t.Errorf("result %d: level %q, message %q, %d locations", i, res.Level, res.Message.Text, len(res.Locations))
		}
		for _, l := range res.Locations {
			checkLocation("location", l)
		}
		seen := make(map[int]bool)
		for _, l := range res.RelatedLocations {
			checkLocation("related location", l)
			if l.ID < 0 || seen[l.ID] || l.Message == nil || l.Message.Text == "" {
				t.Errorf("related location: id %d (unique, non-negative), message %v", l.ID, l.Message)
			}
			seen[l.ID] = true
		}
		for _, fix := range res.Fixes {
			if len(fix.ArtifactChanges) == 0 {
				t.Errorf("result %d: a fix without artifactChanges", i)
			}
			for _, ch := range fix.ArtifactChanges {
				if ch.ArtifactLocation.URI == "" || len(ch.Replacements) == 0 {
					t.Errorf("result %d: bad artifactChange %+v", i, ch)
				}
				for _, rep := range ch.Replacements {
					if r := rep.DeletedRegion; r.StartLine < 1 || r.StartColumn < 1 || r.EndLine < r.StartLine {
						t.Errorf("result %d: bad deletedRegion %+v", i, r)
					}
				}
			}
		}
	}
	return log
}

// applySARIFFix applies the replacements of a fix to src (one file; ASCII
// lines, so that UTF-16 columns are byte columns).
func applySARIFFix(t *testing.T, src string, res sarifResultT) string {
	t.Helper()
	lines := splitLines(src)
	offset := func(line, col int) int {
		n := 0
		for _, l := range lines[:line-1] {
			n += len(l)
		}
		return n + col - 1
	}
	out := src
	reps := res.Fixes[0].ArtifactChanges[0].Replacements
	for i := len(reps) - 1; i >= 0; i-- { // from the end: offsets stay valid
		r := reps[i]
		start, end := offset(r.DeletedRegion.StartLine, r.DeletedRegion.StartColumn), offset(r.DeletedRegion.EndLine, r.DeletedRegion.EndColumn)
		ins := ""
		if r.InsertedContent != nil {
			ins = r.InsertedContent.Text
		}
		out = out[:start] + ins + out[end:]
	}
	return out
}

func TestSARIF(t *testing.T) {
	dir := module(t, map[string]string{"a.go": unchallenged, "b.go": strings.Replace(challenged, "func H(", "func OK(", 1)})
	args := []string{"-format", "sarif"}
	code, stdout, stderr := run(t, dir, rules(), args...)
	checkCode(t, args, code, ExitFindings, stdout, stderr)
	log := parseSARIF(t, stdout)
	lr := log.Runs[0]
	var ruleIDs []string
	for _, a := range rules() {
		ruleIDs = append(ruleIDs, a.Name)
	}
	var got []string
	for i, r := range lr.Tool.Driver.Rules {
		got = append(got, r.ID)
		a := rules()[i]
		if r.ShortDescription.Text != firstLine(a.Doc) || r.FullDescription.Text != a.Doc || r.Help.Markdown != a.Doc || r.HelpURI != a.URL || r.HelpURI == "" {
			t.Errorf("rule %s: descriptor does not carry the rule's documentation: %+v", a.Name, r)
		}
		if strings.Contains(r.ShortDescription.Text, "\n") || strings.HasPrefix(r.ShortDescription.Text, a.Name+":") {
			t.Errorf("rule %s: shortDescription %q", a.Name, r.ShortDescription.Text)
		}
	}
	if !slices.Equal(got, ruleIDs) {
		t.Errorf("rules = %q, want one per rule: %q", got, ruleIDs)
	}
	if len(lr.Results) != 1 {
		t.Fatalf("want one result, got %d", len(lr.Results))
	}
	res := lr.Results[0]
	l := res.Locations[0].PhysicalLocation
	if res.RuleID != "nochallenge" || l.ArtifactLocation != (sarifArtifactT{"a.go", "%SRCROOT%"}) ||
		*l.Region != (sarifRegionT{6, 2, 6, 40}) || !strings.HasPrefix(res.Message.Text, "401 response without a WWW-Authenticate challenge") {
		t.Errorf("result = %+v, location %+v %+v", res, l.ArtifactLocation, *l.Region)
	}
	if len(res.RelatedLocations) != 0 || len(res.Fixes) != 0 {
		t.Errorf("unexpected related locations or fixes: %+v", res)
	}
	// The text report agrees.
	code, text, _ := run(t, dir, rules())
	checkCode(t, nil, code, ExitFindings, text, "")
	if want := "a.go:6:2: " + res.Message.Text + " (nochallenge)\n"; text != want {
		t.Errorf("text report %q, want %q", text, want)
	}

	// No findings: a valid log with an empty results array.
	clean := module(t, map[string]string{"a.go": challenged})
	code, stdout, stderr = run(t, clean, rules(), args...)
	checkCode(t, args, code, ExitClean, stdout, stderr)
	if log := parseSARIF(t, stdout); len(log.Runs[0].Results) != 0 || !strings.Contains(stdout, `"results": []`) {
		t.Errorf("clean package: want an empty results array:\n%s", stdout)
	}
}

func TestSARIFFixAndRelated(t *testing.T) {
	dir := module(t, map[string]string{"sub/a.go": strings.Replace(literal, "package x", "package sub", 1)})
	args := []string{"-format=sarif"}
	code, stdout, stderr := run(t, dir, []*analysis.Analyzer{fixme("fixme")}, args...)
	checkCode(t, args, code, ExitFindings, stdout, stderr)
	res := parseSARIF(t, stdout).Runs[0].Results
	if len(res) != 1 {
		t.Fatalf("want one result:\n%s", stdout)
	}
	r := res[0]
	loc := r.Locations[0].PhysicalLocation
	// No End: an empty region at the position (forward slashes, relative to
	// the working directory).
	if loc.ArtifactLocation != (sarifArtifactT{"sub/a.go", "%SRCROOT%"}) || *loc.Region != (sarifRegionT{7, 16, 7, 16}) {
		t.Errorf("location = %+v %+v", loc.ArtifactLocation, *loc.Region)
	}
	if len(r.RelatedLocations) != 1 {
		t.Fatalf("related locations = %+v", r.RelatedLocations)
	}
	rel := r.RelatedLocations[0]
	if rel.Message.Text != "the literal" || rel.PhysicalLocation.ArtifactLocation.URI != "sub/a.go" || *rel.PhysicalLocation.Region != (sarifRegionT{7, 16, 7, 16}) {
		t.Errorf("related location = %+v", rel)
	}
	if len(r.Fixes) != 1 || len(r.Fixes[0].ArtifactChanges) != 1 || len(r.Fixes[0].ArtifactChanges[0].Replacements) != 1 {
		t.Fatalf("fixes = %+v", r.Fixes)
	}
	fix := r.Fixes[0]
	ch := fix.ArtifactChanges[0]
	if fix.Description == nil || fix.Description.Text != "use http.StatusUnauthorized" || ch.ArtifactLocation.URI != "sub/a.go" ||
		ch.Replacements[0].DeletedRegion != (sarifRegionT{7, 16, 7, 19}) || ch.Replacements[0].InsertedContent.Text != "http.StatusUnauthorized" {
		t.Errorf("fix = %+v", fix)
	}
	if got, want := applySARIFFix(t, literal, r), literalFixed; got != want {
		t.Errorf("applying the SARIF fix gives:\n%s\nwant:\n%s", got, want)
	}

	// -fix prints what it could not fix in the format: nothing here.
	args = []string{"-fix", "-format=sarif"}
	code, stdout, stderr = run(t, dir, []*analysis.Analyzer{fixme("fixme")}, args...)
	checkCode(t, args, code, ExitClean, stdout, stderr)
	if log := parseSARIF(t, stdout); len(log.Runs[0].Results) != 0 {
		t.Errorf("-fix -format=sarif: want no results left:\n%s", stdout)
	}
	if got := readFile(t, filepath.Join(dir, "sub", "a.go")); got != strings.Replace(literalFixed, "package x", "package sub", 1) {
		t.Errorf("-fix -format=sarif wrote:\n%s", got)
	}
}

// Columns in SARIF count UTF-16 code units; Go counts bytes.
func TestSARIFColumns(t *testing.T) {
	src := strings.Replace(literal, "\tw.WriteHeader(401)\n", "\t_ = \"é😀\"; w.WriteHeader(401)\n", 1)
	dir := module(t, map[string]string{"a.go": src})
	code, stdout, stderr := run(t, dir, []*analysis.Analyzer{fixme("fixme")}, "-format", "sarif")
	checkCode(t, nil, code, ExitFindings, stdout, stderr)
	res := parseSARIF(t, stdout).Runs[0].Results
	// Byte column 30 (tab, `_ = "`, é: 2 bytes, 😀: 4, `"; w.WriteHeader(`);
	// UTF-16: é is 1 unit, 😀 2.
	if len(res) != 1 || *res[0].Locations[0].PhysicalLocation.Region != (sarifRegionT{7, 27, 7, 27}) {
		t.Fatalf("want one result at 7:27 (UTF-16):\n%s", stdout)
	}
	if got := res[0].Fixes[0].ArtifactChanges[0].Replacements[0].DeletedRegion; got != (sarifRegionT{7, 27, 7, 30}) {
		t.Errorf("deletedRegion = %+v, want 7:27-7:30", got)
	}
	// The text report keeps Go's byte columns.
	code, stdout, _ = run(t, dir, []*analysis.Analyzer{fixme("fixme")})
	checkCode(t, nil, code, ExitFindings, stdout, "")
	if stdout != "a.go:7:30: literal 401 (fixme)\n" {
		t.Errorf("text report = %q", stdout)
	}
}

func TestUTF16Column(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]int{"": 0, "abc": 3, "é": 1, "😀": 2, "\t日本": 3, "\xff\xfe": 2} {
		if got := utf16Column([]byte(in)); got != want {
			t.Errorf("utf16Column(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestFileURI(t *testing.T) {
	t.Parallel()
	if got := fileURI("/a b/c.go"); got != "file:///a%20b/c.go" {
		t.Errorf("fileURI = %q", got)
	}
}

// say reports every literal 401 with msg, and related information at the
// enclosing function.
func say(name, msg string) *analysis.Analyzer {
	a := &analysis.Analyzer{Name: name, Doc: name + ": say something"}
	a.Run = func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			var fn *ast.FuncDecl
			ast.Inspect(f, func(n ast.Node) bool {
				if fd, ok := n.(*ast.FuncDecl); ok {
					fn = fd
				}
				if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.INT && lit.Value == "401" {
					pass.Report(analysis.Diagnostic{Pos: lit.Pos(), End: lit.End(), Message: msg,
						Related: []analysis.RelatedInformation{{Pos: fn.Name.Pos(), Message: "in here"}}})
				}
				return true
			})
		}
		return nil, nil
	}
	return a
}

func TestGitHub(t *testing.T) {
	dir := module(t, map[string]string{"a.go": unchallenged, "b.go": strings.Replace(challenged, "func H(", "func OK(", 1)})
	args := []string{"-format", "github"}
	code, stdout, stderr := run(t, dir, rules(), args...)
	checkCode(t, args, code, ExitFindings, stdout, stderr)
	l := lines(stdout)
	if len(l) != 1 || !strings.HasPrefix(l[0], "::warning file=a.go,line=6,col=2,endLine=6,endColumn=40,title=nochallenge::401 response without a WWW-Authenticate challenge") {
		t.Errorf("-format github printed:\n%s", stdout)
	}
	// The message is escaped (and carries the related information); the
	// properties too.
	dir = module(t, map[string]string{"sub/we,ird.go": strings.Replace(literal, "package x", "package sub", 1)})
	code, stdout, stderr = run(t, dir, []*analysis.Analyzer{say("say", "100% wrong:\r\nsee, here")}, args...)
	checkCode(t, args, code, ExitFindings, stdout, stderr)
	want := "::warning file=sub/we%2Cird.go,line=7,col=16,endLine=7,endColumn=19,title=say::100%25 wrong:%0D%0Asee, here%0Asub/we,ird.go:5:6: in here\n"
	if stdout != want {
		t.Errorf("-format github printed\n%q\nwant\n%q", stdout, want)
	}
	// No findings: nothing.
	clean := module(t, map[string]string{"a.go": challenged})
	code, stdout, stderr = run(t, clean, rules(), args...)
	checkCode(t, args, code, ExitClean, stdout, stderr)
	if stdout != "" || stderr != "" {
		t.Errorf("clean package: stdout %q stderr %q", stdout, stderr)
	}
}

func TestEscape(t *testing.T) {
	t.Parallel()
	if got, want := escapeData("a%b\rc\nd:e,f"), "a%25b%0Dc%0Ad:e,f"; got != want {
		t.Errorf("escapeData = %q, want %q", got, want)
	}
	if got, want := escapeProperty("a%b\rc\nd:e,f"), "a%25b%0Dc%0Ad%3Ae%2Cf"; got != want {
		t.Errorf("escapeProperty = %q, want %q", got, want)
	}
	// % first: no double escaping.
	if got, want := escapeProperty("%3A:"), "%253A%3A"; got != want {
		t.Errorf("escapeProperty = %q, want %q", got, want)
	}
}

// Every format exits as the text report does: 3 with findings (0 without:
// see TestJSON, TestSARIF, TestGitHub); -json is -format json.
func TestFormats(t *testing.T) {
	dir := module(t, map[string]string{"a.go": unchallenged})
	outputs := make(map[string]string)
	for _, args := range [][]string{{"-format=text"}, {"-format=json"}, {"-json"}, {"-json", "-format=json"}, {"-format=sarif"}, {"-format=github"}} {
		code, stdout, stderr := run(t, dir, rules(), args...)
		checkCode(t, args, code, ExitFindings, stdout, stderr)
		if stdout == "" || stderr != "" {
			t.Errorf("%q: stdout %q stderr %q", args, stdout, stderr)
		}
		outputs[strings.Join(args, " ")] = stdout
	}
	if j := outputs["-format=json"]; outputs["-json"] != j || outputs["-json -format=json"] != j {
		t.Errorf("-json and -format json differ:\n%s\n%s", outputs["-json"], j)
	}
	for _, args := range [][]string{{"-format=xml"}, {"-format"}, {"-json", "-format=sarif"}, {"-format=github", "-json"}} {
		code, stdout, stderr := run(t, dir, rules(), args...)
		checkCode(t, args, code, ExitUsage, stdout, stderr)
		if stdout != "" || !strings.Contains(stderr, "Usage:") {
			t.Errorf("%q: stdout %q, stderr without usage:\n%s", args, stdout, stderr)
		}
	}
	// Every rule switched off: the machine formats still print a document.
	off := []string{"-format=sarif"}
	for _, a := range rules() {
		off = append(off, "-"+a.Name+"=false")
	}
	code, stdout, stderr := run(t, dir, rules(), off...)
	checkCode(t, off, code, ExitClean, stdout, stderr)
	if log := parseSARIF(t, stdout); len(log.Runs[0].Results) != 0 {
		t.Errorf("no rules: want no results:\n%s", stdout)
	}
}

func TestHelpDescribesFormats(t *testing.T) {
	dir := module(t, map[string]string{"a.go": challenged})
	code, stdout, stderr := run(t, dir, rules(), "-help")
	checkCode(t, []string{"-help"}, code, ExitClean, stdout, stderr)
	for _, want := range []string{"-format FORMAT", "text", "json", "sarif", "SARIF 2.1.0", "github", "GitHub Actions",
		"(default text)", "-json", "same as -format json", "-explain RULE", "-inventory", "authchallenge -explain RULE", "authchallenge -inventory"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("usage lacks %q:\n%s", want, stderr)
		}
	}
}
