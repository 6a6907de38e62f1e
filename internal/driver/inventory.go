package driver

import (
	"cmp"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/authchallenge/authchallenge/passes/chain"
	"github.com/authchallenge/authchallenge/passes/response"
)

// The JSON shape of -inventory -format json. Every field is always present
// (empty strings and arrays rather than null); positions are
// "file:line:col" with the file relative to the working directory when it
// lies below it.
//
//	{"packages": [{
//	  "id": "example.com/x",
//	  "chains": [{
//	    "posn", "end": position of the chain (its literal or call),
//	    "interface": "example.com/x.Authenticator", or "middleware" for a middleware stack,
//	    "method": the interface's challenge method ("Challenge"; "" if none or middleware),
//	    "policy": {"kind": "first" | "last" | "order-safe" | "none", "where": "file:line" of the consumer ("" if none)},
//	    "elements": [{"posn", "name", "class": "challenge-bearing" | "challenge-less" | "unknown", "challenge": the bearing scheme's challenge when known}]
//	  }],
//	  "lookups": [{
//	    "posn", "end": the challenge method call,
//	    "kind": "first" | "last",
//	    "method": "example.com/x.Authenticator.Challenge",
//	    "collection": how the code spells the chain ("g.auths"),
//	    "loop": position of the loop that tried the authenticators ("" if none seen)
//	  }],
//	  "sites": [{
//	    "posn", "end": the status write, call or return,
//	    "kind": "write" | "call" | "return" | "error-write",
//	    "status": ["401", "403", "407", "3xx", "other"] (the statuses that may be answered here),
//	    "have": ["WWW-Authenticate", "Proxy-Authenticate"] (challenges set on every path to the site),
//	    "root": whether the enclosing function answers for the site itself (the framework calls it),
//	    "func": the enclosing function ("H", "T.M", "func literal in H"),
//	    "callee", "where": the function that writes the status and its position, for calls and returned errors
//	  }]
//	}]}
//
// Packages are in ID order. An entry that a test variant shares with the
// package (same file, same content) is listed under the package only, and
// a test variant with nothing of its own is left out.
type (
	invReport struct {
		Packages []invPackage `json:"packages"`
		Facts    []invFacts   `json:"facts"`
	}
	// invFacts says where the facts of a package the named ones import
	// (outside the standard library, whose facts the models' table
	// replaces) came from: "analysed" (from source, for its facts),
	// "cached" (kept from an earlier run; not yet: facts are not cached,
	// a package is analysed again when one that imports it changed) or
	// "unavailable" (read from export data: nothing there reaches
	// net/http, gRPC or fasthttp, or it failed to load; Why says which).
	invFacts struct {
		Package string `json:"package"`
		From    string `json:"from"`
		Why     string `json:"why"`
	}
	invPackage struct {
		ID      string      `json:"id"`
		NoSSA   string      `json:"no_ssa,omitempty"`
		Chains  []invChain  `json:"chains"`
		Lookups []invLookup `json:"lookups"`
		Sites   []invSite   `json:"sites"`
	}
	invChain struct {
		Posn      string       `json:"posn"`
		End       string       `json:"end"`
		Interface string       `json:"interface"`
		Method    string       `json:"method"`
		Policy    invPolicy    `json:"policy"`
		Elements  []invElement `json:"elements"`
	}
	invPolicy struct {
		Kind  string `json:"kind"`
		Where string `json:"where"`
		// Loop is where the collection's authenticators are tried;
		// Collection is the collection the policy belongs to; Why says why
		// no policy was found.
		Loop       string `json:"loop,omitempty"`
		Collection string `json:"collection,omitempty"`
		Why        string `json:"why,omitempty"`
	}
	invElement struct {
		Posn      string `json:"posn"`
		Name      string `json:"name"`
		Class     string `json:"class"`
		Challenge string `json:"challenge"`
	}
	invLookup struct {
		Posn       string `json:"posn"`
		End        string `json:"end"`
		Kind       string `json:"kind"`
		Method     string `json:"method"`
		Collection string `json:"collection"`
		Loop       string `json:"loop"`
	}
	invSite struct {
		Posn   string   `json:"posn"`
		End    string   `json:"end"`
		Kind   string   `json:"kind"`
		Status []string `json:"status"`
		Have   []string `json:"have"`
		Root   bool     `json:"root"`
		Func   string   `json:"func"`
		Callee string   `json:"callee"`
		Where  string   `json:"where"`
	}
)

// models finds the chain and response model analyzers in the rules'
// Requires graph by the type of their results (nil when no rule uses
// them): names are for people, and a renamed analyzer must not hide the
// inventory.
func models(rules []*analysis.Analyzer) (chainA, respA *analysis.Analyzer) {
	seen := make(map[*analysis.Analyzer]bool)
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		switch {
		case a.ResultType == reflect.TypeFor[*chain.Result]() && chainA == nil:
			chainA = a
		case a.ResultType == reflect.TypeFor[*response.Result]() && respA == nil:
			respA = a
		}
		for _, r := range a.Requires {
			visit(r)
		}
	}
	for _, a := range rules {
		visit(a)
	}
	return chainA, respA
}

// runInventory runs the models over pkgs and prints their authentication
// surface in format (text or json).
func runInventory(stdout, stderr io.Writer, rules []*analysis.Analyzer, pkgs []*packages.Package, facts []invFacts, format formatValue) int {
	chainA, respA := models(rules)
	var roots []*analysis.Analyzer
	for _, a := range []*analysis.Analyzer{chainA, respA} {
		if a != nil {
			roots = append(roots, a)
		}
	}
	if len(roots) == 0 {
		fmt.Fprintf(stderr, "authchallenge: -inventory: no rule uses the chain or response model\n")
		return ExitError
	}
	graph, err := checker.Analyze(roots, pkgs, nil)
	if err != nil {
		fmt.Fprintf(stderr, "authchallenge: %v\n", err)
		return ExitError
	}
	chains := make(map[*packages.Package]*chain.Result)
	sites := make(map[*packages.Package]*response.Result)
	failed := false
	for _, act := range graph.Roots {
		if act.Err != nil {
			fmt.Fprintf(stderr, "authchallenge: %s: %v\n", act.Package.ID, act.Err)
			failed = true
			continue
		}
		switch act.Analyzer {
		case chainA:
			chains[act.Package], _ = act.Result.(*chain.Result)
		case respA:
			sites[act.Package], _ = act.Result.(*response.Result)
		}
	}
	if failed {
		return ExitError
	}
	inv := buildInventory(pkgs, chains, sites)
	inv.Facts = facts
	if format == formatJSON {
		data, _ := json.MarshalIndent(inv, "", "\t")
		fmt.Fprintf(stdout, "%s\n", data)
	} else {
		printInventory(stdout, inv)
	}
	return ExitClean
}

func buildInventory(pkgs []*packages.Package, chains map[*packages.Package]*chain.Result, sites map[*packages.Package]*response.Result) invReport {
	sorted := slices.Clone(pkgs)
	slices.SortStableFunc(sorted, func(a, b *packages.Package) int { return cmp.Compare(a.ID, b.ID) })
	seen := make(map[string]bool) // entries already listed, by content
	fresh := func(kind string, v any) bool {
		k := kind + fmt.Sprintf("%+v", v)
		if seen[k] {
			return false
		}
		seen[k] = true
		return true
	}
	out := invReport{Packages: []invPackage{}}
	for _, p := range sorted {
		ip := invPackage{ID: p.ID, Chains: []invChain{}, Lookups: []invLookup{}, Sites: []invSite{}}
		posn := func(pos token.Pos) string {
			if !pos.IsValid() {
				return ""
			}
			return relPath(p.Fset.Position(pos).String())
		}
		if res := chains[p]; res != nil {
			if res.NoSSA != nil {
				ip.NoSSA = res.NoSSA.Error()
			}
			for _, c := range res.Chains {
				ic := invChain{
					Posn: posn(c.Pos), End: posn(c.End),
					Interface: chainInterface(p, c),
					Policy: invPolicy{Kind: policyKind(c.Policy.Kind), Where: positionString(c.Policy.Where),
						Loop: positionString(c.Policy.Loop), Collection: c.Policy.Coll, Why: c.NoPolicy},
					Elements: []invElement{},
				}
				if c.Method != nil && !c.Middleware {
					ic.Method = c.Method.Name()
				}
				for _, e := range c.Elems {
					ic.Elements = append(ic.Elements, invElement{Posn: posn(e.Expr.Pos()), Name: e.Name, Class: e.Class.String(), Challenge: e.Challenge})
				}
				if fresh("chain", ic) {
					ip.Chains = append(ip.Chains, ic)
				}
			}
			for _, l := range res.Lookups {
				il := invLookup{Posn: posn(l.Pos), End: posn(l.End), Kind: policyKind(l.Kind), Method: methodName(l.Method), Collection: l.Coll, Loop: posn(l.Loop)}
				if il.Loop == "" {
					il.Loop = positionString(l.LoopAt) // the loop is in another package
				}
				if fresh("lookup", il) {
					ip.Lookups = append(ip.Lookups, il)
				}
			}
		}
		if res := sites[p]; res != nil {
			for _, s := range res.Sites {
				is := invSite{
					Posn: posn(s.Pos), End: posn(s.End), Kind: siteKind(s.Kind),
					Status: statuses(s.Status), Have: challenges(s.Have), Root: s.Root,
					Func: funcName(p, s.Func), Callee: s.Callee, Where: siteWhere(p, s),
				}
				if fresh("site", is) {
					ip.Sites = append(ip.Sites, is)
				}
			}
		}
		byPosn := func(a, b string) int { return comparePosn(a, b) }
		slices.SortStableFunc(ip.Chains, func(a, b invChain) int { return byPosn(a.Posn, b.Posn) })
		slices.SortStableFunc(ip.Lookups, func(a, b invLookup) int { return byPosn(a.Posn, b.Posn) })
		slices.SortStableFunc(ip.Sites, func(a, b invSite) int { return byPosn(a.Posn, b.Posn) })
		if strings.Contains(p.ID, " [") && len(ip.Chains)+len(ip.Lookups)+len(ip.Sites) == 0 {
			continue // a test variant with nothing of its own
		}
		out.Packages = append(out.Packages, ip)
	}
	return out
}

// positionString spells a position carried by a fact ("" for none).
// siteWhere is where a site's status is written, as file:line: the write in
// the callee for a call, the site itself otherwise.
func siteWhere(p *packages.Package, s *response.Site) string {
	pos := s.Origin
	if !pos.IsValid() {
		pos = p.Fset.Position(s.Pos)
	}
	return fmt.Sprintf("%s:%d", relPath(pos.Filename), pos.Line)
}

func positionString(p token.Position) string {
	if !p.IsValid() {
		return ""
	}
	return relPath(p.String())
}

// comparePosn orders "file:line:col" positions by file, then numerically.
func comparePosn(a, b string) int {
	split := func(s string) (string, int, int) {
		file, col := s, 0
		if i := strings.LastIndexByte(file, ':'); i >= 0 {
			col, _ = strconv.Atoi(file[i+1:])
			file = file[:i]
		}
		line := 0
		if i := strings.LastIndexByte(file, ':'); i >= 0 {
			line, _ = strconv.Atoi(file[i+1:])
			file = file[:i]
		}
		return file, line, col
	}
	af, al, ac := split(a)
	bf, bl, bc := split(b)
	return cmp.Or(cmp.Compare(af, bf), cmp.Compare(al, bl), cmp.Compare(ac, bc))
}

// chainInterface spells the interface whose values a chain holds, or
// "middleware".
func chainInterface(p *packages.Package, c *chain.Chain) string {
	if c.Middleware {
		return "middleware"
	}
	if c.Method != nil {
		if recv := c.Method.Signature().Recv(); recv != nil {
			return types.TypeString(recv.Type(), nil)
		}
	}
	var t types.Type
	switch {
	case c.Literal != nil:
		t = elem(p.TypesInfo.TypeOf(c.Literal))
	case c.Call != nil:
		if sig, ok := p.TypesInfo.TypeOf(c.Call.Fun).(*types.Signature); ok && sig.Variadic() {
			t = elem(sig.Params().At(sig.Params().Len() - 1).Type())
		}
	}
	if t == nil {
		return "unknown"
	}
	return types.TypeString(t, nil)
}

func elem(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	switch u := t.Underlying().(type) {
	case *types.Slice:
		return u.Elem()
	case *types.Array:
		return u.Elem()
	}
	return nil
}

// methodName spells an interface method as pkg/path.Iface.Method.
func methodName(fn *types.Func) string {
	if fn == nil {
		return ""
	}
	if recv := fn.Signature().Recv(); recv != nil {
		return types.TypeString(recv.Type(), nil) + "." + fn.Name()
	}
	return fn.FullName()
}

func policyKind(k chain.PolicyKind) string {
	switch k {
	case chain.OrderSafe:
		return "order-safe"
	case chain.First:
		return "first"
	case chain.Last:
		return "last"
	}
	return "none"
}

func siteKind(k response.SiteKind) string {
	switch k {
	case response.Write:
		return "write"
	case response.Call:
		return "call"
	case response.Return:
		return "return"
	case response.ErrorWrite:
		return "error-write"
	}
	return "unknown"
}

func statuses(s response.Status) []string {
	out := []string{}
	for _, x := range []struct {
		s    response.Status
		name string
	}{{response.S401, "401"}, {response.S403, "403"}, {response.S407, "407"}, {response.SRedirect, "3xx"}, {response.SOther, "other"}} {
		if s&x.s != 0 {
			out = append(out, x.name)
		}
	}
	return out
}

func challenges(b response.Bits) []string {
	out := []string{}
	if b&response.WWW != 0 {
		out = append(out, "WWW-Authenticate")
	}
	if b&response.Proxy != 0 {
		out = append(out, "Proxy-Authenticate")
	}
	return out
}

// funcName names the function enclosing a site: "F", "T.M", or "func
// literal in F".
func funcName(p *packages.Package, fn ast.Node) string {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		return declName(fn)
	case *ast.FuncLit:
		for _, f := range p.Syntax {
			if f.Pos() > fn.Pos() || fn.Pos() >= f.End() {
				continue
			}
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Pos() <= fn.Pos() && fn.Pos() < fd.End() {
					return "func literal in " + declName(fd)
				}
			}
		}
		return "func literal"
	}
	return ""
}

func declName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return fd.Name.Name
	}
	t := fd.Recv.List[0].Type
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
			continue
		case *ast.IndexExpr:
			t = x.X
			continue
		case *ast.IndexListExpr:
			t = x.X
			continue
		case *ast.ParenExpr:
			t = x.X
			continue
		}
		break
	}
	return types.ExprString(t) + "." + fd.Name.Name
}

// factsOrigins lists where the facts of the packages that roots import
// come from, outside the standard library, by package ID. It runs before
// isolate cuts the import edges.
func factsOrigins(roots []*packages.Package, l *loaded, checked map[*packages.Package]bool) []invFacts {
	named := make(map[*packages.Package]bool)
	for _, p := range roots {
		named[p] = true
	}
	out := []invFacts{}
	packages.Visit(roots, nil, func(p *packages.Package) {
		if named[p] || p.Module == nil {
			return
		}
		f := invFacts{Package: p.ID, From: "unavailable"}
		switch {
		case p.IllTyped || len(p.Errors) > 0:
			f.Why = "failed to load"
		case l.origin[p] == originAnalysed && checked[p]:
			f.From = "analysed"
		case l.origin[p] == originAnalysed:
			f.Why = "not needed by the packages analysed"
		case !ownModule(p.Module):
			f.Why = "a fetched module: only your own modules are analysed for facts"
		default:
			f.Why = "the knowledge table describes it"
		}
		out = append(out, f)
	})
	slices.SortFunc(out, func(a, b invFacts) int { return cmp.Compare(a.Package, b.Package) })
	return out
}

// printInventory prints the inventory as text, one package after another,
// then where the facts of the packages they import came from.
func printInventory(w io.Writer, inv invReport) {
	defer printFactsOrigins(w, inv.Facts)
	if len(inv.Packages) == 0 {
		fmt.Fprintln(w, "no packages")
	}
	for i, p := range inv.Packages {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "package %s\n", p.ID)
		if p.NoSSA != "" {
			fmt.Fprintf(w, "  no SSA form, so the models stay silent on its code: %s\n", p.NoSSA)
		}
		if len(p.Chains)+len(p.Lookups)+len(p.Sites) == 0 {
			fmt.Fprintln(w, "  no chains, middleware stacks, challenge lookups or 401/403/407/redirect sites")
			continue
		}
		if len(p.Chains) > 0 {
			fmt.Fprintln(w, "  chains and middleware stacks:")
		}
		for _, c := range p.Chains {
			if c.Interface == "middleware" {
				fmt.Fprintf(w, "    %s: middleware stack (the outermost runs first and answers first)\n", c.Posn)
			} else {
				method := "no challenge method"
				if c.Method != "" {
					method = "challenge method " + c.Method
				}
				policy := "no consumer seen"
				if c.Policy.Why != "" {
					policy += " (" + c.Policy.Why + ")"
				}
				if c.Policy.Kind != "none" {
					policy = "consumer policy " + c.Policy.Kind
					if c.Policy.Collection != "" {
						policy += " of " + c.Policy.Collection
					}
					if c.Policy.Where != "" {
						policy += ", challenge looked up at " + c.Policy.Where
					}
					if c.Policy.Loop != "" {
						policy += ", tried in the loop at " + c.Policy.Loop
					}
				}
				fmt.Fprintf(w, "    %s: chain of %s (%s); %s\n", c.Posn, c.Interface, method, policy)
			}
			for j, e := range c.Elements {
				class := e.Class
				if e.Challenge != "" {
					class += ", challenge " + strconv.Quote(e.Challenge)
				}
				fmt.Fprintf(w, "      %d. %s at %s: %s\n", j+1, e.Name, e.Posn, class)
			}
		}
		if len(p.Lookups) > 0 {
			fmt.Fprintln(w, "  challenge lookups on a fixed position:")
		}
		for _, l := range p.Lookups {
			which := l.Collection + "[0]"
			if l.Kind == "last" {
				which = "the last of " + l.Collection
			}
			loop := "no loop over it seen"
			if l.Loop != "" {
				loop = "tried in the loop at " + l.Loop
			}
			fmt.Fprintf(w, "    %s: %s asked of %s (%s); %s\n", l.Posn, l.Method, which, l.Kind, loop)
		}
		if len(p.Sites) > 0 {
			fmt.Fprintln(w, "  401/403/407/redirect sites:")
		}
		for _, s := range p.Sites {
			kind := s.Kind
			if s.Callee != "" {
				kind += " of " + s.Callee
				if s.Where != "" {
					kind += " (" + s.Where + ")"
				}
			}
			have := "none"
			if len(s.Have) > 0 {
				have = strings.Join(s.Have, ", ")
			}
			answer := "answered by its callers"
			if s.Root {
				answer = "answered here"
			}
			fmt.Fprintf(w, "    %s: %s %s in %s; challenges set on every path: %s; %s\n",
				s.Posn, strings.Join(s.Status, "/"), kind, s.Func, have, answer)
		}
	}
}

func printFactsOrigins(w io.Writer, facts []invFacts) {
	if len(facts) == 0 {
		return
	}
	fmt.Fprintln(w, "\nfacts of the imported packages outside the standard library:")
	for _, f := range facts {
		if f.Why == "" {
			fmt.Fprintf(w, "  %s: %s\n", f.Package, f.From)
		} else {
			fmt.Fprintf(w, "  %s: %s (%s)\n", f.Package, f.From, f.Why)
		}
	}
}
