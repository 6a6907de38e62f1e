// Package knowledge is the one place for what authchallenge knows about the
// outside world: the standard library, the web frameworks and gRPC. Facts
// are never assumed to exist for these packages (Bazel nogo does not analyse
// them, and the standalone driver may read them from export data), so every
// model reads what they do from here: status writers, header setters, error
// values, types and constructors that carry a status, handler and request
// types, credential getters, and the gate that decides whether a package can
// matter at all.
//
// Adding a framework is one Framework entry in frameworks.go plus fixtures.
package knowledge

import (
	"go/types"
	"strings"
)

// Member names a package-level function (Recv == "") or a method of a named
// type of a package.
type Member struct {
	Pkg, Recv, Name string
}

// TypeName names a named type of a package.
type TypeName struct {
	Pkg, Name string
}

// NamedOf returns the package path and name of t's named type, through
// pointers and aliases (zero for an unnamed type).
func NamedOf(t types.Type) TypeName {
	if t == nil {
		return TypeName{}
	}
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	if n, ok := t.(*types.Named); ok && n.Obj().Pkg() != nil {
		return TypeName{n.Obj().Pkg().Path(), n.Obj().Name()}
	}
	return TypeName{}
}

// MemberOf names a function or method object (zero for nil or a function
// without a package). A method is named by its receiver's named type, even
// when declared on a pointer receiver or an interface.
func MemberOf(obj types.Object) Member {
	f, ok := obj.(*types.Func)
	if !ok || f == nil || f.Pkg() == nil {
		return Member{}
	}
	m := Member{Pkg: f.Pkg().Path(), Name: f.Name()}
	if recv := f.Signature().Recv(); recv != nil {
		m.Recv = NamedOf(recv.Type()).Name
	}
	return m
}

// IsStdlib reports whether path is a standard library package, by its
// first element (fixtures and modules without a dot must not pass for it).
func IsStdlib(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return stdlibRoots[first]
}

var stdlibRoots = map[string]bool{
	"archive": true, "bufio": true, "bytes": true, "cmp": true, "compress": true, "container": true,
	"context": true, "crypto": true, "database": true, "debug": true, "embed": true, "encoding": true,
	"errors": true, "expvar": true, "flag": true, "fmt": true, "go": true, "hash": true, "html": true,
	"image": true, "index": true, "internal": true, "io": true, "iter": true, "log": true, "maps": true,
	"math": true, "mime": true, "net": true, "os": true, "path": true, "plugin": true, "reflect": true,
	"regexp": true, "runtime": true, "slices": true, "sort": true, "strconv": true, "strings": true,
	"structs": true, "sync": true, "syscall": true, "testing": true, "text": true, "time": true,
	"unicode": true, "unique": true, "unsafe": true, "weak": true,
}
