package driver

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// A helper of another package that writes 401 without a challenge: the
// finding at its call in server needs the helper's facts.
var crossPackage = map[string]string{
	"auth/auth.go": `package auth

import "net/http"

// Deny answers 401 and sets no challenge.
func Deny(w http.ResponseWriter) { w.WriteHeader(http.StatusUnauthorized) }

// Challenge sets the challenge.
func Challenge(w http.ResponseWriter) { w.Header().Set("WWW-Authenticate", "Bearer realm=\"api\"") }
`,
	"server/server.go": `package server

import (
	"net/http"

	"example.com/x/auth"
)

func Bad(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") == "" {
		auth.Deny(w)
	}
}

func Good(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") == "" {
		auth.Challenge(w)
		w.WriteHeader(http.StatusUnauthorized)
	}
}
`,
	"util/util.go": "package util\n\nfunc Add(a, b int) int { return a + b }\n",
}

// only returns the report lines about files below dir/.
func only(stdout, dir string) []string {
	var out []string
	for _, l := range lines(stdout) {
		if strings.HasPrefix(l, dir+"/") {
			out = append(out, l)
		}
	}
	return out
}

// A package named alone is judged as in the whole tree: the packages it
// imports are analysed for their facts.
func TestSubsetEqualsWhole(t *testing.T) {
	dir := module(t, crossPackage)
	code, whole, stderr := run(t, dir, rules(), "./...")
	checkCode(t, []string{"./..."}, code, ExitFindings, whole, stderr)
	want := only(whole, "server")
	if len(want) != 1 || !strings.HasPrefix(want[0], "server/server.go:11:3: call to Deny writes 401") {
		t.Fatalf("./... reports on server:\n%s", whole)
	}
	for _, args := range [][]string{{"./server"}, {"-test=false", "example.com/x/server", "./util"}} {
		code, stdout, stderr := run(t, dir, rules(), args...)
		checkCode(t, args, code, ExitFindings, stdout, stderr)
		if got := only(stdout, "server"); !slices.Equal(got, want) {
			t.Errorf("Main(%q) reports on server:\n%s\nwant (as ./...):\n%s", args, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if got := lines(stdout); len(got) != len(want) {
			t.Errorf("Main(%q) reports on packages it was not given:\n%s", args, stdout)
		}
	}
}

// Two modules of a go.work workspace: the helper's module is analysed for
// its facts when the other module's package is named alone.
func TestWorkspace(t *testing.T) {
	dir := module(t, map[string]string{
		"go.mod":                "module example.com/root\n\ngo 1.26.0\n",
		"go.work":               "go 1.26.0\n\nuse (\n\t./app\n\t./lib\n)\n",
		"lib/go.mod":            "module example.com/x\n\ngo 1.26.0\n",
		"lib/auth/auth.go":      crossPackage["auth/auth.go"],
		"app/go.mod":            "module example.com/app\n\ngo 1.26.0\n\nrequire example.com/x v0.0.0\n",
		"app/server/server.go":  crossPackage["server/server.go"],
		"app/server/server2.go": "package server\n",
	})
	t.Setenv("GOWORK", filepath.Join(dir, "go.work"))
	t.Setenv("GOFLAGS", "") // -mod=mod is refused in workspace mode
	for _, args := range [][]string{{"./app/server"}, {"./app/..."}, {"./app/...", "./lib/..."}} {
		code, stdout, stderr := run(t, dir, rules(), args...)
		checkCode(t, args, code, ExitFindings, stdout, stderr)
		if got := lines(stdout); len(got) != 1 || !strings.HasPrefix(got[0], "app/server/server.go:11:3: call to Deny writes 401") {
			t.Errorf("Main(%q):\n%s", args, stdout)
		}
	}
}

// fasthttpLike is a web framework the knowledge table does not know, in a
// module of its own that the service requires through a replace directive.
var fasthttpLike = map[string]string{
	"go.mod":                 gomod + "\nrequire example.org/web v0.0.0\n\nreplace example.org/web => ./third_party/web\n",
	"third_party/web/go.mod": "module example.org/web\n\ngo 1.26.0\n",
	"third_party/web/web.go": "package web\n\nimport \"net/http\"\n\ntype Ctx struct {\n\tw http.ResponseWriter\n\tr *http.Request\n}\n\nfunc New(w http.ResponseWriter, r *http.Request) *Ctx { return &Ctx{w, r} }\n\nfunc (c *Ctx) Status(code int) { c.w.WriteHeader(code) }\n\nfunc (c *Ctx) SetHeader(k, v string) { c.w.Header().Set(k, v) }\n",
	"svc/svc.go":             serviceSrc,
}

// serviceSrc embeds the framework's context in the service's own; the
// status method is learned from the framework's code.
const serviceSrc = `package svc

import (
	"net/http"

	"example.org/web"
)

type Context struct {
	*web.Ctx
	User string
}

func Handler(w http.ResponseWriter, r *http.Request) {
	c := &Context{Ctx: web.New(w, r), User: r.Header.Get("X-User")}
	if c.User == "" {
		c.Status(http.StatusUnauthorized)
		return
	}
}

func HandlerOK(w http.ResponseWriter, r *http.Request) {
	c := &Context{Ctx: web.New(w, r), User: r.Header.Get("X-User")}
	if c.User == "" {
		c.SetHeader("WWW-Authenticate", "Basic")
		c.Status(http.StatusUnauthorized)
		return
	}
}
`

func TestFrameworkOutsideTable(t *testing.T) {
	dir := module(t, fasthttpLike)
	for _, args := range [][]string{nil, {"./svc"}, {"./svc/..."}} {
		code, stdout, stderr := run(t, dir, rules(), args...)
		checkCode(t, args, code, ExitFindings, stdout, stderr)
		if got := lines(stdout); len(got) != 1 || !strings.HasPrefix(got[0], "svc/svc.go:17:3: call to Status writes 401 without a WWW-Authenticate challenge") {
			t.Errorf("Main(%q):\n%s", args, stdout)
		}
	}
}

func TestCanMatter(t *testing.T) {
	t.Parallel()
	mod := &packages.Module{Path: "example.com/x", Main: true}
	fetched := &packages.Module{Path: "example.com/lib", Version: "v1.2.0"}
	local := &packages.Module{Path: "example.com/fw", Version: "v0.0.0", Replace: &packages.Module{Path: "../fw"}}
	http := &packages.Package{PkgPath: "net/http"}
	fmtPkg := &packages.Package{PkgPath: "fmt"}
	httputil := &packages.Package{PkgPath: "net/http/httputil", Imports: map[string]*packages.Package{"net/http": http}}
	for _, tc := range []struct {
		name string
		p    *packages.Package
		want bool
	}{
		{"standard library", &packages.Package{PkgPath: "net/http/httputil", Imports: httputil.Imports}, false},
		{"imports net/http", &packages.Package{Module: mod, Imports: map[string]*packages.Package{"net/http": http}}, true},
		{"reaches net/http", &packages.Package{Module: mod, Imports: map[string]*packages.Package{"net/http/httputil": httputil}}, true},
		{"imports gRPC", &packages.Package{Module: mod, Imports: map[string]*packages.Package{"google.golang.org/grpc": {PkgPath: "google.golang.org/grpc"}}}, true},
		// A token package of your own may verify what it is handed as
		// text: the models' gate decides from its types.
		{"imports fmt", &packages.Package{Module: mod, Imports: map[string]*packages.Package{"fmt": fmtPkg}}, true},
		{"imports nothing", &packages.Package{Module: mod}, true},
		{"a fetched module", &packages.Package{Module: fetched, Imports: map[string]*packages.Package{"net/http": http}}, false},
		{"a module replaced by a directory", &packages.Package{Module: local, Imports: map[string]*packages.Package{"net/http": http}}, true},
		{"a framework of the table", &packages.Package{PkgPath: "github.com/gin-gonic/gin", Module: mod}, false},
	} {
		if got := CanMatter(tc.p); got != tc.want {
			t.Errorf("%s: CanMatter = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// -inventory says where the facts of the imported packages came from.
func TestInventoryFactsOrigins(t *testing.T) {
	files := map[string]string{
		"lib/lib.go":  "package lib\n\nfunc Name() string { return \"x\" }\n",
		"svc/name.go": "package svc\n\nimport \"example.com/x/lib\"\n\nvar _ = lib.Name\n",
	}
	for k, v := range fasthttpLike {
		files[k] = v
	}
	dir := module(t, files)
	args := []string{"-inventory", "./svc"}
	code, stdout, stderr := run(t, dir, rules(), args...)
	checkCode(t, args, code, ExitClean, stdout, stderr)
	want := "\nfacts of the imported packages outside the standard library:\n" +
		"  example.com/x/lib: analysed\n" +
		"  example.org/web: analysed\n"
	if !strings.HasSuffix(stdout, want) {
		t.Errorf("-inventory printed:\n%s\nwant it to end with:\n%s", stdout, want)
	}
	args = []string{"-inventory", "-json", "./svc"}
	code, stdout, stderr = run(t, dir, rules(), args...)
	checkCode(t, args, code, ExitClean, stdout, stderr)
	inv := parseInventory(t, stdout)
	if len(inv.Facts) != 2 || inv.Facts[0].Package != "example.com/x/lib" || inv.Facts[0].From != "analysed" ||
		inv.Facts[1].Package != "example.org/web" || inv.Facts[1].From != "analysed" || inv.Facts[1].Why != "" {
		t.Errorf("facts = %+v", inv.Facts)
	}
	// Named, a package is not listed: its facts are the run's own.
	args = []string{"-inventory", "./..."}
	code, stdout, stderr = run(t, dir, rules(), args...)
	checkCode(t, args, code, ExitClean, stdout, stderr)
	if !strings.HasSuffix(stdout, "\nfacts of the imported packages outside the standard library:\n  example.org/web: analysed\n") {
		t.Errorf("-inventory ./... printed:\n%s", stdout)
	}
}

// The same under go vet: the framework's package is a unit of its own, its
// status method travels as a fact to the service's unit.
func TestFrameworkOutsideTableVet(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and runs go vet")
	}
	bin := filepath.Join(t.TempDir(), "authchallenge")
	build := exec.Command("go", "build", "-o", bin, "github.com/authchallenge/authchallenge/cmd/authchallenge")
	build.Env = append(os.Environ(), "GOFLAGS=") // this repository's module, not a scratch one
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dir := module(t, fasthttpLike)
	vet := exec.Command("go", "vet", "-vettool="+bin, "./svc")
	vet.Dir = dir
	out, err := vet.CombinedOutput()
	if err == nil {
		t.Fatalf("go vet found nothing:\n%s", out)
	}
	var reports []string
	for _, l := range lines(string(out)) {
		if strings.Contains(l, ".go:") {
			reports = append(reports, l)
		}
	}
	if len(reports) != 1 || !strings.Contains(reports[0], "svc/svc.go:17:3: call to Status writes 401 without a WWW-Authenticate challenge") {
		t.Errorf("go vet -vettool reports:\n%s", out)
	}
}
