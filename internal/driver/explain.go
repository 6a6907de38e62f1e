package driver

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// explain prints the documentation of the rule named name (its Doc, which
// is the doc.md the README links to, as-is) and then the flags that apply
// to it: its enable flag and its own flags, then the shared configuration
// it requires, as fs (the driver's flags) registered them, with their
// defaults. An unknown rule is a usage error that lists the rules.
func explain(stdout, stderr io.Writer, name string, rules []*analysis.Analyzer, fs *flag.FlagSet) int {
	var rule *analysis.Analyzer
	names := make([]string, 0, len(rules))
	for _, a := range rules {
		names = append(names, a.Name)
		if a.Name == name {
			rule = a
		}
	}
	if rule == nil {
		fmt.Fprintf(stderr, "authchallenge: -explain: unknown rule %q; the rules are: %s\n", name, strings.Join(names, ", "))
		return ExitUsage
	}
	doc := rule.Doc
	if !strings.HasSuffix(doc, "\n") {
		doc += "\n"
	}
	io.WriteString(stdout, doc)
	fmt.Fprintf(stdout, "\nFlags:\n")

	own := []string{rule.Name}
	rule.Flags.VisitAll(func(f *flag.Flag) { own = append(own, rule.Name+"."+f.Name) })
	var shared []string
	for _, cfg := range Shared([]*analysis.Analyzer{rule}) {
		cfg.Flags.VisitAll(func(f *flag.Flag) { shared = append(shared, f.Name) })
	}
	for _, group := range [][]string{own, shared} {
		sub := flag.NewFlagSet(fs.Name(), flag.ContinueOnError)
		sub.SetOutput(stdout)
		for _, n := range group {
			f := fs.Lookup(n)
			if f == nil || sub.Lookup(n) != nil {
				continue
			}
			sub.Var(f.Value, f.Name, f.Usage)
			// The default, not the value set on this command line.
			sub.Lookup(n).DefValue = f.DefValue
		}
		sub.PrintDefaults()
	}
	if usesFacts([]*analysis.Analyzer{rule}) {
		io.WriteString(stdout, factsNote)
	}
	return ExitClean
}

// factsNote says where the facts a rule reads come from.
const factsNote = `
Facts:
  What the rule knows of the packages a package imports comes from their facts. Under go vet
  and nogo every package contributes facts. Standalone, the packages named are analysed and,
  for their facts only, the packages they import that lie outside the standard library and
  reach net/http, gRPC or fasthttp; the others are read from export data (what the models
  know of the standard library and of the known frameworks is in their table). -inventory
  lists, for each imported package, where its facts came from: analysed, or unavailable
  (and why). Facts are not kept by the result cache (-cache): a package whose imports
  changed is analysed again with them.
`
