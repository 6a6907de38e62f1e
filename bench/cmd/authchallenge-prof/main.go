// Command authchallenge-prof is cmd/authchallenge for profiling: the same
// rules and the same standalone driver, plus the profiles that
// bench/internal/prof writes when the environment asks for them. Under
// `go vet -vettool` it hands over to unitchecker, unprofiled (unitchecker
// exits without returning).
package main

import (
	"os"

	"github.com/authchallenge/authchallenge/analyzer"
	"github.com/authchallenge/authchallenge/bench/internal/prof"
	"github.com/authchallenge/authchallenge/internal/driver"
)

func main() {
	rules := analyzer.Rules()
	if driver.VetMode(os.Args[1:]) {
		driver.Vet(rules) // does not return
	}
	stop := prof.Start()
	code := driver.Main(os.Args[1:], rules, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
