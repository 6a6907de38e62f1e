// Package syntax holds the small syntax-tree helpers several rules share.
package syntax

import (
	"go/ast"
	"go/token"
	"go/types"
)

// EnclosingSignature returns the signature of the innermost function (a
// declaration or a literal) on stack, the path from the file to a node;
// nil when there is none.
func EnclosingSignature(info *types.Info, stack []ast.Node) *types.Signature {
	for i := len(stack) - 1; i >= 0; i-- {
		switch f := stack[i].(type) {
		case *ast.FuncLit:
			s, _ := info.TypeOf(f).(*types.Signature)
			return s
		case *ast.FuncDecl:
			if fn, ok := info.Defs[f.Name].(*types.Func); ok {
				return fn.Signature()
			}
			return nil
		}
	}
	return nil
}

// FileOf returns the file of files that holds pos (nil if none).
func FileOf(files []*ast.File, pos token.Pos) *ast.File {
	for _, f := range files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}
