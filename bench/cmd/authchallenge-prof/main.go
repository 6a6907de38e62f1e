// Command authchallenge-prof is cmd/authchallenge for profiling: the same
// rules and the same standalone driver, plus the profiles that
// bench/internal/prof writes when the environment asks for them. Under
// `go vet -vettool` it hands over to unitchecker, unprofiled (unitchecker
// exits without returning).
package main

import (
	"flag"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/authchallenge/authchallenge/analyzer"
	"github.com/authchallenge/authchallenge/bench/internal/prof"
	"github.com/authchallenge/authchallenge/internal/driver"
)

func main() {
	rules := analyzer.Rules()
	if vetMode(os.Args[1:]) {
		// As cmd/authchallenge: the shared configuration's flags, unprefixed.
		for _, cfg := range driver.Shared(rules) {
			cfg.Flags.VisitAll(func(f *flag.Flag) {
				if flag.Lookup(f.Name) == nil {
					flag.Var(f.Value, f.Name, f.Usage)
				}
			})
		}
		unitchecker.Main(rules...) // does not return
	}
	stop := prof.Start()
	code := driver.Main(os.Args[1:], rules, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// vetMode is cmd/authchallenge's test: go vet asks for -V=full and -flags,
// then passes one .cfg file.
func vetMode(args []string) bool {
	for _, a := range args {
		if a == "-V=full" || a == "-flags" || a == "--flags" {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}
