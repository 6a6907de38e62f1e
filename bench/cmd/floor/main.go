// Command floor is the benchmark floor: the authchallenge standalone driver
// with a single analyzer that does nothing (no facts; it requires only the
// shared configuration, so that it takes authchallenge's flags and loads
// what authchallenge loads: the test files only with -tests or -test). Its
// wall time and memory are those of loading and type-checking the named
// packages with the very loader authchallenge uses, so that
// scripts/bench.sh can report what the rules add on top.
//
//	floor [driver flags] [packages]
//
// It never reports anything: exit status 0, or 1 when packages fail to load.
// For profiling, see bench/internal/prof (an environment variable names the
// CPU profile to write).
package main

import (
	"os"

	"golang.org/x/tools/go/analysis"

	"github.com/authchallenge/authchallenge/bench/internal/prof"
	"github.com/authchallenge/authchallenge/internal/driver"
	"github.com/authchallenge/authchallenge/passes/config"
)

var noop = &analysis.Analyzer{
	Name:     "floor",
	Doc:      "floor: a no-op analyzer, so that the driver loads and type-checks the packages and does nothing else",
	Requires: []*analysis.Analyzer{config.New()},
	Run:      func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() {
	stop := prof.Start()
	code := driver.Main(os.Args[1:], []*analysis.Analyzer{noop}, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
