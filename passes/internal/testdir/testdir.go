// Package testdir locates the repository's shared fixture tree, for the
// analysistest-based tests of every pass.
package testdir

import (
	"path/filepath"
	"runtime"
)

// Path returns the absolute path of testdata, the GOPATH-style root whose
// src/ holds the fixtures and the framework stubs.
func Path() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "testdata")
}
