package knowledge

import (
	"go/types"
	"strings"
)

// Matters is the one gate: it reports whether a package can answer a
// request, check credentials or build a chain, so that the models analyse
// it. A package matters when it imports a package of the table, or a package
// that reaches one through the types of its API: a helper package that
// re-exports net/http's types through aliases, a company's auth module, a
// framework the table does not list. Every model decides its fast path
// here and nowhere else.
func Matters(pkg *types.Package) bool {
	if pkg == nil {
		return false
	}
	seen := make(map[*types.Package]bool)
	var reaches func(p *types.Package) bool
	reaches = func(p *types.Package) bool {
		if seen[p] {
			return false
		}
		seen[p] = true
		if isFramework(p.Path()) {
			return true
		}
		for _, imp := range p.Imports() {
			if reaches(imp) {
				return true
			}
		}
		return false
	}
	for _, imp := range pkg.Imports() {
		if reaches(imp) {
			return true
		}
	}
	return false
}

// IsFramework reports whether path is a package of the table or of a
// framework the table names.
func IsFramework(path string) bool { return isFramework(path) }

// Covered reports whether the table describes the package at path, or the
// framework it is part of (gin's render, echo's middleware, grpc's
// internals): analysing its code could teach the models nothing they use,
// so a driver need not analyse it for facts.
func Covered(path string) bool {
	if Described(path) {
		return true
	}
	for p := range described {
		if strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}

// isFramework reports whether path is a package of the table or a package of
// a framework the table names (gin's render, grpc's status).
func isFramework(path string) bool {
	if frameworkPaths[path] {
		return true
	}
	for p := range frameworkPaths {
		if !IsStdlib(p) && strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}
