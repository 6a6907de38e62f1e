package driver

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"runtime"
	"sync"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// loader parses and type-checks the analysed packages (the named ones and
// the dependencies analysed for their facts) from source, each after the
// analysed packages it imports, and reads every other package from the
// export data go list had the compiler write. The executor has it check
// each package as the package opens (check); run checks them all at once,
// in parallel, for the inventory. All share
// one file set, and one types.Package per package, so that the facts of a
// dependency name the objects its importers see.
type loader struct {
	fset     *token.FileSet
	analysed map[*packages.Package]bool
	done     map[*packages.Package]chan struct{} // closed once an analysed package is checked
	cpu      chan struct{}                       // limits the type-checkers running at once

	// exportMu serializes the export data reads: a read may complete
	// the types.Package of any package in the closure of the one read.
	exportMu  sync.Mutex
	exportErr map[*packages.Package]error // read (nil: without error)
}

// newLoader returns a loader for the graph of roots that checks the
// packages of analysed from source: with each package, the packages it
// imports from the graph that need checking.
func newLoader(roots []*packages.Package, analysed map[*packages.Package]bool) *loader {
	ld := &loader{
		fset:      token.NewFileSet(),
		analysed:  analysed,
		done:      make(map[*packages.Package]chan struct{}),
		cpu:       make(chan struct{}, runtime.GOMAXPROCS(0)),
		exportErr: make(map[*packages.Package]error),
	}
	for p := range analysed {
		ld.done[p] = make(chan struct{})
	}
	// Every package gets its types.Package up front, so that reading
	// export data never creates a second one for an indirect dependency.
	packages.Visit(roots, nil, func(p *packages.Package) {
		p.Fset = ld.fset
		if p.PkgPath == "unsafe" {
			p.Types = types.Unsafe
			return
		}
		p.Types = types.NewPackage(p.PkgPath, p.Name)
	})
	return ld
}

// run checks every analysed package and returns when all are checked.
func (ld *loader) run() {
	var wg sync.WaitGroup
	for p := range ld.analysed {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(ld.done[p])
			for _, imp := range p.Imports {
				if ld.analysed[imp] {
					<-ld.done[imp]
				}
			}
			ld.cpu <- struct{}{}
			defer func() { <-ld.cpu }()
			ld.check(p)
		}()
	}
	wg.Wait()
}

// check parses and type-checks p, as go/packages does in LoadSyntax mode.
func (ld *loader) check(p *packages.Package) {
	add := func(e packages.Error) { p.Errors = append(p.Errors, e) }
	var files []*ast.File
	for _, name := range p.CompiledGoFiles {
		src, err := os.ReadFile(name)
		if err != nil {
			add(packages.Error{Pos: name, Msg: err.Error(), Kind: packages.ParseError})
			continue
		}
		f, err := parser.ParseFile(ld.fset, name, src, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
		var list scanner.ErrorList
		switch {
		case errors.As(err, &list):
			for _, e := range list {
				add(packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
			}
		case err != nil:
			add(packages.Error{Pos: name, Msg: err.Error(), Kind: packages.ParseError})
		}
		if f != nil {
			files = append(files, f)
		}
	}
	p.Syntax = files
	p.TypesInfo = &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
	tc := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) { return ld.importOf(p, path) }),
		Sizes:    p.TypesSizes,
		Error: func(err error) {
			if te, ok := err.(types.Error); ok {
				add(packages.Error{Pos: te.Fset.Position(te.Pos).String(), Msg: te.Msg, Kind: packages.TypeError})
				return
			}
			add(packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.TypeError})
		},
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	err := types.NewChecker(tc, ld.fset, p.Types, p.TypesInfo).Files(files)
	if err != nil && len(p.Errors) == 0 {
		add(packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.TypeError})
	}
	p.IllTyped = len(p.Errors) > 0
	for _, imp := range p.Imports {
		p.IllTyped = p.IllTyped || imp.IllTyped
	}
}

// importOf resolves an import of the analysed package p.
func (ld *loader) importOf(p *packages.Package, path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	imp := p.Imports[path]
	switch {
	case imp == nil:
		return nil, fmt.Errorf("no metadata for %s", path)
	case ld.analysed[imp]:
		return imp.Types, nil // checked before p
	}
	if err := ld.export(imp); err != nil {
		return nil, err
	}
	return imp.Types, nil
}

// export reads the types of p from its export data, once.
func (ld *loader) export(p *packages.Package) error {
	ld.exportMu.Lock()
	defer ld.exportMu.Unlock()
	if err, ok := ld.exportErr[p]; ok {
		return err
	}
	err := ld.readExport(p)
	ld.exportErr[p] = err
	p.IllTyped = err != nil
	return err
}

func (ld *loader) readExport(p *packages.Package) error {
	if p.Types == types.Unsafe {
		return nil
	}
	if p.ExportFile == "" {
		return fmt.Errorf("no export data for %s", p.PkgPath)
	}
	f, err := os.Open(p.ExportFile)
	if err != nil {
		return err
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(f)
	if err != nil {
		return fmt.Errorf("reading %s: %v", p.ExportFile, err)
	}
	// The packages the export data may mention: p's closure, by path.
	view := make(map[string]*types.Package)
	seen := make(map[*packages.Package]bool)
	var visit func(q *packages.Package)
	visit = func(q *packages.Package) {
		if seen[q] {
			return
		}
		seen[q] = true
		view[q.PkgPath] = q.Types
		for _, imp := range q.Imports {
			visit(imp)
		}
	}
	visit(p)
	tp, err := gcexportdata.Read(r, ld.fset, view, p.PkgPath)
	if err != nil {
		return fmt.Errorf("reading %s: %v", p.ExportFile, err)
	}
	if tp != p.Types {
		return fmt.Errorf("reading %s: a second package %s", p.ExportFile, p.PkgPath)
	}
	return nil
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
