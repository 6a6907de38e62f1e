package driver

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
)

// Version reports the module version the binary was built from.
func Version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}

type edit struct {
	start, end int
	new        string
}

// applyFixes applies the first suggested fix of every finding, or prints
// the result as a unified diff, and returns the findings it left unfixed:
// those without a fix, and those whose fix edits a file that is not one of
// the package's sources (the output of cgo in the build cache). Overlapping
// edits are an error, identical ones (a file seen by p and its test variant)
// count once.
func applyFixes(findings []finding, diff bool, stdout io.Writer) ([]finding, error) {
	byFile := make(map[string][]edit)
	var unfixed []finding
findings:
	for _, f := range findings {
		if len(f.diag.SuggestedFixes) == 0 {
			unfixed = append(unfixed, f)
			continue
		}
		// Offsets are those of the file that was parsed, whatever its //line
		// directives say (cgo output points back to the source, at other
		// offsets).
		fset := f.pkg.Fset
		var edits []edit
		var names []string
		for _, e := range f.diag.SuggestedFixes[0].TextEdits {
			tf := fset.File(e.Pos)
			if tf == nil || !slices.Contains(f.pkg.GoFiles, tf.Name()) {
				unfixed = append(unfixed, f)
				continue findings
			}
			start, end := tf.Offset(e.Pos), tf.Offset(e.Pos)
			if e.End.IsValid() {
				end = tf.Offset(e.End)
			}
			edits = append(edits, edit{start, end, string(e.NewText)})
			names = append(names, tf.Name())
		}
		for i, e := range edits {
			byFile[names[i]] = append(byFile[names[i]], e)
		}
	}
	files := make([]string, 0, len(byFile))
	for name := range byFile {
		files = append(files, name)
	}
	sort.Strings(files)
	for _, name := range files {
		edits := byFile[name]
		sort.SliceStable(edits, func(i, j int) bool {
			if edits[i].start != edits[j].start {
				return edits[i].start < edits[j].start
			}
			return edits[i].end < edits[j].end
		})
		old, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		var out bytes.Buffer
		last := 0
		var prev *edit
		for i := range edits {
			e := &edits[i]
			if prev != nil && *prev == *e {
				continue
			}
			if e.start < last || e.end > len(old) || e.start > e.end {
				return nil, fmt.Errorf("%s: conflicting suggested fixes at offset %d", name, e.start)
			}
			out.Write(old[last:e.start])
			out.WriteString(e.new)
			last = e.end
			prev = e
		}
		out.Write(old[last:])
		if diff {
			io.WriteString(stdout, unified(relPath(name), string(old), out.String()))
			continue
		}
		info, err := os.Stat(name)
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(name, out.Bytes(), info.Mode().Perm()); err != nil {
			return nil, err
		}
	}
	return unfixed, nil
}

// unified renders a unified diff of two texts with three lines of context.
func unified(name, a, b string) string {
	if a == b {
		return ""
	}
	x, y := splitLines(a), splitLines(b)
	ops := lineDiff(x, y)
	var sb strings.Builder
	fmt.Fprintf(&sb, "--- %s\n+++ %s\n", name, name)
	const ctx = 3
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		start := max(i-ctx, 0)
		end := i
		for end < len(ops) {
			if ops[end].kind != ' ' {
				end++
				continue
			}
			run := end
			for run < len(ops) && ops[run].kind == ' ' {
				run++
			}
			if run-end > 2*ctx || run == len(ops) {
				end = min(end+ctx, len(ops))
				break
			}
			end = run
		}
		ax, bx, an, bn := ops[start].ai, ops[start].bi, 0, 0
		for _, op := range ops[start:end] {
			if op.kind != '+' {
				an++
			}
			if op.kind != '-' {
				bn++
			}
		}
		// An empty range starts at the line before it (0 at the top).
		if an > 0 {
			ax++
		}
		if bn > 0 {
			bx++
		}
		fmt.Fprintf(&sb, "@@ -%d,%d +%d,%d @@\n", ax, an, bx, bn)
		for _, op := range ops[start:end] {
			sb.WriteByte(op.kind)
			sb.WriteString(op.line)
			if !strings.HasSuffix(op.line, "\n") {
				sb.WriteString("\n\\ No newline at end of file\n")
			}
		}
		i = end
	}
	return sb.String()
}

type diffOp struct {
	kind   byte // ' ', '-', '+'
	line   string
	ai, bi int // line indexes before the op
}

func splitLines(s string) []string {
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// lineDiff computes an edit script: the common prefix and suffix are
// trimmed, the rest is aligned by longest common subsequence (fixes touch
// few lines, so the middle is small).
func lineDiff(a, b []string) []diffOp {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	lcs := make([][]int, len(ma)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(mb)+1)
	}
	for i := len(ma) - 1; i >= 0; i-- {
		for j := len(mb) - 1; j >= 0; j-- {
			if ma[i] == mb[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var ops []diffOp
	for i := 0; i < pre; i++ {
		ops = append(ops, diffOp{' ', a[i], i, i})
	}
	i, j := 0, 0
	for i < len(ma) || j < len(mb) {
		switch {
		case i < len(ma) && j < len(mb) && ma[i] == mb[j]:
			ops = append(ops, diffOp{' ', ma[i], pre + i, pre + j})
			i++
			j++
		case i < len(ma) && (j == len(mb) || lcs[i+1][j] >= lcs[i][j+1]):
			// Deletions first, as diff(1) prints them.
			ops = append(ops, diffOp{'-', ma[i], pre + i, pre + j})
			i++
		default:
			ops = append(ops, diffOp{'+', mb[j], pre + i, pre + j})
			j++
		}
	}
	for k := 0; k < suf; k++ {
		ops = append(ops, diffOp{' ', a[len(a)-suf+k], len(a) - suf + k, len(b) - suf + k})
	}
	return ops
}
