// Command authchallenge reports HTTP and gRPC authentication failures
// answered with the wrong status or without a challenge.
//
//	authchallenge [flags] [packages]
//	go vet -vettool=$(command -v authchallenge) [packages]
//
// Run `authchallenge -help` for the flags and exit codes.
package main

import (
	"flag"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/authchallenge/authchallenge/analyzer"
	"github.com/authchallenge/authchallenge/internal/driver"
)

func main() {
	rules := analyzer.Rules()
	if vetMode(os.Args[1:]) {
		// unitchecker only offers the flags of the analyzers it is given:
		// offer the shared configuration's flags too, unprefixed, as the
		// standalone driver does (go vet learns them from -flags).
		for _, cfg := range driver.Shared(rules) {
			cfg.Flags.VisitAll(func(f *flag.Flag) {
				if flag.Lookup(f.Name) == nil {
					flag.Var(f.Value, f.Name, f.Usage)
				}
			})
		}
		unitchecker.Main(rules...) // does not return
	}
	os.Exit(driver.Main(os.Args[1:], rules, os.Stdout, os.Stderr))
}

// vetMode reports whether go vet is driving the command: it first asks for
// the version (-V=full) and the flags (-flags), then passes one .cfg file.
func vetMode(args []string) bool {
	for _, a := range args {
		if a == "-V=full" || a == "-flags" || a == "--flags" {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}
