package driver

import (
	"flag"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"
)

// VetMode reports whether go vet is driving the command: it first asks for
// the version (-V=full) and the flags (-flags), then passes one .cfg file.
func VetMode(args []string) bool {
	for _, a := range args {
		if a == "-V=full" || a == "-flags" || a == "--flags" {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

// Vet hands the command over to unitchecker; it does not return.
// unitchecker only offers the flags of the analyzers it is given: the
// shared configuration's flags are offered too, unprefixed, as the
// standalone driver does (go vet learns them from -flags).
func Vet(rules []*analysis.Analyzer) {
	for _, cfg := range Shared(rules) {
		cfg.Flags.VisitAll(func(f *flag.Flag) {
			if flag.Lookup(f.Name) == nil {
				flag.Var(f.Value, f.Name, f.Usage)
			}
		})
	}
	unitchecker.Main(rules...)
}
