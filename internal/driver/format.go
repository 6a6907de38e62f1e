package driver

import (
	"bytes"
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"go/token"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
)

// Output formats (-format).
const (
	formatText   = "text"   // file:line:col: message (rule)
	formatJSON   = "json"   // the go/analysis JSON shape
	formatSARIF  = "sarif"  // SARIF 2.1.0
	formatGitHub = "github" // GitHub Actions workflow commands
)

var formats = []string{formatText, formatJSON, formatSARIF, formatGitHub}

// formatValue is the value of -format: one of formats.
type formatValue string

func (f *formatValue) String() string { return string(*f) }

func (f *formatValue) Set(s string) error {
	if !slices.Contains(formats, s) {
		return fmt.Errorf("unknown format %q (want %s)", s, strings.Join(formats, ", "))
	}
	*f = formatValue(s)
	return nil
}

// isSet reports whether the flag name was given on the command line.
func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// resolveFormat folds -json into -format and rejects the combinations that
// make no sense.
func resolveFormat(fs *flag.FlagSet, format *formatValue, jsonOut, inventory, fix bool) error {
	if jsonOut {
		if isSet(fs, "format") && *format != formatJSON {
			return fmt.Errorf("-json is -format json: it cannot be combined with -format %s", *format)
		}
		*format = formatJSON
	}
	if inventory {
		if *format != formatText && *format != formatJSON {
			return fmt.Errorf("-inventory prints text or json, not %s", *format)
		}
		if fix {
			return fmt.Errorf("-inventory cannot be combined with -fix")
		}
	}
	return nil
}

// printFindings prints the findings in format; rules are all the rules the
// driver knows (the SARIF rule descriptors). The load errors, printed on
// standard error in every format, are also part of the SARIF log (as
// notifications of a failed invocation) and of the GitHub annotations.
func printFindings(w io.Writer, format formatValue, findings []finding, rules []*analysis.Analyzer, report *loadReport) {
	switch format {
	case formatJSON:
		printJSON(w, findings)
	case formatSARIF:
		printSARIF(w, findings, rules, report)
	case formatGitHub:
		printGitHubErrors(w, report)
		printGitHub(w, findings)
	default:
		printText(w, findings)
	}
}

// slashRel returns filename relative to the working directory with forward
// slashes, and whether it lies below the working directory.
func slashRel(filename string) (string, bool) {
	wd, err := os.Getwd()
	if err != nil || !filepath.IsAbs(filename) {
		return filepath.ToSlash(filename), !filepath.IsAbs(filename)
	}
	rel, err := filepath.Rel(wd, filename)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(filename), false
	}
	return filepath.ToSlash(rel), true
}

// GitHub Actions workflow commands (::warning file=…,line=…::message).

// escapeData escapes the message of a workflow command.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a property value of a workflow command.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// printGitHubErrors prints one ::error command per load error.
func printGitHubErrors(w io.Writer, report *loadReport) {
	if report == nil {
		return
	}
	for _, e := range report.errors {
		var props []string
		if e.File != "" {
			file, _ := slashRel(e.File)
			props = append(props, "file="+escapeProperty(file))
			if e.Line > 0 {
				props = append(props, "line="+strconv.Itoa(e.Line))
			}
			if e.Col > 0 {
				props = append(props, "col="+strconv.Itoa(e.Col))
			}
		}
		props = append(props, "title=load error")
		fmt.Fprintf(w, "::error %s::%s\n", strings.Join(props, ","), escapeData(e.Msg))
	}
	if line := report.skippedMsg(); line != "" {
		fmt.Fprintf(w, "::error title=load error::%s\n", escapeData(line))
	}
}

// printGitHub prints one ::warning command per finding; its related
// information follows the message on lines of their own.
func printGitHub(w io.Writer, findings []finding) {
	for _, f := range findings {
		file, _ := slashRel(f.posn.Filename)
		props := []string{"file=" + escapeProperty(file), "line=" + strconv.Itoa(f.posn.Line)}
		if f.posn.Column > 0 {
			props = append(props, "col="+strconv.Itoa(f.posn.Column))
		}
		if f.diag.End.IsValid() {
			if end := f.pkg.Fset.Position(f.diag.End); end.Filename == f.posn.Filename && end.Line > 0 {
				props = append(props, "endLine="+strconv.Itoa(end.Line))
				if end.Column > 0 {
					props = append(props, "endColumn="+strconv.Itoa(end.Column))
				}
			}
		}
		props = append(props, "title="+escapeProperty(f.analyzer.Name))
		msg := f.diag.Message
		for _, r := range f.diag.Related {
			if !r.Pos.IsValid() {
				continue
			}
			msg += "\n" + relPath(f.pkg.Fset.Position(r.Pos).String()) + ": " + r.Message
		}
		fmt.Fprintf(w, "::warning %s::%s\n", strings.Join(props, ","), escapeData(msg))
	}
}

// SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html).

const (
	sarifSchema    = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion   = "2.1.0"
	sarifSrcRoot   = "%SRCROOT%"
	informationURI = "https://github.com/authchallenge/authchallenge"
)

type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool               sarifTool                        `json:"tool"`
		Invocations        []sarifInvocation                `json:"invocations"`
		OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds,omitempty"`
		ColumnKind         string                           `json:"columnKind"`
		Results            []sarifResult                    `json:"results"`
	}
	// sarifInvocation says whether the run analysed everything; the load
	// errors are its notifications.
	sarifInvocation struct {
		ExecutionSuccessful        bool                `json:"executionSuccessful"`
		ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	}
	sarifNotification struct {
		Level     string          `json:"level"`
		Message   sarifMessage    `json:"message"`
		Locations []sarifLocation `json:"locations,omitempty"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		InformationURI string      `json:"informationUri"`
		Version        string      `json:"version"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string            `json:"id"`
		Name                 string            `json:"name"`
		ShortDescription     sarifMessage      `json:"shortDescription"`
		FullDescription      sarifMessage      `json:"fullDescription"`
		Help                 sarifMessage      `json:"help"`
		HelpURI              string            `json:"helpUri,omitempty"`
		DefaultConfiguration sarifRuleDefaults `json:"defaultConfiguration"`
	}
	sarifRuleDefaults struct {
		Level string `json:"level"`
	}
	// sarifMessage is a message or a multiformatMessageString.
	sarifMessage struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}
	sarifResult struct {
		RuleID           string          `json:"ruleId"`
		RuleIndex        int             `json:"ruleIndex"`
		Level            string          `json:"level"`
		Message          sarifMessage    `json:"message"`
		Locations        []sarifLocation `json:"locations"`
		RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
		Fixes            []sarifFix      `json:"fixes,omitempty"`
	}
	sarifLocation struct {
		ID               int                   `json:"id,omitempty"` // related locations count from 1
		PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
		Message          *sarifMessage         `json:"message,omitempty"`
	}
	sarifPhysicalLocation struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Region           *sarifRegion          `json:"region,omitempty"`
	}
	sarifArtifactLocation struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	// sarifRegion is a text region; columns count UTF-16 code units
	// (the run's columnKind), from 1. An empty region (endColumn ==
	// startColumn) is an insertion point.
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
		EndLine     int `json:"endLine,omitempty"`
		EndColumn   int `json:"endColumn,omitempty"`
	}
	sarifFix struct {
		Description     *sarifMessage         `json:"description,omitempty"`
		ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	}
	sarifArtifactChange struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Replacements     []sarifReplacement    `json:"replacements"`
	}
	sarifReplacement struct {
		DeletedRegion   sarifRegion   `json:"deletedRegion"`
		InsertedContent *sarifContent `json:"insertedContent,omitempty"`
	}
	sarifContent struct {
		Text string `json:"text"`
	}
)

// sarifRules describes every rule, in the driver's order.
func sarifRules(rules []*analysis.Analyzer) []sarifRule {
	out := make([]sarifRule, 0, len(rules))
	for _, a := range rules {
		out = append(out, sarifRule{
			ID:                   a.Name,
			Name:                 a.Name,
			ShortDescription:     sarifMessage{Text: firstLine(a.Doc)},
			FullDescription:      sarifMessage{Text: a.Doc, Markdown: a.Doc},
			Help:                 sarifMessage{Text: a.Doc, Markdown: a.Doc},
			HelpURI:              a.URL,
			DefaultConfiguration: sarifRuleDefaults{Level: "warning"},
		})
	}
	return out
}

func printSARIF(w io.Writer, findings []finding, rules []*analysis.Analyzer, report *loadReport) {
	index := make(map[*analysis.Analyzer]int)
	for i, a := range rules {
		index[a] = i
	}
	cols := newColumns()
	run := sarifRun{
		Tool:       sarifTool{sarifDriver{Name: "authchallenge", InformationURI: informationURI, Version: Version(), Rules: sarifRules(rules)}},
		ColumnKind: "utf16CodeUnits",
		Results:    []sarifResult{},
	}
	run.Invocations = []sarifInvocation{sarifNotifications(cols, report)}
	if wd, err := os.Getwd(); err == nil {
		run.OriginalURIBaseIDs = map[string]sarifArtifactLocation{sarifSrcRoot: {URI: fileURI(wd) + "/"}}
	}
	for _, f := range findings {
		fset := f.pkg.Fset
		res := sarifResult{
			RuleID:    f.analyzer.Name,
			RuleIndex: index[f.analyzer],
			Level:     "warning",
			Message:   sarifMessage{Text: f.diag.Message},
			Locations: []sarifLocation{{PhysicalLocation: cols.location(f.posn, fset.Position(cmp.Or(f.diag.End, f.diag.Pos)))}},
		}
		if _, ok := index[f.analyzer]; !ok {
			res.RuleIndex = -1 // not one of the driver's rules (cannot happen)
		}
		for _, r := range f.diag.Related {
			if !r.Pos.IsValid() {
				continue
			}
			res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
				ID:               len(res.RelatedLocations) + 1,
				PhysicalLocation: cols.location(fset.Position(r.Pos), fset.Position(cmp.Or(r.End, r.Pos))),
				Message:          &sarifMessage{Text: r.Message},
			})
		}
		for _, fix := range f.diag.SuggestedFixes {
			if sf, ok := cols.fix(f, fix); ok {
				res.Fixes = append(res.Fixes, sf)
			}
		}
		run.Results = append(run.Results, res)
	}
	data, _ := json.MarshalIndent(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}}, "", "  ")
	fmt.Fprintf(w, "%s\n", data)
}

// sarifNotifications turns the load errors into the notifications of an
// unsuccessful invocation.
func sarifNotifications(cols *columns, report *loadReport) sarifInvocation {
	inv := sarifInvocation{ExecutionSuccessful: true}
	if report == nil || !report.failed() {
		return inv
	}
	inv.ExecutionSuccessful = false
	for _, e := range report.errors {
		n := sarifNotification{Level: "error", Message: sarifMessage{Text: e.Msg}}
		if e.File != "" {
			posn := token.Position{Filename: e.File, Line: e.Line, Column: e.Col}
			n.Locations = []sarifLocation{{PhysicalLocation: cols.location(posn, posn)}}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	if line := report.skippedMsg(); line != "" {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications,
			sarifNotification{Level: "error", Message: sarifMessage{Text: line}})
	}
	return inv
}

// fileURI spells an absolute path as a file: URI.
func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// artifact locates a file: relative to %SRCROOT% (the working directory)
// when it lies below it, else by its absolute file: URI.
func artifact(filename string) sarifArtifactLocation {
	if rel, ok := slashRel(filename); ok {
		return sarifArtifactLocation{URI: (&url.URL{Path: rel}).String(), URIBaseID: sarifSrcRoot}
	}
	return sarifArtifactLocation{URI: fileURI(filename)}
}

// columns converts Go's byte columns to UTF-16 columns, reading each file
// once.
type columns struct {
	lines map[string][][]byte // nil: unreadable
}

func newColumns() *columns { return &columns{lines: make(map[string][][]byte)} }

// utf16 returns the UTF-16 column of the byte column col (both from 1) on
// line of filename; col itself when the file cannot be read or does not
// have that column.
func (c *columns) utf16(filename string, line, col int) int {
	lines, ok := c.lines[filename]
	if !ok {
		if data, err := os.ReadFile(filename); err == nil {
			lines = splitByteLines(data)
		}
		c.lines[filename] = lines
	}
	if line < 1 || line > len(lines) || col < 1 || col-1 > len(lines[line-1]) {
		return col
	}
	return utf16Column(lines[line-1][:col-1]) + 1
}

func splitByteLines(data []byte) [][]byte {
	var lines [][]byte
	for {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			return append(lines, data)
		}
		lines = append(lines, data[:i])
		data = data[i+1:]
	}
}

// utf16Column counts the UTF-16 code units of prefix (invalid bytes count
// one each, as U+FFFD).
func utf16Column(prefix []byte) int {
	n := 0
	for len(prefix) > 0 {
		r, size := utf8.DecodeRune(prefix)
		prefix = prefix[size:]
		if k := utf16.RuneLen(r); k > 0 {
			n += k
		} else {
			n++
		}
	}
	return n
}

func (c *columns) region(start, end token.Position) *sarifRegion {
	if start.Line <= 0 {
		return nil
	}
	r := &sarifRegion{StartLine: start.Line}
	if start.Column > 0 {
		r.StartColumn = c.utf16(start.Filename, start.Line, start.Column)
	}
	if end.Filename == start.Filename && end.Line >= start.Line && end.Column > 0 && r.StartColumn > 0 {
		r.EndLine, r.EndColumn = end.Line, c.utf16(end.Filename, end.Line, end.Column)
	} else if r.StartColumn > 0 {
		r.EndLine, r.EndColumn = start.Line, r.StartColumn // an insertion point
	}
	return r
}

func (c *columns) location(start, end token.Position) sarifPhysicalLocation {
	return sarifPhysicalLocation{ArtifactLocation: artifact(start.Filename), Region: c.region(start, end)}
}

// fix converts a suggested fix. Its regions are those of the file that was
// parsed (whatever its //line directives say); a fix that edits a file that
// is not one of the package's sources (cgo output) is left out, as -fix
// leaves it.
func (c *columns) fix(f finding, fix analysis.SuggestedFix) (sarifFix, bool) {
	fset := f.pkg.Fset
	var changes []sarifArtifactChange
	for _, e := range fix.TextEdits {
		tf := fset.File(e.Pos)
		if tf == nil || !slices.Contains(f.pkg.GoFiles, tf.Name()) {
			return sarifFix{}, false
		}
		start := fset.PositionFor(e.Pos, false)
		end := start
		if e.End.IsValid() {
			end = fset.PositionFor(e.End, false)
		}
		region := c.region(start, end)
		if region == nil {
			return sarifFix{}, false
		}
		rep := sarifReplacement{DeletedRegion: *region, InsertedContent: &sarifContent{Text: string(e.NewText)}}
		i := slices.IndexFunc(changes, func(ch sarifArtifactChange) bool { return ch.ArtifactLocation == artifact(tf.Name()) })
		if i < 0 {
			changes = append(changes, sarifArtifactChange{ArtifactLocation: artifact(tf.Name())})
			i = len(changes) - 1
		}
		changes[i].Replacements = append(changes[i].Replacements, rep)
	}
	if len(changes) == 0 {
		return sarifFix{}, false
	}
	for _, ch := range changes {
		slices.SortStableFunc(ch.Replacements, func(a, b sarifReplacement) int {
			return cmp.Or(cmp.Compare(a.DeletedRegion.StartLine, b.DeletedRegion.StartLine),
				cmp.Compare(a.DeletedRegion.StartColumn, b.DeletedRegion.StartColumn))
		})
	}
	sf := sarifFix{ArtifactChanges: changes}
	if fix.Message != "" {
		sf.Description = &sarifMessage{Text: fix.Message}
	}
	return sf, true
}
