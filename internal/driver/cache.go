package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// The result cache keeps the findings of every named package between runs,
// so that a run on unchanged packages costs what go list costs: they are
// neither type-checked nor analysed. An entry is keyed by everything the
// findings can depend on:
//
//   - the tool (its version, or the hash of the executable for a
//     development build) and the flags that configure the analysis;
//   - the package: its ID, name, Go version and the content of its files;
//   - each import: the key of an analysed one (named, or a dependency
//     analysed for its facts), so that a change anywhere in the analysed
//     closure changes the key; and the export data file of the others,
//     which the build cache names by its content.
//
// Facts are not kept: when a package changes, the dependencies that can
// matter are analysed again for their facts. A package that cannot be keyed
// (a dependency without export data, cgo, whose positions go through
// //line directives) is never cached.
//
// Entries live in DIR/xx/KEY (xx the first byte of the key), written to a
// temporary file and renamed, so that concurrent runs never see half an
// entry. An entry starts with a header (magic, format version, its key)
// and ends with the SHA-256 of what precedes it: a corrupt, truncated or
// foreign entry is ignored and overwritten, never trusted.
type resultCache struct {
	dir  string
	tool string // the tool's identity, part of every key
	keys map[*packages.Package]cacheKey
}

type cacheKey [sha256.Size]byte

const (
	cacheMagic   = "authchallenge result cache\n"
	cacheVersion = 1
)

// defaultCacheDir is os.UserCacheDir()/authchallenge, or "" when there is
// no user cache directory.
func defaultCacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "authchallenge")
}

var (
	toolOnce sync.Once
	toolID   string
)

// toolIdentity is the version of a release build, or the hash of the
// executable of a development build (whose version says nothing).
func toolIdentity() string {
	toolOnce.Do(func() {
		toolID = Version()
		if toolID != "(devel)" {
			return
		}
		exe, err := os.Executable()
		if err == nil {
			var f *os.File
			if f, err = os.Open(exe); err == nil {
				h := sha256.New()
				_, err = io.Copy(h, f)
				f.Close()
				toolID += " " + hex.EncodeToString(h.Sum(nil))
			}
		}
		if err != nil {
			toolID = "" // no identity: no cache
		}
	})
	return toolID
}

// newResultCache returns the cache in dir for a run configured by config
// (the flags that change findings, as name=value lines), or nil when there
// is no cache to use.
func newResultCache(dir string, config []string) *resultCache {
	tool := toolIdentity()
	if dir == "" || tool == "" {
		return nil
	}
	return &resultCache{
		dir:  dir,
		tool: tool + "\n" + strings.Join(config, "\n"),
		keys: make(map[*packages.Package]cacheKey),
	}
}

// key computes the key of p, whose origin in the graph is given by
// origin; ok is false when p cannot be cached.
func (c *resultCache) key(p *packages.Package, origin map[*packages.Package]string) (cacheKey, bool) {
	if k, ok := c.keys[p]; ok {
		return k, k != cacheKey{}
	}
	c.keys[p] = cacheKey{} // not cacheable, unless proven otherwise below
	if len(p.Errors) > 0 || !slices.Equal(p.GoFiles, p.CompiledGoFiles) {
		return cacheKey{}, false
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s\n%s\n%s\n", c.tool, p.ID, p.Name, p.PkgPath)
	if p.Module != nil {
		fmt.Fprintf(h, "go %s\n", p.Module.GoVersion)
	}
	for _, name := range p.CompiledGoFiles {
		data, err := os.ReadFile(name)
		if err != nil {
			return cacheKey{}, false
		}
		fmt.Fprintf(h, "file %s %x\n", name, sha256.Sum256(data))
	}
	paths := make([]string, 0, len(p.Imports))
	for path := range p.Imports {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	for _, path := range paths {
		imp := p.Imports[path]
		switch origin[imp] {
		case originNamed, originAnalysed:
			k, ok := c.key(imp, origin)
			if !ok {
				return cacheKey{}, false
			}
			fmt.Fprintf(h, "import %s analysed %x\n", path, k)
		default:
			if imp.PkgPath == "unsafe" {
				fmt.Fprintf(h, "import unsafe\n")
				continue
			}
			if imp.ExportFile == "" {
				return cacheKey{}, false
			}
			fmt.Fprintf(h, "import %s export %s\n", path, imp.ExportFile)
		}
	}
	var k cacheKey
	h.Sum(k[:0])
	c.keys[p] = k
	return k, true
}

func (c *resultCache) path(k cacheKey) string {
	s := hex.EncodeToString(k[:])
	return filepath.Join(c.dir, s[:2], s)
}

// The entry: the package's findings with their positions as offsets in
// the files listed, whose line tables rebuild the positions.
type (
	cacheEntry struct {
		GoFiles  []string
		Files    []cacheFile
		Findings []cacheFinding
	}
	cacheFile struct {
		Name  string
		Size  int
		Lines []int
	}
	cachePos struct {
		File   int // index in Files, -1 for no position
		Offset int
	}
	cacheFinding struct {
		Analyzer string
		Pos, End cachePos
		Category string
		Message  string
		URL      string
		Related  []cacheRelated
		Fixes    []cacheFix
	}
	cacheRelated struct {
		Pos, End cachePos
		Message  string
	}
	cacheFix struct {
		Message string
		Edits   []cacheEdit
	}
	cacheEdit struct {
		Pos, End cachePos
		New      []byte
	}
)

// get returns the findings kept under k for p (a package to report on),
// or false when there is no sound entry. The findings get a file set of
// their own, rebuilt from the entry.
func (c *resultCache) get(k cacheKey, p *packages.Package, rules []*analysis.Analyzer) ([]finding, bool) {
	data, err := os.ReadFile(c.path(k))
	if err != nil {
		return nil, false
	}
	body, ok := checkEntry(data, k)
	if !ok {
		return nil, false
	}
	var e cacheEntry
	if err := gob.NewDecoder(bytes.NewReader(body)).Decode(&e); err != nil {
		return nil, false
	}
	fset := token.NewFileSet()
	files := make([]*token.File, len(e.Files))
	for i, f := range e.Files {
		files[i] = fset.AddFile(f.Name, -1, f.Size)
		if !files[i].SetLines(f.Lines) {
			return nil, false
		}
	}
	bad := false
	pos := func(cp cachePos) token.Pos {
		if cp.File < 0 {
			return token.NoPos
		}
		if cp.File >= len(files) || cp.Offset < 0 || cp.Offset > files[cp.File].Size() {
			bad = true
			return token.NoPos
		}
		return files[cp.File].Pos(cp.Offset)
	}
	byName := make(map[string]*analysis.Analyzer)
	for _, a := range rules {
		byName[a.Name] = a
	}
	pkg := &packages.Package{ID: p.ID, PkgPath: p.PkgPath, Name: p.Name, Fset: fset, GoFiles: e.GoFiles}
	var out []finding
	for _, cf := range e.Findings {
		a := byName[cf.Analyzer]
		if a == nil {
			return nil, false
		}
		d := analysis.Diagnostic{Pos: pos(cf.Pos), End: pos(cf.End), Category: cf.Category, Message: cf.Message, URL: cf.URL}
		for _, r := range cf.Related {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: pos(r.Pos), End: pos(r.End), Message: r.Message})
		}
		for _, fx := range cf.Fixes {
			sf := analysis.SuggestedFix{Message: fx.Message}
			for _, ed := range fx.Edits {
				sf.TextEdits = append(sf.TextEdits, analysis.TextEdit{Pos: pos(ed.Pos), End: pos(ed.End), NewText: ed.New})
			}
			d.SuggestedFixes = append(d.SuggestedFixes, sf)
		}
		out = append(out, finding{pkg, a, d, fset.Position(d.Pos)})
	}
	if bad {
		return nil, false
	}
	return out, true
}

// put keeps the findings of p under k. Errors are ignored: the cache only
// saves time.
func (c *resultCache) put(k cacheKey, p *packages.Package, findings []finding) {
	e := cacheEntry{GoFiles: p.GoFiles, Files: []cacheFile{}, Findings: []cacheFinding{}}
	index := make(map[*token.File]int)
	ok := true
	pos := func(pos token.Pos) cachePos {
		if !pos.IsValid() {
			return cachePos{File: -1}
		}
		tf := p.Fset.File(pos)
		if tf == nil {
			ok = false
			return cachePos{File: -1}
		}
		i, seen := index[tf]
		if !seen {
			i = len(e.Files)
			index[tf] = i
			e.Files = append(e.Files, cacheFile{Name: tf.Name(), Size: tf.Size(), Lines: tf.Lines()})
		}
		return cachePos{File: i, Offset: tf.Offset(pos)}
	}
	for _, f := range findings {
		d := f.diag
		cf := cacheFinding{Analyzer: f.analyzer.Name, Pos: pos(d.Pos), End: pos(d.End), Category: d.Category, Message: d.Message, URL: d.URL}
		for _, r := range d.Related {
			cf.Related = append(cf.Related, cacheRelated{pos(r.Pos), pos(r.End), r.Message})
		}
		for _, fx := range d.SuggestedFixes {
			cx := cacheFix{Message: fx.Message}
			for _, ed := range fx.TextEdits {
				cx.Edits = append(cx.Edits, cacheEdit{pos(ed.Pos), pos(ed.End), ed.NewText})
			}
			cf.Fixes = append(cf.Fixes, cx)
		}
		e.Findings = append(e.Findings, cf)
	}
	if !ok {
		return
	}
	var body bytes.Buffer
	if err := gob.NewEncoder(&body).Encode(&e); err != nil {
		return
	}
	_ = writeAtomic(c.path(k), sealEntry(body.Bytes(), k))
}

// sealEntry frames body: header (magic, version, key), body, checksum.
func sealEntry(body []byte, k cacheKey) []byte {
	var buf bytes.Buffer
	buf.WriteString(cacheMagic)
	buf.WriteByte(cacheVersion)
	buf.Write(k[:])
	buf.Write(body)
	sum := sha256.Sum256(buf.Bytes())
	buf.Write(sum[:])
	return buf.Bytes()
}

// checkEntry returns the body of an entry framed by sealEntry for k.
func checkEntry(data []byte, k cacheKey) ([]byte, bool) {
	head := len(cacheMagic) + 1 + len(k)
	if len(data) < head+sha256.Size {
		return nil, false
	}
	if string(data[:len(cacheMagic)]) != cacheMagic || data[len(cacheMagic)] != cacheVersion ||
		!bytes.Equal(data[len(cacheMagic)+1:head], k[:]) {
		return nil, false
	}
	n := len(data) - sha256.Size
	if sum := sha256.Sum256(data[:n]); !bytes.Equal(sum[:], data[n:]) {
		return nil, false
	}
	return data[head:n], true
}

// writeAtomic writes data to name through a temporary file in the same
// directory and a rename.
func writeAtomic(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), ".tmp-*")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}
