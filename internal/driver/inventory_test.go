package driver

import (
	"encoding/json"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// surface has a chain ([]Authenticator{&Session{}, &Bearer{}}) whose
// consumer asks the first element for the challenge, a middleware stack
// (RequireSession(RequireBearer(h))) and a bare 401.
const surface = `package x

import (
	"errors"
	"net/http"
)

type User struct{}

var errNoCredentials = errors.New("no credentials")

type Authenticator interface {
	Authenticate(r *http.Request) (*User, error)
	Challenge(r *http.Request) string
}

type Session struct{}

func (*Session) Authenticate(r *http.Request) (*User, error) {
	if _, err := r.Cookie("session"); err != nil {
		return nil, errNoCredentials
	}
	return &User{}, nil
}

func (*Session) Challenge(r *http.Request) string { return "" }

type Bearer struct{}

func (*Bearer) Authenticate(r *http.Request) (*User, error) { return nil, errNoCredentials }

func (*Bearer) Challenge(r *http.Request) string { return ` + "`Bearer realm=\"api\"`" + ` }

type Guard struct{ auths []Authenticator }

func NewGuard() *Guard {
	return &Guard{auths: []Authenticator{&Session{}, &Bearer{}}}
}

func (g *Guard) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, a := range g.auths {
		if _, err := a.Authenticate(r); err == nil {
			return
		}
	}
	w.Header().Set("WWW-Authenticate", g.auths[0].Challenge(r))
	w.WriteHeader(http.StatusUnauthorized)
}

func RequireSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := r.Cookie("session"); err != nil {
			http.Redirect(w, r, "/login", http.StatusFound)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func RequireBearer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			w.Header().Set("WWW-Authenticate", ` + "`Bearer realm=\"api\"`" + `)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func Routes(h http.Handler) http.Handler {
	return RequireSession(RequireBearer(h))
}

func Bare(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusUnauthorized)
}
`

const surfaceText = `package example.com/x
  chains and middleware stacks:
    a.go:37:23: chain of example.com/x.Authenticator (challenge method Challenge); consumer policy first of Guard.auths, challenge looked up at a.go:46:37, tried in the loop at a.go:42:30
      1. Session at a.go:37:39: challenge-less
      2. Bearer at a.go:37:51: challenge-bearing, challenge "Bearer realm=\"api\""
    a.go:72:9: middleware stack (the outermost runs first and answers first)
      1. RequireSession at a.go:72:9: challenge-less
      2. RequireBearer at a.go:72:24: challenge-bearing
  challenge lookups on a fixed position:
    a.go:46:37: example.com/x.Authenticator.Challenge asked of Guard.auths[0] (first); tried in the loop at a.go:42:30
  401/403/407/redirect sites:
    a.go:47:2: 401 write in Guard.ServeHTTP; challenges set on every path: WWW-Authenticate; answered here
    a.go:53:4: 3xx write in func literal in RequireSession; challenges set on every path: none; answered here
    a.go:64:4: 401 write in func literal in RequireBearer; challenges set on every path: WWW-Authenticate; answered here
    a.go:76:2: 401 write in Bare; challenges set on every path: none; answered here
`

// The -inventory -format json shape, decoded strictly.
type (
	invReportT struct {
		Packages []struct {
			ID     string `json:"id"`
			Chains []struct {
				Posn      string `json:"posn"`
				End       string `json:"end"`
				Interface string `json:"interface"`
				Method    string `json:"method"`
				Policy    struct {
					Kind       string `json:"kind"`
					Where      string `json:"where"`
					Loop       string `json:"loop"`
					Collection string `json:"collection"`
					Why        string `json:"why"`
				} `json:"policy"`
				Elements []struct {
					Posn      string `json:"posn"`
					Name      string `json:"name"`
					Class     string `json:"class"`
					Challenge string `json:"challenge"`
				} `json:"elements"`
			} `json:"chains"`
			Lookups []struct {
				Posn       string `json:"posn"`
				End        string `json:"end"`
				Kind       string `json:"kind"`
				Method     string `json:"method"`
				Collection string `json:"collection"`
				Loop       string `json:"loop"`
			} `json:"lookups"`
			Sites []struct {
				Posn   string   `json:"posn"`
				End    string   `json:"end"`
				Kind   string   `json:"kind"`
				Status []string `json:"status"`
				Have   []string `json:"have"`
				Root   bool     `json:"root"`
				Func   string   `json:"func"`
				Callee string   `json:"callee"`
				Where  string   `json:"where"`
			} `json:"sites"`
		} `json:"packages"`
		Facts []struct {
			Package string `json:"package"`
			From    string `json:"from"`
			Why     string `json:"why"`
		} `json:"facts"`
	}
)

func parseInventory(t *testing.T, s string) invReportT {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(s))
	dec.DisallowUnknownFields()
	var inv invReportT
	if err := dec.Decode(&inv); err != nil {
		t.Fatalf("bad inventory JSON: %v\n%s", err, s)
	}
	if dec.More() {
		t.Fatalf("trailing data after the inventory:\n%s", s)
	}
	// Arrays are never null.
	var raw map[string][]map[string]any
	if err := json.Unmarshal([]byte(s), &raw); err != nil || raw["packages"] == nil {
		t.Fatalf("packages is not an array: %v\n%s", err, s)
	}
	for _, p := range raw["packages"] {
		for _, k := range []string{"chains", "lookups", "sites"} {
			if _, ok := p[k].([]any); !ok {
				t.Errorf("package %v: %s is not an array", p["id"], k)
			}
		}
	}
	return inv
}

func TestInventoryText(t *testing.T) {
	dir := module(t, map[string]string{"a.go": surface})
	// The findings first: the inventory replaces them.
	code, stdout, stderr := run(t, dir, rules())
	checkCode(t, nil, code, ExitFindings, stdout, stderr)
	if !strings.Contains(stdout, "a.go:76:2: 401 response without a WWW-Authenticate challenge") {
		t.Errorf("the bare 401 is not reported:\n%s", stdout)
	}
	for _, args := range [][]string{{"-inventory"}, {"-inventory", "-format=text", "./..."}} {
		code, stdout, stderr = run(t, dir, rules(), args...)
		checkCode(t, args, code, ExitClean, stdout, stderr)
		if stdout != surfaceText {
			t.Errorf("%q printed:\n%s\nwant:\n%s", args, stdout, surfaceText)
		}
		if stderr != "" {
			t.Errorf("%q: unexpected stderr %q", args, stderr)
		}
	}
	// The rules' enable flags do not matter: the models run anyway.
	off := []string{"-inventory"}
	for _, a := range rules() {
		off = append(off, "-"+a.Name+"=false")
	}
	code, stdout, stderr = run(t, dir, rules(), off...)
	checkCode(t, off, code, ExitClean, stdout, stderr)
	if stdout != surfaceText {
		t.Errorf("with every rule off, -inventory printed:\n%s", stdout)
	}
}

func TestInventoryJSON(t *testing.T) {
	dir := module(t, map[string]string{"a.go": surface})
	for _, args := range [][]string{{"-inventory", "-format", "json"}, {"-inventory", "-json"}} {
		code, stdout, stderr := run(t, dir, rules(), args...)
		checkCode(t, args, code, ExitClean, stdout, stderr)
		inv := parseInventory(t, stdout)
		if len(inv.Packages) != 1 || inv.Packages[0].ID != "example.com/x" {
			t.Fatalf("%q: want the package example.com/x only:\n%s", args, stdout)
		}
		p := inv.Packages[0]
		if len(p.Chains) != 2 || len(p.Lookups) != 1 || len(p.Sites) != 4 {
			t.Fatalf("%q: want 2 chains, 1 lookup, 4 sites:\n%s", args, stdout)
		}
		c := p.Chains[0]
		if c.Posn != "a.go:37:23" || c.End != "a.go:37:60" || c.Interface != "example.com/x.Authenticator" || c.Method != "Challenge" ||
			c.Policy.Kind != "first" || c.Policy.Where != "a.go:46:37" || c.Policy.Loop != "a.go:42:30" || c.Policy.Collection != "Guard.auths" || len(c.Elements) != 2 {
			t.Errorf("chain = %+v", c)
		}
		if e := c.Elements[0]; e.Posn != "a.go:37:39" || e.Name != "Session" || e.Class != "challenge-less" || e.Challenge != "" {
			t.Errorf("element 0 = %+v", e)
		}
		if e := c.Elements[1]; e.Posn != "a.go:37:51" || e.Name != "Bearer" || e.Class != "challenge-bearing" || e.Challenge != `Bearer realm="api"` {
			t.Errorf("element 1 = %+v", e)
		}
		m := p.Chains[1]
		if m.Posn != "a.go:72:9" || m.Interface != "middleware" || m.Method != "" || m.Policy.Kind != "first" || m.Policy.Where != "" ||
			len(m.Elements) != 2 || m.Elements[0].Name != "RequireSession" || m.Elements[0].Class != "challenge-less" ||
			m.Elements[1].Name != "RequireBearer" || m.Elements[1].Class != "challenge-bearing" {
			t.Errorf("middleware = %+v", m)
		}
		l := p.Lookups[0]
		if l.Posn != "a.go:46:37" || l.End != "a.go:46:60" || l.Kind != "first" || l.Method != "example.com/x.Authenticator.Challenge" ||
			l.Collection != "Guard.auths" || l.Loop != "a.go:42:30" {
			t.Errorf("lookup = %+v", l)
		}
		type site struct {
			posn, kind, status, have, fn string
			root                         bool
		}
		want := []site{
			{"a.go:47:2", "write", "401", "WWW-Authenticate", "Guard.ServeHTTP", true},
			{"a.go:53:4", "write", "3xx", "", "func literal in RequireSession", true},
			{"a.go:64:4", "write", "401", "WWW-Authenticate", "func literal in RequireBearer", true},
			{"a.go:76:2", "write", "401", "", "Bare", true},
		}
		for i, s := range p.Sites {
			got := site{s.Posn, s.Kind, strings.Join(s.Status, ","), strings.Join(s.Have, ","), s.Func, s.Root}
			// Where is the write answering with the status: the site itself.
			if got != want[i] || s.End == "" || s.Callee != "" || s.Where != s.Posn[:strings.LastIndexByte(s.Posn, ':')] {
				t.Errorf("site %d = %+v, want %+v", i, s, want[i])
			}
		}
	}
}

// A call site: a helper given the status answers for its callers; the
// callee's position is resolved to a path.
func TestInventoryCallSite(t *testing.T) {
	dir := module(t, map[string]string{
		"sub/deny.go": "package sub\n\nimport \"net/http\"\n\nfunc deny(w http.ResponseWriter, code int) {\n\tw.WriteHeader(code)\n}\n",
		"sub/h.go":    "package sub\n\nimport \"net/http\"\n\nfunc H(w http.ResponseWriter, r *http.Request) {\n\tdeny(w, http.StatusForbidden)\n}\n",
	})
	args := []string{"-inventory", "-json"}
	code, stdout, stderr := run(t, dir, rules(), args...)
	checkCode(t, args, code, ExitClean, stdout, stderr)
	inv := parseInventory(t, stdout)
	if len(inv.Packages) != 1 || len(inv.Packages[0].Sites) == 0 {
		t.Fatalf("want the sites of example.com/x/sub:\n%s", stdout)
	}
	found := false
	for _, s := range inv.Packages[0].Sites {
		if s.Posn == "sub/h.go:6:2" {
			found = true
			if s.Kind != "call" || strings.Join(s.Status, ",") != "403" || s.Func != "H" || !s.Root {
				t.Errorf("call site = %+v", s)
			}
		}
	}
	if !found {
		t.Errorf("no site at sub/h.go:6:2:\n%s", stdout)
	}
}

// A test variant repeats nothing the package lists; a consumer in a test
// file is listed under the variant. A package without any surface is
// listed empty.
func TestInventoryTestVariants(t *testing.T) {
	dir := module(t, map[string]string{
		"a.go":       surface,
		"a_test.go":  testFile,
		"empty/e.go": "package empty\n",
	})
	args := []string{"-inventory", "-format=json"}
	code, stdout, stderr := run(t, dir, rules(), args...)
	checkCode(t, args, code, ExitClean, stdout, stderr)
	inv := parseInventory(t, stdout)
	var ids []string
	for _, p := range inv.Packages {
		ids = append(ids, p.ID)
	}
	if strings.Join(ids, " | ") != "example.com/x | example.com/x/empty" {
		t.Errorf("packages = %q, want example.com/x and example.com/x/empty (the test variant adds nothing)", ids)
	}
	code, text, _ := run(t, dir, rules(), "-inventory")
	checkCode(t, nil, code, ExitClean, text, "")
	if want := surfaceText + "\npackage example.com/x/empty\n  no chains, middleware stacks, challenge lookups or 401/403/407/redirect sites\n"; text != want {
		t.Errorf("-inventory printed:\n%s\nwant:\n%s", text, want)
	}
}

func TestInventoryErrors(t *testing.T) {
	dir := module(t, map[string]string{"a.go": surface})
	for _, args := range [][]string{{"-inventory", "-format=sarif"}, {"-inventory", "-format=github"}, {"-inventory", "-fix"}} {
		code, stdout, stderr := run(t, dir, rules(), args...)
		checkCode(t, args, code, ExitUsage, stdout, stderr)
		if stdout != "" || !strings.Contains(stderr, "-inventory") {
			t.Errorf("%q: stdout %q stderr %q", args, stdout, stderr)
		}
	}
	// Packages that do not type-check: exit 1, as without -inventory.
	bad := module(t, map[string]string{"a.go": "package x\n\nfunc F() int {\n\treturn \"s\"\n}\n"})
	code, stdout, stderr := run(t, bad, rules(), "-inventory")
	checkCode(t, []string{"-inventory"}, code, ExitError, stdout, stderr)
	// Rules that use no model: nothing to print.
	code, stdout, stderr = run(t, dir, []*analysis.Analyzer{fixme("fixme")}, "-inventory")
	checkCode(t, []string{"-inventory"}, code, ExitError, stdout, stderr)
	if !strings.Contains(stderr, "no rule uses the chain or response model") {
		t.Errorf("stderr = %q", stderr)
	}
}

// TestInventoryNoSSA: a package whose SSA form could not be built says so,
// for the models stay silent on it rather than guess.
func TestInventoryNoSSA(t *testing.T) {
	var b strings.Builder
	printInventory(&b, invReport{Packages: []invPackage{{ID: "example.com/x", NoSSA: "building SSA for example.com/x: boom"}}})
	want := "package example.com/x\n  no SSA form, so the models stay silent on its code: building SSA for example.com/x: boom\n"
	if !strings.HasPrefix(b.String(), want) {
		t.Errorf("inventory = %q, want it to start with %q", b.String(), want)
	}
}
